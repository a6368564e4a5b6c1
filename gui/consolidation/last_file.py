"""Which aimag file the consolidation window opens: the one used last, else a new one in Documents.

``tailan --consolidate`` without a path, and File → Aimag consolidation…, open the
consolidation file used last, or ``Аймгийн-нэгтгэл.tailan`` in the aimag's folder in
Documents (``Documents/Tailan/<aimag>/``, ``gui.consolidation.places``; created by the
first consolidation). A file used last that an older Tailan made in the data folder is
still opened (it holds the aimag's work), but no file dialog starts there.
"""

from __future__ import annotations

from pathlib import Path

from gui import settings as app_settings
from gui.consolidation.places import DEFAULT_NAME, new_aimag_file  # noqa: F401 (DEFAULT_NAME: its old home)

LAST_FILE_KEY = "consolidation/lastFile"


def default_aimag_file(aimag: str = "") -> Path:
    last = app_settings.settings().value(LAST_FILE_KEY, "")
    if last and Path(str(last)).parent.is_dir():
        return Path(str(last))
    return new_aimag_file(aimag)


def remember_aimag_file(path: str | Path) -> None:
    app_settings.settings().setValue(LAST_FILE_KEY, str(Path(path).resolve()))
