"""A consolidation's archive copies: each checked file kept under its hash, on the disk before the run commits.

The private copy a worker checked is the archive copy (``core.received.verify``): it is
renamed into place, never copied again. Every copy is on the disk before the run
commits, and its waits for the disk overlap with the checks and the merging of the next
files. Where one call flushes the archive's whole file system (Linux ``syncfs``), each
checked copy is renamed into place at once, a thread flushes the file system every
``SYNC_EVERY`` copies, and ``flush`` once more: a flush per file cost the run more than
merging it. Elsewhere (Windows) a small pool of threads flushes each copy (``fsync``)
and then renames it; ``flush`` waits for them all. A cancel takes back what the run made.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from core.received.copying import remove_copy
from core.received.verify import Verdict
from core.storage.atomic import can_sync_file_system, friendly_write_error, fsync_dir, sync_file_system

#: Archive copies being flushed to disk at once, while the next files are checked.
MAX_WRITES_IN_FLIGHT = 16
#: Archive copies renamed into place between two flushes of the archive's whole file system.
SYNC_EVERY = 32


class ArchiveWrites:
    """The archive copies one run made, so a cancel (or a file that fails to merge) can take them back."""

    def __init__(self, archive: Path):
        from concurrent.futures import ThreadPoolExecutor

        self.archive = archive
        self.archive_existed = archive.is_dir()
        self.created: list[Path] = []  # to take back on a cancel; a path a file
        self.pending: dict[Path, object] = {}  # copies not yet known to be on disk, oldest first
        self.whole_file_system = can_sync_file_system()
        self.renamed = 0  # copies renamed into place since the last flush of the file system
        self.syncing = None  # that flush, while its thread runs
        self.pool = ThreadPoolExecutor(max_workers=1 if self.whole_file_system else 4, thread_name_prefix="archive")

    def keep(self, verdict: Verdict) -> str:
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

    def take_back_since(self, start: int) -> None:
        """Removes the copies made since the ``start``-th (a file that failed to merge, or the whole run)."""
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

    def take_back_all(self) -> None:
        """Removes every copy the run made (a cancel, a failure to write) and stops the threads."""
        self.take_back_since(0)
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


def archive_copy_intact(path: Path) -> bool:
    """Whether an archive copy still holds the bytes whose SHA-256 names it (never trusted by name and size)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return False
    return path.stem == digest.hexdigest()
