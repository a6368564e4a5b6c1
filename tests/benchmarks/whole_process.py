"""Whole-process timings for the benchmarks: commands run alternately, each many times, in one run.

A command's time is its wall clock from start to exit, as a user waits for it; its peak
memory is GNU time's maximum resident size (``/usr/bin/time -f %M``: the child's own,
not inherited from this big test process, see /work/shared/notes/platform.md). Loads
vary on a shared machine, so each figure is the median of its runs with their spread,
and the commands take turns (each round starting with the next one) so that a busy
moment hits them alike; ratios are taken between medians of the same run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


@dataclass
class Figure:
    """One command's runs: wall seconds of each, CPU seconds (user + system) of each, peak MiB."""

    walls: list[float]
    cpus: list[float]
    peak_mib: float

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    def spread(self) -> str:
        """The range of the runs, in ms: ``180-230``."""
        return f"{min(self.walls) * 1e3:.0f}-{max(self.walls) * 1e3:.0f}"

    def text(self) -> str:
        return (f"{self.median * 1e3:.0f} ms (runs {self.spread()} ms, CPU {self.cpu * 1e3:.0f} ms), "
                f"peak {self.peak_mib:.0f} MiB")


def run_once(cmd: list[str], env: dict | None = None, cwd=None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MiB of one run of ``cmd`` (which must succeed)."""
    wrapped = [GNU_TIME, "-f", "%M %U %S", *cmd] if GNU_TIME else cmd
    start = time.perf_counter()
    proc = subprocess.run(wrapped, capture_output=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 0, f"{cmd[:3]} failed: {err[-2000:]}"
    if not GNU_TIME:
        return wall, wall, 0.0
    peak_kib, user, system = err.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(peak_kib) / 1024


def alternate(commands: dict[str, list[str]], runs: int, env: dict | None = None, cwd=None,
              outputs: dict[str, Path] | None = None) -> dict[str, Figure]:
    """Runs every command once to warm the OS cache, then ``runs`` rounds in turn. A command's
    file in ``outputs`` is removed before each of its runs: each run writes a new file (a file
    already there would be kept as a backup first, which a first printout does not do)."""
    outputs = outputs or {}

    def one(name: str, cmd: list[str]) -> tuple[float, float, float]:
        if name in outputs:
            outputs[name].unlink(missing_ok=True)
        return run_once(cmd, env, cwd)

    for name, cmd in commands.items():
        one(name, cmd)
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    order = list(commands)
    for round_ in range(runs):
        # each round starts with the next command: none always runs right after another
        # (after LibreOffice's 200 MiB, the CPU's caches are cold for whoever comes next)
        for name in order[round_ % len(order):] + order[: round_ % len(order)]:
            samples[name].append(one(name, commands[name]))
    return {name: Figure([w for w, _, _ in s], [c for _, c, _ in s], max(m for _, _, m in s))
            for name, s in samples.items()}


def load() -> str:
    """The machine's load while measuring (1, 5 and 15 minutes), to read the figures by."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"
