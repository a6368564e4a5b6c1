"""The reliability tests: crash, full disk, read-only and vanishing media, hostile input, fuzzing.

Each test reads its size from the environment (see ``figures.py``): short in the
default run, long under ``make reliability``.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def window_env(tmp_path, monkeypatch, qapp):
    """The window in this process: its own QSettings folder, never the real user's profile."""
    from PySide6.QtCore import QSettings

    from gui import qtfix

    qtfix.keep_none_alive()
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(folder))
    return qapp
