"""The daily loop: select a measure, type, score; every change is on disk and undoable."""

from __future__ import annotations

import pytest
from gui_helpers import measure_by_number, read_back, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QTreeView

from core.report.model import Score
from gui.forms.fields import COMMIT_DELAY_MS


def select_measure(window, number):
    measure = window.doc.report.find_measure(number)[0]
    window.select_item(measure.id)
    return measure


def test_contract_object_names(window):
    assert isinstance(window.findChild(QTreeView, "planTree"), QTreeView)
    assert isinstance(window.findChild(QComboBox, "scoreInput"), QComboBox)
    assert isinstance(window.findChild(QPlainTextEdit, "achievedInput"), QPlainTextEdit)
    total = window.findChild(QLabel, "totalLabel")
    assert "80,9" in total.text()
    combo = window.findChild(QComboBox, "scoreInput")
    assert [combo.itemData(i) for i in range(combo.count())] == [100, 70, 30, 0, "not-due", None]


def test_selecting_a_measure_fills_the_form(window):
    measure = select_measure(window, "2.2")
    achieved = window.findChild(QPlainTextEdit, "achievedInput")
    assert achieved.toPlainText() == measure.achieved
    assert achieved.isVisible()
    combo = window.findChild(QComboBox, "scoreInput")
    assert combo.currentData() == 100
    select_measure(window, "6.1")
    assert combo.currentData() is None


def test_score_commits_at_once_and_the_total_follows(window, sample_path):
    select_measure(window, "6.1")
    combo = window.findChild(QComboBox, "scoreInput")
    total = window.findChild(QLabel, "totalLabel")
    combo.setCurrentIndex(combo.findData(100))
    assert measure_by_number(read_back(sample_path), "6.1").score is Score.FULL
    select_measure(window, "6.2")
    combo.setCurrentIndex(combo.findData(100))
    select_measure(window, "6.3")
    combo.setCurrentIndex(combo.findData(70))
    assert "82,8" in total.text()
    assert window.findChild(QLabel, "unscoredLabel").text().endswith("0")
    assert window.save_label.text() == window.tr("Saved")
    window.actions_.do_undo()
    assert "82,8" not in total.text()
    assert measure_by_number(read_back(sample_path), "6.3").score is None
    assert combo.currentData() is None
    window.actions_.do_redo()
    assert "82,8" in total.text()
    assert measure_by_number(read_back(sample_path), "6.3").score is Score.IN_PROGRESS


def test_typing_is_saved_after_a_pause_and_undone_as_one_step(window, sample_path, qtbot):
    measure = select_measure(window, "1.2")
    before = measure.achieved
    achieved = window.findChild(QPlainTextEdit, "achievedInput")
    achieved.setFocus()
    achieved.moveCursor(achieved.textCursor().MoveOperation.End)
    type_text(achieved, " Нэмэлт Өө Үү")
    assert window.doc.save_state == "pending"
    qtbot.waitUntil(lambda: window.doc.save_state == "saved", timeout=COMMIT_DELAY_MS * 5)
    assert measure_by_number(read_back(sample_path), "1.2").achieved == before + " Нэмэлт Өө Үү"
    type_text(achieved, " бас")
    qtbot.waitUntil(lambda: window.doc.save_state == "saved", timeout=COMMIT_DELAY_MS * 5)
    assert measure_by_number(read_back(sample_path), "1.2").achieved.endswith("Үү бас")
    # both pauses merged into one undo step
    window.actions_.do_undo()
    assert measure_by_number(read_back(sample_path), "1.2").achieved == before
    assert achieved.toPlainText() == before
    window.actions_.do_redo()
    assert measure_by_number(read_back(sample_path), "1.2").achieved == before + " Нэмэлт Өө Үү бас"


def test_ctrl_z_in_a_field_commits_the_typing_then_undoes_it(window, sample_path, qtbot):
    measure = select_measure(window, "1.1")
    before = measure.indicator
    field = window.forms["measure"].indicator
    field.setFocus()
    qtbot.keyClicks(field, "X")
    qtbot.keyClick(field, Qt.Key_Z, Qt.ControlModifier)
    assert measure_by_number(read_back(sample_path), "1.1").indicator == before
    assert field.toPlainText() == before
    qtbot.keyClick(field, Qt.Key_Y, Qt.ControlModifier)
    assert measure_by_number(read_back(sample_path), "1.1").indicator == "X" + before


def test_focus_out_commits_without_waiting(window, sample_path, qtbot):
    select_measure(window, "1.1")
    form = window.forms["measure"]
    form.number.setFocus()
    form.number.selectAll()
    type_text(form.number, "1.1.а")
    form.baseline_year.setFocus()
    assert measure_by_number(read_back(sample_path), "1.1.а").number == "1.1.а"


def test_switching_items_commits_the_typing_first(window, sample_path, qtbot):
    select_measure(window, "3.1")
    form = window.forms["measure"]
    form.target_level.setFocus()
    qtbot.keyClicks(form.target_level, "!")
    select_measure(window, "3.2")
    assert measure_by_number(read_back(sample_path), "3.1").target_level.startswith("!")


def test_report_header_and_goal_forms_persist(window, sample_path, qtbot):
    window.select_item(window.doc.report.id)
    form = window.forms["report"]
    assert window.stack.currentWidget() is form
    form.aimag.setFocus()
    form.aimag.selectAll()
    type_text(form.aimag, "Архангай")
    form.year.setFocus()
    form.year.selectAll()
    qtbot.keyClicks(form.year, "2024")
    form.organization.setFocus()
    form.period.setCurrentIndex(1)
    report = read_back(sample_path)
    assert (report.aimag, report.year, report.period.value) == ("Архангай", 2024, "half-year")
    goal = window.doc.report.goals[0]
    window.select_item(goal.id)
    goal_form = window.forms["goal"]
    assert goal_form.mean.text() == "90,0"
    goal_form.text.setFocus()
    type_text(goal_form.text, "Ү")
    window.flush()
    assert read_back(sample_path).goals[0].text.startswith("Ү")


def test_a_bad_year_is_refused_with_the_core_message_and_kept_in_the_field(window, sample_path, qtbot, prompter):
    window.select_item(window.doc.report.id)
    form = window.forms["report"]
    form.year.setFocus()
    form.year.selectAll()
    qtbot.keyClicks(form.year, "20x3")
    form.organization.setFocus()
    assert prompter.kinds() == ["error"]
    assert "он буруу" in prompter.calls[0][2]
    assert form.year.text() == "20x3"
    assert window.doc.save_state == "failed"
    assert window.save_label.text() == window.tr("NOT saved")
    assert read_back(sample_path).year == 2023


def test_signatories_add_edit_move_remove_and_undo(window, sample_path):
    doc = window.doc
    window.select_item(doc.report.id)
    form = window.forms["report"]
    model = form.signatory_model
    assert model.rowCount() == 2
    form.signatories.selectRow(1)
    form._add()
    assert model.rowCount() == 3
    assert model.setData(model.index(2, 2), "Д.ДОРЖ")
    assert [s.name for s in read_back(sample_path).signatories] == ["Б.ИЧИННОРОВ.", "Б.СУГАР.", "Д.ДОРЖ"]
    form.signatories.selectRow(2)
    form._move(-1)
    assert [s.name for s in read_back(sample_path).signatories] == ["Б.ИЧИННОРОВ.", "Д.ДОРЖ", "Б.СУГАР."]
    form.signatories.selectRow(0)
    form._remove()
    assert [s.name for s in read_back(sample_path).signatories] == ["Д.ДОРЖ", "Б.СУГАР."]
    for _ in range(4):
        window.actions_.do_undo()
    assert [s.name for s in read_back(sample_path).signatories] == ["Б.ИЧИННОРОВ.", "Б.СУГАР."]
    assert model.rowCount() == 2


def test_a_failed_write_keeps_the_text_and_says_not_saved(window, sample_path, qtbot, prompter):
    from core.errors import WriteError

    select_measure(window, "1.3")
    form = window.forms["measure"]

    def fail(*args, **kwargs):
        raise WriteError("Диск дүүрсэн тул хадгалж чадсангүй.")

    real = window.doc.rf.set_field
    window.doc.rf.set_field = fail
    form.achieved.setFocus()
    type_text(form.achieved, "Ш")
    window.flush()
    assert prompter.calls[-1][2] == "Диск дүүрсэн тул хадгалж чадсангүй."
    assert form.achieved.toPlainText().startswith("Ш")
    assert window.doc.save_state == "failed"
    assert not window.doc.undo_stack.canUndo()
    window.doc.rf.set_field = real
    assert window.flush()
    assert measure_by_number(read_back(sample_path), "1.3").achieved.startswith("Ш")
    assert window.doc.save_state == "saved"


@pytest.mark.slow  # types for seconds on the wall clock
def test_typing_without_a_pause_is_still_saved_within_a_second(window, sample_path, qtbot):
    """A user who never pauses must not lose more than about a second on a crash."""
    import time

    from gui.forms.fields import MAX_WAIT_MS

    before = select_measure(window, "1.3").achieved
    achieved = window.findChild(QPlainTextEdit, "achievedInput")
    achieved.setFocus()
    achieved.moveCursor(achieved.textCursor().MoveOperation.End)
    typed = ""
    start = time.monotonic()
    saved_while_typing = None
    while time.monotonic() - start < 2.5:  # a keystroke every 100 ms: never a 600 ms pause
        type_text(achieved, "ө")
        typed += "ө"
        qtbot.wait(100)
        on_disk = measure_by_number(read_back(sample_path), "1.3").achieved
        if saved_while_typing is None and on_disk != before:
            saved_while_typing = time.monotonic() - start
    assert saved_while_typing is not None and saved_while_typing < (MAX_WAIT_MS + 400) / 1000
    on_disk = measure_by_number(read_back(sample_path), "1.3").achieved
    assert on_disk.startswith(before) and len(typed) - (len(on_disk) - len(before)) <= 12
