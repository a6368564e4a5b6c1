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
    from gui.app import ensure_application
    from gui.consolidation.window import ConsolidationWindow

    ensure_application()  # the window in Mongolian, as the reviewer has it

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


def test_the_files_checked_follow_the_decisions_and_are_there_after_a_restart(qtbot, tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "soums-pc"))
    files = [submission_file(inbox, name, seed=i) for i, name in enumerate(["Нарийнтээл сум", "Хархорин сум"])]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "aimag-pc"))
    db = tmp_path / "aimag.tailan"
    prompter = FolderPrompter()
    win = aimag_window(qtbot, db, prompter)
    run(win, qtbot, files)
    assert [o.status for o in win.results()] == ["pending", "pending"]
    assert "waiting for your decision 2" in win.summary_label.text() or "шийдвэрийг хүлээж буй 2" in \
        win.summary_label.text()
    panel = win.decisions_panel
    panel.table.selectRow(0)
    first = panel.selected()
    prompter.answers["confirm"] = [True]
    qtbot.mouseClick(panel.accept_button, Qt.LeftButton)
    prompter.answers["confirm"] = [True]
    qtbot.mouseClick(panel.reject_button, Qt.LeftButton)
    by_name = {o.organization: o for o in win.results()}
    assert by_name[first.organization].status == "added" and "зөвшөөрсөн" in by_name[first.organization].reason
    other = next(name for name in by_name if name != first.organization)
    assert by_name[other].status == "rejected" and "татгалзсан" in by_name[other].reason
    lines = [win.result_list.item(i).text() for i in range(win.result_list.count())]
    assert not any("хүлээж буй" in line.split("\n")[0] for line in lines), lines  # no file still says "waiting"
    assert "хүлээж буй 0" in win.summary_label.text() and "татгалзсан 1" in win.summary_label.text()
    win.close()

    again = aimag_window(qtbot, db, FolderPrompter())  # the next morning
    statuses = {o.organization: o.status for o in again.results()}
    assert statuses == {first.organization: "added", other: "rejected"}
    assert "1" in again.summary_label.text() and again.summary_label.text()
    again.close()


def test_the_first_click_on_the_total_puts_the_highest_first(qtbot, tmp_path, monkeypatch):
    from test_consolidation import click_header, shown_column

    from gui.consolidation.ranking_model import TOTAL, RowRole

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "soums-pc"))
    files = [submission_file(inbox, name, seed=i) for i, name in
             enumerate(["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум", "Уянга сум"])]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "aimag-pc"))
    db = tmp_path / "aimag.tailan"
    consolidate_trusted(files, db)
    win = aimag_window(qtbot, db, FolderPrompter())
    totals = [row.total for row in shown_column(win, 0, RowRole)]
    assert len(set(totals)) > 1, totals
    click_header(qtbot, win.table, TOTAL)
    first = [row.total for row in shown_column(win, 0, RowRole)]
    assert first == sorted(totals, reverse=True)  # the best on top
    click_header(qtbot, win.table, TOTAL)
    assert [row.total for row in shown_column(win, 0, RowRole)] == sorted(totals)
    win.close()


def documents() -> Path:
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))


def test_the_aimags_work_lives_in_documents_and_no_dialog_opens_in_the_data_folder(qtbot, tmp_path, monkeypatch):
    from recording_prompter import RecordingPrompter

    from core.paths import user_data_dir
    from gui.consolidation.last_file import remember_aimag_file

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "soums-pc"))
    files = [submission_file(inbox, name, seed=i) for i, name in enumerate(["Нарийнтээл сум", "Хархорин сум"])]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "aimag-pc"))
    old = user_data_dir() / "Аймгийн-нэгтгэл.tailan"  # where an older Tailan kept it
    old.parent.mkdir(parents=True)
    consolidate_trusted(files, old)
    remember_aimag_file(old)
    prompter = RecordingPrompter()
    win = aimag_window(qtbot, old, prompter)
    assert win.rows  # the aimag's work is still there
    win.choose_folder()
    win.choose_files()
    win.choose_aimag_file()
    for export in (win.export_csv, win.export_xlsx, win.export_pdf):
        export()
    win.review_panel.print_remarks()
    prompter.answers["ask_text"] = ["Д.Бат"]
    win.review_panel.write_receipts(["Нарийнтээл сум"])
    win.file_menu.save_copy.trigger()
    asked = prompter.start_folders()
    assert len(asked) >= 9, prompter.calls
    data = user_data_dir().resolve()
    for title, folder in asked:
        where = Path(folder).resolve()
        assert data != where and data not in where.parents, (title, folder)
        assert where.is_relative_to(documents() / "Tailan"), (title, folder)
    win.close()


def test_a_first_consolidation_file_is_made_in_documents_tailan_and_the_aimag(window, qtbot):
    window.findChild(type(window.actions_.undo), "consolidationAction").trigger()
    cwin = window.sending.consolidation_window
    qtbot.addWidget(cwin)
    assert cwin.aimag_path == documents() / "Tailan" / window.doc.report.aimag / "Аймгийн-нэгтгэл.tailan"
    cwin.close()


def test_save_a_copy_writes_the_whole_consolidation_file_and_asks_before_replacing(qtbot, tmp_path, monkeypatch):
    from core.aimag.ranking import ranking

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "soums-pc"))
    files = [submission_file(inbox, name, seed=i) for i, name in enumerate(["Нарийнтээл сум", "Хархорин сум"])]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "aimag-pc"))
    db = tmp_path / "aimag" / "aimag.tailan"
    db.parent.mkdir()
    consolidate_trusted(files, db)
    usb = tmp_path / "usb"
    usb.mkdir()
    prompter = FolderPrompter(save_path=[str(usb / "нэгтгэл"), str(usb / "нэгтгэл.tailan")], confirm=[True])
    win = aimag_window(qtbot, db, prompter)
    assert win.file_menu.menu.title().replace("&", "") == "Файл"
    copy = win.file_menu.save_copy_as()
    assert copy == usb / "нэгтгэл.tailan", prompter.calls
    with ReportFile.open(copy, read_only=True) as rf:
        assert [(r.organization, r.total_display) for r in ranking(rf)] == [
            (r.organization, r.total_display) for r in win.rows]
    assert win.file_menu.save_copy_as() == copy  # again: asked, the old copy kept beside it
    assert prompter.kinds().count("confirm") == 1 and len(list(usb.glob("нэгтгэл.хуучин-*.tailan"))) == 1
    win.close()


def test_each_run_keeps_a_backup_first_and_says_where(qtbot, tmp_path, monkeypatch):
    from core.aimag.backups import backups

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "soums-pc"))
    first, second = [submission_file(inbox, n, seed=i) for i, n in enumerate(["Нарийнтээл сум", "Хархорин сум"])]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "aimag-pc"))
    db = tmp_path / "aimag.tailan"
    consolidate_trusted([first], db)
    win = aimag_window(qtbot, db, FolderPrompter())
    result = run(win, qtbot, [second])
    assert result.backup is not None and backups(db) == [result.backup]
    assert str(result.backup) in win.statusBar().currentMessage()
    win.close()
