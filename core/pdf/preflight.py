"""What a report still lacks before its printout can be signed.

The window calls ``preflight(report)`` before printing and shows the list, so the
officer is warned (a measure without a score makes the printout a draft; an empty
indicator or target is what the aimag reviewer sends back first). Messages are
Mongolian and name the measure by its number as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Goal, Measure, Report

UNSCORED = "unscored"
EMPTY_INDICATOR = "empty_indicator"
EMPTY_TARGET = "empty_target"


@dataclass(frozen=True)
class Problem:
    kind: str  # UNSCORED, EMPTY_INDICATOR or EMPTY_TARGET
    goal_id: str
    measure_id: str
    number: str  # the measure's number as written, or a description when it has none
    message: str


def _name(goal: Goal, index: int, measure: Measure) -> str:
    if measure.number.strip():
        return measure.number.strip()
    return f"{goal.number.strip() or '?'} зорилтын {index + 1}-р"


def preflight(report: Report) -> list[Problem]:
    """Problems in table order: per measure, missing score, indicator, target."""
    problems: list[Problem] = []
    for goal in report.goals:
        for i, m in enumerate(goal.measures):
            name = _name(goal, i, m)

            def add(kind: str, message: str) -> None:
                problems.append(Problem(kind, goal.id, m.id, name, message))

            if m.score is None:
                add(UNSCORED, f"{name} арга хэмжээ үнэлгээгүй байна (тайлан төсөл хэвээр хэвлэгдэнэ).")
            if not m.indicator.strip():
                add(EMPTY_INDICATOR, f"{name} арга хэмжээний гүйцэтгэлийн шалгуур үзүүлэлт хоосон байна.")
            if not m.target_level.strip():
                add(EMPTY_TARGET, f"{name} арга хэмжээний зорилтот түвшин хоосон байна.")
    return problems
