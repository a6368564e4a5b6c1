"""Consolidation benchmark (issue 5): N generated submissions against a raw sqlite3 loop.

The floor opens each file with sqlite3, runs ``PRAGMA integrity_check`` and reads the
same rows. Ours also checks header, schema, bounds and fingerprint, archives the
bytes (fsync) and merges each file in its own transaction (fsync).
"""

from __future__ import annotations

import sqlite3
import time

from core.submission.consolidate import consolidate
from generate import submission_file

SIZES = (100, 500, 2000)


def raw_loop(files):
    for path in files:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in ("reports", "signatories", "goals", "measures"):
            conn.execute(f"SELECT * FROM {table}").fetchall()
        conn.close()


def test_consolidation_against_raw_loop(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    start = time.perf_counter()
    files = [submission_file(inbox, f"Сум {i:04d}", seed=i) for i in range(max(SIZES))]
    print(f"\n[bench] generated {len(files)} submission files in {time.perf_counter() - start:.1f} s")
    per_file = {}
    for n in SIZES:
        subset = files[:n]
        raw_loop(subset)  # warm the OS cache for both
        start = time.perf_counter()
        raw_loop(subset)
        raw = time.perf_counter() - start
        start = time.perf_counter()
        result = consolidate(subset, tmp_path / f"aimag-{n}.tailan")
        ours = time.perf_counter() - start
        assert result.count("added") == n
        per_file[n] = ours / n
        print(f"[bench] consolidate {n}: {ours:.2f} s ({ours / n * 1e3:.1f} ms/file); raw loop {raw:.2f} s; "
              f"ratio {ours / raw:.2f} (goal <= 2)")
    print(f"[bench] per-file time 100 -> 2,000: x{per_file[2000] / per_file[100]:.2f} (1.0 = linear)")
