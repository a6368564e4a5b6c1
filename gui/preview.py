"""Print preview and printing of exactly the PDF that core exports.

The pages on screen and on paper are PDFium renderings of the bytes
``core.pdf.export_pdf`` wrote, so what the officer sees, prints and sends upward is
one document. Printing paints each page image on the ``QPrinter`` chosen in the
system's print dialog. Before printing, core's preflight list (missing scores,
empty signatures...) is shown; the user may still print a draft.

``core.pdf`` is imported only when the preview opens: a cold start does not pay
for reportlab.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.errors import TailanError

PREVIEW_WIDTH_PX = 1000
PRINT_DPI_CAP = 300


def export_bytes(report) -> bytes:
    """The report as PDF bytes, through core's exporter."""
    from core.pdf import export_pdf

    buffer = io.BytesIO()
    export_pdf(report, buffer)
    return buffer.getvalue()


def preflight_messages(report) -> list[str]:
    """Core's preflight list in the window's language (core's own text for unknown kinds)."""
    from core.pdf.preflight import preflight

    texts = {
        "unscored": QCoreApplication.translate("PreviewDialog", "Measure {0} has no score (it prints as a draft)."),
        "empty_indicator": QCoreApplication.translate(
            "PreviewDialog", "Measure {0}: the performance indicator is empty."),
        "empty_target": QCoreApplication.translate("PreviewDialog", "Measure {0}: the target level is empty."),
    }
    messages = []
    for item in preflight(report):
        text = texts.get(getattr(item, "kind", ""))
        messages.append(text.format(item.number) if text else getattr(item, "message", str(item)))
    return messages


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document.get_page_size(i) for i in range(len(document))]
    finally:
        document.close()


def render_pages(pdf: bytes, width_px: int | None = None, dpi: float | None = None, pages=None):
    """Yields each page as a QImage, either ``width_px`` wide or at ``dpi``."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        numbers = range(len(document)) if pages is None else pages
        for number in numbers:
            page = document[number]
            try:
                width_pt = page.get_width()
                scale = (width_px / width_pt) if width_px else (dpi / 72.0)
                bitmap = page.render(scale=scale, rev_byteorder=True)
                try:
                    fmt = QImage.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format_RGB888
                    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
            yield image
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paints every page on ``printer``, each scaled to fit the paper; returns the page count."""
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    painter = QPainter()
    if not painter.begin(printer):
        raise TailanError("Хэвлэгч рүү хэвлэж чадсангүй. Хэвлэгчээ шалгана уу.")
    count = 0
    try:
        for image in render_pages(pdf, dpi=dpi):
            if count:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
            painter.setViewport(area.x(), area.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
            painter.setWindow(area)
            count += 1
    finally:
        painter.end()
    return count


class PreviewDialog(QDialog):
    """The pages as they will print, with Print… and the preflight warnings on top."""

    def __init__(self, doc, prompter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.doc = doc
        self.prompter = prompter
        self.setWindowTitle(self.tr("Print preview"))
        self.pdf = export_bytes(doc.report)
        self.warnings = preflight_messages(doc.report)
        layout = QVBoxLayout(self)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("preflightWarnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 6px; }")
        if self.warnings:
            lines = "\n".join("• " + w for w in self.warnings)
            self.warning_label.setText(self.tr("Before it is signed, this report still needs:") + "\n" + lines)
        self.warning_label.setVisible(bool(self.warnings))
        layout.addWidget(self.warning_label)
        self.pages = QWidget()
        self.pages.setStyleSheet("background: #808080;")
        pages_layout = QVBoxLayout(self.pages)
        pages_layout.setAlignment(Qt.AlignHCenter)
        # Pages are rendered when they scroll into view: a 1,000-measure report has
        # about 140 pages, which rendered at once would cost seconds and ~300 MB.
        self.page_labels: list[QLabel] = []
        for width_pt, height_pt in page_sizes(self.pdf):
            label = QLabel()
            label.setFixedSize(PREVIEW_WIDTH_PX, round(PREVIEW_WIDTH_PX * height_pt / width_pt))
            label.setStyleSheet("background: white;")
            pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda *_: self.render_visible())
        layout.addWidget(self.scroll, 1)
        self.info = QLabel(self.tr("Pages: {0}").format(len(self.page_labels)))
        layout.addWidget(self.info)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ActionRole)
        close = buttons.addButton(QDialogButtonBox.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.reject)
        self.print_button.clicked.connect(lambda: self.print_())
        layout.addWidget(buttons)
        self.resize(PREVIEW_WIDTH_PX + 80, 800)
        self.render_visible()

    def render_visible(self) -> list[int]:
        """Renders the pages now in view (and the next one); returns their numbers."""
        viewport = self.scroll.viewport()
        top = self.scroll.verticalScrollBar().value()
        bottom = top + max(viewport.height(), 800)
        wanted = [n for n, label in enumerate(self.page_labels)
                  if label.pixmap().isNull() and label.y() <= bottom + label.height() and label.y() + label.height() >= top]
        for number, image in zip(wanted, render_pages(self.pdf, width_px=PREVIEW_WIDTH_PX, pages=wanted)):
            self.page_labels[number].setPixmap(QPixmap.fromImage(image))
        return wanted

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.render_visible()

    def confirm_draft(self) -> bool:
        if not self.warnings:
            return True
        return self.prompter.confirm(
            self.tr("The report is not complete"),
            self.tr("This report still needs:") + "\n" + "\n".join("• " + w for w in self.warnings)
            + "\n\n" + self.tr("Print it as a draft anyway?"),
            self.tr("Print draft"),
            self.tr("Cancel"),
        )

    def print_(self, printer: QPrinter | None = None) -> bool:
        """Asks for the printer (unless given) and prints; False when the user cancelled."""
        if not self.confirm_draft():
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
