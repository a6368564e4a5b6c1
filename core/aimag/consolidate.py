"""The aimag's consolidation: received submissions checked, judged, archived, merged or queued.

For each file, in order: check it (``verify.check_submission``, which never lets
SQLite touch the file on disk: it checks a private copy, made in the archive folder)
and its signature and evidence, the files of a large batch in worker processes on
every core (``core.aimag.checking``); then judge it against the register (``rules.judge``):
the next revision of a registered organization signed with its accepted key is
merged, the same file again is skipped, and everything else waits for the reviewer
(``decisions``) with its reason. A file that is merged or waits keeps its checked copy
in the archive folder beside the aimag's file, under its SHA-256 (a rename, not a
second copy: the evidence makes files large).

The whole run is one transaction, and this process is the aimag's file's only writer:
a Cancel (or a failure to write) leaves the aimag's file as it was before the run, and
the archive copies made by the run are removed.
One bad file never stops the others: whatever goes wrong with it makes it rejected,
with its reason, and leaves nothing of it behind.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Callable, Iterable

from core.aimag import register
from core.aimag.backups import backup_before_run
from core.aimag.checking import checked_in_order
from core.aimag.current import make_current
from core.aimag.rules import Action, judge
from core.errors import TailanError, WriteError
from core.received.copying import remove_copy
from core.received.verify import Verdict
from core.storage import ReportFile
from core.storage.atomic import can_sync_file_system, friendly_write_error, fsync_dir, sync_file_system
from core.storage.decisions import DecisionStatus, latest_about, queue
from core.storage.submissions import has_submission
from core.trust.signing import key_code


class Outcome(StrEnum):
    """What became of one received file in a run (the keys of ``consolidate --json``)."""

    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"
    REJECTED = "rejected"
    PENDING = "pending"


#: The same members under their former names, for the window's modules (being split by
#: t20gui) until they name ``Outcome``; nothing else may use them.
ADDED, UPDATED, SKIPPED, REJECTED, PENDING = (Outcome.ADDED, Outcome.UPDATED, Outcome.SKIPPED, Outcome.REJECTED,
                                              Outcome.PENDING)
log = logging.getLogger(__name__)


class ConsolidationCancelled(TailanError):
    """The user cancelled: the aimag's file is as it was before the run."""

    def __init__(self) -> None:
        super().__init__("Нэгтгэлийг цуцаллаа; аймгийн файл өмнөх хэвээрээ.")


@dataclass(slots=True)
class FileOutcome:
    """What became of one received file in a run, and what it was: a line of the progress, the window and the JSON."""

    file: str
    status: Outcome | str
    reason: str
    organization: str = ""
    year: int | None = None
    period: str = ""
    revision: int | None = None
    fingerprint: str = ""
    key_code: str = ""
    kind: str = ""
    id: int | None = None  # the waiting decision's id, for pending files

    def to_json(self) -> dict:
        """Every field under its own name, for ``consolidate --json``."""
        return asdict(self)


@dataclass
class ConsolidationResult:
    """The outcomes of one consolidation run, in the order the files were taken."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    #: The copy of the aimag's file kept before this run changed it (``core.aimag.backups``).
    backup: Path | None = None

    def count(self, status: Outcome) -> int:
        """How many files ended with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def clean(self) -> bool:
        """Nothing rejected and nothing waiting for the reviewer."""
        return not (self.count(Outcome.REJECTED) or self.count(Outcome.PENDING))

    def to_json(self) -> dict:
        """The outcomes grouped by status, every status present (possibly empty), for scripts."""
        return {status.value: [o.to_json() for o in self.outcomes if o.status == status] for status in Outcome}


def archive_dir(aimag_db: Path) -> Path:
    """The archive of received files: a folder beside the aimag's file, so both are copied and kept together."""
    return aimag_db.with_name(aimag_db.stem + "-archive")


def archive_copy_intact(path: Path) -> bool:
    """Whether an archive copy still holds the bytes whose SHA-256 names it (never trusted by name and size)."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return False
    return path.stem == digest.hexdigest()


def expand_inputs(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given; a folder stands for the files inside it (not recursive)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.iterdir() if x.is_file() and not x.name.startswith(".")
                              and not x.name.endswith(("-journal", "-wal", "-shm"))))
        else:
            out.append(p)
    return out


def consolidate(
    files: Iterable[str | os.PathLike],
    aimag_db: str | os.PathLike,
    progress: Callable[[int, int, FileOutcome], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    aimag: str | None = None,
) -> ConsolidationResult:
    """Checks received files and merges or queues them in the aimag's file (created if needed).

    ``aimag`` names this aimag (kept in the file); files of another aimag then wait for
    the reviewer. ``should_cancel`` is asked before each file; when it answers true the
    run stops with ``ConsolidationCancelled`` and nothing of it stays. A failure to write
    (full disk, removed medium) stops the run with ``WriteError``, also leaving nothing.
    """
    aimag_db = Path(aimag_db)
    paths = expand_inputs(files)
    result = ConsolidationResult()
    existed = aimag_db.is_file()
    with ReportFile.open(aimag_db, create=True) as rf:
        if rf.read_only:
            raise TailanError(rf.read_only_reason or "Аймгийн нэгтгэлийн файл зөвхөн уншигдах байна.")
        if existed and paths:  # the file as it was, kept before the run changes it (core.aimag.backups)
            result.backup = backup_before_run(rf, aimag_db)
        run = _Run(rf, archive_dir(aimag_db))
        remove_stale_copies(run.archive)
        try:
            with rf.transaction():
                if aimag and aimag.strip() and aimag.strip() != register.aimag_name(rf):
                    register.set_aimag_name(rf, aimag)
                register.refresh_name_keys(rf)
                if should_cancel is not None and should_cancel():
                    raise ConsolidationCancelled()
                verdicts = checked_in_order(paths, run.archive)  # on every core (core.aimag.checking)
                try:
                    for done, verdict in enumerate(verdicts, 1):
                        outcome = run.one(verdict)
                        result.outcomes.append(outcome)
                        if progress:
                            progress(done, len(paths), outcome)
                        if done < len(paths) and should_cancel is not None and should_cancel():
                            raise ConsolidationCancelled()
                finally:
                    verdicts.close()  # workers stopped, copies checked ahead and not taken removed
                run.flush()  # the archive copies are on disk before the commit
        except BaseException:
            run.remove_created()
            raise
        finally:
            run.forget_empty_archive()
    return result


#: Archive copies being flushed to disk at once, while the next files are checked.
MAX_WRITES_IN_FLIGHT = 16
#: Archive copies renamed into place between two flushes of the archive's whole file system.
SYNC_EVERY = 32


class _Run:
    """One consolidation run: the archive copies it made, so a cancel can take them back.

    Every copy is on the disk before the run commits, and its waits for the disk overlap
    with the checks and the merging of the next files. Where one call flushes the archive's
    whole file system (Linux ``syncfs``), each checked copy is renamed into place at once,
    a thread flushes the file system every ``SYNC_EVERY`` copies, and ``flush`` once more:
    a flush per file cost the run more than merging it. Elsewhere (Windows) a small pool of
    threads flushes each copy (``fsync``) and then renames it; ``flush`` waits for them all.
    """

    def __init__(self, rf: ReportFile, archive: Path):
        from concurrent.futures import ThreadPoolExecutor

        self.rf = rf
        self.archive = archive
        self.archive_existed = archive.is_dir()
        self.created: list[Path] = []  # to take back on a cancel; a path a file
        self.pending: dict[Path, object] = {}  # copies not yet known to be on disk, oldest first
        self.whole_file_system = can_sync_file_system()
        self.renamed = 0  # copies renamed into place since the last flush of the file system
        self.syncing = None  # that flush, while its thread runs
        self.pool = ThreadPoolExecutor(max_workers=1 if self.whole_file_system else 4, thread_name_prefix="archive")

    def one(self, verdict: Verdict) -> FileOutcome:
        """What becomes of one checked file: judged, archived, merged or queued, in a savepoint."""
        path = verdict.path
        if not verdict.ok:
            return FileOutcome(str(path), Outcome.REJECTED, verdict.reason)
        report = verdict.report
        outcome = FileOutcome(str(path), "", "", report.organization, report.year, report.period.value,
                              report.revision, report.fingerprint or "")
        created_before = len(self.created)
        try:
            with self.rf.savepoint():
                self._judge_and_apply(verdict, outcome)
        except WriteError:
            self._remove_since(created_before)
            raise
        except TailanError as exc:  # a bad signature, a register clash: this file only
            self._remove_since(created_before)
            outcome.status, outcome.reason = Outcome.REJECTED, exc.message
        except sqlite3.Error as exc:
            self._remove_since(created_before)
            if _is_write_failure(exc):
                raise friendly_write_error(exc, self.rf.path) from None
            log.exception("consolidating %s", path)
            outcome.status, outcome.reason = Outcome.REJECTED, "файлыг нэгтгэж чадсангүй (дотоод алдаа; тэмдэглэлд бичлээ)"
        except (ValueError, TypeError, KeyError):
            self._remove_since(created_before)
            log.exception("consolidating %s", path)
            outcome.status, outcome.reason = Outcome.REJECTED, "файлын агуулга буруу (дотоод алдаа; тэмдэглэлд бичлээ)"
        finally:
            verdict.discard_copy()  # a copy not taken into the archive (skipped, rejected) goes
        return outcome

    def _judge_and_apply(self, verdict: Verdict, outcome: FileOutcome) -> None:
        report = verdict.report  # its signature was checked with the file (verify)
        outcome.key_code = key_code(report.public_key)
        content = verdict.canonical.decode("utf-8")
        if has_submission(self.rf, report.fingerprint):
            outcome.status, outcome.reason = Outcome.SKIPPED, "давхардсан: энэ файлыг өмнө нь хүлээн авсан"
            return
        earlier = latest_about(self.rf, report.fingerprint)
        if earlier is not None and earlier[1] == DecisionStatus.WAITING:
            outcome.status, outcome.id, outcome.kind = Outcome.PENDING, earlier[0], earlier[3]
            outcome.reason = "хянагчийн шийдвэрийг хүлээж байна (өмнө нь ирсэн)"
            return
        if earlier is not None and earlier[1] == DecisionStatus.REJECTED:
            outcome.status = Outcome.REJECTED
            outcome.reason = f"хянагч энэ файлаас татгалзсан ({(earlier[2] or '')[:10]}); дахин ирүүлсэн"
            return
        judgement = judge(self.rf, report)
        if judgement.action == Action.SKIP:
            outcome.status, outcome.reason = Outcome.SKIPPED, judgement.reason
            return
        archive_name = self._archive(verdict)
        outcome.kind = judgement.kind
        if judgement.action == Action.WAIT:
            outcome.status, outcome.reason = Outcome.PENDING, judgement.reason
            outcome.id = queue(self.rf, report, content, judgement.kind, judgement.reason,
                              judgement.organization_id, verdict.path.name, archive_name)
            return
        assert judgement.action in (Action.ADD, Action.UPDATE) and judgement.organization_id
        make_current(self.rf, report, judgement.organization_id, content, verdict.path.name, archive_name)
        outcome.status = Outcome.UPDATED if judgement.action == Action.UPDATE else Outcome.ADDED
        outcome.organization = judgement.registered_name or report.organization
        outcome.reason = judgement.reason

    def _archive(self, verdict: Verdict) -> str:
        """The received bytes, kept under their hash before anything is merged or queued: the
        private copy that was checked is renamed into place (on disk before the run commits)."""
        assert verdict.copy is not None and verdict.sha256
        name = f"{verdict.sha256}.tailan"
        target = self.archive / name
        if target in self.pending:
            return name
        existed = target.exists()
        if existed and target.stat().st_size == verdict.size and archive_copy_intact(target):
            return name
        copy, verdict.copy = verdict.copy, None
        if self.whole_file_system:
            self._rename(copy, target, existed)
            return name
        if not existed:  # a copy found changed is replaced by the received bytes, and stays so
            self.created.append(target)
        self.pending[target] = self.pool.submit(_settle, copy, target)
        while len(self.pending) > MAX_WRITES_IN_FLIGHT:  # the waits for the disk stay bounded
            self._confirm(next(iter(self.pending)))
        return name

    def _rename(self, copy: Path, target: Path, existed: bool) -> None:
        """The checked copy under its archive name now; on the disk with the next flush of the file system."""
        try:
            os.replace(copy, target)
        except OSError as exc:
            remove_copy(copy)
            raise friendly_write_error(exc, target) from None
        if not existed:
            self.created.append(target)
        self.renamed += 1
        if self.renamed >= SYNC_EVERY and (self.syncing is None or self.syncing.done()):
            self._synced()
            self.renamed = 0
            self.syncing = self.pool.submit(sync_file_system, self.archive)

    def _synced(self) -> None:
        """Waits for the running flush of the file system; its failure stops the run."""
        syncing, self.syncing = self.syncing, None
        if syncing is not None:
            try:
                syncing.result()
            except OSError as exc:
                raise friendly_write_error(exc, self.archive) from None

    def _confirm(self, target: Path) -> None:
        """Waits for one copy to be on disk (and forgets its bytes); a failure stops the run."""
        future = self.pending.pop(target)
        try:
            future.result()
        except OSError as exc:
            raise friendly_write_error(exc, target) from None

    def flush(self) -> None:
        """Waits until every copy of the run is on disk; the first failure stops the run."""
        while self.pending:
            self._confirm(next(iter(self.pending)))
        if self.whole_file_system:
            self._synced()
            if self.renamed:
                try:
                    sync_file_system(self.archive)
                except OSError as exc:
                    raise friendly_write_error(exc, self.archive) from None
        elif self.created:
            fsync_dir(self.archive)
        self.pool.shutdown()

    def _remove_since(self, start: int) -> None:
        for path in self.created[start:]:
            future = self.pending.pop(path, None)
            if future is not None:
                try:
                    future.result()
                except OSError:
                    pass
            try:
                path.unlink()
            except OSError:
                pass
        del self.created[start:]

    def forget_empty_archive(self) -> None:
        """The archive folder the checks made, removed again when the run kept nothing in it."""
        if not self.archive_existed:
            try:
                self.archive.rmdir()  # only when empty
            except OSError:
                pass

    def remove_created(self) -> None:
        self._remove_since(0)
        self.pool.shutdown()


def _settle(copy: Path, target: Path) -> None:
    """Flushes a checked copy to disk and renames it to its archive name: whole under its name or not there."""
    try:
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(copy, target)
    except OSError:
        try:
            copy.unlink()
        except OSError:
            pass
        raise


def remove_stale_copies(archive: Path) -> None:
    """Private copies a run that was killed left in the archive folder (never a kept archive copy)."""
    try:
        for leftover in archive.glob(".*.checking"):
            leftover.unlink()
    except OSError:
        pass


def _is_write_failure(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("full", "readonly", "read-only", "disk i/o", "unable to open", "locked"))


__all__ = ["consolidate", "ConsolidationResult", "ConsolidationCancelled", "FileOutcome", "Outcome", "WriteError"]
