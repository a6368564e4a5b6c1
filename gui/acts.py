"""Acts that cannot be undone (finalize, reopen, send, save a copy, keep the aimag's answer).

They are not undo commands: core logs each as an explicit act. All take one path:
commit the typing first (so the act sees what the screen shows), call core, and show
core's own Mongolian message when it refuses, leaving everything as it was.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from core.errors import TailanError

T = TypeVar("T")


def act(window, failure_title: str, do: Callable[[], T]) -> T | None:
    """Runs ``do`` after committing typing; ``None`` (and core's message shown) when it fails.

    ``do`` returns what it made (a path, a report): ``None`` means it failed.
    """
    if not window.flush():
        return None
    try:
        return do()
    except TailanError as exc:
        window.prompter.error(failure_title, exc.message)
        return None


def write_to_chosen(window, failure_title: str, chosen, write: Callable[[object], T]) -> T | None:
    """A file written where the user chose (``gui.files.choose_target``): an existing one
    is first kept as the backup the user was told about (``core.storage.replacing``); then ``act``."""
    from core.storage.replacing import making_room

    def run() -> T:
        with making_room(chosen.path, replace=chosen.replace, backup=chosen.backup):
            return write(chosen.path)

    return act(window, failure_title, run)


def explain(action, enabled: bool, why: str = "") -> None:
    """Enables ``action``, or greys it with the reason in its tooltip and status tip (the
    menus show tooltips; the status bar shows the status tip while the entry is hovered):
    a grey entry says why, in words that say what to do ("reopen first")."""
    action.setEnabled(enabled)
    tip = "" if enabled else why
    action.setStatusTip(tip)
    action.setToolTip(tip or action.text().replace("&", ""))


def why_read_only(doc) -> str:
    """Why the report shown cannot be changed now, and what to do about it."""
    from gui.i18n import tr

    if doc is None:
        return tr("Open a report or start one first.")
    if doc.file_read_only:
        return doc.file_read_only_reason or tr("This file is open read-only; nothing can be changed.")
    if doc.finalized:
        return tr("The report is finalized: to change it, reopen it first (File → Reopen for changes).")
    return ""
