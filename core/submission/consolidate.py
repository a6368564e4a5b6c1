"""The aimag's consolidation: received submissions checked, archived, then merged.

For each file, in order: check it (``verify.check_submission``, which never lets
SQLite touch the file), copy its bytes into the archive folder beside the aimag's
file under their SHA-256, and only then merge it in one transaction. A new
organization/year/period is added; the same fingerprint again is a duplicate and is
skipped; a newer revision of the same report replaces the older one in the
consolidated view, the older one staying in the ``submissions`` history; anything
else is rejected with its reason, and nothing of it enters the aimag's file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .. import scoring
from ..errors import TailanError
from ..model import Report
from ..atomic import friendly_write_error, fsync_dir
from ..storage import ReportFile, now_iso
from .verify import Verdict, check_submission

ADDED, UPDATED, SKIPPED, REJECTED = "added", "updated", "skipped", "rejected"


@dataclass
class FileOutcome:
    file: str
    status: str
    reason: str
    organization: str = ""
    year: int | None = None
    period: str = ""
    revision: int | None = None
    fingerprint: str = ""


@dataclass
class ConsolidationResult:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def to_json(self) -> dict:
        return {
            "added": self.count(ADDED),
            "updated": self.count(UPDATED),
            "skipped": self.count(SKIPPED),
            "rejected": [{"file": o.file, "reason": o.reason} for o in self.outcomes if o.status == REJECTED],
            "files": [o.__dict__ for o in self.outcomes],
        }


def archive_dir(aimag_db: Path) -> Path:
    return aimag_db.with_name(aimag_db.stem + "-archive")


def expand_inputs(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given; a folder stands for the Tailan files inside it (not recursive)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.iterdir() if x.is_file() and not x.name.startswith(".")))
        else:
            out.append(p)
    return out


#: Files merged per transaction: the archive copies are flushed to disk, then one
#: commit makes the whole batch durable. A power cut loses at most an uncommitted
#: batch, which a second run merges again (duplicates are recognised by fingerprint).
BATCH_SIZE = 200


def consolidate(
    files: Iterable[str | os.PathLike],
    aimag_db: str | os.PathLike,
    progress: Callable[[int, int, FileOutcome], None] | None = None,
) -> ConsolidationResult:
    """Checks and merges received files into the aimag's Tailan file (created if needed).

    A failure to write (full disk, removed medium) stops the run with ``WriteError``;
    the batch being merged is rolled back whole.
    """
    aimag_db = Path(aimag_db)
    paths = expand_inputs(files)
    result = ConsolidationResult()
    with ReportFile.open(aimag_db, create=True) as rf:
        if rf.read_only:
            raise TailanError(rf.read_only_reason or "Аймгийн нэгтгэлийн файл зөвхөн уншигдах байна.")
        archive = archive_dir(aimag_db)
        for start in range(0, len(paths), BATCH_SIZE):
            batch = paths[start : start + BATCH_SIZE]
            archived: list[Path] = []
            outcomes: list[FileOutcome] = []
            with rf._edit():
                for path in batch:
                    outcome = _consolidate_one(rf, archive, path, archived)
                    outcomes.append(outcome)
                    if progress:
                        progress(start + len(outcomes), len(paths), outcome)
                _flush_archive(archive, archived)  # the copies are on disk before the commit
            result.outcomes.extend(outcomes)
    return result


def _consolidate_one(rf: ReportFile, archive: Path, path: Path, archived: list[Path]) -> FileOutcome:
    verdict = check_submission(path)
    if not verdict.ok:
        return FileOutcome(str(path), REJECTED, verdict.reason)
    report = verdict.report
    assert report is not None and report.fingerprint
    base = FileOutcome(
        str(path), "", "", report.organization, report.year, report.period.value, report.revision, report.fingerprint
    )
    known = rf.conn.execute("SELECT status, file_name FROM submissions WHERE fingerprint = ?", (report.fingerprint,)).fetchone()
    if known:
        base.status, base.reason = SKIPPED, f"давхардсан: энэ тайланг өмнө нь хүлээн авсан ({known[1]})"
        return base
    current = _current_for(rf, report)
    if current is not None:
        cur_id, cur_report_id, cur_revision, cur_file = current
        if cur_report_id != report.id:
            base.status = REJECTED
            base.reason = (
                f"{report.organization}-ийн {report.year} оны {report.period.label.lower()} өөр тайлан "
                f"аль хэдийн ирсэн ({cur_file}); аль нь зөвийг байгууллагаас тодруулна уу"
            )
            return base
        if report.revision <= cur_revision:
            base.status = REJECTED
            base.reason = (
                f"хуучин хувилбар ({report.revision}); хувилбар {cur_revision} аль хэдийн ирсэн ({cur_file})"
            )
            return base
    clash = _identity_clash(rf, report, replacing=current is not None)
    if clash:
        base.status, base.reason = REJECTED, clash
        return base
    archive_name = _archive(archive, verdict, archived)
    with rf._edit():  # a savepoint inside the batch: this file's rows, all or none
        if current is not None:
            rf.conn.execute("UPDATE submissions SET status = 'superseded' WHERE id = ?", (current[0],))
            rf.conn.execute("DELETE FROM reports WHERE id = ?", (report.id,))
        rf._insert_report(report)
        rf.conn.execute(
            "INSERT INTO submissions (fingerprint, report_id, aimag, organization, year, period, revision,"
            " finalized_at, total, file_name, archive_name, received_at, status, content)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?)",
            (
                report.fingerprint,
                report.id,
                report.aimag,
                report.organization,
                report.year,
                report.period.value,
                report.revision,
                report.finalized_at,
                scoring.display(scoring.report_total(report)),
                path.name,
                archive_name,
                now_iso(),
                verdict.canonical.decode("utf-8"),
            ),
        )
        rf._log(report.id, "report", report.id, "(received)", None, report.fingerprint)
    base.status = UPDATED if current is not None else ADDED
    base.reason = f"хувилбар {report.revision}" + (f" (хувилбар {current[2]}-ийг сольсон)" if current else "")
    return base


def _identity_clash(rf: ReportFile, report: Report, replacing: bool) -> str:
    """Identities must be new, unless a newer revision replaces the same report."""
    if not replacing and rf.conn.execute("SELECT 1 FROM reports WHERE id = ?", (report.id,)).fetchone():
        return "тайлангийн дугаар (id) нэгтгэлд байгаа өөр тайлантай давхцаж байна"
    checks = (
        ("goals", [g.id for g in report.goals], "report_id"),
        ("measures", [m.id for m in report.measures()], None),
        ("signatories", [s.id for s in report.signatories], "report_id"),
    )
    for table, ids, _ in checks:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            if table == "measures":
                sql = (f"SELECT 1 FROM measures m JOIN goals g ON m.goal_id = g.id"
                       f" WHERE m.id IN ({marks}) AND g.report_id != ? LIMIT 1")
            else:
                sql = f"SELECT 1 FROM {table} WHERE id IN ({marks}) AND report_id != ? LIMIT 1"
            if rf.conn.execute(sql, (*chunk, report.id)).fetchone():
                return "файлын дугаарууд (id) нэгтгэлд байгаа өөр тайлантай давхцаж байна: хуулж засварласан файл байж магадгүй"
    return ""


def _current_for(rf: ReportFile, report: Report) -> tuple | None:
    """The current submission of the same report: same report id, or same organization, year and period."""
    row = rf.conn.execute(
        "SELECT id, report_id, revision, file_name FROM submissions WHERE status = 'current' AND report_id = ?",
        (report.id,),
    ).fetchone()
    if row:
        return row
    return rf.conn.execute(
        "SELECT id, report_id, revision, file_name FROM submissions WHERE status = 'current'"
        " AND aimag = ? AND organization = ? AND year IS ? AND period = ?",
        (report.aimag, report.organization, report.year, report.period.value),
    ).fetchone()


def _archive(folder: Path, verdict: Verdict, archived: list[Path]) -> str:
    """The received bytes, kept under their hash before anything is merged.

    Written here, flushed to disk by ``_flush_archive`` before the batch commits.
    """
    assert verdict.data is not None and verdict.sha256
    name = f"{verdict.sha256}.tailan"
    target = folder / name
    if target.exists() and target.stat().st_size == len(verdict.data):
        return name
    temp = folder / f".{name}.{os.getpid()}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(verdict.data)
        os.replace(temp, target)
    except OSError as exc:
        try:
            temp.unlink()
        except OSError:
            pass
        raise friendly_write_error(exc, target) from None
    archived.append(target)
    return name


def _flush_archive(folder: Path, archived: list[Path]) -> None:
    try:
        for path in archived:
            with open(path, "rb+") as handle:
                os.fsync(handle.fileno())
    except OSError as exc:
        raise friendly_write_error(exc, folder) from None
    if archived:
        fsync_dir(folder)
