"""Writing files that leave the program: complete under their name, or not there at all.

Every file Tailan writes for the user (a PDF, a submission, a copy, a backup, a CSV)
is written to a temporary ``.NAME.PID.RANDOM.partial`` file in the target's folder,
flushed to disk, and only then renamed over the target; the folder is flushed too.
A full disk, a read-only or pulled USB stick or a power cut leaves the old file (or
nothing) under the real name, never half a file that looks complete.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import sys
from pathlib import Path
from typing import Callable

from core.errors import WriteError


def partial_path(target: Path) -> Path:
    """A temporary name beside ``target`` (same folder, so the rename is atomic), hidden and unique per process;
    for a target whose own name is long, a digest of it, so the temporary name stays within 255 bytes."""
    name = target.name
    if len(name.encode("utf-8")) > 200:
        name = hashlib.sha256(name.encode("utf-8")).hexdigest()[:24]
    return target.with_name(f".{name}.{os.getpid()}.{os.urandom(4).hex()}.partial")


def fsync_dir(folder: Path) -> None:
    """Makes a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@functools.cache
def _syncfs():
    """Linux's ``syncfs`` from the C library, or ``None`` where the system has no such call
    (looked up at the first use: ``ctypes`` is not imported by every process that writes)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        call = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int]
    return call


def can_sync_file_system() -> bool:
    """Whether ``sync_file_system`` flushes a whole file system in one call here (Linux)."""
    return _syncfs() is not None


def sync_file_system(folder: Path) -> None:
    """Every file written and renamed on ``folder``'s file system reaches the disk, in one call
    (Linux ``syncfs``): for a batch of files, one wait for the disk instead of one per file.
    Raises ``OSError`` when the disk reports a failed write; only where ``can_sync_file_system``."""
    call = _syncfs()
    assert call is not None
    fd = os.open(folder, os.O_RDONLY)
    try:
        if call(fd) != 0:
            import ctypes

            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), str(folder))
    finally:
        os.close(fd)


def check_target(target: Path) -> None:
    """Refuses, in Mongolian, a target that is a folder or whose folder is gone, before anything is written."""
    if target.is_dir():
        raise WriteError(f"«{target}» нь хавтас байна. Файлын нэрийг бичнэ үү.")
    if not target.parent.is_dir():
        raise WriteError(f"«{target.parent}» хавтас олдсонгүй. Байгаа хавтас сонгоно уу (USB-ээ шалгана уу).")


def produce_atomically(target: str | os.PathLike, produce: Callable[[Path], None]) -> Path:
    """``produce(temp)`` writes the temporary file; it becomes ``target`` only once complete."""
    target = Path(target)
    check_target(target)
    temp = partial_path(target)
    try:
        produce(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise friendly_write_error(exc, target) from None
    except WriteError as exc:  # said about the temporary file: the user knows only the target
        raise WriteError(exc.message.replace(str(temp), str(target)).replace(temp.name, target.name)) from None
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass
    return target


def write_bytes_atomically(target: str | os.PathLike, data: bytes) -> Path:
    """Writes ``data`` to ``target`` whole or not at all; the file gets the user's usual permissions."""
    def produce(temp: Path) -> None:
        # os.open with 0o666 (not mkstemp's 0o600): the file gets the user's usual permissions
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)

    return produce_atomically(target, produce)


def create_exclusively(target: str | os.PathLike, data: bytes, mode: int = 0o600) -> bool:
    """Writes ``data`` as a new file ``target`` only if no file has that name: ``False`` (nothing
    written) when one is there, also when another process made it a moment ago.

    The bytes go to a temporary file, flushed to disk, which is then linked under the
    name (a link, unlike a rename, never replaces); Windows' rename refuses an existing
    name too. Two processes making the same file at once: one wins, the other reads it.
    """
    target = Path(target)
    temp = partial_path(target)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "nt":
            try:
                os.rename(temp, target)
            except FileExistsError:
                return False
        else:
            try:
                os.link(temp, target)
            except FileExistsError:
                return False
            except OSError:  # a file system without hard links (a FAT USB stick): exclusive, if not atomic
                try:
                    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
                except FileExistsError:
                    return False
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
        fsync_dir(target.parent)
        return True
    except OSError as exc:
        raise friendly_write_error(exc, target) from None
    finally:
        try:
            temp.unlink()
        except OSError:
            pass


def friendly_write_error(exc: BaseException, path: Path) -> WriteError:
    """One short Mongolian sentence for what went wrong while writing, and what to do."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or "full" in text:
        return WriteError(
            "Диск дүүрсэн тул хадгалж чадсангүй. Зай чөлөөлөөд эсвэл өөр диск сонгоод дахин оролдоно уу. "
            "Өмнөх өгөгдөл хэвээр."
        )
    if (
        "readonly" in text
        or "read-only" in text
        or isinstance(exc, PermissionError)
        or code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or (path.parent.is_dir() and not os.access(path.parent, os.W_OK))
    ):
        return WriteError(
            f"«{path.parent}» хавтаст бичих эрхгүй (эсвэл зөвхөн уншигдах диск). "
            "USB-ийн түгжээг тайлах эсвэл өөр хавтас сонгоно уу; нээлттэй байгаа файлыг хаагаад дахин оролдоно уу."
        )
    if "locked" in text or "busy" in text:
        return WriteError("Файлыг өөр цонх эсвэл програм ашиглаж байна. Түүнийг хаагаад дахин оролдоно уу.")
    # the system's and SQLite's own words are English: the user gets ours, and the error number
    detail = f"алдааны код {code}" if code else "диск эсвэл USB-д бичих үед алдаа гарлаа"
    return WriteError(f"«{path}» руу бичиж чадсангүй ({detail}). Диск, USB-ээ шалгаад дахин оролдоно уу. "
                      "Өмнөх өгөгдөл хэвээр.")
