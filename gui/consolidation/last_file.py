"""Which aimag file the consolidation window opens: the one used last, else one in the user's data folder.

``tailan --consolidate`` without a path, and File → Aimag consolidation…, open the
consolidation file used last, or ``Аймгийн-нэгтгэл.tailan`` in the user's data folder
(created by the first consolidation).
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
