"""Which submission is an organization's current report, and the one way to change it.

At the aimag, each organization has at most one current report per year and period;
the reports it replaced stay in ``submissions`` with their canonical content, so the
reviewer can return to any of them. The stored copy of a report gets ids of its own
(derived from the fingerprint), so two soums' files made from one template, which
share every id, never clash in the aimag's file.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass

from .. import scoring
from ..model import Report
from ..storage import ReportFile, now_iso

_STORED_IDS = uuid.UUID("6d1f3f0e-5a43-4f0b-9b61-7a0c2b1e8a55")


@dataclass(frozen=True)
class Current:
    submission_id: int
    stored_id: str
    revision: int
    fingerprint: str
    file_name: str


def current_of(rf: ReportFile, organization_id: str, year: int | None, period: str) -> Current | None:
    row = rf.conn.execute(
        "SELECT id, stored_id, revision, fingerprint, file_name FROM submissions"
        " WHERE status = 'current' AND organization_id = ? AND year IS ? AND period = ?",
        (organization_id, year, period),
    ).fetchone()
    return Current(*row) if row else None


def stored_copy(report: Report) -> Report:
    """The report under the aimag's own ids: the same for the same fingerprint, new otherwise."""
    def new_id(old: str) -> str:
        return str(uuid.uuid5(_STORED_IDS, f"{report.fingerprint}/{old}"))

    stored = copy.deepcopy(report)
    stored.id = new_id(report.id)
    for s in stored.signatories:
        s.id = new_id(s.id)
    for g in stored.goals:
        g.id = new_id(g.id)
        for m in g.measures:
            m.id = new_id(m.id)
    return stored


def make_current(
    rf: ReportFile,
    report: Report,
    organization_id: str,
    content: str,
    file_name: str,
    archive_name: str,
) -> Current | None:
    """Makes ``report`` its organization's current one (inside the caller's transaction).

    The one it replaces, if any, becomes superseded and its stored rows go (its
    content stays in the history); returns what was replaced.
    """
    replaced = current_of(rf, organization_id, report.year, report.period.value)
    if replaced is not None:
        rf.conn.execute("UPDATE submissions SET status = 'superseded' WHERE id = ?", (replaced.submission_id,))
        rf.conn.execute("DELETE FROM reports WHERE id = ?", (replaced.stored_id,))
    stored = stored_copy(report)
    rf.insert_report(stored)
    existing = rf.conn.execute("SELECT id FROM submissions WHERE fingerprint = ?", (report.fingerprint,)).fetchone()
    if existing:  # a revision the reviewer returns to
        rf.conn.execute("UPDATE submissions SET status = 'current' WHERE id = ?", (existing[0],))
    else:
        rf.conn.execute(
            "INSERT INTO submissions (fingerprint, report_id, aimag, organization, year, period, revision,"
            " finalized_at, total, file_name, archive_name, received_at, status, content,"
            " organization_id, stored_id, public_key, signature, previous_fingerprint)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?, ?, ?, ?, ?, ?)",
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
                stored.id,
                report.public_key,
                report.signature,
                report.previous_fingerprint,
            ),
        )
    rf.log_change(stored.id, "report", stored.id, "(received)",
                  replaced.fingerprint if replaced else None, report.fingerprint)
    return replaced
