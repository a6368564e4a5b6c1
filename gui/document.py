"""One open file: the ``ReportFile``, the report in memory, and the undo stack over both.

Every edit reaches the disk first (through ``core.storage``, one transaction) and
only then changes the in-memory report, so the window never shows something the
file does not hold. Each change is announced twice, as Anki's ``OpChanges`` are:
``aboutToChange`` lets the tree model open its ``begin*Rows`` bracket while the
report still has the old shape, ``changed`` tells every view what happened so it
refreshes only what it must (one field, one row, or everything on ``reset``).

Widgets never call the ``apply_*`` methods: they call the user-level methods
(``set_field``, ``add_measure``, ``move_measure``...), which build a command from
``gui.commands`` and push it; the stack's ``push()`` runs the command's ``redo()``,
which calls ``apply_*``. A failing write (disk full, USB pulled) is reported once
through the prompter with core's Mongolian message, the command is dropped from the
stack, and the report in memory stays as the file is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from core.errors import TailanError
from core.model import Goal, Measure, Period, Report, Score, Signatory
from core.storage import ReportFile
from core.title import header_edits


@dataclass(frozen=True)
class Change:
    """What one step changed, for the views: ``op`` is field/insert/remove/move/reset."""

    op: str
    kind: str = "report"
    item_id: str = ""
    field: str = ""
    parent_id: str = ""
    index: int = -1
    to_parent_id: str = ""
    to_index: int = -1


class Document(QObject):
    """The open file and its report; the only object in ``gui`` that calls ``ReportFile``."""

    aboutToChange = Signal(object)
    changed = Signal(object)
    saveStateChanged = Signal(str)

    def __init__(self, rf: ReportFile, report_id: str, prompter, parent: QObject | None = None):
        super().__init__(parent)
        self.rf = rf
        self.prompter = prompter
        self.report: Report = rf.load_report(report_id)
        self.undo_stack = QUndoStack(self)
        self.save_state = "saved"
        self._failure: TailanError | None = None
        self._index()

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, prompter, parent: QObject | None = None, read_only: bool = False) -> "Document":
        """Opens and checks a file; raises ``TailanError`` (nothing changed) when it cannot.

        A file with several reports asks which one; an empty file gets a blank report.
        """
        rf = ReportFile.open(path, read_only=read_only)
        try:
            reports = rf.list_reports()
            if not reports:
                if rf.read_only:
                    raise TailanError("Файлд тайлан алга.")
                report_id = rf.add_report(Report())
            elif len(reports) == 1:
                report_id = reports[0].id
            else:
                choice = prompter.choose(
                    QCoreApplication.translate("Document", "Choose a report"),
                    QCoreApplication.translate("Document", "This file holds several reports. Which one to open?"),
                    [r.describe() for r in reports],
                )
                if choice is None:
                    raise TailanError("Тайлан сонгоогүй тул файлыг нээсэнгүй.")
                report_id = reports[choice].id
            return cls(rf, report_id, prompter, parent)
        except BaseException:
            rf.close()
            raise

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

    def kind_of(self, item_id: str) -> str:
        item = self.items[item_id]
        return {Report: "report", Goal: "goal", Measure: "measure", Signatory: "signatory"}[type(item)]

    # ------------------------------------------------------- command plumbing
    def push(self, command) -> bool:
        """Runs a command through the stack; False (and a message) when the write failed."""
        return self._run(lambda: self.undo_stack.push(command))

    def undo(self) -> bool:
        return self._run(self.undo_stack.undo)

    def redo(self) -> bool:
        return self._run(self.undo_stack.redo)

    def _run(self, action) -> bool:
        self._failure = None
        self._set_save_state("saving")
        action()
        failure, self._failure = self._failure, None
        if failure is not None:
            self._set_save_state("failed")
            self.prompter.error(self.tr("Not saved"), failure.message)
            return False
        self._set_save_state("saved")
        return True

    def command_failed(self, exc: TailanError) -> None:
        """Called by a command whose core call raised; ``_run`` reports it once."""
        self._failure = exc

    def set_pending(self) -> None:
        """A field holds typing not yet committed (its pause timer is running)."""
        self._set_save_state("pending")

    def _set_save_state(self, state: str) -> None:
        if state != self.save_state:
            self.save_state = state
            self.saveStateChanged.emit(state)

    # ---------------------------------------------------- user-level actions
    def set_field(self, kind: str, item_id: str, field: str, value: Any) -> bool:
        from .commands import SetFieldCommand

        try:
            unchanged = getattr(self.items[item_id], field) == _model_value(field, value)
        except ValueError:
            unchanged = False  # core will refuse it with a message
        if unchanged:
            return True
        return self.push(SetFieldCommand(self, kind, item_id, field, value, self._following(kind, field, value)))

    def _following(self, kind: str, field: str, value: Any) -> list[tuple[str, Any]]:
        """Header fields that change with this edit (the title, while it is built: ``core.title``)."""
        if kind != "report":
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

    def apply_field(self, kind: str, item_id: str, field: str, value: Any) -> Any:
        old = self.rf.set_field(kind, item_id, field, value)
        item = self.items[item_id]
        self._announce(Change("field", kind, item_id, field), lambda: setattr(item, field, _model_value(field, value)))
        return old

    def apply_insert_goal(self, index: int, goal: Goal) -> int:
        index = self.rf.insert_goal(self.report.id, index, goal)

        def mutate():
            self.report.goals.insert(index, goal)
            self.items[goal.id] = goal
            for m in goal.measures:
                self.items[m.id] = m
                self.goal_of[m.id] = goal

        self._announce(Change("insert", "goal", goal.id, parent_id=self.report.id, index=index), mutate)
        return index

    def apply_delete_goal(self, goal_id: str) -> tuple[int, Goal]:
        self.rf.delete_goal(goal_id)
        goal = self.items[goal_id]
        index = position(self.report.goals, goal)

        def mutate():
            self.report.goals.pop(index)
            del self.items[goal_id]
            for m in goal.measures:
                self.items.pop(m.id, None)
                self.goal_of.pop(m.id, None)

        self._announce(Change("remove", "goal", goal_id, parent_id=self.report.id, index=index), mutate)
        return index, goal

    def apply_move_goal(self, goal_id: str, index: int) -> int:
        old = self.rf.move_goal(goal_id, index)
        goals = self.report.goals
        goal = self.items[goal_id]
        new = max(0, min(index, len(goals) - 1))

        def mutate():
            goals.pop(position(goals, goal))
            goals.insert(new, goal)

        if new != old:
            self._announce(
                Change("move", "goal", goal_id, parent_id=self.report.id, index=old,
                       to_parent_id=self.report.id, to_index=new),
                mutate,
            )
        return old

    def apply_insert_measure(self, goal_id: str, index: int, measure: Measure) -> int:
        index = self.rf.insert_measure(goal_id, index, measure)
        goal = self.items[goal_id]

        def mutate():
            goal.measures.insert(index, measure)
            self.items[measure.id] = measure
            self.goal_of[measure.id] = goal

        self._announce(Change("insert", "measure", measure.id, parent_id=goal_id, index=index), mutate)
        return index

    def apply_delete_measure(self, measure_id: str) -> tuple[str, int, Measure]:
        self.rf.delete_measure(measure_id)
        measure = self.items[measure_id]
        goal = self.goal_of[measure_id]
        index = position(goal.measures, measure)

        def mutate():
            goal.measures.pop(index)
            del self.items[measure_id]
            del self.goal_of[measure_id]

        self._announce(Change("remove", "measure", measure_id, parent_id=goal.id, index=index), mutate)
        return goal.id, index, measure

    def apply_move_measure(self, measure_id: str, goal_id: str, index: int) -> tuple[str, int]:
        old_goal_id, old_index = self.rf.move_measure(measure_id, goal_id, index)
        measure = self.items[measure_id]
        source = self.goal_of[measure_id]
        target = self.items[goal_id]
        size = len(target.measures) - (1 if target is source else 0)
        new = max(0, min(index, size))

        def mutate():
            source.measures.pop(position(source.measures, measure))
            target.measures.insert(new, measure)
            self.goal_of[measure_id] = target

        if (source.id, old_index) != (goal_id, new):
            self._announce(
                Change("move", "measure", measure_id, parent_id=source.id, index=old_index,
                       to_parent_id=goal_id, to_index=new),
                mutate,
            )
        return old_goal_id, old_index

    def apply_insert_signatory(self, index: int, signatory: Signatory) -> int:
        index = self.rf.insert_signatory(self.report.id, index, signatory)

        def mutate():
            self.report.signatories.insert(index, signatory)
            self.items[signatory.id] = signatory

        self._announce(Change("insert", "signatory", signatory.id, parent_id=self.report.id, index=index), mutate)
        return index

    def apply_delete_signatory(self, signatory_id: str) -> tuple[int, Signatory]:
        self.rf.delete_signatory(signatory_id)
        signatory = self.items[signatory_id]
        index = position(self.report.signatories, signatory)

        def mutate():
            self.report.signatories.pop(index)
            del self.items[signatory_id]

        self._announce(Change("remove", "signatory", signatory_id, parent_id=self.report.id, index=index), mutate)
        return index, signatory

    def apply_move_signatory(self, signatory_id: str, index: int) -> int:
        old = self.rf.move_signatory(signatory_id, index)
        signatories = self.report.signatories
        signatory = self.items[signatory_id]
        new = max(0, min(index, len(signatories) - 1))

        def mutate():
            signatories.pop(position(signatories, signatory))
            signatories.insert(new, signatory)

        if new != old:
            self._announce(
                Change("move", "signatory", signatory_id, parent_id=self.report.id, index=old,
                       to_parent_id=self.report.id, to_index=new),
                mutate,
            )
        return old


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
