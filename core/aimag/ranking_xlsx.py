"""The aimag's ranking as an Excel workbook (``.xlsx``, written with openpyxl).

Unlike the CSV, a workbook carries its numbers without any decimal separator, so it
opens the same in a Mongolian, Russian or English Excel: it is the file to give a
reviewer who is unsure. One sheet per year and period, because a rank only means
something inside its year and period and each plan has its own goals; the columns are
those of the CSV (``ranking.export_header``), the goals of that sheet's reports only.
A last sheet lists the expected organizations that have not sent.

Text from received files is never a formula: openpyxl turns any string that begins
with ``=`` into a formula and ``#N/A`` into an error value, so every text cell is set
back to a plain string, and one that Excel could read as a formula also gets Excel's
own "quote prefix" (the cell shows the text, and stays text when the reviewer edits
it). Characters that cannot exist in an .xlsx (control characters) are shown as ``�``;
a text longer than an Excel cell holds is cut with ``…``.
"""

from __future__ import annotations

import io
import os
import re
from fractions import Fraction
from pathlib import Path

from core.aimag.ranking import RankingRow, export_cells, export_header, goal_keys, looks_like_formula
from core.report.model import Period
from core.storage.atomic import write_bytes_atomically

#: Excel's limit of characters in one cell.
EXCEL_CELL_MAX = 32767
#: Excel's limit and forbidden characters for a sheet's name.
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
NUMBER_FORMAT = "0.0"
MISSING_SHEET = "Ирүүлээгүй"
#: Column widths in Excel's units (about one character each).
MIN_WIDTH, MAX_WIDTH = 6, 70  # 70: a whole fingerprint (64 hex digits)


def sheet_title(year: int | None, period: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: no forbidden characters, at most 31 long, unique regardless of case."""
    base = f"{year or '?'} он, {Period(period).label.lower()}"
    base = _SHEET_FORBIDDEN.sub("_", base)[:SHEET_NAME_MAX]
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[: SHEET_NAME_MAX - len(suffix)] + suffix
    taken.add(title.lower())
    return title


def cell_text(text: str) -> str:
    """Text an .xlsx can hold: control characters shown as ``�``, cut with ``…`` at Excel's cell limit."""
    text = _ILLEGAL.sub("\ufffd", text)
    return text if len(text) <= EXCEL_CELL_MAX else text[: EXCEL_CELL_MAX - 1] + "…"


def put(ws, row: int, column: int, value) -> None:
    """Writes one value: numbers as numbers (one decimal), text always as text."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, Fraction):
        cell.value = float(value)
        cell.number_format = NUMBER_FORMAT
    elif isinstance(value, int):
        cell.value = value
    else:
        text = cell_text(value)
        cell.value = text
        cell.data_type = "s"  # never a formula or an error value, whatever the text
        if looks_like_formula(text) or text.startswith("#"):
            cell.quotePrefix = True


def display_width(value) -> int:
    """About how many characters wide a value shows, to size its column (a mean is always short)."""
    if value is None:
        return 0
    if isinstance(value, Fraction):
        return 6
    longest_line = max((len(line) for line in str(value).splitlines()), default=0)
    return longest_line


def fill_sheet(ws, rows: list[RankingRow]) -> None:
    """One year and period's ranking on a sheet: bold header, the CSV's columns, sized, frozen and filterable."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    keys = goal_keys(rows)
    header = export_header(keys)
    widths = [len(h) for h in header]
    bold = Font(bold=True)
    for column, text in enumerate(header, start=1):
        put(ws, 1, column, text)
        ws.cell(row=1, column=column).font = bold
        ws.cell(row=1, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=2):
        for column, value in enumerate(export_cells(row, keys), start=1):
            put(ws, r, column, value)
            widths[column - 1] = max(widths[column - 1], display_width(value))
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
        if width > MAX_WIDTH:  # a long name wraps inside its column instead of running on
            for r in range(2, len(rows) + 2):
                ws.cell(row=r, column=column).alignment = wrap
    ws.freeze_panes = "C2"  # the header and the rank and organization stay in view
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def ranking_workbook(rows: list[RankingRow], missing: list[str]):
    """One sheet per year and period (ranks compare only within them) and a last sheet of who has not sent."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    groups: dict[tuple, list[RankingRow]] = {}
    for row in rows:
        groups.setdefault((row.year, row.period), []).append(row)
    for (year, period), group in groups.items():
        fill_sheet(workbook.create_sheet(sheet_title(year, period, taken)), group)
    if not groups:
        fill_sheet(workbook.create_sheet("Эрэмбэ"), [])
    ws = workbook.create_sheet(MISSING_SHEET)
    put(ws, 1, 1, "Тайлан ирүүлээгүй байгууллага")
    from openpyxl.styles import Font

    ws.cell(row=1, column=1).font = Font(bold=True)
    for r, name in enumerate(missing, start=2):
        put(ws, r, 1, name)
    ws.column_dimensions["A"].width = min(MAX_WIDTH, max([30, *(len(n) + 2 for n in missing)]))
    ws.freeze_panes = "A2"
    return workbook


def ranking_xlsx_bytes(rows: list[RankingRow], missing: list[str]) -> bytes:
    """The workbook in memory, so it is written to disk whole or not at all."""
    buffer = io.BytesIO()
    ranking_workbook(rows, missing).save(buffer)
    return buffer.getvalue()


def write_ranking_xlsx(rows: list[RankingRow], missing: list[str], target: str | os.PathLike) -> Path:
    """Writes the workbook to ``target`` atomically (complete or not at all)."""
    return write_bytes_atomically(target, ranking_xlsx_bytes(rows, missing))
