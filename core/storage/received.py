"""The SQL of the checks on a received file, run on its private copy (a file of our own, or its bytes in memory).

A received file is untrusted: ``core.received`` decides what it must be and in which
order it is checked (its schema before anything of it is evaluated). The statements
those checks run live here, with the rest of the program's SQL: the connection that
holds the file's bytes under limits, the reading of its schema and migrations record,
SQLite's own checks and row counts (the value rules are ``core.storage.value_rules``).
Nothing here writes: the connection is ``query_only``.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Callable

MIGRATIONS_TABLE = "_sqlite_migrations"

SchemaRow = tuple[str, str, str, "str | None"]

#: How the in-memory copy is read: never the file's own schema code, little memory.
_READING_PRAGMAS = ("trusted_schema = OFF", "query_only = ON", "cell_size_check = ON", "cache_size = -4096",
                    "mmap_size = 0", "temp_store = MEMORY")


def in_memory_copy(data: bytes, limits: dict[int, int], progress: Callable[[], int], steps: int) -> sqlite3.Connection:
    """``data`` loaded into a private in-memory database, read-only, under ``limits`` and a
    progress handler called every ``steps`` virtual machine steps.

    Nothing of the file's schema is parsed here: ``deserialize`` only hands SQLite the bytes.
    """
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for limit, value in limits.items():
            conn.setlimit(limit, value)
        conn.set_progress_handler(progress, steps)
        conn.deserialize(data)
        for pragma in _READING_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
    except BaseException:
        conn.close()
        raise
    return conn


def private_file_connection(path: Path, limits: dict[int, int], progress: Callable[[], int],
                            steps: int) -> sqlite3.Connection:
    """Our own private copy of a received file, opened read-only and immutable (SQLite then looks
    for no journal, takes no lock and writes nothing), under ``limits`` and a progress handler.

    Nothing of the file's schema is parsed here: the first statement does that, under the limits.
    """
    # our own copy's path is absolute already (resolving it would look at every folder above it)
    uri = (path if path.is_absolute() else path.resolve()).as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        for limit, value in limits.items():
            conn.setlimit(limit, value)
        conn.set_progress_handler(progress, steps)
        for pragma in _READING_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
    except BaseException:
        conn.close()
        raise
    return conn


# ------------------------------------------------------------------ our own schema, built
#: Schemas this process was given, built by another of the same program (a consolidation's
#: worker processes get the run's: building one imports sqlite-utils and runs every migration).
_GIVEN: dict[int, tuple[frozenset[SchemaRow], dict]] = {}


def give_built(version: int, rows: frozenset[SchemaRow], columns: dict) -> None:
    """Takes ``schema_at(version)`` and ``columns_at(version)`` as built by the process that started this one."""
    _GIVEN[version] = (rows, columns)


@lru_cache(maxsize=None)
def schema_at(version: int) -> frozenset[SchemaRow]:
    """The exact schema objects a file of ``version`` holds, built by our own migrations in memory."""
    if version in _GIVEN:
        return _GIVEN[version][0]
    conn = _built(version)
    try:
        return frozenset(schema_rows(conn))
    finally:
        conn.close()


@lru_cache(maxsize=None)
def columns_at(version: int) -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """Each table of ``version``: its columns as (name, declared type, NOT NULL), from our migrations."""
    if version in _GIVEN:
        return _GIVEN[version][1]
    conn = _built(version)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {
            t: tuple((c[1], c[2].upper(), bool(c[3] or c[5])) for c in conn.execute(f'PRAGMA table_info("{t}")'))
            for t in tables
        }
    finally:
        conn.close()


def _built(version: int) -> sqlite3.Connection:
    from core.storage.migrations import apply_up_to

    conn = sqlite3.connect(":memory:")
    apply_up_to(conn, version)
    return conn


# ------------------------------------------------------------------ reading a received copy
def schema_rows(conn: sqlite3.Connection) -> list[SchemaRow]:
    """Every object of ``sqlite_master`` with its SQL text (reading it evaluates no expression)."""
    return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()


def migration_record_shape(conn: sqlite3.Connection, most: int) -> list[tuple]:
    """For each applied migration (at most ``most``, in order): the types of its four columns and
    the byte lengths of its three texts, so a bad record is refused before its text is read."""
    return conn.execute(
        f'SELECT typeof(id), typeof(migration_set), typeof(name), typeof(applied_at),'
        f' length(CAST(migration_set AS BLOB)), length(CAST(name AS BLOB)), length(CAST(applied_at AS BLOB))'
        f' FROM "{MIGRATIONS_TABLE}" ORDER BY id LIMIT {int(most)}'
    ).fetchall()


def applied_migrations(conn: sqlite3.Connection, count: int) -> list[tuple[str, str]]:
    """(migration set, name) of the first ``count`` applied migrations, in order."""
    return conn.execute(f'SELECT migration_set, name FROM "{MIGRATIONS_TABLE}" ORDER BY id LIMIT {int(count)}').fetchall()


def first_integrity_problem(conn: sqlite3.Connection) -> str:
    """SQLite's integrity check, stopped at its first problem: ``"ok"`` when there is none."""
    return [r[0] for r in conn.execute("PRAGMA integrity_check(1)")][0]


def schema_version(conn: sqlite3.Connection) -> int:
    """``PRAGMA user_version`` as the database itself reads it."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def has_orphan_rows(conn: sqlite3.Connection) -> bool:
    """Whether any row points to a row that is not there (``PRAGMA foreign_key_check``)."""
    return conn.execute("PRAGMA foreign_key_check").fetchone() is not None


def row_counts(conn: sqlite3.Connection, tables: list[str]) -> list[int]:
    """The number of rows of each table, in one statement."""
    return list(conn.execute("SELECT " + ", ".join(f'(SELECT count(*) FROM "{t}")' for t in tables)).fetchone())


def tables_with_rows(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    """Those of ``tables`` that hold at least one row, in one statement."""
    if not tables:
        return []
    found = conn.execute("SELECT " + ", ".join(f'EXISTS (SELECT 1 FROM "{t}")' for t in tables)).fetchone()
    return [table for table, has_rows in zip(tables, found) if has_rows]
