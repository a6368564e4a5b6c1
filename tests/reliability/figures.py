"""Figures of the reliability runs: counts from the environment, results written as JSON.

Short runs in the default ``make test``; ``make reliability`` sets the long counts
and ``TAILAN_FIGURES_DIR``, where each test writes what it did (``NAME.json``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def count(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def record(name: str, figures: dict) -> None:
    """Prints the figures and, when ``TAILAN_FIGURES_DIR`` is set, writes them to NAME.json."""
    shown = {k: v for k, v in figures.items() if k != "table"}
    print(f"\n[reliability] {name}: " + json.dumps(shown, ensure_ascii=False))
    folder = os.environ.get("TAILAN_FIGURES_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"{name}.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
