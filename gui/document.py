"""One open file: the ``ReportFile``, the report in memory, and the undo stack over both.

Every edit reaches the disk first (through ``core.storage``, one transaction) and
only then changes the in-memory report, so the window never shows something the
file does not hold. Each change is announced twice, as Anki's ``OpChanges`` are:
``aboutToChange`` lets the tree model open its ``begin*Rows`` bracket while the
report still has the old shape, ``changed`` tells every view what happened so it
refreshes only what it must (one field, or one row inserted, removed or moved).

Widgets never call the ``apply_*`` methods: an edit is a command built by
``gui.commands`` and pushed (``WindowActions.push``, or ``set_field`` for a form's
field); the stack's ``push()`` runs the command's ``redo()``, which calls
``apply_*``. A failing write (disk full, USB pulled) is reported once through the
prompter with core's Mongolian message, the command is dropped from the stack, and
the report in memory stays as the file is. Acts that cannot be undone (finalize,
reopen, send, copy, the aimag's answer) are methods here too, run through
``gui.acts``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from core.errors import TailanError
from core.report.kinds import ItemKind
from core.report.model import Goal, Measure, Period, Report, Score, Signatory
from core.report.title import header_edits
from core.storage import ReportFile
from gui.changes import Change, ChangeOp, SaveState  # the views import them from here too
from gui.evidence.document_part import EvidenceDocumentPart
from gui.year.document_part import YearDocumentPart


class Document(QObject, EvidenceDocumentPart, YearDocumentPart):
    """The open file and its report: every edit and act of the soum's window reaches the file here.

    Its evidence edits and reads are in ``gui.evidence.document_part``."""

    aboutToChange = Signal(object)
    changed = Signal(object)
    saveStateChanged = Signal(str)
    #: The aimag's answer kept in the file changed (``receipt`` and the remarks).
    receiptChanged = Signal()
    #: The aimag's call kept with the report changed (``call``).
    callChanged = Signal()

    def __init__(self, rf: ReportFile, report_id: str, prompter, parent: QObject | None = None):
        super().__init__(parent)
        self.rf = rf
        self.prompter = prompter
        self.report: Report = rf.load_report(report_id)
        self.undo_stack = QUndoStack(self)
        #: The window's one path for edits (``WindowActions.push``); see ``push_edit``.
        self.pusher = None
        self.save_state = SaveState.SAVED
        self._failure: TailanError | None = None
        self._index()
        self.load_answers()  # the aimag's receipt or notice and its call (gui.year.document_part)

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, prompter, parent: QObject | None = None, read_only: bool = False,
             report_id: str | None = None) -> "Document":
        """Opens and checks a file; raises ``TailanError`` (nothing changed) when it cannot.

        The one way a window turns a path into a ``Document``: a file the user opens, the
        same file again after finalizing or reopening (``report_id``: the report shown),
        a soum's received copy in the aimag's window (``read_only``). Without
        ``report_id``, a file with several reports asks which one; an empty file gets a
        blank report (a read-only one cannot, and is refused).
        """
        rf = ReportFile.open(path, read_only=read_only)
        try:
            return cls(rf, report_id or cls._which_report(rf, prompter), prompter, parent)
        except BaseException:
            rf.close()
            raise

    @staticmethod
    def _which_report(rf: ReportFile, prompter) -> str:
        """The file's only report, the one the user chooses, or a new blank one in an empty file."""
        reports = rf.list_reports()
        if not reports:
            if rf.read_only:
                raise TailanError("Файлд тайлан алга.")
            return rf.add_report(Report())
        if len(reports) == 1:
            return reports[0].id
        choice = prompter.choose(
            QCoreApplication.translate("Document", "Choose a report"),
            QCoreApplication.translate("Document", "This file holds several reports. Which one to open?"),
            [r.describe() for r in reports],
        )
        if choice is None:
            raise TailanError("Тайлан сонгоогүй тул файлыг нээсэнгүй.")
        return reports[choice].id

    def close(self) -> None:
        self.rf.close()

    @property
    def path(self) -> Path:
        return self.rf.path

    @property
    def finalized(self) -> bool:
        return bool(getattr(self.report, "is_final", False))

    @property
    def read_only(self) -> bool:
        """Read-only media, a file opened read-only, or a report finalized for sending upward."""
        return self.rf.read_only or self.finalized

    @property
    def read_only_reason(self) -> str:
        if self.rf.read_only:
            return self.rf.read_only_reason
        if self.finalized:
            return self.tr("This report was finalized for sending upward; it is kept as it was signed.")
        return ""

    def _index(self) -> None:
        self.items: dict[str, Any] = {self.report.id: self.report}
        self.goal_of: dict[str, Goal] = {}
        for s in self.report.signatories:
            self.items[s.id] = s
        for g in self.report.goals:
            self.items[g.id] = g
            for m in g.measures:
                self.items[m.id] = m
                self.goal_of[m.id] = g

    # ------------------------------------------- acts that cannot be undone
    @property
    def file_read_only(self) -> bool:
        """The file itself cannot be written (read-only medium, another window has it)."""
        return self.rf.read_only

    @property
    def file_read_only_reason(self) -> str:
        return self.rf.read_only_reason

    @property
    def backup_path(self) -> Path | None:
        """The backup copy written before this file was upgraded on opening, if any."""
        return self.rf.backup_path

    def finalize(self, new_key: bool = False, notices: list | None = None) -> Report:
        from core.sending.lifecycle import finalize

        return finalize(self.rf, self.report.id, new_key, notices)

    def reopen(self) -> Report:
        from core.sending.lifecycle import reopen

        return reopen(self.rf, self.report.id)

    def export_submission(self, target: str | Path) -> Path:
        from core.sending.export import export_submission

        return export_submission(self.rf, self.report.id, target)

    def write_copy(self, target: str | Path) -> Path:
        return self.rf.write_copy(target)

    # ------------------------------------------------------ the aimag's answer
    def keep_receipt(self, path: str | Path, accept_key: bool = False):
        """Checks the aimag's receipt against this report and keeps it in the file (core)."""
        from core.aimag.receipt import open_receipt  # the aimag's modules load when needed
        receipt = open_receipt(self.rf, path, accept_key=accept_key, report_id=self.report.id)
        self.receipt, self.notice = receipt, None
        self.receiptChanged.emit()
        return receipt

    def remarks_for(self, item_id: str) -> list:
        """The aimag's remarks on the report (its own id) or on one measure (by its number)."""
        if self.receipt is None:
            return []
        item = self.items.get(item_id)
        if isinstance(item, Report):
            return [r for r in self.receipt.remarks if r.measure is None]
        if isinstance(item, Measure):
            number = item.number.strip().rstrip(".")
            return [r for r in self.receipt.remarks if r.measure is not None and r.measure.strip().rstrip(".") == number]
        return []

    def kind_of(self, item_id: str) -> str:
        item = self.items[item_id]
        return {Report: ItemKind.REPORT, Goal: ItemKind.GOAL, Measure: ItemKind.MEASURE, Signatory: ItemKind.SIGNATORY}[type(item)]

    # ------------------------------------------------------- command plumbing
    def push(self, command) -> bool:
        """Runs a command through the stack; False (and a message) when the write failed.

        Widgets call ``push_edit`` instead: the window's one path (``WindowActions.push``).
        """
        return self._run(lambda: self.undo_stack.push(command))

    def push_edit(self, command) -> bool:
        """A widget's edit, through the window's one path: typing committed first, the
        command pushed, then its item selected (``WindowActions.push``, set by the window
        as ``pusher``); a document without a window pushes it directly."""
        return self.pusher(command) if self.pusher is not None else self.push(command)

    def undo(self) -> bool:
        return self._run(self.undo_stack.undo)

    def redo(self) -> bool:
        return self._run(self.undo_stack.redo)

    def _run(self, action) -> bool:
        self._failure = None
        self._set_save_state(SaveState.SAVING)
        action()
        failure, self._failure = self._failure, None
        if failure is not None:
            self._set_save_state(SaveState.FAILED)
            self.prompter.error(self.tr("Not saved"), failure.message)
            return False
        self._set_save_state(SaveState.SAVED)
        return True

    def command_failed(self, exc: TailanError) -> None:
        """Called by a command whose core call raised; ``_run`` reports it once."""
        self._failure = exc

    def set_pending(self) -> None:
        """A field holds typing not yet committed (its pause timer is running)."""
        self._set_save_state(SaveState.PENDING)

    def _set_save_state(self, state: SaveState) -> None:
        if state != self.save_state:
            self.save_state = state
            self.saveStateChanged.emit(state)

    # ---------------------------------------------------- user-level actions
    def set_field(self, kind: str, item_id: str, field: str, value: Any) -> bool:
        from gui.commands import SetFieldCommand

        try:
            unchanged = getattr(self.items[item_id], field) == _model_value(field, value)
        except ValueError:
            unchanged = False  # core will refuse it with a message
        if unchanged:
            return True
        return self.push(SetFieldCommand(self, kind, item_id, field, value, self._following(kind, field, value)))

    def _following(self, kind: str, field: str, value: Any) -> list[tuple[str, Any]]:
        """Header fields that change with this edit (the title, while it is built: ``core.report.title``)."""
        if kind != ItemKind.REPORT:
            return []
        try:
            return header_edits(self.report, field, value)[1:]
        except TailanError:
            return []  # core refuses the value itself, with its message

    # ------------------------------------------- apply: core first, then memory
    def _announce(self, change: Change, mutate) -> None:
        self.aboutToChange.emit(change)
        mutate()
        self.changed.emit(change)

    def announce_field(self, kind: str, item_id: str, field: str, mutate) -> None:
        """A field-like change made outside ``apply_field`` (a measure's evidence), announced as one."""
        self._announce(Change(ChangeOp.FIELD, kind, item_id, field), mutate)

    def apply_field(self, kind: str, item_id: str, field: str, value: Any) -> Any:
        old = self.rf.set_field(kind, item_id, field, value)
        item = self.items[item_id]
        self._announce(Change(ChangeOp.FIELD, kind, item_id, field), lambda: setattr(item, field, _model_value(field, value)))
        return old

    # Ordered items (goals, measures, signatories): one way for all three kinds, as in
    # core (``core.storage.editing.ORDERED``). A new kind is one more case in
    # ``_siblings`` and ``_remember``.
    def _siblings(self, kind: str, parent_id: str) -> list:
        if kind == ItemKind.MEASURE:
            return self.items[parent_id].measures
        return self.report.goals if kind == ItemKind.GOAL else self.report.signatories

    def _parent_id(self, kind: str, item_id: str) -> str:
        return self.goal_of[item_id].id if kind == ItemKind.MEASURE else self.report.id

    def _remember(self, kind: str, item, parent_id: str, present: bool) -> None:
        """Adds an item (a goal with its measures) to the lookups, or takes it out."""
        for child in [item, *(item.measures if kind == ItemKind.GOAL else [])]:
            if present:
                self.items[child.id] = child
            else:
                self.items.pop(child.id, None)
        if kind == ItemKind.GOAL:
            for m in item.measures:
                if present:
                    self.goal_of[m.id] = item
                else:
                    self.goal_of.pop(m.id, None)
        elif kind == ItemKind.MEASURE:
            if present:
                self.goal_of[item.id] = self.items[parent_id]
            else:
                self.goal_of.pop(item.id, None)

    def apply_insert(self, kind: str, parent_id: str, index: int, item) -> int:
        """Inserts an ordered item in the file, then in memory; returns the index used."""
        index = self.rf.insert_item(kind, parent_id, index, item)

        def mutate():
            self._siblings(kind, parent_id).insert(index, item)
            self._remember(kind, item, parent_id, present=True)

        self._announce(Change(ChangeOp.INSERT, kind, item.id, parent_id=parent_id, index=index), mutate)
        return index

    def apply_delete(self, kind: str, item_id: str) -> tuple[str, int, Any]:
        """Deletes an ordered item; returns (parent id, index, item) to put it back."""
        self.rf.delete_item(kind, item_id)
        item = self.items[item_id]
        parent_id = self._parent_id(kind, item_id)
        siblings = self._siblings(kind, parent_id)
        index = position(siblings, item)

        def mutate():
            siblings.pop(index)
            self._remember(kind, item, parent_id, present=False)

        self._announce(Change(ChangeOp.REMOVE, kind, item_id, parent_id=parent_id, index=index), mutate)
        return parent_id, index, item

    def apply_move(self, kind: str, item_id: str, index: int, parent_id: str | None = None) -> tuple[str, int]:
        """Moves an ordered item (a measure also to another goal); returns the old (parent id, index)."""
        old_parent, old_index = self.rf.move_item(kind, item_id, index, parent_id)
        parent_id = parent_id or old_parent
        item = self.items[item_id]
        source, target = self._siblings(kind, old_parent), self._siblings(kind, parent_id)
        new = max(0, min(index, len(target) - (1 if target is source else 0)))

        def mutate():
            source.pop(position(source, item))
            target.insert(new, item)
            if kind == ItemKind.MEASURE:
                self.goal_of[item_id] = self.items[parent_id]

        if (old_parent, old_index) != (parent_id, new):
            self._announce(
                Change(ChangeOp.MOVE, kind, item_id, parent_id=old_parent, index=old_index, to_parent_id=parent_id,
                       to_index=new),
                mutate,
            )
        return old_parent, old_index


def position(items: list, item) -> int:
    """Index by identity: dataclass ``==`` would compare whole goals field by field."""
    for i, candidate in enumerate(items):
        if candidate is item:
            return i
    raise ValueError("not in list")


def _model_value(field: str, value: Any) -> Any:
    """The in-memory form of a value core has just accepted (core already validated it)."""
    if field == "score":
        return value if value is None or isinstance(value, Score) else Score.parse(value)
    if field == "period":
        return value if isinstance(value, Period) else Period(str(value))
    if field == "year":
        text = "" if value is None else str(value).strip()
        return int(text) if text else None
    return "" if value is None else value
