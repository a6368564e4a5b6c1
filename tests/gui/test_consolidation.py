"""The aimag's consolidation window on real submission files in tmp_path.

Good files are generated as a soum writes them (``generate.submission_file``); bad
ones are a text file under a Tailan name, a truncated copy and a report never
finalized. The window is driven through its buttons, a real drop event and the
prompter; what it shows is checked against core's own ranking of the same file.
"""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QListWidget, QProgressBar, QPushButton, QTableView, QWidget

from core.fingerprint import short_code
from core.sample import create_sample_database
from core.storage import ReportFile
from core.submission.ranking import missing_organizations, ranking
from generate import submission_file
from gui.consolidation.ranking_model import FINGERPRINT, ORGANIZATION, RANK, TOTAL, RowRole
from gui.consolidation.window import OutcomeRole
from gui.prompter import RecordingPrompter

SOUMS = ["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум", "Уянга сум", "Гучин-Ус сум"]


class FolderPrompter(RecordingPrompter):
    """Also answers the folder chooser."""

    def choose_folder(self, title: str, folder: str) -> str | None:
        self.calls.append(("choose_folder", title))
        return self._answer("choose_folder", None)


@pytest.fixture
def inbox(tmp_path):
    """Five good submissions, and three bad files: not SQLite, truncated, never finalized."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = [submission_file(folder, name, seed=i) for i, name in enumerate(SOUMS)]
    (folder / "zz-not-a-report.tailan").write_text("энэ бол тайлан биш\n", encoding="utf-8")
    data = good[0].read_bytes()
    (folder / "zz-truncated.tailan").write_bytes(data[: len(data) // 2])
    create_sample_database(folder / "zz-draft.tailan")
    return folder, good


@pytest.fixture
def prompter():
    return FolderPrompter()


@pytest.fixture
def aimag(tmp_path):
    return tmp_path / "aimag" / "Өвөрхангай-нэгтгэл.tailan"


@pytest.fixture
def cwin(qtbot, aimag, prompter):
    from gui.consolidation.window import ConsolidationWindow

    aimag.parent.mkdir()
    win = ConsolidationWindow(aimag, prompter=prompter)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def statuses(win) -> dict[str, str]:
    return {o.file.rsplit("/", 1)[-1]: o.status for o in win.results()}


def core_ranking(aimag):
    with ReportFile.open(aimag, read_only=True) as rf:
        rows = ranking(rf)
        return rows, missing_organizations(rf, rows)


def test_the_widgets_are_there_by_name(cwin):
    assert cwin.objectName() == "consolidationWindow"
    assert isinstance(cwin.findChild(QTableView, "rankingTable"), QTableView)
    assert isinstance(cwin.findChild(QProgressBar, "consolidationProgress"), QProgressBar)
    assert isinstance(cwin.findChild(QListWidget, "resultList"), QListWidget)
    assert isinstance(cwin.findChild(QListWidget, "missingList"), QListWidget)
    assert isinstance(cwin.findChild(QWidget, "rankingChart"), QWidget)
    assert cwin.model.rowCount() == 0 and not cwin.csv_button.isEnabled()


def test_the_ranking_model_passes_the_model_tester(cwin, inbox, qtmodeltester):
    qtmodeltester.check(cwin.model)  # empty
    cwin.consolidate_paths([inbox[0]])
    qtmodeltester.check(cwin.model)


def test_a_folder_of_good_and_bad_files_shows_each_result(cwin, inbox, prompter, aimag):
    folder, good = inbox
    prompter.answers["choose_folder"] = [str(folder)]
    cwin.findChild(QPushButton, "chooseFolderButton").click()

    got = statuses(cwin)
    assert {name: got[name] for name in (g.name for g in good)} == {g.name: "added" for g in good}
    assert got["zz-not-a-report.tailan"] == got["zz-truncated.tailan"] == got["zz-draft.tailan"] == "rejected"
    assert cwin.result_list.count() == 8
    assert cwin.progress.maximum() == cwin.progress.value() == 8
    for i in range(cwin.result_list.count()):
        item = cwin.result_list.item(i)
        outcome = item.data(OutcomeRole)
        assert outcome.reason and outcome.reason in item.text()
        red = item.foreground().color().name() == "#b3261e"
        assert red == (outcome.status == "rejected")
    assert "баталгаажаагүй" in next(o.reason for o in cwin.results() if o.file.endswith("zz-draft.tailan")).lower()
    assert "5" in cwin.summary_label.text() and "3" in cwin.summary_label.text()
    assert cwin.model.rowCount() == 5


def test_the_table_and_the_chart_follow_cores_ranking(cwin, inbox, aimag):
    cwin.consolidate_paths([inbox[0]])
    rows, _ = core_ranking(aimag)
    model = cwin.model
    assert [model.data(model.index(r, ORGANIZATION)) for r in range(model.rowCount())] == [r.organization for r in rows]
    assert [model.data(model.index(r, RANK)) for r in range(model.rowCount())] == [str(i) for i in range(1, 6)]
    totals = [model.data(model.index(r, 0), RowRole).total for r in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True)
    assert model.data(model.index(0, TOTAL)) == rows[0].total_display
    assert model.data(model.index(0, FINGERPRINT)) == short_code(rows[0].fingerprint)
    assert model.data(model.index(0, FINGERPRINT), Qt.ToolTipRole) == rows[0].fingerprint
    assert [r.organization for r in cwin.chart.rows] == [r.organization for r in rows]
    assert "2023" in cwin.chart.title
    assert cwin.chart.grab().width() > 0  # paints without error


def test_a_drop_of_files_consolidates_them(cwin, inbox):
    _, good = inbox
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in good[:2]])
    # Qt delivers a drop only during a real drag (QDrag's event loop), so the handlers
    # are called as Qt would call them: enter (accepted), then drop
    enter = QDragEnterEvent(QPoint(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    cwin.dragEnterEvent(enter)
    assert enter.isAccepted()
    cwin.dropEvent(QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert sorted(statuses(cwin).values()) == ["added", "added"]
    assert cwin.model.rowCount() == 2


def test_a_drag_without_files_is_refused(cwin):
    mime = QMimeData()
    mime.setText("Нарийнтээл сум")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    enter.accept()
    cwin.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_again_the_same_files_are_skipped_and_a_new_revision_updates(cwin, inbox, tmp_path):
    folder, good = inbox
    cwin.consolidate_paths(good[:2])
    newer = submission_file(tmp_path, SOUMS[1], seed=1, revision_bumps=1)
    cwin.consolidate_paths([good[0], newer])
    assert [o.status for o in cwin.results()] == ["skipped", "updated"]
    rows = {cwin.model.data(cwin.model.index(r, 0), RowRole).organization: cwin.model.data(cwin.model.index(r, 0), RowRole)
            for r in range(cwin.model.rowCount())}
    assert rows[SOUMS[1]].revision == 2


def test_the_expected_list_is_editable_and_the_missing_ones_are_listed(cwin, inbox, aimag, qtbot):
    _, good = inbox
    cwin.consolidate_paths(good[:3])
    dialog = cwin.edit_expected()
    qtbot.addWidget(dialog)
    dialog.names.setPlainText("Уянга сум\nГучин-Ус сум\n\n  Зүүнбаян-Улаан сум  ")
    dialog.add_button.click()
    assert dialog.names_shown() == sorted(["Уянга сум", "Гучин-Ус сум", "Зүүнбаян-Улаан сум"])
    missing = [cwin.missing_list.item(i).text() for i in range(cwin.missing_list.count())]
    assert missing == core_ranking(aimag)[1] == sorted(["Уянга сум", "Гучин-Ус сум", "Зүүнбаян-Улаан сум"])
    assert "3" in cwin.missing_box.title()

    dialog.add_received_button.click()  # the three received ones are expected too, not missing
    assert len(dialog.names_shown()) == 6 and cwin.missing_list.count() == 3
    dialog.list.findItems("Зүүнбаян-Улаан сум", Qt.MatchExactly)[0].setSelected(True)
    dialog.remove_button.click()
    assert "Зүүнбаян-Улаан сум" not in dialog.names_shown()
    assert cwin.missing_list.count() == 2
    cwin.consolidate_paths(good[3:])
    assert cwin.missing_list.count() == 0
    dialog.close()


def test_exports_write_a_csv_excel_reads_and_a_pdf(cwin, inbox, prompter, tmp_path):
    from pdf_helpers import pdftotext

    cwin.consolidate_paths([inbox[0]])
    csv_path, pdf_path = tmp_path / "эрэмбэ.csv", tmp_path / "эрэмбэ.pdf"
    prompter.answers["save_path"] = [str(csv_path), str(pdf_path)]
    cwin.findChild(QPushButton, "exportCsvButton").click()
    cwin.findChild(QPushButton, "exportPdfButton").click()
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 Cyrillic only with the BOM
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "Байр" and len(table) == 6
    assert [row[1] for row in table[1:]] == [r.organization for r in cwin.rows]
    assert pdf_path.read_bytes().startswith(b"%PDF")
    text = pdftotext(pdf_path)
    assert all(name in text for name in SOUMS)


def test_export_cancelled_or_empty_writes_nothing(cwin, prompter, tmp_path):
    assert cwin.export_csv() is None  # nothing received yet: said so, no dialog
    assert prompter.kinds() == ["info"]
    assert not list(tmp_path.glob("*.csv"))


def test_a_folder_without_files_says_so(cwin, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cwin.consolidate_paths([empty])
    assert result is not None and not result.outcomes
    assert cwin.result_list.count() == 0 and cwin.summary_label.text()


def test_opened_from_the_main_windows_menu_on_the_users_aimag_file(window, prompter, inbox, tmp_path, qtbot):
    found = window.findChild(QAction, "consolidationAction")
    found.trigger()
    cwin = window.sending.consolidation_window
    qtbot.addWidget(cwin)
    assert cwin.objectName() == "consolidationWindow" and cwin.isVisible()
    assert cwin.aimag_path.parent == tmp_path / "data"  # the test's data folder, never the user's
    cwin.consolidate_paths([inbox[1][0]])
    assert cwin.aimag_path.exists()
    found.trigger()  # a second time: the same window comes forward
    assert window.sending.consolidation_window is cwin


def test_tailan_consolidate_opens_the_window_on_the_given_file(monkeypatch, aimag, inbox, qtbot):
    import sys

    from gui import app as app_module

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its error hook
    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda *args: shown.append(
        [w for w in QApplication.topLevelWidgets() if w.objectName() == "consolidationWindow" and w.isVisible()]) or 0)
    aimag.parent.mkdir()
    shutil.copy(inbox[1][0], aimag.parent / "x.tailan")
    assert app_module.main(["tailan", "--consolidate", str(aimag)]) == 0
    windows = shown[0]
    assert windows and windows[-1].aimag_path == aimag
    for w in windows:
        qtbot.addWidget(w)
