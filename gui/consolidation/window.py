"""The aimag's consolidation window: received files in, ranking out.

Drop submission files or folders on the window (or choose a folder or files); each
file is checked and merged by core (``consolidate``) and its result listed at once
(status and core's Mongolian reason, rejected ones in red) while the progress bar
moves. Then the ranking table, the bar chart and the expected organizations that
have not sent anything yet are read back from the aimag's file.

Consolidation runs in a worker thread (``worker.ConsolidationWorker``), which opens
the aimag's file itself, so the window stays responsive: "file i of n" moves, and
Cancel sets the flag core reads before each file; the whole batch is then rolled
back and the aimag's file is as it was. While it runs, the controls that would touch
the file are disabled and drops are refused; closing the window asks, then cancels.

Files that core does not merge on its own (a new organization or key, a name that
differs from the register...) wait for the reviewer in the "Waiting for your
decision" tab (``decisions_panel``); the register, the aimag's name and each
organization's history with "return to this revision" are in the "Register" tab
(``register_panel``). The ranking sorts by any column, keeps the organization in view
while scrolling sideways (``frozen_table``), and a double-click opens that soum's
received file read-only in a main window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.aimag.consolidate import (
    ADDED,
    PENDING,
    REJECTED,
    SKIPPED,
    UPDATED,
    ConsolidationResult,
    FileOutcome,
    expand_inputs,
)
from core.aimag.ranking import RankingRow
from core.errors import TailanError
from gui.consolidation import aimag_file
from gui.consolidation.chart import RankingChart
from gui.consolidation.decisions_panel import DecisionsPanel
from gui.consolidation.frozen_table import FrozenColumnTable
from gui.consolidation.ranking_model import ORGANIZATION, RANK, RankingModel, RowRole, SortRole
from gui.consolidation.register_panel import RegisterPanel
from gui.consolidation.review_panel import ReviewPanel
from gui.consolidation.worker import ConsolidationWorker
from gui.files import FILE_FILTER
from gui.i18n import tr
from gui.prompter import Prompter

try:  # written on another branch; the button shows only when the module is there
    from core.aimag.ranking_xlsx import write_ranking_xlsx
except ImportError:  # pragma: no cover - depends on the merge
    write_ranking_xlsx = None

CSV_FILTER = "CSV (*.csv)"
PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"
STATUS_COLORS = {REJECTED: "#b3261e", SKIPPED: "#7a5c00", UPDATED: "#1565c0", ADDED: "#1e4620", PENDING: "#8a4b00"}
STATUS_MARKS = {REJECTED: "✗", SKIPPED: "=", UPDATED: "↑", ADDED: "✓", PENDING: "?"}
# The preferred size; the window never opens larger than the screen's available area.
PREFERRED_SIZE = (1400, 900)
# The ``Qt.UserRole`` data of a result list item: the ``FileOutcome``.
OutcomeRole = Qt.UserRole + 1


def status_text(status: str) -> str:
    return {
        ADDED: tr("Added"),
        UPDATED: tr("Updated"),
        SKIPPED: tr("Already received"),
        REJECTED: tr("Rejected"),
        PENDING: tr("Waiting for your decision"),
    }.get(status, status)


def fit_to_screen(window: QWidget, preferred: tuple[int, int]) -> None:
    """Sizes ``window`` to ``preferred`` or less, so its frame lies inside the screen's available area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*preferred)
        return
    area = screen.availableGeometry()
    frame_w, frame_h = 16, 40  # a title bar and borders, before the window manager tells us
    width = min(preferred[0], area.width() - frame_w)
    height = min(preferred[1], area.height() - frame_h)
    window.resize(max(width, 320), max(height, 240))
    window.move(area.left() + max(0, (area.width() - width - frame_w) // 2),
                area.top() + max(0, (area.height() - height - frame_h) // 2))


class ConsolidationWindow(QMainWindow):
    # A consolidation run ended (successfully or not) and the window shows its outcome:
    # the ``ConsolidationResult``, or None when the run was cancelled or failed.
    consolidationFinished = Signal(object)

    def __init__(self, aimag_path: str | Path, prompter=None, parent=None):
        super().__init__(parent)
        self.setObjectName("consolidationWindow")
        self.prompter = prompter or Prompter(self)
        self.aimag_path = Path(aimag_path)
        self.busy = False
        self.worker: ConsolidationWorker | None = None
        self.last_result: ConsolidationResult | None = None
        self.last_message = ""
        self.rows: list[RankingRow] = []
        self.missing: list[str] = []
        self.report_windows: list = []
        self.expected_dialog = None
        self.setAcceptDrops(True)
        self._build()
        fit_to_screen(self, PREFERRED_SIZE)
        app = QCoreApplication.instance()
        if app is not None:  # quitting with a run in progress: roll it back first, never kill the thread
            app.aboutToQuit.connect(self.stop_worker)
        self.refresh()

    # ---------------------------------------------------------------- layout
    def _button(self, text: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda *_: slot())
        return button

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.file_label = QLabel()
        self.file_label.setObjectName("aimagFileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.folder_button = self._button(tr("Choose folder…"), self.choose_folder, "chooseFolderButton")
        self.files_button = self._button(tr("Choose a file…"), self.choose_files, "chooseFilesButton")
        self.other_button = self._button(tr("Other consolidation file…"), self.choose_aimag_file, "otherAimagFileButton")
        self.csv_button = self._button(tr("CSV…"), self.export_csv, "exportCsvButton")
        self.csv_button.setToolTip(tr("Export the ranking as CSV (opens in Excel)"))
        self.xlsx_button = self._button(tr("Excel (.xlsx)…"), self.export_xlsx, "exportXlsxButton")
        self.xlsx_button.setToolTip(tr("Export the ranking as an Excel workbook"))
        self.xlsx_button.setVisible(write_ranking_xlsx is not None)
        self.pdf_button = self._button(tr("PDF…"), self.export_pdf, "exportPdfButton")
        self.pdf_button.setToolTip(tr("Export the ranking as PDF"))
        self.export_buttons = [self.csv_button, self.xlsx_button, self.pdf_button]
        self.controls = [self.folder_button, self.files_button, self.other_button]
        bar = QHBoxLayout()
        hint = QLabel(tr("Drop the files received here, or:"))
        hint.setObjectName("dropHint")
        bar.addWidget(hint)
        for button in (self.folder_button, self.files_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(QLabel(tr("Export:")))
        for button in self.export_buttons:
            bar.addWidget(button)
        file_row = QHBoxLayout()  # the file and "other file" on one line, so the buttons fit at 150 %
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.other_button)
        layout.addLayout(file_row)
        layout.addLayout(bar)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("consolidationProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(tr("file %v of %m"))
        self.progress.setTextVisible(False)  # no "0 of 1" before anything ran
        progress_row.addWidget(self.progress, 1)
        self.cancel_button = self._button(tr("Cancel"), self.cancel_consolidation, "cancelConsolidationButton")
        self.cancel_button.setEnabled(False)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("consolidationSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        # left: what happened to each file, and who has not sent yet
        self.result_list = QListWidget()
        self.result_list.setObjectName("resultList")
        self.result_list.setWordWrap(True)
        self.result_list.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        results_box = QGroupBox(tr("Files checked"))
        QVBoxLayout(results_box).addWidget(self.result_list)

        self.missing_list = QListWidget()
        self.missing_list.setObjectName("missingList")
        self.expected_button = self._button(tr("Edit the list…"), self.edit_expected, "editExpectedButton")
        self.expected_button.setToolTip(tr("Edit expected organizations…"))
        self.controls.append(self.expected_button)
        self.missing_box = QGroupBox(tr("Not sent yet"))
        missing_layout = QVBoxLayout(self.missing_box)
        self.missing_note = QLabel(tr("No expected organizations listed yet."))
        self.missing_note.setObjectName("missingNote")
        self.missing_note.setWordWrap(True)
        missing_layout.addWidget(self.missing_note)
        missing_layout.addWidget(self.missing_list)
        missing_layout.addWidget(self.expected_button)

        left = QSplitter(Qt.Vertical)
        left.addWidget(results_box)
        left.addWidget(self.missing_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)

        # right, in tabs: the ranking (table and chart), the decisions waiting, the register
        self.model = RankingModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = FrozenColumnTable(ORGANIZATION + 1)
        self.table.setObjectName("rankingTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RANK, Qt.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setToolTip(tr("Click a column's title to sort; double-click a row to open that report."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        self.table.doubleClicked.connect(self.open_report_at)
        self.chart = RankingChart()
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        self.chart_scroll = chart_scroll
        ranking_split = QSplitter(Qt.Vertical)
        ranking_split.addWidget(self.table)
        ranking_split.addWidget(chart_scroll)
        ranking_split.setStretchFactor(0, 1)
        ranking_split.setStretchFactor(1, 1)

        self.decisions_panel = DecisionsPanel(lambda: self.aimag_path, self.prompter)
        self.decisions_panel.decided.connect(self._decided)
        self.register_panel = RegisterPanel(lambda: self.aimag_path, self.prompter)
        self.register_panel.changed.connect(self.refresh)
        self.register_panel.editExpectedRequested.connect(self.edit_expected)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("consolidationTabs")
        self.tabs.addTab(ranking_split, tr("Ranking"))
        self.tabs.addTab(self.decisions_panel, tr("Waiting for your decision"))
        self.tabs.addTab(self.register_panel, tr("Register and history"))
        self.review_panel = ReviewPanel(lambda: self.aimag_path, self.prompter)
        self.review_panel.changed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.tabs.addTab(self.review_panel, tr("Remarks and receipts"))

        body = QSplitter(Qt.Horizontal)
        body.addWidget(left)
        body.addWidget(self.tabs)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 5)
        body.setSizes([330, 1000])
        layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self._update_title()

    def _update_title(self) -> None:
        self.setWindowTitle(tr("Aimag consolidation — {0}").format(self.aimag_path.name) + " — " + tr("Tailan"))
        self.file_label.setText(tr("Consolidation file: {0}").format(self.aimag_path))

    # -------------------------------------------------------------- reading
    def refresh(self) -> None:
        """Reads the ranking, the decisions waiting and the register back from the aimag's file."""
        state = aimag_file.AimagState()
        try:
            state = aimag_file.read_state(self.aimag_path)
        except TailanError as exc:
            self.prompter.error(tr("The consolidation file could not be read"), exc.message)
        self.rows, self.missing = state.rows, state.missing
        self.model.set_rows(state.rows)
        self._fit_columns()
        self.chart.set_rows(state.rows)
        self.missing_list.clear()
        self.missing_list.addItems(state.missing)
        if state.expected:
            self.missing_box.setTitle(tr("Not sent yet: {0} of {1} expected").format(len(state.missing),
                                                                                    len(state.expected)))
        else:
            self.missing_box.setTitle(tr("Not sent yet"))
        self.missing_note.setVisible(not state.expected)
        self.decisions_panel.set_decisions(state.waiting)
        waiting = len(state.waiting)
        self.tabs.setTabText(1, tr("Waiting for your decision ({0})").format(waiting) if waiting
                             else tr("Waiting for your decision"))
        self.register_panel.set_register(state.organizations, state.aimag_name)
        self.review_panel.set_rows(state.rows)
        self._update_enabled()

    def _fit_columns(self) -> None:
        """Columns as wide as their contents; the frozen organization column at most a third of the
        table, so the other columns keep room to scroll (the whole name is in its tooltip and the chart)."""
        self.table.resizeColumnsToContents()
        limit = max(180, self.table.viewport().width() // 3)
        if self.table.columnWidth(ORGANIZATION) > limit:
            self.table.setColumnWidth(ORGANIZATION, limit)

    def _update_enabled(self) -> None:
        for control in self.controls:
            control.setEnabled(not self.busy)
        for button in self.export_buttons:
            button.setEnabled(bool(self.rows) and not self.busy)
        self.cancel_button.setEnabled(self.busy and self.worker is not None and not self.worker.cancel_requested)
        self.decisions_panel.set_busy(self.busy)
        self.register_panel.set_busy(self.busy)
        self.review_panel.set_busy(self.busy)
        if self.expected_dialog is not None:  # an open expected list must not write during a run
            self.expected_dialog.setEnabled(not self.busy)
        self.setAcceptDrops(not self.busy)

    def _decided(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        self.refresh()

    # ------------------------------------------------------------ consolidating
    def consolidate_paths(self, paths: list[str | Path]) -> ConsolidationWorker | None:
        """Starts checking and merging ``paths`` (files or folders) in a worker thread.

        Returns the worker (None when nothing was started); ``consolidationFinished``
        tells when the window shows the outcome.
        """
        paths = [Path(p) for p in paths if str(p)]
        if self.busy or not paths:
            return None
        files = expand_inputs(paths)
        self.result_list.clear()
        self.decisions_panel.message.clear()  # it spoke of an earlier decision
        self.progress.setRange(0, max(len(files), 1))
        self.progress.setValue(0)
        self.progress.setTextVisible(bool(files))
        self.summary_label.setText(tr("Checking {0} files…").format(len(files)))
        worker = ConsolidationWorker(files, self.aimag_path, self)
        worker.progressed.connect(self._progress)
        worker.succeeded.connect(self._succeeded)
        worker.cancelled.connect(self._cancelled)
        worker.failed.connect(self._failed)
        self.worker = worker
        self.busy = True
        self._update_enabled()
        worker.start()
        return worker

    def cancel_consolidation(self) -> None:
        if self.worker is None or self.worker.cancel_requested:
            return
        self.worker.cancel()
        self.summary_label.setText(tr("Cancelling: the files checked so far are being taken back…"))
        self._update_enabled()

    def _progress(self, done: int, total: int, outcome: FileOutcome) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.result_list.addItem(self._outcome_item(outcome))
        self.result_list.scrollToBottom()

    # The worker's end signals arrive queued, on the GUI thread; after a close that
    # already cancelled and waited, ``self.worker`` is None and they are ignored.
    def _succeeded(self, result: ConsolidationResult) -> None:
        self._finished(result, "")

    def _cancelled(self, _message: str) -> None:
        self._finished(None, tr("Cancelled: nothing of this batch was kept; the consolidation file is as it was "
                                "before."))

    def _failed(self, message: str) -> None:
        self._finished(None, message or tr("The consolidation stopped on an unexpected error; the consolidation "
                                           "file is as it was before."))

    def _finished(self, result: ConsolidationResult | None, message: str) -> None:
        worker = self.worker
        if worker is None:
            return
        worker.wait()
        self.worker = None
        self.busy = False
        if result is None:
            self.result_list.clear()
            self.progress.setValue(0)
            self.progress.setTextVisible(False)
            self.summary_label.setText(message)
            if worker.cancel_requested:
                self.statusBar().showMessage(message, 15000)
            else:
                self.prompter.error(tr("Consolidation stopped"), message)
        else:
            self.last_result = result
            if not result.outcomes:
                self.progress.setRange(0, 1)
                self.progress.setValue(0)
                self.summary_label.setText(tr("No files found to consolidate."))
            else:
                text = tr("Added {0}, updated {1}, already received {2}, waiting for your decision {3}, "
                          "rejected {4}.").format(result.count(ADDED), result.count(UPDATED), result.count(SKIPPED),
                                                  result.count(PENDING), result.count(REJECTED))
                if worker.cancel_requested:
                    text += " " + tr("(Cancel came after the last file: the batch was kept.)")
                self.summary_label.setText(text)
        self.last_message = self.summary_label.text()
        self.refresh()
        if result is not None and result.count(PENDING):
            self.tabs.setCurrentWidget(self.decisions_panel)
        worker.deleteLater()
        self.consolidationFinished.emit(result)

    @staticmethod
    def _outcome_item(outcome: FileOutcome) -> QListWidgetItem:
        name = Path(outcome.file).name
        mark = STATUS_MARKS.get(outcome.status, "")
        item = QListWidgetItem(f"{mark} {status_text(outcome.status)}: {name}\n    {outcome.reason}")
        item.setData(OutcomeRole, outcome)
        who = f"{outcome.organization}, {outcome.year}\n" if outcome.organization else ""
        item.setToolTip(f"{who}{outcome.file}")
        color = STATUS_COLORS.get(outcome.status)
        if color:
            item.setForeground(QBrush(QColor(color)))
        return item

    def results(self) -> list[FileOutcome]:
        return [self.result_list.item(i).data(OutcomeRole) for i in range(self.result_list.count())]

    # ----------------------------------------------------------- choosing input
    def choose_folder(self):
        folder = self.prompter.choose_folder(tr("Folder with the files received"), str(self.aimag_path.parent))
        return self.consolidate_paths([folder]) if folder else None

    def choose_files(self):
        path = self.prompter.open_path(tr("A file received"), str(self.aimag_path.parent), FILE_FILTER)
        return self.consolidate_paths([path]) if path else None

    def choose_aimag_file(self) -> bool:
        if self.busy:
            return False
        path = self.prompter.open_path(tr("Open another consolidation file"), str(self.aimag_path.parent), FILE_FILTER)
        if not path:
            return False
        self.set_aimag_path(path)
        return True

    def set_aimag_path(self, path: str | Path) -> None:
        from gui.consolidation import remember_aimag_file

        if self.busy:
            return
        self.aimag_path = Path(path)
        remember_aimag_file(self.aimag_path)
        self.result_list.clear()
        self.summary_label.clear()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self._update_title()
        self.refresh()

    # ------------------------------------------------------------ drag and drop
    @staticmethod
    def _local_paths(mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if not self.busy and self._local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._local_paths(event.mimeData())
        if self.busy or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.consolidate_paths(paths)

    # ------------------------------------------------------- a soum's report
    def row_at(self, proxy_index) -> RankingRow | None:
        if not proxy_index.isValid():
            return None
        return self.proxy.data(self.proxy.index(proxy_index.row(), 0), RowRole)

    def open_report_at(self, proxy_index):
        """Opens the received file of the row's report, read-only, in a main window of its own."""
        row = self.row_at(proxy_index)
        return self.open_report(row) if row is not None else None

    def open_report(self, row: RankingRow):
        from core.storage import ReportFile
        from gui.app import create_main_window
        from gui.document import Document

        try:
            path = aimag_file.archived_copy(self.aimag_path, row.fingerprint)
            rf = ReportFile.open(path, read_only=True)  # the archive copy is never changed
        except TailanError as exc:
            self.prompter.error(tr("The report could not be opened"), exc.message)
            return None
        try:
            reports = rf.list_reports()
            if not reports:
                raise TailanError(tr("The received file holds no report."))
            doc = Document(rf, reports[0].id, self.prompter)
            doc.received = True  # its evidence: pictures shown inside Tailan, other files only saved
        except TailanError as exc:
            rf.close()
            self.prompter.error(tr("The report could not be opened"), exc.message)
            return None
        # a real prompter belongs to this window: the report's window makes its own
        window = create_main_window(None, prompter=None if isinstance(self.prompter, Prompter) else self.prompter)
        window.set_document(doc)
        window.setWindowTitle(tr("{0} — received report (read only)").format(row.organization))
        window.setAttribute(Qt.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_, w=window: self._forget_report_window(w))
        self.report_windows.append(window)
        window.show()
        return window

    def _forget_report_window(self, window) -> None:
        if window in self.report_windows:
            self.report_windows.remove(window)

    # ----------------------------------------------------------------- exports
    def _export(self, title: str, suggested: str, filters: str, write) -> Path | None:
        if not self.rows:
            self.prompter.info(title, tr("Nothing to export yet: no report has been received."))
            return None
        from core.storage.replacing import making_room
        from gui.files import confirm_target

        target = self.prompter.save_path(title, str(self.aimag_path.with_name(suggested)), filters)
        chosen = confirm_target(self.prompter, Path(target), self.aimag_path) if target else None
        if chosen is None:  # an existing file: asked first, and kept as a backup
            return None
        target = chosen.path
        try:
            with making_room(target, replace=chosen.replace, backup=chosen.backup):
                write(Path(target))
        except TailanError as exc:
            self.prompter.error(title, exc.message)
            return None
        self.statusBar().showMessage(tr("Written: {0}").format(target), 10000)
        return Path(target)

    def export_csv(self) -> Path | None:
        from core.aimag.ranking import write_ranking_csv

        stem = self.aimag_path.stem
        return self._export(tr("Export the ranking as CSV"), f"{stem}-эрэмбэ.csv", CSV_FILTER,
                            lambda path: write_ranking_csv(self.rows, path))

    def export_xlsx(self) -> Path | None:
        if write_ranking_xlsx is None:
            return None
        stem = self.aimag_path.stem
        return self._export(tr("Export the ranking as an Excel workbook"), f"{stem}-эрэмбэ.xlsx", XLSX_FILTER,
                            lambda path: write_ranking_xlsx(self.rows, self.missing, path))

    def export_pdf(self) -> Path | None:
        from core.aimag.ranking_pdf import export_ranking_pdf

        stem = self.aimag_path.stem
        return self._export(tr("Export the ranking as PDF"), f"{stem}-эрэмбэ.pdf", PDF_FILTER,
                            lambda path: export_ranking_pdf(self.rows, self.missing, path,
                                                            aimag_file.aimag_key_code(self.aimag_path)))

    # ------------------------------------------------------------ expected list
    def edit_expected(self):
        from gui.consolidation.expected_dialog import ExpectedDialog

        if self.busy:
            return None
        received = sorted({r.organization for r in self.rows})
        dialog = ExpectedDialog(self.aimag_path, self.prompter, received, self)
        dialog.changed.connect(self.refresh)
        self.expected_dialog = dialog
        dialog.open()
        return dialog

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

    def stop_worker(self) -> None:
        """Cancels a run and waits for core to roll it back (it stops before the next file)."""
        worker = self.worker
        if worker is None:
            return
        worker.cancel()
        worker.wait()
        self.worker = None
        self.busy = False
        worker.deleteLater()
