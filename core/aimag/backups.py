"""A backup of the aimag's file before every consolidation run.

The aimag's file is the only copy of every soum's accepted report and of the register
of organizations and their keys; a run changes it in one transaction, but a run on the
wrong folder, or a decision taken in haste, is still a change that nobody can take back
by hand. So before each run the file as it was is copied, whole and consistent (SQLite's
``VACUUM INTO``, atomically), into a folder beside it, ``<name>-нөөц/<name>-YYYYMMDD-HHMMSS.tailan``;
the newest ``KEPT`` copies stay, older ones are removed. Opening a backup is opening a
consolidation file ("Other consolidation file…").
"""

from __future__ import annotations

import datetime
from pathlib import Path

from core.storage import ReportFile

#: How many backups of one aimag file are kept (the newest).
KEPT = 10


def backups_folder(aimag_db: str | Path) -> Path:
    aimag_db = Path(aimag_db)
    return aimag_db.with_name(aimag_db.stem + "-нөөц")


def backups(aimag_db: str | Path) -> list[Path]:
    """The backups kept of ``aimag_db``, oldest first."""
    folder = backups_folder(aimag_db)
    stem = Path(aimag_db).stem
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(f"{stem}-*.tailan") if p.is_file()), key=lambda p: p.stem)


def backup_before_run(rf: ReportFile, aimag_db: str | Path) -> Path:
    """Copies the open aimag file whole into its backups folder; keeps the newest ``KEPT``."""
    aimag_db = Path(aimag_db)
    folder = backups_folder(aimag_db)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{aimag_db.stem}-{stamp}.tailan"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{aimag_db.stem}-{stamp}-{n:02d}.tailan"
    rf.write_copy(target)
    for old in backups(aimag_db)[:-KEPT]:
        old.unlink(missing_ok=True)
    return target
