"""Where the aimag's work lives: ``Documents/Tailan/<aimag>/``, never the hidden data folder.

The consolidation file is the only copy of every soum's accepted report and of the key
register; its exports (ranking PDF, Excel, CSV), remarks and receipts are what the
reviewer hands on. All of them belong where the reviewer finds and backs them up: a
folder of the aimag in Documents. A file dialog of the aimag's window starts in the
consolidation file's folder, or, when that file still lies in the data folder (made by
an older Tailan), in the aimag's folder in Documents.
"""

from __future__ import annotations

from pathlib import Path

from core.report.evidence.names import safe_name
from gui.start_page import documents_folder, in_data_folder

APP_FOLDER = "Tailan"
DEFAULT_NAME = "Аймгийн-нэгтгэл.tailan"
#: The aimag's folder when its name is not known yet.
UNNAMED = "Аймаг"


def aimag_folder(aimag: str = "") -> Path:
    """``Documents/Tailan/<aimag>`` (made when missing)."""
    folder = documents_folder() / APP_FOLDER / safe_name(aimag.strip() or UNNAMED)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_aimag_file(aimag: str = "") -> Path:
    """Where a first consolidation file is made: in the aimag's folder in Documents."""
    return aimag_folder(aimag) / DEFAULT_NAME


def work_folder(aimag_path: str | Path, aimag: str = "") -> Path:
    """Where the window's file dialogs start and its exports are suggested: beside the
    consolidation file, unless that lies in the data folder."""
    folder = Path(aimag_path).parent
    if folder.is_dir() and not in_data_folder(folder):
        return folder
    return aimag_folder(aimag)
