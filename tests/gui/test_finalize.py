"""Finalize, reopen for changes and send to the aimag, from the soum's window.

Real window, real files in tmp_path; the prompter answers the confirmations and the
file dialog. Finalizing and reopening are logged acts in core, not undoable edits:
after each the undo stack is empty and the forms follow the report's state.
"""

from __future__ import annotations

import pytest
from gui_helpers import measure_by_number, read_back
from PySide6.QtGui import QAction

from core.received.verify import check_submission
from core.sending.export import submission_file_name
from core.storage import ReportFile
from core.trust.fingerprint import compute_fingerprint, short_code

SCORES = (("6.1", "100"), ("6.2", "100"), ("6.3", "70"))


def score_all(path) -> None:
    """Scores 6.1-6.3 as on the original paper: the sample is then complete (82,8)."""
    with ReportFile.open(path) as rf:
        report_id = rf.resolve_report_id(None)
        for number, score in SCORES:
            rf.set_field("measure", rf.load_report(report_id).find_measure(number)[0].id, "score", score)


@pytest.fixture
def scored_path(sample_path):
    score_all(sample_path)
    return sample_path


@pytest.fixture
def scored_window(qtbot, scored_path, prompter):
    from gui.app import create_main_window

    win = create_main_window(scored_path, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.doc is not None:
        win.doc.close()


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_the_file_menu_has_the_sending_entries(window):
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    for name in ("finalizeAction", "reopenAction", "sendToAimagAction", "consolidationAction"):
        assert name in names
    assert action(window, "finalizeAction").text() == "Баталгаажуулах"
    assert action(window, "reopenAction").text() == "Засварлахаар дахин нээх"
    assert action(window, "sendToAimagAction").text() == "Аймаг руу илгээх…"
    assert action(window, "consolidationAction").text() == "Аймгийн нэгтгэл…"
    # a draft can be finalized (core will say what is missing), not reopened or sent
    assert action(window, "finalizeAction").isEnabled()
    assert not action(window, "reopenAction").isEnabled()
    assert not action(window, "sendToAimagAction").isEnabled()


def test_finalize_is_refused_with_cores_message_while_measures_lack_a_score(window, prompter, sample_path):
    prompter.answers["confirm"] = [True]
    action(window, "finalizeAction").trigger()
    errors = [c for c in prompter.calls if c[0] == "error"]
    assert errors and "6.1" in errors[0][2] and "Үнэлгээгүй" in errors[0][2]
    assert "confirm" not in prompter.kinds()  # checked first: no question whose yes would be refused
    assert not window.doc.finalized and not read_back(sample_path).is_final
    assert window.forms["measure"].score.isEnabled()
    # the first measure without a score is shown, its score ready to choose
    assert window.current_item_id() == measure_by_number(window.doc.report, "6.1").id
    assert window.forms["measure"].score.hasFocus()


def test_the_finalized_banner_names_the_next_steps_by_their_menu_entries(scored_window, prompter):
    win = scored_window
    prompter.answers["confirm"] = [True]
    action(win, "finalizeAction").trigger()
    banner = win.banner.text()
    for name in ("printAction", "sendToAimagAction", "reopenAction"):
        entry = action(win, name).text().replace("&", "")
        assert entry in banner, (entry, banner)
    assert "гарын үсэг" in banner  # print, sign, send
    assert win.banner.isVisible()
    # it stands over the tree: the form keeps its place
    assert win.banner.parentWidget() is win.tree.parentWidget()


def test_finalize_cancelled_changes_nothing(scored_window, prompter, scored_path):
    prompter.answers["confirm"] = [False]
    action(scored_window, "finalizeAction").trigger()
    assert prompter.kinds() == ["confirm"]
    assert not read_back(scored_path).is_final


def test_finalize_makes_the_forms_read_only_and_leaves_nothing_to_undo(scored_window, prompter, scored_path):
    win = scored_window
    measure = measure_by_number(win.doc.report, "2.1")
    win.select_item(measure.id)
    assert win.doc.set_field("measure", measure.id, "indicator", "шинэ шалгуур")  # an undoable edit first
    assert win.actions_.undo.isEnabled()
    prompter.answers["confirm"] = [True]
    action(win, "finalizeAction").trigger()

    on_disk = read_back(scored_path)
    assert on_disk.is_final and on_disk.fingerprint == compute_fingerprint(on_disk)
    assert on_disk.find_measure("2.1")[0].indicator == "шинэ шалгуур"
    assert win.doc.finalized and win.doc.read_only
    assert win.current_item_id() == measure.id  # the selection survives the reload
    assert not win.forms["measure"].score.isEnabled()
    assert win.doc.undo_stack.count() == 0 and not win.actions_.undo.isEnabled()
    win.actions_.do_undo()  # even called directly, there is nothing to undo
    assert read_back(scored_path).fingerprint == on_disk.fingerprint
    assert not win.actions_.add_measure.isEnabled()
    assert not action(win, "finalizeAction").isEnabled()
    assert action(win, "reopenAction").isEnabled() and action(win, "sendToAimagAction").isEnabled()
    banner = win.banner.text()
    assert win.banner.isVisibleTo(win)
    assert "Баталгаажсан: хувилбар 1" in banner and short_code(on_disk.fingerprint) in banner


def test_reopen_asks_then_restores_editing_with_the_next_revision(scored_window, prompter, scored_path):
    win = scored_window
    prompter.answers["confirm"] = [True, True]
    action(win, "finalizeAction").trigger()
    fingerprint = win.doc.report.fingerprint
    action(win, "reopenAction").trigger()

    confirms = [c for c in prompter.calls if c[0] == "confirm"]
    assert len(confirms) == 2
    assert "хувилбар 2" in confirms[1][2].lower() and short_code(fingerprint) in confirms[1][2]
    on_disk = read_back(scored_path)
    assert not on_disk.is_final and on_disk.revision == 2
    assert not win.doc.finalized and win.doc.report.revision == 2
    assert win.forms["measure"].score.isEnabled() and win.actions_.add_measure.isEnabled()
    assert not win.banner.isVisibleTo(win)
    assert win.doc.undo_stack.count() == 0
    with ReportFile.open(scored_path, read_only=True) as rf:
        fields = [e["field"] for e in rf.change_log(on_disk.id)]
    assert fields[-2:] == ["(finalize)", "(reopen)"]
    # editing works again, and finalizing again gives another fingerprint
    measure = measure_by_number(win.doc.report, "1.1")
    assert win.doc.set_field("measure", measure.id, "achieved", "засварласан")
    prompter.answers["confirm"] = [True]
    action(win, "finalizeAction").trigger()
    again = read_back(scored_path)
    assert again.is_final and again.revision == 2 and again.fingerprint != fingerprint


def test_reopen_cancelled_keeps_the_report_finalized(scored_window, prompter, scored_path):
    prompter.answers["confirm"] = [True, False]
    action(scored_window, "finalizeAction").trigger()
    action(scored_window, "reopenAction").trigger()
    assert read_back(scored_path).is_final and scored_window.doc.finalized


def test_send_writes_a_verified_submission_file_where_the_user_chose(scored_window, prompter, tmp_path):
    win = scored_window
    usb = tmp_path / "usb"
    usb.mkdir()
    prompter.answers["confirm"] = [True]
    action(win, "finalizeAction").trigger()
    prompter.answers["save_path"] = [str(usb)]
    action(win, "sendToAimagAction").trigger()

    name = submission_file_name(win.doc.report)
    written = usb / name
    assert written.is_file()
    save_call = next(c for c in prompter.calls if c[0] == "save_path")
    assert save_call[2].endswith(name)  # the official name is suggested
    verdict = check_submission(written)
    assert verdict.ok and verdict.report.fingerprint == win.doc.report.fingerprint
    info = prompter.calls[-1]
    assert info[0] == "info" and str(written) in info[2] and short_code(verdict.report.fingerprint) in info[2]
    assert not any(p.name.endswith(".partial") for p in usb.iterdir())


def test_send_cancelled_writes_nothing(scored_window, prompter, tmp_path):
    prompter.answers["confirm"] = [True]
    action(scored_window, "finalizeAction").trigger()
    assert scored_window.sending.do_send() is None  # no answer: the dialog was cancelled
    assert not list(tmp_path.glob("**/*_жилийн*.tailan"))


def test_a_finalized_file_opens_with_the_finalized_banner(qtbot, scored_path, prompter):
    from core.sending.lifecycle import finalize
    from gui.app import create_main_window

    with ReportFile.open(scored_path) as rf:
        report = finalize(rf, rf.resolve_report_id(None))
    win = create_main_window(scored_path, prompter=prompter)
    qtbot.addWidget(win)
    assert short_code(report.fingerprint) in win.banner.text()
    assert action(win, "sendToAimagAction").isEnabled() and action(win, "reopenAction").isEnabled()
    win.doc.close()
