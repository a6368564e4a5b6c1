"""Edit → Paste a table (issue 18): the clipboard's HTML first (Word's, LibreOffice's), its plain text otherwise.

The action ``pasteTableAction`` is triggered as the user's Ctrl+Shift+V would, with
a real ``QMimeData`` on the real clipboard; the prompter answers «replace the plan»
(0). What lands in the file equals the .docx reading of the same table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import read_back
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from core.tables.importing import import_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def put_on_clipboard(html: str | None = None, text: str | None = None) -> None:
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def paste(window) -> None:
    window.findChild(QAction, "pasteTableAction").trigger()


def plan(report):
    return [(g.number, g.text, [(m.number, m.text, m.achieved, m.score) for m in g.measures]) for g in report.goals]


@pytest.mark.parametrize("maker,name", [("word", "published_sections_goal_column_no_total"),
                                        ("lo", "published_legal_basis_bullets_points"),
                                        ("word", "published_unmerged_goals_merged_total"), ("lo", "sample")])
def test_paste_of_clipboard_html_equals_the_docx(window, sample_path, prompter, name, maker):
    html = (FIXTURES / "html" / f"{maker}-{name}.html").read_text(encoding="utf-8")
    put_on_clipboard(html=html, text="это не таблица")  # the HTML is read first; this text would be refused
    prompter.answers["choose"] = [0]
    paste(window)
    expected = import_path(FIXTURES / "docx" / f"pd-{name}.docx").report
    assert plan(read_back(sample_path)) == plan(expected)
    window.actions_.undo.trigger()  # the paste is one undo step
    assert len(read_back(sample_path).measures()) == 14


def test_plain_text_is_read_when_there_is_no_html(window, sample_path, prompter):
    text = (FIXTURES / "text" / "sample_without_total.utf-8.txt").read_bytes().decode("utf-8-sig")
    put_on_clipboard(text=text)
    prompter.answers["choose"] = [0]
    paste(window)
    pasted = read_back(sample_path)
    assert plan(pasted) == plan(import_path(FIXTURES / "docx" / "pd-sample_without_total.docx").report)
    assert (len(pasted.goals), len(pasted.measures())) == (6, 14)


def test_html_without_a_table_falls_back_to_the_plain_text(window, sample_path, prompter):
    text = (FIXTURES / "text" / "published_sections_goal_column_no_total.utf-16.txt").read_bytes().decode("utf-16")
    put_on_clipboard(html="<p>Хуулсан догол мөр</p>", text=text)
    prompter.answers["choose"] = [0]
    paste(window)
    assert [len(g.measures) for g in read_back(sample_path).goals] == [2, 2]


def test_skipped_rows_and_scores_not_taken_are_said(window, sample_path, prompter):
    put_on_clipboard(html=(FIXTURES / "html" / "word-published_unmerged_goals_merged_total.html").read_text(encoding="utf-8"))
    prompter.answers["choose"] = [0]
    paste(window)
    title, message = [c[1:] for c in prompter.calls if c[0] == "info"][-1]
    assert "Биелэлт 50" in message  # a score off the scale is reported, never dropped
    put_on_clipboard(html=(FIXTURES / "html" / "word-published_sections_goal_column_no_total.html").read_text(encoding="utf-8"))
    prompter.answers["choose"] = [0]
    paste(window)
    title, message = [c[1:] for c in prompter.calls if c[0] == "info"][-1]
    assert "Нэг. Удирдлага" in message and "Хоёр. Соён" in message


def test_a_table_without_header_is_pasted_through_the_column_mapping(window, sample_path, prompter, qtbot):
    put_on_clipboard(html=(FIXTURES / "html" / "word-headerless.html").read_text(encoding="utf-8"))
    paste(window)
    dialog = window.column_mapping_dialog  # no header: the window asks which column holds what
    qtbot.waitExposed(dialog)
    # the cells suggest what each column holds; every column stands out, as none was placed by a header
    assert [c.currentData() for c in dialog.combos] == ["number", "goal", "measure", "achieved"]
    assert all(c.property("unrecognized") for c in dialog.combos)
    prompter.answers["choose"] = [0]
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    qtbot.waitUntil(lambda: len(read_back(sample_path).goals) == 2, timeout=5000)
    expected = import_path(FIXTURES / "docx" / "pd-headerless.docx", columns=["number", "goal", "measure", "achieved"])
    assert plan(read_back(sample_path)) == plan(expected.report)


def test_a_refused_paste_names_the_line_and_changes_nothing(window, sample_path, prompter):
    from helpers import digest

    before = digest(sample_path)
    header = "№\tЗорилт\tХэрэгжүүлэх арга хэмжээ\tБиелэлт"
    put_on_clipboard(text=f"{header}\n1\tЗорилт\t1.1. Арга\tБиелэлт 100\tилүү\tнүд\n")
    paste(window)
    (kind, title, message), = prompter.calls
    assert kind == "error" and "2-р мөр" in message
    assert digest(sample_path) == before
