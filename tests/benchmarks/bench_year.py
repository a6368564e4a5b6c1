"""The year's benchmark (issue 21): ``next`` on a 1,000-measure report against a plain copy of its file.

Run with ``make bench``. ``tailan-cli next`` reads the report, makes the next one (new
identities, the ``origin`` links, texts carried) and writes it as a new file, whole or
not at all. Its floor, measured in the same run on the same file: the file copied as it
is (``shutil.copyfile`` and an fsync, the least any new file of that size costs). Each
step runs in turn, several times, and the medians are compared. The call (``call-open``)
and the aimag's comparison with the plan are measured beside it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time

from generate import generated_report

from core.aimag.plan_compare import compare
from core.report.model import Period
from core.report.next_report import next_report
from core.sending.next_file import write_next_file
from core.storage import ReportFile

MEASURES = 1_000
RUNS = 5


def _copy(source, target) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def test_next_on_a_1000_measure_report_against_a_plain_copy(tmp_path):
    source = tmp_path / "plan.tailan"
    report = generated_report(MEASURES, seed=21)
    report.aimag, report.period = "Өвөрхангай", Period.PLAN
    with ReportFile.create(source) as rf:
        rf.add_report(report)
    size = source.stat().st_size
    ours, floor = [], []
    for i in range(RUNS):  # in turn, so both see the same disk and cache
        start = time.perf_counter()
        with ReportFile.open(source, read_only=True) as rf:
            made = write_next_file(rf, rf.resolve_report_id(None), tmp_path / f"half-{i}.tailan", Period.HALF_YEAR)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        _copy(source, tmp_path / f"copy-{i}.tailan")
        floor.append(time.perf_counter() - start)
    assert len(made.measures()) == MEASURES and all(m.origin for m in made.measures())
    ours_ms, floor_ms = statistics.median(ours) * 1e3, statistics.median(floor) * 1e3
    ratio = ours_ms / floor_ms
    start = time.perf_counter()
    pure = next_report(report, Period.HALF_YEAR)
    pure_ms = (time.perf_counter() - start) * 1e3
    with ReportFile.open(tmp_path / "half-0.tailan", read_only=True) as rf:
        half = rf.load_report(rf.resolve_report_id(None))
    start = time.perf_counter()
    differences = compare(report, half)
    compare_ms = (time.perf_counter() - start) * 1e3
    assert differences.counts() == {"added": 0, "dropped": 0, "changed": 0} and len(pure.measures()) == MEASURES
    print(f"\n[bench] next, {MEASURES} measures ({size // 1024} KiB file): {ours_ms:.0f} ms median "
          f"(of which the new report in memory {pure_ms:.1f} ms); plain copy + fsync {floor_ms:.1f} ms; "
          f"ratio {ratio:.1f}; the report against its plan {compare_ms:.1f} ms")
    assert ours_ms < 1_000  # one step for the officer, well under a second
