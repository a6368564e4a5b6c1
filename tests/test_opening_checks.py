"""Every file opened gets the received-file checks first (issue 19).

Only received submissions had their schema compared exactly: a "template" with a
trigger on ``change_log`` turned every score the officer entered into 100 (then signed
by the officer's key), and an expression index made every edit slow and huge. A
schema hidden in overflow pages was refused only after SQLite had parsed it.
"""

from __future__ import annotations

import sqlite3

import pytest
from helpers import FIXTURES, digest, run_cli

from core.errors import DamagedFileError, TailanError
from core.received.verify import check_submission
from core.storage import ReportFile, schema
from core.storage.opencheck import ForeignSchemaError, make_clean_copy, schema_digest

TRIGGER = ("CREATE TRIGGER every_score_full AFTER INSERT ON change_log BEGIN "
           "UPDATE measures SET score = '100' WHERE score IS NOT '100'; END")
EXPRESSION_INDEX = "CREATE INDEX slow ON measures(length(hex(zeroblob(1000000))) + length(text))"


def hostile(path, *statements):
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def template(sample_file):
    return hostile(sample_file, TRIGGER)


def scores(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT score FROM measures ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_a_template_with_a_trigger_on_the_change_log_is_refused_for_editing_and_reading(template):
    before = digest(template)
    with pytest.raises(ForeignSchemaError) as refused:
        ReportFile.open(template)
    assert "триггер" in refused.value.message and refused.value.cleanable
    with pytest.raises(ForeignSchemaError):
        ReportFile.open(template, read_only=True)
    result = run_cli("set", template, "--measure", "6.1", "--score", "30")
    assert result.returncode == 2 and "триггер" in result.stderr.decode()
    assert "clean-copy" in result.stderr.decode()
    assert digest(template) == before


def test_an_expression_index_is_refused(sample_file):
    hostile(sample_file, EXPRESSION_INDEX)
    with pytest.raises(ForeignSchemaError) as refused:
        ReportFile.open(sample_file)
    assert "индекс" in refused.value.message


def test_a_changed_table_cannot_be_copied_clean(sample_file, tmp_path):
    hostile(sample_file, "ALTER TABLE measures ADD COLUMN evil TEXT")
    with pytest.raises(ForeignSchemaError) as refused:
        ReportFile.open(sample_file)
    assert not refused.value.cleanable
    with pytest.raises(ForeignSchemaError):
        make_clean_copy(sample_file, tmp_path / "clean.tailan")
    assert not (tmp_path / "clean.tailan").exists()


def test_a_clean_copy_made_by_tailan_holds_the_report_and_none_of_the_foreign_objects(template, tmp_path):
    before = digest(template)
    hostile(template, EXPRESSION_INDEX, "CREATE VIEW v AS SELECT * FROM measures")
    before = digest(template)
    clean = make_clean_copy(template, tmp_path / "clean.tailan")
    assert digest(template) == before  # the file itself is never changed
    with ReportFile.open(clean) as rf:
        report_id = rf.resolve_report_id(None)
        measure = rf.load_report(report_id).measures()[0]
        rf.set_field("measure", measure.id, "score", None)
        rf.set_field("measure", measure.id, "text", "шинэ")
    assert ("100",) not in scores(clean)[:1]  # no trigger rewrote the score
    result = run_cli("clean-copy", template, "-o", tmp_path / "again.tailan")
    assert result.returncode == 0, result.stderr.decode()
    assert run_cli("show", tmp_path / "again.tailan").returncode == 0


def test_a_file_with_a_value_no_tailan_file_holds_is_refused(sample_file):
    conn = sqlite3.connect(sample_file)
    conn.execute("UPDATE measures SET text = randomblob(64) WHERE rowid = 1")  # a blob where text belongs
    conn.commit()
    conn.close()
    with pytest.raises(DamagedFileError) as refused:
        ReportFile.open(sample_file)
    assert "measures.text" in refused.value.message


def big_schema(path, size=6 * 1024 * 1024):
    """A definition SQLite must parse before anything else, in overflow pages."""
    return hostile(path, f"CREATE TABLE padding (x /* {'x' * size} */)")


def test_a_schema_hidden_in_overflow_pages_is_refused_before_sqlite_parses_it(sample_file, tmp_path):
    big_schema(sample_file)
    with pytest.raises(DamagedFileError) as refused:
        ReportFile.open(sample_file)
    assert "хэт урт" in refused.value.message


def test_a_received_file_with_a_schema_in_overflow_pages_is_refused_by_its_bytes(tmp_path, monkeypatch):
    from soums import Soum

    sent = Soum(tmp_path, monkeypatch, "n").start("Нарийнтээл сум").finalize().send()
    big_schema(sent, 2 * 1024 * 1024)
    verdict = check_submission(sent)
    assert not verdict.ok and "бүтэц хэт том" in verdict.reason


def test_the_frozen_schema_digests_are_those_of_the_migrations():
    from core.storage.received import schema_at

    for version in range(1, schema.SCHEMA_VERSION + 1):
        assert schema.SCHEMA_DIGESTS.get(version) == schema_digest(schema_at(version)), (
            f"core/storage/schema.py: SCHEMA_DIGESTS[{version}] = {schema_digest(schema_at(version))!r}")


def test_the_frozen_migration_record_is_that_of_the_migrations():
    from core.storage.migrations import MIGRATION_SET, migration_names

    assert list(schema.MIGRATION_RECORD) == [(MIGRATION_SET, name) for name in migration_names()], (
        "core/storage/schema.py: MIGRATION_RECORD needs the new migration's line")


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_files_of_every_version_still_open(tmp_path, version):
    import shutil

    path = tmp_path / f"v{version}.tailan"
    shutil.copyfile(FIXTURES / f"schema_v{version}.tailan", path)
    with ReportFile.open(path, read_only=True) as rf:
        assert rf.list_reports()
    with ReportFile.open(path) as rf:  # upgraded after its backup
        assert rf.schema_version == schema.SCHEMA_VERSION


def test_an_aimag_file_with_decisions_and_submissions_opens(tmp_path, monkeypatch):
    from soums import Soum, aimag_pc

    from core.aimag.consolidate import consolidate

    sent = Soum(tmp_path, monkeypatch, "n").start("Нарийнтээл сум").finalize().send()
    db = aimag_pc(tmp_path, monkeypatch)
    consolidate([sent], db)
    with ReportFile.open(db) as rf:
        assert rf.schema_version == schema.SCHEMA_VERSION
    with pytest.raises(TailanError):
        ReportFile.open(hostile(db, "CREATE TRIGGER t AFTER INSERT ON decisions BEGIN DELETE FROM decisions; END"))
