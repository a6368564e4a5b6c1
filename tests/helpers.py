"""Test helpers: the sample's location, file digests, the CLI as a process, read-only media."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_TXT = REPO / "resources" / "sample" / "000_09351593bdc28142.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Runs tailan-cli as a separate process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


@contextlib.contextmanager
def read_only_folder(base: Path, files: dict[str, Path]):
    """A folder whose files cannot be written, like a locked USB stick.

    As root permission bits are ignored, so a small tmpfs is mounted and remounted
    read-only; otherwise the folder is simply made read-only.
    """
    folder = base / "ro"
    folder.mkdir()
    if os.geteuid() == 0:
        if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], capture_output=True
        ).returncode:
            pytest.skip("cannot mount a tmpfs for a read-only medium")
        try:
            for name, source in files.items():
                shutil.copyfile(source, folder / name)
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
    else:
        for name, source in files.items():
            shutil.copyfile(source, folder / name)
            os.chmod(folder / name, 0o444)
        os.chmod(folder, 0o555)
        try:
            yield folder
        finally:
            os.chmod(folder, 0o755)


def load_any_report(path: Path):
    """The report of a file as it is, whatever the received-file checks would say of it
    (to build hostile variants of a good submission)."""
    import sqlite3

    from core.storage import ReportFile

    conn = sqlite3.connect(path)
    try:
        rf = ReportFile(path, conn, read_only=True)
        return rf.load_report(rf.list_reports()[0].id)
    finally:
        conn.close()
