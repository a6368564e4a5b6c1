"""The project's own error type: every failure a user can cause ends here, with a message.

Messages are Mongolian, short, and say what is wrong and what to do. The command
line prints ``message`` and exits 2; the window shows it in a dialog. Nothing else
may escape to the user as a traceback.
"""

from __future__ import annotations


class TailanError(Exception):
    """A failure the user can understand and act on."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotOurFileError(TailanError):
    """The file is not a Tailan file (another program's SQLite, or not SQLite at all)."""


class NewerFileError(TailanError):
    """The file was written by a newer Tailan; opening it could damage it."""


class DamagedFileError(TailanError):
    """The file is ours but fails SQLite's integrity check, or is truncated."""


class ReadOnlyError(TailanError):
    """An edit was asked of a file opened read-only (read-only medium, or finalized)."""


class ImportFormatError(TailanError):
    """The text could not be read as the official table; names the lines and what was expected."""

    def __init__(self, message: str, problems: list[tuple[int, str]] | None = None):
        super().__init__(message)
        self.problems = problems or []


class NotFoundError(TailanError):
    """No report, goal or measure with that identity or number."""


class WriteError(TailanError):
    """The disk is full, the medium is read-only or was removed while writing."""
