"""The aimag's answer in the soum's window: opened through the File menu, shown above the
forms and beside the measures, and a proposed score taken by an ordinary, undoable edit."""

from __future__ import annotations

from gui_helpers import read_back
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from soums import Soum, aimag_pc

from core.aimag.consolidate import consolidate
from core.aimag.decisions import decide, waiting
from core.aimag.receipt import write_receipt
from core.aimag.remarks import add_remark
from core.report.model import Score
from core.storage import ReportFile


def answered_soum(tmp_path, monkeypatch):
    """A soum that sent revision 1, reopened it, and the aimag's answer with two remarks."""
    soum = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум")
    soum.edit(score_first=Score.FULL).finalize()
    sent = soum.send()
    db = aimag_pc(tmp_path, monkeypatch)
    consolidate([sent], db)
    with ReportFile.open(db) as rf:
        (decision,) = waiting(rf)
        decide(rf, decision.id, True)
        add_remark(rf, "Нарийнтээл сум", "Гарын үсэг зурсан огноог бичнэ үү.", author="Д.Хянагч")
        add_remark(rf, "Нарийнтээл сум", "Нотолгоо дутуу.", measure="1.1", score="70", author="Д.Хянагч")
        receipt = write_receipt(rf, "Нарийнтээл сум", tmp_path)
    soum.reopen()  # the soum works on revision 2 while the remarks are read
    soum.use()
    return soum, receipt


def test_the_answer_is_shown_and_a_proposed_score_is_taken_undoably(qtbot, tmp_path, monkeypatch):
    from recording_prompter import RecordingPrompter

    from gui.app import create_main_window

    soum, receipt = answered_soum(tmp_path, monkeypatch)
    prompter = RecordingPrompter(open_path=[str(receipt)], confirm=[True])
    win = create_main_window(soum.file, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    banner = win.findChild(QLabel, "receiptBanner")
    assert not banner.isVisible()
    win.findChild(type(win.receipts.open), "openReceiptAction").trigger()
    assert prompter.kinds() == ["open_path", "confirm"], prompter.calls
    assert "код" in prompter.calls[1][2] or "code" in prompter.calls[1][2]
    assert banner.isVisible() and "Өвөрхангай" in banner.text() and "1" in banner.text()

    measure = next(m for m in win.doc.report.measures() if m.number.strip().rstrip(".") == "1.1")
    index = win.model.index_of(measure.id, 1)
    assert win.model.data(index).startswith("✎")
    assert "Нотолгоо дутуу" in win.model.data(index, Qt.ToolTipRole)
    win.select_item(measure.id)
    box = win.receipts.remarks
    assert box.isVisible()
    assert any("Нотолгоо дутуу" in label.text() for label in box.findChildren(QLabel, "remarkText"))
    (take,) = box.findChildren(QPushButton, "takeProposedScore")
    assert measure.score is Score.FULL and take.isEnabled()
    qtbot.mouseClick(take, Qt.LeftButton)
    assert measure_score_on_disk(soum.file, measure.id) == Score.IN_PROGRESS
    win.doc.undo_stack.undo()
    assert measure_score_on_disk(soum.file, measure.id) == Score.FULL

    win.select_item(win.doc.report.id)
    assert any("огноог" in label.text() for label in box.findChildren(QLabel, "remarkText"))
    win.doc.close()


def measure_score_on_disk(path, measure_id):
    report = read_back(path)
    return next(m.score for m in report.measures() if m.id == measure_id)


def test_a_receipt_of_another_soum_is_refused_with_a_message(qtbot, tmp_path, monkeypatch):
    from recording_prompter import RecordingPrompter

    from gui.app import create_main_window

    soum, receipt = answered_soum(tmp_path, monkeypatch)
    other = Soum(tmp_path, monkeypatch, "khar").start("Хархорин сум")
    other.use()
    prompter = RecordingPrompter(open_path=[str(receipt)], confirm=[True])
    win = create_main_window(other.file, prompter=prompter)
    qtbot.addWidget(win)
    before = other.file.read_bytes()
    assert win.receipts.open_receipt() is False
    assert prompter.kinds()[-1] == "error" and "өөр байгууллагын" in prompter.calls[-1][2]
    assert not win.findChild(QLabel, "receiptBanner").isVisible()
    win.doc.close()
    assert other.file.read_bytes() == before


def test_the_answer_stays_while_the_next_revision_is_made_and_goes_once_it_is_sent(qtbot, tmp_path, monkeypatch):
    from recording_prompter import RecordingPrompter

    from core.aimag.receipt import open_receipt
    from core.sending.lifecycle import finalize
    from core.storage import ReportFile
    from gui.app import create_main_window

    soum, receipt = answered_soum(tmp_path, monkeypatch)  # reopened: revision 2 in the making
    with ReportFile.open(soum.file) as rf:
        open_receipt(rf, receipt, accept_key=True)
    win = create_main_window(soum.file, prompter=RecordingPrompter())
    qtbot.addWidget(win)
    assert win.doc.receipt is not None and win.doc.receipt.revision == 1
    win.doc.close()
    with ReportFile.open(soum.file) as rf:
        finalize(rf, rf.resolve_report_id(None))  # revision 2 finalized: the old remarks are done with
    win = create_main_window(soum.file, prompter=RecordingPrompter())
    qtbot.addWidget(win)
    win.show()
    assert win.doc.receipt is None and not win.findChild(QLabel, "receiptBanner").isVisible()
    win.doc.close()
