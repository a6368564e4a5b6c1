"""Printout benchmarks (``make bench``; outside the default test run), issue 24's table.

1. The sample's PDF as a user waits for it: ``tailan-cli export-pdf`` on a Tailan file
   (a whole process: start, imports, fonts, the file, the layout, the written PDF, exit),
   against ``minimal_reportlab.py`` (the same table in bare reportlab from the sample
   text, the same fonts) and against LibreOffice printing the same report from its
   ``.docx`` (``tailan-cli export-docx``; skipped with a message when LibreOffice is
   absent), in the same run, taking turns, medians with their spread and peak memory.
   Goals: at most 1.1 times the minimal script, at least 5 times faster than LibreOffice.
2. A 1,000-measure report the same way, against the bare chunked script
   (``minimal_reportlab.build_rows``: the same rows and fonts, tables of 20 rows) given
   the rows as JSON. Goal: at most 1.2 times.
3. The 1,000-measure report with long texts, in process: time, pages.
4. Scaling (issue 15): generated reports of 100, 300 and 1,000 measures (84 measures a
   goal, so 12 goals at 1,000; texts as long as the sample's on average) exported in
   process, against ``minimal_reportlab.build_rows`` (the same rows and fonts in bare
   reportlab, tables of 20 rows, header repeated) in the same run, alternating, medians.
   Goals: at most 1.5 times the floor at 1,000 measures; 1,000 at most 3.6 times 300.
   Peak memory (tracemalloc) of each, in a separate pass.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generate import generated_report  # noqa: E402
from pdf_helpers import SAMPLE, big_report, final_report  # noqa: E402
from whole_process import alternate, load, run_once  # noqa: E402

from core.pdf import (
    export_pdf,  # noqa: E402
    layout,  # noqa: E402
)
from core.storage import ReportFile  # noqa: E402

sys.path.insert(0, str(HERE))
import minimal_reportlab  # noqa: E402

RUNS = int(os.environ.get("TAILAN_BENCH_RUNS", "11"))
GOAL_SAMPLE = 1.1
GOAL_LIBREOFFICE = 5.0
GOAL_THOUSAND = 1.2
BIN = Path(sys.executable).parent


def _file(path: Path, report) -> Path:
    with ReportFile.open(path, create=True) as rf:
        rf.add_report(report)
    return path


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def libreoffice() -> str | None:
    """LibreOffice's ``soffice``, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_sample_against_minimal_script_and_libreoffice(tmp_path):
    db = _file(tmp_path / "sample.tailan", final_report())
    cli = str(BIN / "tailan-cli")
    commands = {
        "tailan": [cli, "export-pdf", str(db), "-o", str(tmp_path / "ours.pdf")],
        "floor": [sys.executable, str(HERE / "minimal_reportlab.py"), str(SAMPLE), str(tmp_path / "floor.pdf")],
    }
    office = libreoffice()
    if office:
        docx = tmp_path / "sample.docx"
        run_once([cli, "export-docx", str(db), "-o", str(docx)])
        profile = tmp_path / "lo-profile"  # its own profile, made by the warm-up run
        commands["libreoffice"] = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                   "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(docx)]
    env = dict(os.environ, HOME=str(tmp_path))  # LibreOffice writes into HOME
    figures = alternate(commands, RUNS, env=env, outputs={"tailan": tmp_path / "ours.pdf", "floor": tmp_path / "floor.pdf"})
    ours, floor = figures["tailan"], figures["floor"]
    ratio = ours.median / floor.median
    print(f"\n[bench] the sample's PDF, whole process, {RUNS} runs each, {load()}")
    print(f"[bench]   tailan-cli export-pdf: {ours.text()}")
    print(f"[bench]   minimal reportlab script: {floor.text()}")
    print(f"[bench]   ratio {ratio:.2f} (CPU {ours.cpu / floor.cpu:.2f}; goal <= {GOAL_SAMPLE}: {_verdict(ratio <= GOAL_SAMPLE)})")
    if office:
        lo = figures["libreoffice"]
        faster = lo.median / ours.median
        print(f"[bench]   LibreOffice from the .docx: {lo.text()}")
        print(f"[bench]   Tailan {faster:.1f}x faster (goal >= {GOAL_LIBREOFFICE}: {_verdict(faster >= GOAL_LIBREOFFICE)}), "
              f"{lo.peak_mib / ours.peak_mib:.1f}x leaner")
        assert (tmp_path / "lo" / "sample.pdf").stat().st_size > 0
    else:
        print("[bench]   LibreOffice is not installed: its comparison is skipped "
              "(apt-get install -y --no-install-recommends libreoffice-writer-nogui)")
    assert (tmp_path / "ours.pdf").stat().st_size > 0 and (tmp_path / "floor.pdf").stat().st_size > 0


def test_thousand_measures_against_the_bare_chunked_script(tmp_path):
    report = scaling_report(1000)
    db = _file(tmp_path / "big.tailan", report)
    header, rows = floor_rows(report)
    given = tmp_path / "rows.json"
    given.write_text(json.dumps({"header": header, "rows": rows}, ensure_ascii=False), encoding="utf-8")
    figures = alternate({
        "tailan": [str(BIN / "tailan-cli"), "export-pdf", str(db), "-o", str(tmp_path / "ours.pdf")],
        "floor": [sys.executable, str(HERE / "minimal_reportlab.py"), str(given), str(tmp_path / "floor.pdf")],
    }, max(3, RUNS // 3), outputs={"tailan": tmp_path / "ours.pdf", "floor": tmp_path / "floor.pdf"})
    ours, floor = figures["tailan"], figures["floor"]
    ratio = ours.median / floor.median
    print(f"\n[bench] 1,000 measures' PDF, whole process, {len(ours.walls)} runs each, {load()}")
    print(f"[bench]   tailan-cli export-pdf: {ours.text()}")
    print(f"[bench]   bare chunked reportlab script: {floor.text()}")
    print(f"[bench]   ratio {ratio:.2f} (CPU {ours.cpu / floor.cpu:.2f}; goal <= {GOAL_THOUSAND}: {_verdict(ratio <= GOAL_THOUSAND)})")
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
