"""Making new report files: blank, carried forward, or imported from text.

Each writes a complete new file through core under a temporary name and renames it
into place, so a power cut never leaves half a file under the name the user chose.
The window then opens it like any other file. An existing file is never replaced
silently (issue 13): ``choose_target`` refuses the open file and asks about any
other, and the old file is kept as a backup copy beside it (``core.storage.replacing``).
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from core.errors import TailanError
from core.paths import FILE_SUFFIX
from core.report.model import Period, Report
from core.storage import ReportFile
from core.storage.filenames import file_name, fits
from core.storage.replacing import backup_path_for, place_new_file, same_file
from gui.i18n import tr

# The file dialogs' filter for report, submission and consolidation files.
FILE_FILTER = "Tailan (*.tailan);;* (*)"


def with_suffix(path: str | Path) -> Path:
    path = Path(path)
    return path if path.suffix.lower() == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)


@dataclass(frozen=True)
class Target:
    """Where a new file goes, and whether the user agreed to replace the file there."""

    path: Path
    replace: bool = False
    backup: Path | None = None


def choose_target(window, path: str | Path, add_suffix: bool = True) -> Target | None:
    """Checks the name the user chose: the open file is refused, another existing file asked about."""
    target = with_suffix(path) if add_suffix else Path(path)
    doc = window.doc
    return confirm_target(window.prompter, target, doc.path if doc is not None else None)


def confirm_target(prompter, target: Path, open_file: Path | None = None) -> Target | None:
    """Any file the window is about to write (a report, a Word file, a PDF, a CSV...): the open report
    file is refused; an existing file is replaced only when the user says so, and is then kept as
    the backup the question names (``core.storage.replacing``, ``gui.acts.write_to_chosen``)."""
    target = Path(target)
    if open_file is not None and target.exists() and same_file(target, open_file):
        prompter.error(
            tr("Choose another name"),
            tr("«{0}» is the report open in this window; it cannot be replaced by another file. "
               "Choose another name.").format(target.name),
        )
        return None
    if not target.is_file():
        return Target(target)
    backup = backup_path_for(target)
    if not prompter.confirm(
        tr("The file already exists"),
        tr("«{0}» already exists. Replace it with the new file? The old file is kept beside it as «{1}».").format(
            target.name, backup.name),
        tr("Replace"),
        tr("Cancel"),
    ):
        return None
    return Target(target, True, backup)


def offer_clean_copy(window, path: str | Path, refused: TailanError) -> Path | None:
    """A file refused on opening: said. When its only fault is objects of its own (a trigger, an
    index, a view) on tables that are exactly ours, a clean copy made by Tailan is offered beside
    it; the file itself is never opened as it is, nor changed. Returns the copy made, if any."""
    from core.storage.filenames import shorter_stem
    from core.storage.opencheck import ForeignSchemaError, make_clean_copy

    path = Path(path)
    title = tr("The file was not opened")
    if not (isinstance(refused, ForeignSchemaError) and refused.cleanable):
        window.prompter.error(title, refused.message)
        return None
    n, target = 1, path.with_name(shorter_stem(path.stem, ".цэвэр", path.suffix))
    while target.exists():
        n += 1
        target = path.with_name(shorter_stem(path.stem, f".цэвэр{n}", path.suffix))
    if not window.prompter.confirm(
        title,
        refused.message + "\n\n" + tr("Make a clean copy «{0}» beside it, with only what Tailan itself writes, and "
                                       "open that? The file itself is not changed.").format(target.name),
        tr("Make a clean copy"), tr("Cancel"),
    ):
        return None
    try:
        return make_clean_copy(path, target)
    except TailanError as exc:
        window.prompter.error(title, exc.message)
        return None


def write_new_file(path: str | Path | Target, report: Report, source: ReportFile | None = None) -> Path:
    """A new file holding ``report`` (the evidence it carries copied from ``source``, the file it was made
    from); an existing name only with ``Target.replace`` (a backup is kept)."""
    from core.sending.next_file import build_report_file

    chosen = path if isinstance(path, Target) else Target(with_suffix(path))
    target = chosen.path
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    if partial.exists():
        partial.unlink()
    try:
        build_report_file(partial, report, source)
        place_new_file(partial, target, replace=chosen.replace, backup=chosen.backup)
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
    """``Нарийнтээл сум 2024.tailan``; a plan and a half-year report say so (one year has three files)."""
    kind = "" if report.period is Period.ANNUAL else report.period.document
    base = f"{report.organization or 'tailan'} {report.year or ''} {kind}".strip().replace("/", "-")
    if not fits(base + FILE_SUFFIX):  # a long organization's name: shortened, unique (core.storage.filenames)
        parts = [report.organization or "tailan", str(report.year or ""), kind]
        return str(folder / file_name(parts, FILE_SUFFIX, " "))
    return str(folder / f"{base}{FILE_SUFFIX}")
