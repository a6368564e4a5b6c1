"""Bundle benchmarks (issue 6): cold start of the bundle against the source tree, and its size.

Needs a built bundle (``make package``); skipped otherwise. Cold start is a whole
process, measured the same way both ways, in the same run, alternating, median of
several runs: ``tailan --self-test`` (Qt offscreen, fonts, the sample opened, total,
PDF written, window shown), bundle ``dist/tailan/tailan`` against
``.venv/bin/python -m gui.app`` from the source tree; and ``tailan-cli show`` on the
sample against ``python -m core.cli``. Budgets: at most 1.3x the source tree's start
for the bundle; at most 130 MB unpacked (Linux; issue 24, was 150 MB); the compressed
size and the size of each component (``packaging/bundle_size.py --components``) are printed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "tailan"
RUNS = 7
START_RATIO_BUDGET = 1.3
SIZE_BUDGET_MB = 130

pytestmark = pytest.mark.skipif(not (BUNDLE / "tailan").exists(),
                                reason="no bundle in dist/tailan: build it with `make package`")


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return wall


def compare(commands: dict[str, list[str]], env: dict) -> dict[str, float]:
    for command in commands.values():  # warm the OS cache
        timed(command, env)
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            runs[name].append(timed(command, env))
    return {name: statistics.median(times) for name, times in runs.items()}


def test_bundle_cold_start_against_the_source_tree(tmp_path):
    env = dict(os.environ, TAILAN_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("QT_QPA_PLATFORM", None)
    medians = compare({
        "source": [sys.executable, "-m", "gui.app", "--self-test"],
        "bundle": [str(BUNDLE / "tailan"), "--self-test"],
    }, env)
    ratio = medians["bundle"] / medians["source"]
    print(f"\n[bench] cold start, tailan --self-test (offscreen: Qt, fonts, sample, PDF, window, print, Word, "
          f"Excel, signature, consolidation window), "
          f"median of {RUNS}: source tree {medians['source'] * 1e3:.0f} ms, bundle {medians['bundle'] * 1e3:.0f} ms "
          f"(x{ratio:.2f}, budget <= {START_RATIO_BUDGET})")

    sample = tmp_path / "sample.tailan"
    subprocess.run([str(BUNDLE / "tailan-cli"), "import", str(next((ROOT / "resources" / "sample").glob("*.txt"))),
                    "--db", str(sample), "--aimag", "Өвөрхангай"], check=True, env=env, capture_output=True)
    cli = compare({
        "source": [sys.executable, "-m", "core.cli", "show", str(sample)],
        "bundle": [str(BUNDLE / "tailan-cli"), "show", str(sample)],
    }, env)
    print(f"[bench] tailan-cli show on the sample, median of {RUNS}: source tree {cli['source'] * 1e3:.0f} ms, "
          f"bundle {cli['bundle'] * 1e3:.0f} ms (x{cli['bundle'] / cli['source']:.2f})")
    assert ratio <= START_RATIO_BUDGET


def test_bundle_size():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from bundle_size import component_bytes, measure
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    started = time.perf_counter()
    sizes = measure(BUNDLE)
    mb = lambda n: "n/a" if n is None else f"{n / 1e6:.1f} MB ({n / 2**20:.1f} MiB)"  # noqa: E731
    print(f"\n[bench] bundle {BUNDLE.relative_to(ROOT)}: {mb(sizes['unpacked'])} unpacked "
          f"(budget {SIZE_BUDGET_MB} MB); tar.zst -19: {mb(sizes['zstd19'])}; zip -9: {mb(sizes['zip9'])} "
          f"[measured in {time.perf_counter() - started:.0f} s]")
    for name, size in sorted(component_bytes(BUNDLE).items(), key=lambda item: -item[1]):
        print(f"[bench]   {size / 1e6:6.1f} MB  {name}")
    assert sizes["unpacked"] <= SIZE_BUDGET_MB * 1e6
