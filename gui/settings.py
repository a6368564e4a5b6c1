"""What the window remembers between runs: geometry, last file, recent files, language.

Stored with ``QSettings`` in INI format in the user's profile. Tests point
``QSettings.setPath`` at a temporary folder, so they never read or write the real
user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Tailan"
APPLICATION = "tailan"
MAX_RECENT = 8
LANGUAGES = ("mn", "en")


def settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)


def language() -> str:
    value = settings().value("language", "mn")
    return value if value in LANGUAGES else "mn"


def set_language(code: str) -> None:
    settings().setValue("language", code if code in LANGUAGES else "mn")


def recent_files() -> list[str]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_file(path: str | Path) -> list[str]:
    """Puts ``path`` first in the recent files and makes it the last file; writes only a change
    (reopening the last file, the usual start, writes nothing: a write waits for the disk)."""
    path = str(Path(path).resolve())
    before = recent_files()
    files = [path] + [f for f in before if f != path]
    files = files[:MAX_RECENT]
    if files == before and last_file() == path:
        return files
    store = settings()
    store.setValue("recentFiles", files)
    store.setValue("lastFile", path)
    return files


def last_file() -> str | None:
    value = settings().value("lastFile", "")
    return str(value) if value else None
