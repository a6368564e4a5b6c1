"""The goal form: its number and text, and its mean as the printout will show it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from core.report import scoring
from core.report.kinds import ItemKind
from gui.document import ChangeOp
from gui.forms.base import ItemForm
from gui.forms.fields import LineField, TextField


class GoalForm(ItemForm):
    kind = ItemKind.GOAL

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.heading.setText(self.tr("Goal"))
        self.number = self.add_row(self.tr("Number"), LineField(), "number")
        self.text = self.add_row(self.tr("Goal"), TextField(lines=4), "text")
        self.mean = QLabel()
        self.mean.setObjectName("goalMeanLabel")
        self.add_row(self.tr("Mean of its measures"), self.mean)
        self.outer.addStretch(1)
        self.binder.bind_text(self.number, "number")
        self.binder.bind_text(self.text, "text")
        doc.changed.connect(self._changed)

    def _changed(self, change) -> None:
        if change.op != ChangeOp.FIELD or change.field == "score":  # only scores and moved measures change a mean
            self.refresh_extra()

    def refresh_extra(self) -> None:
        goal = self.doc.items.get(self.binder.item_id)
        if goal is None:
            return
        mean = scoring.goal_average(goal)
        self.mean.setText(scoring.display(mean) if mean is not None else self.tr("no scored measure"))
