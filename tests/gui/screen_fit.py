"""Does a window fit a small screen? Shared by the window tests (and the aimag's window's).

``offscreen_platform(folder)`` gives a ``QT_QPA_PLATFORM`` value for an offscreen screen of
1366x768 with window frames; ``run_at_scale`` runs a script in a child process at a given
``QT_SCALE_FACTOR`` (the scale of a running QApplication cannot change, so each scale is
its own process). In the child, ``assert_inside_screen(window)`` and ``assert_in_view(widget)``
check what a person would see.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCREEN = (1366, 768)
SCALES = (1.0, 1.25, 1.5)
REPO = Path(__file__).resolve().parents[2]


def offscreen_platform(folder: Path, width: int = SCREEN[0], height: int = SCREEN[1]) -> str:
    """The offscreen platform with one screen of ``width`` x ``height`` and frames around windows."""
    config = Path(folder) / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({
        "windowFrameMargins": True,
        "screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }))
    return f"offscreen:configfile={config}"


def run_at_scale(script: Path, scale: float, folder: Path, *args: str, timeout: int = 120,
                 xvfb: bool = False) -> subprocess.CompletedProcess:
    """Runs ``script`` in a child Python on a 1366x768 screen scaled by ``scale``.

    Offscreen by default; with ``xvfb`` on a real X server (``xvfb-run``, installed by
    packaging/system-deps.sh) through Qt's xcb platform, as ``make screenshots`` does.
    """
    env = dict(os.environ, QT_SCALE_FACTOR=str(scale), PYTHONIOENCODING="utf-8",
               PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests"), str(REPO / "tests" / "gui")]))
    env.pop("QT_ENABLE_HIGHDPI_SCALING", None)
    command = [sys.executable, str(script), *args]
    if xvfb:
        env["QT_QPA_PLATFORM"] = "xcb"
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", *command]
    else:
        env["QT_QPA_PLATFORM"] = offscreen_platform(folder)
    return subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)


def assert_inside_screen(window) -> None:
    """The window's whole frame (title bar included) lies in its screen's available area."""
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert area.contains(frame), f"{window.objectName()}: frame {frame.getRect()} outside {area.getRect()}"


def assert_in_view(widget) -> None:
    """``widget`` is shown, whole, not scrolled or clipped away, inside its window's area on screen."""
    assert widget.isVisible(), f"{widget.objectName()} is hidden"
    region = widget.visibleRegion()
    assert not region.isEmpty(), f"{widget.objectName()} is out of view"
    bounds = region.boundingRect()
    assert bounds.height() >= widget.height() - 1, f"{widget.objectName()} is cut: {bounds.getRect()}"
    window = widget.window()
    top_left = widget.mapTo(window, bounds.topLeft())
    assert window.rect().contains(top_left) and top_left.y() + bounds.height() <= window.height(), \
        f"{widget.objectName()} lies outside its window"
    screen = window.screen().availableGeometry()
    on_screen = widget.mapToGlobal(bounds.bottomRight())
    assert screen.contains(on_screen), f"{widget.objectName()} is below the screen's edge"
