"""A greyed action says why (issue 23, item 3): its tooltip and status tip name what to do,
and the aimag's remarks say where they are: a click on the place goes there."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton
from soums import Soum, aimag_pc

from core.aimag.consolidate import consolidate
from core.aimag.decisions import decide, waiting
from core.aimag.receipt import open_receipt, write_receipt
from core.aimag.remarks import add_remark
from core.report.model import Score
from core.storage import ReportFile


def action(window, name: str) -> QAction:
    return window.findChild(QAction, name)


def test_greyed_entries_of_a_draft_say_what_to_do(window):
    send, reopen, print_answer = (action(window, n) for n in ("sendToAimagAction", "reopenAction",
                                                              "printReceiptAction"))
    assert not send.isEnabled() and "Баталгаажуулах" in send.toolTip() and send.statusTip() == send.toolTip()
    assert not reopen.isEnabled() and "баталгаажсан" in reopen.toolTip()
    assert not print_answer.isEnabled() and "Аймгийн хариуг нээх" in print_answer.toolTip()
    assert action(window, "finalizeAction").isEnabled()  # it checks first and says what is missing
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu.toolTipsVisible()


def finalized_with_answer(tmp_path, monkeypatch):
    """A soum's finalized revision 1 with the aimag's answer kept: a remark on 1.1 (scored 70) proposing 30."""
    soum = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум").finalize()
    sent = soum.send()
    db = aimag_pc(tmp_path, monkeypatch)
    consolidate([sent], db)
    with ReportFile.open(db) as rf:
        for decision in waiting(rf):
            decide(rf, decision.id, True)
        add_remark(rf, "Нарийнтээл сум", "Огноог бичнэ үү.", author="Д.Хянагч")
        add_remark(rf, "Нарийнтээл сум", "Нотолгоо дутуу.", measure="1.1", score="30", author="Д.Хянагч")
        receipt = write_receipt(rf, "Нарийнтээл сум", tmp_path)
    soum.use()
    with ReportFile.open(soum.file) as rf:
        open_receipt(rf, receipt, accept_key=True)
    return soum


def test_a_finalized_report_greys_its_edits_with_reopen_first(qtbot, tmp_path, monkeypatch, prompter):
    from gui.app import create_main_window

    soum = finalized_with_answer(tmp_path, monkeypatch)
    win = create_main_window(soum.file, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    reopen_words = "Засварлахаар дахин нээх"
    for name in ("addMeasureAction", "addGoalAction", "deleteAction", "pasteTableAction", "undoAction"):
        entry = action(win, name)
        assert not entry.isEnabled() and reopen_words in entry.toolTip(), (name, entry.toolTip())
    assert not action(win, "finalizeAction").isEnabled() and action(win, "finalizeAction").toolTip()
    assert action(win, "printReceiptAction").isEnabled()

    # the remark says where it is; a click on its place goes there
    line = win.findChild(QLabel, "receiptBanner")
    assert "1.1." in line.text()
    measure = win.doc.report.find_measure("1.1")[0]
    (href,) = [h for h in re.findall(r'href="([^"]+)"', line.text()) if h == measure.id]
    line.linkActivated.emit(href)
    assert win.current_item_id() == measure.id
    box = win.receipts.remarks
    assert box.isVisible() and win.forms["measure"].isAncestorOf(box)
    take = box.findChild(QPushButton, "takeProposedScore")
    assert not take.isEnabled() and reopen_words in take.toolTip()
    note = box.findChild(QLabel, "takeScoreNote")
    assert note.isVisible() and reopen_words in note.text()  # said in view, not only on hover

    # reopened: it takes the score in one click, and Ctrl+Z (from where the focus went) takes it back
    prompter.answers["confirm"] = [True]
    action(win, "reopenAction").trigger()
    win.select_item(measure.id)
    take = win.receipts.remarks.findChild(QPushButton, "takeProposedScore")
    assert take.isEnabled() and not win.receipts.remarks.findChild(QLabel, "takeScoreNote")
    QTest.mouseClick(take, Qt.LeftButton)
    assert win.doc.items[measure.id].score is Score.INSUFFICIENT
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow(), timeout=2000)
    focused = win.focusWidget()
    QTest.keyClick(focused, Qt.Key_Z, Qt.ControlModifier)
    assert win.doc.items[measure.id].score is Score.IN_PROGRESS
    win.doc.close()
