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
