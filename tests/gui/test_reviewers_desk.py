"""The aimag reviewer's desk (issue 23, items 6 and 8): the reviewer's name asked once and
printed on remarks and receipts with local times; Accept and Reject where they were.

Real files: soums send from their own data folders, the aimag's window is driven with
clicks; the prompter answers the questions.
"""

from __future__ import annotations

import datetime
import json
import time
from pathlib import Path

import pytest
from generate import consolidate_trusted
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton
from soums import Soum, aimag_pc
from test_consolidation import FolderPrompter, run, submission_file
from test_review import type_text

from core.aimag.remarks import current_submission, remarks_for
from core.storage import ReportFile

ORG = "Нарийнтээл сум"


@pytest.fixture(autouse=True)
def ulaanbaatar_time(monkeypatch):
    monkeypatch.setenv("TZ", "ULAT-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def aimag_window(qtbot, db, prompter):
    from gui.consolidation.window import ConsolidationWindow

    win = ConsolidationWindow(db, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def add_remark(qtbot, panel, text: str) -> None:
    type_text(panel.findChild(type(panel.text), "remarkText"), text)
    qtbot.mouseClick(panel.findChild(QPushButton, "addRemarkButton"), Qt.LeftButton)


def test_the_reviewers_name_is_asked_once_and_signs_remarks_and_receipts(qtbot, tmp_path, monkeypatch):
    soum = Soum(tmp_path, monkeypatch, "narii").start(ORG).finalize()
    sent = soum.send()
    db = aimag_pc(tmp_path, monkeypatch)
    consolidate_trusted([sent], db)
    out = tmp_path / "receipts"
    out.mkdir()
    prompter = FolderPrompter(ask_text=["Д.Бат"], choose_folder=[str(out)])
    win = aimag_window(qtbot, db, prompter)
    panel = win.review_panel
    win.tabs.setCurrentWidget(panel)
    add_remark(qtbot, panel, "Огноог шалгана уу")
    add_remark(qtbot, panel, "Гарын үсэг дутуу")
    assert prompter.kinds().count("ask_text") == 1  # asked once
    assert "Д.Бат" in panel.findChild(QLabel, "reviewerName").text()
    with ReportFile.open(db, read_only=True) as rf:
        remarks = remarks_for(rf, current_submission(rf, ORG)[1])
    assert [r.author for r in remarks] == ["Д.Бат", "Д.Бат"]
    assert all(r.at.endswith("+08:00") for r in remarks)
    shown = panel.findChild(QListWidget, "remarksList").item(0).text()
    assert datetime.datetime.fromisoformat(remarks[0].at).strftime("%Y-%m-%d %H:%M") in shown and "Д.Бат" in shown

    qtbot.mouseClick(panel.findChild(QPushButton, "writeReceiptButton"), Qt.LeftButton)
    (receipt,) = out.iterdir()
    body = json.loads(Path(receipt).read_text(encoding="utf-8"))["body"]
    assert body["reviewer"] == "Д.Бат" and body["issued_at"].endswith("+08:00")
    assert prompter.kinds().count("ask_text") == 1
    win.close()

    # the next day (a new window): the name is known, not asked again
    again = FolderPrompter()
    win = aimag_window(qtbot, db, again)
    assert "Д.Бат" in win.review_panel.findChild(QLabel, "reviewerName").text()
    win.tabs.setCurrentWidget(win.review_panel)
    add_remark(qtbot, win.review_panel, "Нэмэлт тайлбар")
    assert "ask_text" not in again.kinds()
    win.close()


def test_accept_stays_where_it_was_decision_after_decision(qtbot, tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "soums-pc"))
    files = [submission_file(inbox, name, seed=i) for i, name in
             enumerate(["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум"])]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "aimag-pc"))
    prompter = FolderPrompter()
    win = aimag_window(qtbot, tmp_path / "aimag.tailan", prompter)
    win.resize(800, 480)  # a 1366x768 laptop at 150 % and more: the words of a decision take lines
    run(win, qtbot, files)
    panel = win.decisions_panel
    assert win.tabs.currentWidget() is panel and panel.table.rowCount() == 3
    button = panel.accept_button
    where = button.mapTo(win, button.rect().center())
    for left in (2, 1):
        prompter.answers["confirm"] = [True]
        qtbot.mouseClick(win.childAt(where), Qt.LeftButton)  # the same place on the screen each time
        assert panel.table.rowCount() == left
        assert button.mapTo(win, button.rect().center()) == where and win.childAt(where) is button
        assert panel.message.text()  # what the decision did, said over the list
    win.close()
