"""The main window: the plan tree on the left, the form of the selected item on the right.

Always visible at the bottom: the total as it will print, how many measures still
lack a score, and whether everything is saved (it says saved only after core has
committed). There is no Save: every change is already on disk; "Save a copy as"
writes a complete copy. The menus and the file actions live in ``gui.actions``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.errors import TailanError
from core.report import scoring
from core.report.kinds import ItemKind
from gui import files, screen_fit
from gui import settings as app_settings
from gui.actions import WindowActions
from gui.document import ChangeOp, Document, SaveState
from gui.evidence.actions import EvidenceActions
from gui.find import TreeFilter
from gui.forms.fields import LineField
from gui.forms.goal_form import GoalForm
from gui.forms.measure_form import MeasureForm
from gui.forms.report_form import ReportForm
from gui.help import HelpActions
from gui.keyboard import KeyboardActions
from gui.print_actions import PrintActions
from gui.problems import ProblemsDock, ProblemsPanel
from gui.prompter import DialogPrompter
from gui.receipt_view import ReceiptActions
from gui.sending import SendingActions
from gui.start_page import FileLocation, StartPage, show_start
from gui.tree_model import PlanTreeModel
from gui.year.actions import YearActions


class MainWindow(QMainWindow):
    def __init__(self, prompter=None, open_consolidation=None, parent: QWidget | None = None):
        """``prompter``: who answers the window's questions (None: real dialogs of its own; see
        ``gui.prompter``). ``open_consolidation(path, prompter=, current=)``: opens the aimag's
        window for File → Aimag consolidation… (given by ``gui.windows``, which knows both windows)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # What this window was given, passed on to the windows it opens.
        self.shared_prompter = prompter
        self.prompter = prompter or DialogPrompter(self)
        self.open_consolidation = open_consolidation
        self.doc: Document | None = None
        self.model: PlanTreeModel | None = None
        self.forms: dict[str, object] = {}
        self._build_body()
        self._build_status()
        self._build_problems()
        self.actions_ = WindowActions(self)
        self.sending = SendingActions(self)  # finalize, reopen, send to aimag, consolidation
        self.keyboard = KeyboardActions(self)  # score keys in the tree, jump to score, menu keys
        self.location = FileLocation(self)  # the full path in the status bar, Show in folder
        self.receipts = ReceiptActions(self)  # the aimag's answer: open, print, its remarks
        self.printing = PrintActions(self)  # Save as PDF, print without a dialog
        self.help = HelpActions(self)  # Help menu, zoom of the tree and the forms
        self.evidence = EvidenceActions(self)  # Attach evidence…, files dropped on a measure
        self.year = YearActions(self)  # the next report of the year, the aimag's call, a rejection's notice
        self.set_document(None)  # the start page, with every action in its no-report state
        self._update_title()
        self._restore_geometry()

    # ---------------------------------------------------------------- layout
    def _build_body(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        # The banners (sample, read only, finalized, the aimag's answer) speak of the whole
        # report, so they stand over its tree: on a small screen they never push the form down.
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.PlainText)
        self.banner.setStyleSheet("QLabel { background: #fde7e9; color: #8a1c1c; padding: 6px; }")
        self.banner.hide()
        left_layout.addWidget(self.banner)
        self.find_input = LineField()  # Ctrl+Z here undoes the last edit, not the typed filter
        self.find_input.setObjectName("findInput")
        self.find_input.setPlaceholderText(self.tr("Find in the plan (Ctrl+F)"))
        self.find_input.setClearButtonEnabled(True)
        left_layout.addWidget(self.find_input)
        self.tree = QTreeView()
        self.tree.setObjectName("planTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.InternalMove)
        self.tree.setDefaultDropAction(Qt.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ActionsContextMenu)
        left_layout.addWidget(self.tree)
        self.filter = TreeFilter(self.tree, self.find_input, self)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.start_page = StartPage(self)  # no report open: three ways in (gui.start_page)
        # in a scroll area: the stack is as tall as its tallest page, and the window must
        # still shrink to a small screen when a report is shown
        self.empty_page = QScrollArea()
        self.empty_page.setWidgetResizable(True)
        self.empty_page.setFrameShape(QFrame.NoFrame)
        self.empty_page.setWidget(self.start_page)
        self.stack.addWidget(self.empty_page)
        right_layout.addWidget(self.stack)

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        # 4:5 from the start, whatever the banners' texts would like: the form is where the
        # officer writes, and on a 1366x768 laptop at 125 % it needs the width more than the tree
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([4000, 5000])
        self.setCentralWidget(self.splitter)

    def _build_status(self) -> None:
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        self.unscored_label = QLabel()
        self.unscored_label.setObjectName("unscoredLabel")
        self.save_label = QLabel()
        self.save_label.setObjectName("saveStateLabel")
        bar = self.statusBar()
        # Permanent: a passing status message never hides the total or the save state.
        bar.addPermanentWidget(self.total_label)
        bar.addPermanentWidget(self.unscored_label)
        bar.addPermanentWidget(self.save_label)

    def _build_problems(self) -> None:
        self.problems = ProblemsPanel()
        self.problems.itemChosen.connect(self.select_item)
        self.problems_dock = ProblemsDock(self.problems, self)  # no room when empty; folds to a line
        self.addDockWidget(Qt.BottomDockWidgetArea, self.problems_dock)

    # --------------------------------------------------------------- a file
    def open_file(self, path, read_only: bool = False) -> bool:
        """Opens ``path``; on a bad file shows core's message and leaves everything as it was."""
        self.flush()
        try:
            doc = Document.open(path, self.prompter, read_only=read_only)
        except TailanError as exc:
            clean = files.offer_clean_copy(self, path, exc)  # a file with objects of its own: never opened as it is
            if clean is not None:
                return self.open_file(clean, read_only)
            return False
        self.set_document(doc)
        app_settings.add_recent_file(doc.path)
        self.actions_.refresh_recent()
        if doc.backup_path is not None:
            self.statusBar().showMessage(
                self.tr("The file was upgraded; a backup copy was written first: {0}").format(doc.backup_path.name),
                10000,
            )
        return True

    def set_document(self, doc: Document | None) -> None:
        old = self.doc
        if hasattr(self, "receipts"):
            self.receipts.remarks.park()  # the one remarks box outlives the forms it stood in
        for form in self.forms.values():
            self.stack.removeWidget(form)
            form.deleteLater()
        self.forms = {}
        self.doc = doc
        self.model = None
        if doc is not None:
            doc.pusher = self.actions_.push  # every widget's edit takes the window's one path
            self.model = PlanTreeModel(doc, self)
            self.forms = {ItemKind.REPORT: ReportForm(doc), ItemKind.GOAL: GoalForm(doc), ItemKind.MEASURE: MeasureForm(doc)}
            for form in self.forms.values():
                self.stack.addWidget(form)
                form.set_read_only(doc.read_only)
            doc.changed.connect(self._document_changed)
            doc.saveStateChanged.connect(self._show_save_state)
            doc.saveStateChanged.connect(lambda *_: self.actions_.update_enabled())
            doc.undo_stack.indexChanged.connect(lambda *_: self.actions_.update_enabled())
        self.tree.setModel(self.model)
        if self.model is not None:
            header = self.tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.Interactive)
            header.setSectionResizeMode(1, QHeaderView.Stretch)
            header.setSectionResizeMode(2, QHeaderView.Fixed)
            self.tree.setColumnWidth(0, self.fontMetrics().horizontalAdvance("00.00.00") + 40)
            self.tree.setColumnWidth(2, self.fontMetrics().horizontalAdvance("● 000000000") + 16)
            self.tree.selectionModel().currentChanged.connect(self._current_changed)
            self.tree.expandAll()
            self.select_item(doc.report.id)
        else:
            self.stack.setCurrentWidget(self.empty_page)
        self.banner.setVisible(doc is not None and doc.read_only)
        if doc is not None and doc.read_only:
            self.banner.setText(self.tr("Read only.") + " " + (doc.read_only_reason or self.tr(
                "This file is open read-only; nothing can be changed.")))
        self.tree.setDragEnabled(doc is not None and not doc.read_only)
        self.tree.setAcceptDrops(doc is not None and not doc.read_only)
        self.problems.set_document(doc)
        self.filter.reapply()
        self._refresh_totals()
        self._show_save_state(SaveState.SAVED if doc is not None else "")
        self._update_title()
        if hasattr(self, "location"):
            self.location.refresh()
        show_start(self, doc is None)
        self.actions_.update_enabled()
        self.sending.document_shown()
        self.receipts.document_shown()
        if hasattr(self, "year"):
            self.year.document_shown()
        self.printing.update_enabled()
        self.help.document_shown()
        if old is not None:
            self._detach(old)

    @staticmethod
    def _detach(doc: Document) -> None:
        """Closes a document the window no longer shows; its signals must not reach dead widgets."""
        doc.undo_stack.blockSignals(True)
        doc.blockSignals(True)
        doc.close()

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc is not None else ""
        suffix = (" — " + self.tr("read only")) if self.doc is not None and self.doc.read_only else ""
        app = self.tr("Tailan")
        self.setWindowTitle(f"{name}{suffix} — {app}" if name else app)

    # ------------------------------------------------------------ selection
    def current_item_id(self) -> str:
        if self.model is None:
            return ""
        item = self.model.item(self.tree.currentIndex())
        return item.id if item is not None else ""

    def select_item(self, item_id: str) -> None:
        if self.model is None or item_id not in self.doc.items:
            return
        if self.doc.kind_of(item_id) == ItemKind.SIGNATORY:  # shown in the report's form
            item_id = self.doc.report.id
        index = self.model.index_of(item_id)
        self.filter.reveal(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        )
        self.tree.scrollTo(index)
        self._show_item(item_id)

    def _current_changed(self, current, previous) -> None:
        item = self.model.item(current) if self.model is not None else None
        if item is not None:
            self._show_item(item.id)

    def _show_item(self, item_id: str) -> None:
        self.flush()
        kind = self.doc.kind_of(item_id)
        form = self.forms[kind]
        form.show_item(item_id)
        self.stack.setCurrentWidget(form)

    def flush(self) -> bool:
        """Commits typing still waiting for its pause (before undo, selection, print, close)."""
        ok = True
        for form in self.forms.values():
            ok = form.flush() and ok
        return ok

    # -------------------------------------------------------------- status
    def _document_changed(self, change) -> None:
        if change.op != ChangeOp.FIELD or change.field in ("score", "period"):
            self._refresh_totals()
        if change.op in (ChangeOp.INSERT, ChangeOp.MOVE):
            self.filter.reapply()
        if change.op == ChangeOp.REMOVE and change.item_id == self.current_item_id():
            QTimer.singleShot(0, lambda: self._show_item(self.current_item_id() or self.doc.report.id))

    def _refresh_totals(self) -> None:
        if self.doc is None:
            self.total_label.setText("")
            self.unscored_label.setText("")
            return
        report = self.doc.report
        if report.period.is_plan:  # a plan has no scores: what it holds instead
            self.total_label.setText(self.tr("Plan: {0} goals, {1} measures").format(
                len(report.goals), len(report.measures())))
            self.unscored_label.setText("")
            self.unscored_label.setStyleSheet("")
            return
        summary = scoring.summarize(report)
        self.total_label.setText(self.tr("Total implementation: {0}").format(summary.total_display or "—"))
        missing = len(summary.unscored)
        self.unscored_label.setText(self.tr("Without a score: {0}").format(missing))
        self.unscored_label.setStyleSheet("color: #b3261e; font-weight: bold;" if missing else "")

    def _show_save_state(self, state: str) -> None:
        if self.doc is not None and self.doc.file_read_only:  # nothing is written: "Saved" would say it is
            self.save_label.setText(self.tr("Read only"))
            self.save_label.setStyleSheet("")
            return
        texts = {
            SaveState.SAVED: self.tr("Saved"),
            SaveState.SAVING: self.tr("Saving…"),
            SaveState.PENDING: self.tr("Saving…"),
            SaveState.FAILED: self.tr("NOT saved"),
            "": "",
        }
        self.save_label.setText(texts.get(state, ""))
        self.save_label.setStyleSheet("color: #b3261e; font-weight: bold;" if state == SaveState.FAILED else "")

    # --------------------------------------------------------------- close
    def _restore_geometry(self) -> None:
        store = app_settings.settings()
        geometry = store.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen_fit.fit_window(self, 1280, 800)
        state = store.value("windowState")
        if state is not None:
            self.restoreState(state)
        self.problems_dock.restored()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        screen_fit.keep_on_screen_once_framed(self)  # geometry saved on a bigger monitor, or a bigger scaling since

    # -------------------------------------------------------------- printing
    def print_report(self, printer) -> int:
        """Prints the current report on ``printer`` without any dialog (A4 landscape, 1:1); returns the pages."""
        return self.printing.print_report(printer)

    def save_pdf(self, path) -> bool:
        """Writes the current report's PDF to ``path`` without any dialog: what ``tailan-cli export-pdf`` writes."""
        return self.printing.save_pdf(path)

    def closeEvent(self, event) -> None:
        if not self.flush() and not self.prompter.confirm(
            self.tr("Not saved"),
            self.tr("The last change could not be saved. Close anyway and lose it?"),
            self.tr("Close"),
            self.tr("Stay"),
        ):
            event.ignore()
            return
        store = app_settings.settings()
        store.setValue("geometry", self.saveGeometry())
        store.setValue("windowState", self.saveState())
        if self.doc is not None:
            self._detach(self.doc)
        super().closeEvent(event)
