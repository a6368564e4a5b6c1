"""Checks of a received file that never run the sender's code and never stall (issue 10, item 4).

Every hostile file here is made with plain ``sqlite3`` from a real submission
(generated report, finalized with ``core.sending.lifecycle.finalize``, exported with
``export_submission``). Builders are shared with the hostile corpus
(``tests/reliability/hostile.py``) through ``HOSTILE_FILES``.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
import tracemalloc
from pathlib import Path

import pytest
from generate import submission_file
from helpers import FIXTURES, load_any_report, run_cli

from core.received.schema import check_schema_size
from core.received.verify import CHECK_SECONDS, check_submission, reference_schema
from core.trust.fingerprint import compute_fingerprint

#: An expression that costs milliseconds and 3 MB each time SQLite evaluates it (on a change log row:
#: it depends on the row's ``id``, so SQLite cannot evaluate it once and reuse the result).
EXPENSIVE = "length(printf('%.*c', 3000000 + id, 'x'))"
#: The same for a DEFAULT, which may not name a column.
EXPENSIVE_CONSTANT = "length(printf('%.*c', 3000000, 'x'))"
#: Rows the hostile schema's expressions would be evaluated on.
EXTRA_LOG_ROWS = 3_000
LATIN = re.compile("[A-Za-z]")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return submission_file(tmp_path_factory.mktemp("good"), "Сайн сум", seed=3)


def _copy(good: Path, folder: Path, name: str) -> Path:
    path = folder / name
    shutil.copyfile(good, path)
    return path


def _load(path: Path):
    return load_any_report(path)


def _edit(good: Path, folder: Path, name: str, statements: list, refingerprint: bool = False) -> Path:
    """A copy of ``good`` changed by plain SQL; with ``refingerprint`` the forger makes the fingerprint match."""
    path = _copy(good, folder, name)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(*statement) if isinstance(statement, tuple) else conn.execute(statement)
    conn.commit()
    conn.close()
    if refingerprint:
        fingerprint = compute_fingerprint(_load(path))
        conn = sqlite3.connect(path)
        conn.execute("UPDATE reports SET fingerprint = ?", (fingerprint,))
        conn.commit()
        conn.close()
    return path


def _rewrite_schema(good: Path, folder: Path, name: str, object_name: str, old: str, new: str,
                    more_log_rows: bool = True) -> Path:
    """Changes the SQL text of one schema object in place, as a hostile sender can (nothing is rebuilt)."""
    path = _copy(good, folder, name)
    conn = sqlite3.connect(path)
    if more_log_rows:  # rows for the hostile expressions to be evaluated on
        conn.executemany(
            "INSERT INTO change_log (at, report_id, item_kind, item_id, field, old_value, new_value)"
            " VALUES ('2026-01-01T00:00:00.000+00:00', NULL, 'report', 'x', 'f', NULL, ?)",
            [(str(i),) for i in range(EXTRA_LOG_ROWS)],
        )
        conn.commit()
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (object_name,)).fetchone()
    assert old in sql, sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql.replace(old, new), object_name))
    conn.commit()
    conn.close()
    return path


# ----------------------------------------------------------------- hostile schemas
def expensive_index_expression(folder, good):
    """The index on the change log rewritten to an expression SQLite evaluates for every row it checks."""
    return _rewrite_schema(good, folder, "expensive-index.tailan", "change_log_report",
                           "(report_id, id)", f"(report_id, id, {EXPENSIVE})")


def expensive_check_constraint(folder, good):
    """A CHECK constraint that ``PRAGMA integrity_check`` evaluates on every row."""
    return _rewrite_schema(good, folder, "expensive-check.tailan", "change_log",
                           "new_value TEXT\n", f"new_value TEXT CHECK ({EXPENSIVE} > 0)\n")


def expensive_generated_column(folder, good):
    """A virtual generated column: no storage changes, evaluated whenever it is read."""
    return _rewrite_schema(good, folder, "generated-column.tailan", "change_log",
                           "new_value TEXT\n", f"new_value TEXT, payload AS ({EXPENSIVE}) VIRTUAL\n")


def expensive_default(folder, good):
    """A column the rows do not hold, whose DEFAULT stands in for it when read."""
    return _rewrite_schema(good, folder, "expensive-default.tailan", "change_log",
                           "new_value TEXT\n", f"new_value TEXT, payload TEXT DEFAULT ({EXPENSIVE_CONSTANT})\n")


def endless_view(folder, good):
    """A view that would count for ever if selected from."""
    path = _copy(good, folder, "endless-view.tailan")
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW report_summary AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
                 " SELECT count(*) FROM n")
    conn.commit()
    conn.close()
    return path


def hostile_migrations_table(folder, good):
    """The migrations table given a CHECK constraint: compared by name only, it used to pass."""
    return _rewrite_schema(good, folder, "hostile-migrations.tailan", "_sqlite_migrations",
                           '"applied_at" TEXT\n', '"applied_at" TEXT CHECK (length(applied_at) < 1000)\n',
                           more_log_rows=False)


def hostile_migrations_index(folder, good):
    """The migrations table's index made non-unique under the same name."""
    return _rewrite_schema(good, folder, "hostile-migrations-index.tailan",
                           "idx__sqlite_migrations_migration_set_name", "CREATE UNIQUE INDEX", "CREATE INDEX",
                           more_log_rows=False)


def foreign_migration_row(folder, good):
    return _edit(good, folder, "foreign-migration-row.tailan",
                 ["INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                  " VALUES ('other', '0001_initial', '2026-01-01 00:00:00+00:00')"])


# ----------------------------------------------------------------- values out of bounds
def blob_id(folder, good):
    return _edit(good, folder, "blob-id.tailan",
                 ["UPDATE measures SET id = randomblob(16) WHERE rowid = (SELECT min(rowid) FROM measures)"])


def text_id_not_uuid(folder, good):
    return _edit(good, folder, "text-id.tailan", ["UPDATE signatories SET id = 'гарын-үсэг-1' WHERE rowid = 1"], True)


def revision_overflow(folder, good):
    return _edit(good, folder, "revision-overflow.tailan", [f"UPDATE reports SET revision = {2**63 - 1}"], True)


def year_overflow(folder, good):
    return _edit(good, folder, "year-overflow.tailan", ["UPDATE reports SET year = 100000000000"], True)


def unknown_period(folder, good):
    return _edit(good, folder, "unknown-period.tailan",
                 ["PRAGMA ignore_check_constraints = ON", "UPDATE reports SET period = 'quarterly'"])


def unknown_score(folder, good):
    return _edit(good, folder, "unknown-score.tailan",
                 ["PRAGMA ignore_check_constraints = ON", "UPDATE measures SET score = '55' WHERE rowid = 1"])


def finalized_at_not_a_date(folder, good):
    return _edit(good, folder, "finalized-at.tailan", ["UPDATE reports SET finalized_at = 'өчигдөр'"], True)


def blob_text(folder, good):
    return _edit(good, folder, "blob-text.tailan", ["UPDATE goals SET text = CAST('зорилт' AS BLOB) WHERE rowid = 1"])


def aimag_rows_in_submission(folder, good):
    return _edit(good, folder, "aimag-rows.tailan",
                 ["INSERT INTO organizations (id, name, name_key, added_at)"
                  " VALUES ('x', 'Хуурамч сум', 'хуурамч сум', '2026-01-01')"])


def value_over_sqlite_limit(folder, good):
    """One text of 5 MB (over the value limit), under our schema: refused, never loaded."""
    return _edit(good, folder, "huge-value.tailan", [("UPDATE measures SET achieved = ? WHERE rowid = 1", ("ө" * 2_600_000,))])


# ----------------------------------------------------------------- files beside
def _beside(suffix: str, content: bytes):
    def build(folder, good):
        path = _copy(good, folder, f"beside{suffix}.tailan")
        path.with_name(path.name + suffix).write_bytes(content)
        return path

    build.__name__ = f"beside{suffix.replace('-', '_')}"
    return build


#: kind: (builder, what the reason must say)
HOSTILE_SCHEMAS = {
    "expensive-index-expression": (expensive_index_expression, "өөрчилсөн объект 1"),
    "expensive-check-constraint": (expensive_check_constraint, "өөрчилсөн объект 1"),
    "expensive-generated-column": (expensive_generated_column, "өөрчилсөн объект 1"),
    "expensive-default": (expensive_default, "өөрчилсөн объект 1"),
    "endless-view": (endless_view, "гадны харагдац 1"),
    "hostile-migrations-table": (hostile_migrations_table, "өөрчилсөн объект 1"),
    "hostile-migrations-index": (hostile_migrations_index, "өөрчилсөн объект 1"),
}
HOSTILE_VALUES = {
    "foreign-migration-row": (foreign_migration_row, "шинэчлэлийн бүртгэл"),
    "blob-id": (blob_id, "«арга хэмжээ» хэсгийн «таних дугаар»"),
    "text-id-not-uuid": (text_id_not_uuid, "«гарын үсэг зурагчид» хэсгийн «таних дугаар»"),
    "revision-integer-overflow": (revision_overflow, "«хувилбарын дугаар»"),
    "year-overflow": (year_overflow, "«он»"),
    "unknown-period": (unknown_period, "«тайлант хугацаа»"),
    "unknown-score": (unknown_score, "«үнэлгээ»"),
    "finalized-at-not-a-date": (finalized_at_not_a_date, "«баталгаажуулсан огноо»"),
    "blob-where-text-belongs": (blob_text, "«зорилт» хэсгийн «агуулга» талбарын утга буруу (1 мөрөнд): текст байх ёстой"),
    "aimag-rows-in-submission": (aimag_rows_in_submission, "«аймгийн бүртгэл» хэсэгт 1 мөр"),
    "value-over-limit": (value_over_sqlite_limit, "хэт том утга"),
}
HOSTILE_BESIDE = {
    f"{suffix}-beside": (_beside(suffix, content), f"«beside{suffix}.tailan{suffix}»")
    for suffix, content in (("-journal", b""), ("-wal", b"\x00" * 32), ("-shm", b"\x00" * 32))
}
HOSTILE_FILES = {**HOSTILE_SCHEMAS, **HOSTILE_VALUES, **HOSTILE_BESIDE}


def assert_mongolian(reason: str) -> None:
    """Plain Mongolian: no English word outside «quoted names» (file names, the sender's data)."""
    assert re.search("[А-Яа-яӨөҮү]", reason), reason
    assert not LATIN.search(re.sub("«[^»]*»", "", reason)), reason


# ----------------------------------------------------------------- tests
@pytest.mark.parametrize("kind", sorted(HOSTILE_SCHEMAS))
def test_hostile_schema_is_refused_before_anything_of_it_is_evaluated(good, tmp_path, kind):
    build, says = HOSTILE_SCHEMAS[kind]
    path = build(tmp_path, good)
    before = path.read_bytes()
    started = time.perf_counter()
    verdict = check_submission(path)
    seconds = time.perf_counter() - started
    assert not verdict.ok
    assert "яг таарахгүй" in verdict.reason and says in verdict.reason, verdict.reason
    assert_mongolian(verdict.reason)
    # evaluated once per row, the expression would cost seconds and gigabytes
    assert seconds < 1.0, f"{seconds:.2f} s: the sender's schema was evaluated"
    assert path.read_bytes() == before


@pytest.mark.slow
def test_the_hostile_expression_is_really_expensive(good, tmp_path):
    """The control: what ``integrity_check`` costs on the index file when it evaluates the expression."""
    path = expensive_index_expression(tmp_path, good)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    started = time.perf_counter()
    conn.execute("PRAGMA integrity_check").fetchall()
    seconds = time.perf_counter() - started
    conn.close()
    assert seconds > 1.0, f"only {seconds:.2f} s: the hostile files prove nothing"


@pytest.mark.parametrize("kind", sorted(HOSTILE_VALUES))
def test_values_out_of_bounds_are_refused_with_their_reason(good, tmp_path, kind):
    build, says = HOSTILE_VALUES[kind]
    path = build(tmp_path, good)
    verdict = check_submission(path)
    assert not verdict.ok and says in verdict.reason, verdict.reason
    assert_mongolian(verdict.reason)


@pytest.mark.parametrize("kind", sorted(HOSTILE_BESIDE))
def test_a_file_with_a_journal_or_log_beside_it_is_refused(good, tmp_path, kind):
    build, says = HOSTILE_BESIDE[kind]
    path = build(tmp_path, good)
    verdict = check_submission(path)
    assert not verdict.ok and says in verdict.reason and "өөр байж болно" in verdict.reason, verdict.reason
    assert_mongolian(verdict.reason)
    path.with_name(path.name + kind.removesuffix("-beside")).unlink()
    assert check_submission(path).ok  # the same file alone is accepted


def test_a_blob_id_does_not_stop_the_batch(good, tmp_path):
    others = [_copy(good, tmp_path, f"{i}.tailan") for i in range(2)]
    bad = blob_id(tmp_path, good)
    result = run_cli("verify", others[0], bad, others[1], "--json")
    assert result.returncode == 2, result.stderr.decode()
    verdicts = json.loads(result.stdout)
    assert [v["ok"] for v in verdicts] == [True, False, True]
    assert "таних дугаар" in verdicts[1]["reason"] and verdicts[0]["organization"] == "Сайн сум"


def test_the_deadline_is_a_real_parameter(good):
    assert CHECK_SECONDS <= 10
    assert check_submission(good).ok
    verdict = check_submission(good, time_limit=0.0)
    assert not verdict.ok and "шалгалт хэт удаан үргэлжилсэн" in verdict.reason, verdict.reason


def test_file_kinds_are_named_in_plain_mongolian(tmp_path, good):
    letter = tmp_path / "letter.tailan"
    letter.write_bytes("Энэ бол захидал.\n".encode() * 20)
    other = tmp_path / "other.tailan"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    for path, says in ((letter, "Тайлан програмын файл биш"), (other, "өөр програмын")):
        verdict = check_submission(path)
        assert not verdict.ok and says in verdict.reason, verdict.reason
        assert_mongolian(verdict.reason)


def test_shipped_files_have_exactly_our_schema():
    """Files written by earlier releases (the fixtures) must pass the exact comparison, migrations table included."""
    for version in (1, 2):
        conn = sqlite3.connect(f"{(FIXTURES / f'schema_v{version}.tailan').as_uri()}?mode=ro", uri=True)
        rows = frozenset(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        conn.close()
        assert rows == reference_schema(version)
        check_schema_size((FIXTURES / f"schema_v{version}.tailan").read_bytes())  # within the bytes check
        assert any(r[1] == "_sqlite_migrations" and r[3] for r in rows)  # compared with its SQL text


@pytest.mark.slow
def test_verify_memory_does_not_grow_with_the_number_of_files(tmp_path, capsys):
    from core.cli import main

    big = submission_file(tmp_path, "Том сум", measures=400, seed=9)
    size = big.stat().st_size
    files = [_copy(big, tmp_path, f"copy-{i}.tailan") for i in range(24)]

    def peak(paths) -> int:
        tracemalloc.start()
        try:
            assert main(["verify", *map(str, paths)]) == 0
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            capsys.readouterr()

    few, many = peak(files[:3]), peak(files)
    assert many < few + 2 * size, f"peak {few} bytes for 3 files, {many} for 24 (file {size} bytes)"


def test_verify_json_streams_one_object_per_file(good, tmp_path):
    bad = tmp_path / "empty.tailan"
    bad.write_bytes(b"")
    result = run_cli("verify", good, bad, "--json")
    assert result.returncode == 2
    first, second = json.loads(result.stdout)
    assert first["ok"] and first["fingerprint"] and first["revision"] == 1 and first["file"] == str(good)
    assert not second["ok"] and "хоосон" in second["reason"] and second["fingerprint"] is None
    ok = run_cli("verify", good)
    assert ok.returncode == 0 and "ЗӨВ" in ok.stdout.decode()


def test_a_schema_text_that_is_not_utf8_is_refused_not_raised(good, tmp_path):
    """Found by the fuzz test: SQLite's message quoted the damaged bytes and decoding it escaped as an error."""
    data = good.read_bytes()
    at = data.find(b"CREATE TABLE reports") + 2
    path = tmp_path / "damaged-schema.tailan"
    path.write_bytes(data[:at] + b"\x80" + data[at + 1:])
    verdict = check_submission(path)
    assert not verdict.ok and "гэмтсэн файл" in verdict.reason, verdict.reason
    assert_mongolian(verdict.reason)


def _flood(path: Path, tables: int) -> Path:
    """``tables`` extra schema rows, each a table whose pages are never read: only parsing them costs."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.executemany(
        "INSERT INTO sqlite_master VALUES ('table', ?, ?, 2, ?)",
        [(f"t{i}", f"t{i}", f"CREATE TABLE t{i}(a CHECK (a > 0), b DEFAULT (1 + 2), c AS (a * 2))")
         for i in range(tables)],
    )
    conn.commit()
    conn.close()
    return path


def test_a_schema_flood_is_refused_from_its_bytes(good, tmp_path):
    """200,000 schema rows (20 MB): SQLite would parse them for seconds before any comparison."""
    path = _flood(_copy(good, tmp_path, "schema-flood.tailan"), 200_000)
    started = time.perf_counter()
    verdict = check_submission(path)
    seconds = time.perf_counter() - started
    assert not verdict.ok and "файлын бүтэц хэт том" in verdict.reason, verdict.reason
    assert_mongolian(verdict.reason)
    assert seconds < 0.5, f"{seconds:.2f} s"


def test_the_deadline_also_bounds_parsing_the_schema(good, tmp_path):
    """The largest schema the bytes check lets through (16 pages of 64 KiB) is parsed under the deadline."""
    path = _copy(good, tmp_path, "page-64k.tailan")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 65536")
    conn.execute("VACUUM")
    conn.close()
    assert check_submission(path).ok
    _flood(path, 9_000)
    started = time.perf_counter()
    verdict = check_submission(path)
    assert not verdict.ok and "яг таарахгүй" in verdict.reason, verdict.reason
    assert time.perf_counter() - started < 1.0
    verdict = check_submission(path, time_limit=0.0)
    assert not verdict.ok and "шалгалт хэт удаан үргэлжилсэн" in verdict.reason, verdict.reason


@pytest.mark.slow
def test_verify_resident_memory_does_not_grow_with_the_number_of_files(tmp_path):
    """SQLite's own memory is not seen by tracemalloc: the process's peak resident size, 5 files against 60."""
    import subprocess
    import sys

    from helpers import REPO

    pytest.importorskip("resource")  # POSIX: the peak resident size of a process

    big = submission_file(tmp_path, "Том сум", measures=400, seed=9)
    files = [str(_copy(big, tmp_path, f"copy-{i}.tailan")) for i in range(60)]
    code = ("import contextlib, io, resource, sys\n"
            "from core.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['verify', *sys.argv[1:]]) == 0\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")

    def peak_kb(paths) -> int:
        result = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, cwd=REPO, timeout=120)
        assert result.returncode == 0, result.stderr.decode()
        return int(result.stdout)

    few, many = peak_kb(files[:5]), peak_kb(files)
    assert many < few + 3 * big.stat().st_size // 1024, f"{few} KB for 5 files, {many} KB for 60"
    print(f"peak resident: {few} KB for 5 files, {many} KB for 60")


def test_a_file_checked_in_memory_and_one_checked_as_a_private_copy_get_the_same_verdict(good, tmp_path, monkeypatch):
    """A small file is checked as its bytes in memory, a large one (evidence) as a private copy on
    disk: the same files, made to take the other way, get the same verdicts and reasons, and the
    copy kept for the archive is the received bytes either way."""
    from core.received import verify

    files = [_copy(good, tmp_path, "good.tailan")]
    files += [build(tmp_path, good) for build, _ in (*HOSTILE_SCHEMAS.values(), *HOSTILE_VALUES.values())]
    in_memory = [check_submission(f, time_limit=CHECK_SECONDS) for f in files]
    monkeypatch.setattr(verify, "IN_MEMORY_BYTES", 0)  # every file the way of a large one
    as_copies = [check_submission(f, time_limit=CHECK_SECONDS) for f in files]
    assert [(v.ok, v.reason) for v in in_memory] == [(v.ok, v.reason) for v in as_copies]
    assert in_memory[0].ok and sum(v.ok for v in in_memory) == 1
    assert in_memory[0].sha256 == as_copies[0].sha256
    for way in (0, 10 ** 9):
        monkeypatch.setattr(verify, "IN_MEMORY_BYTES", way)
        kept = check_submission(files[0], keep_copy_in=tmp_path / f"archive-{way}")
        assert kept.copy.read_bytes() == files[0].read_bytes()
        kept.discard_copy()
        refused = check_submission(files[1], keep_copy_in=tmp_path / f"refused-{way}")
        folder = tmp_path / f"refused-{way}"
        assert not refused.ok and not (folder.exists() and any(folder.iterdir()))  # nothing of it stays
