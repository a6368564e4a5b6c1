"""Find (Ctrl+F): hides the tree rows that do not contain the text, in any field.

Filtering hides rows in the view instead of putting a proxy model between the
view and the plan model: drag and drop, selection and the acceptance tests keep
talking to the one model. A goal stays visible when it or any of its measures
matches; a goal that matches shows all its measures. Matching ignores case.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QTreeView

from core.report.model import GOAL_FIELDS, MEASURE_TEXT_FIELDS

FILTER_DELAY_MS = 150


def matches(item, needle: str, fields) -> bool:
    return any(needle in getattr(item, f).casefold() for f in fields)


class TreeFilter(QObject):
    def __init__(self, tree: QTreeView, field: QLineEdit, parent: QObject | None = None):
        super().__init__(parent)
        self.tree = tree
        self.field = field
        self.hidden = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.reapply)
        field.textChanged.connect(lambda *_: self._timer.start())
        field.returnPressed.connect(self.reapply)

    @property
    def needle(self) -> str:
        return self.field.text().strip().casefold()

    def reapply(self) -> None:
        """Shows the rows that match the current text (all rows when it is empty)."""
        self._timer.stop()
        model = self.tree.model()
        if model is None:
            return
        needle = self.needle
        report_index = model.index(0, 0)
        report = model.item(report_index)
        hidden = 0
        for gi, goal in enumerate(report.goals):
            goal_index = model.index(gi, 0, report_index)
            goal_hit = not needle or matches(goal, needle, GOAL_FIELDS)
            any_measure = False
            for mi, measure in enumerate(goal.measures):
                hit = goal_hit or matches(measure, needle, MEASURE_TEXT_FIELDS)
                any_measure = any_measure or hit
                self._hide(mi, goal_index, not hit)
                hidden += 0 if hit else 1
            self._hide(gi, report_index, not (goal_hit or any_measure))
            hidden += 0 if (goal_hit or any_measure) else 1
            if needle and any_measure:
                self.tree.expand(goal_index)
        self.hidden = hidden

    def _hide(self, row: int, parent: QModelIndex, hide: bool) -> None:
        if self.tree.isRowHidden(row, parent) != hide:
            self.tree.setRowHidden(row, parent, hide)

    def reveal(self, index: QModelIndex) -> None:
        """Clears the filter when it hides ``index`` (a problem was clicked, an undo selected it)."""
        probe = index
        while probe.isValid():
            if self.tree.isRowHidden(probe.row(), probe.parent()):
                self.field.clear()
                self.reapply()
                return
            probe = probe.parent()

    def focus(self) -> None:
        self.field.setFocus(Qt.ShortcutFocusReason)
        self.field.selectAll()

