"""The aimag's window and issue 19: the reviewer names the aimag first (asked once, never taken from
a file), and an accept whose situation changed since the list was shown is refused with the new reason."""

from __future__ import annotations

import pytest
from recording_prompter import RecordingPrompter
from soums import Soum

from core.aimag.decisions import decide, waiting
from core.aimag.ranking import ranking
from core.aimag.register import aimag_name
from core.received.verify import check_submission
from core.storage import ReportFile


@pytest.fixture
def cwin(qtbot, tmp_path):
    from gui.consolidation.window import ConsolidationWindow

    prompter = RecordingPrompter()
    window = ConsolidationWindow(tmp_path / "aimag.tailan", prompter=prompter)
    qtbot.addWidget(window)
    return window


def run(cwin, qtbot, paths):
    with qtbot.waitSignal(cwin.consolidationFinished, timeout=30000):
        assert cwin.consolidate_paths(paths) is not None


def accept_first(cwin):
    panel = cwin.decisions_panel
    panel.table.selectRow(0)
    cwin.prompter.answers["confirm"] = [True]
    return panel.decide_selected(True)


def test_the_aimags_name_is_asked_once_before_the_first_accept(cwin, qtbot, tmp_path, monkeypatch):
    sent = [Soum(tmp_path, monkeypatch, f"s{i}").start(name).finalize().send()
            for i, name in enumerate(["Нарийнтээл сум", "Хархорин сум"])]
    run(cwin, qtbot, sent)
    prompter = cwin.prompter
    assert accept_first(cwin) is None  # the reviewer gave no name: nothing is accepted
    assert prompter.kinds()[-2:] == ["ask_text", "error"]
    prompter.answers["ask_text"] = ["Өвөрхангай"]
    assert accept_first(cwin)
    with ReportFile.open(cwin.aimag_path, read_only=True) as rf:
        assert aimag_name(rf) == "Өвөрхангай" and len(ranking(rf)) == 1
    asked = prompter.kinds().count("ask_text")
    assert accept_first(cwin)
    assert prompter.kinds().count("ask_text") == asked  # once


def test_an_accept_whose_situation_changed_is_refused_and_the_list_shows_the_new_reason(
        cwin, qtbot, tmp_path, monkeypatch):
    impostor = Soum(tmp_path, monkeypatch, "imp").start("Нарийнтээл сум").finalize().send()
    genuine = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум").finalize().send()
    cwin.prompter.answers["ask_text"] = ["Өвөрхангай"]
    run(cwin, qtbot, [impostor, genuine])
    panel = cwin.decisions_panel
    assert [d.kind for d in panel.decisions] == ["new-organization", "new-organization"]
    with ReportFile.open(cwin.aimag_path) as rf:  # another reviewer accepts the genuine one meanwhile
        from core.aimag.register import set_aimag_name

        set_aimag_name(rf, "Өвөрхангай")
        genuine_id = waiting(rf)[1].id
        decide(rf, genuine_id, True)
    before = panel.decisions[0]
    assert accept_first(cwin) is None  # the list still shows "new organization" for the impostor
    kind, _, message = cwin.prompter.calls[-1]
    assert kind == "error" and "шинэ түлхүүр" in message
    (now,) = panel.decisions
    assert now.id == before.id and now.kind == "new-key" and now.registered_key_codes
    assert panel.table.item(0, 1).text() != before.kind_label
    with ReportFile.open(cwin.aimag_path, read_only=True) as rf:
        (row,) = ranking(rf)
    assert row.fingerprint == check_submission(genuine).report.fingerprint  # the genuine soum stays


@pytest.fixture
def ranked(cwin, qtbot, tmp_path, monkeypatch):
    sent = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум").finalize().send()
    cwin.prompter.answers["ask_text"] = ["Өвөрхангай"]
    run(cwin, qtbot, [sent])
    assert accept_first(cwin)
    return cwin


@pytest.mark.parametrize("how", ["csv", "xlsx", "pdf", "remarks"])
def test_the_aimags_saves_onto_an_existing_file_ask_and_keep_a_backup(ranked, tmp_path, how):
    suffix = {"csv": ".csv", "xlsx": ".xlsx", "pdf": ".pdf", "remarks": ".pdf"}[how]
    target = tmp_path / f"гаргалт{suffix}"
    target.write_bytes(b"earlier")
    prompter = ranked.prompter

    def save():
        prompter.answers["save_path"] = [str(target)]
        if how == "remarks":
            panel = ranked.review_panel
            panel.organization.setCurrentText("Нарийнтээл сум")
            return panel.print_remarks()
        return {"csv": ranked.export_csv, "xlsx": ranked.export_xlsx, "pdf": ranked.export_pdf}[how]()

    prompter.answers["confirm"] = [False]
    assert save() is None
    assert prompter.calls[-1][0] == "confirm" and target.read_bytes() == b"earlier"
    prompter.answers["confirm"] = [True]
    assert save() == target
    (backup,) = [p for p in tmp_path.iterdir() if p.name.startswith("гаргалт.хуучин-")]
    assert backup.read_bytes() == b"earlier" and target.read_bytes() != b"earlier"


def test_receipts_already_in_the_folder_are_asked_about_and_kept(ranked, tmp_path):
    panel = ranked.review_panel
    out = tmp_path / "usb"
    out.mkdir()
    panel.prompter.answers["choose_folder"] = [str(out), str(out), str(out)]
    (first,) = panel.write_receipts(["Нарийнтээл сум"])
    panel.prompter.answers["confirm"] = [False]
    assert panel.write_receipts(["Нарийнтээл сум"]) == []
    assert panel.prompter.calls[-1][0] == "confirm" and first.name in panel.prompter.calls[-1][2]
    panel.prompter.answers["confirm"] = [True]
    assert panel.write_receipts(["Нарийнтээл сум"]) == [first]
    assert len(list(out.iterdir())) == 2  # the earlier receipt kept beside it
