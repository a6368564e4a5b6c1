"""Consolidation benchmark (issues 5 and 10): N signed submissions against a raw sqlite3 loop.

The floor opens each file with sqlite3, runs ``PRAGMA integrity_check`` and reads the
same rows, one file after the other. A large batch is checked in worker processes on every
core (``core.aimag.checking``) while the run, the aimag's file's one writer, merges each file
in turn; goal (issue 24): at most 3 times the floor at 500 files. Both are timed a few times,
taking turns, medians with their range. Ours checks header, exact schema, bounds, fingerprint and the Ed25519
signature, judges the file against the register, archives its bytes and merges it;
the whole run is one transaction (the archive copies are flushed before the commit).
The senders' keys are registered first, untimed, as a reviewer who compared them with
the signed papers would have done, so every file is merged ("added").

Each size starts from a program that has not consolidated yet: its first run starts the
worker processes (about a tenth of a second of a core each), the next runs take the
workers the last one left idle (as the window's reviewer consolidating again does). The
first run is reported on its own line; the median is of all runs.

Peak memory is measured in a second, untimed run with ``tracemalloc``: it must not
grow with the number of files.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
import tracemalloc

from generate import submission_file
from whole_process import load

from core.aimag.checking import end_kept_workers, worker_count
from core.aimag.consolidate import consolidate
from core.aimag.register import accept_key, add_organization
from core.received.verify import check_submission
from core.storage import ReportFile

SIZES = tuple(int(n) for n in os.environ.get("TAILAN_BENCH_SIZES", "100,500,2000").split(","))


def raw_loop(files):
    for path in files:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in ("reports", "signatories", "goals", "measures"):
            conn.execute(f"SELECT * FROM {table}").fetchall()
        conn.close()


def registered_aimag(path, senders):
    with ReportFile.open(path, create=True) as rf:
        with rf.transaction():
            for organization, public_key in senders:
                accept_key(rf, add_organization(rf, organization), public_key)
    return path


REPEATS = int(__import__("os").environ.get("TAILAN_BENCH_REPEATS", "3"))


def test_consolidation_against_raw_loop(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    start = time.perf_counter()
    files = [submission_file(inbox, f"Сум {i:04d}", seed=i) for i in range(max(SIZES))]
    senders = [(r.organization, r.public_key) for r in (check_submission(f).report for f in files)]
    print(f"\n[bench] generated {len(files)} signed submission files in {time.perf_counter() - start:.1f} s; "
          f"{worker_count(max(SIZES))} worker processes for a large batch ({os.cpu_count()} cores), {load()}")
    per_file, peaks = {}, {}
    for n in SIZES:
        subset = files[:n]
        raw_loop(subset)  # warm the OS cache for both
        end_kept_workers()  # the first run starts its workers
        raws, ours = [], []
        for repeat in range(REPEATS):  # taking turns, each run on a new aimag file
            start = time.perf_counter()
            raw_loop(subset)
            raws.append(time.perf_counter() - start)
            aimag = registered_aimag(tmp_path / f"aimag-{n}-{repeat}.tailan", senders[:n])
            start = time.perf_counter()
            result = consolidate(subset, aimag)
            ours.append(time.perf_counter() - start)
            assert result.count("added") == n, [o.reason for o in result.outcomes if o.status != "added"][:3]
        raw, our = statistics.median(raws), statistics.median(ours)
        per_file[n] = our / n
        print(f"[bench] consolidate {n}: {our:.2f} s ({our / n * 1e3:.2f} ms/file; runs "
              f"{min(ours):.2f}-{max(ours):.2f} s); raw loop {raw:.2f} s ({min(raws):.2f}-{max(raws):.2f}); "
              f"ratio {our / raw:.2f} (goal <= 3: {'met' if our / raw <= 3 else 'MISSED'})")
        print(f"[bench] consolidate {n}, the first run (its workers started): {ours[0]:.2f} s, "
              f"ratio {ours[0] / raws[0]:.2f} to its raw loop")
        aimag = registered_aimag(tmp_path / f"aimag-mem-{n}.tailan", senders[:n])
        tracemalloc.start()
        consolidate(subset, aimag)
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"[bench] peak Python memory of the run (the writer) while consolidating {n}: {peaks[n] / 2**20:.1f} MiB")
    low, high = min(SIZES), max(SIZES)
    print(f"[bench] per-file time {low} -> {high}: x{per_file[high] / per_file[low]:.2f} (1.0 = linear)")
    print(f"[bench] peak memory {low} -> {high}: x{peaks[high] / peaks[low]:.2f} (1.0 = flat)")
