"""The private copy a received file is checked in, and the SHA-256 of it computed beside the checks.

SQLite never opens a received file where it lies (on a USB stick, in an e-mail
folder): its bytes are copied once into a file of our own, which nobody else can
change while it is checked, and which the consolidation keeps as the archive copy
(``core.received.verify``). The copy is made in blocks, so the memory it takes does
not grow with the file (a submission with its evidence is up to 140 MiB).
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
#: A copy at most this big is hashed at once, in the checking thread: a second thread
#: would cost more to start than hashing it (a submission without evidence is tens of KB).
HASH_AT_ONCE_BYTES = 4 * 1024 * 1024


def private_copy(path: Path, size: int, folder: Path | None) -> Path:
    """The received bytes copied into a file of our own (in ``folder``, else a private temporary folder).

    A received file that cannot be read is refused (``Reject``); a copy that cannot be
    written (a full disk at the aimag) raises ``WriteError``: it is no fault of the file."""
    try:
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="tailan-received-"))
            target = folder / "received.tailan"
        else:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f".{os.getpid()}.{os.urandom(6).hex()}.checking"
    except OSError as exc:  # our own disk, not the received file: the run stops with why
        raise friendly_write_error(exc, folder if folder is not None else Path(tempfile.gettempdir())) from None
    copied = 0
    try:
        source = open(path, "rb")
    except OSError as exc:
        raise Reject(f"файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno})") from None
    try:
        with source, open(target, "xb") as out:
            while copied <= size:
                try:
                    block = source.read(COPY_BYTES)
                except OSError as exc:
                    raise Reject(f"файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno})") from None
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
    """The SHA-256 of the checked copy, computed by a thread of its own while the checks run
    (hashing releases the interpreter's lock, so the two share the work of a large file)."""

    def __init__(self):
        self._stop = threading.Event()
        self._thread = None
        self._value: str | None = None
        self._error: OSError | None = None

    def start(self, path: Path, size: int | None = None) -> None:
        """Starts hashing ``path``; a small one (``size`` at most ``HASH_AT_ONCE_BYTES``) is hashed now."""
        if size is not None and size <= HASH_AT_ONCE_BYTES:
            self._run(path)
            return
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
