"""The aimag's consolidation window (``ConsolidationWindow``) and how it is opened.

Opened from the main window's File menu, or as ``tailan --consolidate AIMAG.tailan``.
Without a path it opens the consolidation file used last, or ``Аймгийн-нэгтгэл.tailan``
in the user's data folder (created by the first consolidation).
"""

from __future__ import annotations

from pathlib import Path

from core.paths import user_data_dir
from gui import settings as app_settings

LAST_FILE_KEY = "consolidation/lastFile"
DEFAULT_NAME = "Аймгийн-нэгтгэл.tailan"


def default_aimag_file() -> Path:
    last = app_settings.settings().value(LAST_FILE_KEY, "")
    if last and Path(str(last)).parent.is_dir():
        return Path(str(last))
    return user_data_dir() / DEFAULT_NAME


def remember_aimag_file(path: str | Path) -> None:
    app_settings.settings().setValue(LAST_FILE_KEY, str(Path(path).resolve()))


def open_consolidation_window(path: str | Path | None = None, prompter=None, current=None):
    """Shows the consolidation window on ``path`` (or the last one); reuses ``current`` if still open."""
    from gui.consolidation.window import ConsolidationWindow

    target = Path(path) if path else default_aimag_file()
    if not path:
        target.parent.mkdir(parents=True, exist_ok=True)  # the user's data folder on first use
    remember_aimag_file(target)
    if current is not None and current.isVisible():
        if current.aimag_path.resolve() != target.resolve():
            current.set_aimag_path(target)
        current.raise_()
        current.activateWindow()
        return current
    window = ConsolidationWindow(target, prompter=prompter)
    window.show()
    return window
