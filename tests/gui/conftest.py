"""Fixtures for the window tests: real files in tmp_path, real widgets, no real user settings.

Every test gets its own QSettings folder and data folder, so nothing reads or
writes the real user's profile, and a ``RecordingPrompter`` in place of dialogs.
"""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.tables.sample import create_sample_database  # noqa: E402
from gui import qtfix  # noqa: E402

qtfix.keep_none_alive()  # PySide6 6.12.0 on Python 3.11 drops a None reference per void call


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch, qapp):
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(folder))
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "data"))
    home = tmp_path / "home"  # Documents (where new files and the aimag's folder go) is made here
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    yield folder


@pytest.fixture(scope="session")
def _sample_made_once(tmp_path_factory):
    return create_sample_database(tmp_path_factory.mktemp("sample") / "sample.tailan")


@pytest.fixture
def sample_path(tmp_path, _sample_made_once):
    """The sample file, a copy for each test of the one imported once per run (and worker)."""
    target = tmp_path / "sample.tailan"
    shutil.copyfile(_sample_made_once, target)
    return target


@pytest.fixture
def prompter():
    from recording_prompter import RecordingPrompter

    return RecordingPrompter()


@pytest.fixture
def window(qtbot, sample_path, prompter):
    from gui.app import create_main_window

    win = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    if win.doc is not None:
        win.doc.close()
