"""The Help guide describes the program as it is (issue 23, item 5).

Every "menu → entry" the guide names must be an entry of that menu in the window's menu
bar; the guide speaks of the .docx import, the paste, undo and the aimag's answer.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication



def menus(window) -> dict[str, list[str]]:
    """Each menu's title and its entries, as the user reads them."""
    plain = lambda text: text.replace("&", "")  # noqa: E731
    return {plain(a.menu().title()): [plain(x.text()) for x in a.menu().actions() if not x.isSeparator()]
            for a in window.menuBar().actions() if a.menu() is not None}


def named_entries(text: str, titles) -> list[tuple[str, str]]:
    """Every "Menu → Entry" in the guide's plain text whose menu is one of ``titles``."""
    found = []
    for line in text.splitlines():
        for title in titles:
            for match in re.finditer(re.escape(title) + r" → ", line):
                rest = line[match.end():]
                found.append((title, rest))
    return found


def guide_text(window, qtbot) -> str:
    window.help.show_guide()
    dialog = window.help.dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.toPlainText()
    dialog.reject()
    return text


def test_every_menu_entry_the_guide_names_is_in_the_menu(window, qtbot):
    text = guide_text(window, qtbot)
    bar = menus(window)
    named = named_entries(text, bar)
    assert len(named) >= 12, named
    for title, rest in named:
        assert any(rest.startswith(entry) for entry in bar[title]), f"{title} → {rest[:60]}: no such entry"
    # every arrow the guide draws starts at a menu of the window (Word's own menus are written with ›)
    arrows = text.count("→")
    assert arrows == len(named), (arrows, named)


def test_the_guide_speaks_of_docx_paste_undo_and_the_aimags_answer(window, qtbot):
    text = guide_text(window, qtbot)
    for words in (".docx", "Ctrl+Shift+V", "Ctrl+Z", ".tailan-receipt", "Аймгийн хариу", "Documents"):
        assert words in text, words
    assert "Текст файл импортлох" not in text  # the entry it used to name, which does not exist


def test_the_check_fails_for_an_entry_that_does_not_exist(window, qtbot):
    bar = menus(window)
    file_menu = next(iter(bar))
    (title, rest), = named_entries(f"Choose {file_menu} → Текст файл импортлох to begin.", bar)
    assert not any(rest.startswith(entry) for entry in bar[title])


def test_f1_shows_the_guide_from_the_tree(window, qtbot):
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_F1)
    qtbot.waitUntil(lambda: window.help.dialog is not None and window.help.dialog.isVisible())
    assert QApplication.activeModalWidget() is None or window.help.dialog.isVisible()
    window.help.dialog.reject()
