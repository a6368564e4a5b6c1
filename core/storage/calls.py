"""The aimag's calls for reports, as each side keeps them.

Table ``aimag_calls`` (schema 5), in the aimag's file: every call it signed and sent
down (year, period, deadline, the whole signed call), so the list of those who have not
sent yet can count the days to the deadline. Table ``kept_calls`` (schema 5), in a
soum's file: the call a report answers, kept whole once its signature and its aimag
key were checked (``core.sending.call``). Every write opens its own transaction (a
savepoint inside the caller's) and is logged.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.storage.change_log import LogOp, RecordKind
from core.storage.clock import now_iso
from core.storage.file import ReportFile


@dataclass(frozen=True)
class IssuedCall:
    """One call the aimag sent down, as its not-sent list needs it."""

    id: str
    aimag: str
    year: int
    period: str
    deadline: str
    issued_at: str
    content: str


# ------------------------------------------------------------------ the aimag's file
def record_issued_call(rf: ReportFile, call: IssuedCall) -> None:
    """Keeps a call the aimag signed, logged with its round and deadline."""
    with rf.transaction():
        rf.conn.execute(
            "INSERT INTO aimag_calls (id, aimag, year, period, deadline, issued_at, content) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (call.id, call.aimag, call.year, call.period, call.deadline, call.issued_at, call.content),
        )
        rf.log_change(None, RecordKind.CALL, call.id, LogOp.INSERT, None,
                      f"{call.year} {call.period} {call.deadline}")


def issued_calls(rf: ReportFile) -> list[IssuedCall]:
    """Every call the aimag sent, the latest first."""
    rows = rf.conn.execute(
        "SELECT id, aimag, year, period, deadline, issued_at, content FROM aimag_calls ORDER BY issued_at DESC, id"
    ).fetchall()
    return [IssuedCall(*row) for row in rows]


# ------------------------------------------------------------------ the soum's file
def keep_call(rf: ReportFile, report_id: str, aimag: str, year: int, period: str, deadline: str, key_code: str,
              issued_at: str, content: str) -> None:
    """Keeps the call a report answers (the latest kept is the one in force), logged."""
    with rf.transaction():
        rf.conn.execute(
            "INSERT INTO kept_calls (id, report_id, aimag, year, period, deadline, aimag_key_code, issued_at, kept_at,"
            " content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), report_id, aimag, year, period, deadline, key_code, issued_at, now_iso(), content),
        )
        rf.log_change(report_id, RecordKind.CALL, report_id, LogOp.CALL, None,
                      f"{aimag} {year} {period} {deadline}")


def kept_calls(rf: ReportFile, report_id: str) -> list[str]:
    """The content (JSON) of every call kept for a report, the one in force (issued last, then kept last) first."""
    if rf.schema_version < 5:  # an older file opened read-only and received files have none
        return []
    return [r[0] for r in rf.conn.execute(
        "SELECT content FROM kept_calls WHERE report_id = ? ORDER BY issued_at DESC, kept_at DESC", (report_id,))]
