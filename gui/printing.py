"""The printout from the window: the exported PDF's bytes, cached, laid out off the GUI thread, and printed.

What the preview shows, what the printer gets and what "Save as PDF" writes are the
bytes of ``core.pdf.export_pdf`` for the report as it is now. Laying out a large report
takes seconds (reportlab), so:

- the bytes are cached by the report's content (``core.trust.fingerprint.canonical_bytes``
  plus the finalized fingerprint, which the printout carries). Any change to any field
  gives another key, so a stale printout can never be shown; reopening the preview of
  an unchanged report costs nothing;
- ``PdfJob`` lays the PDF out in a worker thread over a *copy* of the report, so the
  window stays usable meanwhile (reportlab releases the GIL often enough: measured in
  tests/gui/test_printing.py, a QTimer keeps firing during a 1,000-measure layout).

Printing forces A4 landscape on the printer, whatever its defaults, with the page
painted from the paper's corner (full page, no margins of Qt's): the PDF's own margins
(12-25 mm) are larger than any printer's unprintable border, so nothing is cut and the
page lands at 1:1, as the PDF says. Each page is rendered by PDFium at the printer's
resolution (at least 300 dpi, at most 600) in horizontal strips, so memory stays small.
A printer that writes a PDF file gets the exported pages themselves (``write_pdf_pages``).
"""

from __future__ import annotations

import copy
import hashlib
import io
import threading
from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QThread, QTimer, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from core.errors import TailanError

#: Rendering resolution bounds for printing (dots per inch).
MIN_PRINT_DPI = 300
MAX_PRINT_DPI = 600
#: Height of one rendered strip, in device pixels (bounds memory at 600 dpi to ~25 MB).
STRIP_PX = 1024
#: How many laid-out reports are kept (the current one and, say, the one before an undo).
CACHE_SIZE = 2

_cache: OrderedDict[str, bytes] = OrderedDict()
_cache_lock = threading.Lock()
#: reportlab keeps module-level state (fonts, caches): one layout at a time.
_export_lock = threading.Lock()


def report_key(report) -> str:
    """The cache key: every field of the report, and the fingerprint that a finalized printout carries."""
    from core.trust.fingerprint import canonical_bytes

    digest = hashlib.sha256(canonical_bytes(report))
    digest.update(b"\0" + (getattr(report, "fingerprint", "") or "").encode())
    return digest.hexdigest()


def cached_pdf(key: str) -> bytes | None:
    with _cache_lock:
        pdf = _cache.get(key)
        if pdf is not None:
            _cache.move_to_end(key)
        return pdf


def _store(key: str, pdf: bytes) -> None:
    with _cache_lock:
        _cache[key] = pdf
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def layout_pdf(report) -> bytes:
    """Core's export into memory (no cache)."""
    from core.pdf import export_pdf

    buffer = io.BytesIO()
    with _export_lock:
        export_pdf(report, buffer)
    return buffer.getvalue()


def first_page_pdf(report) -> bytes:
    """Only the first page (numbered ``1/…``), laid out in a fraction of the whole: shown first."""
    from core.pdf.document import write_pdf

    buffer = io.BytesIO()
    with _export_lock:
        write_pdf(report, buffer, first_page_only=True)
    return buffer.getvalue()


def pdf_bytes(report) -> bytes:
    """The report's PDF, from the cache when its content has not changed since the last layout."""
    key = report_key(report)
    pdf = cached_pdf(key)
    if pdf is None:
        pdf = layout_pdf(report)
        _store(key, pdf)
    return pdf


#: Layouts still running: kept alive here even when their preview was closed (the result
#: still fills the cache), and waited for before the application quits.
_running: dict = {}


def wait_for_layouts() -> None:
    for worker in list(_running.values()):
        worker.wait()


class _Worker(QThread):
    #: The first page alone, before the whole layout: the preview shows it meanwhile.
    firstPage = Signal(bytes)

    def __init__(self, report, key: str):
        super().__init__()
        self.report = report
        self.key = key
        self.pdf: bytes | None = None
        self.first_page: bytes | None = None
        self.error = ""

    def run(self) -> None:
        try:
            self.first_page = first_page_pdf(self.report)
            self.firstPage.emit(self.first_page)
            self.pdf = layout_pdf(self.report)
            _store(self.key, self.pdf)
        except TailanError as exc:
            self.error = exc.message
        except Exception as exc:  # a layout bug must reach the user as a message, not kill the thread silently
            self.error = str(exc) or type(exc).__name__


class PdfJob(QObject):
    """The PDF of a report, laid out in a worker thread; ``finished(bytes)`` or ``failed(message)``.

    ``start()`` emits at once (synchronously) when the cache holds the bytes already.
    """

    finished = Signal(bytes)
    failed = Signal(str)
    #: The first page alone (``1/…``) while the rest is laid out; not emitted from the cache.
    firstPage = Signal(bytes)

    def __init__(self, report, parent: QObject | None = None):
        super().__init__(parent)
        self.key = report_key(report)
        self.report = report
        self.pdf: bytes | None = None
        self._worker: _Worker | None = None

    def start(self) -> None:
        pdf = cached_pdf(self.key)
        if pdf is not None:
            self.pdf = pdf
            self.finished.emit(pdf)
            return
        for key in [k for k, w in _running.items() if w.isFinished()]:  # finished after their preview closed
            del _running[key]
        worker = _running.get(self.key)
        if worker is not None:  # the same content is being laid out already (preview closed and reopened)
            self._worker = worker
            worker.finished.connect(self._done)
            worker.firstPage.connect(self.firstPage)
            if worker.first_page is not None and not worker.isFinished():
                QTimer.singleShot(0, lambda: self.firstPage.emit(worker.first_page))
            if worker.isFinished():  # it finished between the two lines above
                QTimer.singleShot(0, self._done)
            return
        # The worker gets a copy: the user may go on editing while it lays out.
        worker = _Worker(copy.deepcopy(self.report), self.key)
        _running[self.key] = worker
        worker.finished.connect(self._done)
        worker.firstPage.connect(self.firstPage)
        self._worker = worker
        app = QCoreApplication.instance()
        if app is not None and not app.property("tailanWaitsForLayouts"):
            app.setProperty("tailanWaitsForLayouts", True)
            app.aboutToQuit.connect(wait_for_layouts)
        worker.start()

    def running(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    def wait(self, ms: int = -1) -> bool:
        """Blocks until the layout is done (tests, closing); True when it is."""
        if self._worker is None:
            return True
        return self._worker.wait() if ms < 0 else self._worker.wait(ms)

    def _done(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        if worker.isFinished() and _running.get(self.key) is worker:
            del _running[self.key]
        if worker.pdf is not None:
            self.pdf = worker.pdf
            self.finished.emit(worker.pdf)
        else:
            self.failed.emit(worker.error)


# --------------------------------------------------------------------- pages
def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document.get_page_size(i) for i in range(len(document))]
    finally:
        document.close()


def page_count(pdf: bytes) -> int:
    return len(page_sizes(pdf))


def _to_qimage(bitmap) -> QImage:
    fmt = QImage.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format_RGB888
    return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()


def render_pages(pdf: bytes, width_px: int | None = None, dpi: float | None = None, pages=None):
    """Yields each page as a QImage, either ``width_px`` wide or at ``dpi``."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        numbers = range(len(document)) if pages is None else pages
        for number in numbers:
            page = document[number]
            try:
                scale = (width_px / page.get_width()) if width_px else (dpi / 72.0)
                bitmap = page.render(scale=scale, rev_byteorder=True)
                try:
                    image = _to_qimage(bitmap)
                finally:
                    bitmap.close()
            finally:
                page.close()
            yield image
    finally:
        document.close()


# ------------------------------------------------------------------ printing
def prepare_printer(printer: QPrinter) -> None:
    """A4 landscape, painted from the paper's corner: whatever the printer's defaults or the dialog said."""
    printer.setFullPage(True)
    layout = QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Millimeter)
    if not printer.setPageLayout(layout):
        # A real printer may refuse zero margins; full-page painting ignores them anyway.
        printer.setPageSize(QPageSize(QPageSize.A4))
        printer.setPageOrientation(QPageLayout.Landscape)


def print_dpi(printer: QPrinter) -> int:
    return max(MIN_PRINT_DPI, min(printer.resolution(), MAX_PRINT_DPI))


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Prints ``pdf`` on ``printer`` at 1:1 (A4 landscape); returns the page count.

    A printer that writes a PDF file (the print dialog's "Print to file (PDF)") gets the
    pages themselves, as vectors: the file is the exported PDF's size (70 KB for the
    sample), not 14 MB of pictures of pages. Any other printer gets the pages painted."""
    prepare_printer(printer)
    if printer.outputFormat() == QPrinter.PdfFormat and printer.outputFileName():
        return write_pdf_pages(pdf, printer)
    return paint_pdf(pdf, printer)


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The page numbers (from 0) the print dialog's "Pages from ... to ..." keeps."""
    numbers = list(range(count))
    if printer.fromPage() > 0:
        last = printer.toPage() if printer.toPage() > 0 else count
        numbers = [n for n in numbers if printer.fromPage() - 1 <= n <= last - 1]
    return numbers


def write_pdf_pages(pdf: bytes, printer: QPrinter) -> int:
    """The chosen pages of ``pdf`` written whole (vectors, text that can be searched) to the
    printer's output file, atomically; returns the page count."""
    import pypdfium2

    from core.storage.atomic import write_bytes_atomically

    document = pypdfium2.PdfDocument(pdf)
    try:
        numbers = chosen_pages(printer, len(document))
        data = pdf
        if numbers != list(range(len(document))):
            chosen = pypdfium2.PdfDocument.new()
            try:
                chosen.import_pages(document, numbers)
                buffer = io.BytesIO()
                chosen.save(buffer)
                data = buffer.getvalue()
            finally:
                chosen.close()
    finally:
        document.close()
    try:
        write_bytes_atomically(printer.outputFileName(), data)
    except OSError as exc:
        raise TailanError(f"PDF файлыг бичиж чадсангүй ({exc.strerror or exc}).") from None
    return len(numbers)


def paint_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paints every chosen page of ``pdf`` on ``printer`` at 1:1 (A4 landscape), rendered by
    PDFium; returns the page count."""
    import pypdfium2

    prepare_printer(printer)
    device_dpi = printer.resolution()
    dpi = print_dpi(printer)
    document = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise TailanError("Хэвлэгч рүү хэвлэж чадсангүй. Хэвлэгчээ шалгана уу.")
        try:
            numbers = chosen_pages(printer, len(document))
            for count, number in enumerate(numbers):
                if count and not printer.newPage():
                    raise TailanError("Хэвлэгч шинэ хуудас авсангүй. Хэвлэгчээ шалгаад дахин хэвлэнэ үү.")
                page = document[number]
                try:
                    _paint_page(painter, page, dpi, device_dpi)
                finally:
                    page.close()
            return len(numbers)
        finally:
            painter.end()
    finally:
        document.close()


def _paint_page(painter: QPainter, page, dpi: int, device_dpi: int) -> None:
    """One page, rendered at ``dpi`` strip by strip and placed at its true size in device pixels."""
    height_pt = page.get_height()
    scale = dpi / 72.0
    full_h = round(height_pt * scale)
    to_device = device_dpi / dpi
    top = 0
    while top < full_h:
        bottom = min(full_h, top + STRIP_PX)
        # crop = (left, bottom, right, top) in points, taken off the page's edges
        crop = (0, (full_h - bottom) / scale, 0, top / scale)
        bitmap = page.render(scale=scale, crop=crop, rev_byteorder=True)
        try:
            image = _to_qimage(bitmap)
        finally:
            bitmap.close()
        if image.height() == 0:
            break
        target = QRectF(0, top * to_device, image.width() * to_device, image.height() * to_device)
        painter.drawImage(target, image)
        top += image.height()
