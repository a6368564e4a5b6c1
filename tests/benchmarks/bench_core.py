"""Core benchmarks (issue 2): a committed field edit, and import plus scoring at scale.

Run with ``make bench``. Each figure is a ratio against a floor measured in the same
run on the same kind of file, so slow or fast disks do not change the verdict.
"""

from __future__ import annotations

import sqlite3
import statistics
import time

from generate import generated_text
from helpers import SAMPLE_TXT

from core.report import scoring
from core.storage import ReportFile
from core.tables.textimport import parse_text

EDITS = 400


def test_field_edit_against_raw_commit(disk_path):
    """On the disk, as the officer's file is (the tests' scratch folder is in RAM, where a
    commit's flush costs nothing and the floor would be no commit at all)."""
    from core.tables.textimport import import_file

    tmp_path = disk_path

    ours = tmp_path / "ours.tailan"
    with ReportFile.create(ours) as rf:
        rf.add_report(import_file(SAMPLE_TXT).report)
    raw_path = tmp_path / "raw.sqlite"
    raw = sqlite3.connect(raw_path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE measures (id TEXT PRIMARY KEY, achieved TEXT)")
    raw.execute("INSERT INTO measures VALUES ('a', '')")

    rf = ReportFile.open(ours)
    report = rf.load_report(rf.resolve_report_id(None))
    measure_id = report.measures()[0].id
    ours_times, raw_times = [], []
    for i in range(EDITS):  # interleaved, so both see the same disk and cache state
        start = time.perf_counter()
        rf.set_field("measure", measure_id, "achieved", f"засвар {i}")
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("UPDATE measures SET achieved = ? WHERE id = 'a'", (f"засвар {i}",))
        raw.execute("COMMIT")
        raw_times.append(time.perf_counter() - start)
    rf.close()
    raw.close()
    ours_ms, raw_ms = statistics.median(ours_times) * 1e3, statistics.median(raw_times) * 1e3
    ratio = ours_ms / raw_ms
    p99 = sorted(ours_times)[int(EDITS * 0.99)] * 1e3
    print(f"\n[bench] field edit (committed, logged): {ours_ms:.3f} ms median, p99 {p99:.3f} ms; "
          f"raw UPDATE+COMMIT {raw_ms:.3f} ms; ratio {ratio:.2f} (goal <= 1.5)")
    assert ratio <= 1.5


def test_import_and_scoring_scale(tmp_path):
    results = {}
    for n in (100, 1000, 10000):
        text = generated_text(n, text_length=600)
        runs = []
        for k in range(3 if n < 10000 else 1):
            path = tmp_path / f"r{n}-{k}.tailan"
            start = time.perf_counter()
            report = parse_text(text).report
            with ReportFile.create(path) as rf:
                rf.add_report(report)
            summary = scoring.summarize(report)
            runs.append(time.perf_counter() - start)
            assert len(report.measures()) == n and summary.scored > 0
        results[n] = statistics.median(runs)
        print(f"\n[bench] import + store + score, {n} measures ({len(text) // 1024} KiB text): {results[n] * 1e3:.0f} ms")
    print(f"[bench] growth 100 -> 1,000: x{results[1000] / results[100]:.1f}; 1,000 -> 10,000: x{results[10000] / results[1000]:.1f}")
    assert results[1000] < 0.5


def test_scoring_alone_1000(tmp_path):
    from generate import generated_report

    report = generated_report(1000)
    start = time.perf_counter()
    for _ in range(20):
        scoring.summarize(report)
    per = (time.perf_counter() - start) / 20
    print(f"\n[bench] scoring 1,000 measures: {per * 1e3:.2f} ms")
    assert per < 0.05
