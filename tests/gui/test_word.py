"""Word in the window: File → Import of a .docx, the column-mapping dialog, what was read, Save as Word."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import read_back
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from core.paths import resource
from core.tables.importing import import_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


def test_import_a_docx_into_a_new_file_and_say_what_was_read(window, tmp_path, prompter):
    prompter.answers["open_path"] = [str(FIXTURES / "lo-eight_columns_two_headers_number_row.docx")]
    prompter.answers["save_path"] = [str(tmp_path / "word.tailan")]
    assert window.actions_.import_text_file()
    report = read_back(tmp_path / "word.tailan")
    assert [m.number for m in report.measures()] == ["1.1.", "1.2."]
    title, message = [c[1:] for c in prompter.calls if c[0] == "info"][-1]
    assert "2" in message and "Эрх зүйн үндэслэл" in message
    assert window.doc.path == tmp_path / "word.tailan"


def test_the_text_file_still_imports(window, tmp_path, prompter):
    prompter.answers["open_path"] = [str(resource("sample", "000_09351593bdc28142.txt"))]
    prompter.answers["save_path"] = [str(tmp_path / "t.tailan")]
    assert window.actions_.import_text_file()
    assert len(read_back(tmp_path / "t.tailan").measures()) == 14


def _choose(qtbot, combo, index):
    """Chooses an entry of a combo box with the keyboard, as a user would."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    steps = index - combo.currentIndex()
    key = Qt.Key_Down if steps > 0 else Qt.Key_Up
    for _ in range(abs(steps)):
        QTest.keyClick(combo, key)


def test_column_mapping_dialog_asks_and_is_remembered(window, tmp_path, prompter, qtbot):
    source = FIXTURES / "pd-unplaceable.docx"
    prompter.answers["open_path"] = [str(source)]
    assert not window.actions_.import_text_file()  # the dialog is open, waiting for the choice
    dialog = window.column_mapping_dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.item(1, 3).text() == "Санхүүжилтийн эх үүсвэр" and table.item(2, 2).text() == "1.1. Арга"
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    combos = dialog.combos
    assert [c.currentData() for c in combos] == ["number", "goal", "measure", "skip", "achieved"]
    assert [bool(c.property("unrecognized")) for c in combos] == [False, False, False, True, False]
    _choose(qtbot, combos[4], combos[4].findData("skip"))  # a wrong choice: no column of results ...
    _choose(qtbot, combos[2], combos[2].findData("skip"))  # ... and no measures: refused with a reason
    assert not ok.isEnabled() and dialog.problem.text()
    _choose(qtbot, combos[2], combos[2].findData("measure"))
    _choose(qtbot, combos[4], combos[4].findData("achieved"))
    assert ok.isEnabled()
    prompter.answers["save_path"] = [str(tmp_path / "mapped.tailan"), str(tmp_path / "again.tailan")]
    QTest.mouseClick(ok, Qt.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "mapped.tailan").exists(), timeout=5000)
    report = read_back(tmp_path / "mapped.tailan")
    assert [(m.number, m.achieved, m.score.value) for m in report.measures()] == [("1.1.", "Хийсэн", "100")]
    # the next file with the same header imports without asking
    del window.column_mapping_dialog
    prompter.answers["open_path"] = [str(source)]
    assert window.actions_.import_text_file()
    assert not hasattr(window, "column_mapping_dialog")
    assert len(read_back(tmp_path / "again.tailan").measures()) == 1


def test_refused_docx_says_why_and_writes_nothing(window, tmp_path, prompter):
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    prompter.answers["open_path"] = [str(bad)]
    assert not window.actions_.import_text_file()
    assert prompter.kinds()[-1] == "error" and ".docx" in prompter.calls[-1][2]
    assert "save_path" not in prompter.kinds()


def test_save_as_word_writes_the_open_report(window, tmp_path, prompter):
    prompter.answers["save_path"] = [str(tmp_path / "тайлан")]
    assert window.actions_.save_word.isEnabled()
    window.actions_.save_word.trigger()
    written = tmp_path / "тайлан.docx"
    assert written.exists()
    again = import_path(written).report
    assert [m.achieved for m in again.measures()] == [m.achieved for m in window.doc.report.measures()]
    assert written.name in window.statusBar().currentMessage()


def test_the_start_page_imports_a_docx_with_the_mouse(qtbot, prompter, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from gui.app import create_main_window

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    window = create_main_window(None, prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    prompter.answers["open_path"] = [str(FIXTURES / "lo-sample.docx")]
    prompter.answers["save_path"] = [str(tmp_path / "from-docx.tailan")]
    button = window.findChild(QPushButton, "importFileButton")
    QTest.mouseClick(button, Qt.LeftButton)
    report = read_back(tmp_path / "from-docx.tailan")
    assert len(report.measures()) == 14 and report.organization == "Нарийнтээл сум"
    assert "6" in window.last_import_summary and "14" in window.last_import_summary
    window.doc.close()


def test_a_remembered_choice_that_does_not_fit_asks_again(window, tmp_path, prompter, qtbot):
    from docx_build import build_docx

    from core.tables.wordtable import ColumnMappingNeeded
    from gui.word_import import remember_mapping

    header = [["№", "Зорилт", "Хэрэгжүүлэх арга хэмжээ", "Санхүүжилтийн эх үүсвэр", "Биелэлт"]]
    source = build_docx(tmp_path / "nogoal.docx", ["Т"], header, [["", "", "1.1. Арга", "ЗДТГ", "Биелэлт 100"]], [])
    try:
        import_path(source)
    except ColumnMappingNeeded as need:
        remember_mapping(need.key, ["number", "goal", "measure", "skip", "achieved"])  # no goal on the first row: fails
    prompter.answers["open_path"] = [str(source)]
    assert not window.actions_.import_text_file()
    dialog = window.column_mapping_dialog
    assert [c.currentData() for c in dialog.combos] == ["number", "goal", "measure", "skip", "achieved"]
    assert "save_path" not in prompter.kinds()
    assert "2-р мөр" in dialog.problem.text()  # why the remembered choice did not fit
