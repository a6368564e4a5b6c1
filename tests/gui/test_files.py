"""Files: bad files are refused untouched; new, carried-forward, imported, pasted, copied reports."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from gui_helpers import read_back

from core.paths import resource
from core.storage import ReportFile, schema
from gui.app import create_main_window


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bad_files(tmp_path, sample_path):
    text = tmp_path / "notes.tailan"
    text.write_text("Энэ бол тайлан биш.", encoding="utf-8")
    empty = tmp_path / "empty.tailan"
    empty.write_bytes(b"")
    other = tmp_path / "other.tailan"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.tailan"
    newer.write_bytes(sample_path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.tailan"
    data = bytearray(sample_path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0xAB
    damaged.write_bytes(bytes(data))
    return {"text": text, "empty": empty, "other": other, "newer": newer, "damaged": damaged}


@pytest.mark.parametrize("kind", ["text", "empty", "other", "newer", "damaged"])
def test_a_bad_file_shows_a_message_and_changes_nothing(qtbot, tmp_path, sample_path, prompter, kind):
    path = bad_files(tmp_path, sample_path)[kind]
    before = digest(path)
    window = create_main_window(path, prompter=prompter)
    qtbot.addWidget(window)
    assert prompter.kinds() == ["error"]
    title, message = prompter.calls[0][1:]
    assert path.name in message  # core's Mongolian message, naming the file
    assert window.doc is None and window.model is None
    assert window.stack.currentWidget() is window.empty_page
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.stem)) == [path.name]


def test_a_bad_file_leaves_the_open_report_open(window, tmp_path, sample_path, prompter):
    path = bad_files(tmp_path, sample_path)["newer"]
    doc = window.doc
    assert not window.open_file(path)
    assert window.doc is doc
    assert "шинэ хувилбар" in prompter.calls[-1][2]


def test_recent_files_and_last_file_are_remembered(window, sample_path, tmp_path):
    from gui import settings

    assert settings.recent_files() == [str(sample_path.resolve())]
    assert settings.last_file() == str(sample_path.resolve())
    assert [a.text() for a in window.actions_.recent_menu.actions()] == [str(sample_path.resolve())]


def test_reopening_the_last_file_writes_no_settings(window, sample_path, tmp_path):
    """The usual start (the last file again) does not wait for a settings write; another file is remembered."""
    from gui import settings

    ini = Path(settings.settings().fileName())
    written, stamp = ini.read_bytes(), ini.stat().st_mtime_ns
    assert window.open_file(sample_path)
    assert ini.stat().st_mtime_ns == stamp and ini.read_bytes() == written
    other = tmp_path / "other.tailan"
    other.write_bytes(sample_path.read_bytes())
    assert window.open_file(other)
    assert settings.recent_files() == [str(other.resolve()), str(sample_path.resolve())]
    assert settings.last_file() == str(other.resolve())
    assert window.open_file(sample_path)
    assert settings.recent_files() == [str(sample_path.resolve()), str(other.resolve())]
    assert settings.last_file() == str(sample_path.resolve())


def test_carry_forward_writes_next_years_plan_and_opens_it(window, tmp_path, prompter):
    """File → Next year's plan from this report (issue 21: the carry-forward makes the plan)."""
    target = tmp_path / "next"
    prompter.answers["save_path"] = [str(target)]
    assert window.actions_.new_from_current()
    new_path = tmp_path / "next.tailan"
    assert window.doc.path == new_path
    report = read_back(new_path)
    assert report.year == 2024 and report.organization == "Нарийнтээл сум" and report.period.value == "plan"
    assert len(report.measures()) == 14
    assert all(m.score is None and m.achieved == "" and m.origin for m in report.measures())
    assert report.measures()[0].target_level.startswith("2000 иргэнээс")
    assert [s.name for s in report.signatories] == ["Б.ИЧИННОРОВ.", "Б.СУГАР."]
    assert [s.role.split(":")[0] for s in report.signatories][1] == "БАТЛАВ"  # the governor approves the plan
    assert "14" in window.total_label.text()


def test_new_blank_report(window, tmp_path, prompter):
    prompter.answers["save_path"] = [str(tmp_path / "шинэ.tailan")]
    assert window.actions_.new_report()
    report = read_back(tmp_path / "шинэ.tailan")
    assert report.goals == [] and report.organization == "Нарийнтээл сум"
    window.actions_.do_add_measure()  # no goal yet: says so
    assert prompter.kinds()[-1] == "info"
    window.actions_.do_add_goal()
    window.actions_.do_add_measure()
    assert [(g.number, [m.number for m in g.measures]) for g in read_back(tmp_path / "шинэ.tailan").goals] == [
        ("1", ["1.1."])
    ]


def test_import_a_text_file_into_a_new_file(window, tmp_path, prompter):
    prompter.answers["open_path"] = [str(resource("sample", "000_09351593bdc28142.txt"))]
    prompter.answers["save_path"] = [str(tmp_path / "imported.tailan")]
    assert window.actions_.import_text_file()
    report = read_back(tmp_path / "imported.tailan")
    assert len(report.measures()) == 14 and report.aimag == "Өвөрхангай"


def test_paste_a_table_copied_from_word_is_one_undo_step(window, sample_path, prompter):
    prompter.answers["choose"] = [1]  # the report has goals: append, do not replace
    lines = resource("sample", "000_09351593bdc28142.txt").read_text(encoding="utf-8").splitlines()
    table = "\n".join(lines[12:17])  # goal 1 (three measures) and goal 2's first row, no header
    goal = window.doc.report.goals[0]
    window.select_item(goal.id)
    assert window.actions_.paste_table(table)
    report = read_back(sample_path)
    assert [g.number for g in report.goals] == ["1", "1", "2", "2", "3.", "4.", "5.", "6."]
    assert [len(g.measures) for g in report.goals[:4]] == [3, 3, 1, 2]
    assert len({m.id for m in report.measures()}) == 18
    assert window.current_item_id() == report.goals[1].id
    window.actions_.do_undo()
    assert len(read_back(sample_path).measures()) == 14


def test_paste_of_text_that_is_no_table_says_why(window, sample_path, prompter):
    before = digest(sample_path)
    assert not window.actions_.paste_table("Сайн байна уу\tэнэ\nхүснэгт биш")
    assert prompter.kinds() in (["error"], ["info"])
    assert digest(sample_path) == before


def test_save_a_copy_writes_a_complete_file(window, tmp_path, prompter):
    window.doc.set_field("report", window.doc.report.id, "aimag", "Баянхонгор")
    prompter.answers["save_path"] = [str(tmp_path / "copy")]
    assert window.actions_.save_copy_as()
    with ReportFile.open(tmp_path / "copy.tailan", read_only=True) as rf:
        assert rf.load_report(rf.resolve_report_id(None)).aimag == "Баянхонгор"


def test_with_the_real_prompter_a_bad_file_message_does_not_block(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "not-ours.tailan"
    path.write_text("hello", encoding="utf-8")
    window = create_main_window(path)  # returns: the message box is not modal-blocking
    qtbot.addWidget(window)
    boxes = window.findChildren(QMessageBox, "messageBox")
    assert len(boxes) == 1 and "not-ours.tailan" in boxes[0].text()
    boxes[0].accept()


def test_the_application_has_the_tailan_icon(window):
    from PySide6.QtWidgets import QApplication

    assert not QApplication.instance().windowIcon().isNull()
