"""The private copy a received file is checked in, and the SHA-256 of it computed beside the checks.

SQLite never opens a received file where it lies (on a USB stick, in an e-mail
folder). A file of at most ``IN_MEMORY_BYTES`` (a report without large evidence) is
read once into memory: its bytes are hashed, checked there, and, for the consolidation,
written as the archive copy (``core.received.verify``). A larger one is copied once into
a file of our own, in blocks, so the memory it takes does not grow with the file (a
submission with its evidence is up to 140 MiB); nobody else can change that copy while
it is checked, and the consolidation keeps it as the archive copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

from core.received.refusal import Reject
from core.storage.atomic import friendly_write_error

#: Bytes read at a time while a received file is copied or hashed.
COPY_BYTES = 1024 * 1024
#: A received file at most this big is read once and checked in memory (``read_received``):
#: no copy to write and read again, no file for SQLite to open (measured: a fifth of a check).
#: A submission without evidence is a few hundred KB.
IN_MEMORY_BYTES = 4 * 1024 * 1024


def _unreadable(exc: OSError) -> Reject:
    return Reject(f"файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno})")


def read_received(path: Path, size: int) -> bytes:
    """The received file's bytes, read once (``size`` as looked at before; a file that is
    longer or shorter now was changed while it was read, and is refused)."""
    try:
        with open(path, "rb") as source:
            data = source.read(size + 1)
    except OSError as exc:
        raise _unreadable(exc) from None
    if len(data) != size:
        raise Reject("файл уншиж байх үед өөрчлөгдсөн")
    return data


def _private_target(folder: Path | None) -> Path:
    """A new name for a private copy: in ``folder`` (hidden, unique), else in a private temporary folder."""
    try:
        if folder is None:
            return Path(tempfile.mkdtemp(prefix="tailan-received-")) / "received.tailan"
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
        return folder / f".{os.getpid()}.{os.urandom(6).hex()}.checking"
    except OSError as exc:  # our own disk, not the received file: the run stops with why
        raise friendly_write_error(exc, folder if folder is not None else Path(tempfile.gettempdir())) from None


def write_private_copy(data: bytes, folder: Path | None) -> Path:
    """``data`` (the bytes that were checked) written as a private copy in ``folder``; a copy
    that cannot be written (a full disk at the aimag) raises ``WriteError``."""
    target = _private_target(folder)
    try:
        with open(target, "xb") as out:
            out.write(data)
    except OSError as exc:
        remove_copy(target)
        raise friendly_write_error(exc, target) from None
    return target


def private_copy(path: Path, size: int, folder: Path | None) -> Path:
    """The received bytes copied into a file of our own (in ``folder``, else a private temporary folder).

    A received file that cannot be read is refused (``Reject``); a copy that cannot be
    written (a full disk at the aimag) raises ``WriteError``: it is no fault of the file."""
    target = _private_target(folder)
    copied = 0
    try:
        source = open(path, "rb")
    except OSError as exc:
        remove_copy(target)
        raise _unreadable(exc) from None
    try:
        with source, open(target, "xb") as out:
            while copied <= size:
                try:
                    block = source.read(COPY_BYTES)
                except OSError as exc:
                    raise _unreadable(exc) from None
                if not block:
                    break
                copied += len(block)
                out.write(block)
    except OSError as exc:  # a full disk here is ours, not the sender's: a write error, not a refusal
        remove_copy(target)
        raise friendly_write_error(exc, target) from None
    except Reject:
        remove_copy(target)
        raise
    if copied != size:
        remove_copy(target)
        raise Reject("файл уншиж байх үед өөрчлөгдсөн")
    return target


class Digest:
    """The SHA-256 of the checked copy of a large file, computed by a thread of its own while the
    checks run (hashing releases the interpreter's lock, so the two share the work)."""

    def __init__(self):
        self._stop = threading.Event()
        self._thread = None
        self._value: str | None = None
        self._error: OSError | None = None

    def start(self, path: Path) -> None:
        """Starts hashing ``path``."""
        self._thread = threading.Thread(target=self._run, args=(path,), name="digest", daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as handle:
                while not self._stop.is_set() and (block := handle.read(COPY_BYTES)):
                    digest.update(block)
        except OSError as exc:
            self._error = exc
            return
        self._value = digest.hexdigest()

    def result(self) -> str:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None or self._value is None:
            raise Reject("шалгах хуулбарыг уншиж чадсангүй")
        return self._value

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def remove_copy(copy: Path) -> None:
    """Removes a private copy, and the temporary folder it was made in."""
    try:
        copy.unlink()
    except OSError:
        pass
    if copy.parent.name.startswith("tailan-received-"):
        shutil.rmtree(copy.parent, ignore_errors=True)
