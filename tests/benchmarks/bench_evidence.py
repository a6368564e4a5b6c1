"""Evidence benchmark (issue 22): a report with 10 and 50 MB of evidence, against copying the same bytes.

The floor, measured in the same run on the same bytes: copying the evidence files
into a folder and flushing them to disk (what an officer does when the files go on a
USB stick beside the report). Timed, each on a fresh file: ``attach`` (every file
recognised, hashed, stored in chunks), ``finalize`` (every file's hash recomputed,
then signed), ``export-submission`` (the files copied chunk by chunk into the
submission, flushed, and the whole submission checked as the aimag will check it),
``verify`` (the received file copied privately, its pages checked, every file's hash
and type recomputed) and ``consolidate`` (the same, the checked copy renamed into the
archive and flushed, the report merged). Goal: at most 3 times the copy.

Peak memory: each step runs again in a process of its own, which reports its peak
resident size; the goal is a peak independent of the evidence (10 MB against 50 MB).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.report.evidence.attaching import attach_paths
from core.report.model import Score
from core.storage import ReportFile

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "sample" / "000_09351593bdc28142.txt"
FILE_MB = 10
SIZES_MB = (10, 50)
STEPS = ("attach", "finalize", "export", "verify", "consolidate")
REPEATS = 3


def evidence_files(folder: Path, total_mb: int) -> list[Path]:
    """``total_mb`` of scanned-PDF-like files of ``FILE_MB`` each (random bytes between a PDF's header and end)."""
    folder.mkdir()
    files = []
    for i in range(total_mb // FILE_MB):
        path = folder / f"scan-{i:02d}.pdf"
        with open(path, "wb") as out:
            out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
            out.write(os.urandom(FILE_MB * 1024 * 1024 - 64))
            out.write(b"\n%%EOF\n")
        files.append(path)
    return files


def fresh_report(path: Path) -> Path:
    from core.tables.textimport import import_file

    report = import_file(SAMPLE).report
    report.organization, report.aimag = "Нарийнтээл сум", "Өвөрхангай"
    for m in report.measures():
        m.score = m.score or Score.FULL
    with ReportFile.create(path) as rf:
        rf.add_report(report)
    return path


def copy_floor(files: list[Path], target: Path) -> float:
    target.mkdir()
    start = time.perf_counter()
    for path in files:
        copy = target / path.name
        shutil.copyfile(path, copy)
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
    return time.perf_counter() - start


CHILD = r"""
import json, sys, time
from pathlib import Path
step, args = sys.argv[1], sys.argv[2:]
from core.storage import ReportFile
start = time.perf_counter()
if step == "attach":
    from core.report.evidence.attaching import attach_paths
    with ReportFile.open(args[0]) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        attach_paths(rf, report, report.measures()[0], [Path(p) for p in args[1:]])
elif step == "finalize":
    from core.sending.lifecycle import finalize
    with ReportFile.open(args[0]) as rf:
        finalize(rf, rf.resolve_report_id(None))
elif step == "export":
    from core.sending.export import export_submission
    with ReportFile.open(args[0], read_only=True) as rf:
        export_submission(rf, rf.resolve_report_id(None), args[1])
elif step == "verify":
    from core.received.verify import check_submission
    assert check_submission(Path(args[0])).ok
elif step == "consolidate":
    from core.aimag.consolidate import consolidate
    result = consolidate([args[0]], args[1])
    assert result.outcomes[0].status in ("added", "pending"), result.outcomes[0].reason
seconds = time.perf_counter() - start
# VmHWM: this process's own peak (ru_maxrss keeps the parent's peak across fork and exec)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "peak_mib": peak / 1024}))
"""


def in_child(step: str, *args) -> dict:
    result = subprocess.run([sys.executable, "-c", CHILD, step, *map(str, args)], capture_output=True, text=True,
                            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def timed_steps(work: Path, files: list[Path]) -> dict[str, float]:
    """Seconds of each step in this process (its imports already done), each opening its own file."""
    from core.aimag.consolidate import consolidate
    from core.received.verify import check_submission
    from core.sending.export import export_submission
    from core.sending.lifecycle import finalize

    work.mkdir()
    report, submission, aimag = fresh_report(work / "report.tailan"), work / "submission.tailan", work / "aimag.tailan"
    seconds = {}

    def timed(step, action):
        os.sync()  # the previous step's writes reach the disk first: each step pays for its own
        start = time.perf_counter()
        action()
        seconds[step] = time.perf_counter() - start

    def attach():
        with ReportFile.open(report) as rf:
            loaded = rf.load_report(rf.resolve_report_id(None))
            attach_paths(rf, loaded, loaded.measures()[0], files)

    def final():
        with ReportFile.open(report) as rf:
            finalize(rf, rf.resolve_report_id(None))

    def export():
        with ReportFile.open(report, read_only=True) as rf:
            export_submission(rf, rf.resolve_report_id(None), submission)

    timed("attach", attach)
    timed("finalize", final)
    timed("export", export)
    timed("verify", lambda: check_submission(submission))
    timed("consolidate", lambda: consolidate([submission], aimag))
    return seconds


def child_peaks(work: Path, files: list[Path]) -> dict[str, float]:
    """Peak resident MiB of each step, each in a process of its own (imports included, the same for every size)."""
    work.mkdir()
    report, submission, aimag = fresh_report(work / "report.tailan"), work / "submission.tailan", work / "aimag.tailan"
    steps = {"attach": (report, *files), "finalize": (report,), "export": (report, submission),
             "verify": (submission,), "consolidate": (submission, aimag)}
    return {step: in_child(step, *args)["peak_mib"] for step, args in steps.items()}


@pytest.mark.slow
def test_evidence_steps_against_copying_the_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "data"))
    warm = tmp_path / "warm"
    warm.mkdir()
    timed_steps(warm / "steps", evidence_files(warm / "evidence", FILE_MB))  # every import done before timing
    figures = {}
    for mb in SIZES_MB:
        base = tmp_path / f"{mb}mb"
        base.mkdir()
        files = evidence_files(base / "evidence", mb)
        copy_floor(files, base / "warm")  # the files are in the OS cache for both
        floor = min(copy_floor(files, base / f"copy{i}") for i in range(REPEATS))
        runs = [timed_steps(base / f"steps{i}", files) for i in range(REPEATS)]  # the best of a few: a shared PC
        seconds = {step: min(run[step] for run in runs) for step in STEPS}
        peaks = child_peaks(base / "peaks", files)
        figures[mb] = peaks
        print(f"\n[bench] {mb} MB of evidence ({len(files)} files); copying the bytes (and fsync): {floor:.3f} s")
        for step in STEPS:
            print(f"[bench]   {step:<12} {seconds[step]:.3f} s  ratio {seconds[step] / floor:.2f} (goal <= 3)  "
                  f"peak {peaks[step]:.0f} MiB (own process)")
    low, high = SIZES_MB
    for step in STEPS:
        print(f"[bench] peak memory of {step}, {low} -> {high} MB of evidence: {figures[high][step] - figures[low][step]:+.0f} MiB")
