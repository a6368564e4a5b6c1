"""Every committed older file upgrades to the current schema, after a backup copy."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from helpers import FIXTURES, digest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from core.errors import TailanError
from core.received.schema import reference_schema
from core.report import scoring
from core.storage import ReportFile, received, schema
from core.storage import migrations as migrations_module
from core.storage.migrations import MIGRATION_SET, migration_names, migrations

FIXTURE_FILES = sorted(FIXTURES.glob("schema_v*.tailan"))


def version_of(path):
    return int(re.search(r"schema_v(\d+)", path.name).group(1))


def test_there_is_a_fixture_for_every_released_version():
    assert [version_of(p) for p in FIXTURE_FILES] == list(range(1, schema.SCHEMA_VERSION + 1))


def test_migrations_are_numbered_in_order():
    names = migration_names()
    assert [int(n.split("_")[0]) for n in names] == list(range(1, schema.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_migrations_are_append_only(fixture):
    """Each committed fixture was written by the migrations of its version: the schema those
    migrations build today is exactly the fixture's (every object and its SQL text), and so
    is the record of migrations applied. A migration edited after it shipped fails here."""
    version = version_of(fixture)
    conn = sqlite3.connect(f"{fixture.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        committed = frozenset(received.schema_rows(conn))
        record = received.applied_migrations(conn, 100)
    finally:
        conn.close()
    built = reference_schema(version)
    assert sorted(committed - built) == [] and sorted(built - committed) == [], (
        f"the migrations up to {version} no longer build the schema of {fixture.name}: a shipped migration was "
        "edited; undo that and add a new migration instead"
    )
    assert record == schema.migration_record(version) == [(MIGRATION_SET, n) for n in migration_names()[:version]]


def test_an_edited_migration_is_caught(monkeypatch):
    """The check above can fail: a column added to migration 1 changes the schema it builds."""
    edited = Migrations(MIGRATION_SET)
    blank = sqlite3.connect(":memory:")
    originals = migrations.pending(Database(blank))
    blank.close()
    for m in originals:
        fn = m.fn
        if m.name.startswith("0001"):
            def fn(db, original=m.fn):
                original(db)
                db.execute("ALTER TABLE reports ADD COLUMN sneaked_in TEXT")
        edited(name=m.name)(fn)
    monkeypatch.setattr(migrations_module, "migrations", edited)
    conn = sqlite3.connect(":memory:")
    migrations_module.apply_up_to(conn, 1)
    sneaked = [r for r in received.schema_rows(conn) if r[1] == "reports"][0][3]
    conn.close()
    assert "sneaked_in" in sneaked
    fixture_conn = sqlite3.connect(FIXTURE_FILES[0])
    try:
        committed = [r for r in received.schema_rows(fixture_conn) if r[1] == "reports"][0][3]
    finally:
        fixture_conn.close()
    assert committed != sneaked


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_upgrades_to_current(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    original = digest(path)
    with ReportFile.open(path) as rf:
        assert rf.schema_version == schema.SCHEMA_VERSION
        report = rf.load_report(rf.resolve_report_id(None))
        assert scoring.summarize(report).total_display == "82,5"
        assert [m.number for m in scoring.unscored(report)] == ["6.2.", "6.3."]
        backup = rf.backup_path
    if version_of(fixture) < schema.SCHEMA_VERSION:
        assert backup is not None and digest(backup) == original
        conn = sqlite3.connect(path)
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        conn.close()
        assert applied == migration_names()
    else:
        assert backup is None


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_read_only_open_of_an_old_file_changes_nothing(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = digest(path)
    with ReportFile.open(path, read_only=True) as rf:
        rf.load_report(rf.resolve_report_id(None))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [fixture.name]


def test_failing_migration_leaves_the_file_at_its_version(tmp_path, monkeypatch):
    """A migration that fails rolls back whole: the file stays at its old version."""
    path = tmp_path / "x.tailan"
    shutil.copyfile(FIXTURE_FILES[-1], path)

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    extended = Migrations(MIGRATION_SET)
    blank = sqlite3.connect(":memory:")
    for m in migrations.pending(Database(blank)):
        extended(name=m.name)(m.fn)
    blank.close()
    extended(name=f"{schema.SCHEMA_VERSION:04d}_broken")(broken)
    monkeypatch.setattr(migrations_module, "migrations", extended)
    with pytest.raises(TailanError, match="шилжүүлж чадсангүй"):
        ReportFile.open(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION - 1
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_version_upgrades_to_take_evidence(fixture, tmp_path):
    """Migration 0004: an older file gains the evidence tables (empty) and takes a file; the
    version-4 fixture keeps the PNG its migration's code attached to 6.1."""
    from evidence_files import SCAN, sha256

    from core.report.evidence.attaching import attach_paths

    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with ReportFile.open(path) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        kept = report.find_measure("6.1")[0].evidence
        assert [(e.name, e.type) for e in kept] == ([("evidence-6.1.png", "png")] if version_of(fixture) >= 4 else [])
        attach_paths(rf, report, report.find_measure("1.1")[0], [SCAN])
        again = rf.load_report(report.id).find_measure("1.1")[0].evidence
        assert [(e.name, e.sha256) for e in again] == [("scan.pdf", sha256(SCAN))]


def test_a_new_file_is_what_the_migrations_build_with_its_own_moment(tmp_path):
    """``ReportFile.create`` copies an empty file built by the migrations once per process:
    every object and page setting is the migrations', and the record says when this file was made."""
    import datetime

    before = datetime.datetime.now(datetime.timezone.utc)
    with ReportFile.create(tmp_path / "new.tailan"):
        pass
    built = sqlite3.connect(":memory:")
    built.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    migrations_module.upgrade(Database(built, execute_plugins=False))
    made = sqlite3.connect(tmp_path / "new.tailan")
    for pragma in ("application_id", "user_version", "page_size", "auto_vacuum", "encoding"):
        assert made.execute(f"PRAGMA {pragma}").fetchone() == built.execute(f"PRAGMA {pragma}").fetchone(), pragma
    assert made.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    assert made.execute(query).fetchall() == built.execute(query).fetchall()
    record = made.execute("SELECT migration_set, name, applied_at FROM _sqlite_migrations ORDER BY id").fetchall()
    assert [(s, n) for s, n, _ in record] == [(MIGRATION_SET, n) for n in migration_names()]
    assert all(datetime.datetime.fromisoformat(at) >= before - datetime.timedelta(seconds=1) for _, _, at in record)
    assert not [t for (t,) in made.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if t != "_sqlite_migrations" and made.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
