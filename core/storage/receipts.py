"""The aimag's receipts a soum keeps in its own file.

Table ``receipts`` (schema 3): one per report and revision, the whole signed receipt
kept as JSON. Whether a receipt may be kept (its signature, its aimag's key, its
report) is ``core.aimag.receipt``'s check, made before anything is written here.
Keeping one opens its own transaction (a savepoint inside the caller's) and is logged.
"""

from __future__ import annotations

import uuid

from core.storage.change_log import LogOp, RecordKind
from core.storage.clock import now_iso
from core.storage.file import ReportFile


def keep_receipt(rf: ReportFile, report_id: str, revision: int, fingerprint: str, aimag: str, received_at: str,
                 aimag_key_code: str, content: str) -> None:
    """Keeps a receipt for a report's revision in place of any kept before for that revision."""
    with rf.transaction():
        rf.conn.execute("DELETE FROM receipts WHERE report_id = ? AND revision = ?", (report_id, revision))
        rf.conn.execute(
            "INSERT INTO receipts (id, report_id, revision, fingerprint, aimag, received_at, aimag_key_code, kept_at,"
            " content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), report_id, revision, fingerprint, aimag, received_at, aimag_key_code, now_iso(),
             content),
        )
        rf.log_change(report_id, RecordKind.RECEIPT, report_id, LogOp.RECEIPT, None,
                      f"{aimag} {received_at} хувилбар {revision}")


def kept_for_revision(rf: ReportFile, report_id: str, revision: int) -> str | None:
    """The content (JSON) of the receipt kept for one revision of a report, if any."""
    row = rf.conn.execute(
        "SELECT content FROM receipts WHERE report_id = ? AND revision = ? ORDER BY kept_at DESC LIMIT 1",
        (report_id, revision),
    ).fetchone()
    return row[0] if row else None


def latest_receipt(rf: ReportFile, report_id: str) -> str | None:
    """The content (JSON) of the latest receipt kept for a report: the highest revision, then the last kept."""
    row = rf.conn.execute(
        "SELECT content FROM receipts WHERE report_id = ? ORDER BY revision DESC, kept_at DESC LIMIT 1", (report_id,)
    ).fetchone()
    return row[0] if row else None


def kept_contents(rf: ReportFile, report_id: str) -> list[str]:
    """The content (JSON) of every answer of the aimag kept for a report (receipts and notices), latest first."""
    return [r[0] for r in rf.conn.execute(
        "SELECT content FROM receipts WHERE report_id = ? ORDER BY revision DESC, kept_at DESC", (report_id,))]
