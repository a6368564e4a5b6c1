"""A consolidation's archive copies reach the disk before the run commits, by either way of flushing.

Where one call flushes a whole file system (Linux ``syncfs``) the run renames each checked
copy into place at once and flushes the archive's file system every few copies and once
before the commit; elsewhere (Windows) each copy is flushed and then renamed. Both ways are
run here on real files; the flushes are the real calls, watched (and, for the failure, one
answers as a disk that failed a write would).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest
from generate import consolidate_trusted, submission_file
from helpers import digest

from core.aimag import archive_writes as run_module
from core.aimag.consolidate import archive_dir, consolidate
from core.errors import WriteError
from core.received.verify import check_submission
from core.storage import atomic


def names_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture(params=["whole file system", "each file"])
def whole_file_system(request, monkeypatch) -> bool:
    whole = request.param == "whole file system"
    if whole and not atomic.can_sync_file_system():
        pytest.skip("this system has no call that flushes a whole file system")
    monkeypatch.setattr(run_module, "can_sync_file_system", lambda: whole)
    monkeypatch.setattr(run_module, "SYNC_EVERY", 2)  # the flush in the background is reached too
    return whole


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return [submission_file(folder, f"Сум {i}", seed=i) for i in range(5)]


def test_every_archive_copy_is_flushed_before_the_commit(inbox, tmp_path, monkeypatch, whole_file_system):
    db = tmp_path / "aimag.tailan"
    archive = archive_dir(db)
    seen_at_flush: list[list[str]] = []  # the archive's copies at each flush of its file system
    fsynced: list[int] = []
    real_sync, real_fsync = run_module.sync_file_system, run_module.os.fsync

    def sync(folder):
        seen_at_flush.append(names_in(folder))
        real_sync(folder)

    def fsync(fd):
        fsynced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(run_module, "sync_file_system", sync)
    monkeypatch.setattr(run_module.os, "fsync", fsync)
    result = consolidate_trusted(inbox, db)
    assert [o.status for o in result.outcomes] == ["added"] * len(inbox)
    expected = sorted(f"{check_submission(f).sha256}.tailan" for f in inbox)
    assert names_in(archive) == expected
    for name, received in zip(expected, sorted(inbox, key=lambda f: f"{check_submission(f).sha256}.tailan")):
        assert (archive / name).read_bytes() == received.read_bytes()
    if whole_file_system:
        assert seen_at_flush and seen_at_flush[-1] == expected  # the last flush saw every copy
        assert len(seen_at_flush) >= 2  # and one ran while the run went on
    else:
        assert not seen_at_flush
        assert len(fsynced) >= len(inbox)  # each copy (and the folder) flushed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a descriptor's file is named by /proc")
def test_a_flush_the_disk_fails_stops_the_run_and_leaves_nothing(inbox, tmp_path, monkeypatch, whole_file_system):
    db = tmp_path / "aimag.tailan"
    consolidate_trusted(inbox[:1], db)
    before, archived = digest(db), names_in(archive_dir(db))

    archive = archive_dir(db).resolve()
    real_sync, real_fsync = run_module.sync_file_system, run_module.os.fsync

    def failing_in_archive(real):
        def flush(what):  # a folder, or a file's descriptor (named by /proc)
            path = Path(what) if isinstance(what, Path) else Path(os.readlink(f"/proc/self/fd/{what}"))
            if path == archive or archive in path.parents:
                raise OSError(errno.EIO, "Input/output error")
            return real(what)
        return flush

    monkeypatch.setattr(run_module, "sync_file_system", failing_in_archive(real_sync))
    monkeypatch.setattr(run_module.os, "fsync", failing_in_archive(real_fsync))
    with pytest.raises(WriteError) as failed:
        consolidate(inbox, db)
    assert str(archive_dir(db)) in str(failed.value)  # the archive's flush, not an earlier write
    assert digest(db) == before
    assert names_in(archive_dir(db)) == archived
