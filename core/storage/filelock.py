"""One writer per file: a lock held by the process that edits a Tailan file.

A second window (or ``tailan-cli set`` while the window is open) must not write the
same file: each would overwrite the other's edits from a stale copy in memory. The
lock is an operating-system lock (``flock`` / ``LockFileEx``) on a small file in the
user's data folder, named after the Tailan file's full path, so nothing is left
beside the user's file or on a USB stick, and a crashed process never leaves a lock
behind: the system releases it with the process.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from core.errors import TailanError
from core.paths import user_data_dir


class LockUnavailable(TailanError):
    """No lock can be made (the data folder cannot be written): editing is refused, never allowed unguarded."""


def lock_path_for(path: Path) -> Path:
    """The lock file of a Tailan file: in the user's data folder, named by the full path, never beside the file."""
    key = os.path.normcase(str(Path(path).resolve()))
    return user_data_dir() / "locks" / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".lock")


class FileLock:
    """Non-blocking exclusive lock; ``acquire()`` says whether this process got it."""

    def __init__(self, path: Path):
        self.lock_path = lock_path_for(path)
        self._handle = None

    def acquire(self) -> bool:
        """Never waits: ``False`` when another process holds the file.

        Raises ``LockUnavailable`` when no lock can be made at all (a read-only profile, a
        file where the locks folder should be): without a lock two writers could overwrite
        each other's edits, so the file is not opened for writing.
        """
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "a+b")
        except OSError as exc:
            raise LockUnavailable(
                f"Файлын түгжээг үүсгэж чадсангүй («{self.lock_path.parent}», системийн алдааны дугаар {exc.errno}): "
                "хоёр цонх нэг файлыг зэрэг засахаас хамгаалж чадахгүй тул засварлахаар нээсэнгүй. Хэрэглэгчийн "
                "өгөгдлийн хавтсанд бичих эрхийг шалгана уу; файлыг зөвхөн уншихаар нээж болно."
            ) from None
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        """Lets another process write the file; safe to call when the lock is not held."""
        if self._handle is None:
            return
        try:
            if os.name == "nt":
                import msvcrt

                self._handle.seek(0)
                msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
        except OSError:
            pass
        finally:
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        """Whether this process holds the lock now (not whether another one does)."""
        return self._handle is not None
