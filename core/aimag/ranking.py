"""The aimag's ranking of its organizations, who has not sent anything yet, and the CSV.

Organizations are ranked within each year and period by their total (the official
mean, compared exactly, not by its cut-off display), ties by name.

The CSV is made to be double-clicked into Excel on the aimag reviewer's Mongolian
Windows, and its text comes from strangers, so:

- UTF-8 with a BOM (else Excel reads the Cyrillic as cp1251 garbage) and CRLF.
- ``;`` between cells and a decimal comma (``82,8``). Excel opens a double-clicked CSV
  with the Windows list separator and decimal symbol of the PC's region. The Mongolian
  and Russian regions of Windows (the two an aimag office runs) use ``;`` and ``,``; a
  ``,``-separated file there lands in one column, and ``82.8`` is read as text or a
  date. The same ``,`` is how the official printout writes a total. (An English-region
  Excel shows this file in one column: the ``.xlsx`` export, which carries numbers
  without any separator, is the file for such PCs and for anyone unsure.) A ``sep=;``
  first line would fix the separator everywhere, but Excel then ignores the BOM and
  garbles the Cyrillic, so it is not used.
- Totals and goal means are numbers, cut off to one decimal exactly as printed, never
  rounded, one column per goal (``Зорилт 1``...; the union of the goal numbers of all
  rows in order of first appearance; an empty cell where a report lacks that goal).
- A text cell that Excel would take for a formula (first character, after any spaces,
  ``= + - @``, a TAB or CR, or their full-width forms) gets a leading ``'`` (OWASP's
  advice for CSV injection): Excel shows ``'=HYPERLINK(...)`` as text and runs nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from core.aimag.plan_compare import compare_with_plans
from core.aimag.register import expected_organizations
from core.report import scoring
from core.report.model import Period
from core.storage import ReportFile
from core.storage.atomic import write_bytes_atomically
from core.storage.submissions import current_submissions
from core.trust.fingerprint import report_from_content
from core.trust.names import name_key


@dataclass
class RankingRow:
    """One organization's current report in the ranking: rank, total, goal means, for screen and exports."""

    rank: int
    organization: str
    aimag: str
    year: int | None
    period: str
    total: Fraction | None
    total_display: str
    goal_means: list[tuple[str, str]]
    unscored: int
    revision: int
    received_at: str
    fingerprint: str
    report_id: str
    #: (goal number, exact mean or None) in the report's order: the numbers of the exports
    goal_averages: list[tuple[str, Fraction | None]] = field(default_factory=list)
    #: How the report differs from the organization's plan of the year held here
    #: (``{"added", "dropped", "changed"}``, ``core.aimag.plan_compare``); ``None`` without one.
    plan: dict[str, int] | None = None

    def to_json(self) -> dict:
        """The row for ``ranking --json``: the total as a number and as printed, goal means as printed."""
        return {
            "rank": self.rank,
            "organization": self.organization,
            "aimag": self.aimag,
            "year": self.year,
            "period": self.period,
            "total": None if self.total is None else float(self.total),
            "total_display": self.total_display,
            "goal_means": [{"number": n, "average": a} for n, a in self.goal_means],
            "unscored": self.unscored,
            "revision": self.revision,
            "received_at": self.received_at,
            "fingerprint": self.fingerprint,
            "plan": self.plan,
        }


def ranking(rf: ReportFile) -> list[RankingRow]:
    """Current submissions, ranked within each (year, period); equal totals share a rank.

    Each is named as the aimag's register writes the organization, whatever spelling
    the file itself used. Plans are not ranked (they have no scores): each report is
    held against its organization's plan of the year instead (``RankingRow.plan``).
    """
    entries, plans = [], []
    for content, received_at, fingerprint, registered_name in current_submissions(rf):
        report = report_from_content(json.loads(content))
        if registered_name:
            report.organization = registered_name
        if report.period.is_plan:
            plans.append(report)
            continue
        summary = scoring.summarize(report)
        entries.append((report, summary, received_at, fingerprint))
    differences = compare_with_plans([e[0] for e in entries], plans)
    entries.sort(key=lambda e: (-(e[0].year or 0), e[0].period.value, -(e[1].total if e[1].total is not None else -1), e[0].organization))
    out: list[RankingRow] = []
    group = None
    position = rank = 0
    previous_total: object = object()
    for report, summary, received_at, fingerprint in entries:
        key = (report.year, report.period)
        if key != group:
            group, position, previous_total = key, 0, object()
        position += 1
        if summary.total != previous_total:  # equal totals share a rank: 1, 1, 3
            rank, previous_total = position, summary.total
        out.append(
            RankingRow(
                rank=rank,
                organization=report.organization,
                aimag=report.aimag,
                year=report.year,
                period=report.period.value,
                total=summary.total,
                total_display=summary.total_display,
                goal_means=[(g.number, scoring.display(summary.goal_averages[g.id], "—")) for g in report.goals],
                unscored=len(summary.unscored),
                revision=report.revision,
                received_at=received_at,
                fingerprint=fingerprint,
                report_id=report.id,
                goal_averages=[(g.number, summary.goal_averages[g.id]) for g in report.goals],
                plan=differences[id(report)].counts() if id(report) in differences else None,
            )
        )
    return out


def missing_organizations(rf: ReportFile, rows: list[RankingRow] | None = None) -> list[str]:
    """Organizations of the register expected to report that have no current report.

    Compared by name key (``core.trust.names``): a look-alike spelling neither hides a soum
    that never sent nor counts as a second one.
    """
    rows = ranking(rf) if rows is None else rows
    received = {name_key(r.organization) for r in rows}
    return [name for name in expected_organizations(rf) if name_key(name) not in received]


#: The columns before the goals and after them; the goals' columns go between.
LEADING_COLUMNS = ("Байр", "Байгууллага", "Аймаг", "Он", "Хугацаа", "Биелэлтийн нийт дүн")
TRAILING_COLUMNS = ("Үнэлгээгүй", "Хувилбар", "Хүлээн авсан", "Хурууны хээ")
GOAL_COLUMN = "Зорилт"

#: What Excel takes as the start of a formula (full-width forms too: some Excels accept them).
FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")

GoalKey = tuple[str, int]  # (goal number without its final dot, occurrence in the report)

Cell = int | Fraction | str | None  # Fraction: a value cut to tenths, to be written as a number


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (or a command)."""
    if text[:1] in ("\t", "\r"):
        return True
    for ch in text:  # spaces and invisible format characters (zero-width, bidi marks) are skipped
        if not (ch.isspace() or unicodedata.category(ch) == "Cf"):
            return ch in FORMULA_STARTS
    return False


def safe_text(text: str) -> str:
    """``text`` as Excel must show it: a leading ``'`` when it could be read as a formula."""
    return "'" + text if looks_like_formula(text) else text


def goal_label(number: str) -> str:
    """A goal number as a column key: ``3.`` and ``3`` are one goal across reports."""
    return number.strip().rstrip(".").strip()


def row_goal_values(row: RankingRow) -> dict[GoalKey, Fraction | None]:
    """The row's goal means by column key; a number used twice in one report gets two columns."""
    seen: dict[str, int] = {}
    values: dict[GoalKey, Fraction | None] = {}
    for number, average in row.goal_averages:
        label = goal_label(number)
        seen[label] = seen.get(label, 0) + 1
        values[(label, seen[label])] = average
    return values


def goal_keys(rows: list[RankingRow]) -> list[GoalKey]:
    """The union of the rows' goals, in order of first appearance."""
    keys: dict[GoalKey, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(row_goal_values(row)))
    return list(keys)


def goal_header(key: GoalKey) -> str:
    """A goal column's header; a number used twice in one report gets ``(2)`` so no column hides another."""
    label, occurrence = key
    text = f"{GOAL_COLUMN} {label}" if label else f"{GOAL_COLUMN} (дугааргүй)"
    return text if occurrence == 1 else f"{text} ({occurrence})"


def export_header(keys: list[GoalKey]) -> list[str]:
    """The header row of the CSV and the spreadsheet: fixed columns around one column per goal."""
    return [*LEADING_COLUMNS, *(goal_header(k) for k in keys), *TRAILING_COLUMNS]


def tenths(value: Fraction | None) -> Fraction | None:
    """Cut off to one decimal as the official display is (82.857... -> 82.8), never rounded."""
    return None if value is None else scoring.cut_to_tenths(value)


def export_cells(row: RankingRow, keys: list[GoalKey]) -> list[Cell]:
    """One row of the CSV and the spreadsheet: numbers as ``int``/``Fraction``, text as ``str``."""
    goals = row_goal_values(row)
    return [
        row.rank,
        row.organization,
        row.aimag,
        row.year,
        Period(row.period).label,
        tenths(row.total),
        *(tenths(goals.get(k)) for k in keys),
        row.unscored,
        row.revision,
        row.received_at[:19].replace("T", " "),
        row.fingerprint,
    ]


def csv_cell(value: Cell) -> str:
    """One CSV cell as a Mongolian-region Excel reads it: decimal comma, and no text that could run as a formula."""
    if value is None:
        return ""
    if isinstance(value, Fraction):
        return scoring.display(value)
    if isinstance(value, int):
        return str(value)
    return safe_text(value)


CSV_DELIMITER = ";"


def ranking_csv(rows: list[RankingRow]) -> str:
    """The ranking as CSV text for a double-click into Excel: ``;`` between cells, CRLF, formulas defused."""
    keys = goal_keys(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in export_header(keys)])
    for r in rows:
        writer.writerow([csv_cell(c) for c in export_cells(r, keys)])
    return buffer.getvalue()


def write_ranking_csv(rows: list[RankingRow], target: str | os.PathLike) -> Path:
    """Writes the CSV with a BOM (else Excel reads the Cyrillic as cp1251), whole or not at all."""
    return write_bytes_atomically(target, b"\xef\xbb\xbf" + ranking_csv(rows).encode("utf-8"))
