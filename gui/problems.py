"""The problems panel: what a reviewer would send back, listed live; a click selects the item.

The checks are pure functions in ``core.report.checks``; this panel only translates each
problem's code into the window's language and follows the document. It re-checks
after a short pause rather than on every keystroke, so typing stays fast on a
1,000-measure report.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from core.report.checks import Problem, ProblemCode, Severity, check_report

ITEM_ID_ROLE = Qt.UserRole
RECHECK_DELAY_MS = 250


class ProblemsPanel(QWidget):
    itemChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.doc = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setObjectName("problemsSummary")
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("problemsList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECHECK_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        style = self.style()
        self._icons = {
            Severity.ERROR: style.standardIcon(QStyle.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.SP_MessageBoxWarning),
            Severity.INFO: style.standardIcon(QStyle.SP_MessageBoxInformation),
        }
        self.problems: list[Problem] = []

    def set_document(self, doc) -> None:
        self.doc = doc
        if doc is not None:
            doc.changed.connect(lambda change: self._timer.start())
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self.list.clear()
        doc = self.doc
        self.problems = check_report(doc.report, getattr(doc, "call", None)) if doc is not None else []
        for problem in self.problems:
            item = QListWidgetItem(self._icons[problem.severity], self.describe(problem))
            item.setData(ITEM_ID_ROLE, problem.item_id)
            self.list.addItem(item)
        if not self.problems:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(self.tr("Problems: {0}. Click one to go to it.").format(len(self.problems)))

    def _chosen(self, item: QListWidgetItem) -> None:
        self.itemChosen.emit(item.data(ITEM_ID_ROLE))

    def describe(self, p: Problem) -> str:
        number = p.number or "?"
        texts = {
            ProblemCode.UNSCORED: self.tr("Measure {0} has no score."),
            ProblemCode.SCORE_WITHOUT_ACHIEVED: self.tr("Measure {0} has a score but no achieved level."),
            ProblemCode.EMPTY_INDICATOR: self.tr("Measure {0}: the performance indicator is empty."),
            ProblemCode.EMPTY_TARGET: self.tr("Measure {0}: the target level is empty."),
            ProblemCode.BASELINE_YEAR_INVALID: self.tr("Measure {0}: the baseline year «{1}» is not a year."),
            ProblemCode.BASELINE_YEAR_MISSING: self.tr("Measure {0}: no baseline year."),
            ProblemCode.DUPLICATE_GOAL_NUMBER: self.tr("Goal number {0} is used {2} times."),
            ProblemCode.DUPLICATE_MEASURE_NUMBER: self.tr("Measure number {0} is used {2} times."),
            ProblemCode.TITLE_WITHOUT_ORGANIZATION: self.tr(
                "The title does not name the organization «{1}»: another organization's title could be printed."),
            ProblemCode.TITLE_WITHOUT_YEAR: self.tr("The title does not name the year {1}: correct the title."),
            ProblemCode.EMPTY_ORGANIZATION: self.tr(
                "The organization is empty: write it in the report's header (Report, Organization)."),
            ProblemCode.EMPTY_AIMAG: self.tr(
                "The aimag is empty: write it in the report's header (Report, Aimag), or open the aimag's call."),
            ProblemCode.PLAN_WITH_RESULTS: self.tr(
                "Measure {0}: a plan has no achieved level and no score (they are not printed)."),
            ProblemCode.CALL_AIMAG_DIFFERS: self.tr("The aimag's call is of {1} aimag; the report names another aimag."),
            ProblemCode.CALL_YEAR_DIFFERS: self.tr("The aimag's call asks for the report of {1}; the report's year differs."),
            ProblemCode.CALL_PERIOD_DIFFERS: self.tr("The aimag's call asks for another period ({1}) than the report's."),
        }
        return texts[p.code].format(number, p.value, p.count)
