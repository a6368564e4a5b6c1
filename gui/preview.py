"""Print preview: exactly the pages that will print, with zoom, page navigation, Print and Save as PDF.

The pages on screen, on paper and in "Save as PDF" are the bytes ``core.pdf.export_pdf``
wrote (``gui.printing``), so what the officer sees, prints and sends upward is one
document. The dialog opens at once; the PDF is laid out in a worker thread (a large
report takes seconds) and the pages appear when it is ready, while the main window stays
usable. An unchanged report is not laid out again (``gui.printing`` caches the bytes by
the report's content). Before printing, core's preflight list (missing scores, empty
indicators...) is shown; the user may still print a draft.

The pages themselves, their zoom and the rendering of what comes into view are
``gui.preview_pages.PageView``; this dialog adds the preflight list, the page and zoom
controls, and Print and Save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from core.errors import TailanError
from core.storage.atomic import write_bytes_atomically
from gui import screen_fit
from gui.preview_pages import PageView
from gui.printing import PdfJob, page_count, pdf_bytes, print_pdf, render_pages  # noqa: F401
from gui.start_page import picker_folder


def export_bytes(report) -> bytes:
    """The report as PDF bytes, through core's exporter (cached by content)."""
    return pdf_bytes(report)


def preflight_messages(report) -> list[str]:
    """Core's preflight list in the window's language (core's own text for unknown kinds)."""
    from core.pdf.preflight import preflight
    from core.report.checks import ProblemCode

    texts = {
        ProblemCode.UNSCORED: QCoreApplication.translate(
            "PreviewDialog", "Measure {0} has no score (it prints as a draft)."),
        ProblemCode.EMPTY_INDICATOR: QCoreApplication.translate(
            "PreviewDialog", "Measure {0}: the performance indicator is empty."),
        ProblemCode.EMPTY_TARGET: QCoreApplication.translate("PreviewDialog", "Measure {0}: the target level is empty."),
    }
    messages = []
    for item in preflight(report):
        text = texts.get(getattr(item, "kind", ""))
        messages.append(text.format(item.number) if text else getattr(item, "message", str(item)))
    return messages


def write_pdf_file(path, pdf: bytes) -> None:
    """Writes the PDF whole or not at all (core.storage.atomic); raises WriteError with a Mongolian message."""
    from pathlib import Path

    write_bytes_atomically(Path(path), pdf)


class PreviewDialog(QDialog):
    """The pages as they will print; zoom, page navigation, Print…, Save as PDF…, Close."""

    def __init__(self, doc, prompter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.doc = doc
        self.prompter = prompter
        self.setWindowTitle(self.tr("Print preview"))
        self.pdf: bytes | None = None  # the whole printout, once laid out
        self.warnings = preflight_messages(doc.report)
        layout = QVBoxLayout(self)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("preflightWarnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 6px; }")
        if self.warnings:
            shown = self.warnings[:4] + ([self.tr("… and {0} more").format(len(self.warnings) - 4)]
                                         if len(self.warnings) > 4 else [])
            lines = "\n".join("• " + w for w in shown)
            self.warning_label.setText(self.tr("Before it is signed, this report still needs:") + "\n" + lines)
        self.warning_label.setVisible(bool(self.warnings))
        layout.addWidget(self.warning_label)
        layout.addLayout(self._build_toolbar())
        self.scroll = PageView()
        self.scroll.pageChanged.connect(self._page_changed)
        self.scroll.zoomChanged.connect(lambda percent: self.zoom_label.setText(f"{percent} %"))
        layout.addWidget(self.scroll, 1)
        layout.addLayout(self._build_buttons())
        self._shortcuts()
        screen_fit.fit_window(self, 1100, 860, parent)
        self._set_ready(False)
        self.job = PdfJob(doc.report, self)
        self.job.firstPage.connect(self._first_page)
        self.job.finished.connect(self._laid_out)
        self.job.failed.connect(self._failed)
        self.job.start()

    # ------------------------------------------------------------- building
    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setObjectName("previousPageButton")
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setObjectName("nextPageButton")
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageNumberInput")
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_total = QLabel("/ 0")
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setObjectName("zoomOutButton")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignCenter)
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setObjectName("zoomInButton")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.fit_button.setObjectName("fitWidthButton")
        self.fit_button.setToolTip(self.tr("Fit the page to the window (Ctrl+0)"))
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(self.fontMetrics().horizontalAdvance("+") + 28)
        for widget in (self.previous_button, self.page_box, self.page_total, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(-1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(+1))
        self.fit_button.clicked.connect(lambda: self.scroll.fit_width())
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.info = QLabel()
        self.info.setObjectName("previewInfo")
        row.addWidget(self.info, 1)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closePreviewButton")
        for button in (self.save_button, self.print_button, self.close_button):
            row.addWidget(button)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.print_button.clicked.connect(lambda: self.print_())
        self.close_button.clicked.connect(self.reject)
        return row

    def _shortcuts(self) -> None:
        keys = (
            ([QKeySequence.ZoomIn, QKeySequence("Ctrl+="), QKeySequence("Ctrl++")], lambda: self.zoom_by(+1)),
            ([QKeySequence.ZoomOut, QKeySequence("Ctrl+-")], lambda: self.zoom_by(-1)),
            ([QKeySequence("Ctrl+0")], lambda: self.scroll.fit_width()),
            ([QKeySequence(Qt.Key_PageDown)], lambda: self.go_to_page(self.current_page() + 1)),
            ([QKeySequence(Qt.Key_PageUp)], lambda: self.go_to_page(self.current_page() - 1)),
            ([QKeySequence(Qt.Key_Home)], lambda: self.go_to_page(0)),
            ([QKeySequence(Qt.Key_End)], lambda: self.go_to_page(len(self.page_labels) - 1)),
        )
        self._shortcut_objects = []
        seen = set()
        for sequences, slot in keys:
            for sequence in sequences:
                sequence = QKeySequence(sequence)
                if sequence.isEmpty() or sequence.toString() in seen:
                    continue
                seen.add(sequence.toString())
                shortcut = QShortcut(sequence, self)
                shortcut.activated.connect(slot)
                self._shortcut_objects.append(shortcut)

    # ----------------------------------------------------------- the layout
    def _set_ready(self, ready: bool) -> None:
        for widget in (self.print_button, self.save_button, self.previous_button, self.next_button,
                       self.page_box, self.zoom_in_button, self.zoom_out_button, self.fit_button):
            widget.setEnabled(ready)

    def is_ready(self) -> bool:
        return self.pdf is not None

    def wait_until_ready(self, timeout_ms: int = 60000) -> bool:
        """Blocks until the pages are laid out and shown (tests; printing from code)."""
        if self.pdf is None and self.job.wait(timeout_ms):
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
        return self.pdf is not None

    def _first_page(self, pdf: bytes) -> None:
        """The first page (numbered ``1/…``) while the rest is laid out: the reader starts at once."""
        if self.pdf is not None:
            return
        self.scroll.show_first_page(pdf)
        self.page_total.setText("/ …")
        self.info.setText(self.tr("Page 1 is shown; laying out the other pages…"))

    def _laid_out(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._set_ready(True)
        pages = self.scroll.show_pages(pdf)
        self.page_box.setMaximum(max(1, pages))
        self.page_total.setText("/ {0}".format(pages))
        self.info.setText(self.tr("Pages: {0}").format(pages) + " · " + self.tr("A4 landscape"))
        self._page_changed(self.scroll.current_page(), pages)

    def _failed(self, message: str) -> None:
        self.scroll.show_failure(message)
        self.prompter.error(self.tr("Print"), message)

    # ------------------------------------------------- the pages (PageView)
    @property
    def shown_pdf(self) -> bytes | None:
        return self.scroll.shown_pdf

    @property
    def page_labels(self) -> list[QLabel]:
        return self.scroll.page_labels

    @property
    def status(self) -> QLabel:
        return self.scroll.status

    def current_page(self) -> int:
        return self.scroll.current_page()

    def go_to_page(self, number: int) -> None:
        self.scroll.go_to_page(number)

    def zoom_by(self, steps: int) -> None:
        self.scroll.zoom_by(steps)

    def _page_changed(self, page: int, count: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(self.is_ready() and page > 0)
        self.next_button.setEnabled(self.is_ready() and page < count - 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scroll.follow_width()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        screen_fit.keep_on_screen(self)
        if self.shown_pdf is not None:
            self.scroll.apply_zoom()

    # ------------------------------------------------------ print and save
    def confirm_draft(self) -> bool:
        if not self.warnings:
            return True
        shown = self.warnings[:8] + (["…"] if len(self.warnings) > 8 else [])
        return self.prompter.confirm(
            self.tr("The report is not complete"),
            self.tr("This report still needs:") + "\n" + "\n".join("• " + w for w in shown)
            + "\n\n" + self.tr("Print it as a draft anyway?"),
            self.tr("Print draft"),
            self.tr("Cancel"),
        )

    def print_(self, printer: QPrinter | None = None) -> bool:
        """Asks for the printer (unless given) and prints; False when the user cancelled."""
        if not self.wait_until_ready() or not self.confirm_draft():
            return False
        if printer is None:
            printer = QPrinter(QPrinter.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.Accepted:
                return False
        try:
            print_pdf(self.pdf, printer)
        except TailanError as exc:
            self.prompter.error(self.tr("Not printed"), exc.message)
            return False
        return True

    def save_as(self, path: str | None = None) -> bool:
        """Writes the PDF shown (the bytes ``tailan-cli export-pdf`` writes) where the user says."""
        if not self.wait_until_ready():
            return False
        from pathlib import Path

        from core.storage.replacing import making_room
        from gui.files import Target, confirm_target

        if path is None:
            suggested = str(picker_folder(self.doc.path) / (self.doc.path.stem + ".pdf"))
            path = self.prompter.save_path(self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)"))
            if not path:
                return False
            if not str(path).lower().endswith(".pdf"):
                path = str(path) + ".pdf"
            chosen = confirm_target(self.prompter, Path(path), self.doc.path)  # asked; the old one kept
            if chosen is None:
                return False
        else:
            chosen = Target(Path(path), replace=True)
        try:
            with making_room(chosen.path, replace=chosen.replace, backup=chosen.backup):
                write_pdf_file(chosen.path, self.pdf)
        except TailanError as exc:
            self.prompter.error(self.tr("The PDF was not written"), exc.message)
            return False
        return True

