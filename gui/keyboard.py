"""The window by keyboard: score from the tree, jump to the score, reach the menus on any layout.

An officer scores forty measures at the end of the year; with the mouse or ten Tab
presses per measure that is the slowest part of the job. In the plan tree, on a
selected measure:

* ``1`` ``7`` ``3`` ``0`` give 100, 70, 30, 0; ``Н`` (Cyrillic En, "not due"), or
  ``N`` on a US layout, gives "not yet due";
* ``Delete`` or ``Backspace`` clears the score (``Shift+Delete`` deletes the measure).

Each goes through ``Document.set_field``, the same undo command as the form's score
box. ``Ctrl+E`` jumps to the score box of the measure shown.

Menus: the titles carry ``&`` mnemonics, but a Mongolian title's mnemonic (``Ф``)
cannot be typed on a US layout, nor ``F`` on a Mongolian one; so ``Alt`` with the
English or the Mongolian letter opens each menu (Qt also tries the Latin key of a
non-Latin layout), and ``F10`` opens the first menu, as on Windows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from core.report.kinds import ItemKind
from core.report.model import Measure, Score
from gui.i18n import tr

# Typed text -> score; ``None`` clears. Н/н is Cyrillic En ("not due"), N/n the same key on a US layout.
SCORE_KEYS = {
    "1": Score.FULL,
    "7": Score.IN_PROGRESS,
    "3": Score.INSUFFICIENT,
    "0": Score.NOT_IMPLEMENTED,
    "н": Score.NOT_DUE,
    "Н": Score.NOT_DUE,
    "n": Score.NOT_DUE,
    "N": Score.NOT_DUE,
}
CLEAR_KEYS = (Qt.Key_Delete, Qt.Key_Backspace)
JUMP_TO_SCORE = QKeySequence("Ctrl+E")
# Menu index -> the letters that open it with Alt (English and Mongolian titles).
MENU_LETTERS = {0: ("F", "Ф"), 1: ("E", "З"), 2: ("V", "Х")}


class TreeScoring(QObject):
    """Event filter on the plan tree: score keys on a selected measure."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        window.tree.installEventFilter(self)

    def _measure(self) -> Measure | None:
        doc = self.w.doc
        if doc is None or doc.read_only:
            return None
        item = doc.items.get(self.w.current_item_id())
        return item if isinstance(item, Measure) else None

    def _plain(self, event) -> bool:
        return not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier | Qt.ShiftModifier) \
            or (event.modifiers() == Qt.ShiftModifier and event.text() in SCORE_KEYS)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return False
        if not self._plain(event) or self._measure() is None:
            return False
        wanted = event.key() in CLEAR_KEYS or event.text() in SCORE_KEYS or event.key() == Qt.Key_N
        if not wanted:
            return False
        if kind == QEvent.ShortcutOverride:
            event.accept()  # the key is ours here, not the Delete action's
            return True
        score = None if event.key() in CLEAR_KEYS else SCORE_KEYS.get(event.text(), Score.NOT_DUE)
        self.score(score)
        return True

    def score(self, score: Score | None) -> bool:
        measure = self._measure()
        if measure is None:
            return False
        self.w.flush()
        ok = self.w.doc.set_field(ItemKind.MEASURE, measure.id, "score", score)
        if ok:
            text = score.label if score is not None else tr("no score")
            self.w.statusBar().showMessage(tr("Measure {0}: {1}").format(measure.number or "?", text), 4000)
        return ok


class KeyboardActions:
    """Installs the tree's score keys, the jump to the score and the menu keys on ``window``."""

    def __init__(self, window):
        self.w = window
        self.scoring = TreeScoring(window)
        self.jump = QAction(tr("Go to the score"), window)
        self.jump.setObjectName("jumpToScoreAction")
        self.jump.setShortcut(JUMP_TO_SCORE)
        self.jump.triggered.connect(lambda *_: self.jump_to_score())
        window.addAction(self.jump)
        menu_of(window, window.actions_.find).insertAction(window.actions_.find, self.jump)
        delete = window.actions_.delete
        # The menu shows the first key: Shift+Del deletes anywhere in the tree, while Del on a
        # measure clears its score (above); Del on a goal still deletes it.
        delete.setShortcuts([QKeySequence("Shift+Del"), QKeySequence(QKeySequence.Delete)])
        self._menu_keys()

    def _menu_keys(self) -> None:
        bar = self.w.menuBar()
        menus = [action for action in bar.actions() if action.menu() is not None]
        f10 = QAction(self.w)
        f10.setObjectName("menuBarKeyAction")
        f10.setShortcut(QKeySequence(Qt.Key_F10))
        f10.triggered.connect(lambda *_: self.open_menu(menus[0]))
        self.w.addAction(f10)
        for index, letters in MENU_LETTERS.items():
            if index >= len(menus):
                continue
            title = menus[index].text()
            own = title[title.index("&") + 1].upper() if "&" in title[:-1] else ""
            extra = [letter for letter in letters if letter.upper() != own]  # the title's own is Qt's already
            action = QAction(self.w)
            action.setShortcuts([QKeySequence(f"Alt+{letter}") for letter in extra])
            action.triggered.connect(lambda *_, menu=menus[index]: self.open_menu(menu))
            self.w.addAction(action)

    def open_menu(self, menu_action: QAction) -> None:
        bar = self.w.menuBar()
        bar.setFocus(Qt.ShortcutFocusReason)
        bar.setActiveAction(menu_action)

    def jump_to_score(self) -> bool:
        doc = self.w.doc
        if doc is None or doc.kind_of(self.w.current_item_id() or doc.report.id) != ItemKind.MEASURE:
            return False
        form = self.w.forms[ItemKind.MEASURE]
        form.ensureWidgetVisible(form.score)
        form.score.setFocus(Qt.ShortcutFocusReason)
        return True


def menu_of(window, action: QAction):
    """The menu bar's menu that holds ``action`` (found by content, not by position)."""
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if menu is not None and action in menu.actions():
            return menu
    raise LookupError(action.objectName())


def focus_text_of(window, item_id: str) -> None:
    """After adding a goal or a measure the cursor stands in its text, ready to type."""
    doc = window.doc
    if doc is None or item_id not in doc.items:
        return
    form = window.forms.get(doc.kind_of(item_id))
    editor = getattr(form, "text", None)
    if editor is not None:
        form.ensureWidgetVisible(editor)
        editor.setFocus(Qt.OtherFocusReason)
