"""The report's problems, as a reviewer at the aimag would list them: pure checks, no Qt.

The window shows these in its problems panel (clicking one selects the item), and
the command line or the aimag review can use the same list. Each problem names the
item by id and says what is wrong by a stable ``code`` with its arguments, so the
window can translate it; ``message`` is the Mongolian text for everything else.

Severity: ``error`` blocks a final printout (a measure without a score makes the
total meaningless), ``warning`` is something a reviewer will send back, ``info`` is
a softer reminder (a baseline left empty or written as ``-`` is common in real
reports: the baseline is simply not known).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

from core.report.kinds import ItemKind
from core.report.model import Measure, Period, Report, Score
from core.report.title import title_problems


class Severity(StrEnum):
    """How bad a problem is; the list is sorted by it (``SEVERITY_ORDER``)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class ProblemCode(StrEnum):
    """What is wrong, one spelling each: the window translates a problem by its code."""

    UNSCORED = "unscored"
    SCORE_WITHOUT_ACHIEVED = "score-without-achieved"
    EMPTY_INDICATOR = "empty-indicator"
    EMPTY_TARGET = "empty-target"
    BASELINE_YEAR_INVALID = "baseline-year-invalid"
    BASELINE_YEAR_MISSING = "baseline-year-missing"
    DUPLICATE_GOAL_NUMBER = "duplicate-goal-number"
    DUPLICATE_MEASURE_NUMBER = "duplicate-measure-number"
    TITLE_WITHOUT_ORGANIZATION = "title-without-organization"
    TITLE_WITHOUT_YEAR = "title-without-year"
    EMPTY_ORGANIZATION = "empty-organization"
    EMPTY_AIMAG = "empty-aimag"
    PLAN_WITH_RESULTS = "plan-with-results"
    CALL_AIMAG_DIFFERS = "call-aimag-differs"
    CALL_YEAR_DIFFERS = "call-year-differs"
    CALL_PERIOD_DIFFERS = "call-period-differs"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

YEAR_MIN = 1990
YEAR_MAX = 2100
_YEAR = re.compile(r"^(\d{4})\s*(?:он)?\.?$", re.IGNORECASE)
_MISSING = {"", "-", "–", "—"}

_MESSAGES_MN = {
    ProblemCode.UNSCORED: "{number} арга хэмжээнд үнэлгээ өгөөгүй.",
    ProblemCode.SCORE_WITHOUT_ACHIEVED: "{number} арга хэмжээ үнэлгээтэй боловч хүрсэн түвшин бичээгүй.",
    ProblemCode.EMPTY_INDICATOR: "{number} арга хэмжээний шалгуур үзүүлэлт хоосон.",
    ProblemCode.EMPTY_TARGET: "{number} арга хэмжээний зорилтот түвшин хоосон.",
    ProblemCode.BASELINE_YEAR_INVALID: "{number} арга хэмжээний суурь он «{value}» он биш байна.",
    ProblemCode.BASELINE_YEAR_MISSING: "{number} арга хэмжээний суурь он бичээгүй.",
    ProblemCode.DUPLICATE_GOAL_NUMBER: "«{number}» дугаартай зорилт {count} удаа байна.",
    ProblemCode.DUPLICATE_MEASURE_NUMBER: "«{number}» дугаартай арга хэмжээ {count} удаа байна.",
    ProblemCode.TITLE_WITHOUT_ORGANIZATION: "Гарчигт байгууллагын нэр «{value}» алга: өөр байгууллагын гарчиг хэвлэгдэж магадгүй.",
    ProblemCode.TITLE_WITHOUT_YEAR: "Гарчигт тайлангийн он «{value}» алга: гарчгийг засна уу.",
    ProblemCode.EMPTY_ORGANIZATION: "Байгууллагын нэр хоосон: тайлангийн толгойд байгууллагын нэрийг бичнэ үү.",
    ProblemCode.EMPTY_AIMAG: "Аймгийн нэр хоосон: тайлангийн толгойд аймгаа бичнэ үү (эсвэл аймгийн дуудлагыг нээнэ үү).",
    ProblemCode.PLAN_WITH_RESULTS: "{number} арга хэмжээ: төлөвлөгөөнд хүрсэн түвшин, үнэлгээ бичдэггүй (хэвлэгдэхгүй).",
    ProblemCode.CALL_AIMAG_DIFFERS: "Аймгийн дуудлага «{value}» аймгийнх, тайланд өөр аймаг бичсэн байна.",
    ProblemCode.CALL_YEAR_DIFFERS: "Аймгийн дуудлага {value} оны тайлан шаардаж байна, тайлангийн он өөр байна.",
    ProblemCode.CALL_PERIOD_DIFFERS: "Аймгийн дуудлага {value} шаардаж байна, тайлангийн хугацаа өөр байна.",
}


class Problem(NamedTuple):
    """One thing to fix: which item (``kind``, ``item_id``), what (``code``), how bad (a named
    tuple: made at a printout's start in a tenth of a frozen dataclass's time)."""

    severity: Severity
    code: ProblemCode
    kind: str
    item_id: str
    number: str
    value: str = ""
    count: int = 0

    @property
    def message(self) -> str:
        """The Mongolian sentence (the window translates by ``code`` instead)."""
        return _MESSAGES_MN[self.code].format(number=self.number or "?", value=self.value, count=self.count)


def normalize_number(number: str) -> str:
    """``3.`` and ``3`` are the same number; so are ``2.1.`` and ``2.1``."""
    return number.strip().rstrip(".").strip()


def baseline_year_state(value: str) -> str:
    """``ok``, ``missing`` (empty or a dash) or ``invalid`` (anything that is not a year)."""
    text = value.strip()
    if text in _MISSING:
        return "missing"
    match = _YEAR.match(text)
    if match and YEAR_MIN <= int(match.group(1)) <= YEAR_MAX:
        return "ok"
    return "invalid"


def measure_problems(m: Measure, plan: bool = False) -> list[Problem]:
    """The problems of one measure, in a fixed order (the printout's preflight uses them too).

    A measure of a plan has no score to give yet; an achieved text or a score in it is
    a slip (it is neither printed nor meant to be signed as the plan).
    """
    number = m.number.strip()
    problems: list[Problem] = []
    if plan:
        if m.achieved.strip() or m.score is not None:
            problems.append(Problem(Severity.WARNING, ProblemCode.PLAN_WITH_RESULTS, ItemKind.MEASURE, m.id, number))
    elif m.score is None:
        problems.append(Problem(Severity.ERROR, ProblemCode.UNSCORED, ItemKind.MEASURE, m.id, number))
    elif m.score is not Score.NOT_DUE and not m.achieved.strip():
        problems.append(Problem(Severity.WARNING, ProblemCode.SCORE_WITHOUT_ACHIEVED, ItemKind.MEASURE, m.id, number))
    if not m.indicator.strip():
        problems.append(Problem(Severity.WARNING, ProblemCode.EMPTY_INDICATOR, ItemKind.MEASURE, m.id, number))
    if not m.target_level.strip():
        problems.append(Problem(Severity.WARNING, ProblemCode.EMPTY_TARGET, ItemKind.MEASURE, m.id, number))
    state = baseline_year_state(m.baseline_year)
    if state == "invalid":
        problems.append(
            Problem(Severity.WARNING, ProblemCode.BASELINE_YEAR_INVALID, ItemKind.MEASURE, m.id, number, value=m.baseline_year.strip())
        )
    elif state == "missing":
        problems.append(Problem(Severity.INFO, ProblemCode.BASELINE_YEAR_MISSING, ItemKind.MEASURE, m.id, number))
    return problems


def header_problems(report: Report) -> list[Problem]:
    """A hand-written title that no longer names the organization or the year (see ``core.report.title``).

    An error, listed first: a printout with another soum's name in its title is the worst mistake.
    """
    values = {"organization": report.organization.strip(), "year": str(report.year or "")}
    return [
        Problem(Severity.ERROR, ProblemCode(f"title-without-{missing}"), ItemKind.REPORT, report.id, "", value=values[missing])
        for missing in title_problems(report)
    ]


def identity_problems(report: Report) -> list[Problem]:
    """An empty organization or aimag: the file would go up as nobody's, to nowhere. Errors:
    finalizing refuses them, naming the field."""
    found = []
    for field, code in (("organization", ProblemCode.EMPTY_ORGANIZATION), ("aimag", ProblemCode.EMPTY_AIMAG)):
        if not getattr(report, field).strip():
            found.append(Problem(Severity.ERROR, code, ItemKind.REPORT, report.id, "", value=field))
    return found


def call_problems(report: Report, call) -> list[Problem]:
    """Where the report differs from the aimag's call it answers (``call``: its ``aimag``,
    ``year`` and ``period`` value, as kept with the report); none without a call."""
    if call is None:
        return []
    found = []
    if report.aimag.strip() and _folded(report.aimag) != _folded(call.aimag):
        found.append(Problem(Severity.WARNING, ProblemCode.CALL_AIMAG_DIFFERS, ItemKind.REPORT, report.id, "",
                             value=call.aimag))
    if report.year != call.year:
        found.append(Problem(Severity.WARNING, ProblemCode.CALL_YEAR_DIFFERS, ItemKind.REPORT, report.id, "",
                             value=str(call.year)))
    if report.period.value != call.period:
        found.append(Problem(Severity.WARNING, ProblemCode.CALL_PERIOD_DIFFERS, ItemKind.REPORT, report.id, "",
                             value=Period(call.period).document))
    return found


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def check_report(report: Report, call=None) -> list[Problem]:
    """All problems of the report (and where it differs from the aimag's ``call``), most serious first, then in table order."""
    problems = identity_problems(report) + header_problems(report) + call_problems(report, call)
    plan = report.period.is_plan
    problems.extend(p for m in report.measures() for p in measure_problems(m, plan))
    problems.extend(_duplicates(ItemKind.GOAL, [(g.id, g.number) for g in report.goals]))
    problems.extend(_duplicates(ItemKind.MEASURE, [(m.id, m.number) for m in report.measures()]))
    return sorted(problems, key=lambda p: SEVERITY_ORDER[p.severity])


def _duplicates(kind: str, items: list[tuple[str, str]]) -> list[Problem]:
    """One problem per repeated item after the first; empty numbers are not compared."""
    seen: dict[str, list[tuple[str, str]]] = {}
    for item_id, number in items:
        key = normalize_number(number)
        if key:
            seen.setdefault(key, []).append((item_id, number))
    found = []
    for group in seen.values():
        if len(group) > 1:
            for item_id, number in group[1:]:
                found.append(
                    Problem(Severity.WARNING, ProblemCode(f"duplicate-{kind}-number"), kind, item_id, number.strip(), count=len(group))
                )
    return found
