"""The Tailan file: its identity, its edits and change log, and refusing what is not ours."""

from __future__ import annotations

import shutil
import sqlite3
import uuid

import pytest
from helpers import digest, read_only_folder

from core.errors import DamagedFileError, NewerFileError, NotOurFileError, ReadOnlyError, TailanError
from core.report.model import Goal, Measure, Score, Signatory
from core.storage import ReportFile, schema


def pragma(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def reopen(path, open_files):
    rf = ReportFile.open(path, read_only=True)
    open_files.append(rf)
    return rf


def test_file_identity_and_settings(sample_file, open_files):
    assert pragma(sample_file, "application_id") == schema.APPLICATION_ID
    assert pragma(sample_file, "user_version") == schema.SCHEMA_VERSION
    assert pragma(sample_file, "journal_mode") == "delete"
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    assert rf.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert rf.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert rf.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    for table in ("reports", "goals", "measures", "signatories"):
        for (item_id,) in rf.conn.execute(f"SELECT id FROM {table}"):
            assert uuid.UUID(item_id).version == 4


def test_report_survives_storage(sample_file, sample_report, open_files):
    rf = reopen(sample_file, open_files)
    loaded = rf.load_report(rf.resolve_report_id(None))
    assert loaded == sample_report


def test_an_edit_is_on_disk_and_logged(sample_file, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    report = rf.load_report(rf.resolve_report_id(None))
    measure = report.find_measure("6.1")[0]
    old = rf.set_field("measure", measure.id, "score", Score.FULL)
    assert old is None
    old_text = rf.set_field("measure", measure.id, "achieved", "Шинэ текст Ө ү")
    assert old_text == measure.achieved
    other = reopen(sample_file, open_files)
    again = other.load_report(report.id).find_measure("6.1")[0]
    assert (again.score, again.achieved) == (Score.FULL, "Шинэ текст Ө ү")
    log = other.change_log(report.id)
    assert [(e["item_id"], e["field"], e["old_value"], e["new_value"]) for e in log[-2:]] == [
        (measure.id, "score", None, "100"),
        (measure.id, "achieved", measure.achieved, "Шинэ текст Ө ү"),
    ]
    assert all(e["at"] for e in log)


def test_unchanged_value_writes_nothing(sample_file, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    report = rf.load_report(rf.resolve_report_id(None))
    before = len(rf.change_log())
    rf.set_field("goal", report.goals[0].id, "text", report.goals[0].text)
    assert len(rf.change_log()) == before


def test_bad_values_are_refused_and_nothing_changes(sample_file, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    report = rf.load_report(rf.resolve_report_id(None))
    m = report.measures()[0]
    before = digest(sample_file)
    with pytest.raises(TailanError, match="үнэлгээ буруу"):
        rf.set_field("measure", m.id, "score", "50")
    with pytest.raises(TailanError, match="он буруу"):
        rf.set_field("report", report.id, "year", "хоёр мянга")
    with pytest.raises(TailanError):
        rf.set_field("measure", m.id, "id", "x")
    with pytest.raises(TailanError, match="олдсонгүй"):
        rf.set_field("measure", str(uuid.uuid4()), "text", "x")
    assert digest(sample_file) == before


def test_structure_edits_return_what_undoes_them(sample_file, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    rid = rf.resolve_report_id(None)
    report = rf.load_report(rid)
    g1, g2 = report.goals[0], report.goals[1]

    # move a measure into another goal, and back
    moved = g1.measures[2]
    old_goal, old_index = rf.move_measure(moved.id, g2.id, 0)
    assert (old_goal, old_index) == (g1.id, 2)
    after = rf.load_report(rid)
    assert [m.number for m in after.goals[1].measures] == ["1.3.", "2.1.", "2.2."]
    rf.move_measure(moved.id, old_goal, old_index)
    assert rf.load_report(rid) == report

    # delete and restore a goal with its measures
    _, index, goal = rf.delete_goal(g2.id)
    assert len(rf.load_report(rid).goals) == 5
    rf.insert_goal(rid, index, goal)
    assert rf.load_report(rid) == report

    # reorder goals
    old = rf.move_goal(report.goals[5].id, 0)
    assert [g.number for g in rf.load_report(rid).goals][:2] == ["6.", "1"]
    rf.move_goal(report.goals[5].id, old)
    assert rf.load_report(rid) == report

    # measures and signatories
    new = Measure(number="1.4.", text="Шинэ")
    rf.insert_measure(g1.id, 3, new)
    assert rf.load_report(rid).goals[0].measures[3] == new
    goal_id, index, removed = rf.delete_measure(new.id)
    assert (goal_id, index, removed) == (g1.id, 3, new)
    sig = Signatory(role="ХЯНАСАН", position="ДАРГА", name="Б.БАТ")
    rf.insert_signatory(rid, 0, sig)
    assert rf.load_report(rid).signatories[0] == sig
    assert rf.move_signatory(sig.id, 2) == 0
    rf.delete_signatory(sig.id)
    assert rf.load_report(rid) == report

    kinds = {(e["item_kind"], e["field"]) for e in rf.change_log(rid)}
    assert {("measure", "(move)"), ("goal", "(delete)"), ("goal", "(insert)"), ("measure", "(delete)")} <= kinds


def test_deleting_a_goal_logs_its_measures(sample_file, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    report = rf.load_report(rf.resolve_report_id(None))
    rf.delete_goal(report.goals[0].id)
    deleted = [e for e in rf.change_log() if e["field"] == "(delete)" and e["item_kind"] == "measure"]
    assert len(deleted) == 3
    assert report.goals[0].measures[0].achieved in deleted[0]["old_value"]


def test_several_reports_in_one_file(sample_file, sample_report, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    from helpers import SAMPLE_TXT

    from core.tables.textimport import import_file

    second = import_file(SAMPLE_TXT).report
    second.year = 2024
    rf.add_report(second)
    assert [r.year for r in rf.list_reports()] == [2023, 2024]
    with pytest.raises(TailanError, match="--report"):
        rf.resolve_report_id(None)
    assert rf.resolve_report_id(second.id[:8]) == second.id


@pytest.mark.parametrize(
    "content,error,words",
    [
        (b"", NotOurFileError, "хоосон"),
        (b"hello, this is text\n" * 20, NotOurFileError, "файл биш"),
        (bytes(range(256)) * 40, NotOurFileError, "файл биш"),
    ],
)
def test_files_that_are_not_ours_are_refused_untouched(tmp_path, content, error, words):
    path = tmp_path / "x.tailan"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(error) as info:
        ReportFile.open(path)
    assert words in info.value.message
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.tailan"]


def test_another_applications_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotOurFileError, match="өөр програмын"):
        ReportFile.open(path)
    assert digest(path) == before


def test_newer_version_is_refused_untouched(sample_file):
    conn = sqlite3.connect(sample_file)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(sample_file)
    with pytest.raises(NewerFileError, match="шинэ хувилбар"):
        ReportFile.open(sample_file)
    assert digest(sample_file) == before


def test_truncated_file_is_refused_untouched(sample_file, tmp_path):
    data = sample_file.read_bytes()
    cut = tmp_path / "cut.tailan"
    cut.write_bytes(data[: len(data) // 2])
    before = digest(cut)
    with pytest.raises(DamagedFileError, match="гэмтсэн"):
        ReportFile.open(cut)
    assert digest(cut) == before


def test_corrupted_page_is_refused(sample_file, tmp_path):
    data = bytearray(sample_file.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200
    bad = tmp_path / "bad.tailan"
    bad.write_bytes(bytes(data))
    with pytest.raises(DamagedFileError):
        ReportFile.open(bad)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(TailanError, match="олдсонгүй"):
        ReportFile.open(tmp_path / "none.tailan")
    with pytest.raises(TailanError, match="хавтас"):
        ReportFile.open(tmp_path)
    assert not (tmp_path / "none.tailan").exists()


def test_read_only_medium_opens_read_only(sample_file, tmp_path, open_files):
    before = digest(sample_file)
    with read_only_folder(tmp_path, {"usb.tailan": sample_file}) as folder:
        rf = ReportFile.open(folder / "usb.tailan")
        open_files.append(rf)
        assert rf.read_only and "зөвхөн уншихаар" in rf.read_only_reason
        report = rf.load_report(rf.resolve_report_id(None))
        assert len(report.measures()) == 14
        with pytest.raises(ReadOnlyError):
            rf.set_field("measure", report.measures()[0].id, "score", Score.FULL)
        rf.close()
        assert digest(folder / "usb.tailan") == before


def test_write_copy_is_complete_and_atomic(sample_file, tmp_path, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    report = rf.load_report(rf.resolve_report_id(None))
    rf.set_field("measure", report.measures()[0].id, "achieved", "сүүлийн засвар")
    copy = rf.write_copy(tmp_path / "copy.tailan")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    other = reopen(copy, open_files)
    assert other.load_report(report.id).measures()[0].achieved == "сүүлийн засвар"
    with pytest.raises(TailanError):
        rf.write_copy(sample_file)
    with pytest.raises(TailanError, match="хавтас"):
        rf.write_copy(tmp_path / "missing" / "copy.tailan")


def test_create_refuses_to_overwrite(sample_file):
    before = digest(sample_file)
    with pytest.raises(TailanError, match="аль хэдийн"):
        ReportFile.create(sample_file)
    assert digest(sample_file) == before


def test_copy_taken_while_open_is_complete(sample_file, tmp_path, open_files):
    """journal_mode=DELETE: a plain file copy taken while the app is open holds every commit."""
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    report = rf.load_report(rf.resolve_report_id(None))
    for i, m in enumerate(report.measures()):
        rf.set_field("measure", m.id, "indicator", f"засвар {i}")
    shutil.copyfile(sample_file, tmp_path / "usb-copy.tailan")
    other = reopen(tmp_path / "usb-copy.tailan", open_files)
    assert [m.indicator for m in other.load_report(report.id).measures()] == [
        f"засвар {i}" for i in range(14)
    ]


def test_goal_with_measures_inserted_whole(sample_file, open_files):
    rf = ReportFile.open(sample_file)
    open_files.append(rf)
    rid = rf.resolve_report_id(None)
    goal = Goal(number="7.", text="Шинэ зорилт", measures=[Measure(number="7.1."), Measure(number="7.2.")])
    assert rf.insert_goal(rid, 99, goal) == 6
    assert rf.load_report(rid).goals[-1] == goal


def test_second_writer_gets_read_only_and_first_keeps_its_edits(sample_file, open_files):
    first = ReportFile.open(sample_file)
    open_files.append(first)
    second = ReportFile.open(sample_file)
    open_files.append(second)
    assert not first.read_only
    assert second.read_only and "өөр цонх" in second.read_only_reason
    report = first.load_report(first.resolve_report_id(None))
    first.set_field("measure", report.measures()[0].id, "achieved", "эхний цонх")
    with pytest.raises(ReadOnlyError, match="өөр цонх"):
        second.set_field("measure", report.measures()[0].id, "achieved", "хоёр дахь")
    first.close()
    third = ReportFile.open(sample_file)
    open_files.append(third)
    assert not third.read_only
    assert third.load_report(report.id).measures()[0].achieved == "эхний цонх"


def test_cli_edit_while_the_file_is_open_elsewhere_is_refused(sample_file, open_files):
    from helpers import run_cli

    holder = ReportFile.open(sample_file)
    open_files.append(holder)
    before = digest(sample_file)
    result = run_cli("set", sample_file, "--measure", "6.1", "--score", "100")
    assert result.returncode == 2 and "өөр цонх" in result.stderr.decode()
    assert digest(sample_file) == before
    holder.close()
    assert run_cli("set", sample_file, "--measure", "6.1", "--score", "100").returncode == 0


def test_nested_savepoints_undo_only_their_own_part(tmp_path):
    """A part that fails inside a transaction is undone alone, at any depth (the savepoints of
    one name still pair), and the whole transaction's failure undoes every part."""
    path = tmp_path / "nested.tailan"

    def logged(rf):
        return [e["item_id"] for e in rf.change_log()]

    def note(rf, what):
        rf.log_change(None, "report", what, "test", None, what)

    with ReportFile.open(path, create=True) as rf:
        with rf.transaction():
            note(rf, "outer")
            with rf.savepoint():
                note(rf, "kept")
                with pytest.raises(ValueError), rf.savepoint():
                    note(rf, "undone inner")
                    with rf.transaction():
                        note(rf, "undone innermost")
                    raise ValueError
                note(rf, "after")
            with pytest.raises(KeyError), rf.savepoint():
                note(rf, "undone")
                raise KeyError
        assert logged(rf) == ["outer", "kept", "after"]
        with pytest.raises(RuntimeError), rf.transaction():
            note(rf, "whole")
            with rf.savepoint():
                note(rf, "part")
            raise RuntimeError
        assert logged(rf) == ["outer", "kept", "after"]
        assert not rf.conn.in_transaction
