"""The aimag's received submissions in its file: the current one of each organization and the history.

Table ``submissions`` (schema 2, signed from schema 3). Every file merged is kept with
its signed canonical content, which is all the ranking needs: the reports are never
inserted as rows of the aimag's file, so two soums' files made from one template, which
share every id, never clash. Returning to an earlier revision is a change of status.
Which submission may become current is ``core.aimag.rules``' decision; this module
stores it. Every write opens its own transaction (a savepoint inside the caller's).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.report.kinds import ItemKind
from core.report.model import Report
from core.storage.change_log import LogOp
from core.storage.clock import now_iso
from core.storage.file import ReportFile


class SubmissionStatus(StrEnum):
    """A submission counts now (``current``) or was replaced (``superseded``); the values are the file's."""

    CURRENT = "current"
    SUPERSEDED = "superseded"


@dataclass(frozen=True)
class Current:
    """The submission that counts now for one organization, year and period, as the ranking uses it."""

    submission_id: int
    revision: int
    fingerprint: str
    file_name: str


@dataclass(frozen=True)
class StoredSubmission:
    """One kept submission as the reviewer's acts need it: its signed content and where it came from."""

    content: str
    public_key: str
    signature: str
    fingerprint: str
    file_name: str
    archive_name: str
    status: str
    year: int | None
    period: str


# ------------------------------------------------------------------ reading
def current_of(rf: ReportFile, organization_id: str, year: int | None, period: str) -> Current | None:
    """The current submission of an organization for a year and period; ``None`` when it has sent none."""
    row = rf.conn.execute(
        "SELECT id, revision, fingerprint, file_name FROM submissions"
        " WHERE status = ? AND organization_id = ? AND year IS ? AND period = ?",
        (SubmissionStatus.CURRENT, organization_id, year, period),
    ).fetchone()
    return Current(*row) if row else None


def current_before(rf: ReportFile, organization_id: str, year: int | None, period: str,
                   log_id: int) -> Current | None:
    """The submission that was current for an organization, year and period just before
    change log entry ``log_id`` (when a decision was queued): read from the log of
    what became current, so nothing more needs keeping."""
    row = rf.conn.execute(
        "SELECT s.id, s.revision, s.fingerprint, s.file_name FROM change_log l"
        " JOIN submissions s ON s.fingerprint = l.new_value"
        " WHERE l.field = ? AND l.id < ? AND s.organization_id = ? AND s.year IS ? AND s.period = ?"
        " ORDER BY l.id DESC LIMIT 1",
        (LogOp.RECEIVED, log_id, organization_id, year, period),
    ).fetchone()
    return Current(*row) if row else None


def current_submissions(rf: ReportFile) -> list[tuple[str, str, str, str | None]]:
    """(signed content, received at, fingerprint, registered name) of each organization's
    current report: the ranking's input."""
    return rf.conn.execute(
        "SELECT s.content, s.received_at, s.fingerprint, o.name FROM submissions s"
        " LEFT JOIN organizations o ON o.id = s.organization_id WHERE s.status = ?",
        (SubmissionStatus.CURRENT,),
    ).fetchall()


def current_rounds(rf: ReportFile) -> list[tuple[str, int | None, str]]:
    """(registered name, else the name the file wrote; year; period) of every current report, plans too."""
    return rf.conn.execute(
        "SELECT coalesce(o.name, s.organization), s.year, s.period FROM submissions s"
        " LEFT JOIN organizations o ON o.id = s.organization_id WHERE s.status = ?",
        (SubmissionStatus.CURRENT,),
    ).fetchall()


def has_submission(rf: ReportFile, fingerprint: str) -> bool:
    """Whether this exact file (by fingerprint) was already taken."""
    row = rf.conn.execute("SELECT 1 FROM submissions WHERE fingerprint = ?", (fingerprint,)).fetchone()
    return row is not None


def latest_current(rf: ReportFile, organization_id: str, year: int | None = None,
                   period: str | None = None) -> tuple[str, str, str] | None:
    """(signed content, fingerprint, received at) of an organization's current report received
    last, of one year and period when given."""
    sql = "SELECT content, fingerprint, received_at FROM submissions WHERE status = ? AND organization_id = ?"
    params: list = [SubmissionStatus.CURRENT, organization_id]
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    if period is not None:
        sql += " AND period = ?"
        params.append(period)
    row = rf.conn.execute(sql + " ORDER BY received_at DESC LIMIT 1", params).fetchone()
    return tuple(row) if row else None


def revisions_of(rf: ReportFile, organization_id: str, revision: int, year: int | None = None,
                 period: str | None = None) -> list[StoredSubmission]:
    """The kept submissions of one revision of an organization (one per year and period)."""
    sql = ("SELECT content, public_key, signature, fingerprint, file_name, archive_name, status, year, period"
           " FROM submissions WHERE organization_id = ? AND revision = ?")
    params: list = [organization_id, revision]
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    if period is not None:
        sql += " AND period = ?"
        params.append(period)
    return [StoredSubmission(*row) for row in rf.conn.execute(sql, params).fetchall()]


def history_of(rf: ReportFile, organization_id: str) -> list[dict]:
    """Every submission of an organization, newest first, as ``history`` lists it."""
    rows = rf.conn.execute(
        "SELECT year, period, revision, status, received_at, fingerprint, file_name FROM submissions"
        " WHERE organization_id = ? ORDER BY year DESC, period, revision DESC, id DESC",
        (organization_id,),
    ).fetchall()
    keys = ("year", "period", "revision", "status", "received_at", "fingerprint", "file")
    return [dict(zip(keys, r)) for r in rows]


def received_rows(rf: ReportFile, limit: int) -> list[tuple]:
    """(file name, organization as the file wrote it, year, period, revision, fingerprint, received
    at, status) of the submissions taken, the latest ``limit`` received, newest first."""
    return rf.conn.execute(
        "SELECT file_name, organization, year, period, revision, fingerprint, received_at, status"
        " FROM submissions ORDER BY received_at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()


def archive_entry(rf: ReportFile, fingerprint: str) -> tuple[str, str] | None:
    """(archive copy's name, organization as the file wrote it) of the submission with ``fingerprint``."""
    row = rf.conn.execute(
        "SELECT archive_name, organization FROM submissions WHERE fingerprint = ?", (fingerprint,)
    ).fetchone()
    return (row[0], row[1]) if row else None


# ------------------------------------------------------------------ writing
def store_as_current(rf: ReportFile, report: Report, organization_id: str, content: str, total_display: str,
                     file_name: str, archive_name: str) -> Current | None:
    """Makes ``report`` its organization's current one, logged; returns the one it replaced.

    The replaced one becomes superseded (it stays in the history); a revision kept
    before (the reviewer returns to it) becomes current again instead of a new row.
    """
    with rf.transaction():
        replaced = current_of(rf, organization_id, report.year, report.period.value)
        if replaced is not None:
            rf.conn.execute("UPDATE submissions SET status = ? WHERE id = ?",
                            (SubmissionStatus.SUPERSEDED, replaced.submission_id))
        existing = rf.conn.execute("SELECT id FROM submissions WHERE fingerprint = ?", (report.fingerprint,)).fetchone()
        if existing:
            rf.conn.execute("UPDATE submissions SET status = ? WHERE id = ?", (SubmissionStatus.CURRENT, existing[0]))
        else:
            rf.conn.execute(
                "INSERT INTO submissions (fingerprint, report_id, aimag, organization, year, period, revision,"
                " finalized_at, total, file_name, archive_name, received_at, status, content,"
                " organization_id, public_key, signature, previous_fingerprint)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    report.fingerprint,
                    report.id,
                    report.aimag,
                    report.organization,
                    report.year,
                    report.period.value,
                    report.revision,
                    report.finalized_at,
                    total_display,
                    file_name,
                    archive_name,
                    now_iso(),
                    SubmissionStatus.CURRENT,
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
