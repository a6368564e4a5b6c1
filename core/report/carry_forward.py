"""Next year's report from this year's: the plan carries over, the results do not.

A soum keeps most of its goals and measures from one year to the next. Carrying a
report forward copies the organization, the aimag, the signatories and every goal
and measure with its indicator, baseline and target, under new identities (the new
report lives beside the old one at the aimag, so nothing may share an id). What
belongs to the old year is cleared: the achieved text, the scores and the report
date; the title is left empty so the printout builds it from the new year.

Evidence is not carried: each year proves itself. Each measure keeps, for reference
only, the list of the files the old report had attached (names, sizes, hashes and the
old year, no bytes), so the officer sees what was sent last year; that list is never
sent nor signed.
"""

from __future__ import annotations

from core.report.model import DEFAULT_APPENDIX_LABEL, Evidence, Goal, Measure, Report, Signatory


def carry_forward(report: Report, year: int | None = None) -> Report:
    """A new report for ``year`` (default: the next year) with the plan of ``report``."""
    if year is None:
        year = report.year + 1 if report.year is not None else None
    return Report(
        organization=report.organization,
        aimag=report.aimag,
        year=year,
        period=report.period,
        report_date="",
        appendix_label=report.appendix_label or DEFAULT_APPENDIX_LABEL,
        title="",
        signatories=[Signatory(role=s.role, position=s.position, name=s.name) for s in report.signatories],
        goals=[
            Goal(
                number=g.number,
                text=g.text,
                measures=[
                    Measure(
                        number=m.number,
                        text=m.text,
                        indicator=m.indicator,
                        baseline_year=m.baseline_year,
                        baseline_level=m.baseline_level,
                        target_level=m.target_level,
                        earlier_evidence=[Evidence(e.name, e.sha256, e.size, e.type, year=report.year)
                                          for e in m.evidence],
                    )
                    for m in g.measures
                ],
            )
            for g in report.goals
        ],
    )
