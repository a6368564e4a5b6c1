"""The title follows the organization typed in the header form (issue 11, item 3), in one undo step."""

from __future__ import annotations

from gui_helpers import read_back, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit


def header(window):
    window.select_item(window.doc.report.id)
    return window.findChild(QLineEdit, "organizationInput")


def retype(window, qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key_Backspace)
    type_text(editor, text)
    window.flush()


def test_typing_the_organization_rewrites_the_built_title_and_one_undo_restores_both(window, qtbot, sample_path):
    before = read_back(sample_path)
    organization = header(window)
    assert organization is not None and organization.isVisible()
    retype(window, qtbot, organization, "Өлзийт сум")
    on_disk = read_back(sample_path)
    assert on_disk.organization == "Өлзийт сум"
    assert on_disk.title.startswith("ӨЛЗИЙТ СУМ, БАЙГУУЛЛАГЫН АВЛИГЫН ЭСРЭГ")
    title = window.findChild(QPlainTextEdit, "titleInput")
    assert title.toPlainText() == on_disk.title  # the form shows it at once
    window.actions_.undo.trigger()
    restored = read_back(sample_path)
    assert (restored.organization, restored.title) == (before.organization, before.title)
    assert title.toPlainText() == before.title
    window.actions_.redo.trigger()
    assert read_back(sample_path).title.startswith("ӨЛЗИЙТ СУМ")


def test_the_year_takes_the_title_along(window, qtbot, sample_path):
    header(window)
    year = window.findChild(QLineEdit, "yearInput")
    retype(window, qtbot, year, "2024")
    assert read_back(sample_path).title.endswith("2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ")


def test_a_hand_written_title_stays_and_the_problems_panel_says_it_names_another_soum(window, qtbot, sample_path):
    header(window)
    title = window.findChild(QPlainTextEdit, "titleInput")
    retype(window, qtbot, title, "НАРИЙНТЭЭЛ СУМЫН 2023 ОНЫ ТАЙЛАН")
    retype(window, qtbot, window.findChild(QLineEdit, "organizationInput"), "Өлзийт сум")
    assert read_back(sample_path).title == "НАРИЙНТЭЭЛ СУМЫН 2023 ОНЫ ТАЙЛАН"
    problems = window.findChild(QListWidget, "problemsList")
    window.problems.refresh()
    first = problems.item(0)
    assert "Өлзийт сум" in first.text()
    assert first.data(Qt.UserRole) == window.doc.report.id
