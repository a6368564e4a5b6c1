"""The reviewer's remarks and the receipts, in the aimag's consolidation window (issue 14).

A real soum workflow in its own data folder sends its report; the aimag accepts it,
the reviewer writes a remark with a proposed score in the window (real clicks, Cyrillic
typed key by key) and writes the receipt to a folder; the soum then opens that receipt.
"""

from __future__ import annotations

from generate import consolidate_trusted
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QListWidget, QPlainTextEdit, QPushButton
from soums import Soum, aimag_pc
from test_consolidation import FolderPrompter

from core.aimag.receipt import open_receipt
from core.aimag.remarks import current_submission, remarks_for
from core.storage import ReportFile


def type_text(widget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key_unknown, ch, Qt.NoModifier)


def test_a_remark_with_a_proposed_score_and_the_receipt_from_the_window(qtbot, tmp_path, monkeypatch):
    from gui.consolidation.window import ConsolidationWindow

    soum = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум").finalize()
    sent = soum.send()
    db = aimag_pc(tmp_path, monkeypatch)
    consolidate_trusted([sent], db)
    out = tmp_path / "receipts"
    out.mkdir()
    prompter = FolderPrompter(choose_folder=[str(out)])
    win = ConsolidationWindow(db, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.review_panel)
    panel = win.review_panel
    assert panel.findChild(QComboBox, "reviewOrganization").currentText() == "Нарийнтээл сум"
    measure = panel.findChild(QComboBox, "remarkMeasure")
    measure.setCurrentIndex(measure.findData("6.3."))
    type_text(panel.findChild(QPlainTextEdit, "remarkText"), "Нотолгоо дутуу")
    score = panel.findChild(QComboBox, "remarkScore")
    score.setCurrentIndex(score.findData("70"))
    qtbot.mouseClick(panel.findChild(QPushButton, "addRemarkButton"), Qt.LeftButton)
    assert panel.findChild(QListWidget, "remarksList").count() == 1
    with ReportFile.open(db, read_only=True) as rf:
        _, fingerprint, _, _ = current_submission(rf, "Нарийнтээл сум")
        (remark,) = remarks_for(rf, fingerprint)
    assert (remark.measure, remark.text, remark.score) == ("6.3.", "Нотолгоо дутуу", "70")
    assert remark.author and remark.at

    qtbot.mouseClick(panel.findChild(QPushButton, "writeAllReceiptsButton"), Qt.LeftButton)
    (receipt,) = list(out.iterdir())
    assert receipt.name.endswith(".tailan-receipt") and "Нарийнтээл" in receipt.name
    soum.use()
    with ReportFile.open(soum.file) as rf:
        kept = open_receipt(rf, receipt, accept_key=True)
    assert [(r.measure, r.score) for r in kept.remarks] == [("6.3.", "70")]
    win.close()
