"""A report held against the plan the soum approved: measures added, dropped, or with changed text or target.

The aimag keeps each organization's plan of the year (a submission of period ``plan``).
A half-year or annual report is compared with it measure by measure. A measure is
paired with the plan's by the link the soum's program wrote when it made the report
from the plan (``Measure.origin``, ``core.report.next_report``), followed through the
organization's other reports of the year the aimag holds (the annual report's measures
name the half-year report's, which name the plan's); a measure without a link (typed,
imported, or made from a report the aimag does not hold) is paired by its number, else
by its text. What stays unpaired in the report was added; in the plan, dropped. A pair
whose text or target differs (spaces aside) was changed. Nothing here is a verdict:
the reviewer reads the differences side by side and decides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum

from core.report.checks import normalize_number
from core.report.model import Measure, Report
from core.storage import ReportFile
from core.storage.submissions import current_submissions
from core.trust.fingerprint import report_from_content
from core.trust.names import name_key

#: The fields whose change the reviewer is shown (the measure's text and its target).
COMPARED_FIELDS = ("text", "target_level")


class Difference(StrEnum):
    """How a measure of the report stands against the plan; the values are what JSON carries."""

    SAME = "same"
    ADDED = "added"
    DROPPED = "dropped"
    CHANGED = "changed"


@dataclass(frozen=True)
class Pair:
    """One line of the side-by-side view: the plan's measure and the report's (either may be missing)."""

    status: Difference
    plan: Measure | None
    report: Measure | None
    fields: tuple[str, ...] = ()


@dataclass
class PlanDifferences:
    """The report against its plan, pair by pair, in the report's order (dropped ones where they stood)."""

    plan: Report
    report: Report
    pairs: list[Pair] = field(default_factory=list)

    def count(self, status: Difference) -> int:
        return sum(1 for p in self.pairs if p.status is status)

    def counts(self) -> dict[str, int]:
        """``{"added": N, "dropped": N, "changed": N}``: the ranking's ``plan``."""
        return {d.value: self.count(d) for d in (Difference.ADDED, Difference.DROPPED, Difference.CHANGED)}

    @property
    def differs(self) -> bool:
        return any(p.status is not Difference.SAME for p in self.pairs)


def _flat(text: str) -> str:
    return " ".join(text.split())


def compare(plan: Report, report: Report, links: dict[str, str] | None = None) -> PlanDifferences:
    """Pairs the report's measures with the plan's (``links``: measure id -> origin of the organization's
    other reports of the year, to follow a chain of links back to the plan)."""
    links = links or {}
    plan_measures = plan.measures()
    by_id = {m.id: i for i, m in enumerate(plan_measures)}
    taken: dict[int, Measure] = {}  # plan index -> the report's measure paired with it
    unpaired: list[Measure] = []
    for m in report.measures():
        index = _linked(m, by_id, links)
        if index is not None and index not in taken:
            taken[index] = m
        else:
            unpaired.append(m)
    for key in (lambda x: normalize_number(x.number), lambda x: _flat(x.text)):
        free: dict[str, int] = {}
        for i, pm in enumerate(plan_measures):
            if i not in taken and key(pm):
                free.setdefault(key(pm), i)
        still = []
        for m in unpaired:
            i = free.pop(key(m), None) if key(m) else None
            if i is None:
                still.append(m)
            else:
                taken[i] = m
        unpaired = still
    paired_with = {id(m): i for i, m in taken.items()}
    pairs: list[Pair] = []
    dropped = iter([j for j in range(len(plan_measures)) if j not in taken])
    next_dropped = next(dropped, None)
    for m in report.measures():
        i = paired_with.get(id(m))
        if i is None:
            pairs.append(Pair(Difference.ADDED, None, m))
            continue
        while next_dropped is not None and next_dropped < i:  # the plan's dropped ones before it, where they stood
            pairs.append(Pair(Difference.DROPPED, plan_measures[next_dropped], None))
            next_dropped = next(dropped, None)
        changed = tuple(f for f in COMPARED_FIELDS if _flat(getattr(plan_measures[i], f)) != _flat(getattr(m, f)))
        pairs.append(Pair(Difference.CHANGED if changed else Difference.SAME, plan_measures[i], m, changed))
    while next_dropped is not None:
        pairs.append(Pair(Difference.DROPPED, plan_measures[next_dropped], None))
        next_dropped = next(dropped, None)
    return PlanDifferences(plan, report, pairs)


def _linked(m: Measure, by_id: dict[str, int], links: dict[str, str]) -> int | None:
    """The plan's measure this one was made from, following the links through the reports between."""
    origin, seen = m.origin, set()
    while origin is not None and origin not in by_id and origin in links and origin not in seen:
        seen.add(origin)
        origin = links[origin]
    return by_id.get(origin) if origin is not None else None


def organization_year(report: Report) -> tuple[str, int | None]:
    """Whose and which year: a report and a plan of one organization and year are compared."""
    return name_key(report.organization), report.year


def compare_with_plans(reports: list[Report], plans: list[Report]) -> dict[int, PlanDifferences]:
    """Each report (by ``id()`` of the object) with the plan of its organization and year, where one is held.

    Links are followed through every report of that organization and year in ``reports``.
    """
    plan_of = {organization_year(p): p for p in plans}
    links_of: dict[tuple[str, int | None], dict[str, str]] = {}
    for r in reports:
        links = links_of.setdefault(organization_year(r), {})
        links.update({m.id: m.origin for m in r.measures() if m.origin is not None})
    found = {}
    for r in reports:
        plan = plan_of.get(organization_year(r))
        if plan is not None:
            found[id(r)] = compare(plan, r, links_of[organization_year(r)])
    return found


def comparison_for(rf: ReportFile, fingerprint: str) -> PlanDifferences | None:
    """The current report with ``fingerprint`` against its organization's plan of the year, as the
    reviewer's side-by-side view shows it; ``None`` when the aimag holds no such plan."""
    reports, plans, wanted = [], [], None
    for content, _, kept_fingerprint, registered_name in current_submissions(rf):
        report = report_from_content(json.loads(content))
        if registered_name:
            report.organization = registered_name
        (plans if report.period.is_plan else reports).append(report)
        if kept_fingerprint == fingerprint:
            wanted = report
    if wanted is None or wanted.period.is_plan:
        return None
    return compare_with_plans(reports, plans).get(id(wanted))
