"""Checking a received file: is it a complete, untampered, finalized submission of ours?

Received files are untrusted, and an SQLite file carries code (its schema). The
file is read once, and SQLite only ever sees our own copy of its bytes: a file of at
most ``IN_MEMORY_BYTES`` (a report without large evidence) in memory, hashed there;
a larger one copied into a private file (its SHA-256 computed by a second thread while
it is checked), opened read-only and as immutable (no journal is looked for, nothing
is written, no other program can change it while it is checked). A file with evidence
is up to ``MAX_SUBMISSION_BYTES``; the copy keeps the memory of the check independent
of its size. In order:

1. the file itself: a regular file, not empty, not too big, with no ``-journal``,
   ``-wal`` or ``-shm`` beside it (those would make the window and the
   consolidation see different contents);
2. the bytes: SQLite header, our application id, a schema version we know, whole pages;
3. the private copy opened under a deadline and limits (``core.received.limits``);
4. the schema compared exactly with ours, the migrations table included, before
   anything of the file is evaluated (``core.received.schema``);
5. only then SQLite's integrity and foreign key checks, every value bounded by type,
   length and range (``core.received.bounds``), the report loaded, its evidence bounded
   and every file's hash and type recomputed (``core.received.evidence``), finalized, and its
   fingerprint and signature recomputed.

The consolidation asks for the private copy to be made in its archive folder
(``keep_copy_in``; of a small file, its bytes as they were checked in memory) and
keeps it there under its hash: the archive copy is exactly the bytes that were
checked, and costs no second copy.

Whatever the file holds, it cannot change the file, run its expressions in our
process, stall the check past its deadline, or reach the aimag's database. Every
problem is a ``Verdict`` with a Mongolian reason, never an exception.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.errors import DamagedFileError, TailanError
from core.received.bounds import (
    MAX_GOALS,
    MAX_LOG_ROWS,
    MAX_MEASURES,
    MAX_SIGNATORIES,
    MAX_TEXT_CHARS,
    check_bounds,
    check_texts,
)
from core.received.copying import (
    IN_MEMORY_BYTES,
    Digest,
    private_copy,
    read_received,
    remove_copy,
    write_private_copy,
)
from core.received.evidence import check_received_evidence, evidence_summary
from core.received.limits import CHECK_SECONDS, SECONDS_PER_MB, limited_connection
from core.received.refusal import DAMAGED, TOO_MUCH_MEMORY, TOO_SLOW, Reject, sqlite_reason
from core.received.schema import (
    MIGRATIONS_TABLE,
    check_migration_rows,
    check_schema,
    check_schema_size,
    reference_schema,
)
from core.report import scoring
from core.report.evidence.limits import MAX_REPORT_BYTES, MB
from core.report.model import Report
from core.storage import ReportFile, schema
from core.storage.filecheck import SQLITE_MAGIC
from core.storage.received import first_integrity_problem, has_orphan_rows, schema_version
from core.trust.fingerprint import canonical_bytes, fingerprint_of
from core.trust.signing import SignatureError, check_signature

__all__ = [
    "CHECK_SECONDS", "MAX_GOALS", "MAX_LOG_ROWS", "MAX_MEASURES", "MAX_SIGNATORIES", "MAX_SUBMISSION_BYTES",
    "MAX_TEXT_CHARS", "MIGRATIONS_TABLE", "SIDE_FILE_SUFFIXES", "Verdict", "check_bytes", "check_submission",
    "reference_schema",
]

#: A report's texts (as before evidence) and its evidence at the most, and room for the pages around them.
MAX_SUBMISSION_BYTES = 32 * MB + MAX_REPORT_BYTES + 8 * MB
#: Files SQLite keeps beside a database while it is being written.
SIDE_FILE_SUFFIXES = ("-journal", "-wal", "-shm")
_Reject = Reject  # the name the fuzz tests and older callers know
#: Where a file's evidence is: links, files and their bytes (a file with none of them has no evidence to check).
EVIDENCE_TABLES = ("attachments", "attachment_files", "attachment_chunks")
TEXT_NOT_ENCODED = "гэмтсэн файл: нэг текст нь зөв кодлогдоогүй (эвдэрсэн байт); илгээгчээс дахин авна уу"


@dataclass
class Verdict:
    """The result for one file: ``ok`` and a Mongolian reason either way."""

    path: Path
    ok: bool
    reason: str
    report: Report | None = None
    sha256: str | None = None
    #: The private copy that was checked, kept for the caller (``keep_copy_in``); the caller moves or removes it.
    copy: Path | None = None
    #: The report's canonical serialization (what the fingerprint hashes), for the history.
    canonical: bytes | None = field(default=None, repr=False)
    size: int = 0
    #: The report's total as printed (``82,8``), empty when nothing is scored yet.
    total: str = ""

    def describe(self) -> str:
        """One line per file for ``tailan-cli verify``: the file, ЗӨВ or ТАТГАЛЗСАН, and the reason."""
        return f"{self.path.name}: {'ЗӨВ' if self.ok else 'ТАТГАЛЗСАН'} — {self.reason}"

    def for_the_run(self) -> Verdict:
        """The verdict as a consolidation run takes it: the report's own fields (who sent it, its
        year, revision, key and signature) without its goals and signatories, which the run never
        reads (it keeps ``canonical`` and ``total``). A worker process sends half the bytes, and
        the run reads the same shape whoever checked the file."""
        if self.report is None:
            return self
        return replace(self, report=replace(self.report, goals=[], signatories=[]))

    def discard_copy(self) -> None:
        """Removes the kept private copy (a file judged and not archived)."""
        if self.copy is not None:
            remove_copy(self.copy)
            self.copy = None


def time_allowed(size: int) -> float:
    """The deadline of a file's check: a fixed part, and time for its bytes (evidence is read whole)."""
    return CHECK_SECONDS + SECONDS_PER_MB * size / MB


def check_submission(path: str | Path, *, time_limit: float | None = None, keep_copy_in: Path | None = None,
                     own_file: bool = False) -> Verdict:
    """Never raises for bad input: every problem becomes a verdict with its reason.

    ``time_limit`` is the deadline of the whole check in seconds (default: ``time_allowed``
    for the file's size). ``keep_copy_in`` names a folder where the private copy is
    made and, when the file is good, left for the caller (``Verdict.copy``).
    ``own_file`` is for a file this process has just written and nobody else can
    change (the submission being exported): it is checked where it is, without a copy.
    The SHA-256 of the whole file is computed from the bytes in memory, or for a large file
    by a second thread while its copy is checked.
    """
    path = Path(path)
    copy = None
    digest = Digest()
    try:
        size = _check_source(path)
        limit = time_allowed(size) if time_limit is None else time_limit
        if size <= IN_MEMORY_BYTES:  # read once; hashed, kept and checked as these bytes
            data = read_received(path, size)
            sha256 = hashlib.sha256(data).hexdigest()
            report, canonical = _checked_file(data, limit)
            if keep_copy_in is not None and not own_file:  # a file refused is never written
                copy = write_private_copy(data, keep_copy_in)
        else:
            copy = path if own_file else private_copy(path, size, keep_copy_in)
            digest.start(copy)
            report, canonical = _checked_file(copy, limit)
            sha256 = digest.result()
    except BaseException as exc:  # a refusal, or our own disk failing: nothing of the check stays behind
        digest.stop()
        if copy is not None and not own_file:
            remove_copy(copy)
        if not isinstance(exc, Reject):
            raise
        return Verdict(path, False, exc.reason)
    if copy is not None and keep_copy_in is None and not own_file:
        remove_copy(copy)
    if keep_copy_in is None or own_file:
        copy = None
    total = scoring.display(scoring.report_total(report))
    reason = (
        f"баталгаажсан тайлан: {report.organization}, {report.year} он, {report.period.label.lower()}, "
        f"хувилбар {report.revision}, нийт дүн {total or '—'}, хурууны хээ {report.fingerprint[:16]}"
        + evidence_summary(report)
    )
    return Verdict(path, True, reason, report, sha256, copy, canonical, size, total)


def check_bytes(data: bytes, *, time_limit: float = CHECK_SECONDS) -> Report:
    """All checks on the bytes of a file; returns the report or raises ``Reject``."""
    if len(data) <= IN_MEMORY_BYTES:
        return _checked_file(bytes(data), time_limit)[0]
    folder = Path(tempfile.mkdtemp(prefix="tailan-check-"))
    try:
        copy = folder / "received.tailan"
        copy.write_bytes(data)
        return _checked_file(copy, time_limit)[0]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def side_files(path: Path) -> list[Path]:
    """The journal, write-ahead log or shared-memory file SQLite left beside ``path`` (a link too, even a broken one)."""
    found = []
    for suffix in SIDE_FILE_SUFFIXES:
        side = f"{path}{suffix}"
        try:
            os.lstat(side)
        except OSError:
            continue
        found.append(Path(side))
    return found


def _check_source(path: Path) -> int:
    """The received file as a file: there, regular, alone, not empty, not too big; returns its size."""
    try:
        try:
            status = os.stat(path)
        except FileNotFoundError:
            raise Reject("файл олдсонгүй") from None
        if not stat.S_ISREG(status.st_mode):
            raise Reject("файл биш (хавтас эсвэл төхөөрөмж)")
        beside = side_files(path)
        if beside:
            raise Reject(
                f"файлын хажууд «{beside[0].name}» гэсэн дуусаагүй засварын файл байна: файлыг засварлаж байх үед "
                "хуулсан тул цонхонд харагдах агуулга ба нэгтгэлд орох агуулга өөр байж болно; илгээгчээс "
                "програмаа хаасны дараа «Илгээх файл» үйлдлээр дахин гаргуулж авна уу"
            )
        size = status.st_size
    except OSError as exc:
        raise Reject(f"файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno})") from None
    if size == 0:
        raise Reject("хоосон файл (0 байт): хуулж дуусаагүй байж магадгүй")
    if size > MAX_SUBMISSION_BYTES:
        raise Reject(f"хэт том файл ({size // MB} МБ); тайлангийн файл нотлох баримттайгаа "
                     f"{MAX_SUBMISSION_BYTES // MB} МБ хүртэл байдаг")
    return size


def _check_header(data) -> int:
    """The 100-byte header, read without SQLite; returns the schema version."""
    if len(data) < 100 or data[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise Reject("Тайлан програмын файл биш байна (мэдээллийн сангийн файл ч биш)")
    if int.from_bytes(data[68:72], "big") != schema.APPLICATION_ID:
        raise Reject("өөр програмын мэдээллийн сангийн файл байна, Тайлан програмын файл биш")
    version = int.from_bytes(data[60:64], "big")
    if version > schema.SCHEMA_VERSION:
        raise Reject(f"Тайлан програмын шинэ хувилбараар бичсэн файл (хувилбар {version}); програмаа шинэчилнэ үү")
    if version < 1:
        raise Reject(f"үл мэдэгдэх файлын хувилбар {version}")
    if data[18] == 2 or data[19] == 2:
        raise Reject("файл бичигдэж дуусаагүй горимд байна (бүрэн биш байж болзошгүй); илгээгчээс дахин авна уу")
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages_in_header = int.from_bytes(data[28:32], "big")
    header_size_valid = data[24:28] == data[92:96]  # SQLite's own rule for trusting that count
    if (
        page_size < 512
        or len(data) % page_size
        or (header_size_valid and pages_in_header and pages_in_header * page_size != len(data))
    ):
        raise Reject("таслагдсан файл: хуулж дуусаагүй байж магадгүй")
    return version


def _checked_file(copy: Path | bytes, time_limit: float = CHECK_SECONDS) -> tuple[Report, bytes]:
    """All checks on the private copy (a file, or the bytes in memory); returns the report and
    the canonical bytes the fingerprint was checked on."""
    if isinstance(copy, bytes):  # _check_header refuses fewer than 100 bytes
        version, size = _check_header(copy), len(copy)
        check_schema_size(copy)
        return _checked_connection(copy, version, size, time_limit)
    try:
        with open(copy, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < 100:
                raise Reject("Тайлан програмын файл биш байна (мэдээллийн сангийн файл ч биш)")
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as pages:  # pages read on demand
                version = _check_header(pages)
                check_schema_size(pages)
    except OSError as exc:
        raise Reject(f"шалгах хуулбарыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno})") from None
    return _checked_connection(copy, version, size, time_limit)


def _checked_connection(copy: Path | bytes, version: int, size: int, time_limit: float) -> tuple[Report, bytes]:
    """The checks SQLite makes, on a private database of the copy under limits; then the fingerprint and signature."""
    try:
        conn, deadline = limited_connection(copy, time_limit)
    except sqlite3.DatabaseError as exc:
        raise Reject(sqlite_reason(exc)) from None
    except UnicodeDecodeError:  # SQLite's message quoting the damaged schema is not UTF-8
        raise Reject(DAMAGED) from None
    try:
        report = _checked_in(conn, version, deadline, size)
    except sqlite3.DatabaseError as exc:
        raise Reject(TOO_SLOW if deadline.expired else sqlite_reason(exc)) from None
    except UnicodeDecodeError:  # damaged text where SQLite promised UTF-8 (a name, a message)
        raise Reject(TEXT_NOT_ENCODED) from None
    except MemoryError:
        raise Reject(TOO_MUCH_MEMORY) from None
    except Reject as exc:
        raise Reject(TOO_SLOW if deadline.expired else exc.reason) from None
    finally:
        conn.close()
    if not report.is_final or not report.fingerprint:
        raise Reject("баталгаажаагүй тайлан: эхлээд «Баталгаажуулах» үйлдлийг хийх ёстой")
    canonical = canonical_bytes(report)
    if fingerprint_of(canonical) != report.fingerprint:
        raise Reject("хурууны хээ агуулгатай таарахгүй: баталгаажуулсны дараа файлыг өөрчилсөн байна")
    try:
        check_signature(report.public_key, report.signature, canonical)
    except SignatureError as exc:
        raise Reject(exc.message) from None
    return report, canonical


def _checked_in(conn: sqlite3.Connection, version: int, deadline: Callable[[], int], size: int) -> Report:
    """The checks inside the database, in an order that never evaluates the sender's schema.

    SQLite asks ``deadline`` every so many steps of a statement; the work done in Python
    between them (the values' quick look, the report read) asks it too, after each part."""
    check_schema(conn, version)  # first: nothing of the file is evaluated before it matches ours
    check_migration_rows(conn, version)
    problem = first_integrity_problem(conn)
    if problem != "ok":
        if problem.startswith(("CHECK constraint failed", "NULL value in")):
            check_bounds(conn, version)  # the pages are sound, a value is not: name it
        raise Reject(DAMAGED)
    if schema_version(conn) != version:
        raise Reject("файлын толгой ба агуулга зөрж байна")
    if has_orphan_rows(conn):
        raise Reject("файлд холбоосгүй мөр байна (эвдэрсэн эсвэл гараар өөрчилсөн)")
    rows = check_bounds(conn, version, size)
    if deadline():
        raise Reject(TOO_SLOW)
    report, rf = _load_single_report(conn, version)
    check_texts(report)
    if deadline():
        raise Reject(TOO_SLOW)
    if version >= 4 and any(rows.get(table) for table in EVIDENCE_TABLES):  # none of them: no evidence to check
        check_received_evidence(rf, report)
    return report


def _load_single_report(conn: sqlite3.Connection, version: int) -> tuple[Report, ReportFile]:
    if version < 3:
        raise Reject("гарын үсэггүй, хуучин хувилбарын програмаар бичсэн файл: програмаа шинэчлээд тайлангаа "
                     "засварлахаар дахин нээж, баталгаажуулж илгээнэ үү")
    rf = ReportFile(Path("<submission>"), conn, read_only=True)
    try:
        (report_id,) = rf.report_ids()
        return rf.load_report(report_id), rf
    except DamagedFileError:  # a text that is not UTF-8 (a flipped bit on an old disk)
        raise Reject(TEXT_NOT_ENCODED) from None
    except (ValueError, TypeError, KeyError, TailanError):
        raise Reject("тайлангийн өгөгдөл буруу: програмаар бичигдээгүй утга байна") from None
