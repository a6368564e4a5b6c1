"""The parts of the aimag's window, each built alone on a real aimag file (no ConsolidationWindow).

One aimag file ranking three soums is made once for the module (the soums' files are
real finalized submissions, consolidated and accepted as a reviewer does); each test
copies it with its archive. The parts are driven as the window drives them, with a
recording prompter answering the dialogs.
"""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from generate import consolidate_trusted, submission_file
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from recording_prompter import RecordingPrompter

from core.aimag.consolidate import archive_dir
from core.aimag.ranking import missing_organizations, ranking
from core.storage import ReportFile
from gui.consolidation import aimag_file
from gui.consolidation.exports import RankingExports
from gui.consolidation.inputs import InputChoice, local_paths
from gui.consolidation.missing_box import MissingBox
from gui.consolidation.ranking_model import ORGANIZATION, TOTAL, RowRole
from gui.consolidation.ranking_tab import RankingTab
from gui.consolidation.report_window import open_received_report
from gui.consolidation.results import OutcomeRole, ResultList
from gui.consolidation.run import ConsolidationRun
from gui.i18n import tr

SOUMS = ["Хужирт сум", "Бат-Өлзий сум", "Уянга сум"]


@pytest.fixture(scope="module")
def sent(tmp_path_factory):
    """Three soums' submissions (their keys in a data folder of their own) and the aimag file ranking them."""
    base = tmp_path_factory.mktemp("parts")
    (base / "sent").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TAILAN_DATA_DIR", str(base / "soums-data"))
        files = [submission_file(base / "sent", name, seed=30 + i) for i, name in enumerate(SOUMS)]
    aimag = base / "aimag" / "Архангай-нэгтгэл.tailan"
    aimag.parent.mkdir()
    consolidate_trusted(files, aimag)
    return files, aimag


@pytest.fixture
def aimag(sent, tmp_path):
    """This test's own copy of the ranked aimag file and its archive."""
    source = sent[1]
    copy = tmp_path / "aimag" / source.name
    copy.parent.mkdir()
    shutil.copy(source, copy)
    shutil.copytree(archive_dir(source), archive_dir(copy))
    return copy


@pytest.fixture
def prompter():
    return RecordingPrompter()


def core_ranking(path):
    with ReportFile.open(path, read_only=True) as rf:
        rows = ranking(rf)
        return rows, missing_organizations(rf, rows)


# ------------------------------------------------------------------ the run
def test_the_run_alone_checks_files_in_a_worker_and_lists_each_outcome(qtbot, tmp_path, sent, prompter):
    files, _ = sent
    fresh = tmp_path / "new-aimag.tailan"
    bad = tmp_path / "zz-not-a-report.tailan"
    bad.write_text("энэ бол тайлан биш\n", encoding="utf-8")
    run = ConsolidationRun(lambda: fresh, prompter)
    states = []
    run.stateChanged.connect(lambda: states.append(run.busy))
    assert not run.progress.isTextVisible() and not run.cancel_button.isEnabled()

    with qtbot.waitSignal(run.finished, timeout=30000) as finished:
        worker = run.start([*files, bad])
        assert worker is not None and run.busy and run.cancel_button.isEnabled()
        assert run.start(files) is None  # one run at a time
    result = finished.args[0]
    assert [o.status for o in result.outcomes] == ["pending", "pending", "pending", "rejected"]
    assert [o.status for o in run.results()] == [o.status for o in result.outcomes]
    assert run.result_list.item(3).data(OutcomeRole).reason in run.result_list.item(3).text()
    assert run.progress.value() == run.progress.maximum() == 4 and run.progress.isTextVisible()
    assert "3" in run.summary_label.text() and "1" in run.summary_label.text()
    assert run.last_message == run.summary_label.text() and run.last_result is result
    assert states[0] is True and states[-1] is False and not run.busy and run.worker is None
    assert not run.cancel_button.isEnabled() and prompter.calls == []


def test_the_run_alone_says_why_it_stopped_and_keeps_nothing(qtbot, tmp_path, sent, prompter):
    bad = tmp_path / "not-an-aimag-file.tailan"
    bad.write_text("энэ бол нэгтгэл биш\n", encoding="utf-8")
    run = ConsolidationRun(lambda: bad, prompter)
    with qtbot.waitSignal(run.finished, timeout=30000) as finished:
        run.start(sent[0][:1])
    assert finished.args == [None] and run.results() == [] and not run.progress.isTextVisible()
    (kind, title, message), = prompter.calls
    assert (kind, title) == ("error", tr("Consolidation stopped")) and run.summary_label.text() == message
    assert bad.read_text(encoding="utf-8") == "энэ бол нэгтгэл биш\n"


def test_the_result_list_marks_rejected_files_red():
    from core.aimag.consolidate import FileOutcome

    results = ResultList()
    results.add_outcome(FileOutcome(file="/a/b.tailan", status="rejected", reason="SQLite биш"))
    results.add_outcome(FileOutcome(file="/a/c.tailan", status="added", reason="нэмэв", organization="Уянга сум",
                                    year=2023))
    assert [o.status for o in results.outcomes()] == ["rejected", "added"]
    assert results.item(0).foreground().color().name() == "#b3261e"
    assert results.item(1).foreground().color().name() != "#b3261e"
    assert "b.tailan" in results.item(0).text() and "SQLite биш" in results.item(0).text()
    assert results.item(1).toolTip() == "Уянга сум, 2023\n/a/c.tailan"


# ------------------------------------------------------------- the ranking tab
def test_the_ranking_tab_alone_shows_cores_ranking_and_asks_for_a_report(qtbot, aimag):
    tab = RankingTab()
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    tab.set_rows(aimag_file.read_state(aimag).rows)
    rows, _ = core_ranking(aimag)
    model = tab.model
    assert [model.data(model.index(r, ORGANIZATION)) for r in range(model.rowCount())] == [r.organization for r in rows]
    assert model.data(model.index(0, TOTAL)) == rows[0].total_display
    assert [r.organization for r in tab.chart.rows] == [r.organization for r in rows]
    assert tab.table.columnWidth(ORGANIZATION) <= max(180, tab.table.viewport().width() // 3)

    asked = []
    tab.reportRequested.connect(asked.append)
    index = tab.proxy.index(1, TOTAL)
    rect = tab.table.visualRect(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert asked == [tab.proxy.data(tab.proxy.index(1, 0), RowRole)]
    assert tab.row_at(tab.proxy.index(-1, 0)) is None


# ---------------------------------------------------------------- the exports
def test_the_exports_alone_write_the_ranking_and_say_so(qtbot, aimag, prompter, tmp_path):
    exports = RankingExports(lambda: aimag, prompter)
    assert not exports.csv_button.isEnabled()
    assert exports.export_csv() is None and prompter.kinds() == ["info"]  # nothing received yet: said so

    rows, missing = core_ranking(aimag)
    exports.set_ranking(rows, missing, busy=True)
    assert not any(b.isEnabled() for b in exports.buttons)  # a run writes the file
    exports.set_ranking(rows, missing, busy=False)
    assert exports.csv_button.isEnabled() and exports.pdf_button.isEnabled()
    written = []
    exports.written.connect(written.append)
    target = tmp_path / "эрэмбэ.csv"
    prompter.answers["save_path"] = [str(target)]
    assert exports.export_csv() == target
    assert prompter.calls[-1][2] == str(aimag.with_name(aimag.stem + "-эрэмбэ.csv"))  # suggested beside the file
    table = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert [row[1] for row in table[1:]] == [r.organization for r in rows]
    assert written == [tr("Written: {0}").format(target)]
    assert exports.export_pdf() is None and not list(tmp_path.glob("*.pdf"))  # cancelled: nothing written


# --------------------------------------------------------------- input choice
def test_the_input_choice_alone_hands_on_what_the_user_chose(qtbot, aimag, prompter, tmp_path):
    consolidated, switched = [], []
    choice = InputChoice(lambda: aimag, prompter, lambda paths: consolidated.append(paths) or "worker",
                         switched.append)
    assert choice.choose_folder() is None and consolidated == []  # cancelled
    prompter.answers["choose_folder"] = [str(tmp_path)]
    prompter.answers["open_path"] = [str(tmp_path / "a.tailan"), str(tmp_path / "other.tailan")]
    assert choice.choose_folder() == "worker" and choice.choose_files() == "worker"
    assert consolidated == [[str(tmp_path)], [str(tmp_path / "a.tailan")]]
    assert choice.choose_aimag_file() and switched == [str(tmp_path / "other.tailan")]
    assert prompter.calls[0][0] == "choose_folder"
    choice.set_busy(True)
    assert not any(b.isEnabled() for b in choice.buttons)
    assert not choice.choose_aimag_file() and len(switched) == 1  # never while a run writes the file
    names = {b.objectName() for b in choice.buttons}
    assert names == {"chooseFolderButton", "chooseFilesButton", "otherAimagFileButton"}


def test_a_drop_gives_local_files_only():
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setText("Уянга сум")
    assert local_paths(mime) == []
    mime.setUrls([QUrl.fromLocalFile("/tmp/а.tailan"), QUrl("https://example.org/b.tailan")])
    assert local_paths(mime) == ["/tmp/а.tailan"]


# ------------------------------------------------------------ the missing box
def test_the_missing_box_alone_lists_who_has_not_sent_and_edits_the_list(qtbot, aimag, prompter):
    box = MissingBox(lambda: aimag, prompter)
    qtbot.addWidget(box)
    state = aimag_file.read_state(aimag)
    box.set_missing(state.missing, state.expected, [r.organization for r in state.rows])
    assert box.title() == tr("Not sent yet: {0} of {1} expected").format(0, 3)  # accepted ones are expected
    changed = []
    box.changed.connect(lambda: changed.append(True))
    dialog = box.edit_expected()
    qtbot.addWidget(dialog)
    assert dialog.names_shown() == sorted(SOUMS)
    dialog.names.setPlainText("Цэнхэр сум")
    dialog.add_button.click()
    assert changed and core_ranking(aimag)[1] == ["Цэнхэр сум"]
    state = aimag_file.read_state(aimag)
    box.set_missing(state.missing, state.expected)
    assert [box.missing_list.item(i).text() for i in range(box.missing_list.count())] == ["Цэнхэр сум"]
    box.set_busy(True)
    assert not dialog.isEnabled() and not box.expected_button.isEnabled() and box.edit_expected() is None
    dialog.close()


# --------------------------------------------------------- a soum's report
def test_a_received_report_opens_alone_read_only(qtbot, aimag, prompter):
    rows, _ = core_ranking(aimag)
    window = open_received_report(aimag, rows[0], prompter, prompter)
    assert window is not None and window.doc.read_only and window.doc.rf.read_only
    assert window.doc.report.fingerprint == rows[0].fingerprint and rows[0].organization in window.windowTitle()
    assert window.prompter is prompter and window.open_consolidation is None
    assert not window.findChild(QAction, "consolidationAction").isVisible()  # nothing to open it with
    window.close()
    for path in archive_dir(aimag).iterdir():
        path.unlink()
    assert open_received_report(aimag, rows[0], prompter) is None
    kind, _title, message = prompter.calls[-1]
    assert kind == "error" and "архив" in message
