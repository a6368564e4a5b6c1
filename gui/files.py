"""Making new report files: blank, carried forward, or imported from text.

Each writes a complete new file through core (``ReportFile.create`` refuses to
overwrite) under a temporary name and renames it into place, so a power cut never
leaves half a file under the name the user chose. The window then opens it like
any other file.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from core.errors import TailanError
from core.model import Report
from core.paths import FILE_SUFFIX
from core.storage import ReportFile

#: The file dialogs' filter for report, submission and consolidation files.
FILE_FILTER = "Tailan (*.tailan);;* (*)"


def with_suffix(path: str | Path) -> Path:
    path = Path(path)
    return path if path.suffix.lower() == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)


def write_new_file(path: str | Path, report: Report) -> Path:
    """A new file holding ``report``; refuses an existing name (the dialog asked already)."""
    target = with_suffix(path)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    if partial.exists():
        partial.unlink()
    try:
        with ReportFile.create(partial) as rf:
            rf.add_report(report)
        os.replace(partial, target)
    except OSError as exc:
        raise TailanError(f"«{target.name}» файлыг үүсгэж чадсангүй ({exc.strerror}).") from None
    finally:
        if partial.exists():
            partial.unlink()
    return target


def blank_report(like: Report | None = None) -> Report:
    """A new, empty report; the organization and aimag are taken from the open one."""
    year = datetime.date.today().year
    if like is None:
        return Report(year=year)
    return Report(organization=like.organization, aimag=like.aimag, year=year)


def suggested_name(report: Report, folder: Path) -> str:
    base = f"{report.organization or 'tailan'} {report.year or ''}".strip().replace("/", "-")
    return str(folder / f"{base}{FILE_SUFFIX}")
