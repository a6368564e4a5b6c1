"""Ctrl+Z undoes the last edit wherever the focus is (issue 23, item 4).

The keys are pressed as a person presses them: on the widget that has the focus
(``QApplication.focusWidget()``), through Qt's shortcut handling, never by calling the
undo action. Every check reads the file back: the edit is taken back on disk.
"""

from __future__ import annotations

from gui_helpers import measure_by_number, read_back
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from core.report.model import Score


def press_ctrl_z(qtbot) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, Qt.Key_Z, Qt.ControlModifier)


def focus(qtbot, window, name: str) -> QWidget:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    widget.setFocus(Qt.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget()),
                    timeout=2000)
    return widget


def score_with_the_tree_key(qtbot, window, number: str, key=Qt.Key_1) -> str:
    measure = measure_by_number(window.doc.report, number)
    window.select_item(measure.id)
    window.tree.setFocus(Qt.MouseFocusReason)
    QTest.keyClick(window.tree, key)
    return measure.id


def score_on_disk(path, number: str):
    return measure_by_number(read_back(path), number).score


def test_ctrl_z_in_the_find_box_undoes_the_last_edit_not_the_typing(window, qtbot, sample_path):
    score_with_the_tree_key(qtbot, window, "6.1")
    assert score_on_disk(sample_path, "6.1") is Score.FULL
    find = focus(qtbot, window, "findInput")
    QTest.keyClicks(find, "abc")
    press_ctrl_z(qtbot)
    assert score_on_disk(sample_path, "6.1") is None


def test_ctrl_z_undoes_from_every_place_the_focus_can_be(window, qtbot, sample_path):
    measure = measure_by_number(window.doc.report, "6.2")
    window.select_item(measure.id)
    qtbot.waitUntil(lambda: window.forms["measure"].isVisible())
    for name in ("findInput", "planTree", "numberInput", "scoreInput", "textInput", "achievedInput",
                 "indicatorInput", "problemsList"):
        assert window.doc.set_field("measure", measure.id, "score", Score.IN_PROGRESS)
        assert score_on_disk(sample_path, "6.2") is Score.IN_PROGRESS
        focus(qtbot, window, name)
        press_ctrl_z(qtbot)
        assert score_on_disk(sample_path, "6.2") is None, f"Ctrl+Z did nothing with the focus in {name}"


def test_ctrl_z_after_finalize_and_reopen_undoes_the_next_edit(qtbot, sample_path, prompter):
    from test_finalize import score_all

    from gui.app import create_main_window

    score_all(sample_path)
    win = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    prompter.answers["confirm"] = [True, True]
    win.findChild(type(win.actions_.undo), "finalizeAction").trigger()
    win.findChild(type(win.actions_.undo), "reopenAction").trigger()
    assert not win.doc.finalized and win.doc.report.revision == 2
    assert QApplication.focusWidget() is win.tree  # the focus is where the user was, not in the find box
    score_with_the_tree_key(qtbot, win, "6.3", Qt.Key_3)
    assert score_on_disk(sample_path, "6.3") is Score.INSUFFICIENT
    focus(qtbot, win, "findInput")  # wherever the focus went since
    press_ctrl_z(qtbot)
    assert score_on_disk(sample_path, "6.3") is Score.IN_PROGRESS
    win.doc.close()


def test_ctrl_z_after_a_restart_with_the_focus_in_the_find_box(qtbot, sample_path, prompter):
    from gui.app import create_main_window

    first = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(first)
    first.show()
    first.close()
    again = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is again, timeout=2000)
    measure = measure_by_number(again.doc.report, "6.1")
    focus(qtbot, again, "findInput")
    assert again.doc.set_field("measure", measure.id, "score", Score.NOT_DUE)  # e.g. a menu or a click
    assert QApplication.focusWidget() is again.find_input
    press_ctrl_z(qtbot)
    assert score_on_disk(sample_path, "6.1") is None
    again.doc.close()
