"""The reviewer's view of a report against the plan the soum approved: side by side, difference by difference.

One tab of the aimag's window. Choose a report (a half-year or annual report of an
organization whose plan of that year the aimag holds); the table shows the plan's measure
on the left and the report's on the right, each with its number, text and target: a
measure added in the report, one dropped from the plan, one whose text or target changed
(the changed cells in bold), and, when asked, the unchanged ones too. The pairing is
core's (``core.aimag.plan_compare``); this only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.aimag.plan_compare import Difference
from core.errors import TailanError
from gui.consolidation.ranking_model import counts_text, period_label
from gui.i18n import tr

#: The side-by-side columns: how it differs, the plan's measure and target, the report's.
COLUMNS = ("difference", "plan", "plan_target", "report", "report_target")
COLORS = {Difference.ADDED: "#e6f4ea", Difference.DROPPED: "#fde7e9", Difference.CHANGED: "#fff4ce"}


def measure_cell(measure) -> str:
    """A measure's number and text in one cell (empty when this side has none)."""
    if measure is None:
        return ""
    return f"{measure.number.strip()} {measure.text}".strip()


def status_text(status: Difference) -> str:
    return {Difference.SAME: tr("same"), Difference.ADDED: tr("added"), Difference.DROPPED: tr("dropped"),
            Difference.CHANGED: tr("changed")}[status]


class PlanPanel(QWidget):
    """A report against its plan, side by side."""

    def __init__(self, aimag_path, prompter, parent=None):
        super().__init__(parent)
        self.setObjectName("planPanel")
        self.aimag_path = aimag_path  # a function: the window's current file
        self.prompter = prompter
        self.rows = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Report:")))
        self.choice = QComboBox()
        self.choice.setObjectName("planReportChoice")
        self.choice.currentIndexChanged.connect(lambda *_: self.show_current())
        top.addWidget(self.choice, 1)
        self.all_rows = QCheckBox(tr("Show unchanged measures too"))
        self.all_rows.setObjectName("planShowAll")
        self.all_rows.toggled.connect(lambda *_: self.show_current())
        top.addWidget(self.all_rows)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("planTable")
        self.table.setHorizontalHeaderLabels([tr("Difference"), tr("In the plan"), tr("Its target"),
                                              tr("In the report"), tr("Its target")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows) -> None:
        """The ranking's rows: those held against a plan can be chosen."""
        current = self.choice.currentData()
        self.rows = [r for r in rows if r.plan is not None]
        self.choice.blockSignals(True)
        self.choice.clear()
        for row in self.rows:
            self.choice.addItem(f"{row.organization}, {row.year or '?'}, {period_label(row.period)} "
                                f"({counts_text(row.plan)})", row.fingerprint)
        index = self.choice.findData(current)
        self.choice.setCurrentIndex(index if index >= 0 else 0)
        self.choice.blockSignals(False)
        self.show_current()

    def show_fingerprint(self, fingerprint: str) -> bool:
        """Shows the report with ``fingerprint`` (a ranking row's), if it is held against a plan."""
        index = self.choice.findData(fingerprint)
        if index < 0:
            return False
        self.choice.setCurrentIndex(index)
        self.show_current()
        return True

    def show_current(self) -> None:
        from gui.consolidation.aimag_file import plan_comparison

        self.table.setRowCount(0)
        fingerprint = self.choice.currentData()
        if not fingerprint:
            self.summary.setText(tr("No report here has a plan of its year to be compared with: the aimag holds "
                                    "an organization's plan once the soum sent it (period: plan)."))
            return
        try:
            found = plan_comparison(self.aimag_path(), fingerprint)
        except TailanError as exc:
            self.prompter.error(tr("The consolidation file could not be read"), exc.message)
            return
        if found is None:
            return
        counts = found.counts()
        self.summary.setText(tr("Against the plan of {0}: {1} measures added, {2} dropped, {3} with changed text "
                                "or target.").format(found.plan.year or "?", counts["added"], counts["dropped"],
                                                     counts["changed"]))
        pairs = [p for p in found.pairs if self.all_rows.isChecked() or p.status is not Difference.SAME]
        self.table.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            plan, report = pair.plan, pair.report
            cells = [status_text(pair.status), measure_cell(plan), plan.target_level if plan else "",
                     measure_cell(report), report.target_level if report else ""]
            changed = {1: "text" in pair.fields, 2: "target_level" in pair.fields}
            changed.update({3: changed[1], 4: changed[2]})
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if pair.status in COLORS:
                    item.setBackground(QBrush(QColor(COLORS[pair.status])))
                if changed.get(column):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                item.setTextAlignment(Qt.AlignTop | Qt.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
