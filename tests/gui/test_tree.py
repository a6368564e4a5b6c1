"""The plan tree model: Qt's model tester, structure commands, drag and drop, renumber."""

from __future__ import annotations

from gui_helpers import read_back
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from core.report.model import Score
from core.storage import ReportFile
from gui import commands
from gui.document import Document
from gui.tree_model import UNSCORED_MARK, PlanTreeModel


def numbers(report):
    return [(g.number, [m.number for m in g.measures]) for g in report.goals]


def test_the_model_passes_qts_model_tester_through_edits_and_moves(window, qtmodeltester):
    model = window.model
    qtmodeltester.check(model, force_py=True)
    doc = window.doc
    before = numbers(doc.report)
    report_index = model.index(0, 0)
    assert model.rowCount(report_index) == 6
    goal = doc.report.goals[1]
    assert doc.push(commands.add_measure(doc, goal.id, 0))
    assert model.rowCount(model.index(1, 0, report_index)) == len(before[1][1]) + 1  # the new row arrived
    assert doc.push(commands.move_measure(doc, goal.measures[0].id, doc.report.goals[0].id, 1))
    assert model.rowCount(model.index(0, 0, report_index)) == len(before[0][1]) + 1
    assert doc.push(commands.move_goal(doc, goal.id, 4))
    assert model.data(model.index(4, 0, report_index)) == goal.number
    assert doc.push(commands.delete_item(doc, doc.report.goals[0].id))
    assert model.rowCount(report_index) == 5
    for _ in range(4):
        window.actions_.do_undo()
    assert numbers(doc.report) == before and model.rowCount(report_index) == 6
    assert [model.data(model.index(i, 0, report_index)) for i in range(6)] == [g for g, _ in before]
    qtmodeltester.check(model, force_py=True)


def test_rows_show_numbers_means_and_mark_unscored_measures(window):
    model: PlanTreeModel = window.model
    report_index = model.index(0, 0)
    assert model.rowCount(report_index) == 6
    assert model.data(model.index(0, 2)) == "80,9"
    goal_one = model.index(0, 0, report_index)
    assert model.data(goal_one) == "1"
    assert model.data(model.index(0, 2, report_index)) == "90,0"
    measure = model.index(0, 0, goal_one)
    assert model.data(measure) == "1.1."
    assert model.data(model.index(0, 2, goal_one)) == "70"
    goal_six = model.index(5, 0, report_index)
    unscored = model.index(0, 2, goal_six)
    assert model.data(unscored).startswith(UNSCORED_MARK)
    assert model.data(unscored, Qt.FontRole).bold()
    assert model.data(unscored, Qt.ForegroundRole).color() == QColor("#b3261e")  # the warning red
    assert model.data(model.index(0, 2, goal_one), Qt.ForegroundRole) is None
    assert model.data(model.index(5, 2, report_index)) == ""  # goal 6 has no scored measure


def test_a_score_repaints_the_measure_its_goal_and_the_total(window, qtbot):
    model = window.model
    doc = window.doc
    measure = doc.report.find_measure("6.1")[0]
    seen = []
    model.dataChanged.connect(lambda a, b: seen.append(model.item(a).id))
    doc.set_field("measure", measure.id, "score", Score.FULL)
    assert {measure.id, doc.goal_of[measure.id].id, doc.report.id} <= set(seen)
    assert model.data(model.index(5, 2, model.index(0, 0))) == "100,0"


def test_structure_commands_persist_and_undo(window, sample_path):
    doc = window.doc
    original = numbers(read_back(sample_path))
    window.select_item(doc.report.goals[2].measures[0].id)
    window.actions_.do_add_measure()
    assert numbers(read_back(sample_path))[2][1] == ["3.1.", "3.2.", "3.2."]  # as typed: renumber fixes
    assert window.forms["measure"].number.text() == "3.2."  # the new measure is selected
    window.select_item(doc.report.goals[2].id)
    window.actions_.do_add_goal()
    assert [g for g, _ in numbers(read_back(sample_path))] == ["1", "2", "3.", "4", "4.", "5.", "6."]
    window.actions_.do_undo()
    window.actions_.do_undo()
    assert numbers(read_back(sample_path)) == original
    window.actions_.do_redo()
    assert len(read_back(sample_path).measures()) == 15


def test_move_up_and_down_cross_goal_borders(window, sample_path):
    doc = window.doc
    first_of_two = doc.report.goals[1].measures[0]
    window.select_item(first_of_two.id)
    window.actions_.do_move(-1)  # past the top of goal 2: to the end of goal 1
    assert numbers(read_back(sample_path))[0][1] == ["1.1.", "1.2.", "1.3.", "2.1."]
    assert window.current_item_id() == first_of_two.id
    window.actions_.do_move(+1)  # back to the start of goal 2
    assert numbers(read_back(sample_path))[1][1] == ["2.1.", "2.2."]
    goal = doc.report.goals[0]
    window.select_item(goal.id)
    window.actions_.do_move(+1)
    assert [g for g, _ in numbers(read_back(sample_path))][:2] == ["2", "1"]


def test_deleting_a_goal_with_measures_asks_first_and_undo_restores_everything(window, sample_path, prompter):
    doc = window.doc
    goal = doc.report.goals[3]
    window.select_item(goal.id)
    window.actions_.do_delete()  # the recorder answers "no"
    assert prompter.kinds() == ["confirm"]
    assert len(read_back(sample_path).goals) == 6
    prompter.answers["confirm"] = [True]
    window.actions_.do_delete()
    assert [g.number for g in read_back(sample_path).goals] == ["1", "2", "3.", "5.", "6."]
    window.actions_.do_undo()
    restored = read_back(sample_path).goals[3]
    assert (restored.number, [m.number for m in restored.measures]) == ("4.", ["4.1.", "4.3."])
    assert restored.measures[0].achieved == goal.measures[0].achieved


def drop(model, item_id, row, parent: QModelIndex):
    data = model.mimeData([model.index_of(item_id)])
    assert model.canDropMimeData(data, Qt.MoveAction, row, 0, parent)
    model.dropMimeData(data, Qt.MoveAction, row, 0, parent)


def test_drag_and_drop_moves_measures_between_goals_and_reorders_goals(window, sample_path, qtmodeltester):
    model = window.model
    doc = window.doc
    moved = doc.report.find_measure("6.3")[0]
    goal_one = model.index_of(doc.report.goals[0].id)
    drop(model, moved.id, 1, goal_one)
    assert numbers(read_back(sample_path))[0][1] == ["1.1.", "6.3.", "1.2.", "1.3."]
    assert numbers(read_back(sample_path))[5][1] == ["6.1.", "6.2."]
    # onto a measure: placed before it, within the same goal, moving down
    first = doc.report.goals[0].measures[0]
    drop(model, first.id, -1, model.index_of(doc.report.goals[0].measures[3].id))
    assert numbers(read_back(sample_path))[0][1] == ["6.3.", "1.2.", "1.1.", "1.3."]
    # a goal dropped on the report row at position 0
    drop(model, doc.report.goals[5].id, 0, model.index_of(doc.report.id))
    assert [g.number for g in read_back(sample_path).goals] == ["6.", "1", "2", "3.", "4.", "5."]
    # a measure cannot go onto the report row, a goal not into a goal's measures
    data = model.mimeData([model.index_of(moved.id)])
    assert not model.canDropMimeData(data, Qt.MoveAction, 0, 0, model.index_of(doc.report.id))
    data = model.mimeData([model.index_of(doc.report.goals[1].id)])
    assert not model.canDropMimeData(data, Qt.MoveAction, 0, 0, model.index_of(moved.id))
    qtmodeltester.check(model, force_py=True)
    for _ in range(3):
        window.actions_.do_undo()
    assert numbers(read_back(sample_path))[5] == ("6.", ["6.1.", "6.2.", "6.3."])


def test_renumber_is_one_undoable_step_and_keeps_the_dot_style(window, sample_path):
    doc = window.doc
    measure = doc.report.find_measure("4.3")[0]
    window.select_item(measure.id)
    window.actions_.do_renumber()
    after = numbers(read_back(sample_path))
    assert after[3] == ("4.", ["4.1.", "4.2."])
    assert after[0] == ("1", ["1.1.", "1.2.", "1.3."])
    window.actions_.do_undo()
    assert numbers(read_back(sample_path))[3] == ("4.", ["4.1.", "4.3."])
    assert doc.undo_stack.count() == 1


def test_a_read_only_file_shows_the_banner_and_refuses_edits(window, sample_path):
    rf = ReportFile.open(sample_path, read_only=True)
    rf.read_only_reason = "Түгжээтэй USB дээр байна."
    window.set_document(Document(rf, rf.resolve_report_id(None), window.prompter))
    assert window.banner.isVisibleTo(window)
    assert "Түгжээтэй USB" in window.banner.text()
    window.select_item(window.doc.report.find_measure("1.1")[0].id)
    assert window.forms["measure"].achieved.isReadOnly()
    assert not window.forms["measure"].score.isEnabled()
    assert not window.actions_.add_goal.isEnabled()
    assert not (window.model.flags(window.model.index(0, 0)) & Qt.ItemIsDragEnabled)


def test_a_finalized_report_opens_read_only_with_its_reason(qtbot, sample_path, prompter):
    from core.sending.lifecycle import finalize
    from gui.app import create_main_window

    with ReportFile.open(sample_path) as rf:
        report_id = rf.resolve_report_id(None)
        for number, score in (("6.1", "100"), ("6.2", "100"), ("6.3", "70")):
            rf.set_field("measure", rf.load_report(report_id).find_measure(number)[0].id, "score", score)
        finalize(rf, report_id)
    window = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(window)
    assert window.doc.read_only
    assert window.banner.isVisibleTo(window) and window.banner.text()
    assert not window.actions_.paste.isEnabled()
