"""Benchmarks measure the program as installed: our modules compiled to bytecode.

An installed Tailan (pip or the PyInstaller bundle) always has its ``.pyc`` files.
Where ``PYTHONDONTWRITEBYTECODE`` is set (as on the development machines here) a
whole-process benchmark would otherwise recompile every module of ours at each
start and measure the compiler, not the program. Python still reads existing
bytecode with that variable set, so compiling once here is enough.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def compiled_sources():
    for package in ("core", "gui"):
        compileall.compile_dir(REPO / package, quiet=1)
    yield
