"""What stands around the table: appendix label, title and date above, signatures below,
and the result of an import with the account of every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.report.model import DEFAULT_APPENDIX_LABEL, Period, Report, Signatory
from core.tables.wordtable.cells import is_section_heading, loose
from core.tables.wordtable.rows import SkippedRow, count_scores

_DATE = re.compile(r"^\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?\s*$")
_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*ОН", re.IGNORECASE)
#: ``... ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ (2024)``: a year in parentheses, when no ``2024 ОНЫ`` says it.
_YEAR_IN_PARENTHESES = re.compile(r"\(\s*((?:19|20)\d{2})\s*(?:он[а-я]*)?\s*\)", re.IGNORECASE)
#: Where the organization's name ends in the title's first line: a comma (``НАРИЙНТЭЭЛ СУМ,
#: БАЙГУУЛЛАГЫН ...``), or, in titles without one, a year or the words of the form's name.
_ORGANIZATION_END = re.compile(
    r",|\s+(?=\(?\d{4})|\s+(?=(?:" + "|".join(loose(w) for w in ("авлиг", "төлөвлөгөө", "үйл ажиллагаа")) + "))",
    re.IGNORECASE,
)
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

    def to_json(self, report_id: str, total: str | None = None) -> dict:
        """What ``tailan-cli import --json`` prints: the counts, every skipped row with why, the remarks."""
        return {
            "report_id": report_id,
            "goals": self.goal_count,
            "measures": self.measure_count,
            "scores": self.score_count,
            "skipped": [{"row": s.row, "text": s.text, "why": s.reason} for s in self.skipped],
            "warnings": list(self.warnings),
            "total": total,
            "printed_total": self.printed_total,
            "encoding": self.encoding,
        }

    def summary_lines(self) -> list[str]:
        """What was read, in Mongolian: counts, then each skipped row with its number and why."""
        lines = [
            f"Уншсан: {self.goal_count} зорилт, {self.measure_count} арга хэмжээ, {self.score_count} үнэлгээ; "
            f"алгассан мөр: {len(self.skipped)}."
        ]
        for s in self.skipped:
            lines.append(f"{s.row}-р мөрийг алгасав: {s.reason}" + (f" («{s.text}»)" if s.text else ""))
        return lines


@dataclass
class Line:
    """One line of text around the table: its row (or line) number, its text, and the source
    item it belongs to (a paragraph, a table row), which takes the role the line is given."""

    row: int
    text: str
    owner: object | None = None
    role: str | None = None

    def mark(self, role: str) -> None:
        self.role = role
        if self.owner is not None and getattr(self.owner, "role", None) is None:
            self.owner.role = role


_APPENDIX = re.compile(r"хавсралт|хавсарга", re.IGNORECASE)
#: The 21 aimags: a title's ``ӨВӨРХАНГАЙ АЙМГИЙН НАРИЙНТЭЭЛ СУМ`` names one of them (``?`` for a lost letter too).
AIMAGS = (
    "Архангай", "Баян-Өлгий", "Баянхонгор", "Булган", "Говь-Алтай", "Говьсүмбэр", "Дархан-Уул", "Дорноговь",
    "Дорнод", "Дундговь", "Завхан", "Орхон", "Өвөрхангай", "Өмнөговь", "Сүхбаатар", "Сэлэнгэ", "Төв", "Увс",
    "Ховд", "Хөвсгөл", "Хэнтий",
)
_AIMAG_IN_TITLE = re.compile(
    r"(?<![\w?-])(" + "|".join(loose(a) for a in sorted(AIMAGS, key=len, reverse=True)) + r")\s+айм(?:гийн|аг)\b",
    re.IGNORECASE,
)
#: How many of the first lines an appendix label may take (``Засгийн газрын 2020 оны 206 дугаар /
#: тогтоолын хавсралт``: a resolution's label is often two or three lines at the right).
APPENDIX_LINES = 4


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _appendix_lines(lines: list[Line]) -> int:
    """How many first lines are the appendix label: up to the one that says ``хавсралт``, none of them the title."""
    for k, line in enumerate(lines[:APPENDIX_LINES]):
        if _DATE.match(line.text) or (_mostly_capitals(line.text) and len(line.text.split()) > 3):
            return 0
        if _APPENDIX.search(line.text):
            return k + 1
    return 0


def read_preamble(preamble: list[Line], report: Report) -> None:
    """Appendix label, date, title, organization, aimag and year from the lines above the table: as written.

    A label of several lines is kept whole; the default label is used only when
    nothing stands above the table at all.
    """
    label_lines = _appendix_lines(preamble)
    title_lines: list[str] = []
    for position, line in enumerate(preamble):
        line.mark("title")
        if position < label_lines:
            continue
        if _DATE.match(line.text) and not report.report_date:
            report.report_date = line.text.strip()
        else:
            title_lines.append(line.text)
    if label_lines:
        report.appendix_label = "\n".join(line.text.strip() for line in preamble[:label_lines])
    elif preamble:
        report.appendix_label = ""
    else:
        report.appendix_label = DEFAULT_APPENDIX_LABEL
    report.title = "\n".join(title_lines)
    if title_lines:
        first = title_lines[0].strip()
        aimag = _AIMAG_IN_TITLE.search(report.title)
        if aimag:
            report.aimag = next(a for a in AIMAGS if re.fullmatch(loose(a), aimag.group(1), re.IGNORECASE))
            at_start = _AIMAG_IN_TITLE.match(first)
            if at_start:
                first = first[at_start.end() :].strip(" ,")
        first = _ORGANIZATION_END.split(first, maxsplit=1)[0].strip()
        if first:
            lowered = first.lower()
            report.organization = lowered[:1].upper() + lowered[1:]
    year = _YEAR_IN_TITLE.search(report.title) or _YEAR_IN_PARENTHESES.search(report.title)
    if year:
        report.year = int(year.group(1))
    elif report.report_date:
        report.year = int(_DATE.match(report.report_date).group(1))
    title = report.title.lower()
    if "хагас жил" in title:
        report.period = Period.HALF_YEAR
    elif title.rstrip(" .\n").endswith("төлөвлөгөө") and "хэрэгжилт" not in title:  # "2024 ОНЫ ТӨЛӨВЛӨГӨӨ"
        report.period = Period.PLAN


_NAME = re.compile(r"^[/(«\"]?[А-ЯӨҮЁA-Z?][\w?.\- ]{0,58}[/)»\"]?\s*\.?$")
_ROLE = re.compile(r"^[^\d:]{2,60}$")
#: A signing role is a deed done: ``ГАРГАСАН``, ``ХЯНАСАН``, ``БОЛОВСРУУЛСАН``, ``БАТЛАВ``.
_ROLE_DEED = re.compile(r"(?:с[аэоө?]н|[аэоөя?]в)\W*$", re.IGNORECASE)


def signature_parts(text: str) -> tuple[str, str, str] | None:
    """``ROLE: POSITION [..... NAME]`` -> (role, position, name); a name alone -> ("", "", name); else None.

    A signature line is short, and its role names no number: a table row, a note
    or a paragraph after the table is not a signature and is not taken for one.
    """
    text = text.strip()
    if len(text) > 300:
        return None
    if ":" in text:
        role, rest = text.split(":", 1)
        role_ok = _ROLE.match(role.strip()) and _ROLE_DEED.search(role.strip())
        if not role_ok or len(role.split()) > 5 or len(rest) > 200:
            return None
        parts = _FILLER.split(rest.strip(), maxsplit=1)
        position, name = (parts[0], parts[1]) if len(parts) == 2 else (rest, "")
        return role.strip(), position.strip(), name.strip()
    flat = " ".join(_FILLER.split(text))
    if len(flat.split()) <= 5 and not any(ch.isdigit() for ch in flat) and _NAME.match(flat) and not is_section_heading(flat):
        return "", "", flat.strip()
    return None


def read_signatures(lines: list[Line], report: Report, skipped: list[SkippedRow]) -> None:
    """``ROLE: POSITION`` lines, then the names in the same order; or ``ROLE: POSITION .... NAME``.

    A line below the table that is no signature is listed as skipped, with why; a
    date there is the report's date when the title gave none.
    """
    names: list[str] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        parts = signature_parts(text)
        if parts is None:
            if _DATE.match(text) and not report.report_date:
                report.report_date = text
                line.mark("title")
                continue
            line.mark("skipped")
            skipped.append(SkippedRow(line.row, "хүснэгтийн доорх бичвэр: гарын үсгийн мөр биш", _flat(text)))
            continue
        line.mark("signature")
        role, position, name = parts
        if role or position:
            report.signatories.append(Signatory(role=role, position=position, name=name))
        else:
            names.append(name)
    unnamed = [s for s in report.signatories if not s.name]
    for i, person in enumerate(names):
        if i < len(unnamed):
            unnamed[i].name = person
        else:
            report.signatories.append(Signatory(name=person))


def _flat(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
