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
from core.aimag.archive_writes import ArchiveWrites, remove_stale_copies
from core.aimag.backups import backup_before_run
from core.aimag.checking import checked_in_order
from core.aimag.current import make_current
from core.aimag.rules import Action, judge
from core.errors import TailanError, WriteError
from core.received.verify import Verdict
from core.storage import ReportFile
from core.storage.atomic import friendly_write_error
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
                run.writes.flush()  # the archive copies are on disk before the commit
        except BaseException:
            run.writes.take_back_all()
            raise
        finally:
            run.writes.forget_empty_archive()
    return result


class _Run:
    """One consolidation run: each checked file judged, archived (``ArchiveWrites``), merged or queued."""

    def __init__(self, rf: ReportFile, archive: Path):
        self.rf = rf
        self.archive = archive
        self.writes = ArchiveWrites(archive)

    def one(self, verdict: Verdict) -> FileOutcome:
        """What becomes of one checked file: judged, archived, merged or queued, in a savepoint."""
        path = verdict.path
        if not verdict.ok:
            return FileOutcome(str(path), Outcome.REJECTED, verdict.reason)
        report = verdict.report
        outcome = FileOutcome(str(path), "", "", report.organization, report.year, report.period.value,
                              report.revision, report.fingerprint or "")
        created_before = len(self.writes.created)
        try:
            with self.rf.savepoint():
                self._judge_and_apply(verdict, outcome)
        except WriteError:
            self.writes.take_back_since(created_before)
            raise
        except TailanError as exc:  # a bad signature, a register clash: this file only
            self.writes.take_back_since(created_before)
            outcome.status, outcome.reason = Outcome.REJECTED, exc.message
        except sqlite3.Error as exc:
            self.writes.take_back_since(created_before)
            if _is_write_failure(exc):
                raise friendly_write_error(exc, self.rf.path) from None
            log.exception("consolidating %s", path)
            outcome.status, outcome.reason = Outcome.REJECTED, "файлыг нэгтгэж чадсангүй (дотоод алдаа; тэмдэглэлд бичлээ)"
        except (ValueError, TypeError, KeyError):
            self.writes.take_back_since(created_before)
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
        archive_name = self.writes.keep(verdict)
        outcome.kind = judgement.kind
        if judgement.action == Action.WAIT:
            outcome.status, outcome.reason = Outcome.PENDING, judgement.reason
            outcome.id = queue(self.rf, report, content, judgement.kind, judgement.reason,
                              judgement.organization_id, verdict.path.name, archive_name)
            return
        assert judgement.action in (Action.ADD, Action.UPDATE) and judgement.organization_id
        make_current(self.rf, report, judgement.organization_id, content, verdict.path.name, archive_name,
                     verdict.total)
        outcome.status = Outcome.UPDATED if judgement.action == Action.UPDATE else Outcome.ADDED
        outcome.organization = judgement.registered_name or report.organization
        outcome.reason = judgement.reason

def _is_write_failure(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("full", "readonly", "read-only", "disk i/o", "unable to open", "locked"))


__all__ = ["consolidate", "ConsolidationResult", "ConsolidationCancelled", "FileOutcome", "Outcome", "WriteError"]
