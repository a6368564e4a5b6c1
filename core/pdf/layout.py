"""The printout's table as plain data: rows of cells and the style commands.

Everything here is a pure function of the report, so the layout (which text goes in
which cell, which rules are drawn, which cells span) is tested as data without
rendering; ``document.py`` only turns the cells into reportlab Paragraphs.

Why the goal column has no SPAN: a reportlab ``SPAN`` over a goal's measure rows
cannot be split across pages reliably (missing rules, header repeated mid-page,
"too large" errors on long reports; see ``/work/shared/notes/platform.md``). So the
goal's number and text stand in its first measure row, and the goal's cell is drawn
with rules: no horizontal rule between its measure rows in the first two columns.
When the goal continues on the next page, ``document.GoalTable`` prints its number
and text again at the top. The only spans are one row high (the header's
``Суурь түвшин`` over its two sub-columns, the total label, the signature lines).
"""

from __future__ import annotations

from typing import NamedTuple

from core.pdf.fonts import REGULAR
from core.report.draft import total_text
from core.report.model import Measure, Report
from core.report.official_form import (
    APPROVED_WORD,
    COL_WIDTHS_MM,
    HEADER_SUB,
    HEADER_TOP,
    PLAN_COL_WIDTHS_MM,
    PLAN_HEADER_SUB,
    PLAN_HEADER_TOP,
    TOTAL_LABEL,
    printed_score,
)
from core.report.scoring import summarize
from core.trust.fingerprint import short_code
from core.trust.signing import key_code

NCOLS = 8

HEADER_ROWS = 2

SIGN_LINE = "." * 40

RULE = 0.5  # points: inner rules
FRAME_RULE = 0.9  # points: the table's outline


class Cell(NamedTuple):
    """One cell's text exactly as the user wrote it, with how to print it.

    ``tail`` is printed bold at the end of the text, on its own line (the score,
    ``Биелэлт 70``, as on the original form). Cells and rows are named tuples, not
    frozen dataclasses: as plain and immutable, and made at a printout's start in a
    tenth of the time.
    """

    text: str = ""
    bold: bool = False
    align: str = "LEFT"  # LEFT, CENTER or RIGHT
    tail: str = ""
    qr: str = ""  # when set, the cell holds a QR code of this text (the fingerprint row)

    @property
    def is_empty(self) -> bool:
        """Nothing to print in the cell: no text, no score and no QR code (blank space does not count)."""
        return not self.text.strip() and not self.tail.strip() and not self.qr


class Row(NamedTuple):
    """One table row. ``kind``: header, subheader, measure, goal (a goal without
    measures), total, gap, signature or fingerprint (finalized reports only). Measure rows know their goal, so that the goal's
    cell can be drawn over its rows and repeated on a continuation page."""

    kind: str
    cells: tuple[Cell, ...]
    goal_id: str | None = None
    goal_number: str = ""
    goal_text: str = ""
    goal_first: bool = False
    goal_last: bool = False
    measure_id: str | None = None


def measure_title(measure: Measure) -> str:
    """Number and text of a measure as one cell (``1.1. Авлигатай ...``)."""
    number, text = measure.number.strip(), measure.text
    if number and text.strip():
        return f"{number} {text.lstrip()}"
    return number or text


def signature_text(role: str, position: str, name: str) -> str:
    """``ROLE: POSITION ........ NAME``: a dotted line to sign on between."""
    left = ": ".join(p.strip() for p in (role, position) if p.strip())
    return f"{left} {SIGN_LINE} {name.strip()}".strip()


FINGERPRINT_LABEL = "Хурууны хээ"
KEY_LABEL = "Түлхүүр"
QR_HEADER = "Tailan"


def fingerprint_line(report: Report) -> str:
    """``Хурууны хээ: 9476-9852-DA5B-6D53 · Түлхүүр: 8E25-5C17-086F-7099`` on every page of a
    finalized report (the key code tells the aimag which key is the organization's);
    empty otherwise."""
    if not report.is_final or not report.fingerprint:
        return ""
    line = f"{FINGERPRINT_LABEL}: {short_code(report.fingerprint)}"
    if report.public_key:
        line += f" · {KEY_LABEL}: {key_code(report.public_key)}"
    return line


def qr_text(report: Report) -> str:
    """What the signature page's QR code holds, one item a line: ``Tailan``, organization,
    year, period, total as printed and the full fingerprint. Empty for a report that is
    not finalized (a draft has no fingerprint)."""
    if not report.is_final or not report.fingerprint:
        return ""
    summary = summarize(report)
    items = [QR_HEADER, report.organization.strip(), str(report.year or ""), report.period.value,
             summary.total_display or "", report.fingerprint]
    return "\n".join(items)


def fingerprint_text(report: Report) -> str:
    """The fingerprint row's words beside the QR code: revision, date finalized, full fingerprint."""
    date = (report.finalized_at or "")[:10]
    key = f"\n{KEY_LABEL} (гарын үсгийн): {key_code(report.public_key)}" if report.public_key else ""
    return (
        f"{FINGERPRINT_LABEL} (SHA-256): {report.fingerprint}{key}\n"
        f"Хувилбар {report.revision}, баталгаажсан {date}. Файлын хурууны хээ энэ кодтой тохирох ёстой."
    )


def col_widths_mm(rows: list[Row]) -> tuple[float, ...]:
    """The column widths of a table of ``rows``: the plan's nine or the report's eight columns."""
    return PLAN_COL_WIDTHS_MM if len(rows[0].cells) == len(PLAN_COL_WIDTHS_MM) else COL_WIDTHS_MM


def is_approver(role: str) -> bool:
    """A signatory who approves (``БАТЛАВ``, ``БАТЛАСАН``): printed above a plan's title, not under its table."""
    return " ".join(role.split()).upper().startswith(APPROVED_WORD[:5])


#: The kinds of row after the table's body (the total, the signatures, the fingerprint).
AFTER_BODY = ("total", "gap", "signature", "fingerprint")


def body_end(rows: list[Row]) -> int:
    """The first row after the body: the total row of a report, the signatures of a plan (which has no total)."""
    return next((i for i, r in enumerate(rows) if r.kind in AFTER_BODY), len(rows))


def plan_rows(report: Report) -> list[Row]:
    """A plan's table: header, one row per measure (no achieved level, no score: its due time and
    who is responsible instead), no total; the preparers' signatures under it (the approving
    one stands above the title) and, once finalized, the fingerprint row."""
    n = len(PLAN_HEADER_TOP)
    rows = [
        Row("header", tuple(Cell(t, bold=True, align="CENTER") for t in PLAN_HEADER_TOP)),
        Row("subheader", tuple(Cell(t, bold=True, align="CENTER") for t in PLAN_HEADER_SUB)),
    ]
    for goal in report.goals:
        goal_cells = (Cell(goal.number.strip(), align="CENTER"), Cell(goal.text))
        common = dict(goal_id=goal.id, goal_number=goal.number.strip(), goal_text=goal.text)
        if not goal.measures:
            rows.append(Row("goal", goal_cells + (Cell(),) * (n - 2), goal_first=True, goal_last=True, **common))
            continue
        last = len(goal.measures) - 1
        for i, m in enumerate(goal.measures):
            cells = (goal_cells if i == 0 else (Cell(), Cell())) + (
                Cell(measure_title(m)), Cell(m.indicator), Cell(m.baseline_year, align="CENTER"),
                Cell(m.baseline_level), Cell(m.target_level), Cell(m.due), Cell(m.responsible),
            )
            rows.append(Row("measure", cells, goal_first=i == 0, goal_last=i == last, measure_id=m.id, **common))
    signers = [s for s in report.signatories if not is_approver(s.role)]
    if signers:
        rows.append(Row("gap", (Cell(),) * n))
        for s in signers:
            rows.append(Row("signature", (Cell(), Cell(signature_text(s.role, s.position, s.name), bold=True))
                            + (Cell(),) * (n - 2)))
    qr = qr_text(report)
    if qr:
        if not signers:
            rows.append(Row("gap", (Cell(),) * n))
        rows.append(Row("fingerprint", (Cell(), Cell(fingerprint_text(report))) + (Cell(),) * (n - 3)
                        + (Cell(qr=qr, align="RIGHT"),)))
    return rows


def table_rows(report: Report) -> list[Row]:
    """Header, one row per measure (a goal without measures keeps one row), the total
    row, a gap and one row per signatory; for a finalized report, a last row with the
    full fingerprint and its QR code (inside the block kept with the signatures). A plan's
    table is ``plan_rows``'."""
    if report.period.is_plan:
        return plan_rows(report)
    rows = [
        Row("header", tuple(Cell(t, bold=True, align="CENTER") for t in HEADER_TOP)),
        Row("subheader", tuple(Cell(t, bold=True, align="CENTER") for t in HEADER_SUB)),
    ]
    for goal in report.goals:
        goal_cells = (Cell(goal.number.strip(), align="CENTER"), Cell(goal.text))
        blank = (Cell(), Cell())
        common = dict(goal_id=goal.id, goal_number=goal.number.strip(), goal_text=goal.text)
        if not goal.measures:
            rows.append(Row("goal", goal_cells + (Cell(),) * 6, goal_first=True, goal_last=True, **common))
            continue
        last = len(goal.measures) - 1
        for i, m in enumerate(goal.measures):
            cells = (goal_cells if i == 0 else blank) + (
                Cell(measure_title(m)),
                Cell(m.indicator),
                Cell(m.baseline_year, align="CENTER"),
                Cell(m.baseline_level),
                Cell(m.target_level),
                Cell(m.achieved, tail=printed_score(m.score)),
            )
            rows.append(Row("measure", cells, goal_first=i == 0, goal_last=i == last, measure_id=m.id, **common))
    rows.append(Row("total", (Cell(TOTAL_LABEL, bold=True),) + (Cell(),) * 6 + (Cell(total_text(report), bold=True, align="CENTER"),)))
    if report.signatories:
        rows.append(Row("gap", (Cell(),) * NCOLS))
        for s in report.signatories:
            rows.append(Row("signature", (Cell(),) + (Cell(signature_text(s.role, s.position, s.name), bold=True),) + (Cell(),) * 6))
    qr = qr_text(report)
    if qr:
        if not report.signatories:
            rows.append(Row("gap", (Cell(),) * NCOLS))
        rows.append(Row("fingerprint", (Cell(), Cell(fingerprint_text(report))) + (Cell(),) * 5 + (Cell(qr=qr, align="RIGHT"),)))
    return rows


def row_index(rows: list[Row], kind: str) -> int:
    """The first row of ``kind``; raises StopIteration when there is none (every report table has a total row)."""
    return next(i for i, r in enumerate(rows) if r.kind == kind)


def table_style(rows: list[Row]) -> list[tuple]:
    """reportlab style commands for ``rows``: rules, spans, no-split, paddings.

    Rules: outline of header, body and total; vertical rules between all columns;
    under each measure a rule in columns 3-8, in columns 1-2 only under a goal's
    last measure (that is how the goal's cell is drawn without a span). The total
    row, the signature lines and the last measure row form one NOSPLIT block, so the
    total never stands on a page without the signatures, nor these without a row of
    the table (a tall last row is split inside, its end comes along).
    """
    total = body_end(rows)
    style = frame_style(rows, total)
    for i in range(len(rows)):
        style.extend(row_style(rows, i, total))
    style.append(nosplit_style(rows, total))
    return style


def frame_style(rows: list[Row], total: int) -> list[tuple]:
    """The commands over many rows: fonts, paddings, the outline, vertical rules, the total row
    (``total``: the first row after the body; a plan has no total row, its outline ends above it)."""
    black = "black"
    has_total = total < len(rows) and rows[total].kind == "total"
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),  # for empty cells too: else reportlab sets Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, HEADER_ROWS - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("SPAN", (4, 0), (5, 0)),
        ("BOX", (0, 0), (-1, total if has_total else total - 1), FRAME_RULE, black),
        ("LINEAFTER", (0, 0), (3, total - 1), RULE, black),
        ("LINEAFTER", (4, 1), (4, total - 1), RULE, black),
        ("LINEAFTER", (5, 0), (-2, total - 1), RULE, black),
        ("LINEBELOW", (4, 0), (5, 0), RULE, black),
        ("LINEBELOW", (0, HEADER_ROWS - 1), (-1, HEADER_ROWS - 1), FRAME_RULE, black),
    ]
    if has_total:
        style += [
            ("SPAN", (0, total), (-2, total)),
            ("LINEBEFORE", (-1, total), (-1, total), RULE, black),
            ("LINEABOVE", (0, total), (-1, total), FRAME_RULE, black),
            ("VALIGN", (0, total), (-1, total), "MIDDLE"),
            ("TOPPADDING", (0, total), (-1, total), 4),
            ("BOTTOMPADDING", (0, total), (-1, total), 5),
        ]
    return style


def row_style(rows: list[Row], i: int, total: int) -> list[tuple]:
    """The commands of row ``i`` alone: the rule under a measure, a signature's span and padding."""
    row, black = rows[i], "black"
    if row.kind in ("measure", "goal") and i + 1 < total:
        first_col = 0 if row.goal_last else 2
        return [("LINEBELOW", (first_col, i), (-1, i), RULE, black)]
    if row.kind == "gap":
        return [("TOPPADDING", (0, i), (-1, i), 10)]
    if row.kind == "signature":
        return [("SPAN", (1, i), (-1, i)), ("TOPPADDING", (0, i), (-1, i), 14)]
    if row.kind == "fingerprint":
        return [
            ("SPAN", (1, i), (-2, i)),
            ("TOPPADDING", (0, i), (-1, i), 10),
            ("VALIGN", (0, i), (-1, i), "BOTTOM"),
            ("ALIGN", (-1, i), (-1, i), "RIGHT"),
        ]
    return []


def nosplit_start(rows: list[Row], total: int | None = None) -> int:
    """First row of the block kept on one page: the last body row, the total, the signatures."""
    total = body_end(rows) if total is None else total
    return max(total - 1, HEADER_ROWS)


def nosplit_style(rows: list[Row], total: int) -> tuple:
    """The NOSPLIT command for the block from the last body row to the end, so signatures never stand alone."""
    # The signatures never stand on a page of their own: the last body row comes along
    # (a page bearing only signatures could be put behind any table).
    return ("NOSPLIT", (0, nosplit_start(rows, total)), (-1, len(rows) - 1))


def window_style(rows: list[Row], start: int, stop: int) -> list[tuple]:
    """The style of a table made of the header and ``rows[start:stop]``, cut from the
    whole table's style as reportlab cuts it at a page end (``core/pdf/paged.py`` lays
    a long table out a window of rows at a time).

    A command over several rows keeps its header part and its part inside the window,
    renumbered; a box cut at the window's top becomes its sides, as in reportlab's own
    split. The result for ``(HEADER_ROWS, len(rows))`` draws the same as ``table_style``.
    """
    total = body_end(rows)
    last = len(rows) - 1
    shift = HEADER_ROWS - start
    style: list[tuple] = []

    def place(cmd: tuple) -> None:
        op, (sc, sr), (ec, er) = cmd[:3]
        sr, er = (sr + len(rows) if sr < 0 else sr), (er + len(rows) if er < 0 else er)
        lo, hi = max(sr, start), min(er, stop - 1)
        if sr < HEADER_ROWS and start == HEADER_ROWS and lo <= hi:  # one piece, as in the whole table
            style.append((op, (sc, sr), (ec, hi + shift)) + cmd[3:])
            return
        header = sr < HEADER_ROWS
        body = lo <= hi
        if op == "BOX" and header and body:
            for side in (("LINEABOVE", (sc, sr), (ec, sr)), ("LINEBEFORE", (sc, sr), (sc, er)),
                         ("LINEAFTER", (ec, sr), (ec, er)), ("LINEBELOW", (sc, er), (ec, er))):
                place(side + cmd[3:])
            return
        if header:
            style.append((op, (sc, sr), (ec, min(er, HEADER_ROWS - 1))) + cmd[3:])
        if body:
            style.append((op, (sc, lo + shift), (ec, hi + shift)) + cmd[3:])

    for cmd in frame_style(rows, total):
        place(cmd)
    for i in range(start, min(stop, last + 1)):
        for cmd in row_style(rows, i, total):
            place(cmd)
    place(nosplit_style(rows, total))
    return style
