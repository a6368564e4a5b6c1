"""The submissions waiting for the aimag's reviewer in its file, and what the reviewer decided.

Table ``decisions`` (schema 3). A waiting submission keeps its signed canonical content
and the name of its archive copy; nothing is ever deleted. Why a submission waits, and
what accepting it does, are ``core.aimag``'s (``rules``, ``decisions``). Every write
opens its own transaction (a savepoint inside the caller's) and is logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.report.model import Report
from core.storage.change_log import LogOp, RecordKind
from core.storage.clock import now_iso
from core.storage.file import ReportFile


class DecisionStatus(StrEnum):
    """Where a submission on the reviewer's list stands; the values are the file's."""

    WAITING = "waiting"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class DecisionRow:
    """One decision as the reviewer's list shows it (the key and organization id still to be named)."""

    id: int
    status: str
    kind: str
    reason: str
    organization: str
    aimag: str
    year: int | None
    period: str
    revision: int
    public_key: str
    organization_id: str | None
    file_name: str
    received_at: str
    decided_at: str | None
    fingerprint: str


@dataclass(frozen=True)
class QueuedSubmission:
    """What accepting a decision needs: its status and kind, and the submission with its signature."""

    status: str
    kind: str
    organization_id: str | None
    content: str
    public_key: str
    signature: str
    fingerprint: str
    file_name: str
    archive_name: str


_ROW_COLUMNS = ("id, status, kind, reason, organization, aimag, year, period, revision, public_key, organization_id,"
                " file_name, received_at, decided_at, fingerprint")


def decision_rows(rf: ReportFile, waiting_only: bool = False) -> list[DecisionRow]:
    """The decisions oldest first: all of them, or only those still waiting."""
    if waiting_only:
        rows = rf.conn.execute(f"SELECT {_ROW_COLUMNS} FROM decisions WHERE status = ? ORDER BY id",
                               (DecisionStatus.WAITING,)).fetchall()
    else:
        rows = rf.conn.execute(f"SELECT {_ROW_COLUMNS} FROM decisions ORDER BY id").fetchall()
    return [DecisionRow(*r) for r in rows]


def content_of(rf: ReportFile, decision_id: int) -> str:
    """The signed canonical content a decision keeps (empty once purged)."""
    row = rf.conn.execute("SELECT content FROM decisions WHERE id = ?", (decision_id,)).fetchone()
    return row[0] if row else ""


def latest_about(rf: ReportFile, fingerprint: str) -> tuple[int, str, str | None, str] | None:
    """(id, status, decided_at, kind) of the latest decision about this exact file, if any."""
    row = rf.conn.execute(
        "SELECT id, status, decided_at, kind FROM decisions WHERE fingerprint = ? ORDER BY id DESC LIMIT 1",
        (fingerprint,),
    ).fetchone()
    return tuple(row) if row else None


def queued_submission(rf: ReportFile, decision_id: int) -> QueuedSubmission | None:
    """The submission a decision is about, with its status; ``None`` when there is no such decision."""
    row = rf.conn.execute(
        "SELECT status, kind, organization_id, content, public_key, signature, fingerprint, file_name,"
        " archive_name FROM decisions WHERE id = ?",
        (decision_id,),
    ).fetchone()
    return QueuedSubmission(*row) if row else None


def queue(rf: ReportFile, report: Report, content: str, kind: str, reason: str, organization_id: str | None,
          file_name: str, archive_name: str) -> int:
    """Puts a submission on the reviewer's list, logged; returns its id."""
    with rf.transaction():
        cursor = rf.conn.execute(
            "INSERT INTO decisions (status, kind, reason, fingerprint, organization, aimag, year, period, revision,"
            " public_key, signature, organization_id, file_name, archive_name, received_at, content)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (DecisionStatus.WAITING, kind, reason, report.fingerprint, report.organization, report.aimag, report.year,
             report.period.value, report.revision, report.public_key, report.signature, organization_id, file_name,
             archive_name, now_iso(), content),
        )
        rf.log_change(None, RecordKind.DECISION, str(cursor.lastrowid), LogOp.WAITING, None, reason)
    return cursor.lastrowid


def told_at(rf: ReportFile, decision_id: int) -> int:
    """The change log entry that last told the reviewer why this decision waits (queued or judged again)."""
    row = rf.conn.execute(
        "SELECT max(id) FROM change_log WHERE item_kind = ? AND item_id = ? AND field IN (?, ?)",
        (RecordKind.DECISION, str(decision_id), LogOp.WAITING, LogOp.REJUDGE),
    ).fetchone()
    return row[0] or 0


def rejudge(rf: ReportFile, decision_id: int, kind: str, reason: str, organization_id: str | None) -> None:
    """Records a new judgement of a waiting decision (the register changed since it was queued), logged."""
    with rf.transaction():
        old = rf.conn.execute("SELECT reason FROM decisions WHERE id = ?", (decision_id,)).fetchone()
        rf.conn.execute("UPDATE decisions SET kind = ?, reason = ?, organization_id = ? WHERE id = ?",
                        (kind, reason, organization_id, decision_id))
        rf.log_change(None, RecordKind.DECISION, str(decision_id), LogOp.REJUDGE, old[0] if old else None, reason)


def purge_rejected(rf: ReportFile) -> list[str]:
    """Empties the signed content of every rejected decision still holding it, logged; returns the
    archive names they used. The decisions stay on record, with their fingerprints."""
    with rf.transaction():
        rows = rf.conn.execute("SELECT id, archive_name FROM decisions WHERE status = ? AND content != ''",
                               (DecisionStatus.REJECTED,)).fetchall()
        for decision_id, _ in rows:
            rf.conn.execute("UPDATE decisions SET content = '' WHERE id = ?", (decision_id,))
            rf.log_change(None, RecordKind.DECISION, str(decision_id), LogOp.PURGE, None, None)
    return [name for _, name in rows]


def archive_names_in_use(rf: ReportFile) -> set[str]:
    """The archive copies something still needs: kept submissions and decisions not rejected."""
    rows = rf.conn.execute(
        "SELECT archive_name FROM submissions UNION SELECT archive_name FROM decisions WHERE status != ?",
        (DecisionStatus.REJECTED,),
    ).fetchall()
    return {r[0] for r in rows}


def settle(rf: ReportFile, decision_id: int, status: DecisionStatus) -> None:
    """Records the reviewer's decision and when it was made, logged."""
    with rf.transaction():
        rf.conn.execute("UPDATE decisions SET status = ?, decided_at = ? WHERE id = ?", (status, now_iso(), decision_id))
        rf.log_change(None, RecordKind.DECISION, str(decision_id), LogOp.DECIDE, DecisionStatus.WAITING, status)


def set_answer(rf: ReportFile, decision_id: int, text: str) -> None:
    """Keeps the reviewer's reason for a rejection (schema 5), which goes back down as a notice; logged."""
    with rf.transaction():
        old = answer_of(rf, decision_id)
        rf.conn.execute("UPDATE decisions SET answer = ? WHERE id = ?", (text, decision_id))
        rf.log_change(None, RecordKind.DECISION, str(decision_id), "answer", old or None, text)


def answer_of(rf: ReportFile, decision_id: int) -> str:
    """The reviewer's reason for a rejection; empty when none was written."""
    row = rf.conn.execute("SELECT answer FROM decisions WHERE id = ?", (decision_id,)).fetchone()
    return row[0] if row else ""


def decision_row(rf: ReportFile, decision_id: int) -> DecisionRow | None:
    """One decision as the list shows it; ``None`` when there is no such decision."""
    row = rf.conn.execute(f"SELECT {_ROW_COLUMNS} FROM decisions WHERE id = ?", (decision_id,)).fetchone()
    return DecisionRow(*row) if row else None
