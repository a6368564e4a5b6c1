"""Windows that fit the screen they open on: 1366x768 office laptops at 100, 125 and 150 %.

A window is sized to what it would like, but never more than the screen's available
area (taskbar excluded) minus room for the window frame, and is moved inside that
area. Geometry restored from the settings (possibly saved on a bigger monitor) is
clamped the same way once the window is shown and its real frame is known.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room kept for the frame before the window is shown and its real frame is known
#: (Windows 10/11: a ~31 px title bar, ~8 px invisible borders).
FRAME_ALLOWANCE_W = 16
FRAME_ALLOWANCE_H = 40


def available_area(widget: QWidget, anchor: QWidget | None = None) -> QRect:
    """The available geometry of the screen the window is (or will be) on."""
    screen = None
    for candidate in (anchor, widget):
        if candidate is not None and candidate.screen() is not None:
            screen = candidate.screen()
            break
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame_margins(widget: QWidget) -> tuple[int, int, int, int]:
    """Left, top, right, bottom frame sizes: the real ones once shown, an allowance before."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    if widget.isVisible() and frame != inner:
        return (inner.left() - frame.left(), inner.top() - frame.top(),
                frame.right() - inner.right(), frame.bottom() - inner.bottom())
    return (FRAME_ALLOWANCE_W // 2, FRAME_ALLOWANCE_H - FRAME_ALLOWANCE_W // 2,
            FRAME_ALLOWANCE_W // 2, FRAME_ALLOWANCE_W // 2)


def fit_window(widget: QWidget, width: int, height: int, anchor: QWidget | None = None) -> None:
    """Sizes ``widget`` to ``width`` x ``height`` or less, centered in the available area."""
    area = available_area(widget, anchor)
    left, top, right, bottom = _frame_margins(widget)
    w = min(width, area.width() - left - right)
    h = min(height, area.height() - top - bottom)
    widget.resize(max(w, widget.minimumWidth()), max(h, widget.minimumHeight()))
    x = area.x() + left + max(0, (area.width() - left - right - widget.width()) // 2)
    y = area.y() + top + max(0, (area.height() - top - bottom - widget.height()) // 2)
    widget.move(x - left, y - top)  # move() places the frame's top-left corner


def keep_on_screen(widget: QWidget, anchor: QWidget | None = None) -> None:
    """Shrinks and moves ``widget`` so that its whole frame lies in the available area."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    area = available_area(widget, anchor)
    left, top, right, bottom = _frame_margins(widget)
    w = min(widget.width(), area.width() - left - right)
    h = min(widget.height(), area.height() - top - bottom)
    if (w, h) != (widget.width(), widget.height()):
        widget.resize(w, h)
    frame = widget.frameGeometry()
    fw, fh = w + left + right, h + top + bottom
    x = min(max(frame.x(), area.x()), area.x() + area.width() - fw)
    y = min(max(frame.y(), area.y()), area.y() + area.height() - fh)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def frame_inside(widget: QWidget) -> bool:
    """True when the window's whole frame lies in its screen's available area."""
    return available_area(widget).contains(widget.frameGeometry())
