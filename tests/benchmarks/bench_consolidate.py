"""Consolidation benchmark (issues 5 and 10): N signed submissions against a raw sqlite3 loop.

The floor opens each file with sqlite3, runs ``PRAGMA integrity_check`` and reads the
same rows. Ours checks header, exact schema, bounds, fingerprint and the Ed25519
signature, judges the file against the register, archives its bytes and merges it;
the whole run is one transaction (the archive copies are flushed before the commit).
The senders' keys are registered first, untimed, as a reviewer who compared them with
the signed papers would have done, so every file is merged ("added").

Peak memory is measured in a second, untimed run with ``tracemalloc``: it must not
grow with the number of files.
"""

from __future__ import annotations

import sqlite3
import time
import tracemalloc

from generate import submission_file

from core.aimag.consolidate import consolidate
from core.aimag.register import accept_key, add_organization
from core.received.verify import check_submission
from core.storage import ReportFile

SIZES = tuple(int(n) for n in __import__("os").environ.get("TAILAN_BENCH_SIZES", "100,500,2000").split(","))


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


def test_consolidation_against_raw_loop(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    start = time.perf_counter()
    files = [submission_file(inbox, f"Сум {i:04d}", seed=i) for i in range(max(SIZES))]
    senders = [(r.organization, r.public_key) for r in (check_submission(f).report for f in files)]
    print(f"\n[bench] generated {len(files)} signed submission files in {time.perf_counter() - start:.1f} s")
    per_file, peaks = {}, {}
    for n in SIZES:
        subset = files[:n]
        raw_loop(subset)  # warm the OS cache for both
        start = time.perf_counter()
        raw_loop(subset)
        raw = time.perf_counter() - start
        aimag = registered_aimag(tmp_path / f"aimag-{n}.tailan", senders[:n])
        start = time.perf_counter()
        result = consolidate(subset, aimag)
        ours = time.perf_counter() - start
        assert result.count("added") == n, [o.reason for o in result.outcomes if o.status != "added"][:3]
        per_file[n] = ours / n
        print(f"[bench] consolidate {n}: {ours:.2f} s ({ours / n * 1e3:.2f} ms/file); raw loop {raw:.2f} s; "
              f"ratio {ours / raw:.2f} (goal <= 3)")
        aimag = registered_aimag(tmp_path / f"aimag-mem-{n}.tailan", senders[:n])
        tracemalloc.start()
        consolidate(subset, aimag)
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"[bench] peak Python memory while consolidating {n}: {peaks[n] / 2**20:.1f} MiB")
    low, high = min(SIZES), max(SIZES)
    print(f"[bench] per-file time {low} -> {high}: x{per_file[high] / per_file[low]:.2f} (1.0 = linear)")
    print(f"[bench] peak memory {low} -> {high}: x{peaks[high] / peaks[low]:.2f} (1.0 = flat)")
