"""Replacing an existing report file never loses it (issue 13's data loss).

A file dialog that "asks before overwriting" is not enough: the officer who picks
last year's report by mistake loses a year of work. So a new file only takes the
name of an existing one after the user said yes, and then the old file is first
copied, whole, to a backup name beside it (``NAME.хуучин-YYYYMMDD-HHMMSS.tailan``);
a file another window is editing is never replaced; and a name that is free when
checked but taken a moment later is refused rather than overwritten.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

from core.errors import TailanError
from core.storage.atomic import produce_atomically
from core.storage.filenames import shorter_stem
from core.storage.filelock import FileLock


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether two paths name one file (case, ``..`` and links resolved)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def backup_path_for(target: Path) -> Path:
    """A free name beside ``target`` for its backup copy, with the time in it."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = target.with_name(shorter_stem(target.stem, f".хуучин-{stamp}", target.suffix))
    n = 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(shorter_stem(target.stem, f".хуучин-{stamp}-{n}", target.suffix))
    return candidate


def keep_backup(target: Path, backup: Path | None = None) -> Path:
    """Copies ``target`` whole to ``backup`` (atomically) before something replaces it.

    An interrupted edit's journal beside the target moves with it, so the backup
    opens as the file was and the new file is not "rolled back" with the old journal.
    """
    backup = backup or backup_path_for(target)
    produce_atomically(backup, lambda temp: shutil.copyfile(target, temp))
    journal = target.with_name(target.name + "-journal")
    if journal.exists():
        os.replace(journal, backup.with_name(backup.name + "-journal"))
    return backup


def place_new_file(partial: Path, target: Path, *, replace: bool, backup: Path | None = None) -> Path | None:
    """Gives the complete file ``partial`` the name ``target``; returns the backup made, if any.

    Without ``replace`` an existing ``target`` is refused (even one that appeared
    after the user was asked); with it, the old file is kept as a backup first. A
    file open for editing elsewhere (its lock is held) is never replaced.
    """
    if not replace:
        _rename_without_replacing(partial, target)
        return None
    lock = _lock_for_replacing(target)
    try:
        made = keep_backup(target, backup) if target.exists() else None
        os.replace(partial, target)
    finally:
        lock.release()
    return made


def _lock_for_replacing(target: Path) -> FileLock:
    """The target's edit lock: a file another window is editing is never replaced under it."""
    lock = FileLock(target)
    if not lock.acquire():
        raise TailanError(
            f"«{target.name}» файлыг өөр цонх засварлахаар нээсэн байна. Тэр цонхыг хаах эсвэл өөр нэр сонгоно уу."
        )
    return lock


def _exists_error(target: Path) -> TailanError:
    return TailanError(f"«{target.name}» нэртэй файл аль хэдийн байна. Өөр нэр сонгоно уу.")


def _rename_without_replacing(source: Path, target: Path) -> None:
    exists = _exists_error(target)
    if os.name == "nt":
        try:
            os.rename(source, target)  # Windows refuses an existing target
        except FileExistsError:
            raise exists from None
        return
    try:
        os.link(source, target)  # fails on an existing name, unlike rename
    except FileExistsError:
        raise exists from None
    except OSError:  # a file system without hard links (a FAT USB stick)
        if target.exists():
            raise exists from None
        os.replace(source, target)
        return
    os.unlink(source)


class making_room:
    """``with making_room(target, replace=..., backup=...)``: before a writer that renames over ``target``.

    For writers that already write atomically over their target (a copy, a
    submission): an existing file is refused unless ``replace``, and then it is
    locked against other windows and copied to its backup before the writer runs.
    """

    def __init__(self, target: Path, *, replace: bool, backup: Path | None = None):
        self.target, self.replace, self.backup = Path(target), replace, backup
        self.lock: FileLock | None = None

    def __enter__(self) -> Path | None:
        if not self.target.is_file():
            return None
        if not self.replace:
            raise _exists_error(self.target)
        self.lock = _lock_for_replacing(self.target)
        try:
            self.backup = keep_backup(self.target, self.backup)
        except BaseException:
            self.lock.release()
            raise
        return self.backup

    def __exit__(self, *exc) -> None:
        if self.lock is not None:
            self.lock.release()
