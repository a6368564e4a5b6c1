"""The soum's window and issue 19: a hostile template is never opened as it is; a missing key asks
first; every save onto an existing file asks and keeps a backup.

Real files, the real window and the recording prompter.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from core.report.model import Score
from core.storage import ReportFile
from core.trust.keys import key_path

TRIGGER = ("CREATE TRIGGER every_score_full AFTER INSERT ON change_log BEGIN "
           "UPDATE measures SET score = '100' WHERE score IS NOT '100'; END")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hostile(path, statement=TRIGGER):
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def template(sample_path, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return hostile(shutil.copyfile(sample_path, folder / "загвар.tailan"))


def test_a_template_with_a_trigger_is_offered_as_a_clean_copy_never_opened_as_it_is(window, template, prompter):
    before = digest(template)
    opened = window.doc.path
    prompter.answers["confirm"] = [False]
    assert not window.open_file(template)
    kind, _, message = prompter.calls[-1]
    assert kind == "confirm" and "триггер" in message and "загвар.цэвэр.tailan" in message
    assert window.doc.path == opened
    prompter.answers["confirm"] = [True]
    assert window.open_file(template)
    assert window.doc.path == template.with_name("загвар.цэвэр.tailan")
    assert digest(template) == before  # the file itself is never changed
    measure = window.doc.report.measures()[0]
    assert window.doc.set_field("measure", measure.id, "score", Score.INSUFFICIENT)
    with ReportFile.open(window.doc.path, read_only=True) as rf:  # no trigger made it 100
        assert rf.load_report(rf.resolve_report_id(None)).measures()[0].score == Score.INSUFFICIENT


def test_a_template_whose_tables_changed_is_refused_with_a_message(window, template, prompter):
    hostile(template, "ALTER TABLE measures ADD COLUMN evil TEXT")
    assert not window.open_file(template)
    assert prompter.kinds()[-1] == "error" and "өөрчилсөн объект" in prompter.calls[-1][2]


@pytest.fixture
def scored(window):
    doc = window.doc
    for measure in doc.report.measures():
        if measure.score is None:
            assert doc.set_field("measure", measure.id, "score", Score.FULL)
    return window


def test_a_missing_key_at_finalize_is_said_and_asked(scored, prompter):
    win = scored
    prompter.answers["confirm"] = [True, True]  # finalize, reopen
    assert win.sending.do_finalize() and win.sending.do_reopen()
    organization = win.doc.report.organization
    key_path(organization).unlink()  # the keys folder was not copied to this PC
    prompter.answers["confirm"] = [True, False]  # finalize; then no new key
    assert not win.sending.do_finalize()
    kind, _, message = prompter.calls[-1]
    assert kind == "confirm" and "түлхүүр алга" in message
    assert not win.doc.finalized and not key_path(organization).exists()
    prompter.answers["confirm"] = [True, True]  # finalize; a new key, said
    assert win.sending.do_finalize()
    assert win.doc.finalized and key_path(organization).exists()
    assert "шинэ түлхүүр" in win.statusBar().currentMessage()


@pytest.mark.parametrize("how", ["word", "pdf-menu", "pdf-preview"])
def test_a_save_onto_an_existing_file_asks_and_keeps_a_backup(window, prompter, tmp_path, how, qtbot):
    suffix = ".docx" if how == "word" else ".pdf"
    target = tmp_path / f"тайлан{suffix}"
    target.write_bytes(b"the officer's earlier file")

    def save():
        prompter.answers["save_path"] = [str(target)]
        if how == "word":
            return window.actions_.save_as_word()
        if how == "pdf-menu":
            return window.printing.save_pdf_as()
        window.actions_.print_preview()
        dialog = window.preview_dialog
        assert dialog.wait_until_ready()
        try:
            return dialog.save_as()
        finally:
            dialog.reject()

    prompter.answers["confirm"] = [False]
    assert not save()
    assert prompter.calls[-1][0] == "confirm" and target.name in prompter.calls[-1][2]
    assert target.read_bytes() == b"the officer's earlier file"
    prompter.answers["confirm"] = [True]
    assert save()
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("тайлан.хуучин-")]
    assert len(backups) == 1 and backups[0].read_bytes() == b"the officer's earlier file"
    assert backups[0].name in prompter.calls[-1][2] or any(backups[0].name in c[2] for c in prompter.calls
                                                           if c[0] == "confirm")
    assert target.read_bytes() != b"the officer's earlier file"
