"""The aimag's consolidation window on real submission files in tmp_path.

Good files are generated as a soum writes them (``generate.submission_file``); bad
ones are a text file under a Tailan name, a truncated copy and a report never
finalized. The window is driven through its buttons, a real drop event and the
prompter; what it shows is checked against core's own ranking of the same file.
A first submission waits for the reviewer (a new organization and its key): the tests
accept it as a reviewer does, in the "Waiting for your decision" tab with real clicks.
The consolidation runs in a worker thread: ``run`` starts it and waits for the window's
``consolidationFinished``.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import shutil
import time
from pathlib import Path

import pytest
from generate import consolidate_trusted, submission_chain, submission_file
from PySide6.QtCore import QMimeData, QPoint, QPointF, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QProgressBar, QPushButton, QTableView, QWidget
from recording_prompter import RecordingPrompter

from core.aimag.consolidate import archive_dir
from core.aimag.ranking import missing_organizations, ranking
from core.storage import ReportFile
from core.tables.sample import create_sample_database
from core.trust.fingerprint import short_code
from gui.consolidation.ranking_model import FINGERPRINT, ORGANIZATION, RANK, TOTAL, RowRole, SortRole
from gui.consolidation.window import OutcomeRole
from gui.i18n import tr

SOUMS = ["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум", "Уянга сум", "Гучин-Ус сум"]


@contextlib.contextmanager
def data_dir(folder):
    """Keys of the soums made by a module-wide fixture live in a folder of its own."""
    old = os.environ.get("TAILAN_DATA_DIR")
    os.environ["TAILAN_DATA_DIR"] = str(folder)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TAILAN_DATA_DIR", None)
        else:
            os.environ["TAILAN_DATA_DIR"] = old


class FolderPrompter(RecordingPrompter):
    """Also answers the folder chooser, and gives the aimag's name when the window asks it (once,
    before the first file is accepted: issue 19)."""

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.calls.append(("ask_text", title, label))
        return self._answer("ask_text", "Өвөрхангай")

    def choose_folder(self, title: str, folder: str) -> str | None:
        self.calls.append(("choose_folder", title))
        return self._answer("choose_folder", None)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """Five good submissions, and three bad files: not SQLite, truncated, never finalized (made once,
    only read: consolidation never changes a received file)."""
    folder = tmp_path_factory.mktemp("inbox")
    with data_dir(folder.with_name(folder.name + "-data")):
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


def run(cwin, qtbot, paths, timeout=30000):
    """Starts a consolidation in the window and waits until the window shows its outcome."""
    with qtbot.waitSignal(cwin.consolidationFinished, timeout=timeout) as blocker:
        assert cwin.consolidate_paths(paths) is not None
    return blocker.args[0]


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.LeftButton)


def accept_waiting(cwin, qtbot, prompter, count=None):
    """Accepts the waiting decisions one by one, as a reviewer who compared the codes."""
    panel = cwin.decisions_panel
    cwin.tabs.setCurrentWidget(panel)
    accepted = 0
    while panel.decisions and (count is None or accepted < count):
        panel.table.selectRow(0)
        decision = panel.selected()
        prompter.answers["confirm"] = [True]
        click(qtbot, panel.accept_button)
        assert decision.key_code in prompter.calls[-1][2]  # the question names the code to compare
        accepted += 1
    return accepted


def run_and_accept(cwin, qtbot, prompter, paths):
    result = run(cwin, qtbot, paths)
    accept_waiting(cwin, qtbot, prompter)
    return result


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
    assert not cwin.progress.isTextVisible() and not cwin.cancel_button.isEnabled()  # nothing ran yet


def test_the_ranking_model_passes_the_model_tester(cwin, inbox, qtmodeltester, qtbot, prompter):
    qtmodeltester.check(cwin.model)  # empty
    run_and_accept(cwin, qtbot, prompter, [inbox[0]])
    assert cwin.model.rowCount() == 5
    qtmodeltester.check(cwin.model)
    qtmodeltester.check(cwin.proxy)


def test_a_folder_of_good_and_bad_files_shows_each_result(cwin, inbox, prompter, aimag, qtbot):
    folder, good = inbox
    prompter.answers["choose_folder"] = [str(folder)]
    with qtbot.waitSignal(cwin.consolidationFinished, timeout=30000):
        click(qtbot, cwin.findChild(QPushButton, "chooseFolderButton"))

    got = statuses(cwin)
    # first files of new organizations wait for the reviewer; nothing is ranked before a decision
    assert {name: got[name] for name in (g.name for g in good)} == {g.name: "pending" for g in good}
    assert got["zz-not-a-report.tailan"] == got["zz-truncated.tailan"] == got["zz-draft.tailan"] == "rejected"
    assert cwin.result_list.count() == 8
    assert cwin.progress.maximum() == cwin.progress.value() == 8
    assert cwin.progress.isTextVisible() and cwin.progress.text() == tr("file %v of %m").replace(
        "%v", "8").replace("%m", "8")
    for i in range(cwin.result_list.count()):
        item = cwin.result_list.item(i)
        outcome = item.data(OutcomeRole)
        assert outcome.reason and outcome.reason in item.text()
        red = item.foreground().color().name() == "#b3261e"
        assert red == (outcome.status == "rejected")
    assert "баталгаажаагүй" in next(o.reason for o in cwin.results() if o.file.endswith("zz-draft.tailan")).lower()
    assert "5" in cwin.summary_label.text() and "3" in cwin.summary_label.text()
    assert cwin.model.rowCount() == 0 and cwin.tabs.currentWidget() is cwin.decisions_panel
    assert cwin.decisions_panel.table.rowCount() == 5 and "(5)" in cwin.tabs.tabText(1)

    assert accept_waiting(cwin, qtbot, prompter) == 5
    assert cwin.model.rowCount() == 5 and cwin.decisions_panel.table.rowCount() == 0
    assert [r.organization for r in cwin.rows] == [r.organization for r in core_ranking(aimag)[0]]


def test_the_table_and_the_chart_follow_cores_ranking(cwin, inbox, aimag, qtbot, prompter):
    run_and_accept(cwin, qtbot, prompter, [inbox[0]])
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


def test_a_drop_of_files_consolidates_them(cwin, inbox, qtbot):
    _, good = inbox
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in good[:2]])
    # Qt delivers a drop only during a real drag (QDrag's event loop), so the handlers
    # are called as Qt would call them: enter (accepted), then drop
    enter = QDragEnterEvent(QPoint(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    cwin.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(cwin.consolidationFinished, timeout=30000):
        cwin.dropEvent(QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert sorted(statuses(cwin).values()) == ["pending", "pending"]
    assert cwin.decisions_panel.table.rowCount() == 2


def test_a_drag_without_files_is_refused(cwin):
    mime = QMimeData()
    mime.setText("Нарийнтээл сум")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    enter.accept()
    cwin.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_again_the_same_files_are_skipped_and_a_new_revision_updates(cwin, inbox, tmp_path, qtbot, prompter):
    folder, good = inbox
    first, newer = submission_chain(tmp_path, "Баянгол сум", revisions=2, seed=7)
    run_and_accept(cwin, qtbot, prompter, [good[0], first])
    run(cwin, qtbot, [good[0], newer])
    assert [o.status for o in cwin.results()] == ["skipped", "updated"]
    rows = {cwin.model.data(cwin.model.index(r, 0), RowRole).organization: cwin.model.data(cwin.model.index(r, 0), RowRole)
            for r in range(cwin.model.rowCount())}
    assert rows["Баянгол сум"].revision == 2


def test_the_expected_list_is_editable_and_the_missing_ones_are_listed(cwin, inbox, aimag, qtbot, prompter):
    _, good = inbox
    run_and_accept(cwin, qtbot, prompter, good[:3])
    dialog = cwin.edit_expected()
    qtbot.addWidget(dialog)
    assert dialog.names_shown() == sorted(SOUMS[:3])  # accepted organizations are registered as expected
    dialog.names.setPlainText("Уянга сум\nГучин-Ус сум\n\n  Зүүнбаян-Улаан сум  ")
    dialog.add_button.click()
    assert dialog.names_shown() == sorted(SOUMS[:3] + ["Уянга сум", "Гучин-Ус сум", "Зүүнбаян-Улаан сум"])
    missing = [cwin.missing_list.item(i).text() for i in range(cwin.missing_list.count())]
    assert missing == core_ranking(aimag)[1] == sorted(["Уянга сум", "Гучин-Ус сум", "Зүүнбаян-Улаан сум"])
    assert cwin.missing_box.title() == tr("Not sent yet: {0} of {1} expected").format(3, 6)

    dialog.add_received_button.click()  # the three received ones are expected already
    assert len(dialog.names_shown()) == 6 and cwin.missing_list.count() == 3
    dialog.list.findItems("Зүүнбаян-Улаан сум", Qt.MatchExactly)[0].setSelected(True)
    dialog.remove_button.click()
    assert "Зүүнбаян-Улаан сум" not in dialog.names_shown()
    assert cwin.missing_list.count() == 2
    # expected organizations are registered by name: their first files still wait for the key's acceptance;
    # meanwhile the open list cannot write to the file the worker is writing
    with qtbot.waitSignal(cwin.consolidationFinished, timeout=30000):
        cwin.consolidate_paths(good[3:])
        assert not dialog.isEnabled()
    assert dialog.isEnabled()
    assert {o.kind for o in cwin.results()} == {"new-key"} and cwin.missing_list.count() == 2
    accept_waiting(cwin, qtbot, prompter)
    assert cwin.missing_list.count() == 0
    dialog.close()


def test_exports_write_a_csv_excel_reads_and_a_pdf(cwin, inbox, prompter, tmp_path, qtbot):
    from pdf_helpers import pdftotext

    run_and_accept(cwin, qtbot, prompter, [inbox[0]])
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


def test_a_folder_without_files_says_so(cwin, tmp_path, qtbot):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(cwin, qtbot, [empty])
    assert result is not None and not result.outcomes
    assert cwin.result_list.count() == 0 and cwin.summary_label.text()


def test_opened_from_the_main_windows_menu_on_the_users_aimag_file(window, prompter, inbox, tmp_path, qtbot):
    found = window.findChild(QAction, "consolidationAction")
    found.trigger()
    cwin = window.sending.consolidation_window
    qtbot.addWidget(cwin)
    assert cwin.objectName() == "consolidationWindow" and cwin.isVisible()
    # Documents/Tailan/<the aimag of the report shown>, never the hidden data folder
    assert cwin.aimag_path.parent == Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)) \
        / "Tailan" / window.doc.report.aimag
    assert cwin.aimag_path.is_relative_to(tmp_path / "home")  # the test's own home, never the user's
    run(cwin, qtbot, [inbox[1][0]])
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


# ------------------------------------------------------------- off the GUI thread
@pytest.fixture(scope="module")
def big_batch(tmp_path_factory):
    """Sixty received files (twelve new soums' larger reports, each arriving five times); only read."""
    folder = tmp_path_factory.mktemp("batch")
    with data_dir(folder / ".data"):
        made = [submission_file(folder, f"Шинэ сум {i:02d}", measures=120, seed=i) for i in range(12)]
    for copy in range(1, 5):
        for path in made:
            shutil.copy(path, folder / f"{path.stem}-copy{copy}.tailan")
    files = sorted(folder.glob("*.tailan"))
    assert len(files) == 60
    return files


LONG_NAME = "Өвөрхангай аймгийн Хархорин сумын Засаг даргын тамгын газар ба түүний харьяа төсөвт байгууллагууд"


@pytest.fixture(scope="module")
def ranked_source(tmp_path_factory):
    """An aimag file ranking twelve soums (ranks past 9 and a very long name), made once."""
    base = tmp_path_factory.mktemp("ranked")
    folder = base / "sent"
    folder.mkdir()
    with data_dir(base / "data"):
        files = [submission_file(folder, name, seed=i) for i, name in enumerate(SOUMS)]
        files += [submission_file(folder, f"Сум {i:02d}", seed=20 + i) for i in range(6)]
        files.append(submission_file(folder, LONG_NAME, seed=40))
    aimag = base / "aimag" / "Өвөрхангай-нэгтгэл.tailan"
    aimag.parent.mkdir()
    consolidate_trusted(files, aimag)
    return aimag


@pytest.fixture
def trusted_aimag(aimag, ranked_source):
    """A copy of the ranked aimag file and its archive, this test's own."""
    aimag.parent.mkdir(exist_ok=True)
    shutil.copy(ranked_source, aimag)
    shutil.copytree(archive_dir(ranked_source), archive_dir(aimag))
    return aimag


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2], ids=["one process", "worker processes"])
def test_a_large_batch_runs_off_the_gui_thread_and_cancel_leaves_the_file_as_it_was(
        qtbot, trusted_aimag, prompter, big_batch, workers, monkeypatch):
    from gui.consolidation.window import ConsolidationWindow

    monkeypatch.setattr("core.aimag.checking.worker_count", lambda files: workers)

    before = digest(trusted_aimag)
    archive = trusted_aimag.with_name(trusted_aimag.stem + "-archive")
    archived_before = sorted(p.name for p in archive.iterdir())
    cwin = ConsolidationWindow(trusted_aimag, prompter=prompter)
    qtbot.addWidget(cwin)
    cwin.show()
    qtbot.waitExposed(cwin)
    assert cwin.model.rowCount() == 12

    ticks = []  # (time, worker running) at each tick of a GUI-thread timer
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append((time.monotonic(), cwin.worker is not None and cwin.worker.isRunning())))
    timer.start(10)
    clicked = []

    def on_progress(done, total, _outcome):
        assert cwin.progress.text() == tr("file %v of %m").replace("%v", str(done)).replace("%m", str(total))
        # while the worker runs, nothing that touches the file can be used
        assert not any(b.isEnabled() for b in (cwin.folder_button, cwin.files_button, cwin.other_button,
                                               cwin.csv_button, cwin.pdf_button, cwin.expected_button))
        assert not cwin.acceptDrops() and not cwin.decisions_panel.accept_button.isEnabled()
        if done >= 20 and not clicked:
            clicked.append(done)
            QTest.mouseClick(cwin.cancel_button, Qt.LeftButton)  # a real click, while files are checked

    with qtbot.waitSignal(cwin.consolidationFinished, timeout=60000) as blocker:
        worker = cwin.consolidate_paths(big_batch)
        worker.progressed.connect(on_progress)
        assert cwin.cancel_button.isEnabled()
    timer.stop()
    assert blocker.args == [None] and clicked and clicked[0] < 60
    assert cwin.results() == [] and cwin.progress.value() == 0 and not cwin.progress.isTextVisible()
    assert cwin.summary_label.text() == tr(
        "Cancelled: nothing of this batch was kept; the consolidation file is as it was before.")
    # the GUI thread kept serving its timer while the worker ran: no gap of half a second
    running = [t for t, busy in ticks if busy]
    assert len(running) >= 3, ticks
    assert max(b - a for a, b in zip(running, running[1:])) < 0.5
    assert digest(trusted_aimag) == before
    assert sorted(p.name for p in archive.iterdir()) == archived_before  # the run's archive copies are gone
    assert cwin.model.rowCount() == 12 and cwin.decisions_panel.table.rowCount() == 0
    assert cwin.folder_button.isEnabled() and not cwin.cancel_button.isEnabled() and cwin.acceptDrops()

    # the same batch again, not cancelled: every file has its outcome, the progress reached the end
    result = run(cwin, qtbot, big_batch, timeout=60000)
    assert len(result.outcomes) == 60 and cwin.progress.value() == cwin.progress.maximum() == 60
    assert result.count("pending") == 60 and cwin.decisions_panel.table.rowCount() == 12


@pytest.mark.slow
def test_closing_during_a_run_asks_then_cancels_cleanly(qtbot, trusted_aimag, prompter, big_batch, monkeypatch):
    from gui.consolidation.window import ConsolidationWindow

    monkeypatch.setattr("core.aimag.checking.worker_count", lambda files: 2)  # the files checked by processes

    before = digest(trusted_aimag)
    cwin = ConsolidationWindow(trusted_aimag, prompter=prompter)
    qtbot.addWidget(cwin)
    cwin.show()
    qtbot.waitExposed(cwin)
    asked = []

    def on_progress(done, _total, _outcome):
        if done == 2:
            prompter.answers["confirm"] = [False]
            assert not cwin.close()  # "keep running"
            assert cwin.isVisible() and cwin.busy
        if done == 4 and not asked:
            asked.append(done)
            prompter.answers["confirm"] = [True]
            assert cwin.close()  # "cancel and close": waits for the roll-back

    worker = cwin.consolidate_paths(big_batch)
    worker.progressed.connect(on_progress)
    ended = []
    worker.finished.connect(lambda: ended.append(True), Qt.DirectConnection)  # the thread's own end
    qtbot.waitUntil(lambda: not cwin.isVisible(), timeout=60000)
    assert asked and [c[0] for c in prompter.calls].count("confirm") == 2
    assert ended and cwin.worker is None and not cwin.busy
    assert digest(trusted_aimag) == before


# ------------------------------------------------------------------- decisions
def test_decisions_show_both_key_codes_and_accept_or_reject_with_the_paper(
        qtbot, cwin, prompter, tmp_path, monkeypatch, aimag):
    from core.trust.keys import organization_key_code

    soum = "Нарийнтээл сум"
    first = submission_file(tmp_path, soum, seed=1)
    run_and_accept(cwin, qtbot, prompter, [first])
    registered = organization_key_code(soum)
    # the same soum from another PC (its own key): waits as a new key, beside the registered one
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "other-pc"))
    (tmp_path / "pc2").mkdir()
    other = submission_file(tmp_path / "pc2", soum, seed=2, id_seed=5)
    stranger = submission_file(tmp_path / "pc2", "Хужирт сум", seed=3)
    new_code = organization_key_code(soum)
    assert new_code != registered
    run(cwin, qtbot, [other, stranger])
    panel = cwin.decisions_panel
    assert cwin.tabs.currentWidget() is panel and panel.table.rowCount() == 2
    header = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    received, registered_at = header.index(tr("Received key code")), header.index(tr("Registered key codes"))
    assert registered_at == received + 1  # side by side
    row = next(r for r in range(2) if panel.table.item(r, 2).text() == soum)
    assert panel.table.item(row, received).text() == new_code
    assert panel.table.item(row, registered_at).text() == registered
    panel.table.selectRow(row)
    assert panel.received_key_label.text() == new_code and panel.registered_keys_label.text() == registered
    assert panel.table.item(row, 1).text() == "шинэ түлхүүр"  # core's label of the kind

    prompter.answers["confirm"] = [False]  # the reviewer hesitates: nothing is decided
    click(qtbot, panel.accept_button)
    assert prompter.calls[-1][1:] == (tr("Accept the file"), tr(
        "Accept the file of {0} ({1}, revision {2})?\n\nCompare the code {3} with the code printed on the signed "
        "paper of {0}. Accept only if they are the same.").format(soum, 2023, 1, new_code))
    assert panel.table.rowCount() == 2 and not panel.message.text()

    prompter.answers["confirm"] = [True]
    click(qtbot, panel.accept_button)
    assert panel.message.text().startswith("Зөвшөөрлөө") and new_code in panel.message.text()
    assert panel.table.rowCount() == 1 and "(1)" in cwin.tabs.tabText(1)
    assert cwin.rows[0].organization == soum  # the ranking was read again after the decision

    panel.table.selectRow(0)
    prompter.answers["confirm"] = [True]
    click(qtbot, panel.reject_button)
    assert panel.message.text().startswith("Татгалзлаа") and panel.table.rowCount() == 0
    assert not panel.accept_button.isEnabled() and [r.organization for r in cwin.rows] == [soum]
    register = {o.name: o.key_codes for o in cwin.register_panel.organizations}
    assert register == {soum: [registered, new_code]}


def test_the_register_shows_codes_sets_the_aimag_and_returns_to_a_revision(qtbot, cwin, prompter, tmp_path, aimag):
    from core.trust.keys import organization_key_code

    soum = "Баянгол сум"
    chain = submission_chain(tmp_path, soum, revisions=3, seed=4)
    run_and_accept(cwin, qtbot, prompter, chain)
    assert cwin.rows[0].revision == 3
    panel = cwin.register_panel
    cwin.tabs.setCurrentWidget(panel)
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in range(3)] == [soum, tr("yes"), organization_key_code(soum)]

    panel.aimag_input.clear()
    panel.aimag_input.setFocus()
    for ch in "Өвөрхангай":
        QTest.sendKeyEvent(QTest.KeyAction.Click, panel.aimag_input, Qt.Key_unknown, ch, Qt.NoModifier)
    click(qtbot, panel.aimag_button)
    with ReportFile.open(aimag, read_only=True) as rf:
        from core.aimag.register import aimag_name

        assert aimag_name(rf) == "Өвөрхангай"

    panel.table.selectRow(0)
    assert panel.history.rowCount() == 3
    assert [panel.history.item(r, 2).text() for r in range(3)] == ["3", "2", "1"]
    panel.history.selectRow(0)
    assert not panel.restore_button.isEnabled()  # already current
    panel.history.selectRow(2)
    prompter.answers["confirm"] = [True]
    click(qtbot, panel.restore_button)
    assert "1" in panel.message.text() and cwin.rows[0].revision == 1
    assert [panel.history.item(r, 3).text() for r in range(3)] == [tr("replaced"), tr("replaced"), tr("current")]
    assert core_ranking(aimag)[0][0].revision == 1


# ------------------------------------------------------------------ the ranking
@pytest.fixture
def ranked(qtbot, trusted_aimag, prompter):
    """Twelve ranked soums in an open window."""
    from gui.consolidation.window import ConsolidationWindow

    cwin = ConsolidationWindow(trusted_aimag, prompter=prompter)
    qtbot.addWidget(cwin)
    cwin.show()
    qtbot.waitExposed(cwin)
    assert cwin.model.rowCount() == 12
    return cwin


def shown_column(cwin, column, role=Qt.DisplayRole):
    proxy = cwin.proxy
    return [proxy.data(proxy.index(r, column), role) for r in range(proxy.rowCount())]


def click_header(qtbot, view, column):
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))


def test_the_ranking_sorts_by_any_column_numbers_as_numbers(qtbot, ranked):
    from gui.consolidation.ranking_model import REVISION, YEAR

    cwin = ranked
    table = cwin.table
    assert [int(v) for v in shown_column(cwin, RANK)] == sorted(int(v) for v in shown_column(cwin, RANK))
    click_header(qtbot, table, RANK)  # descending: 12, 11, 10, 9... (as text "9" would come first)
    ranks = [int(v) for v in shown_column(cwin, RANK)]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] >= 10

    table.horizontalScrollBar().setValue(0)
    click_header(qtbot, table, TOTAL)
    totals = [row.total for row in shown_column(cwin, 0, RowRole)]
    assert totals == sorted(totals) or totals == sorted(totals, reverse=True)
    assert totals != sorted(totals, key=str) or totals == sorted(totals)  # by value, not by its text
    click_header(qtbot, table, TOTAL)
    again = [row.total for row in shown_column(cwin, 0, RowRole)]
    assert again == list(reversed(totals)) or again == sorted(again, reverse=True)

    click_header(qtbot, table.frozen_view, ORGANIZATION)  # from the frozen column's own header
    names = shown_column(cwin, ORGANIZATION)
    assert names in (sorted(names, key=str.casefold), sorted(names, key=str.casefold, reverse=True))
    assert table.horizontalHeader().sortIndicatorSection() == ORGANIZATION
    for column in (YEAR, REVISION):
        cwin.table.sortByColumn(column, Qt.DescendingOrder)
        values = [v for v in shown_column(cwin, column, SortRole)]
        assert values == sorted(values, reverse=True) and all(isinstance(v, int) for v in values)


def test_the_organization_column_stays_in_view_when_scrolling_sideways(qtbot, ranked):
    cwin = ranked
    table = cwin.table
    cwin.tabs.setCurrentIndex(0)
    cwin.resize(760, 600)
    table.setColumnWidth(ORGANIZATION, 260)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    frozen = table.frozen_view
    assert frozen.isVisible() and frozen.width() == table.columnWidth(RANK) + table.columnWidth(ORGANIZATION)
    # the main view's organization cells have scrolled off to the left...
    index = cwin.proxy.index(0, ORGANIZATION)
    assert table.visualRect(index).right() < 0
    # ...but what stands at the left edge of the table is the frozen column, showing the names
    rect = frozen.visualRect(index)
    point = frozen.viewport().mapTo(table, rect.center())
    assert table.childAt(point) is frozen.viewport()
    assert 0 <= point.x() < frozen.width() < table.width() * 0.6
    assert frozen.model().data(frozen.indexAt(rect.center())) == shown_column(cwin, ORGANIZATION)[0]
    assert frozen.selectionModel() is table.selectionModel()
    # going to a frozen cell scrolls down to it, never sideways
    table.verticalScrollBar().setValue(0)
    sideways = bar.value()
    table.scrollTo(cwin.proxy.index(11, ORGANIZATION))
    assert bar.value() == sideways > 0 and table.verticalScrollBar().value() > 0
    # vertical scrolling moves both together
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value()


def double_click(qtbot, widget, pos):
    """As a mouse does it: the first click, then the double-click event (Qt's item views want both)."""
    qtbot.mouseClick(widget, Qt.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.LeftButton, pos=pos)


def test_a_double_click_opens_the_soums_received_report_read_only(qtbot, ranked, aimag):
    cwin = ranked
    cwin.tabs.setCurrentIndex(0)
    archive = aimag.with_name(aimag.stem + "-archive")
    before = {p.name: digest(p) for p in archive.iterdir()}
    row = 2
    wanted = shown_column(cwin, 0, RowRole)[row]
    cwin.table.scrollTo(cwin.proxy.index(row, TOTAL))
    rect = cwin.table.visualRect(cwin.proxy.index(row, TOTAL))
    assert cwin.table.viewport().rect().contains(rect.center())
    double_click(qtbot, cwin.table.viewport(), rect.center())
    assert len(cwin.report_windows) == 1, cwin.prompter.calls
    # a double-click on the frozen organization column opens the same way
    frozen = cwin.table.frozen_view
    rect = frozen.visualRect(cwin.proxy.index(row, ORGANIZATION))
    double_click(qtbot, frozen.viewport(), rect.center())
    assert len(cwin.report_windows) == 2
    cwin.report_windows[0].close()
    main = cwin.report_windows[-1]  # closes itself (deleted on close), so not handed to qtbot
    assert main.isVisible() and main.doc.read_only and main.doc.rf.read_only
    assert main.doc.report.organization == wanted.organization
    assert main.doc.report.fingerprint == wanted.fingerprint
    assert main.doc.path.parent == archive
    assert wanted.organization in main.windowTitle()
    main.close()
    assert {p.name: digest(p) for p in archive.iterdir()} == before  # the archive copy is never changed


def test_a_missing_archive_copy_is_said_plainly(qtbot, ranked, aimag):
    cwin = ranked
    row = shown_column(cwin, 0, RowRole)[0]
    archive = aimag.with_name(aimag.stem + "-archive")
    for path in archive.iterdir():
        path.unlink()
    assert cwin.open_report(row) is None
    kind, title, message = cwin.prompter.calls[-1]
    assert kind == "error" and "архив" in message and "Traceback" not in message


def test_the_chart_shows_whole_names_however_narrow(qtbot, ranked):
    from PySide6.QtGui import QFontMetrics

    from gui.consolidation.chart import RankingChart

    chart = RankingChart()  # alone, at 360 px: in the window, its scroll area sets the width
    qtbot.addWidget(chart)
    chart.set_rows(ranked.rows)
    chart.resize(360, chart.heightForWidth(360))
    chart.grab()
    assert [text for _, text in chart.label_rects] == [f"{r.rank}. {r.organization}" for r in chart.rows]
    assert any(LONG_NAME in text for _, text in chart.label_rects)
    metrics = QFontMetrics(chart.font())
    for rect, text in chart.label_rects:
        needed = metrics.boundingRect(0, 0, int(rect.width()), 10_000, Qt.TextWordWrap, text)
        assert needed.height() <= rect.height() + 1 and needed.width() <= rect.width() + 1
        assert rect.right() <= chart.width() and rect.bottom() <= chart.height()
    long_rect = next(rect for rect, text in chart.label_rects if LONG_NAME in text)
    assert long_rect.height() > metrics.height()  # wrapped onto more lines, not cut
    assert chart.heightForWidth(360) > chart.heightForWidth(1200)


def test_the_excel_export_writes_the_ranking_when_its_writer_is_there(qtbot, ranked, prompter, tmp_path):
    pytest.importorskip("core.aimag.ranking_xlsx")  # written on another branch
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "эрэмбэ.xlsx"
    prompter.answers["save_path"] = [str(target)]
    click(qtbot, ranked.findChild(QPushButton, "exportXlsxButton"))
    book = openpyxl.load_workbook(target)
    text = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)
    assert all(r.organization in text for r in ranked.rows)


def test_the_excel_button_is_there_only_with_its_writer(cwin):
    try:
        import core.aimag.ranking_xlsx  # noqa: F401
        present = True
    except ImportError:
        present = False
    assert cwin.findChild(QPushButton, "exportXlsxButton").isVisible() == present


# The window inside a 1366x768 screen at 100, 125 and 150 %, every button in view: checked with the
# other windows, one process per scale (tests/gui/test_screen_fit.py, fit_child.py).


def test_a_consolidation_file_that_cannot_be_used_stops_the_run_with_a_message(qtbot, prompter, tmp_path, inbox):
    from gui.consolidation.window import ConsolidationWindow

    bad = tmp_path / "not-a-consolidation.tailan"
    bad.write_text("энэ бол нэгтгэл биш\n", encoding="utf-8")
    before = digest(bad)
    cwin = ConsolidationWindow(bad, prompter=prompter)
    qtbot.addWidget(cwin)
    cwin.show()
    assert prompter.kinds() == ["error"]  # reading it said so, in a sentence
    result = run(cwin, qtbot, inbox[1][:2])
    assert result is None and prompter.kinds() == ["error", "error", "error"]
    kind, title, message = prompter.calls[1]
    assert title == tr("Consolidation stopped") and message and "Traceback" not in message
    assert cwin.summary_label.text() == message and not cwin.busy and cwin.folder_button.isEnabled()
    assert digest(bad) == before and not archive_dir(bad).exists()
