"""One undo command per user action; each command is a list of small reversible steps.

A step calls one ``Document.apply_*`` method (core first, then memory) and keeps
what core returned so it can reverse itself. A command runs its steps in order in
``redo()`` and backwards in ``undo()``; if a write fails half way, the steps already
done are reversed, the command marks itself obsolete (Qt then drops it from the
stack) and the document shows core's message. So "paste ten goals" or "renumber" is
one undo step and is never left half done.

``push()`` does the work through ``redo()`` (the Qt undo framework's rule): nothing
changes the report before the command is pushed.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from core.errors import TailanError
from core.report.kinds import ItemKind
from core.report.model import Goal, Measure, Signatory
from gui.i18n import tr

#: Fields whose consecutive edits merge into one undo step (typing); scores never merge.
MERGEABLE_FIELDS = {
    "organization", "aimag", "report_date", "appendix_label", "title",
    "number", "text", "indicator", "baseline_year", "baseline_level", "target_level", "achieved",
    "role", "position", "name",
}


# ------------------------------------------------------------------- steps
class FieldStep:
    def __init__(self, kind: str, item_id: str, field: str, value: Any):
        self.kind, self.item_id, self.field, self.new = kind, item_id, field, value
        self.old: Any = None

    def do(self, doc) -> None:
        self.old = doc.apply_field(self.kind, self.item_id, self.field, self.new)

    def undo(self, doc) -> None:
        doc.apply_field(self.kind, self.item_id, self.field, self.old)


class InsertStep:
    """Inserts an ordered item (goal, measure or signatory); undone by deleting it."""

    def __init__(self, kind: str, parent_id: str, index: int, item):
        self.kind, self.parent_id, self.index, self.item = kind, parent_id, index, item

    def do(self, doc) -> None:
        self.index = doc.apply_insert(self.kind, self.parent_id, self.index, self.item)

    def undo(self, doc) -> None:
        doc.apply_delete(self.kind, self.item.id)


class DeleteStep:
    """Deletes an ordered item; undone by inserting it back where it was."""

    def __init__(self, kind: str, item_id: str):
        self.kind, self.item_id = kind, item_id
        self.parent_id, self.index, self.item = "", 0, None

    def do(self, doc) -> None:
        self.parent_id, self.index, self.item = doc.apply_delete(self.kind, self.item_id)

    def undo(self, doc) -> None:
        doc.apply_insert(self.kind, self.parent_id, self.index, self.item)


class MoveStep:
    """Moves an ordered item (a measure also to another goal); undone by moving it back."""

    def __init__(self, kind: str, item_id: str, index: int, parent_id: str | None = None):
        self.kind, self.item_id, self.index, self.parent_id = kind, item_id, index, parent_id
        self.old_parent_id, self.old_index = "", 0

    def do(self, doc) -> None:
        self.old_parent_id, self.old_index = doc.apply_move(self.kind, self.item_id, self.index, self.parent_id)

    def undo(self, doc) -> None:
        doc.apply_move(self.kind, self.item_id, self.old_index, self.old_parent_id)


# ---------------------------------------------------------------- commands
class StepsCommand(QUndoCommand):
    """Runs its steps all-or-nothing; ``select_id`` is the item to show after redo/undo."""

    def __init__(self, doc, text: str, steps: list, select_id: str = "", undo_select_id: str = ""):
        super().__init__(text)
        self.doc = doc
        self.steps = steps
        self.select_id = select_id
        self.undo_select_id = undo_select_id or select_id

    def redo(self) -> None:
        self._run(self.steps, "do", "undo")

    def undo(self) -> None:
        self._run(list(reversed(self.steps)), "undo", "do")

    def _run(self, steps: list, forward: str, backward: str) -> None:
        done = []
        try:
            for step in steps:
                getattr(step, forward)(self.doc)
                done.append(step)
        except TailanError as exc:
            for step in reversed(done):
                try:
                    getattr(step, backward)(self.doc)
                except TailanError:
                    break  # the file is unreachable; the message below says so
            self.setObsolete(True)
            self.doc.command_failed(exc)


class SetFieldCommand(StepsCommand):
    """One field edit; consecutive edits of the same text field merge into one undo step.

    ``following`` are the fields that change with it (the title follows the
    organization, year and period while it is the built one): one undo step
    restores them all.
    """

    ID = 1001

    def __init__(self, doc, kind: str, item_id: str, field: str, value: Any,
                 following: list[tuple[str, Any]] = ()):
        self.step = FieldStep(kind, item_id, field, value)
        self.following = [FieldStep(kind, item_id, name, new) for name, new in following]
        super().__init__(doc, tr("Edit {0}").format(field_label(field)), [self.step, *self.following],
                         select_id=item_id)

    def id(self) -> int:
        return self.ID if self.step.field in MERGEABLE_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or other.isObsolete():
            return False
        a, b = self.step, other.step
        if (a.kind, a.item_id, a.field) != (b.kind, b.item_id, b.field):
            return False
        if [s.field for s in self.following] != [s.field for s in other.following]:
            return False  # the title started or stopped following: a step of its own
        for mine, theirs in zip(self.steps, other.steps):
            mine.new = theirs.new
        if all(step.new == step.old for step in self.steps):
            self.setObsolete(True)  # typed and typed back: nothing left to undo
        return True


def field_label(field: str) -> str:
    labels = {
        "organization": tr("organization"),
        "aimag": tr("aimag"),
        "year": tr("year"),
        "period": tr("period"),
        "report_date": tr("report date"),
        "appendix_label": tr("appendix label"),
        "title": tr("title"),
        "number": tr("number"),
        "text": tr("text"),
        "indicator": tr("indicator"),
        "baseline_year": tr("baseline year"),
        "baseline_level": tr("baseline level"),
        "target_level": tr("target level"),
        "achieved": tr("achieved level"),
        "responsible": tr("responsible"),
        "due": tr("due time"),
        "score": tr("score"),
        "role": tr("role"),
        "position": tr("position"),
        "name": tr("name"),
    }
    return labels.get(field, field)


# ------------------------------------------------- command builders (actions)
def add_goal(doc, index: int) -> StepsCommand:
    goal = Goal(number=str(index + 1))
    return StepsCommand(doc, tr("Add goal"), [InsertStep(ItemKind.GOAL, doc.report.id, index, goal)], select_id=goal.id)


def add_measure(doc, goal_id: str, index: int) -> StepsCommand:
    goal = doc.items[goal_id]
    prefix = goal.number.strip().rstrip(".")
    measure = Measure(number=f"{prefix}.{index + 1}." if prefix else "")
    return StepsCommand(doc, tr("Add measure"), [InsertStep(ItemKind.MEASURE, goal_id, index, measure)], select_id=measure.id)


def delete_item(doc, item_id: str) -> StepsCommand | None:
    kind = doc.kind_of(item_id)
    if kind == ItemKind.GOAL:
        return StepsCommand(doc, tr("Delete goal"), [DeleteStep(ItemKind.GOAL, item_id)], undo_select_id=item_id)
    if kind == ItemKind.MEASURE:
        goal = doc.goal_of[item_id]
        return StepsCommand(doc, tr("Delete measure"), [DeleteStep(ItemKind.MEASURE, item_id)],
                            select_id=goal.id, undo_select_id=item_id)
    if kind == ItemKind.SIGNATORY:
        return StepsCommand(doc, tr("Delete signatory"), [DeleteStep(ItemKind.SIGNATORY, item_id)])
    return None


def move_goal(doc, goal_id: str, index: int) -> StepsCommand:
    return StepsCommand(doc, tr("Move goal"), [MoveStep(ItemKind.GOAL, goal_id, index)], select_id=goal_id)


def move_measure(doc, measure_id: str, goal_id: str, index: int) -> StepsCommand:
    return StepsCommand(doc, tr("Move measure"), [MoveStep(ItemKind.MEASURE, measure_id, index, goal_id)], select_id=measure_id)


def add_signatory(doc, index: int) -> StepsCommand:
    return StepsCommand(doc, tr("Add signatory"), [InsertStep(ItemKind.SIGNATORY, doc.report.id, index, Signatory())])


def move_signatory(doc, signatory_id: str, index: int) -> StepsCommand:
    return StepsCommand(doc, tr("Move signatory"), [MoveStep(ItemKind.SIGNATORY, signatory_id, index)])


def renumber(doc) -> StepsCommand | None:
    """Goals 1, 2, 3...; their measures 1.1, 1.2...; a trailing dot is kept where the user wrote one."""
    steps = []
    for gi, goal in enumerate(doc.report.goals, 1):
        wanted = _styled(str(gi), goal.number)
        if wanted != goal.number:
            steps.append(FieldStep(ItemKind.GOAL, goal.id, "number", wanted))
        for mi, measure in enumerate(goal.measures, 1):
            wanted = _styled(f"{gi}.{mi}", measure.number, default_dot=True)
            if wanted != measure.number:
                steps.append(FieldStep(ItemKind.MEASURE, measure.id, "number", wanted))
    if not steps:
        return None
    return StepsCommand(doc, tr("Renumber"), steps)


def _styled(number: str, old: str, default_dot: bool = False) -> str:
    old = old.strip()
    dotted = old.endswith(".") if old else default_dot
    return number + "." if dotted else number


def paste_goals(doc, goals: list[Goal], index: int, text: str) -> StepsCommand | None:
    """Inserts parsed goals (with fresh ids, so pasting twice never clashes) as one step."""
    fresh = _fresh_goals(goals)
    if not fresh:
        return None
    steps = [InsertStep(ItemKind.GOAL, doc.report.id, index + offset, goal) for offset, goal in enumerate(fresh)]
    return StepsCommand(doc, text, steps, select_id=fresh[0].id)


def _fresh_goals(goals: list[Goal]) -> list[Goal]:
    """Copies with new ids: the same table pasted or imported twice never clashes."""
    fresh_goals = []
    for goal in goals:
        fresh = copy.deepcopy(goal)
        fresh.id = Goal().id
        for m in fresh.measures:
            m.id = Measure().id
        fresh_goals.append(fresh)
    return fresh_goals


def replace_plan(doc, goals: list[Goal], text: str) -> StepsCommand | None:
    """The whole plan replaced by ``goals`` (a paste that replaces): one undo step brings the old back."""
    if not goals:
        return None
    steps: list = [DeleteStep(ItemKind.GOAL, goal.id) for goal in doc.report.goals]
    fresh = _fresh_goals(goals)
    steps.extend(InsertStep(ItemKind.GOAL, doc.report.id, index, goal) for index, goal in enumerate(fresh))
    return StepsCommand(doc, text, steps, select_id=fresh[0].id, undo_select_id=doc.report.id)


#: Header fields an import fills into an empty report (the aimag stays the user's).
IMPORTED_HEADER_FIELDS = ("organization", "year", "period", "report_date", "appendix_label", "title")


def fill_empty_report(doc, imported, text: str) -> StepsCommand:
    """An import into the open, empty report: header, signatures and plan, as one undo step."""
    report = doc.report
    steps: list = []
    for field in IMPORTED_HEADER_FIELDS:
        value = getattr(imported, field)
        if value not in ("", None) and value != getattr(report, field):  # a table alone keeps the header
            steps.append(FieldStep(ItemKind.REPORT, report.id, field, value))
    if not report.signatories:
        for index, signatory in enumerate(imported.signatories):
            steps.append(InsertStep(ItemKind.SIGNATORY, doc.report.id, index, Signatory(signatory.role, signatory.position, signatory.name)))
    fresh = _fresh_goals(imported.goals)
    steps.extend(InsertStep(ItemKind.GOAL, doc.report.id, index, goal) for index, goal in enumerate(fresh))
    return StepsCommand(doc, text, steps, select_id=fresh[0].id if fresh else report.id,
                        undo_select_id=report.id)
