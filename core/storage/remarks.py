"""The reviewer's remarks on received reports, in the aimag's file.

Table ``remarks`` (schema 3): tied to the fingerprint of the submission they are
about, with the measure's number, the proposed score, who wrote them and when. What a
remark may say is ``core.aimag.remarks``' rule. Adding one opens its own transaction
(a savepoint inside the caller's) and is logged.
"""

from __future__ import annotations

import json
import uuid

from core.storage.change_log import LogOp, RecordKind
from core.storage.file import ReportFile

#: A remark as stored: (measure number or None, text, proposed score or None, author, written at).
RemarkRow = tuple[str | None, str, str | None, str, str]


def insert_remark(rf: ReportFile, fingerprint: str, remark: RemarkRow, logged: dict) -> None:
    """Keeps one remark on the submission with ``fingerprint``; the log entry holds ``logged`` as JSON."""
    with rf.transaction():
        rf.conn.execute(
            "INSERT INTO remarks (id, fingerprint, measure_number, text, proposed_score, author, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), fingerprint, *remark),
        )
        rf.log_change(None, RecordKind.REMARK, fingerprint, LogOp.INSERT, None, json.dumps(logged, ensure_ascii=False))


def remarks_about(rf: ReportFile, fingerprint: str) -> list[RemarkRow]:
    """The remarks on one submission, in the order written."""
    return [
        tuple(row)
        for row in rf.conn.execute(
            "SELECT measure_number, text, proposed_score, author, created_at FROM remarks WHERE fingerprint = ?"
            " ORDER BY created_at, rowid",
            (fingerprint,),
        )
    ]
