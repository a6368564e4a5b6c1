"""Every window fits a 1366x768 screen at 100, 125 and 150 % (issue 11 item 4).

Each scale runs in its own process (``screen_fit.run_at_scale``), offscreen (150 % in the
default run, where the windows have the least room; 100 and 125 % in the slow run), and at
125 % also on Xvfb (xcb, slow): the main window on
first start and with a geometry saved on a bigger monitor, the print preview, settings,
guide and About; the total, the save state and the score of the longest measure in view;
the aimag's consolidation window with every button in view.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from screen_fit import SCALES, run_at_scale

CHILD = Path(__file__).with_name("fit_child.py")


# 150 % leaves the least room (910x512): it runs by default; 100 % and 125 % in the slow run.
QUICK_SCALE = max(SCALES)


@pytest.mark.parametrize("scale", [s if s == QUICK_SCALE else pytest.param(s, marks=pytest.mark.slow) for s in SCALES])
def test_every_window_fits_a_1366x768_screen(scale, tmp_path):
    result = run_at_scale(CHILD, scale, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "restored" in result.stdout and "consolidation" in result.stdout
    screen = next(line for line in result.stdout.splitlines() if line.startswith("screen"))
    assert f"(0, 0, {round(1366 / scale)}, " in screen or f"(0, 0, {int(1366 / scale)}, " in screen, screen


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is installed by packaging/system-deps.sh")
@pytest.mark.parametrize("scale", (1.25,))
def test_the_windows_fit_on_a_real_x_server_too(scale, tmp_path):
    """The usual office laptop at 125 %, on Xvfb with Qt's xcb platform (real fonts, real X geometry).

    Slow (an X server started per run); the default run checks the same windows offscreen
    at 150 % (``test_every_window_fits_a_1366x768_screen[1.5]``), where they have less room."""
    result = run_at_scale(CHILD, scale, tmp_path, xvfb=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "screen (0, 0, 1093, 614)" in result.stdout and "restored" in result.stdout
