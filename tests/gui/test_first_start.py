"""A clear first start (issue 11, item 5): the start page, the read-only sample, Documents, the file's path."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import read_back
from PySide6.QtCore import QObject, QStandardPaths, Qt, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QTreeView

from core.paths import resource, user_data_dir
from gui.app import create_main_window, default_file

SAMPLE_TXT = resource("sample", "000_09351593bdc28142.txt")


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """A home of its own: the Documents folder the window suggests is made here, not in the real one."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


@pytest.fixture
def fresh(qtbot, prompter):
    """The window of a first start: no last file, nothing open."""
    assert default_file() is None
    window = create_main_window(default_file(), prompter=prompter)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.doc is not None:
        window.doc.close()


def click(window, name):
    button = window.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    QTest.mouseClick(button, Qt.LeftButton)


def documents():
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
    assert folder.parent.parent.name == "home" or folder.parent.name == "home"  # the private home
    return folder


def test_the_first_start_shows_three_ways_in(fresh):
    assert fresh.doc is None
    assert fresh.stack.currentWidget() is fresh.empty_page  # the start page, in its scroll area
    assert fresh.start_page.objectName() == "startPage" and fresh.start_page.isVisible()
    for name in ("importFileButton", "importClipboardButton", "newReportButton", "sampleButton"):
        assert fresh.findChild(QPushButton, name).isVisible()
    tree = fresh.findChild(QTreeView, "planTree")
    assert not tree.isVisible() and not fresh.problems_dock.isVisible()  # nothing empty to puzzle over
    assert not fresh.actions_.undo.isEnabled() and not fresh.actions_.add_goal.isEnabled()
    click(fresh, "sampleButton")
    assert tree.isVisible() and fresh.problems_dock.isVisible()


def test_the_sample_opens_read_only_under_a_sample_banner(fresh, prompter):
    click(fresh, "sampleButton")
    assert fresh.doc is not None and fresh.doc.read_only
    banner = fresh.findChild(QLabel, "readOnlyBanner")
    assert banner.isVisible() and "Нарийнтээл" in banner.text()
    assert fresh.doc.path.parent == user_data_dir()
    before = fresh.doc.path.read_bytes()
    assert not fresh.doc.set_field("report", fresh.doc.report.id, "organization", "Өөр")  # refused
    assert fresh.doc.path.read_bytes() == before


def test_new_from_the_start_page_suggests_documents_not_the_data_folder(fresh, prompter, tmp_path):
    target = tmp_path / "Өлзийт 2026.tailan"
    prompter.answers["save_path"] = [str(target)]
    click(fresh, "newReportButton")
    suggested = Path([c for c in prompter.calls if c[0] == "save_path"][0][2])
    assert suggested.parent == documents()
    assert "locks" not in str(suggested) and user_data_dir() not in suggested.parents
    assert fresh.doc.path == target


def test_new_from_the_sample_does_not_take_the_samples_soum(fresh, prompter, tmp_path):
    click(fresh, "sampleButton")
    prompter.answers["save_path"] = [str(tmp_path / "mine.tailan")]
    assert fresh.actions_.new_report()
    assert read_back(tmp_path / "mine.tailan").organization == ""
    suggested = Path([c for c in prompter.calls if c[0] == "save_path"][0][2])
    assert suggested.parent == documents()


def test_import_into_the_empty_report_just_made_fills_it(fresh, prompter, tmp_path):
    target = tmp_path / "mine.tailan"
    prompter.answers["save_path"] = [str(target)]
    click(fresh, "newReportButton")
    prompter.answers["open_path"] = [str(SAMPLE_TXT)]
    assert fresh.actions_.import_text_file()
    assert [c[0] for c in prompter.calls].count("save_path") == 1  # no second file
    assert sorted(p.name for p in tmp_path.glob("*.tailan")) == ["mine.tailan"]
    report = read_back(target)
    assert len(report.measures()) == 14 and report.organization == "Нарийнтээл сум"
    assert len(report.signatories) == len(fresh.doc.report.signatories) > 0
    fresh.actions_.undo.trigger()  # one step takes the whole import back
    assert read_back(target).goals == [] and read_back(target).organization == ""


def test_import_from_the_clipboard_on_the_start_page(fresh, prompter, tmp_path):
    QGuiApplication.clipboard().setText(SAMPLE_TXT.read_text(encoding="utf-8"))
    prompter.answers["save_path"] = [str(tmp_path / "from-word.tailan")]
    click(fresh, "importClipboardButton")
    assert len(read_back(tmp_path / "from-word.tailan").measures()) == 14


@pytest.mark.parametrize("answer,goals_after", [(0, 2), (1, 8), (None, 6)])
def test_paste_into_a_full_report_asks_replace_or_append(window, sample_path, prompter, answer, goals_after):
    lines = SAMPLE_TXT.read_text(encoding="utf-8").splitlines()
    table = "\n".join(lines[12:17])  # goal 1 (three measures) and goal 2's first row
    window.select_item(window.doc.report.goals[0].id)
    prompter.answers["choose"] = [answer]
    window.actions_.paste_table(table)
    assert prompter.kinds() == ["choose"]
    assert len(read_back(sample_path).goals) == goals_after
    if answer == 0:  # replace is one undo step
        window.actions_.undo.trigger()
        assert len(read_back(sample_path).measures()) == 14


class UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot("QUrl")
    def open(self, url):
        self.urls.append(url)


def test_the_window_shows_the_full_path_and_opens_its_folder(window, sample_path):
    label = window.findChild(QLabel, "pathLabel")
    assert label.toolTip() == str(sample_path) and label.isVisible()
    assert window.windowFilePath() == str(sample_path)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        action = window.findChild(type(window.actions_.new), "showInFolderAction")
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in catcher.urls] == [sample_path.parent]


def test_the_copy_name_the_window_suggests_is_mongolian(window, sample_path, prompter):
    window.actions_.save_copy_as()
    suggested = Path([c for c in prompter.calls if c[0] == "save_path"][0][2])
    assert suggested == sample_path.with_name("sample-хуулбар.tailan")


def test_a_table_alone_fills_the_plan_and_keeps_the_header_typed(fresh, prompter, tmp_path):
    target = tmp_path / "mine.tailan"
    prompter.answers["save_path"] = [str(target)]
    click(fresh, "newReportButton")
    doc = fresh.doc
    assert doc.set_field("report", doc.report.id, "organization", "Өлзийт сум")
    table = "\n".join(SAMPLE_TXT.read_text(encoding="utf-8").splitlines()[12:17])  # rows only, no header
    QGuiApplication.clipboard().setText(table)
    assert fresh.actions_.import_clipboard()
    report = read_back(target)
    assert report.organization == "Өлзийт сум" and len(report.measures()) == 4
    assert [c[0] for c in prompter.calls].count("save_path") == 1


def test_the_sample_as_last_file_opens_read_only_again(fresh, qtbot, prompter):
    click(fresh, "sampleButton")
    sample = fresh.doc.path
    fresh.close()
    assert default_file() == sample
    again = create_main_window(default_file(), prompter=prompter)
    qtbot.addWidget(again)
    assert again.doc.read_only and "Нарийнтээл" in again.banner.text()
    again.doc.close()


def test_make_run_opens_the_sample_read_only_under_its_banner(qtbot):
    """``make run`` starts ``tailan --sample``: the ready sample, never the user's last file."""
    from gui.app import window_for

    window = window_for(["tailan", "--sample"])
    qtbot.addWidget(window)
    window.show()
    assert window.doc is not None and window.doc.read_only
    assert window.banner.isVisible() and "Нарийнтээл" in window.banner.text()
    assert window.total_label.text().endswith("80,9")
    window.doc.close()
