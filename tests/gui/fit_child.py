"""Child process of test_screen_fit.py: opens each window on a 1366x768 screen and checks that it fits
(the main window, the preview, settings, guide, About, the aimag's consolidation window).

Run by ``screen_fit.run_at_scale``; prints one line per window checked and exits 1 on the
first window that does not fit.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from screen_fit import assert_in_view, assert_inside_screen


def settle(app, ms: int = 50) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.start(ms)
    while timer.isActive():
        app.processEvents()


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="tailan-fit-"))
    atexit.register(shutil.rmtree, scratch, True)  # whatever the checks say
    import os

    os.environ["TAILAN_DATA_DIR"] = str(scratch / "data")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(scratch / "settings"))
    from recording_prompter import RecordingPrompter

    from core.tables.sample import create_sample_database
    from gui.app import create_main_window, ensure_application

    app = ensure_application([sys.argv[0]])
    path = create_sample_database(scratch / "sample.tailan")
    window = create_main_window(path, prompter=RecordingPrompter())
    window.show()
    settle(app)
    print("screen", app.primaryScreen().availableGeometry().getRect(), "scale", os.environ.get("QT_SCALE_FACTOR"))
    assert_inside_screen(window)
    assert_in_view(window.total_label)
    assert_in_view(window.save_label)
    # the measure with the longest texts: its score is in view without scrolling
    longest = max(window.doc.report.measures(), key=lambda m: len(m.achieved) + len(m.text))
    window.select_item(longest.id)
    settle(app)
    from PySide6.QtWidgets import QComboBox

    assert_in_view(window.findChild(QComboBox, "scoreInput"))
    from PySide6.QtWidgets import QWidget

    assert_in_view(window.findChild(QWidget, "achievedInput"))  # what officers write most, whole (issue 23)
    window.statusBar().showMessage("A long passing message " * 5, 5000)  # the total stays in view
    settle(app)
    assert_in_view(window.total_label)
    print("main window", window.frameGeometry().getRect())

    for zoom in (150, 200):  # larger text: the score is still in view
        window.help.set_zoom(zoom)
        settle(app)
        assert_in_view(window.findChild(QComboBox, "scoreInput"))
    window.help.set_zoom(100)

    from gui.preview import PreviewDialog

    dialog = PreviewDialog(window.doc, window.prompter, window)
    dialog.show()
    assert dialog.wait_until_ready()
    settle(app)
    assert_inside_screen(dialog)
    for button in (dialog.print_button, dialog.save_button, dialog.close_button, dialog.next_button):
        assert_in_view(button)
    print("preview", dialog.frameGeometry().getRect())
    dialog.reject()

    from gui.settings_dialog import SettingsDialog

    for name, make in (("settings", lambda: SettingsDialog(window)), ("guide", window.help.show_guide),
                       ("about", window.help.show_about)):
        shown = make()
        shown.show()
        settle(app)
        assert_inside_screen(shown)
        print(name, shown.frameGeometry().getRect())
        shown.reject()

    # geometry saved on a bigger monitor comes back inside this screen
    window.resize(1900, 1150)
    window.move(-60, -40)
    window.close()
    again = create_main_window(path, prompter=RecordingPrompter())
    again.show()
    settle(app)
    assert_inside_screen(again)
    assert_in_view(again.total_label)
    print("restored", again.frameGeometry().getRect())
    again.close()

    # the aimag's window, in Mongolian (the longer texts): inside the screen, every button in view
    from PySide6.QtWidgets import QPushButton

    from gui.consolidation.window import ConsolidationWindow

    aimag = ConsolidationWindow(scratch / "Аймгийн-нэгтгэл.tailan", prompter=RecordingPrompter())
    aimag.show()
    settle(app)
    assert "нэгтгэл" in aimag.windowTitle(), aimag.windowTitle()
    assert_inside_screen(aimag)
    area, hint = aimag.screen().availableGeometry(), aimag.minimumSizeHint()
    assert hint.width() <= area.width() and hint.height() <= area.height(), (hint, area)
    buttons = [b for b in aimag.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 7, [b.objectName() for b in buttons]
    for button in buttons:
        assert_in_view(button)
    print("consolidation", aimag.frameGeometry().getRect())
    aimag.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
