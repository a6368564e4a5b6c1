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
    """Runs ``do`` after committing typing; ``None`` (and core's message shown) when it fails."""
    if not window.flush():
        return None
    try:
        return do()
    except TailanError as exc:
        window.prompter.error(failure_title, exc.message)
        return None
