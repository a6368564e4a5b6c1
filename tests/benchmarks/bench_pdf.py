"""Printout benchmarks (``make bench``; outside the default test run).

1. The sample exported as a whole process, ``tailan-cli export-pdf`` on a Tailan
   file, against ``minimal_reportlab.py`` (same fonts, same table, bare reportlab)
   in the same run, alternating, medians of repeated runs. Goal: at most 1.3 times.
2. A generated report of 1,000 measures with long texts, in process: time, pages.
3. Scaling (issue 15): generated reports of 100, 300 and 1,000 measures (84 measures a
   goal, so 12 goals at 1,000; texts as long as the sample's on average) exported in
   process, against ``minimal_reportlab.build_rows`` (the same rows and fonts in bare
   reportlab, tables of 20 rows, header repeated) in the same run, alternating, medians.
   Goals: at most 1.5 times the floor at 1,000 measures; 1,000 at most 3.6 times 300.
   Peak memory (tracemalloc) of each, in a separate pass.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generate import generated_report  # noqa: E402
from pdf_helpers import SAMPLE, big_report, final_report  # noqa: E402

from core.pdf import (
    export_pdf,  # noqa: E402
    layout,  # noqa: E402
)
from core.storage import ReportFile  # noqa: E402

sys.path.insert(0, str(HERE))
import minimal_reportlab  # noqa: E402

RUNS = 11
GOAL_RATIO = 1.3


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def test_sample_export_against_minimal_reportlab(tmp_path):
    db = tmp_path / "sample.tailan"
    with ReportFile.open(db, create=True) as rf:
        rf.add_report(final_report())
    bindir = Path(sys.executable).parent
    ours = [str(bindir / "tailan-cli"), "export-pdf", str(db), "-o", str(tmp_path / "ours.pdf")]
    floor = [sys.executable, str(HERE / "minimal_reportlab.py"), str(SAMPLE), str(tmp_path / "floor.pdf")]
    # the same export without the Tailan file (so without core.storage and sqlite_utils)
    no_storage = [
        sys.executable,
        "-c",
        "import sys; from core.tables.textimport import import_file; from core.pdf import export_pdf;"
        "export_pdf(import_file(sys.argv[1]).report, sys.argv[2])",
        str(SAMPLE),
        str(tmp_path / "nostorage.pdf"),
    ]
    imports = [sys.executable, "-c", "import core.cli, core.pdf.cli"]
    bare = [sys.executable, "-c", "pass"]
    for cmd in (ours, floor):  # warm the OS cache and bytecode
        _wall(cmd)
    times: dict[str, list[float]] = {"ours": [], "floor": [], "no_storage": [], "imports": [], "bare": []}
    for _ in range(RUNS):
        for name, cmd in (("ours", ours), ("floor", floor), ("no_storage", no_storage), ("imports", imports), ("bare", bare)):
            times[name].append(_wall(cmd))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["ours"] / med["floor"]
    print(
        f"\nsample export, whole process, median of {RUNS}: tailan-cli export-pdf {med['ours'] * 1000:.0f} ms, "
        f"minimal reportlab {med['floor'] * 1000:.0f} ms, ratio {ratio:.2f} (goal <= {GOAL_RATIO}: "
        f"{'met' if ratio <= GOAL_RATIO else 'MISSED'}); "
        f"importing core.cli alone {med['imports'] * 1000:.0f} ms, bare python {med['bare'] * 1000:.0f} ms; "
        f"the same export from the sample text without core.storage {med['no_storage'] * 1000:.0f} ms "
        f"(ratio {med['no_storage'] / med['floor']:.2f})"
    )
    assert (tmp_path / "ours.pdf").stat().st_size > 0 and (tmp_path / "floor.pdf").stat().st_size > 0


def test_thousand_measures():
    report = big_report(1000)
    chars = sum(len(m.text) + len(m.achieved) + len(m.indicator) + len(m.target_level) for m in report.measures())
    start = time.perf_counter()
    buffer = io.BytesIO()
    pages = export_pdf(report, buffer)
    elapsed = time.perf_counter() - start
    print(
        f"\n1,000 measures ({chars / 1e6:.1f} M characters): {elapsed:.1f} s, {pages} pages, "
        f"{len(buffer.getvalue()) / 1e6:.1f} MB, {elapsed / pages * 1000:.0f} ms a page"
    )
    assert pages > 100


SIZES = (100, 300, 1000)
REPEATS = {100: 3, 300: 3, 1000: 3}
GOAL_FLOOR_RATIO = 1.5
GOAL_GROWTH = 3.6


def scaling_report(measures: int):
    return generated_report(measures, per_goal=84, text_length=324)


def floor_rows(report) -> tuple[list[list[str]], list[list[tuple[str, str]]]]:
    """The printout's rows as plain data for the floor: header texts; body cells as
    (text, bold tail), the tail being the score at the end of the achieved cell."""
    rows = layout.table_rows(report)
    header = [[c.text for c in row.cells] for row in rows[: layout.HEADER_ROWS]]
    return header, [[(c.text, c.tail) for c in row.cells] for row in rows[layout.HEADER_ROWS :]]


def _timed(fn) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    pages = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, pages


def _peak_mb(fn) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_scaling_against_bare_reportlab():
    results = {}
    for n in SIZES:
        report = scaling_report(n)
        header, rows = floor_rows(report)

        def ours(report=report):
            return export_pdf(report, io.BytesIO())

        def floor(header=header, rows=rows):
            return minimal_reportlab.build_rows(header, rows, io.BytesIO())

        ours(), floor()  # warm: fonts, imports
        runs = {"ours": [], "floor": []}
        for _ in range(REPEATS[n]):
            runs["ours"].append(_timed(ours))
            runs["floor"].append(_timed(floor))
        med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v), v[0][2]) for k, v in runs.items()}
        peak = {"ours": _peak_mb(ours), "floor": _peak_mb(floor)}
        results[n] = (med, peak)
        print(
            f"\n{n:>5} measures: ours {med['ours'][0]:.2f} s wall, {med['ours'][1]:.2f} s CPU, {med['ours'][2]} pages, "
            f"peak {peak['ours']:.0f} MB; bare reportlab {med['floor'][0]:.2f} s wall, {med['floor'][1]:.2f} s CPU, "
            f"{med['floor'][2]} pages, peak {peak['floor']:.0f} MB; ratio {med['ours'][1] / med['floor'][1]:.2f} (CPU), "
            f"{med['ours'][0] / med['floor'][0]:.2f} (wall)"
        )
    ratio = results[1000][0]["ours"][1] / results[1000][0]["floor"][1]
    growth = results[1000][0]["ours"][1] / results[300][0]["ours"][1]
    floor_growth = results[1000][0]["floor"][1] / results[300][0]["floor"][1]
    print(
        f"1,000 measures against bare reportlab: {ratio:.2f} (goal <= {GOAL_FLOOR_RATIO}: "
        f"{'met' if ratio <= GOAL_FLOOR_RATIO else 'MISSED'}); 1,000 against 300: {growth:.2f} "
        f"(goal <= {GOAL_GROWTH}: {'met' if growth <= GOAL_GROWTH else 'MISSED'}; bare reportlab {floor_growth:.2f})"
    )
    assert results[1000][0]["ours"][2] > 100
