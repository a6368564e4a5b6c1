"""The official scoring rules: plain means, cut off (never rounded) to one decimal.

The total is the unweighted mean of every scored measure of the report; measures
that are not yet due are left out of both the sum and the count, and goals carry
no weight. Arithmetic is exact (``Fraction``) so that the cut-off never suffers
from binary floating point: 82.857... prints ``82,8``, never ``82,9``.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Iterable, NamedTuple

from core.report.model import Goal, Measure, Report, Score


def mean_of(measures: Iterable[Measure]) -> Fraction | None:
    """Exact mean of the scored measures; ``None`` when none is scored."""
    points = [m.score.percent for m in measures if m.score is not None and m.score is not Score.NOT_DUE]
    if not points:
        return None
    return Fraction(sum(points), len(points))


def goal_average(goal: Goal) -> Fraction | None:
    """A goal's mean, exact, shown beside the goal; the report total does not weigh goals by it."""
    return mean_of(goal.measures)


def report_total(report: Report) -> Fraction | None:
    """The plain mean over all scored measures of the report (goals not weighted); a plan has none."""
    if report.period.is_plan:
        return None
    return mean_of(report.measures())


def unscored(report: Report) -> list[Measure]:
    """Measures that still need a score: the report is not final while any remain. A plan
    is scored by none: its measures are judged in the half-year and annual reports."""
    if report.period.is_plan:
        return []
    return [m for m in report.measures() if m.score is None]


def not_due(report: Report) -> list[Measure]:
    """Measures not yet due: left out of the total, and listed so the officer sees why."""
    return [m for m in report.measures() if m.score is Score.NOT_DUE]


def scored_count(report: Report) -> int:
    """How many measures the total is the mean of (not-due and unscored ones are not counted)."""
    return sum(1 for m in report.measures() if m.score is not None and m.score is not Score.NOT_DUE)


def cut_to_tenths(value: Fraction) -> Fraction:
    """Cuts off (floors) to one decimal: 90.556 -> 90.5, 73.75 -> 73.7."""
    return Fraction(math.floor(value * 10), 10)


def display(value: Fraction | None, empty: str = "") -> str:
    """The printed form: cut off to one decimal, decimal comma (``82,8``)."""
    if value is None:
        return empty
    tenths = math.floor(value * 10)
    return f"{tenths // 10},{tenths % 10}"


class Summary(NamedTuple):
    """Everything the window, the printout and the command line show about the scores
    (a named tuple: made at each start in a tenth of a frozen dataclass's time)."""

    total: Fraction | None
    total_display: str
    scored: int
    unscored: list[Measure]
    not_due: list[Measure]
    goal_averages: dict[str, Fraction | None]

    @property
    def is_complete(self) -> bool:
        """Every measure has a score (not-due counts): only then can the report be finalized or printed as final."""
        return not self.unscored


def summarize(report: Report) -> Summary:
    """All the score figures of a report in one pass, so window, printout and command line agree.

    A plan has no scores: no total, no goal means, nothing missing."""
    if report.period.is_plan:
        return Summary(None, "", 0, [], [], {g.id: None for g in report.goals})
    total = report_total(report)
    return Summary(
        total=total,
        total_display=display(total),
        scored=scored_count(report),
        unscored=unscored(report),
        not_due=not_due(report),
        goal_averages={g.id: goal_average(g) for g in report.goals},
    )
