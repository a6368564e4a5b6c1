"""Which submission is an organization's current report, and the one way to change it.

At the aimag, each organization has at most one current report per year and period.
Every submission is kept with its signed canonical content (``core.storage.submissions``),
which is all the ranking needs; the reports themselves are never inserted as rows of
the aimag's file, so two soums' files made from one template, which share every id,
never clash, and returning to an earlier revision is a change of status.
"""

from __future__ import annotations

from core.report import scoring
from core.report.model import Report
from core.storage import ReportFile
from core.storage.submissions import Current, current_of, store_as_current

__all__ = ["Current", "current_of", "make_current"]


def make_current(
    rf: ReportFile,
    report: Report,
    organization_id: str,
    content: str,
    file_name: str,
    archive_name: str,
    total: str | None = None,
) -> Current | None:
    """Makes ``report`` its organization's current one (its own transaction, or a savepoint of the caller's).

    The one it replaces, if any, becomes superseded (it stays in the history);
    returns what was replaced. The total is kept as the aimag computed it: ``total``
    when the check of the file computed it already (``Verdict.total``), else from the report.
    """
    if total is None:
        total = scoring.display(scoring.report_total(report))
    return store_as_current(rf, report, organization_id, content, total, file_name, archive_name)
