"""Starting Tailan: ``tailan [FILE]`` opens a file, or the last one, or the start page.

``create_main_window(path)`` builds the ready window without running the event
loop (tests and the acceptance test drive it); ``main()`` is the console entry.
On first start the window shows its start page (``gui.start_page``): import a Word
table, start an empty report, or look at the sample (created then in the user's
data folder from the copy shipped in ``resources/``, and opened read-only).
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


def create_main_window(path: str | Path | None = None, prompter=None) -> MainWindow:
    """The main window on ``path`` (not shown; no event loop). A bad file leaves it empty."""
    ensure_application()
    window = MainWindow(prompter=prompter)
    if path is not None and is_sample_path(path):  # the last file was the sample: read-only again
        open_sample(window)
    elif path is not None:
        window.open_file(path)
    return window


def default_file() -> Path | None:
    """The last file, if it is still there; else None: the window shows its start page."""
    last = app_settings.last_file()
    if last and Path(last).is_file():
        return Path(last)
    return None


def install_error_hook(window: MainWindow) -> None:
    """An unexpected error is written to a log and told in one sentence, never as a traceback.

    Every edit is already in the file when it happens, so the message can say so.
    """
    import datetime
    import traceback

    from PySide6.QtCore import QCoreApplication

    from core.paths import user_data_dir

    def hook(kind, value, tb):
        log = user_data_dir() / "tailan-errors.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.datetime.now().isoformat()}\n")
                handle.write("".join(traceback.format_exception(kind, value, tb)))
        except OSError:
            pass
        window.prompter.error(
            APP_NAME,
            QCoreApplication.translate(
                "App", "Something unexpected went wrong. Your changes up to the last one are saved. "
                "Details were written to {0}."
            ).format(log),
        )

    sys.excepthook = hook


def window_for(argv: list[str]) -> MainWindow:
    """The main window the command line asks for: ``--sample`` (what ``make run`` opens: the
    sample, read-only under its banner), a file, or the last file (else the start page)."""
    if "--sample" in argv:
        window = create_main_window(None)
        open_sample(window)
        return window
    args = [a for a in argv[1:] if not a.startswith("-")]
    return create_main_window(Path(args[0]) if args else default_file())


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if "--self-test" in argv:  # before anything creates a QApplication: the test starts Qt offscreen
        from gui.selftest import run_self_test
        return run_self_test(argv)
    args = [a for a in argv[1:] if not a.startswith("-")]
    app = ensure_application(argv)
    if "--consolidate" in argv:  # the aimag's window: tailan --consolidate [AIMAG.tailan]
        from gui.consolidation import open_consolidation_window

        window = open_consolidation_window(args[0] if args else None)
        install_error_hook(window)
        return app.exec()
    window = window_for(argv)
    install_error_hook(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
