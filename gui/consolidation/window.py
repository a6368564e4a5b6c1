"""The aimag's consolidation window: received files in, ranking out.

Drop submission files or folders on the window (or choose a folder or files); each
file is checked and merged by core (``consolidate``) and its result listed at once
while the progress bar moves. Then the ranking table, the bar chart and the expected
organizations that have not sent anything yet are read back from the aimag's file.

The window only lays out its parts and keeps them in step; each part is built and
tested on its own:

- ``inputs.InputChoice``: choose folder, files, or another consolidation file (and
  ``local_paths`` for a drop);
- ``run.ConsolidationRun``: the worker thread, its progress and Cancel, and the
  outcome of each file (``results.ResultList``);
- ``missing_box.MissingBox``: who has not sent yet, and the expected list;
- ``ranking_tab.RankingTab``: the sortable ranking and its chart; a double-click opens
  the soum's received file read-only (``report_window``);
- ``exports.RankingExports``: the ranking as CSV, Excel and PDF;
- the tabs "Waiting for your decision" (``decisions_panel``), "Register and history"
  (``register_panel``), "Remarks and receipts" (``review_panel``) and "Against the plan"
  (``plan_panel``).

While a run writes the aimag's file, everything that would touch the file is
disabled and drops are refused; closing the window asks, then cancels (the batch is
rolled back).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core.aimag.consolidate import PENDING
from core.aimag.ranking import RankingRow
from core.errors import TailanError
from gui import screen_fit
from gui.consolidation import aimag_file
from gui.consolidation.decisions_panel import DecisionsPanel
from gui.consolidation.exports import RankingExports
from gui.consolidation.file_menu import AimagFileMenu
from gui.consolidation.inputs import InputChoice, local_paths
from gui.consolidation.last_file import default_aimag_file, remember_aimag_file
from gui.consolidation.missing_box import MissingBox
from gui.consolidation.not_sent import show_not_sent
from gui.consolidation.plan_panel import PlanPanel
from gui.consolidation.ranking_tab import RankingTab
from gui.consolidation.register_panel import RegisterPanel
from gui.consolidation.report_window import open_received_report
from gui.consolidation.results import OutcomeRole, status_text  # noqa: F401 (the window's tests read them here)
from gui.consolidation.review_panel import ReviewPanel
from gui.consolidation.run import ConsolidationRun
from gui.i18n import tr
from gui.prompter import DialogPrompter

# The preferred size; the window never opens larger than the screen's available area.
PREFERRED_SIZE = (1400, 900)
STATUS_SECONDS = 15


class ConsolidationWindow(QMainWindow):
    # A consolidation run ended (successfully or not) and the window shows its outcome:
    # the ``ConsolidationResult``, or None when the run was cancelled or failed.
    consolidationFinished = Signal(object)

    def __init__(self, aimag_path: str | Path, prompter=None, parent=None):
        super().__init__(parent)
        self.setObjectName("consolidationWindow")
        # What this window was given, passed on to the report windows it opens (see ``gui.prompter``).
        self.shared_prompter = prompter
        self.prompter = prompter or DialogPrompter(self)
        self.aimag_path = Path(aimag_path)
        self.rows: list[RankingRow] = []
        self.missing: list[str] = []
        self.report_windows: list = []
        self.setAcceptDrops(True)
        self._build()
        screen_fit.fit_window(self, *PREFERRED_SIZE)
        app = QCoreApplication.instance()
        if app is not None:  # quitting with a run in progress: roll it back first, never kill the thread
            app.aboutToQuit.connect(self.stop_worker)
        self.refresh()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        path = self.current_path  # every part asks for the file each time: "other file" switches it
        self.inputs = InputChoice(path, self.prompter, self.consolidate_paths, self.set_aimag_path, self)
        self.run = ConsolidationRun(path, self.prompter, self)
        self.run.stateChanged.connect(self._update_enabled)
        self.run.message.connect(self._status)
        self.run.finished.connect(self._finished)
        self.file_menu = AimagFileMenu(self, path, self.prompter, self.choose_aimag_file)  # File → Save a copy…
        self.file_menu.written.connect(self._status)
        self.exports = RankingExports(path, self.prompter, self)
        self.exports.written.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.missing_box = MissingBox(path, self.prompter)
        self.missing_box.changed.connect(self.refresh)
        self.ranking = RankingTab()
        self.ranking.reportRequested.connect(self.open_report)
        self.decisions_panel = DecisionsPanel(path, self.prompter)
        self.decisions_panel.decided.connect(self._decided)
        self.register_panel = RegisterPanel(path, self.prompter)
        self.register_panel.changed.connect(self.refresh)
        self.register_panel.editExpectedRequested.connect(self.edit_expected)
        self.review_panel = ReviewPanel(path, self.prompter)
        self.review_panel.changed.connect(self._status)
        self.plan_panel = PlanPanel(path, self.prompter)  # a report against its plan, side by side
        self.ranking.planRequested.connect(self.show_plan_differences)
        self._name_parts()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.file_label = QLabel()
        self.file_label.setObjectName("aimagFileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        file_row = QHBoxLayout()  # the file and "other file" on one line, so the buttons fit at 150 %
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.other_button)
        layout.addLayout(file_row)
        bar = QHBoxLayout()
        hint = QLabel(tr("Drop the files received here, or:"))
        hint.setObjectName("dropHint")
        bar.addWidget(hint)
        bar.addWidget(self.folder_button)
        bar.addWidget(self.files_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(tr("Export:")))
        for button in self.export_buttons:
            bar.addWidget(button)
        layout.addLayout(bar)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary_label)

        # left: what happened to each file, and who has not sent yet
        results_box = QGroupBox(tr("Files checked"))
        QVBoxLayout(results_box).addWidget(self.result_list)
        left = QSplitter(Qt.Vertical)
        left.addWidget(results_box)
        left.addWidget(self.missing_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)

        # right, in tabs: the ranking (table and chart), the decisions waiting, the register, the review
        self.tabs = QTabWidget()
        self.tabs.setObjectName("consolidationTabs")
        self.tabs.addTab(self.ranking, tr("Ranking"))
        self.tabs.addTab(self.decisions_panel, tr("Waiting for your decision"))
        self.tabs.addTab(self.register_panel, tr("Register and history"))
        self.tabs.addTab(self.review_panel, tr("Remarks and receipts"))
        self.tabs.addTab(self.plan_panel, tr("Against the plan"))

        body = QSplitter(Qt.Horizontal)
        body.addWidget(left)
        body.addWidget(self.tabs)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 5)
        body.setSizes([330, 1000])
        layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self._update_title()

    def _name_parts(self) -> None:
        """The parts' widgets under the names the window has always had (tests and scripts use them)."""
        self.folder_button, self.files_button = self.inputs.folder_button, self.inputs.files_button
        self.other_button = self.inputs.other_button
        self.progress, self.cancel_button = self.run.progress, self.run.cancel_button
        self.summary_label, self.result_list = self.run.summary_label, self.run.result_list
        self.csv_button, self.xlsx_button = self.exports.csv_button, self.exports.xlsx_button
        self.pdf_button, self.export_buttons = self.exports.pdf_button, self.exports.buttons
        self.missing_list, self.missing_note = self.missing_box.missing_list, self.missing_box.note
        self.expected_button = self.missing_box.expected_button
        self.model, self.proxy, self.table = self.ranking.model, self.ranking.proxy, self.ranking.table
        self.chart, self.chart_scroll = self.ranking.chart, self.ranking.chart_scroll
        self.controls = [*self.inputs.buttons, self.expected_button]

    def current_path(self) -> Path:
        return self.aimag_path

    def _update_title(self) -> None:
        self.setWindowTitle(tr("Aimag consolidation — {0}").format(self.aimag_path.name) + " — " + tr("Tailan"))
        self.file_label.setText(tr("Consolidation file: {0}").format(self.aimag_path))

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    # -------------------------------------------------------------- the run's state
    @property
    def busy(self) -> bool:
        return self.run.busy

    @property
    def worker(self):
        return self.run.worker

    @property
    def last_result(self):
        return self.run.last_result

    @property
    def last_message(self) -> str:
        return self.run.last_message

    @property
    def expected_dialog(self):
        return self.missing_box.dialog

    # -------------------------------------------------------------- reading
    def refresh(self) -> None:
        """Reads the ranking, the decisions waiting and the register back from the aimag's file."""
        state = aimag_file.AimagState()
        try:
            state = aimag_file.read_state(self.aimag_path)
        except TailanError as exc:
            self.prompter.error(tr("The consolidation file could not be read"), exc.message)
        self.rows, self.missing = state.rows, state.missing
        self.ranking.set_rows(state.rows)
        self.missing_box.set_missing(state.missing, state.expected, [r.organization for r in state.rows])
        show_not_sent(self.missing_box, state)  # with the days left to the latest call's deadline
        self.decisions_panel.set_decisions(state.waiting)
        waiting = len(state.waiting)
        self.tabs.setTabText(1, tr("Waiting for your decision ({0})").format(waiting) if waiting
                             else tr("Waiting for your decision"))
        self.register_panel.set_register(state.organizations, state.aimag_name)
        self.review_panel.set_rows(state.rows)
        self.plan_panel.set_rows(state.rows)
        self.run.follow(state.received)  # the files checked: decided ones say so, and after a restart they are there
        self._update_enabled()

    def _update_enabled(self) -> None:
        busy = self.busy
        self.inputs.set_busy(busy)
        self.file_menu.set_busy(busy)
        self.missing_box.set_busy(busy)
        self.exports.set_ranking(self.rows, self.missing, busy)
        self.run.update_enabled()
        self.decisions_panel.set_busy(busy)
        self.register_panel.set_busy(busy)
        self.review_panel.set_busy(busy)
        self.setAcceptDrops(not busy)

    def _decided(self, text: str) -> None:
        self._status(text)
        self.refresh()

    # ------------------------------------------------------------ consolidating
    def consolidate_paths(self, paths: list[str | Path]):
        """Starts checking and merging ``paths`` (files or folders) in a worker thread.

        Returns the worker (None when nothing was started); ``consolidationFinished``
        tells when the window shows the outcome.
        """
        if self.busy or not [p for p in paths if str(p)]:
            return None
        self.decisions_panel.message.clear()  # it spoke of an earlier decision
        return self.run.start(paths)

    def cancel_consolidation(self) -> None:
        self.run.cancel()

    def _finished(self, result) -> None:
        self.refresh()
        if result is not None and result.count(PENDING):
            self.tabs.setCurrentWidget(self.decisions_panel)
        self.consolidationFinished.emit(result)

    def results(self):
        return self.run.results()

    def stop_worker(self) -> None:
        """Cancels a run and waits for core to roll it back (it stops before the next file)."""
        self.run.stop()

    # ----------------------------------------------------------- choosing input
    def choose_folder(self):
        return self.inputs.choose_folder()

    def choose_files(self):
        return self.inputs.choose_files()

    def choose_aimag_file(self) -> bool:
        return self.inputs.choose_aimag_file()

    def set_aimag_path(self, path: str | Path) -> None:
        if self.busy:
            return
        self.aimag_path = Path(path)
        remember_aimag_file(self.aimag_path)
        self.run.clear()
        self._update_title()
        self.refresh()

    def dragEnterEvent(self, event) -> None:
        if not self.busy and local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if self.busy or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.consolidate_paths(paths)

    # ------------------------------------------------------- a soum's report
    def row_at(self, proxy_index) -> RankingRow | None:
        return self.ranking.row_at(proxy_index)

    def open_report_at(self, proxy_index):
        row = self.row_at(proxy_index)
        return self.open_report(row) if row is not None else None

    def open_report(self, row: RankingRow):
        """Opens the received file of the row's report, read-only, in a main window of its own."""
        window = open_received_report(self.aimag_path, row, self.prompter, self.shared_prompter,
                                      open_consolidation_window)
        if window is not None:
            window.destroyed.connect(lambda *_, w=window: self._forget_report_window(w))
            self.report_windows.append(window)
        return window

    def show_plan_differences(self, row: RankingRow) -> bool:
        """The row's report against its plan, in its tab (a double-click on the ranking's plan cell)."""
        self.tabs.setCurrentWidget(self.plan_panel)
        return self.plan_panel.show_fingerprint(row.fingerprint)

    def _forget_report_window(self, window) -> None:
        if window in self.report_windows:
            self.report_windows.remove(window)

    # ----------------------------------------------------------- the other parts
    def export_csv(self) -> Path | None:
        return self.exports.export_csv()

    def export_xlsx(self) -> Path | None:
        return self.exports.export_xlsx()

    def export_pdf(self) -> Path | None:
        return self.exports.export_pdf()

    def edit_expected(self):
        return self.missing_box.edit_expected()

    # ------------------------------------------------------------------ close
    def closeEvent(self, event) -> None:
        """During a run: asks; on yes, cancels, waits for the worker's roll-back, then closes."""
        if self.busy and self.worker is not None:
            if not self.prompter.confirm(
                tr("A consolidation is running"),
                tr("Files are being consolidated. Cancel the consolidation and close? Nothing of this batch will "
                   "be kept; the consolidation file stays as it was before."),
                tr("Cancel and close"), tr("Keep running"),
            ):
                event.ignore()
                return
            self.stop_worker()
        super().closeEvent(event)


def open_consolidation_window(path: str | Path | None = None, prompter=None, current=None,
                              aimag: str = "") -> ConsolidationWindow:
    """Shows the consolidation window on ``path`` (or the last one; the first time a new file in
    ``Documents/Tailan/<aimag>``); reuses ``current`` if still open."""
    target = Path(path) if path else default_aimag_file(aimag)
    if not path:
        target.parent.mkdir(parents=True, exist_ok=True)
    remember_aimag_file(target)
    if current is not None and current.isVisible():
        if current.aimag_path.resolve() != target.resolve():
            current.set_aimag_path(target)
        current.raise_()
        current.activateWindow()
        return current
    window = ConsolidationWindow(target, prompter=prompter)
    window.show()
    return window
