"""The window-kill test's child: the real main window, typing into ``achievedInput`` until killed.

Run as ``python window_child.py FILE TEXT_FILE INTERVAL_MS PAUSE_EVERY``. Opens FILE
with ``create_main_window`` (offscreen or under Xvfb), selects the first measure,
puts the cursor at the end of its achieved text and types the characters of
TEXT_FILE one by one as key events every INTERVAL_MS; after
every PAUSE_EVERY characters (0: never) it pauses for a second, as a person
does between sentences. Prints ``READY`` then ``TYPED <count> <monotonic time>``
after each key, flushed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' recording prompter

from gui import qtfix  # noqa: E402

qtfix.keep_none_alive()

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402
from recording_prompter import RecordingPrompter  # noqa: E402

from gui.app import create_main_window  # noqa: E402


def main() -> int:
    path, text_file, interval, pause_every = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    text = Path(text_file).read_text(encoding="utf-8")
    window = create_main_window(path, prompter=RecordingPrompter())
    window.show()
    window.activateWindow()
    measure = window.doc.report.measures()[0]
    window.select_item(measure.id)
    field = window.findChild(QPlainTextEdit, "achievedInput")
    field.setFocus()
    field.moveCursor(QTextCursor.End)
    typed = 0

    def type_one() -> None:
        nonlocal typed
        if typed >= len(text):
            return
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):  # a key press carrying a Cyrillic character
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, text[typed]))
        typed += 1
        sys.stdout.write(f"TYPED {typed} {time.monotonic():.4f}\n")
        sys.stdout.flush()
        delay = interval + (1000 if pause_every and typed % pause_every == 0 else 0)
        QTimer.singleShot(delay, type_one)

    sys.stdout.write("READY\n")
    sys.stdout.flush()
    QTimer.singleShot(interval, type_one)
    return QApplication.instance().exec()


if __name__ == "__main__":
    sys.exit(main())
