"""The pages of the print preview: a scrolling column of PDF pages, zoomed, rendered as they come into view.

Pages are rendered by PDFium only when they scroll into view: a 1,000-measure report
has about 160 pages, which rendered at once would cost seconds and hundreds of MB.
Until the whole printout is laid out, the first page alone stands where the pages
will be (``show_first_page``); ``show_pages`` then lays out one label per page at the
zoom chosen (fitted to the width by default), and the view tells the dialog where
the reader is (``pageChanged``) and at what zoom (``zoomChanged``). Ctrl+wheel zooms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from gui.printing import page_sizes, render_pages

# Zoom steps, as a share of the page's real size on this screen.
ZOOM_STEPS = (0.35, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PAGE_GAP = 12


class _CtrlWheelZoom(QObject):
    """Ctrl+wheel over the pages zooms instead of scrolling."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Wheel and event.modifiers() & Qt.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.view.zoom_by(+1 if delta > 0 else -1)
            return True
        return False


class PageView(QScrollArea):
    # The page at the top of the view (0-based) and how many pages there are.
    pageChanged = Signal(int, int)
    # The zoom now, in percent of the page's real size.
    zoomChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewScroll")
        self.shown_pdf: bytes | None = None  # what the pages show: the first page alone, until all are laid out
        self.sizes: list[tuple[float, float]] = []
        self.page_labels: list[QLabel] = []
        self.page_tops: list[int] = []
        self.zoom: float | None = None  # None: fit the page's width to the view
        self.pages = QWidget()
        self.pages.setObjectName("previewPages")
        self.pages.setStyleSheet("#previewPages { background: #808080; }")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.pages_layout.setSpacing(PAGE_GAP)
        # the words of the dialog the pages are shown in: its translation context
        self.status = QLabel(QCoreApplication.translate("PreviewDialog", "Laying out the pages…"))
        self.status.setObjectName("previewStatus")
        self.status.setStyleSheet("QLabel { color: white; padding: 24px; }")
        self.pages_layout.addWidget(self.status)
        self.setWidget(self.pages)
        self.setWidgetResizable(True)
        self.verticalScrollBar().valueChanged.connect(lambda *_: self._scrolled())
        self.viewport().installEventFilter(_CtrlWheelZoom(self))

    # ----------------------------------------------------------- the pages
    def show_first_page(self, pdf: bytes) -> None:
        """The first page (numbered ``1/…``) in the place of the "laying out" line, fitted to the width."""
        self.shown_pdf = pdf
        ratio = self.devicePixelRatioF()
        width = max(200, self.viewport().width() - 2 * PAGE_GAP)
        (image,) = render_pages(pdf, width_px=round(width * ratio), pages=[0])
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.status.setStyleSheet("")
        self.status.setPixmap(pixmap)

    def show_pages(self, pdf: bytes) -> int:
        """The whole printout, one label per page (rendered as they come into view); returns the page count."""
        self.shown_pdf = pdf
        self.sizes = page_sizes(pdf)
        self.status.hide()
        for _ in self.sizes:
            label = QLabel()
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.apply_zoom()
        return len(self.sizes)

    def show_failure(self, message: str) -> None:
        self.status.setText(QCoreApplication.translate("PreviewDialog", "The printout could not be laid out.")
                            + "\n" + message)

    # ----------------------------------------------------------------- zoom
    def _actual_width(self, width_pt: float) -> float:
        """A page's width in pixels at 100 %: its real size on this screen."""
        return width_pt / 72.0 * self.logicalDpiX()

    def _fit_zoom(self) -> float:
        if not self.sizes:
            return 1.0
        # From the scroll area's own width, so that fitting does not depend on whether a scroll bar shows now.
        bar = self.style().pixelMetric(QStyle.PM_ScrollBarExtent)
        available = self.width() - 2 * self.frameWidth() - bar - 2 * PAGE_GAP
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
        self.apply_zoom()

    def fit_width(self) -> None:
        self.zoom = None
        self.apply_zoom()

    def apply_zoom(self) -> None:
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
        self.zoomChanged.emit(round(zoom * 100))
        self.pages_layout.activate()
        self.pages.adjustSize()
        self.go_to_page(page)
        self.render_visible()

    def follow_width(self) -> None:
        """After the dialog was resized: pages fitted to the width are fitted again (a chosen zoom stays)."""
        if self.zoom is None and self.sizes:
            self.apply_zoom()

    # ----------------------------------------------------------- navigation
    def current_page(self) -> int:
        """The page at the top of the view (0-based)."""
        if not self.page_tops:
            return 0
        top = self.verticalScrollBar().value() + self.viewport().height() // 3
        for number, label in enumerate(self.page_labels):
            if self.page_tops[number] + label.height() + PAGE_GAP > top:
                return number
        return len(self.page_labels) - 1

    def go_to_page(self, number: int) -> None:
        if not self.page_tops:
            return
        number = max(0, min(len(self.page_labels) - 1, number))
        bar = self.verticalScrollBar()
        if bar.maximum() < self.page_tops[number]:  # the scroll range follows the layout later
            bar.setRange(0, self.pages.sizeHint().height() - self.viewport().height())
        bar.setValue(max(0, self.page_tops[number] - PAGE_GAP // 2))
        self._scrolled()

    def _scrolled(self) -> None:
        if not self.page_tops:
            return
        self.pageChanged.emit(self.current_page(), len(self.page_labels))
        self.render_visible()

    def render_visible(self) -> list[int]:
        """Renders the pages now in view (and the next one); returns their numbers."""
        if self.shown_pdf is None:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + max(self.viewport().height(), 400)
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
