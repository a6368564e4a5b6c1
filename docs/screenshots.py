"""Screenshots of the real window for the docs: ``make screenshots`` (under Xvfb).

Usage: ``python docs/screenshots.py FOLDER``. Works on a copy of the sample in a
temporary data folder with temporary settings, so it never touches the user's
files. Writes ``window-measure.png`` (a measure selected), ``window-problems.png``
(a problem clicked in the problems panel) and ``window-preview.png``, at the size the
windows take on the screen (``make screenshots`` uses a 1366x768 screen, the usual office laptop).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from the repository

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def settle(app: QApplication, ms: int = 300) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.start(ms)
    while timer.isActive():
        app.processEvents()


def isolated_scratch(prefix: str) -> Path:
    """A temporary folder for data and settings: screenshots never touch the user's own."""
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["TAILAN_DATA_DIR"] = str(scratch / "data")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(scratch / "settings"))
    return scratch


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    scratch = isolated_scratch("tailan-shots-")

    from core.tables.sample import create_sample_database
    from gui.app import create_main_window, ensure_application

    app = ensure_application([sys.argv[0]])
    path = create_sample_database(scratch / "data" / "Жишээ-тайлан.tailan")
    window = create_main_window(path)
    window.show()  # at the size it takes on the screen it opens on (make screenshots: 1366x768)
    settle(app, 600)
    measure = window.doc.report.find_measure("1.2")[0]
    window.select_item(measure.id)
    settle(app)
    window.grab().save(str(out / "window-measure.png"))

    window.problems.list.setCurrentRow(0)
    window.problems.list.itemClicked.emit(window.problems.list.item(0))
    window.problems_dock.raise_()
    settle(app)
    window.grab().save(str(out / "window-problems.png"))

    from gui.preview import PreviewDialog

    dialog = PreviewDialog(window.doc, window.prompter, window)
    dialog.show()
    dialog.wait_until_ready()
    settle(app, 600)
    dialog.grab().save(str(out / "window-preview.png"))
    dialog.close()
    window.close()
    print("\n".join(str(p) for p in sorted(out.glob("window-*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
