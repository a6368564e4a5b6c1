"""Screenshots of the first start for the README: the start page and the sample under its banner.

Run under Xvfb at the usual office laptop's size::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" python docs/make_start_screenshots.py docs

Uses a temporary data folder and settings (``gui.screenshots.isolated_scratch``), so
it is a real first start and never touches the user's files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gui.screenshots import isolated_scratch, settle  # noqa: E402


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    isolated_scratch("tailan-start-shots-")
    from gui.app import create_main_window, default_file, ensure_application
    from gui.start_page import open_sample

    app = ensure_application([sys.argv[0]])
    window = create_main_window(default_file())  # nothing remembered: the start page
    window.resize(1366, 740)  # the screen less a taskbar
    window.show()
    settle(app, 800)
    window.grab().save(str(out / "window-start.png"))
    open_sample(window)
    settle(app, 600)
    window.grab().save(str(out / "window-sample.png"))
    window.close()
    print(out / "window-start.png", out / "window-sample.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
