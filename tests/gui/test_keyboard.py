"""Fast by keyboard (issue 11, item 6): real key events on the real window, results read from disk."""

from __future__ import annotations

import pytest
from gui_helpers import measure_by_number, read_back
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QTreeView

from core.report.model import Score


def tree_on(window, number):
    measure = measure_by_number(window.doc.report, number)
    window.select_item(measure.id)
    tree = window.findChild(QTreeView, "planTree")
    tree.setFocus()
    return tree, measure


def press_text(widget, key, text):
    """A key as a layout sends it: the key code and the typed character (Cyrillic included)."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, text, Qt.NoModifier)


@pytest.mark.parametrize("key,text,expected", [
    (Qt.Key_1, "1", Score.FULL),
    (Qt.Key_7, "7", Score.IN_PROGRESS),
    (Qt.Key_3, "3", Score.INSUFFICIENT),
    (Qt.Key_0, "0", Score.NOT_IMPLEMENTED),
    (Qt.Key_unknown, "н", Score.NOT_DUE),   # Cyrillic En on a Mongolian layout
    (Qt.Key_N, "n", Score.NOT_DUE),         # the same key on a US layout
])
def test_a_key_in_the_tree_scores_the_selected_measure(window, sample_path, key, text, expected):
    tree, measure = tree_on(window, "6.1")
    press_text(tree, key, text)
    assert measure_by_number(read_back(sample_path), "6.1").score is expected
    assert window.findChild(QComboBox, "scoreInput").currentData() == (
        "not-due" if expected is Score.NOT_DUE else int(expected.value))


def test_delete_clears_the_score_and_one_undo_brings_it_back(window, sample_path):
    tree, measure = tree_on(window, "1.1")
    before = measure.score
    assert before is not None
    goals = len(window.doc.report.goals)
    QTest.keyClick(tree, Qt.Key_Delete)
    on_disk = read_back(sample_path)
    assert measure_by_number(on_disk, "1.1").score is None
    assert len(on_disk.goals) == goals and len(on_disk.measures()) == len(window.doc.report.measures())
    QTest.keyClick(tree, Qt.Key_Backspace)  # already clear: nothing to do, nothing breaks
    window.actions_.undo.trigger()
    assert measure_by_number(read_back(sample_path), "1.1").score is before


def test_shift_delete_still_deletes_the_measure(window, sample_path):
    tree, _ = tree_on(window, "1.1")
    count = len(window.doc.report.measures())
    QTest.keyClick(tree, Qt.Key_Delete, Qt.ShiftModifier)
    assert len(read_back(sample_path).measures()) == count - 1


def test_score_keys_on_a_goal_change_nothing(window, sample_path):
    goal = window.doc.report.goals[0]
    window.select_item(goal.id)
    tree = window.findChild(QTreeView, "planTree")
    tree.setFocus()
    before = [m.score for m in read_back(sample_path).measures()]
    press_text(tree, Qt.Key_1, "1")
    assert [m.score for m in read_back(sample_path).measures()] == before


def test_ctrl_e_jumps_to_the_score_box(window, qtbot):
    tree, _ = tree_on(window, "2.2")
    QTest.keyClick(tree, Qt.Key_E, Qt.ControlModifier)
    score = window.findChild(QComboBox, "scoreInput")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is score, timeout=2000)


@pytest.mark.parametrize("action_name,form", [("addGoalAction", "goal"), ("addMeasureAction", "measure")])
def test_adding_an_item_puts_the_cursor_in_its_text(window, qtbot, sample_path, action_name, form):
    from gui_helpers import type_text

    tree, _ = tree_on(window, "2.2")
    window.findChild(type(window.actions_.add_goal), action_name).trigger()
    editor = window.forms[form].text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=2000)
    type_text(editor, "Шинэ")
    window.flush()
    item = window.doc.items[window.current_item_id()]
    assert item.text == "Шинэ"


def test_tab_walks_the_measure_form_top_to_bottom(window, qtbot):
    tree_on(window, "2.2")
    form = window.forms["measure"]
    # the score under the number, then the measure and what was achieved: in view on a small screen
    order = [form.number, form.score, form.text, form.achieved, form.indicator, form.baseline_year,
             form.baseline_level, form.target_level]
    form.number.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.number, timeout=2000)
    for expected in order[1:]:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert QApplication.focusWidget() is expected


@pytest.mark.parametrize("key,text", [(Qt.Key_F, "f"), (Qt.Key_unknown, "ф")])
def test_alt_with_the_english_or_mongolian_letter_opens_the_file_menu(window, qtbot, key, text):
    file_menu = window.menuBar().actions()[0].menu()
    target = window.findChild(QTreeView, "planTree")
    target.setFocus()
    for kind in (QKeyEvent.KeyPress, QKeyEvent.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key if key != Qt.Key_unknown else 0x0424, Qt.AltModifier, text))
    qtbot.waitUntil(file_menu.isVisible, timeout=2000)
    file_menu.close()


def test_f10_opens_the_first_menu_and_every_menu_title_has_a_mnemonic(window, qtbot):
    menus = [a for a in window.menuBar().actions() if a.menu() is not None]
    assert all("&" in a.text() for a in menus)
    QTest.keyClick(window.findChild(QTreeView, "planTree"), Qt.Key_F10)
    qtbot.waitUntil(menus[0].menu().isVisible, timeout=2000)
    assert isinstance(QApplication.activePopupWidget(), QMenu)
    menus[0].menu().close()
