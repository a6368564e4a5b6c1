"""Editing a Tailan file: whole reports, one field of one item, and the ordered items.

Goals, measures and signatories are ordered items: each has a parent (a report or a
goal) and a place among its siblings. They are inserted, deleted and moved by one
table-driven helper (``ORDERED``); a new kind of ordered item is one more entry there
and one row-writer. Each edit is one transaction with its change-log entry, and
returns what is needed to reverse it.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from core.errors import NotFoundError, TailanError
from core.report.kinds import ItemKind
from core.report.model import (
    GOAL_FIELDS,
    MEASURE_TEXT_FIELDS,
    REPORT_FIELDS,
    SIGNATORY_FIELDS,
    Goal,
    Measure,
    Report,
    Signatory,
)
from core.storage.change_log import LogOp
from core.storage.clock import now_iso
from core.report.values import from_stored, to_stored
from core.storage.columns import goal_json, measure_json, report_summary, signatory_json

#: Editable fields per kind of item, as stored (``score`` is a measure field too).
EDITABLE_FIELDS = {
    ItemKind.REPORT: REPORT_FIELDS,
    ItemKind.GOAL: GOAL_FIELDS,
    ItemKind.MEASURE: MEASURE_TEXT_FIELDS + ("score",),
    ItemKind.SIGNATORY: SIGNATORY_FIELDS,
}
TABLE_OF_KIND = {ItemKind.REPORT: "reports", ItemKind.GOAL: "goals", ItemKind.MEASURE: "measures", ItemKind.SIGNATORY: "signatories"}

#: An inserted item goes last first, then to its place (no clash with existing orders).
_AT_THE_END = 1_000_000


class OrderedTable(NamedTuple):
    """One kind of ordered item: its table, its parent, how it is logged and found
    (a named tuple: made at each start in a tenth of a frozen dataclass's time)."""

    kind: str
    table: str
    parent_column: str
    parent_kind: str
    #: The change log's text of an item at ``index`` under ``parent_id``.
    describe: Callable[[Any, str, int], str]
    #: The item at ``index`` under ``parent_id`` in a loaded report.
    item_at: Callable[[Report, str, int], Any]
    #: Whether it may move to another parent (a measure to another goal of its report).
    changes_parent: bool = False


def _goal_at(report: Report, parent_id: str, index: int) -> Goal:
    return report.goals[index]


def _measure_at(report: Report, parent_id: str, index: int) -> Measure:
    return next(g for g in report.goals if g.id == parent_id).measures[index]


def _signatory_at(report: Report, parent_id: str, index: int) -> Signatory:
    return report.signatories[index]


ORDERED = {
    ItemKind.GOAL: OrderedTable(ItemKind.GOAL, "goals", "report_id", ItemKind.REPORT,
                         lambda g, parent, index: goal_json(g, index), _goal_at),
    ItemKind.MEASURE: OrderedTable(ItemKind.MEASURE, "measures", "goal_id", ItemKind.GOAL, measure_json, _measure_at, changes_parent=True),
    ItemKind.SIGNATORY: OrderedTable(ItemKind.SIGNATORY, "signatories", "report_id", ItemKind.REPORT,
                              lambda s, parent, index: signatory_json(s, index), _signatory_at),
}


class EditingMixin:
    """The editing part of ``ReportFile`` (uses ``transaction``, ``log_change``, ``conn``)."""

    # ----------------------------------------------------------- whole reports
    def add_report(self, report: Report) -> str:
        """Stores a whole report (an import, a new or carried-forward report) in one transaction."""
        with self.transaction():
            self._insert_report_rows(report)
            self.log_change(report.id, ItemKind.REPORT, report.id, LogOp.INSERT, None, report_summary(report))
        return report.id

    def insert_report(self, report: Report) -> None:
        """Inserts a whole report with its rows as they are, not logged (a submission file's copy)."""
        with self.transaction():
            self._insert_report_rows(report)

    def _insert_report_rows(self, report: Report) -> None:
        self.conn.execute(
            "INSERT INTO reports (id, organization, aimag, year, period, report_date, appendix_label, title,"
            " created_at, revision, finalized_at, fingerprint, previous_fingerprint, public_key, signature)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report.id,
                report.organization,
                report.aimag,
                report.year,
                report.period.value,
                report.report_date,
                report.appendix_label,
                report.title,
                now_iso(),
                report.revision,
                report.finalized_at,
                report.fingerprint,
                report.previous_fingerprint,
                report.public_key,
                report.signature,
            ),
        )
        for index, signatory in enumerate(report.signatories):
            self._insert_rows(ItemKind.SIGNATORY, report.id, index, signatory)
        for index, goal in enumerate(report.goals):
            self._insert_rows(ItemKind.GOAL, report.id, index, goal)

    def mark_finalized(self, report: Report) -> None:
        """Stores what finalizing computed (time, key, fingerprint, signature), logged as the act."""
        with self.transaction():
            self.conn.execute(
                "UPDATE reports SET finalized_at = ?, fingerprint = ?, public_key = ?, signature = ? WHERE id = ?",
                (report.finalized_at, report.fingerprint, report.public_key, report.signature, report.id),
            )
            self.log_change(report.id, ItemKind.REPORT, report.id, LogOp.FINALIZE, None, report.fingerprint)

    def mark_reopened(self, report: Report) -> None:
        """Starts the next revision of a finalized report: it remembers the fingerprint it replaces."""
        with self.transaction():
            self.conn.execute(
                "UPDATE reports SET finalized_at = NULL, fingerprint = NULL, public_key = NULL, signature = NULL,"
                " previous_fingerprint = ?, revision = revision + 1 WHERE id = ?",
                (report.fingerprint, report.id),
            )
            self.log_change(report.id, ItemKind.REPORT, report.id, LogOp.REOPEN, report.fingerprint,
                            str(report.revision + 1))

    def delete_report(self, report_id: str) -> None:
        """Deletes a report with all its rows; refuses a finalized one; the log records which report it was."""
        with self.transaction():
            self.require_editable(report_id)
            report = self.load_report(report_id)
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
            self.log_change(report_id, ItemKind.REPORT, report_id, LogOp.DELETE, report_summary(report), None)

    # ------------------------------------------------------------ field edits
    def set_field(self, kind: str, item_id: str, field: str, value: Any) -> Any:
        """Sets one field of one item; returns the old value (in model form) for undo."""
        return self.apply_field(kind, item_id, field, value)[0]

    def apply_field(self, kind: str, item_id: str, field: str, value: Any) -> tuple[Any, Any]:
        """Sets one field of one item; returns (old, new) as applied, in model form.

        The new value is what the file now holds (``"3"`` for a year typed as ``" 3 "``
        where the column keeps numbers), so the window shows it without converting again.
        """
        if field not in EDITABLE_FIELDS.get(kind, ()):
            raise TailanError(f"«{field}» талбарыг засах боломжгүй.")
        stored = to_stored(field, value)
        table = TABLE_OF_KIND[kind]
        with self.transaction():
            row = self.conn.execute(f"SELECT {field} FROM {table} WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                raise NotFoundError("Засах гэсэн мөр файлд олдсонгүй (устгагдсан байж магадгүй).")
            old_stored = row[0]
            report_id = self._editable_report_of(kind, item_id)
            if old_stored != stored:
                self.conn.execute(f"UPDATE {table} SET {field} = ? WHERE id = ?", (stored, item_id))
                self.log_change(report_id, kind, item_id, field, old_stored, stored)
        return from_stored(field, old_stored), from_stored(field, stored)

    # ---------------------------------------------------------- ordered items
    def insert_item(self, kind: str, parent_id: str, index: int, item) -> int:
        """Inserts a goal (with its measures), a measure or a signatory at ``index``; returns the index used."""
        spec = ORDERED[kind]
        with self.transaction():
            report_id = self._editable_report_of(spec.parent_kind, parent_id)
            self._insert_rows(kind, parent_id, _AT_THE_END, item)
            index = self._place(spec, parent_id, item.id, index)
            self.log_change(report_id, kind, item.id, LogOp.INSERT, None, spec.describe(item, parent_id, index))
        return index

    def delete_item(self, kind: str, item_id: str) -> tuple[str, int, Any]:
        """Deletes an ordered item (a goal with its measures); returns (parent id, index, item) to restore it."""
        spec = ORDERED[kind]
        with self.transaction():
            report_id = self._editable_report_of(kind, item_id)
            parent_id = self._parent_of(spec, item_id)
            ids = self._sibling_ids(spec, parent_id)
            index = ids.index(item_id)
            item = spec.item_at(self.load_report(report_id), parent_id, index)
            if kind == ItemKind.GOAL:  # its measures go with it: each is logged, so the history is whole
                for mi, measure in enumerate(item.measures):
                    self.log_change(report_id, ItemKind.MEASURE, measure.id, LogOp.DELETE, measure_json(measure, item_id, mi), None)
            self.conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (item_id,))
            ids.remove(item_id)
            self._write_order(spec, ids)
            self.log_change(report_id, kind, item_id, LogOp.DELETE, spec.describe(item, parent_id, index), None)
        return parent_id, index, item

    def move_item(self, kind: str, item_id: str, index: int, parent_id: str | None = None) -> tuple[str, int]:
        """Moves an item to ``index`` under ``parent_id`` (default: its own parent); returns the old (parent, index)."""
        spec = ORDERED[kind]
        with self.transaction():
            report_id = self._editable_report_of(kind, item_id)
            old_parent = self._parent_of(spec, item_id)
            parent_id = parent_id or old_parent
            if parent_id != old_parent:
                if not spec.changes_parent or self.report_of(spec.parent_kind, parent_id) != report_id:
                    raise TailanError("Арга хэмжээг өөр тайлан руу зөөх боломжгүй.")
                old_ids = self._sibling_ids(spec, old_parent)
                self.conn.execute(f"UPDATE {spec.table} SET {spec.parent_column} = ? WHERE id = ?", (parent_id, item_id))
                old_index = old_ids.index(item_id)
                old_ids.remove(item_id)
                self._write_order(spec, old_ids)
            else:
                old_index = self._sibling_ids(spec, old_parent).index(item_id)
            new_index = self._place(spec, parent_id, item_id, index)
            if (old_parent, old_index) != (parent_id, new_index):
                if spec.changes_parent:
                    import json

                    old = json.dumps({spec.parent_column: old_parent, "index": old_index})
                    new = json.dumps({spec.parent_column: parent_id, "index": new_index})
                else:
                    old, new = old_index, new_index
                self.log_change(report_id, kind, item_id, LogOp.MOVE, old, new)
        return old_parent, old_index

    # The window's names for the same three acts, kind by kind.
    def insert_goal(self, report_id: str, index: int, goal: Goal) -> int:
        """Inserts a goal with its measures at ``index``; returns the index used (for undo)."""
        return self.insert_item(ItemKind.GOAL, report_id, index, goal)

    def delete_goal(self, goal_id: str) -> tuple[str, int, Goal]:
        """Deletes a goal with its measures, each logged; returns (report id, index, goal) to put it back."""
        return self.delete_item(ItemKind.GOAL, goal_id)

    def move_goal(self, goal_id: str, index: int) -> int:
        """Moves a goal to ``index``; returns its old index, for undo."""
        return self.move_item(ItemKind.GOAL, goal_id, index)[1]

    def insert_measure(self, goal_id: str, index: int, measure: Measure) -> int:
        """Inserts a measure into a goal at ``index``; returns the index used (for undo)."""
        return self.insert_item(ItemKind.MEASURE, goal_id, index, measure)

    def delete_measure(self, measure_id: str) -> tuple[str, int, Measure]:
        """Deletes a measure; returns (goal id, index, measure) to put it back."""
        return self.delete_item(ItemKind.MEASURE, measure_id)

    def move_measure(self, measure_id: str, goal_id: str, index: int) -> tuple[str, int]:
        """Moves a measure to ``index`` of a goal of the same report; returns its old (goal id, index), for undo."""
        return self.move_item(ItemKind.MEASURE, measure_id, index, goal_id)

    def insert_signatory(self, report_id: str, index: int, signatory: Signatory) -> int:
        """Inserts a signature line at ``index``; returns the index used (for undo)."""
        return self.insert_item(ItemKind.SIGNATORY, report_id, index, signatory)

    def delete_signatory(self, signatory_id: str) -> tuple[str, int, Signatory]:
        """Deletes a signature line; returns (report id, index, signatory) to put it back."""
        return self.delete_item(ItemKind.SIGNATORY, signatory_id)

    def move_signatory(self, signatory_id: str, index: int) -> int:
        """Moves a signature line to ``index``; returns its old index, for undo."""
        return self.move_item(ItemKind.SIGNATORY, signatory_id, index)[1]

    # ----------------------------------------------------------------- helpers
    def _editable_report_of(self, kind: str, item_id: str) -> str:
        """The report of an item that is about to change; refuses a finalized one."""
        report_id = self.report_of(kind, item_id)
        self.require_editable(report_id)
        return report_id

    def _insert_rows(self, kind: str, parent_id: str, index: int, item) -> None:
        """The rows of one ordered item (a goal's measures too), at sort order ``index``."""
        if kind == ItemKind.GOAL:
            self.conn.execute(
                "INSERT INTO goals (id, report_id, sort_order, number, text) VALUES (?, ?, ?, ?, ?)",
                (item.id, parent_id, index, item.number, item.text),
            )
            for mi, measure in enumerate(item.measures):
                self._insert_rows(ItemKind.MEASURE, item.id, mi, measure)
        elif kind == ItemKind.MEASURE:
            self.conn.execute(
                "INSERT INTO measures (id, goal_id, sort_order, number, text, indicator, baseline_year,"
                " baseline_level, target_level, achieved, responsible, due, score, origin)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, parent_id, index, *(getattr(item, f) for f in MEASURE_TEXT_FIELDS),
                 item.score.value if item.score is not None else None, item.origin),
            )
            self._insert_evidence_rows(item)
        else:
            self.conn.execute(
                "INSERT INTO signatories (id, report_id, sort_order, role, position, name) VALUES (?, ?, ?, ?, ?, ?)",
                (item.id, parent_id, index, item.role, item.position, item.name),
            )

    def _parent_of(self, spec: OrderedTable, item_id: str) -> str:
        row = self.conn.execute(f"SELECT {spec.parent_column} FROM {spec.table} WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFoundError("Засах гэсэн мөр файлд олдсонгүй (устгагдсан байж магадгүй).")
        return row[0]

    def _sibling_ids(self, spec: OrderedTable, parent_id: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM {spec.table} WHERE {spec.parent_column} = ? ORDER BY sort_order", (parent_id,)
            )
        ]

    def _write_order(self, spec: OrderedTable, ids: list[str]) -> None:
        self.conn.executemany(f"UPDATE {spec.table} SET sort_order = ? WHERE id = ?", list(enumerate(ids)))

    def _place(self, spec: OrderedTable, parent_id: str, item_id: str, index: int) -> int:
        ids = [i for i in self._sibling_ids(spec, parent_id) if i != item_id]
        index = max(0, min(index, len(ids)))
        ids.insert(index, item_id)
        self._write_order(spec, ids)
        return index
