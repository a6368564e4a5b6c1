"""Each report of the year from the one before: the plan, the half-year report, the annual report.

The plan is approved in January; the half-year report is made from it in the summer and
the annual report from the half-year one at the year's end; next year's plan is made
from this year's report. Each step copies the organization, the aimag, the signatories
and every goal and measure (indicator, baseline, target, who is responsible and by
when) under new identities, and each new measure keeps the id of the measure it was
made from as its ``origin``: by that link the aimag holds a report against the plan it
approved (``core.aimag.plan_compare``).

Within the year (plan -> half-year -> annual) the achieved texts are carried as drafts to
be brought up to date, and the evidence comes along (the same year's proof); the scores
are left empty, to be judged anew. Into a new year (next year's plan, or next year's
report straight from this one) the achieved texts are cleared and the evidence
is only listed for reference. The report date is cleared and the title left empty, so
that the printout builds it from the new period and year.
"""

from __future__ import annotations

from core.report.model import DEFAULT_APPENDIX_LABEL, Evidence, Goal, Measure, Period, Report, Signatory

#: The order of the year's reports: a step to a later one stays in the year.
YEAR_ORDER = {Period.PLAN: 0, Period.HALF_YEAR: 1, Period.ANNUAL: 2}

#: Signature roles as a plan names them and as a report does (``ХЯНАСАН`` approves the plan).
PLAN_ROLES = {"ХЯНАСАН": "БАТЛАВ", "ХЭРЭГЖИЛТИЙГ ГАРГАСАН": "БОЛОВСРУУЛСАН"}
REPORT_ROLES = {plan: report for report, plan in PLAN_ROLES.items()}


def default_year(report: Report, period: Period) -> int | None:
    """The new report's year: the same when the step stays in the year (a later period), else the next."""
    if report.year is None:
        return None
    return report.year if YEAR_ORDER[period] > YEAR_ORDER[report.period] else report.year + 1


def stays_in_year(report: Report, period: Period, year: int | None) -> bool:
    """Whether the new report continues this one's year (texts and evidence carried) or starts another."""
    return year == report.year and YEAR_ORDER[period] > YEAR_ORDER[report.period]


def next_report(report: Report, period: Period, year: int | None = None) -> Report:
    """The report of ``period`` (and ``year``, by default ``default_year``) made from ``report``."""
    if year is None:
        year = default_year(report, period)
    same_year = stays_in_year(report, period, year)
    roles = PLAN_ROLES if period.is_plan and not report.period.is_plan else (
        REPORT_ROLES if report.period.is_plan and not period.is_plan else {})
    return Report(
        organization=report.organization,
        aimag=report.aimag,
        year=year,
        period=period,
        report_date="",
        appendix_label=report.appendix_label or DEFAULT_APPENDIX_LABEL,
        title="",
        signatories=[Signatory(role=_role(s.role, roles), position=s.position, name=s.name)
                     for s in report.signatories],
        goals=[Goal(number=g.number, text=g.text, measures=[_measure(m, same_year, period, report.year)
                                                             for m in g.measures])
               for g in report.goals],
    )


def _measure(m: Measure, same_year: bool, period: Period, old_year: int | None) -> Measure:
    carried = Measure(
        number=m.number,
        text=m.text,
        indicator=m.indicator,
        baseline_year=m.baseline_year,
        baseline_level=m.baseline_level,
        target_level=m.target_level,
        responsible=m.responsible,
        due=m.due,
        origin=m.id,
    )
    if same_year:
        carried.achieved = m.achieved
        carried.evidence = [Evidence(e.name, e.sha256, e.size, e.type) for e in m.evidence]
    else:
        carried.earlier_evidence = [Evidence(e.name, e.sha256, e.size, e.type, year=old_year) for e in m.evidence]
    return carried


def _role(role: str, roles: dict[str, str]) -> str:
    """A role the form names (``ХЯНАСАН``...) as the other kind of document names it; any other as written."""
    return roles.get(" ".join(role.split()).upper().rstrip(":"), role)


def carried_evidence(report: Report) -> set[str]:
    """The SHA-256 of every file the new report carries (its bytes are copied into the new file)."""
    return {e.sha256 for m in report.measures() for e in m.evidence}
