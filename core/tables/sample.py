"""The ready sample database: the reference report, imported into a file of its own.

``make run`` and the app's first start use it, so a new user sees a real report
instead of an empty window.
"""

from __future__ import annotations

from pathlib import Path

from core.paths import FILE_SUFFIX, SAMPLE_AIMAG, SAMPLE_TEXT, resource, user_data_dir
from core.storage import ReportFile

#: The sample's name in the user's data folder (the window opens it read-only, under a banner).
SAMPLE_FILE_NAME = f"Жишээ-тайлан{FILE_SUFFIX}"


def create_sample_database(target: Path) -> Path:
    """Imports the bundled sample report into a new file at ``target``."""
    from core.tables.textimport import import_file  # here: the window asks for the sample's name at every start

    result = import_file(resource("sample", SAMPLE_TEXT))
    result.report.aimag = SAMPLE_AIMAG
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        partial.unlink()
    with ReportFile.create(partial) as rf:
        rf.add_report(result.report)
    partial.replace(target)
    return target


def ensure_sample_database(folder: Path | None = None) -> Path:
    """The sample file in the user's data folder, created on first use."""
    target = (folder or user_data_dir()) / SAMPLE_FILE_NAME
    if not target.exists():
        create_sample_database(target)
    return target
