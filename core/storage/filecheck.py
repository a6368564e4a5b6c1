"""Is this file ours, and is it sound? Checks made before a file is trusted.

The header is read as plain bytes, so a file that is not ours is refused before
SQLite touches it; the contents are checked through a read-only connection. Nothing
here writes to the file, except the rollback of an edit a crash interrupted, which
is what SQLite itself does on any writable open.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

from core.errors import DamagedFileError, NewerFileError, NotOurFileError, TailanError
from core.storage import schema
from core.storage.schemapages import file_schema_problem

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileHeader(NamedTuple):
    """What the first 100 bytes of a file say, read without SQLite (a named tuple: made at each start in a tenth of a frozen dataclass's time)."""

    size: int
    is_sqlite: bool
    application_id: int
    user_version: int
    is_wal: bool


def read_header(path: Path) -> FileHeader:
    """Reads the SQLite header directly, so an unknown file is judged before SQLite touches it."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(100)
    except PermissionError:
        raise TailanError(f"«{path.name}» файлыг унших эрх алга. Файлын эрхийг шалгана уу.") from None
    except OSError as exc:
        raise TailanError(f"«{path.name}» файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno}).") from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return FileHeader(size, False, 0, 0, False)
    return FileHeader(
        size=size,
        is_sqlite=True,
        application_id=int.from_bytes(head[68:72], "big"),
        user_version=int.from_bytes(head[60:64], "big"),
        is_wal=head[18] == 2 or head[19] == 2,
    )


def check_header(path: Path) -> FileHeader:
    """Refuses, with a message, any file that is not a Tailan file this version can read."""
    header = read_header(path)
    if header.size == 0:
        raise NotOurFileError(f"«{path.name}» хоосон файл байна (0 байт). Зөв файлаа сонгоно уу.")
    if not header.is_sqlite:
        raise NotOurFileError(
            f"«{path.name}» нь Тайлан програмын файл биш байна. Тайлангийн (.tailan) файлаа сонгоно уу."
        )
    if header.application_id != schema.APPLICATION_ID:
        raise NotOurFileError(
            f"«{path.name}» нь өөр програмын мэдээллийн сангийн файл байна, Тайлангийн файл биш. Зөв файлаа сонгоно уу."
        )
    if header.user_version > schema.SCHEMA_VERSION:
        raise NewerFileError(
            f"«{path.name}» файлыг Тайлан програмын шинэ хувилбараар хадгалсан байна "
            f"(хувилбар {header.user_version}, энэ програм {schema.SCHEMA_VERSION} хүртэл уншина). "
            "Програмаа шинэчилнэ үү. Файлд өөрчлөлт ороогүй."
        )
    if header.is_wal:
        raise DamagedFileError(
            f"«{path.name}» файл бичигдэж дуусаагүй горимд байна; Тайлангийн файл ийм байдаггүй. Илгээгчээс дахин авна уу."
        )
    return header


def _read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (received files, read-only media)."""
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    return conn


def integrity_problems(conn: sqlite3.Connection, quick: bool = True) -> list[str]:
    """SQLite's own check of the file, empty when sound; ``quick`` does not match indexes against tables."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


def writable_location(path: Path) -> bool:
    """The file and its folder must be writable: SQLite writes its journal beside the file."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def roll_back_interrupted_edit(path: Path, size: int) -> None:
    """A power cut or a kill in the middle of an edit leaves a hot journal beside the file.

    A read-only connection cannot roll it back and refuses to read the file at all
    ("attempt to write a readonly database"), so the checks would call a sound file
    damaged. A writable connection rolls it back (the file returns to its last
    committed edit); SQLite's own locks keep it from touching the journal of a
    writer that is still running. Failures are left to the checks that follow.
    """
    if not journal_of(path).exists():
        return
    if file_schema_problem(path, size):
        return  # its schema is not ours: the checks that follow refuse it, SQLite never parses it
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass
