"""Per-file cost of checking a received submission (issue 10, item 4) against a raw sqlite3 floor.

The floor, measured in the same run on the same files: read the bytes, load them into
an in-memory database (``deserialize``) and run ``PRAGMA integrity_check``, which is
what the check did first before issue 10. Ours adds the exact schema comparison, the
migration rows, foreign keys, the bounds of every column, loading the report and
recomputing its fingerprint, all under the deadline and limits. Also measured: the
peak memory (tracemalloc) of ``tailan-cli verify`` in this process on 10 and on 100
files, which must not grow with the number of files.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
import tracemalloc
from pathlib import Path

from generate import submission_file

from core.cli import main
from core.received.bounds import check_bounds
from core.received.limits import limited_connection
from core.received.schema import check_migration_rows, check_schema
from core.received.verify import check_submission
from core.storage import ReportFile
from core.storage.schema import SCHEMA_VERSION
from core.trust.fingerprint import canonical_bytes, fingerprint_of
from core.trust.signing import check_signature

ROUNDS = 5


def floor(path) -> None:
    data = path.read_bytes()
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def stages(path) -> dict[str, float]:
    """Seconds of each step of the check on one file, to show where the time goes."""
    times, data = {}, path.read_bytes()
    start = time.perf_counter()
    conn, _ = limited_connection(data, 5.0)
    check_schema(conn, SCHEMA_VERSION)
    check_migration_rows(conn, SCHEMA_VERSION)
    times["load + exact schema"] = time.perf_counter() - start
    start = time.perf_counter()
    conn.execute("PRAGMA integrity_check(1)").fetchall()
    conn.execute("PRAGMA foreign_key_check").fetchall()
    times["integrity + foreign keys"] = time.perf_counter() - start
    start = time.perf_counter()
    check_bounds(conn, SCHEMA_VERSION, len(data))  # as the check does: a small file's rows read at once
    times["bounds of every value"] = time.perf_counter() - start
    start = time.perf_counter()
    rf = ReportFile(Path("<bench>"), conn, read_only=True)
    report = rf.load_report(rf.list_reports()[0].id)
    times["report objects"] = time.perf_counter() - start
    start = time.perf_counter()
    content = canonical_bytes(report)
    fingerprint_of(content)
    times["fingerprint"] = time.perf_counter() - start
    start = time.perf_counter()
    check_signature(report.public_key, report.signature, content)
    times["signature"] = time.perf_counter() - start
    conn.close()
    return times


def per_file(fn, files) -> float:
    """The median over rounds of the mean seconds per file."""
    rounds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for path in files:
            fn(path)
        rounds.append((time.perf_counter() - start) / len(files))
    return statistics.median(rounds)


def test_check_against_raw_floor(tmp_path):
    sizes = {"14 measures": 14, "200 measures": 200, "2,000 measures": 2000}
    print()
    for label, measures in sizes.items():
        files = [submission_file(tmp_path, f"Сум {measures}-{i}", measures=measures, seed=i) for i in range(20)]
        assert all(check_submission(p).ok for p in files)
        raw = per_file(floor, files)
        ours = per_file(check_submission, files)
        size_kb = files[0].stat().st_size / 1024
        print(f"[bench] check_submission, {label} ({size_kb:.0f} KB): {ours * 1e3:.2f} ms/file; "
              f"floor (deserialize + integrity_check) {raw * 1e3:.2f} ms/file; ratio {ours / raw:.2f}")
        steps = [stages(p) for p in files for _ in range(ROUNDS)]
        print("[bench]   steps (median ms): " + ", ".join(
            f"{name} {statistics.median(s[name] for s in steps) * 1e3:.2f}" for name in steps[0]))


def test_verify_memory_flat_in_the_number_of_files(tmp_path, capsys):
    good = submission_file(tmp_path, "Сум", measures=200, seed=1)
    files = [tmp_path / f"copy-{i}.tailan" for i in range(100)]
    for path in files:
        shutil.copyfile(good, path)
    peaks = {}
    assert main(["verify", str(good)]) == 0  # imports and caches once, outside the measure
    capsys.readouterr()
    for n in (10, 100):
        tracemalloc.start()
        start = time.perf_counter()
        assert main(["verify", *map(str, files[:n])]) == 0
        seconds = time.perf_counter() - start
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        capsys.readouterr()
        with capsys.disabled():
            print(f"\n[bench] tailan-cli verify {n} files ({good.stat().st_size / 1024:.0f} KB each): "
                  f"{seconds:.2f} s, peak traced memory {peaks[n] / 1e6:.2f} MB")
    with capsys.disabled():
        print(f"[bench] peak memory 10 -> 100 files: x{peaks[100] / peaks[10]:.2f} (1.0 = flat)")
    assert peaks[100] < peaks[10] + 2 * good.stat().st_size
