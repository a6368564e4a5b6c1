"""What stands around the table: appendix label, title and date above, signatures below,
and the result of an import with the account of every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.report.model import DEFAULT_APPENDIX_LABEL, Period, Report, Signatory
from core.tables.wordtable.rows import SkippedRow, count_scores

_DATE = re.compile(r"^\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?\s*$")
_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*ОН", re.IGNORECASE)
#: ``... ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ (2024)``: a year in parentheses, when no ``2024 ОНЫ`` says it.
_YEAR_IN_PARENTHESES = re.compile(r"\(\s*((?:19|20)\d{2})\s*(?:он[а-я]*)?\s*\)", re.IGNORECASE)
#: Where the organization's name ends in the title's first line: a comma (``НАРИЙНТЭЭЛ СУМ,
#: БАЙГУУЛЛАГЫН ...``), or, in titles without one, a year or the words of the form's name.
_ORGANIZATION_END = re.compile(r",|\s+(?=\(?\d{4})|\s+(?=(?:авлиг|төлөвлөгөө|үйл ажиллагаа))", re.IGNORECASE)
#: ``ROLE: POSITION ........ NAME`` on one line (a Word export, a signature table row).
_FILLER = re.compile(r"\s*(?:\t+|\.{4,}|…{2,}|_{4,})[\s.…_\t]*")


@dataclass
class ImportResult:
    """The parsed report, what the source said beside it, and the account of its rows."""

    report: Report
    printed_total: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    skipped: list[SkippedRow] = field(default_factory=list)
    mapping: list[str] = field(default_factory=list)

    @property
    def goal_count(self) -> int:
        """How many goals were read, for the import's summary."""
        return len(self.report.goals)

    @property
    def measure_count(self) -> int:
        """How many measures were read, for the import's summary."""
        return len(self.report.measures())

    @property
    def score_count(self) -> int:
        """How many measures came with a score (not-due included), so the officer sees how many are still to score."""
        return count_scores(self.report.goals)

    def summary_lines(self) -> list[str]:
        """What was read, in Mongolian: counts, then each skipped row with its number and why."""
        lines = [
            f"Уншсан: {self.goal_count} зорилт, {self.measure_count} арга хэмжээ, {self.score_count} үнэлгээ; "
            f"алгассан мөр: {len(self.skipped)}."
        ]
        for s in self.skipped:
            lines.append(f"{s.row}-р мөрийг алгасав: {s.reason}" + (f" («{s.text}»)" if s.text else ""))
        return lines


def read_preamble(preamble: list[str], report: Report) -> None:
    """Appendix label, date and title from the lines above the table."""
    title_lines: list[str] = []
    for position, line in enumerate(preamble):
        date = _DATE.match(line)
        if date and not report.report_date:
            report.report_date = line.strip()
        elif position == 0 and "хавсралт" in line.lower():
            report.appendix_label = line.strip()
        else:
            title_lines.append(line)
    if preamble and not any("хавсралт" in line.lower() for line in preamble):
        report.appendix_label = ""
    elif not preamble:
        report.appendix_label = DEFAULT_APPENDIX_LABEL
    report.title = "\n".join(title_lines)
    if title_lines:
        first = _ORGANIZATION_END.split(title_lines[0].strip(), maxsplit=1)[0].strip()
        if first:
            lowered = first.lower()
            report.organization = lowered[:1].upper() + lowered[1:]
    year = _YEAR_IN_TITLE.search(report.title) or _YEAR_IN_PARENTHESES.search(report.title)
    if year:
        report.year = int(year.group(1))
    elif report.report_date:
        report.year = int(_DATE.match(report.report_date).group(1))
    if "хагас жил" in report.title.lower():
        report.period = Period.HALF_YEAR


def read_signatures(lines: list[str], report: Report) -> None:
    """``ROLE: POSITION`` lines, then the names in the same order; or ``ROLE: POSITION .... NAME``."""
    names: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if ":" in text:
            role, rest = text.split(":", 1)
            parts = _FILLER.split(rest.strip(), maxsplit=1)
            position, name = (parts[0], parts[1]) if len(parts) == 2 else (rest, "")
            report.signatories.append(Signatory(role=role.strip(), position=position.strip(), name=name.strip()))
        else:
            names.append(text)
    unnamed = [s for s in report.signatories if not s.name]
    for i, person in enumerate(names):
        if i < len(unnamed):
            unnamed[i].name = person
        else:
            report.signatories.append(Signatory(name=person))
