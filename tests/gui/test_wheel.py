"""Input that cannot slip (issue 11 item 2): the mouse wheel never changes a value, it scrolls the form.

Real wheel events are sent to the real score and period boxes; the file is read back
from disk with a fresh connection.
"""

from __future__ import annotations

from gui_helpers import measure_by_number, read_back
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox


def wheel(widget, steps: int) -> None:
    """``steps`` notches of a mouse wheel over the middle of ``widget`` (negative: towards the user)."""
    center = QPointF(widget.width() / 2, widget.height() / 2)
    for _ in range(abs(steps)):
        event = QWheelEvent(center, widget.mapToGlobal(center), QPoint(0, 0), QPoint(0, 120 if steps > 0 else -120),
                            Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)


def small_window(window, qtbot):
    """A window too low for the measure form, so that the form has to scroll."""
    window.resize(760, 420)
    qtbot.waitUntil(lambda: window.height() <= 430, timeout=2000)


def test_the_wheel_over_an_unfocused_score_scrolls_the_form_and_changes_nothing(window, sample_path, qtbot):
    small_window(window, qtbot)
    measure = measure_by_number(window.doc.report, "6.1")
    window.select_item(measure.id)
    form = window.forms["measure"]
    combo = window.findChild(QComboBox, "scoreInput")
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus, timeout=2000)
    bar = form.verticalScrollBar()
    assert bar.maximum() > 0, "the form must be taller than the window for this test"
    bar.setValue(0)
    before = combo.currentIndex()
    undo_index = window.doc.undo_stack.index()

    wheel(combo, -3)  # scrolling down over the score box
    wheel(combo, +1)

    assert bar.value() > 0  # the form scrolled
    assert combo.currentIndex() == before
    assert not combo.hasFocus()  # the wheel does not take the focus either
    assert window.doc.undo_stack.index() == undo_index
    assert measure_by_number(read_back(sample_path), "6.1").score is None  # nothing on disk


def test_the_wheel_does_not_change_a_focused_score_either_but_a_click_and_undo_do(window, sample_path, qtbot):
    from core.report.model import Score

    measure = measure_by_number(window.doc.report, "1.1")
    window.select_item(measure.id)
    combo = window.findChild(QComboBox, "scoreInput")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    before = combo.currentIndex()
    wheel(combo, -2)
    wheel(combo, +4)
    assert combo.currentIndex() == before
    assert measure_by_number(read_back(sample_path), "1.1").score == measure.score
    # the keyboard still scores, through an undoable command
    target = combo.findData(0)
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key_Down if combo.currentIndex() < target else Qt.Key_Up)
    assert measure_by_number(read_back(sample_path), "1.1").score is Score.NOT_IMPLEMENTED
    while window.doc.undo_stack.canUndo():
        window.actions_.do_undo()
    assert measure_by_number(read_back(sample_path), "1.1").score == measure.score


def test_the_wheel_over_the_report_period_changes_nothing(window, sample_path, qtbot):
    small_window(window, qtbot)
    window.select_item(window.doc.report.id)
    form = window.forms["report"]
    period = form.period
    before = period.currentIndex()
    bar = form.verticalScrollBar()
    bar.setValue(0)
    wheel(period, -2)
    wheel(period, +2)
    wheel(period, -3)
    assert period.currentIndex() == before
    assert read_back(sample_path).period == window.doc.report.period
    assert bar.maximum() == 0 or bar.value() > 0


def test_every_value_control_of_every_form_is_guarded(window):
    from PySide6.QtWidgets import QAbstractSpinBox

    from gui.forms.fields import WheelGuard

    controls = []
    for form in window.forms.values():
        controls += form.findChildren(QComboBox) + form.findChildren(QAbstractSpinBox)
    assert len(controls) >= 2  # the score and the period at least
    guard = QApplication.instance().findChild(WheelGuard)
    assert guard is not None
    for control in controls:
        assert control.focusPolicy() == Qt.StrongFocus, control.objectName()
