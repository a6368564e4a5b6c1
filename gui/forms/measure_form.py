"""The measure form: every column of the official table; the score, the measure and what was achieved at the top."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from core.report.kinds import ItemKind
from core.report.model import MEASURE_TEXT_FIELDS, Score
from gui.document import ChangeOp
from gui.evidence.panel import EvidencePanel, local_files
from gui.forms.base import ItemForm
from gui.forms.fields import LineField, TextField

#: The score combo's item data, in order; ``None`` ("not scored") last.
SCORE_DATA = (100, 70, 30, 0, "not-due", None)


def score_from_data(data) -> Score | None:
    return None if data is None else Score.parse(data)


class MeasureForm(ItemForm):
    kind = ItemKind.MEASURE

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.heading.setText(self.tr("Measure"))
        self.number = self.add_row(self.tr("Number"), LineField(), "number")
        # The score stands second, under the number: on a 1366x768 screen at 125-150 %
        # it is in view without scrolling, whatever the length of the texts below.
        self.score = QComboBox()
        self.score.setObjectName("scoreInput")
        for data in SCORE_DATA:
            self.score.addItem(self.score_choice_label(data), data)
        self.add_row(self.tr("Score"), self.score, "score")
        # Then what the measure is and what was achieved, the text written most: together
        # with the score they stand in view on a 1366x768 laptop at 125 %. The columns the
        # plan fixed follow, then the evidence.
        self.text = self.add_row(self.tr("Measure to implement"), TextField(lines=3), "text")
        self.achieved = TextField(lines=6)
        self.achieved.setObjectName("achievedInput")
        self.add_row(self.tr("Achieved level (if not achieved: reason, conditions, explanation)"),
                     self.achieved, "achieved")
        self.indicator = self.add_row(self.tr("Performance indicator"), TextField(lines=3), "indicator")
        self.baseline_year = self.add_row(self.tr("Baseline: year"), LineField(), "baseline_year")
        self.baseline_level = self.add_row(self.tr("Baseline: level"), TextField(lines=2), "baseline_level")
        self.target_level = self.add_row(self.tr("Target level"), TextField(lines=3), "target_level")
        # the plan's two fields (Хариуцах эзэн, Хэрэгжих хугацаа): in a plan they follow the target
        self.responsible = self.add_row(self.tr("Responsible (person or unit)"), TextField(lines=2), "responsible")
        self.due = self.add_row(self.tr("Due (when it is to be done)"), LineField(), "due")
        self.evidence = EvidencePanel(doc)
        self.add_row(self.tr("Evidence (photos, scans, documents)"), self.evidence)
        self.setAcceptDrops(True)  # files dropped anywhere on the form go to the measure's evidence
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("measureHint")
        self.outer.addWidget(self.hint)
        self.outer.addStretch(1)
        b = self.binder
        for field in MEASURE_TEXT_FIELDS:
            b.bind_text(getattr(self, field), field)
        b.bind_choice(self.score, "score", score_from_data)
        doc.changed.connect(self._changed)

    def place_remarks(self, box) -> None:
        """The aimag's remarks on a measure stand under what was achieved, near the score they propose."""
        row, _role = self.form.getWidgetPosition(self.achieved)
        self.form.insertRow(row + 1, box)

    def score_choice_label(self, data) -> str:
        if data is None:
            return self.tr("— not scored —")
        score = Score.parse(data)
        if score is Score.NOT_DUE:
            return score.label
        return f"{score.value} — {score.label}"

    def _changed(self, change) -> None:
        if change.op == ChangeOp.FIELD and change.item_id == self.binder.item_id and change.field == "score":
            self.refresh_extra()
        elif change.op == ChangeOp.FIELD and change.kind == ItemKind.REPORT and change.field == "period":
            self.refresh_extra()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.evidence.set_read_only(read_only)

    def dragEnterEvent(self, event) -> None:
        self.evidence.dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        self.evidence.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        if local_files(event.mimeData()):
            self.evidence.dropEvent(event)
        else:
            event.ignore()

    def show_item(self, item_id: str) -> None:
        super().show_item(item_id)
        self.evidence.show_measure(item_id)

    def refresh_extra(self) -> None:
        # a plan has no achieved level and no score: those rows stand only in the reports made from it
        plan = self.doc.report.period.is_plan
        for editor in (self.score, self.achieved):
            self.form.setRowVisible(editor, not plan)
        measure = self.doc.items.get(self.binder.item_id)
        unscored = measure is not None and measure.score is None and not plan
        self.hint.setText(self.tr("This measure has no score yet: the total is not final.") if unscored else "")
