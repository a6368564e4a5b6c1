"""Making the windows: the QApplication as Tailan needs it, and the main window wired to the aimag's.

The soum's main window opens the aimag's consolidation window (File → Aimag
consolidation…), and that one opens a soum's received report in a main window: the
two know each other only through what this module hands them, so neither imports
the other's module back (no import cycle). ``gui.app`` (the ``tailan`` command) and
``gui.selftest`` make their windows here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core.paths import resource
from gui import fonts, i18n, qtfix, text_menu
from gui import settings as app_settings
from gui.main_window import MainWindow
from gui.start_page import is_sample_path, open_sample

APP_NAME = "Tailan"


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created if none), with fonts and the chosen language installed."""
    qtfix.keep_none_alive()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Tailan")
    icon = resource("icons", "tailan.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    fonts.ensure_mongolian_font(app)
    i18n.install(app, app_settings.language())
    text_menu.install(app)  # the text fields' right-click menu in Mongolian
    return app


def open_consolidation_window(path: str | Path | None = None, prompter=None, current=None, aimag: str = ""):
    """The aimag's window on ``path`` (or the last one used; the first time a new file in
    ``Documents/Tailan/<aimag>``); ``current`` is reused while open.

    Its module is loaded only when the aimag's window is first opened: a soum never needs it.
    """
    from gui.consolidation.window import open_consolidation_window as open_window

    return open_window(path, prompter=prompter, current=current, aimag=aimag)


def create_main_window(path: str | Path | None = None, prompter=None) -> MainWindow:
    """The main window on ``path`` (not shown; no event loop). A bad file leaves it empty."""
    ensure_application()
    window = MainWindow(prompter=prompter, open_consolidation=open_consolidation_window)
    if path is not None and is_sample_path(path):  # the last file was the sample: read-only again
        open_sample(window)
    elif path is not None:
        window.open_file(path)
    return window
