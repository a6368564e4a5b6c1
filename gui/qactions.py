"""One way to make a window's actions: text, what it does, a name, its shortcuts.

Every menu part (the main menus, sending, the year, help, the aimag's file menu) makes
its actions here, so that each is named alike (the tests and the self-test find them by
name) and a list of shortcuts means the same everywhere.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def new_action(owner: QWidget, text: str, slot, name: str = "", shortcut=None, add_to: QWidget | None = None) -> QAction:
    """A ``QAction`` of ``owner`` that calls ``slot()`` (without the checked flag Qt passes),
    named ``name``, with one shortcut or a list of them, added to ``add_to`` (default
    ``owner``: its shortcut then works wherever the window's focus is)."""
    action = QAction(text, owner)
    if name:
        action.setObjectName(name)
    if isinstance(shortcut, (list, tuple)):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda *_: slot())
    (owner if add_to is None else add_to).addAction(action)
    return action
