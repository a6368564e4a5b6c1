"""What a report still lacks before its printout can be signed.

The window calls ``preflight(report)`` before printing and shows the list, so the
officer is warned (a measure without a score makes the printout a draft; an empty
indicator or target is what the aimag reviewer sends back first). Messages are
Mongolian and name the measure by its number as written.
"""

from __future__ import annotations

from typing import NamedTuple

from core.report.checks import ProblemCode, header_problems, measure_problems
from core.report.model import Goal, Measure, Report

#: The kind of every title problem: a hand-written title without the organization or the year
#: (the wrong soum could be printed).
TITLE = "title"


class Problem(NamedTuple):
    """One thing that stands in the way of a signed printout, with the measure it is about, as the window lists it
    (a named tuple: made at a printout's start in a tenth of a frozen dataclass's time)."""

    kind: str  # a ProblemCode of the measure (ProblemCode.UNSCORED, ProblemCode.EMPTY_INDICATOR, ProblemCode.EMPTY_TARGET), or TITLE
    goal_id: str
    measure_id: str
    number: str  # the measure's number as written, or a description when it has none
    message: str


def _name(goal: Goal, index: int, measure: Measure) -> str:
    if measure.number.strip():
        return measure.number.strip()
    return f"{goal.number.strip() or '?'} зорилтын {index + 1}-р"


#: The problems of a measure (``core.report.checks``) that stand in the way of a signed printout.
_PRINTOUT_CODES = (ProblemCode.UNSCORED, ProblemCode.EMPTY_INDICATOR, ProblemCode.EMPTY_TARGET)


def preflight(report: Report) -> list[Problem]:
    """The title first (it names who reports), then in table order: per measure, missing score, indicator, target.

    The decisions are ``core.report.checks``' (the window's problems panel): the two lists
    cannot disagree about what is missing.
    """
    messages = {
        ProblemCode.UNSCORED: "{name} арга хэмжээ үнэлгээгүй байна (тайлан төсөл хэвээр хэвлэгдэнэ).",
        ProblemCode.EMPTY_INDICATOR: "{name} арга хэмжээний гүйцэтгэлийн шалгуур үзүүлэлт хоосон байна.",
        ProblemCode.EMPTY_TARGET: "{name} арга хэмжээний зорилтот түвшин хоосон байна.",
    }
    problems = [Problem(TITLE, "", "", "", found.message) for found in header_problems(report)]
    for goal in report.goals:
        for i, m in enumerate(goal.measures):
            name = _name(goal, i, m)
            for found in measure_problems(m, report.period.is_plan):
                if found.code in _PRINTOUT_CODES:
                    problems.append(Problem(found.code, goal.id, m.id, name, messages[found.code].format(name=name)))
    return problems
