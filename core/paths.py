"""Where things live: the bundled resources and the user's data folder.

Resources are found beside the source tree, or inside a PyInstaller bundle
(``sys._MEIPASS``). User data never lives inside the install folder: an upgrade or
an uninstall must not touch it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Tailan"
FILE_SUFFIX = ".tailan"
SAMPLE_TEXT = "000_09351593bdc28142.txt"
SAMPLE_AIMAG = "Өвөрхангай"


def resources_dir() -> Path:
    """The bundled resources: beside the source tree, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """One bundled resource file (fonts, the sample), wherever the program is installed."""
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """Per-user data folder: %APPDATA%\\Tailan on Windows, XDG data home elsewhere."""
    override = os.environ.get("TAILAN_DATA_DIR")
    if override:
        return Path(override)
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / APP_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME.lower()


def app_version() -> str:
    """The installed version (package metadata), for About and the self-test; ``?`` in a bare source tree."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tailan")
    except PackageNotFoundError:
        return "?"
