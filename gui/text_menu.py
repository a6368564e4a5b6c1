"""The text fields' right-click menu in the window's language.

Qt's own menu (``createStandardContextMenu``) is English here: Qt ships no Mongolian
translation. So one application-wide event filter answers the context-menu event of
every ``QLineEdit`` and ``QPlainTextEdit`` (forms, find box, dialogs) with our own
menu: Undo, Redo, Cut, Copy, Paste, Delete, Select all, through ``tr()``.

Undo and Redo in a field of the main window are the window's (the document's one
undo history, as Ctrl+Z there); elsewhere they are the field's own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit

from gui.i18n import tr


def build_menu(field) -> QMenu:
    """The menu for ``field`` (a QLineEdit or QPlainTextEdit), enabled as its state allows."""
    menu = QMenu(field)
    menu.setObjectName("textContextMenu")
    read_only = field.isReadOnly()
    if isinstance(field, QLineEdit):
        selected = field.hasSelectedText()
        has_text = bool(field.text())
        own_undo, own_redo = field.isUndoAvailable(), field.isRedoAvailable()
        delete = field.del_
    else:
        selected = field.textCursor().hasSelection()
        has_text = not field.document().isEmpty()
        own_undo = field.document().isUndoAvailable()
        own_redo = field.document().isRedoAvailable()
        delete = lambda: field.textCursor().removeSelectedText()  # noqa: E731
    window_actions = getattr(field.window(), "actions_", None)
    if window_actions is not None:
        undo, redo = window_actions.undo.trigger, window_actions.redo.trigger
        can_undo, can_redo = window_actions.undo.isEnabled(), window_actions.redo.isEnabled()
    else:
        undo, redo, can_undo, can_redo = field.undo, field.redo, own_undo, own_redo
    clipboard = bool(QGuiApplication.clipboard().text())
    entries = (
        (tr("Undo"), undo, QKeySequence.Undo, can_undo and not read_only, "undo"),
        (tr("Redo"), redo, QKeySequence.Redo, can_redo and not read_only, "redo"),
        None,
        (tr("Cut"), field.cut, QKeySequence.Cut, selected and not read_only, "cut"),
        (tr("Copy"), field.copy, QKeySequence.Copy, selected, "copy"),
        (tr("Paste"), field.paste, QKeySequence.Paste, clipboard and not read_only, "paste"),
        (tr("Delete"), delete, None, selected and not read_only, "delete"),
        None,
        (tr("Select all"), field.selectAll, QKeySequence.SelectAll, has_text, "selectAll"),
    )
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, slot, keys, enabled, name = entry
        action = menu.addAction(text)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.setEnabled(bool(enabled))
        action.triggered.connect(lambda *_, s=slot: s())
    return menu


class TextMenuFilter(QObject):
    """Application-wide: replaces the standard (English) menu of text fields with ours."""

    def eventFilter(self, watched, event) -> bool:
        # Every event of the application passes here: a type test costs a third of
        # ``event.type()``, which builds a Python enum each time.
        if not isinstance(event, QContextMenuEvent):
            return False
        field = watched
        if not isinstance(field, (QLineEdit, QPlainTextEdit)):
            parent = watched.parent() if watched is not None else None  # a QPlainTextEdit's viewport
            if not isinstance(parent, QPlainTextEdit):
                return False
            field = parent
        menu = build_menu(field)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(event.globalPos())
        return True


_installed: TextMenuFilter | None = None


def install(app: QApplication) -> None:
    """Once per application."""
    global _installed
    if _installed is None:
        _installed = TextMenuFilter(app)
        app.installEventFilter(_installed)
