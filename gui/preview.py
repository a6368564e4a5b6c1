"""Print preview: exactly the pages that will print, with zoom, page navigation, Print and Save as PDF.

The pages on screen, on paper and in "Save as PDF" are the bytes ``core.pdf.export_pdf``
wrote (``gui.printing``), so what the officer sees, prints and sends upward is one
document. The dialog opens at once; the PDF is laid out in a worker thread (a large
report takes seconds) and the pages appear when it is ready, while the main window stays
usable. An unchanged report is not laid out again (``gui.printing`` caches the bytes by
the report's content). Before printing, core's preflight list (missing scores, empty
indicators...) is shown; the user may still print a draft.

Pages are rendered by PDFium only when they scroll into view: a 1,000-measure report
has about 160 pages, which rendered at once would cost seconds and hundreds of MB.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.errors import TailanError
from core.storage.atomic import write_bytes_atomically
from gui import screen_fit
from gui.printing import PdfJob, page_count, page_sizes, pdf_bytes, print_pdf, render_pages  # noqa: F401

#: Zoom steps, as a share of the page's real size on this screen.
ZOOM_STEPS = (0.35, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PAGE_GAP = 12


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


class _CtrlWheelZoom(QObject):
    """Ctrl+wheel over the pages zooms instead of scrolling."""

    def __init__(self, dialog):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Wheel and event.modifiers() & Qt.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.dialog.zoom_by(+1 if delta > 0 else -1)
            return True
        return False


class PreviewDialog(QDialog):
    """The pages as they will print; zoom, page navigation, Print…, Save as PDF…, Close."""

    def __init__(self, doc, prompter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.doc = doc
        self.prompter = prompter
        self.setWindowTitle(self.tr("Print preview"))
        self.pdf: bytes | None = None  # the whole printout, once laid out
        self.shown_pdf: bytes | None = None  # what the pages show: its first page alone, until then
        self.sizes: list[tuple[float, float]] = []
        self.page_labels: list[QLabel] = []
        self.page_tops: list[int] = []
        self.zoom: float | None = None  # None: fit the page's width to the window
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
        self.pages = QWidget()
        self.pages.setObjectName("previewPages")
        self.pages.setStyleSheet("#previewPages { background: #808080; }")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.status = QLabel(self.tr("Laying out the pages…"))
        self.status.setObjectName("previewStatus")
        self.status.setStyleSheet("QLabel { color: white; padding: 24px; }")
        self.pages_layout.addWidget(self.status)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("previewScroll")
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda *_: self._scrolled())
        self.scroll.viewport().installEventFilter(_CtrlWheelZoom(self))
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
        self.fit_button.clicked.connect(self.fit_width)
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
            ([QKeySequence("Ctrl+0")], self.fit_width),
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
        """The first page (numbered ``1/…``) while the rest is laid out: the reader starts at once.

        It stands in the place of the "laying out" line, fitted to the window's width;
        the whole printout replaces it when it is ready.
        """
        if self.pdf is not None:
            return
        self.shown_pdf = pdf
        ratio = self.devicePixelRatioF()
        width = max(200, self.scroll.viewport().width() - 2 * PAGE_GAP)
        (image,) = render_pages(pdf, width_px=round(width * ratio), pages=[0])
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.status.setStyleSheet("")
        self.status.setPixmap(pixmap)
        self.page_total.setText("/ …")
        self.info.setText(self.tr("Page 1 is shown; laying out the other pages…"))

    def _laid_out(self, pdf: bytes) -> None:
        self.pdf = self.shown_pdf = pdf
        self.sizes = page_sizes(pdf)
        self.status.hide()
        for _ in self.sizes:
            label = QLabel()
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.page_box.setMaximum(max(1, len(self.sizes)))
        self.page_total.setText("/ {0}".format(len(self.sizes)))
        self.info.setText(self.tr("Pages: {0}").format(len(self.sizes)) + " · " + self.tr("A4 landscape"))
        self._set_ready(True)
        self._apply_zoom()

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The printout could not be laid out.") + "\n" + message)
        self.prompter.error(self.tr("Print"), message)

    # ----------------------------------------------------------------- zoom
    def _actual_width(self, width_pt: float) -> float:
        """A page's width in pixels at 100 %: its real size on this screen."""
        return width_pt / 72.0 * self.logicalDpiX()

    def _fit_zoom(self) -> float:
        if not self.sizes:
            return 1.0
        # From the scroll area's own width, so that fitting does not depend on whether a scroll bar shows now.
        bar = self.style().pixelMetric(QStyle.PM_ScrollBarExtent)
        available = self.scroll.width() - 2 * self.scroll.frameWidth() - bar - 2 * PAGE_GAP
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], available / self._actual_width(self.sizes[0][0])))

    def current_zoom(self) -> float:
        return self._fit_zoom() if self.zoom is None else self.zoom

    def zoom_by(self, steps: int) -> None:
        if not self.sizes:
            return
        now = self.current_zoom()
        if steps > 0:
            bigger = [z for z in ZOOM_STEPS if z > now + 0.01]
            self.zoom = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < now - 0.01]
            self.zoom = smaller[-1] if smaller else ZOOM_STEPS[0]
        self._apply_zoom()

    def fit_width(self) -> None:
        self.zoom = None
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        if not self.sizes:
            return
        page = self.current_page()
        zoom = self.current_zoom()
        # The pages' tops, computed: the layout places the labels only later, when it runs.
        top = self.pages_layout.contentsMargins().top()
        self.page_tops = []
        for label, (width_pt, height_pt) in zip(self.page_labels, self.sizes):
            width = round(self._actual_width(width_pt) * zoom)
            label.setFixedSize(width, round(width * height_pt / width_pt))
            label.setPixmap(QPixmap())
            self.page_tops.append(top)
            top += label.height() + PAGE_GAP
        self.zoom_label.setText(f"{round(zoom * 100)} %")
        self.pages_layout.activate()
        self.pages.adjustSize()
        self.go_to_page(page)
        self.render_visible()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.zoom is None and self.sizes:
            self._apply_zoom()

    # ----------------------------------------------------------- navigation
    def current_page(self) -> int:
        """The page at the top of the view (0-based)."""
        if not self.page_tops:
            return 0
        top = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        for number, label in enumerate(self.page_labels):
            if self.page_tops[number] + label.height() + PAGE_GAP > top:
                return number
        return len(self.page_labels) - 1

    def go_to_page(self, number: int) -> None:
        if not self.page_tops:
            return
        number = max(0, min(len(self.page_labels) - 1, number))
        bar = self.scroll.verticalScrollBar()
        if bar.maximum() < self.page_tops[number]:  # the scroll range follows the layout later
            bar.setRange(0, self.pages.sizeHint().height() - self.scroll.viewport().height())
        bar.setValue(max(0, self.page_tops[number] - PAGE_GAP // 2))
        self._scrolled()

    def _scrolled(self) -> None:
        if not self.page_tops:
            return
        self.page_box.blockSignals(True)
        self.page_box.setValue(self.current_page() + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(self.current_page() > 0)
        self.next_button.setEnabled(self.current_page() < len(self.page_labels) - 1)
        self.render_visible()

    def render_visible(self) -> list[int]:
        """Renders the pages now in view (and the next one); returns their numbers."""
        if self.shown_pdf is None:
            return []
        viewport = self.scroll.viewport()
        top = self.scroll.verticalScrollBar().value()
        bottom = top + max(viewport.height(), 400)
        wanted = [n for n, (label, y) in enumerate(zip(self.page_labels, self.page_tops))
                  if label.pixmap().isNull() and y <= bottom + label.height() and y + label.height() >= top]
        if not wanted:
            return wanted
        ratio = self.devicePixelRatioF()  # sharp on a 125 % or 150 % screen: render in device pixels
        width = round(self.page_labels[wanted[0]].width() * ratio)
        for number, image in zip(wanted, render_pages(self.shown_pdf, width_px=width, pages=wanted)):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self.page_labels[number].setPixmap(pixmap)
        return wanted

    def showEvent(self, event) -> None:
        super().showEvent(event)
        screen_fit.keep_on_screen(self)
        if self.shown_pdf is not None:
            self._apply_zoom()

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
            suggested = str(self.doc.path.with_suffix(".pdf"))
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

