"""No file dialog ever opens in the data folder (issue 23, item 2).

The data folder holds the sample, the keys and the locks: a person who saves a PDF there
never finds it again, and one who opens ``keys`` may hurt the signatures. Every file dialog
of the soum's window is asked here, with the open report lying in the data folder (the
sample, as a newcomer has it open): each starts in Documents instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction
from recording_prompter import RecordingPrompter

from core.paths import user_data_dir
from core.report.model import Score
from core.storage import ReportFile


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))


def assert_never_in_the_data_folder(prompter: RecordingPrompter, at_least: int) -> None:
    asked = prompter.start_folders()
    assert len(asked) >= at_least, prompter.calls
    data = user_data_dir().resolve()
    for title, folder in asked:
        where = Path(folder).resolve()
        assert data != where and data not in where.parents, f"«{title}» opens in the data folder: {folder}"
        assert where == documents().resolve(), (title, folder)


def scored_file_in_the_data_folder(sample_path) -> Path:
    """A report kept in the data folder (as the sample is), complete, so that every act can be asked."""
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(shutil.copy(sample_path, folder / "тайлан.tailan"))
    with ReportFile.open(path) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        for number in ("6.1", "6.2", "6.3"):
            rf.set_field("measure", report.find_measure(number)[0].id, "score", Score.FULL)
    return path


def test_every_file_dialog_of_the_soums_window_starts_in_documents(qtbot, sample_path):
    from gui.app import create_main_window

    prompter = RecordingPrompter(confirm=[True])
    win = create_main_window(scored_file_in_the_data_folder(sample_path), prompter=prompter)
    qtbot.addWidget(win)
    win.show()

    def trigger(name):
        entry = win.findChild(QAction, name)
        assert entry is not None and entry.isEnabled(), name
        entry.trigger()

    for name in ("openAction", "importAction", "newAction", "carryForwardAction", "saveCopyAction",
                 "saveWordAction", "savePdfAction", "openReceiptAction"):
        trigger(name)
    measure = win.doc.report.find_measure("1.1")[0]
    win.select_item(measure.id)
    win.forms["measure"].evidence.attach()
    win.forms["measure"].evidence.save_selected()  # nothing selected: no dialog
    from gui.preview import PreviewDialog

    dialog = PreviewDialog(win.doc, prompter, win)
    assert dialog.wait_until_ready()
    dialog.save_as()
    dialog.close()
    trigger("finalizeAction")
    assert win.doc.finalized
    trigger("sendToAimagAction")
    win.receipts.print_receipt()  # no answer kept: no dialog
    assert_never_in_the_data_folder(prompter, at_least=11)
    win.doc.close()


def test_the_sample_opened_from_the_start_page_offers_documents(qtbot, prompter):
    from gui.app import create_main_window
    from gui.start_page import open_sample

    win = create_main_window(None, prompter=prompter)
    qtbot.addWidget(win)
    assert open_sample(win) and win.doc.read_only
    for name in ("openAction", "importAction", "saveCopyAction", "saveWordAction", "savePdfAction"):
        win.findChild(QAction, name).trigger()
    assert_never_in_the_data_folder(prompter, at_least=5)
    win.doc.close()
