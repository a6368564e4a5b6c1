"""Starting Tailan: ``tailan [FILE]`` opens a file, or the last one, or the start page.

``create_main_window(path)`` builds the ready window without running the event
loop (tests and the acceptance test drive it; it is made in ``gui.windows``, with the
QApplication, and named here too); ``main()`` is the console entry. ``--self-test``
hands the process to ``gui.selftest``, which makes its windows through ``gui.windows``
too, never through this module.
On first start the window shows its start page (``gui.start_page``): import a Word
table, start an empty report, or look at the sample (created then in the user's
data folder from the copy shipped in ``resources/``, and opened read-only).
"""

from __future__ import annotations

import sys
from pathlib import Path

from gui import settings as app_settings
from gui.main_window import MainWindow
from gui.start_page import open_sample
from gui.windows import APP_NAME, create_main_window, ensure_application, open_consolidation_window

__all__ = ["APP_NAME", "create_main_window", "ensure_application", "main", "window_for"]


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
        window = open_consolidation_window(args[0] if args else None)
        install_error_hook(window)
        return app.exec()
    window = window_for(argv)
    install_error_hook(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
