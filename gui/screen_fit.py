"""Windows that fit the screen they open on: 1366x768 office laptops at 100, 125 and 150 %.

A window is sized to what it would like, but never more than the screen's available
area (taskbar excluded) minus room for the window frame, and is moved inside that
area. Geometry restored from the settings (possibly saved on a bigger monitor) is
clamped the same way once the window is shown and its real frame is known.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QTimer
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
    if _frame_known(widget):
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
    """Shrinks and moves ``widget`` so that its whole frame lies in the available area.

    Before the window manager has framed the window its frame is not known yet: the
    title bar is then assumed above the client area (``FRAME_ALLOWANCE_H``), so a restored
    geometry whose client top is at the screen's top edge is moved down, not left with its
    title bar above the screen where nobody can grab it."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    area = available_area(widget, anchor)
    left, top, right, bottom = _frame_margins(widget)
    inner = widget.geometry()
    w = min(inner.width(), area.width() - left - right)
    h = min(inner.height(), area.height() - top - bottom)
    x = min(max(inner.x(), area.x() + left), area.x() + area.width() - right - w)
    y = min(max(inner.y(), area.y() + top), area.y() + area.height() - bottom - h)
    if (x, y, w, h) == (inner.x(), inner.y(), inner.width(), inner.height()):
        return
    if _frame_known(widget):
        if (w, h) != (inner.width(), inner.height()):
            widget.resize(w, h)
        widget.move(x - left, y - top)  # move() places the frame's top-left corner
    else:
        widget.setGeometry(x, y, w, h)  # the client area; the frame is drawn around it


def keep_on_screen_once_framed(widget: QWidget, anchor: QWidget | None = None, delay_ms: int = 300) -> None:
    """``keep_on_screen`` now, and again once the window manager has put its frame around the
    window (its real title bar height is known only then)."""
    keep_on_screen(widget, anchor)
    QTimer.singleShot(delay_ms, widget, lambda: keep_on_screen(widget, anchor))


def _frame_known(widget: QWidget) -> bool:
    return widget.isVisible() and widget.frameGeometry() != widget.geometry()


def frame_inside(widget: QWidget) -> bool:
    """True when the window's whole frame lies in its screen's available area."""
    return available_area(widget).contains(widget.frameGeometry())

