"""Printout benchmarks (``make bench``; outside the default test run).

1. The sample exported as a whole process, ``tailan-cli export-pdf`` on a Tailan
   file, against ``minimal_reportlab.py`` (same fonts, same table, bare reportlab)
   in the same run, alternating, medians of repeated runs. Goal: at most 1.3 times.
2. A generated report of 1,000 measures with long texts, in process: time, pages.
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

from core.pdf import export_pdf  # noqa: E402
from core.storage import ReportFile  # noqa: E402
from pdf_helpers import SAMPLE, big_report, final_report  # noqa: E402

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
        "import sys; from core.textimport import import_file; from core.pdf import export_pdf;"
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
