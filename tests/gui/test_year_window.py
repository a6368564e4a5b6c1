"""The officer's whole year in the window (issue 21), driven as a user would, on real files.

The plan's form and tree, the next report of the year from the File menu, the aimag's
call (its key compared through the prompter once, its aimag filled in as an undoable
edit, its deadline shown above the forms and on the start page), the notice of a
rejection with what to do next, and the aimag's window holding a report against its plan
and counting the days to the deadline.
"""

from __future__ import annotations

import datetime
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from gui_helpers import type_text
from recording_prompter import RecordingPrompter

from core.aimag.call import write_call
from core.aimag.consolidate import consolidate
from core.aimag.notice import reject, write_notice
from core.aimag.register import set_aimag_name, set_expected
from core.report.kinds import ItemKind
from core.report.model import Period, Score
from core.sending.export import export_submission
from core.sending.lifecycle import finalize
from core.storage import ReportFile


def other_pc(monkeypatch, folder):
    """Runs what follows as another PC (its own keys); ``back()`` returns to the soum's."""
    soum = os.environ["TAILAN_DATA_DIR"]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(folder))
    return lambda: monkeypatch.setenv("TAILAN_DATA_DIR", soum)


def aimag_file(tmp_path, expected=("Нарийнтээл сум",)):
    db = tmp_path / "aimag.tailan"
    with ReportFile.open(db, create=True) as rf:
        set_aimag_name(rf, "Өвөрхангай")
        set_expected(rf, list(expected))
    return db


def write_a_call(tmp_path, monkeypatch, days: int = 12, period: str = "half-year"):
    back = other_pc(monkeypatch, tmp_path / "aimag-pc")
    db = tmp_path / "aimag.tailan"
    if not db.exists():
        aimag_file(tmp_path)
    deadline = (datetime.date.today() + datetime.timedelta(days=days)).isoformat()
    with ReportFile.open(db) as rf:
        path = write_call(rf, 2023, period, deadline, tmp_path)
    back()
    return path, deadline


def as_plan(window):
    window.forms["report"].period.setCurrentIndex(window.forms["report"].period.findData("plan"))
    assert window.doc.report.period is Period.PLAN


def test_a_plan_shows_who_and_when_instead_of_scores(window):
    as_plan(window)
    measure = window.doc.report.find_measure("1.1")[0]
    window.select_item(measure.id)
    form = window.forms["measure"]
    assert not form.form.isRowVisible(form.score) and not form.form.isRowVisible(form.achieved)
    assert form.form.isRowVisible(form.responsible) and form.form.isRowVisible(form.due)
    form.due.setFocus()
    type_text(form.due, "III улирал")
    assert window.flush()
    assert window.doc.report.find_measure("1.1")[0].due == "III улирал"
    assert window.model.data(window.model.index_of(measure.id, 2)) == "III улирал"  # the tree shows when
    assert "14" in window.total_label.text() and window.unscored_label.text() == ""
    window.problems.refresh()  # (the panel re-checks after a pause)
    assert not [p for p in window.problems.problems if p.code == "unscored"]
    window.actions_.do_undo()  # the due time, then the period: each one undo step
    window.actions_.do_undo()
    assert window.doc.report.period is Period.ANNUAL and form.form.isRowVisible(form.score)


def test_the_half_year_report_is_made_from_the_plan_and_opened(window, tmp_path, prompter):
    assert not window.year.next_half_year.isEnabled()
    as_plan(window)
    plan_ids = [m.id for m in window.doc.report.measures()]
    assert window.year.next_half_year.isEnabled() and not window.year.next_annual.isEnabled()
    prompter.answers["save_path"] = [str(tmp_path / "хагас")]
    assert window.year.next_half_year.trigger() is None and window.doc.path == tmp_path / "хагас.tailan"
    report = window.doc.report
    assert (report.period, report.year) == (Period.HALF_YEAR, 2023)
    assert [m.origin for m in report.measures()] == plan_ids
    assert window.year.next_annual.isEnabled()
    suggested = [c for c in prompter.calls if c[0] == "save_path"][0][2]
    assert "хагас жилийн тайлан" in suggested  # the year's three files have names of their own


def test_the_aimags_call_fills_the_aimag_once_its_key_is_compared(window, tmp_path, monkeypatch, prompter):
    call, deadline = write_a_call(tmp_path, monkeypatch, period="annual")
    window.doc.set_field(ItemKind.REPORT, window.doc.report.id, "aimag", "")
    window.problems.refresh()
    assert any(p.code == "empty-aimag" for p in window.problems.problems)
    prompter.answers["open_path"] = [str(call)]
    prompter.answers["confirm"] = [False]  # the codes differ: nothing is taken
    assert not window.year.open_call() and window.doc.call is None
    question = [c for c in prompter.calls if c[0] == "confirm"][-1][2]
    prompter.answers["open_path"] = [str(call)]
    prompter.answers["confirm"] = [True]
    assert window.year.open_call()
    assert window.doc.call.key_code in question
    assert window.doc.report.aimag == "Өвөрхангай"
    banner = window.year.call_label
    assert banner.isVisible() and deadline in banner.text() and "12" in banner.text()
    window.problems.refresh()
    assert not [p for p in window.problems.problems if p.code.startswith("call-") or p.code == "empty-aimag"]
    window.actions_.do_undo()  # the aimag's name was an ordinary edit; the call stays kept
    assert window.doc.report.aimag == "" and window.doc.call is not None
    again, _ = write_a_call(tmp_path, monkeypatch, days=-2, period="half-year")
    asked = len([c for c in prompter.calls if c[0] == "confirm"])
    prompter.answers["open_path"] = [str(again)]
    assert window.year.open_call()
    assert len([c for c in prompter.calls if c[0] == "confirm"]) == asked  # the key was accepted once
    assert "хоцорсон" in banner.text() or "late" in banner.text()
    window.problems.refresh()
    assert [p.code for p in window.problems.problems if p.code.startswith("call-")] == ["call-period-differs"]


def test_the_start_page_opens_a_call_and_shows_its_deadline(qtbot, tmp_path, monkeypatch, prompter):
    from gui.app import create_main_window

    call, deadline = write_a_call(tmp_path, monkeypatch, days=5)
    window = create_main_window(None, prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    assert window.doc is None and not window.start_page.calls_label.isVisible()
    prompter.answers["open_path"] = [str(call)]
    prompter.answers["confirm"] = [True]
    button = window.findChild(QPushButton, "openCallButton")
    QTest.mouseClick(button, Qt.LeftButton)
    line = window.start_page.calls_label
    assert line.isVisible() and deadline in line.text() and "Өвөрхангай" in line.text()


def test_the_notice_of_a_rejection_says_why_and_what_to_do(window, tmp_path, monkeypatch, prompter):
    doc = window.doc
    for m in doc.report.measures():
        if m.score is None:
            doc.set_field(ItemKind.MEASURE, m.id, "score", Score.FULL)
    path = doc.path
    window.set_document(None)
    with ReportFile.open(path) as rf:
        report = finalize(rf, rf.resolve_report_id(None))
        sent = export_submission(rf, report.id, tmp_path / "sent.tailan")
    back = other_pc(monkeypatch, tmp_path / "aimag-pc")
    db = aimag_file(tmp_path)
    waiting = consolidate([sent], db).outcomes[0]
    with ReportFile.open(db) as rf:
        reject(rf, waiting.id, "6.1-ийн хүрсэн түвшин тоогүй.")
        notice = write_notice(rf, waiting.id, tmp_path)
    back()
    assert window.open_file(path)
    prompter.answers["open_path"] = [str(notice)]
    prompter.answers["confirm"] = [True]
    assert window.receipts.open_receipt()
    line = window.year.notice_label
    assert line.isVisible() and "6.1-ийн хүрсэн түвшин тоогүй." in line.text()
    assert window.sending.reopen.text().replace("&", "") in line.text()  # what to do: reopen, fix, send again
    assert not window.receipts.line.isVisible()


@pytest.fixture
def held_against_a_plan(tmp_path, monkeypatch, sample_path):
    """An aimag's file holding a soum's plan and its half-year report, one measure rewritten, one added."""
    from core.report.model import Measure
    from core.sending.next_file import write_next_file

    plan_file, half_file = tmp_path / "plan.tailan", tmp_path / "half.tailan"
    with ReportFile.open(sample_path, read_only=True) as rf:
        write_next_file(rf, rf.resolve_report_id(None), plan_file, Period.PLAN, 2023)
    with ReportFile.open(plan_file) as rf:
        plan = finalize(rf, rf.resolve_report_id(None))
        sent_plan = export_submission(rf, plan.id, tmp_path / "plan-sent.tailan")
        write_next_file(rf, plan.id, half_file, Period.HALF_YEAR)
    with ReportFile.open(half_file) as rf:
        half = rf.load_report(rf.resolve_report_id(None))
        for m in half.measures():
            rf.set_field(ItemKind.MEASURE, m.id, "score", "70")
        rf.set_field(ItemKind.MEASURE, half.find_measure("2.1")[0].id, "text", "Шинээр бичсэн")
        rf.insert_measure(half.goals[0].id, 0, Measure(number="1.0.", text="Нэмсэн", score=Score.FULL))
        sent_half = export_submission(rf, finalize(rf, half.id).id, tmp_path / "half-sent.tailan")
    back = other_pc(monkeypatch, tmp_path / "aimag-pc")
    db = aimag_file(tmp_path, ["Нарийнтээл сум", "Баян-Өндөр сум"])
    from core.aimag.decisions import decide

    first = consolidate([sent_plan], db).outcomes[0]
    with ReportFile.open(db) as rf:
        decide(rf, first.id, True)
        write_call(rf, 2023, "annual", (datetime.date.today() + datetime.timedelta(days=4)).isoformat(), tmp_path)
    assert consolidate([sent_half], db).outcomes[0].status == "added"
    yield db
    back()


def test_the_reviewer_sees_the_report_against_its_plan_and_the_days_left(qtbot, held_against_a_plan):
    from gui.consolidation.window import open_consolidation_window
    from gui.consolidation.ranking_model import PLAN

    window = open_consolidation_window(held_against_a_plan, prompter=RecordingPrompter())
    qtbot.addWidget(window)
    assert [r.plan for r in window.rows] == [{"added": 1, "dropped": 0, "changed": 1}]
    assert window.model.data(window.model.index(0, PLAN)) == "+1 −0 ~1"
    panel = window.plan_panel
    assert panel.choice.count() == 1
    table = panel.table
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert [(r[1], r[3]) for r in rows] == [("", "1.0. Нэмсэн"), (rows[1][1], "2.1. Шинээр бичсэн")]
    assert rows[1][1].startswith("2.1. ") and rows[1][1] != rows[1][3]
    assert table.item(1, 3).font().bold() and not table.item(1, 4).font().bold()
    panel.all_rows.setChecked(True)
    assert table.rowCount() == 15
    missing = [window.missing_list.item(i).text() for i in range(window.missing_list.count())]
    assert len(missing) == 2 and all("4" in m for m in missing)  # no annual report yet from either, 4 days left
    assert "2023" in window.missing_box.title()
    window.tabs.setCurrentIndex(0)
    window.table.doubleClicked.emit(window.proxy.index(0, PLAN))  # a double-click on the plan's cell
    assert window.tabs.currentWidget() is panel and not window.report_windows
    window.close()
