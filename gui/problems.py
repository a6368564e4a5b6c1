"""The problems panel: what a reviewer would send back, listed live; a click selects the item.

The checks are pure functions in ``core.report.checks``; this panel only translates each
problem's code into the window's language and follows the document. It re-checks
after a short pause rather than on every keystroke, so typing stays fast on a
1,000-measure report.

On a 1366x768 laptop at 125 % every line of height is the form's: ``ProblemsDock`` keeps
the panel out of the way. With no problems it takes no room at all; its title line
(``▾ Problems: 3``) collapses it to that one line, and the window remembers the choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.report.checks import Problem, ProblemCode, Severity, check_report
from gui import settings as app_settings

ITEM_ID_ROLE = Qt.UserRole
RECHECK_DELAY_MS = 250


COLLAPSED_KEY = "view/problemsCollapsed"
#: The list's height when open, in rows of problems (the user may drag it taller).
OPEN_ROWS = 4


class ProblemsPanel(QWidget):
    itemChosen = Signal(str)
    #: The number of problems after each check.
    counted = Signal(int)

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
        self.counted.emit(len(self.problems))

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


class ProblemsDock(QDockWidget):
    """The panel at the bottom of the window: hidden while there is nothing to say, one line
    when collapsed (remembered), a few rows of problems when open.

    It shows when it is wanted (View → Problems panel), allowed (a report is shown, not
    the start page) and needed (there are problems)."""

    def __init__(self, panel: ProblemsPanel, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Problems"))
        self.setObjectName("problemsDock")
        self.setFeatures(QDockWidget.DockWidgetClosable)  # no floating window to lose on a small screen
        self.setAllowedAreas(Qt.BottomDockWidgetArea)
        self.panel = panel
        self.count = 0
        self.allowed = True
        self.wanted = True
        panel.summary.hide()  # the title line says it
        self.setWidget(panel)
        self.title = QWidget()
        self.title.setObjectName("problemsTitle")
        row = QHBoxLayout(self.title)
        row.setContentsMargins(4, 0, 4, 0)
        self.toggle = QToolButton()
        self.toggle.setObjectName("problemsCollapseButton")
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(lambda *_: self.set_collapsed(not self.collapsed))
        row.addWidget(self.toggle)
        row.addStretch(1)
        self.setTitleBarWidget(self.title)
        self.collapsed = _stored_bool(COLLAPSED_KEY)
        panel.counted.connect(self._counted)
        self.toggleViewAction().triggered.connect(self._chosen)
        self._show_title()
        self._fit()

    # ------------------------------------------------------------ state
    def _counted(self, count: int) -> None:
        self.count = count
        self._show_title()
        self.apply()

    def _chosen(self, checked: bool) -> None:
        """View → Problems panel: the user's own choice, kept until changed."""
        self.wanted = checked
        if checked:
            self._open_height()

    def set_allowed(self, allowed: bool) -> None:
        self.allowed = allowed
        self.apply()

    def restored(self) -> None:
        """After the window's state was restored: a panel closed by the user stays closed."""
        self.wanted = not self.isHidden() or self.count == 0
        self.apply()

    def apply(self) -> None:
        shown = self.allowed and self.wanted and self.count > 0
        if shown == (not self.isHidden()):
            return
        self.setVisible(shown)
        if shown:
            self._open_height()

    def set_collapsed(self, collapsed: bool) -> None:
        self.collapsed = collapsed
        app_settings.settings().setValue(COLLAPSED_KEY, collapsed)
        self._show_title()
        self._fit()
        self._open_height()

    # ------------------------------------------------------------ looks
    def _show_title(self) -> None:
        arrow = "▸" if self.collapsed else "▾"
        if self.count:
            text = self.tr("Problems: {0}. Click one to go to it.").format(self.count)
        else:
            text = self.tr("No problems found.")
        self.toggle.setText(f"{arrow} {text}")
        self.toggle.setToolTip(self.tr("Show the list of problems") if self.collapsed
                               else self.tr("Fold the list of problems into this line"))

    def _fit(self) -> None:
        """Collapsed: the title line only; open: as tall as the user drags it."""
        self.panel.setVisible(not self.collapsed)
        title = self.title.sizeHint().height()
        if self.collapsed:
            self.setFixedHeight(title)
        else:
            self.setMinimumHeight(title + 40)
            self.setMaximumHeight(16777215)

    def _open_height(self) -> None:
        """Opened: a few rows of problems (at most a fifth of the window), not half the screen."""
        window = self.parentWidget()
        if self.collapsed or window is None or self.isHidden():
            return
        row = max(self.panel.list.sizeHintForRow(0), self.fontMetrics().height() + 8)
        rows = max(1, min(OPEN_ROWS, self.count))
        height = self.title.sizeHint().height() + rows * row + 16
        window.resizeDocks([self], [min(height, max(90, window.height() // 5))], Qt.Vertical)


def _stored_bool(key: str) -> bool:
    value = app_settings.settings().value(key, False)
    return value in (True, "true", "1", 1)
