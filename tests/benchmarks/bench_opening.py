"""Opening a file for editing with the received-file checks (issue 19) against today's open.

The floor, measured in the same run on the same files, is the open as it was before
issue 19: the header read as bytes, SQLite's quick check and the table names through
a read-only connection, then the writable connection, its pragmas and the lock. Ours
adds the schema's size from its bytes, the exact schema (by its frozen digest), the
migrations record and the type and length of every value, under limits and a
deadline. Goal: at most +20 ms on the sample. Also shown: a report of 2,000 measures
with its change log, and an aimag's file with 60 received reports.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
from pathlib import Path

from generate import submission_file

from core.storage import ReportFile
from core.storage.filecheck import check_header, connect_read_only, writable_location
from core.storage.filelock import FileLock
from core.storage.opening import OpenFile
from core.tables.sample import create_sample_database

ROUNDS = 15
GOAL_MS = 20.0


def todays_open(path: Path) -> None:
    """What ``ReportFile.open(path)`` did before issue 19 (``filecheck.check_contents`` of then)."""
    check_header(path)
    writable_location(path)
    conn = connect_read_only(path)
    try:
        assert [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()] == ["ok"]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"reports", "goals", "measures"} <= tables
    finally:
        conn.close()
    lock = FileLock(path)
    assert lock.acquire()
    try:
        conn = sqlite3.connect(str(path))
        OpenFile._configure(conn)
        conn.close()
    finally:
        lock.release()


def our_open(path: Path) -> None:
    ReportFile.open(path).close()


def median_ms(fn, path: Path) -> float:
    fn(path)  # caches warm, as in a window that has opened a file before
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def aimag_file(folder: Path) -> Path:
    from core.aimag.consolidate import consolidate

    inbox = folder / "inbox"
    inbox.mkdir()
    files = [submission_file(inbox, f"Сум {i:02d}", measures=30, seed=i) for i in range(60)]
    db = folder / "aimag.tailan"
    consolidate(files, db)
    return db


def test_opening_for_editing_against_todays_open(tmp_path):
    sample = create_sample_database(tmp_path / "sample.tailan")
    big = shutil.copyfile(submission_file(tmp_path, "Том сум", measures=2000, seed=3), tmp_path / "big.tailan")
    files = {"the sample": sample, "2,000 measures": big, "aimag, 60 reports waiting": aimag_file(tmp_path)}
    print()
    added = {}
    for label, path in files.items():
        floor, ours = median_ms(todays_open, path), median_ms(our_open, path)
        added[label] = ours - floor
        print(f"[bench] open for editing, {label} ({path.stat().st_size / 1024:.0f} KB): {ours:.2f} ms; "
              f"today's open {floor:.2f} ms; the checks add {ours - floor:+.2f} ms (ratio {ours / floor:.2f})")
    assert added["the sample"] <= GOAL_MS, f"the checks add {added['the sample']:.1f} ms on the sample"
