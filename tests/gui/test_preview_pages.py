"""The preview's pages alone (``gui.preview_pages.PageView``), on the sample's real printout.

No dialog: the view is given the PDF core writes, and is zoomed, paged and scrolled as
the dialog's buttons do it; only the pages in view are rendered.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from gui.preview_pages import ZOOM_STEPS, PageView
from gui.printing import page_count, pdf_bytes


def test_the_pages_alone_zoom_page_and_render_only_what_is_in_view(qtbot, sample_report):
    pdf = pdf_bytes(sample_report)
    view = PageView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    pages, zooms = [], []
    view.pageChanged.connect(lambda page, count: pages.append((page, count)))
    view.zoomChanged.connect(zooms.append)

    view.show_first_page(pdf)
    assert not view.status.pixmap().isNull() and view.page_labels == []
    assert view.show_pages(pdf) == page_count(pdf) == len(view.page_labels) == 4
    assert not view.status.isVisible()
    fitted = view.current_zoom()
    assert view.zoom is None and zooms[-1] == round(fitted * 100)
    rendered = [n for n, label in enumerate(view.page_labels) if not label.pixmap().isNull()]
    assert rendered and rendered[0] == 0 and len(rendered) < 4  # the pages in view, not all of them

    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)  # the layout has run
    view.go_to_page(3)
    assert view.current_page() == 3 and pages[-1] == (3, 4)
    assert not view.page_labels[3].pixmap().isNull()
    view.go_to_page(99)  # past the end: the last page
    assert view.current_page() == 3

    view.zoom_by(+1)
    assert view.zoom == min(z for z in ZOOM_STEPS if z > fitted + 0.01)
    assert view.page_labels[0].width() > round(view._actual_width(view.sizes[0][0]) * fitted)
    view.fit_width()
    assert view.zoom is None and view.current_zoom() == fitted
    # Ctrl+wheel over the pages zooms out instead of scrolling
    wheel = QWheelEvent(QPointF(50, 50), QPointF(view.mapToGlobal(QPoint(50, 50))), QPoint(0, 0), QPoint(0, -120),
                        Qt.NoButton, Qt.ControlModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == max(z for z in ZOOM_STEPS if z < fitted - 0.01)

