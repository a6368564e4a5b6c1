"""Which submission is an organization's current report, and the one way to change it.

At the aimag, each organization has at most one current report per year and period.
Every submission is kept in ``submissions`` with its signed canonical content, which
is all the ranking needs; the reports themselves are never inserted as rows of the
aimag's file, so two soums' files made from one template, which share every id,
never clash, and returning to an earlier revision is a change of status.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.report import scoring
from core.report.kinds import ItemKind, LogOp
from core.report.model import Report
from core.storage import ReportFile, now_iso


@dataclass(frozen=True)
class Current:
    """The submission that counts now for one organization, year and period, as the ranking uses it."""

    submission_id: int
    revision: int
    fingerprint: str
    file_name: str


def current_of(rf: ReportFile, organization_id: str, year: int | None, period: str) -> Current | None:
    """The current submission of an organization for a year and period; ``None`` when it has sent none."""
    row = rf.conn.execute(
        "SELECT id, revision, fingerprint, file_name FROM submissions"
        " WHERE status = 'current' AND organization_id = ? AND year IS ? AND period = ?",
        (organization_id, year, period),
    ).fetchone()
    return Current(*row) if row else None


def make_current(
    rf: ReportFile,
    report: Report,
    organization_id: str,
    content: str,
    file_name: str,
    archive_name: str,
) -> Current | None:
    """Makes ``report`` its organization's current one (inside the caller's transaction).

    The one it replaces, if any, becomes superseded (it stays in the history);
    returns what was replaced.
    """
    replaced = current_of(rf, organization_id, report.year, report.period.value)
    if replaced is not None:
        rf.conn.execute("UPDATE submissions SET status = 'superseded' WHERE id = ?", (replaced.submission_id,))
    existing = rf.conn.execute("SELECT id FROM submissions WHERE fingerprint = ?", (report.fingerprint,)).fetchone()
    if existing:  # a revision the reviewer returns to
        rf.conn.execute("UPDATE submissions SET status = 'current' WHERE id = ?", (existing[0],))
    else:
        rf.conn.execute(
            "INSERT INTO submissions (fingerprint, report_id, aimag, organization, year, period, revision,"
            " finalized_at, total, file_name, archive_name, received_at, status, content,"
            " organization_id, public_key, signature, previous_fingerprint)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?, ?, ?, ?, ?)",
            (
                report.fingerprint,
                report.id,
                report.aimag,
                report.organization,
                report.year,
                report.period.value,
                report.revision,
                report.finalized_at,
                scoring.display(scoring.report_total(report)),
                file_name,
                archive_name,
                now_iso(),
                content,
                organization_id,
                report.public_key,
                report.signature,
                report.previous_fingerprint,
            ),
        )
    rf.log_change(None, ItemKind.REPORT, report.id, LogOp.RECEIVED,
                  replaced.fingerprint if replaced else None, report.fingerprint)
    return replaced
