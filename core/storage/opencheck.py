"""A file opened from disk gets the received-file checks before any of it is evaluated (issue 19).

A "template" picked up from a USB stick is as untrusted as a submission, and an SQLite
file's schema is code: a trigger on the change log can rewrite every score the officer
enters (and the officer's key then signs it); an expression index can make every edit
take seconds and hundreds of megabytes. So, before a file is opened for editing (or
read), in this order and under limits and a deadline:

1. its schema's size, read as bytes before SQLite parses it (``schemapages``);
2. its schema compared exactly with the one our migrations build for its version
   (``trusted_schema`` off, nothing evaluated: ``sqlite_master`` is only read);
3. its migrations record, SQLite's integrity check, and every value bounded by the
   type its column declares.

A file whose only difference is objects of its own (triggers, indexes, views) can be
copied clean (``make_clean_copy``): its tables are ours, so a copy without those
objects, made by Tailan, is the file as our program would have written it. The file
itself is never opened as it is, and never changed.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

from core.errors import DamagedFileError, TailanError
from core.storage import schema
from core.storage.filecheck import check_header, journal_of
from core.storage.received import (
    MIGRATIONS_TABLE,
    SchemaRow,
    applied_migrations,
    first_integrity_problem,
    schema_rows,
    tables_with_rows,
)
from core.storage.value_rules import integer_rule, text_rule, wrong_value_counts
from core.storage.schemapages import TOO_BIG, file_schema_problem

#: Seconds the checks of one file may take (linear in its size; a file still being checked then is refused).
OPEN_CHECK_SECONDS = 60.0
#: The longest value a file opened here may hold (a received report's signed content is a few MB).
MAX_VALUE_BYTES = 32 * 1024 * 1024
#: The longest text of an ordinary column (a measure's text, a name); the signed contents and the
#: change log's values are the long ones.
MAX_TEXT_BYTES = 4 * 1024 * 1024
LONG_COLUMNS = {("submissions", "content"), ("decisions", "content"), ("receipts", "content"),
                ("change_log", "old_value"), ("change_log", "new_value")}

_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: MAX_VALUE_BYTES,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 200_000,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 200,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 1,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}


class ForeignSchemaError(TailanError):
    """The file's schema is not ours. ``cleanable``: only objects were added (triggers, indexes,
    views) to tables that are exactly ours, so a clean copy can be made."""

    def __init__(self, message: str, cleanable: bool):
        super().__init__(message)
        self.cleanable = cleanable


def schema_digest(rows) -> str:
    """A short fingerprint of a schema (its objects, SQL text included), to compare without building ours."""
    text = "\n".join(repr(tuple(r)) for r in sorted(rows, key=repr))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def reference_schema(version: int) -> frozenset[SchemaRow]:
    """The schema our migrations build for ``version`` (imports the migrations: only on a mismatch)."""
    from core.storage.received import schema_at

    return schema_at(version)


def is_our_schema(rows: list[SchemaRow], version: int) -> bool:
    """Whether ``rows`` are exactly the schema of ``version``: by its frozen digest when there is
    one (no need to build it), else against the schema built by our migrations."""
    digest = schema.SCHEMA_DIGESTS.get(version)
    if digest is not None:
        return schema_digest(rows) == digest
    return frozenset(rows) == reference_schema(version) and len(rows) == len(set(rows))


def _connect(path: Path, deadline: float) -> sqlite3.Connection:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    try:
        for limit, value in _LIMITS.items():
            conn.setlimit(limit, value)
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 2_000)
        for pragma in ("trusted_schema = OFF", "query_only = ON", "cell_size_check = ON", "mmap_size = 0"):
            conn.execute(f"PRAGMA {pragma}")
    except BaseException:
        conn.close()
        raise
    return conn


def check_contents(path: Path, version: int, size: int) -> None:
    """``check_opened_file`` with SQLite's own failures said in Mongolian (nothing is changed)."""
    try:
        check_opened_file(path, version, size)
    except UnicodeDecodeError:  # a damaged page whose text is not UTF-8 (in a name or a message)
        raise DamagedFileError(
            f"«{path.name}» файл гэмтсэн байна (текст нь UTF-8 биш). Нөөц хуулбараас сэргээнэ үү."
        ) from None
    except sqlite3.DatabaseError as exc:
        if journal_of(path).exists() and "readonly" in str(exc).replace("-", "").replace(" ", "").lower():
            raise DamagedFileError(
                f"«{path.name}» файлын сүүлийн засвар тасалдсан байна (цахилгаан тасарсан эсвэл програм хаагдсан). "
                "Файлыг засварлахаар нээхэд сүүлд хадгалсан байдалд нь сэргээнэ; "
                f"зөвхөн уншигдах USB дээр бол «{journal_of(path).name}» файлтай нь хамт компьютер руу хуулж нээнэ үү."
            ) from None
        raise DamagedFileError(
            f"«{path.name}» файл гэмтсэн байна (бүтэц нь уншигдахгүй). Нөөц хуулбараас сэргээнэ үү."
        ) from None


def check_opened_file(path: Path, version: int, size: int) -> list[str]:
    """The checks above; returns the file's tables. Raises ``ForeignSchemaError`` or
    ``DamagedFileError`` (Mongolian), or ``sqlite3.DatabaseError`` for the caller to name."""
    problem = file_schema_problem(path, size)
    if problem:
        raise DamagedFileError(
            f"«{path.name}» файлын бүтэц Тайлан програмынх биш байна ("
            + ("тодорхойлолт нь хэт урт эсвэл хэт олон" if problem == TOO_BIG else "бүтэц нь гэмтсэн")
            + "). Файлыг нээсэнгүй; Тайлан програмаар үүсгэсэн файлаа ашиглана уу."
        )
    deadline = time.monotonic() + OPEN_CHECK_SECONDS
    conn = _connect(path, deadline)
    try:
        rows = schema_rows(conn)
        if not is_our_schema(rows, version):
            raise foreign_schema_error(path, rows, version)
        if applied_migrations(conn, version + 1) != schema.migration_record(schema.SCHEMA_VERSION)[:version]:
            raise DamagedFileError(f"«{path.name}» файлын шинэчлэлийн бүртгэл Тайлан програмынхтай таарахгүй байна "
                                   "(гараар өөрчилсөн файл). Нөөц хуулбараас сэргээнэ үү.")
        integrity = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if integrity != "ok":
            raise DamagedFileError(f"«{path.name}» файл гэмтсэн байна (бүрэн бүтэн байдлын шалгалт амжилтгүй). "
                                   "Нөөц хуулбараас сэргээнэ үү.")
        tables = [r[1] for r in rows if r[0] == "table"]
        _check_values(conn, path, tables)
        return tables
    except sqlite3.DatabaseError:
        if time.monotonic() > deadline:
            raise DamagedFileError(f"«{path.name}» файлыг шалгах хэт удаан үргэлжилсэн: хэвийн Тайлан файл биш байна. "
                                   "Файлыг нээсэнгүй.") from None
        raise
    finally:
        conn.close()


def _check_values(conn: sqlite3.Connection, path: Path, tables: list[str]) -> None:
    """Every value of the type its column declares, and no longer than a file of ours holds.

    An empty table (most of them in a soum's file) has no value to check, nor columns to ask for.
    """
    for table in tables_with_rows(conn, [t for t in tables if t not in ("sqlite_sequence", MIGRATIONS_TABLE)]):
        checks = []
        for _, column, declared, not_null, _, _ in conn.execute(f'PRAGMA table_info("{table}")').fetchall():
            declared = declared.upper()
            if "INT" in declared:
                rule = integer_rule(-(2 ** 63), 2 ** 63 - 1, "бүхэл тоо")
            elif "TEXT" in declared:
                limit = MAX_VALUE_BYTES if (table, column) in LONG_COLUMNS else MAX_TEXT_BYTES
                rule = text_rule(limit, "хэт урт текст", "текст")
            else:
                continue
            checks += [(column, bool(not_null), condition, what) for condition, what in rule.wrong]
        if not checks:
            continue
        found = wrong_value_counts(conn, table, [c[:3] for c in checks])
        for (column, _, _, what), count in zip(checks, found):
            if count:
                raise DamagedFileError(
                    f"«{path.name}» файлын «{table}.{column}» талбарт Тайлан програм бичдэггүй утга байна ({count} мөрөнд; "
                    f"байх ёстой нь: {what}). Файлыг нээсэнгүй; нөөц хуулбараас сэргээнэ үү."
                )


def foreign_schema_error(path: Path, rows: list[SchemaRow], version: int) -> ForeignSchemaError:
    """What differs from our schema, said; whether a clean copy can be made of the rest."""
    ours = reference_schema(version)
    actual = set(rows)
    names = {(t, n) for t, n, _, _ in ours}
    extra = [r for r in actual - ours if (r[0], r[1]) not in names]
    changed = [r for r in actual - ours if (r[0], r[1]) in names]
    missing = {(t, n) for t, n, _, _ in ours - actual} - {(r[0], r[1]) for r in changed}
    labels = {"trigger": "триггер", "index": "индекс", "view": "харагдац", "table": "хүснэгт"}
    parts = [f"гадны {labels.get(kind, 'объект')} {sum(1 for r in extra if r[0] == kind)}"
             for kind in ("trigger", "index", "view", "table") if any(r[0] == kind for r in extra)]
    if changed:
        parts.append(f"өөрчилсөн объект {len(changed)}")
    if missing:
        parts.append(f"дутуу объект {len(missing)}")
    cleanable = (not changed and not missing and len(rows) == len(actual)
                 and all(r[0] in ("trigger", "index", "view") for r in extra))
    what = ", ".join(parts) or "давхардсан объект"
    advice = ("Тайлан програм үүнээс зөвхөн өөрийн хүснэгтүүдтэй цэвэр хуулбар гаргаж болно (цонхноос нээхэд асууна; "
              f"эсвэл tailan-cli clean-copy «{path.name}» -o ШИНЭ.tailan)." if cleanable
              else "Тайлан програмаар үүсгэсэн файлаа ашиглана уу.")
    return ForeignSchemaError(
        f"«{path.name}» файлд Тайлан програмынх биш бүтэц байна ({what}): гараар эсвэл өөр програмаар өөрчилсөн, "
        f"хортой байж болзошгүй тул файлыг нээсэнгүй. {advice}",
        cleanable,
    )


def make_clean_copy(source: str | Path, target: str | Path) -> Path:
    """A copy of ``source`` without the objects it added to our schema, made by Tailan, at ``target``
    (a new file: never over an existing one). ``source`` is never changed; refuses (with
    ``ForeignSchemaError``) a file whose own tables differ from ours."""
    from core.storage.atomic import produce_atomically
    from core.storage.replacing import place_new_file

    source, target = Path(source), Path(target)
    header = check_header(source)
    if file_schema_problem(source, header.size):
        raise DamagedFileError(f"«{source.name}» файлын бүтэц Тайлан програмынх биш байна; цэвэр хуулбар гаргах "
                               "боломжгүй.")
    if target.exists():
        raise TailanError(f"«{target.name}» нэртэй файл аль хэдийн байна. Өөр нэр сонгоно уу.")
    deadline = time.monotonic() + OPEN_CHECK_SECONDS
    disk = _connect(source, deadline)
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        rows = schema_rows(disk)
        if is_our_schema(rows, header.user_version):
            raise TailanError(f"«{source.name}» файлын бүтэц аль хэдийн Тайлан програмынх; цэвэр хуулбар хэрэггүй.")
        error = foreign_schema_error(source, rows, header.user_version)
        if not error.cleanable:
            raise error
        disk.backup(memory)  # pages copied as they are: nothing of the schema is evaluated
        memory.execute("PRAGMA trusted_schema = OFF")
        ours = {(t, n) for t, n, _, _ in reference_schema(header.user_version)}
        for kind, name, _, _ in rows:
            if (kind, name) not in ours:
                memory.execute(f'DROP {kind.upper()} IF EXISTS "{name.replace(chr(34), chr(34) * 2)}"')
        if not is_our_schema(schema_rows(memory), header.user_version):
            raise error
        if first_integrity_problem(memory) != "ok":
            raise DamagedFileError(f"«{source.name}» файл гэмтсэн байна; цэвэр хуулбар гаргах боломжгүй.")

        def vacuum_into(temp: Path) -> None:
            memory.execute("VACUUM INTO ?", (str(temp),))

        partial = target.with_name(f".{target.name}.clean.partial")
        produce_atomically(partial, vacuum_into)
    finally:
        disk.close()
        memory.close()
    try:
        check_opened_file(partial, header.user_version, partial.stat().st_size)
        place_new_file(partial, target, replace=False)
    finally:
        if partial.exists():
            partial.unlink()
    return target
