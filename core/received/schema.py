"""The schema of a received file, compared exactly with ours before SQLite evaluates anything of it.

A received file is untrusted, and its schema is code: an index expression, a CHECK
constraint, a view, a generated column or a DEFAULT is evaluated by SQLite when
rows are checked or read (SQLite's ``integrity_check`` evaluates every index
expression and CHECK constraint of every row). So the first thing done with a
received database is to read ``sqlite_master``, which only parses the definitions of
its tables and indexes (bounded by the connection's limits and deadline) and
evaluates none of them, and to compare every object's type, name, table and SQL text with the schema
our own migrations build. The sqlite-utils migrations table is compared like any
other object. Only a file whose schema is exactly ours is read any further.
"""

from __future__ import annotations

import sqlite3

from core.received.refusal import DAMAGED, Reject, sqlite_reason
from core.storage import received as stored
from core.storage import schema
from core.storage.received import MIGRATIONS_TABLE, SchemaRow
from core.storage.schemapages import TOO_BIG, bytes_schema_problem

__all__ = ["MIGRATIONS_TABLE", "check_migration_rows", "check_schema", "check_schema_size", "reference_columns",
           "reference_schema", "schema_of"]

#: How long an applied migration's name and timestamp may be (ours are far shorter).
MAX_MIGRATION_TEXT = 200

KIND_LABELS = {"table": "хүснэгт", "index": "индекс", "view": "харагдац", "trigger": "триггер"}


def reference_schema(version: int) -> frozenset[SchemaRow]:
    """The exact schema objects a file of ``version`` holds, built by our own migrations.

    Built from ``core.storage.migrations``, so a schema version added there is covered
    without a change here.
    """
    return stored.schema_at(version)


def reference_columns(version: int) -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """Each table of ``version``: its columns as (name, declared type, NOT NULL), from our migrations."""
    return stored.columns_at(version)


SCHEMA_TOO_BIG = ("файлын бүтэц хэт том байна (Тайлан програмын файлд ийм олон эсвэл ийм урт объект байдаггүй): "
                  "илгээгчээс дахин авна уу")


def check_schema_size(data: bytes) -> None:
    """Bytes only, before SQLite parses anything: the schema table spans a few leaf pages at most,
    and no definition in it (overflow pages included) is longer than ours could be
    (``core.storage.schemapages``)."""
    problem = bytes_schema_problem(data)
    if problem == TOO_BIG:
        raise Reject(SCHEMA_TOO_BIG)
    if problem:
        raise Reject(DAMAGED)


def schema_of(conn: sqlite3.Connection) -> frozenset[SchemaRow]:
    """Every object of ``sqlite_master``, SQL text included (reading it evaluates no expression)."""
    rows = stored.schema_rows(conn)
    if len(rows) != len(set(rows)):
        raise Reject("файлын бүтцэд давхардсан объект байна: Тайлан програмын файл биш")
    return frozenset(rows)


def check_schema(conn: sqlite3.Connection, version: int) -> None:
    """Rejects any file whose schema is not exactly the one of its version, migrations table included."""
    try:
        actual = schema_of(conn)
    except sqlite3.DatabaseError as exc:
        raise Reject(sqlite_reason(exc, "файлын бүтцийг уншиж чадсангүй")) from None
    expected = reference_schema(version)
    if actual == expected:  # our own rows, all texts: equal rows are texts too
        return
    for row in actual:
        if not all(isinstance(x, str) for x in row[:3]) or not isinstance(row[3], (str, type(None))):
            raise Reject("файлын бүтэц гэмтсэн байна: Тайлан програмын файл биш")
    expected_names = {(t, n) for t, n, _, _ in expected}
    extra = [(t, n) for t, n, _, _ in actual - expected if (t, n) not in expected_names]
    changed = [(t, n) for t, n, _, _ in actual - expected if (t, n) in expected_names]
    missing = {(t, n) for t, n, _, _ in expected - actual} - set(changed)
    parts = []
    for kind in ("trigger", "view", "table", "index"):
        count = sum(1 for t, _ in extra if t == kind)
        if count:
            parts.append(f"гадны {KIND_LABELS[kind]} {count}")
    unknown = sum(1 for t, _ in extra if t not in KIND_LABELS)
    if unknown:
        parts.append(f"үл мэдэгдэх объект {unknown}")
    if changed:
        parts.append(f"өөрчилсөн объект {len(changed)}")
    if missing:
        parts.append(f"дутуу объект {len(missing)}")
    raise Reject(
        "файлын бүтэц Тайлан програмынхтай яг таарахгүй байна (" + ", ".join(parts) + "): "
        "гараар эсвэл өөр програмаар өөрчилсөн файл; илгээгчээс програмаар нь дахин гаргуулж авна уу"
    )


def check_migration_rows(conn: sqlite3.Connection, version: int) -> None:
    """The migrations applied, in order, are exactly ours up to ``version``.

    Read only after the schema matched, so the table and its index are ours.
    """
    ours = schema.migration_record(schema.SCHEMA_VERSION)
    try:
        rows = stored.migration_record_shape(conn, len(ours) + 1)
        if any(r[:4] != ("integer", "text", "text", "text") or max(r[4:]) > MAX_MIGRATION_TEXT for r in rows):
            raise Reject("файлын шинэчлэлийн бүртгэл гэмтсэн байна")
        applied = stored.applied_migrations(conn, len(rows))
    except sqlite3.DatabaseError as exc:
        raise Reject(sqlite_reason(exc, "файлын шинэчлэлийн бүртгэлийг уншиж чадсангүй")) from None
    if applied != ours[:version]:
        raise Reject("файлын шинэчлэлийн бүртгэл Тайлан програмынхтай таарахгүй байна: гараар өөрчилсөн файл")
