"""Checking a received file: is it a complete, untampered, finalized submission of ours?

Received files are untrusted. The file is read once, as bytes, and never opened by
SQLite on disk: the bytes are checked (size, header, application id, schema version)
and then loaded into an in-memory database (``Connection.deserialize``), where the
integrity check, the exact schema, the bounds, the finalization and the fingerprint
are checked. Whatever the file holds, it cannot change the file, run a trigger in
our process, or reach the aimag's database.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import schema, scoring
from ..errors import TailanError
from ..fingerprint import canonical_bytes, fingerprint_of
from ..model import Report
from ..filecheck import SQLITE_MAGIC
from ..storage import ReportFile

MAX_SUBMISSION_BYTES = 32 * 1024 * 1024
MAX_TEXT_CHARS = 100_000
MAX_GOALS = 1_000
MAX_MEASURES = 20_000
MAX_SIGNATORIES = 50
MAX_LOG_ROWS = 1_000_000
MIGRATIONS_TABLE = "_sqlite_migrations"


@dataclass
class Verdict:
    """The result for one file: ``ok`` and a Mongolian reason either way."""

    path: Path
    ok: bool
    reason: str
    report: Report | None = None
    sha256: str | None = None
    data: bytes | None = field(default=None, repr=False)
    #: The report's canonical serialization (what the fingerprint hashes), for the history.
    canonical: bytes | None = field(default=None, repr=False)

    def describe(self) -> str:
        return f"{self.path.name}: {'ЗӨВ' if self.ok else 'ТАТГАЛЗСАН'} — {self.reason}"


class _Reject(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_submission(path: str | Path) -> Verdict:
    """Never raises for bad input: every problem becomes a verdict with its reason."""
    path = Path(path)
    try:
        data = _read_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        report, canonical = _checked(data)
    except _Reject as exc:
        return Verdict(path, False, exc.reason)
    total = scoring.display(scoring.report_total(report), "—")
    reason = (
        f"баталгаажсан тайлан: {report.organization}, {report.year} он, {report.period.label.lower()}, "
        f"хувилбар {report.revision}, нийт дүн {total}, хурууны хээ {report.fingerprint[:16]}"
    )
    return Verdict(path, True, reason, report, digest, data, canonical)


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.exists():
            raise _Reject("файл олдсонгүй")
        if not path.is_file():
            raise _Reject("файл биш (хавтас эсвэл төхөөрөмж)")
        size = path.stat().st_size
        if size == 0:
            raise _Reject("хоосон файл (0 байт): хуулж дуусаагүй байж магадгүй")
        if size > MAX_SUBMISSION_BYTES:
            raise _Reject(f"хэт том файл ({size // (1024 * 1024)} МБ); тайлангийн файл ийм том байдаггүй")
        with open(path, "rb") as handle:
            data = handle.read(MAX_SUBMISSION_BYTES + 1)
    except OSError as exc:
        raise _Reject(f"файлыг уншиж чадсангүй ({exc.strerror})") from None
    if len(data) != size:
        raise _Reject("файл уншиж байх үед өөрчлөгдсөн")
    return data


def check_bytes(data: bytes) -> Report:
    """All checks on the bytes of a file; returns the report or raises ``_Reject``."""
    return _checked(data)[0]


def _checked(data: bytes) -> tuple[Report, bytes]:
    """``check_bytes``, also returning the canonical bytes the fingerprint was checked on."""
    if len(data) < 100 or not data.startswith(SQLITE_MAGIC):
        raise _Reject("Тайлан програмын илгээх файл биш байна (өөр төрлийн файл)")
    if int.from_bytes(data[68:72], "big") != schema.APPLICATION_ID:
        raise _Reject("өөр програмын өгөгдлийн сангийн файл байна, Тайлан програмын файл биш")
    version = int.from_bytes(data[60:64], "big")
    if version > schema.SCHEMA_VERSION:
        raise _Reject(f"Тайлан програмын шинэ хувилбараар бичсэн файл (хувилбар {version}); програмаа шинэчилнэ үү")
    if version < 1:
        raise _Reject(f"үл мэдэгдэх файлын хувилбар {version}")
    if data[18] == 2 or data[19] == 2:
        raise _Reject("WAL горимтой файл: бүрэн биш байж болзошгүй")
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages_in_header = int.from_bytes(data[28:32], "big")
    header_size_valid = data[24:28] == data[92:96]  # SQLite's own rule for trusting that count
    if (
        page_size < 512
        or len(data) % page_size
        or (header_size_valid and pages_in_header and pages_in_header * page_size != len(data))
    ):
        raise _Reject("таслагдсан файл: хуулж дуусаагүй байж магадгүй")
    conn = sqlite3.connect(":memory:")
    try:
        try:
            conn.deserialize(data)
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA query_only = ON")
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            raise _Reject(f"гэмтсэн файл ({exc})") from None
        if problems != ["ok"]:
            raise _Reject(f"гэмтсэн файл (бүрэн бүтэн байдлын шалгалт: {problems[0]})")
        if conn.execute("PRAGMA user_version").fetchone()[0] != version:
            raise _Reject("файлын толгой ба агуулга зөрж байна")
        _check_schema(conn, version)
        _check_bounds(conn)
        report = _load_single_report(conn, version)
    except UnicodeDecodeError:  # damaged text where SQLite promised UTF-8 (a name, a message)
        raise _Reject("гэмтсэн файл (текст нь UTF-8 биш)") from None
    finally:
        conn.close()
    if not report.is_final or not report.fingerprint:
        raise _Reject("баталгаажаагүй тайлан: эхлээд «Баталгаажуулах» үйлдлийг хийх ёстой")
    canonical = canonical_bytes(report)
    if fingerprint_of(canonical) != report.fingerprint:
        raise _Reject("хурууны хээ агуулгатай таарахгүй: баталгаажуулсны дараа файлыг өөрчилсөн байна")
    return report, canonical


@lru_cache(maxsize=None)
def reference_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """The exact schema objects a file of ``version`` holds, built by our own migrations."""
    from sqlite_utils import Database

    from ..migrations import migrations

    conn = sqlite3.connect(":memory:")
    try:
        names = schema.migration_names()
        stop = names[version] if version < len(names) else None
        migrations.apply(Database(conn, execute_plugins=False), stop_before=stop)
        return _schema_of(conn)
    finally:
        conn.close()


def _schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str | None]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    # the migrations table is written by sqlite-utils: compare its objects by name only
    return frozenset((t, n, tbl, None if tbl == MIGRATIONS_TABLE else sql) for t, n, tbl, sql in rows)


def _check_schema(conn: sqlite3.Connection, version: int) -> None:
    try:
        actual = _schema_of(conn)
    except sqlite3.DatabaseError as exc:
        raise _Reject(f"файлын бүтцийг уншиж чадсангүй ({exc})") from None
    expected = reference_schema(version)
    extra = sorted(f"{t} {n}" for t, n, _, _ in actual - expected)
    missing = sorted(f"{t} {n}" for t, n, _, _ in expected - actual)
    kinds = {t for t, _, _, _ in actual - expected}
    if "trigger" in kinds or "view" in kinds:
        raise _Reject(f"файлд гадны объект (trigger/view) байна: {', '.join(extra)}")
    if extra or missing:
        raise _Reject(f"файлын бүтэц Тайлангийнхтай таарахгүй (илүү: {', '.join(extra) or '—'}; дутуу: {', '.join(missing) or '—'})")
    applied = [r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY id")]
    if applied != schema.migration_names()[:version]:
        raise _Reject("файлын шилжилтийн бүртгэл буруу")
    if conn.execute("PRAGMA foreign_key_check").fetchall():
        raise _Reject("файлд холбоосгүй мөр байна (эвдэрсэн эсвэл гараар өөрчилсөн)")


def _check_bounds(conn: sqlite3.Connection) -> None:
    counts = {
        "reports": (1, 1),
        "goals": (1, MAX_GOALS),
        "measures": (1, MAX_MEASURES),
        "signatories": (0, MAX_SIGNATORIES),
        "change_log": (0, MAX_LOG_ROWS),
    }
    found = conn.execute("SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in counts)).fetchone()
    for (table, (low, high)), n in zip(counts.items(), found):
        if table == "reports" and n != 1:
            raise _Reject(f"илгээх файлд яг нэг тайлан байх ёстой, {n} байна")
        if not low <= n <= high:
            raise _Reject(f"«{table}» хүснэгтэд {n} мөр байна; хэвийн хязгаар {low}-{high}")
    text_columns = {
        "reports": ("organization", "aimag", "period", "report_date", "appendix_label", "title"),
        "goals": ("number", "text"),
        "measures": ("number", "text", "indicator", "baseline_year", "baseline_level", "target_level", "achieved"),
        "signatories": ("role", "position", "name"),
    }
    for table, columns in text_columns.items():
        lengths = ", ".join(f"max(length({c}))" for c in columns)
        types = " OR ".join(f"typeof({c}) != 'text'" for c in columns)
        row = conn.execute(f"SELECT {lengths} FROM {table}").fetchone()
        longest = max((x or 0) for x in row)
        if longest > MAX_TEXT_CHARS:
            raise _Reject(f"«{table}» хүснэгтэд хэт урт текст ({longest} тэмдэгт); хязгаар {MAX_TEXT_CHARS}")
        if conn.execute(f"SELECT count(*) FROM {table} WHERE {types}").fetchone()[0]:
            raise _Reject(f"«{table}» хүснэгтэд текст биш утга байна")


def _load_single_report(conn: sqlite3.Connection, version: int) -> Report:
    if version < 2:
        raise _Reject("баталгаажаагүй тайлан (хуучин хувилбарын файл): шинэ програмаар баталгаажуулж дахин илгээнэ үү")
    bad_types = conn.execute(
        "SELECT count(*) FROM reports WHERE typeof(revision) != 'integer' OR revision < 1"
        " OR (year IS NOT NULL AND typeof(year) != 'integer')"
        " OR (finalized_at IS NOT NULL AND typeof(finalized_at) != 'text')"
        " OR (fingerprint IS NOT NULL AND typeof(fingerprint) != 'text')"
    ).fetchone()[0]
    if bad_types:
        raise _Reject("тайлангийн толгойн утгын төрөл буруу")
    rf = ReportFile(Path("<submission>"), conn, read_only=True)
    try:
        (info,) = rf.list_reports()
        return rf.load_report(info.id)
    except (ValueError, TypeError, sqlite3.DatabaseError, TailanError) as exc:
        raise _Reject(f"тайлангийн өгөгдөл буруу ({exc})") from None
