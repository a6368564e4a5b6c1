"""Opening, creating, checking and upgrading a Tailan file; its transactions.

A file is checked before it is trusted (``core.storage.filecheck``): a file refused is never
created or changed. Files on read-only media open read-only with a message; an older
file is upgraded after a byte-for-byte backup copy (or in memory only, when opened
read-only); one writer per file holds an OS lock (``core.storage.filelock``).
"""

from __future__ import annotations

import datetime
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Self

from core.errors import DamagedFileError, ReadOnlyError, TailanError
from core.storage import schema
from core.storage.atomic import friendly_write_error, produce_atomically
from core.storage.filenames import shorter_stem
from core.storage.filecheck import (
    FileHeader,
    check_header,
    connect_read_only,
    roll_back_interrupted_edit,
    writable_location,
)
from core.storage.opencheck import check_contents
from core.storage.received import MIGRATIONS_TABLE
from core.storage.filelock import FileLock


class OpenFile:
    """The open connection of a ``ReportFile``, its lock, and how edits reach the disk."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, read_only_reason: str = ""):
        self.path = path
        self.conn = conn
        self._db = None
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.lock: FileLock | None = None
        self.backup_path: Path | None = None

    @property
    def db(self):
        """The sqlite-utils view of the connection, made on first use (edits, upgrades).

        Reading and printing never need it, so they never pay for importing sqlite-utils.
        """
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | os.PathLike, *, flushed_once: bool = False) -> Self:
        """Creates a new, empty Tailan file; refuses to overwrite anything.

        ``flushed_once``: a file built under a temporary name and flushed whole before its
        rename (``core.storage.atomic.produce_atomically``) is not flushed after each of its
        migrations and transactions either (``flush_only_when_closed``).
        """
        path = Path(path)
        if path.exists():
            raise TailanError(f"«{path.name}» файл аль хэдийн байна. Өөр нэр сонгоно уу.")
        if not path.parent.is_dir():
            raise TailanError(f"«{path.parent}» хавтас олдсонгүй.")
        lock = FileLock(path)
        if not lock.acquire():
            raise TailanError(f"«{path.name}» файлыг өөр цонх ашиглаж байна. Өөр нэр сонгоно уу.")
        try:
            conn = sqlite3.connect(str(path))
            try:
                cls._configure(conn)
                if flushed_once:
                    conn.execute("PRAGMA synchronous = OFF")
                write_empty_schema(conn)
            except BaseException:
                conn.close()
                raise
        except (sqlite3.Error, OSError) as exc:
            for leftover in (path, path.with_name(path.name + "-journal")):
                try:
                    leftover.unlink()
                except OSError:
                    pass
            lock.release()
            raise friendly_write_error(exc, path) from None
        except BaseException:
            lock.release()
            raise
        rf = cls(path, conn, read_only=False)
        rf.lock = lock
        return rf

    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False, read_only: bool = False) -> Self:
        """Opens a file after checking it; ``create`` makes a new file when none exists."""
        path = Path(path)
        if not path.exists():
            if create:
                return cls.create(path)
            raise TailanError(f"«{path}» файл олдсонгүй. Замаа шалгана уу.")
        if path.is_dir():
            raise TailanError(f"«{path}» нь хавтас байна, файл биш.")
        if not path.is_file():  # a device or a pipe would block reading, or never end
            raise TailanError(f"«{path}» нь энгийн файл биш (төхөөрөмж эсвэл суваг). Тайлангийн файлаа сонгоно уу.")
        header = check_header(path)
        if not read_only and writable_location(path):
            roll_back_interrupted_edit(path, header.size)
        check_contents(path, header.user_version, path.stat().st_size)
        reason = ""
        if not read_only and not writable_location(path):
            read_only = True
            reason = (
                "Файл зөвхөн уншигдах байршилд (жишээ нь түгжээтэй USB) байгаа тул зөвхөн уншихаар нээгдлээ. "
                "Засварлахын тулд компьютер руу хуулж нээнэ үү."
            )
        lock = None
        if not read_only:
            lock = FileLock(path)
            if not lock.acquire():
                read_only, lock = True, None
                reason = (
                    "Энэ файл өөр цонх эсвэл програмд засварлахаар нээлттэй байна, тиймээс зөвхөн уншихаар нээлээ. "
                    "Нөгөө цонхыг хаагаад дахин нээнэ үү."
                )
        if read_only:
            conn = connect_read_only(path)
            if header.user_version < schema.SCHEMA_VERSION:
                conn = _upgraded_memory_copy(conn)
            return cls(path, conn, read_only=True, read_only_reason=reason)
        try:
            return cls._open_for_writing(path, header, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_for_writing(cls, path: Path, header: FileHeader, lock: FileLock) -> Self:
        try:
            conn = sqlite3.connect(str(path))
        except sqlite3.Error as exc:
            raise friendly_write_error(exc, path) from None
        rf = cls(path, conn, read_only=False)
        rf.lock = lock
        try:
            cls._configure(conn)
            if header.user_version < schema.SCHEMA_VERSION:
                rf._upgrade_with_backup(header.user_version)
            rf._collect_unused_evidence()
        except TailanError:
            conn.close()
            raise
        except Exception as exc:  # a failed migration rolled back: the file keeps its old version
            conn.close()
            if isinstance(exc, (sqlite3.Error, OSError)) and not header.user_version < schema.SCHEMA_VERSION:
                raise friendly_write_error(exc, path) from None
            raise TailanError(
                f"«{path.name}» файлыг шинэ хувилбар руу шилжүүлж чадсангүй ({exc}). "
                "Файл өмнөх хэвээрээ; програмын хөгжүүлэгчдэд мэдэгдэнэ үү."
            ) from exc
        return rf

    @staticmethod
    def _configure(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA trusted_schema = OFF")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise DamagedFileError("Файлын журналын горимыг тохируулж чадсангүй.")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def _upgrade_with_backup(self, old_version: int) -> None:
        """Writes a complete backup copy first, then applies the pending migrations."""
        backup = self.path.with_name(shorter_stem(self.path.stem, f".v{old_version}-backup", self.path.suffix))
        n = 1
        while backup.exists():
            n += 1
            backup = self.path.with_name(shorter_stem(self.path.stem, f".v{old_version}-backup{n}", self.path.suffix))
        self.conn.execute("BEGIN IMMEDIATE")  # no other writer while the bytes are copied
        try:
            produce_atomically(backup, lambda temp: shutil.copyfile(self.path, temp))
        finally:
            self.conn.execute("ROLLBACK")
        schema.upgrade(self.db)
        self.backup_path = backup

    def flush_only_when_closed(self) -> None:
        """A temporary file being built (a submission) is not flushed after each of its
        transactions: it is flushed once, whole, before it is renamed to its real name
        (``core.storage.atomic.produce_atomically``), so its evidence is not written twice."""
        self.conn.execute("PRAGMA synchronous = OFF")

    def _collect_unused_evidence(self) -> None:
        """Evidence taken off a measure keeps its bytes while the window that did it may undo;
        the next writer to open the file frees them. A failure leaves them for the next time."""
        try:
            self.collect_unused_files()
        except TailanError:
            pass

    def close(self) -> None:
        """Closes the connection and releases the writer's lock, so another window or command may write the file."""
        self.conn.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The file's format version (``PRAGMA user_version``), as migrations left it."""
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self, immediate: bool = False) -> Iterator[None]:
        """One edit, one transaction: all of it reaches the disk, or none of it.

        Every public write of ``core.storage`` opens one. Nested inside another, it is a
        savepoint of the outer one, and leaves errors as they are; the outermost turns a
        failure to write (full disk, removed medium, read-only file) into one Mongolian
        ``WriteError``. ``immediate`` takes the file's write lock at once, so that what
        the transaction reads cannot change before it writes (finalizing reads, signs,
        then writes what it signed).
        """
        if self.read_only:
            raise ReadOnlyError(self.read_only_reason or "Файл зөвхөн уншихаар нээгдсэн; засварлах боломжгүй.")
        if self.conn.in_transaction:  # a savepoint: errors go up as they are, the outermost names them
            with self._savepoint():
                yield
            return
        try:
            if immediate:
                with self._immediate():
                    yield
            else:
                with self.db.atomic():
                    yield
        except sqlite3.Error as exc:
            raise friendly_write_error(exc, self.path) from None
        except OSError as exc:
            raise friendly_write_error(exc, self.path) from None

    def _immediate(self):
        self.db  # nested writes use sqlite-utils' savepoints
        return self._bracketed("BEGIN IMMEDIATE", ("ROLLBACK",), "COMMIT")

    @contextmanager
    def _bracketed(self, begin: str, undo: tuple[str, ...], end: str) -> Iterator[None]:
        """``begin``, the body, then ``end``; when the body raises, ``undo`` instead, unless the
        failure already ended the whole transaction (a full disk): nothing is left to undo then."""
        self.conn.execute(begin)
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                for statement in undo:
                    self.conn.execute(statement)
            raise
        self.conn.execute(end)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the current transaction that is undone alone when it raises.

        Unlike ``transaction`` it leaves errors as they are, so that the caller can tell
        one bad item (skipped, the rest goes on) from a disk that is full (stop).
        """
        if not self.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        with self._savepoint():
            yield

    def _savepoint(self):
        """A savepoint inside the open transaction, always under one name: SQLite releases or rolls
        back to the most recent savepoint of a name, so nested ones still pair, and the two
        statements are prepared once per connection (a new name for each, as sqlite-utils gives,
        made every savepoint a statement to compile: a tenth of merging a received file)."""
        return self._bracketed("SAVEPOINT tailan_edit",
                               ("ROLLBACK TO SAVEPOINT tailan_edit", "RELEASE SAVEPOINT tailan_edit"),
                               "RELEASE SAVEPOINT tailan_edit")

    def require_editable(self, report_id: str) -> None:
        """A finalized report is read-only until it is explicitly reopened."""
        row = self.conn.execute("SELECT finalized_at FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is not None and row[0] is not None:
            raise ReadOnlyError(
                "Тайланг баталгаажуулсан тул засах боломжгүй. Засах шаардлагатай бол "
                "«Засварлахаар дахин нээх» үйлдлийг хийнэ үү (шинэ хувилбар эхэлнэ)."
            )

    def compact(self) -> None:
        """Gives the space of deleted content back to the disk (``VACUUM``: the file rewritten whole, safely)."""
        if self.read_only:
            raise ReadOnlyError(self.read_only_reason or "Файл зөвхөн уншихаар нээгдсэн; засварлах боломжгүй.")
        try:
            self.conn.execute("VACUUM")
        except sqlite3.Error as exc:
            raise friendly_write_error(exc, self.path) from None

    # ------------------------------------------------------------------ copies
    def write_copy(self, target: str | os.PathLike) -> Path:
        """Writes a complete, self-contained copy atomically (temporary file, fsync, rename).

        ``VACUUM INTO`` includes every committed change; the temporary file is
        renamed over the target only once it is complete, so a pulled USB stick or
        a full disk never leaves a half file under the real name.
        """
        target = Path(target)
        if target.exists() and target.resolve() == self.path.resolve():
            raise TailanError("Хуулбарыг нээлттэй файлын оронд хадгалах боломжгүй. Өөр нэр сонгоно уу.")

        def vacuum_into(temp: Path) -> None:
            try:
                self.conn.execute("VACUUM INTO ?", (str(temp),))
            except sqlite3.Error as exc:
                raise friendly_write_error(exc, target) from None

        return produce_atomically(target, vacuum_into)



def write_empty_schema(conn: sqlite3.Connection) -> None:
    """Gives the new file behind ``conn`` our empty file at the latest version (SQLite's own
    backup copies its pages), its migrations recorded as applied now, in one transaction."""
    from core.storage.migrations import empty_file_image

    template = sqlite3.connect(":memory:")
    try:
        template.deserialize(empty_file_image(schema.APPLICATION_ID))
        template.backup(conn)
    finally:
        template.close()
    applied_at = str(datetime.datetime.now(datetime.timezone.utc))  # as sqlite-utils records it
    with conn:
        conn.execute(f'UPDATE "{MIGRATIONS_TABLE}" SET applied_at = ?', (applied_at,))


def _upgraded_memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An older file opened read-only is upgraded in memory; the file itself is not touched."""
    memory = sqlite3.connect(":memory:")
    try:
        conn.backup(memory)
    finally:
        conn.close()
    memory.execute("PRAGMA foreign_keys = ON")
    from sqlite_utils import Database

    schema.upgrade(Database(memory, execute_plugins=False))
    return memory


