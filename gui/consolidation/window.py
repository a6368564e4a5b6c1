"""The aimag's consolidation window: received files in, ranking out.

Drop submission files or folders on the window (or choose a folder or files); each
file is checked and merged by core (``consolidate``) and its result listed at once
(status and core's Mongolian reason, rejected ones in red) while the progress bar
moves. Then the ranking table, the bar chart and the expected organizations that
have not sent anything yet are read back from the aimag's file.

Consolidation runs in the GUI thread: files are small (a few hundred per aimag, a
few milliseconds each), and the progress callback lets Qt paint between files with
``processEvents``. While it runs, the controls are disabled, drops are refused and
the window does not close, so nothing else touches the aimag's file meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import TailanError
from core.storage import ReportFile
from core.submission.consolidate import ADDED, REJECTED, SKIPPED, UPDATED, ConsolidationResult, FileOutcome, consolidate
from core.submission.ranking import RankingRow, missing_organizations, ranking
from core.submission.register import expected_organizations

from ..files import FILE_FILTER
from ..i18n import tr
from ..prompter import Prompter
from .chart import RankingChart
from .ranking_model import ORGANIZATION, RankingModel

CSV_FILTER = "CSV (*.csv)"
PDF_FILTER = "PDF (*.pdf)"
STATUS_COLORS = {REJECTED: "#b3261e", SKIPPED: "#7a5c00", UPDATED: "#1565c0", ADDED: "#1e4620"}
STATUS_MARKS = {REJECTED: "✗", SKIPPED: "=", UPDATED: "↑", ADDED: "✓"}
# The ``Qt.UserRole`` data of a result list item: the ``FileOutcome``.
OutcomeRole = Qt.UserRole + 1


def status_text(status: str) -> str:
    return {
        ADDED: tr("Added"),
        UPDATED: tr("Updated"),
        SKIPPED: tr("Already received"),
        REJECTED: tr("Rejected"),
    }.get(status, status)


class ConsolidationWindow(QMainWindow):
    def __init__(self, aimag_path: str | Path, prompter=None, parent=None):
        super().__init__(parent)
        self.setObjectName("consolidationWindow")
        self.prompter = prompter or Prompter(self)
        self.aimag_path = Path(aimag_path)
        self.busy = False
        self.last_result: ConsolidationResult | None = None
        self.rows: list[RankingRow] = []
        self.missing: list[str] = []
        self.setAcceptDrops(True)
        self._build()
        self.resize(1400, 900)
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
        self.file_label = QLabel()
        self.file_label.setObjectName("aimagFileLabel")
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.file_label)

        self.folder_button = self._button(tr("Choose folder…"), self.choose_folder, "chooseFolderButton")
        self.files_button = self._button(tr("Choose a file…"), self.choose_files, "chooseFilesButton")
        self.other_button = self._button(tr("Other consolidation file…"), self.choose_aimag_file, "otherAimagFileButton")
        self.csv_button = self._button(tr("Export CSV (Excel)…"), self.export_csv, "exportCsvButton")
        self.pdf_button = self._button(tr("Export PDF…"), self.export_pdf, "exportPdfButton")
        self.controls = [self.folder_button, self.files_button, self.other_button, self.csv_button, self.pdf_button]
        bar = QHBoxLayout()
        hint = QLabel(tr("Drop the files received from the soums here, or:"))
        hint.setObjectName("dropHint")
        bar.addWidget(hint)
        for button in (self.folder_button, self.files_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.csv_button, self.pdf_button, self.other_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.progress = QProgressBar()
        self.progress.setObjectName("consolidationProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(tr("%v of %m files"))
        layout.addWidget(self.progress)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("consolidationSummary")
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
        self.expected_button = self._button(tr("Edit expected organizations…"), self.edit_expected, "editExpectedButton")
        self.controls.append(self.expected_button)
        self.missing_box = QGroupBox(tr("Not sent yet"))
        missing_layout = QVBoxLayout(self.missing_box)
        missing_layout.addWidget(self.missing_list)
        missing_layout.addWidget(self.expected_button)

        left = QSplitter(Qt.Vertical)
        left.addWidget(results_box)
        left.addWidget(self.missing_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        left.setSizes([600, 220])

        # right: the ranking table and its chart
        self.model = RankingModel(self)
        self.table = QTableView()
        self.table.setObjectName("rankingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(ORGANIZATION, QHeaderView.Stretch)
        self.chart = RankingChart()
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.table)
        right.addWidget(chart_scroll)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([380, 440])

        body = QSplitter(Qt.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 5)
        body.setSizes([480, 1000])
        layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self._update_title()

    def _update_title(self) -> None:
        self.setWindowTitle(tr("Aimag consolidation — {0}").format(self.aimag_path.name) + " — " + tr("Tailan"))
        self.file_label.setText(tr("Consolidation file: {0}").format(self.aimag_path))

    # -------------------------------------------------------------- reading
    def refresh(self) -> None:
        """Reads the ranking and the missing organizations back from the aimag's file."""
        rows: list[RankingRow] = []
        missing: list[str] = []
        expected: list[str] = []
        if self.aimag_path.exists():
            try:
                with ReportFile.open(self.aimag_path, read_only=True) as rf:
                    rows = ranking(rf)
                    missing = missing_organizations(rf, rows)
                    expected = expected_organizations(rf)
            except TailanError as exc:
                self.prompter.error(tr("The consolidation file could not be read"), exc.message)
        self.rows, self.missing = rows, missing
        self.model.set_rows(rows)
        self.chart.set_rows(rows)
        self.missing_list.clear()
        self.missing_list.addItems(missing)
        if expected:
            self.missing_box.setTitle(tr("Not sent yet: {0} of {1} expected").format(len(missing), len(expected)))
        else:
            self.missing_box.setTitle(tr("Not sent yet (no expected organizations listed)"))
        has_rows = bool(rows)
        self.csv_button.setEnabled(has_rows and not self.busy)
        self.pdf_button.setEnabled(has_rows and not self.busy)

    # ------------------------------------------------------------ consolidating
    def consolidate_paths(self, paths: list[str | Path]) -> ConsolidationResult | None:
        """Checks and merges ``paths`` (files or folders) into the aimag's file, showing each result."""
        paths = [Path(p) for p in paths if str(p)]
        if self.busy or not paths:
            return None
        self._set_busy(True)
        self.result_list.clear()
        self.summary_label.setText(tr("Checking the files…"))
        self.progress.setRange(0, 0)  # busy until the first file is done
        self.progress.setValue(0)
        try:
            result = consolidate(paths, self.aimag_path, progress=self._progress)
        except TailanError as exc:
            self.prompter.error(tr("Consolidation stopped"), exc.message)
            result = None
        finally:
            self._set_busy(False)
        if result is not None:
            self.last_result = result
            if not result.outcomes:
                self.progress.setRange(0, 1)
                self.progress.setValue(0)
                self.summary_label.setText(tr("No files found to consolidate."))
            else:
                self.summary_label.setText(
                    tr("Added {0}, updated {1}, already received {2}, rejected {3}.").format(
                        result.count(ADDED), result.count(UPDATED), result.count(SKIPPED), result.count(REJECTED))
                )
        self.refresh()
        return result

    def _progress(self, done: int, total: int, outcome: FileOutcome) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.result_list.addItem(self._outcome_item(outcome))
        self.result_list.scrollToBottom()
        QCoreApplication.processEvents()

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

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for control in self.controls:
            control.setEnabled(not busy)
        self.setAcceptDrops(not busy)

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
        path = self.prompter.open_path(tr("Open another consolidation file"), str(self.aimag_path.parent), FILE_FILTER)
        if not path:
            return False
        self.set_aimag_path(path)
        return True

    def set_aimag_path(self, path: str | Path) -> None:
        from . import remember_aimag_file

        self.aimag_path = Path(path)
        remember_aimag_file(self.aimag_path)
        self.result_list.clear()
        self.summary_label.clear()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
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

    # ----------------------------------------------------------------- exports
    def _export(self, title: str, suggested: str, filters: str, write) -> Path | None:
        if not self.rows:
            self.prompter.info(title, tr("Nothing to export yet: no report has been received."))
            return None
        target = self.prompter.save_path(title, str(self.aimag_path.with_name(suggested)), filters)
        if not target:
            return None
        try:
            write(Path(target))
        except TailanError as exc:
            self.prompter.error(title, exc.message)
            return None
        self.statusBar().showMessage(tr("Written: {0}").format(target), 10000)
        return Path(target)

    def export_csv(self) -> Path | None:
        from core.submission.ranking import write_ranking_csv

        stem = self.aimag_path.stem
        return self._export(tr("Export the ranking as CSV"), f"{stem}-эрэмбэ.csv", CSV_FILTER,
                            lambda path: write_ranking_csv(self.rows, path))

    def export_pdf(self) -> Path | None:
        from core.submission.ranking_pdf import export_ranking_pdf

        stem = self.aimag_path.stem
        return self._export(tr("Export the ranking as PDF"), f"{stem}-эрэмбэ.pdf", PDF_FILTER,
                            lambda path: export_ranking_pdf(self.rows, self.missing, path))

    # ------------------------------------------------------------ expected list
    def edit_expected(self):
        from .expected_dialog import ExpectedDialog

        received = sorted({r.organization for r in self.rows})
        dialog = ExpectedDialog(self.aimag_path, self.prompter, received, self)
        dialog.changed.connect(self.refresh)
        self.expected_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ close
    def closeEvent(self, event) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
