"""The file's change log: what each entry says, appending to it, reading it back.

Every write to a Tailan file appends one entry or more (when, which report, what kind
of thing, which one, which field or act, old value, new value), so a reviewer can
always see the history. Values are kept as text (``columns.as_text``). The words an
entry is written with are the enums below: their values are what the files hold, so
they never change (old files must still read).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from core.storage.clock import now_iso
from core.storage.columns import as_text

LOG_COLUMNS = ("at", "report_id", "item_kind", "item_id", "field", "old_value", "new_value")


class LogOp(StrEnum):
    """The change log's ``field`` for acts that are not a field edit."""

    INSERT = "(insert)"
    DELETE = "(delete)"
    MOVE = "(move)"
    FINALIZE = "(finalize)"
    REOPEN = "(reopen)"
    RECEIVED = "(received)"
    RECEIPT = "(receipt)"
    ACCEPT = "(accept)"
    RETIRE = "(retire)"
    WAITING = "(waiting)"
    DECIDE = "(decide)"
    ATTACH = "(attach)"
    DETACH = "(detach)"
    CALL = "(call)"
    REJUDGE = "(rejudge)"
    PURGE = "(purge)"


class RecordKind(StrEnum):
    """The change log's ``item_kind`` for what is not an item of a report (those are
    ``core.report.kinds.ItemKind``): the aimag's register, decisions and remarks, and
    the receipts a soum keeps."""

    ORGANIZATION = "organization"
    KEY = "key"
    AIMAG = "aimag"
    DECISION = "decision"
    REMARK = "remark"
    RECEIPT = "receipt"
    CALL = "call"


class ChangeLogMixin:
    """The change-log part of ``ReportFile`` (uses ``conn`` and ``transaction``)."""

    def log_change(self, report_id: str | None, kind: str, item_id: str, field: str, old: Any, new: Any) -> None:
        """Appends one entry to the file's change log (a savepoint of the caller's transaction)."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO change_log (at, report_id, item_kind, item_id, field, old_value, new_value)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (now_iso(), report_id, kind, item_id, field, as_text(old), as_text(new)),
            )

    def insert_change_log(self, entries: list[dict[str, Any]]) -> None:
        """Copies change-log entries as they are (another file's history: a submission carries
        its report's log), in one transaction."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO change_log (at, report_id, item_kind, item_id, field, old_value, new_value)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [tuple(e[c] for c in LOG_COLUMNS) for e in entries],
            )

    def change_log(self, report_id: str | None = None) -> list[dict[str, Any]]:
        """The change log in the order it was written, of one report or of the whole file; values as stored (text)."""
        sql = "SELECT id, at, report_id, item_kind, item_id, field, old_value, new_value FROM change_log"
        params: tuple = ()
        if report_id is not None:
            sql += " WHERE report_id = ?"
            params = (report_id,)
        keys = ("id",) + LOG_COLUMNS
        return [dict(zip(keys, row)) for row in self.conn.execute(sql + " ORDER BY id", params)]
