"""Test helpers: the sample's location, file digests, the CLI as a process, read-only media."""

from __future__ import annotations

import contextlib
import hashlib
import io
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


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, process: bool = False) -> subprocess.CompletedProcess:
    """Runs tailan-cli as a user would, and gives its exit code, stdout and stderr as bytes.

    By default the command runs inside this test process (``core.cli.main`` with the
    standard streams and the working folder swapped), which costs a few milliseconds
    instead of a new interpreter's import time. ``process=True`` runs it as a separate
    process: for what only a process shows (its own file lock, its memory, a kill, the
    interpreter's encoding), and ``TAILAN_TEST_CLI=process`` makes every call one, so the
    whole suite can be run the slow way too.
    """
    argv = [str(a) for a in args]
    if process or os.environ.get("TAILAN_TEST_CLI") == "process":
        return subprocess.run(
            [sys.executable, "-m", "core.cli", *argv],
            input=stdin,
            capture_output=True,
            cwd=cwd or REPO,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            timeout=120,
        )
    return _run_cli_in_process(argv, stdin, cwd or REPO)


def _run_cli_in_process(argv: list[str], stdin: bytes | None, cwd: Path) -> subprocess.CompletedProcess:
    """``core.cli.main(argv)`` with fresh byte streams, as ``python -m core.cli`` would see them."""
    from core.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help, usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        return subprocess.CompletedProcess(["tailan-cli", *argv], code, out.getvalue(), err.getvalue())
    finally:
        for wrapper in (sys.stdin, sys.stdout, sys.stderr):
            wrapper.detach()
        sys.stdin, sys.stdout, sys.stderr = streams
        os.chdir(previous)


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


def as_schema_4(path: Path) -> None:
    """Makes a file of ours what schema 4 (before the year, issue 21) wrote: migration 0005's tables and
    columns taken away, the period's CHECK as migration 0001 wrote it, the record and version set back."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        for table in ("kept_calls", "aimag_calls"):
            conn.execute(f"DROP TABLE {table}")
        for column in ("origin", "due", "responsible"):
            conn.execute(f"ALTER TABLE measures DROP COLUMN {column}")
        conn.execute("ALTER TABLE decisions DROP COLUMN answer")
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = 'reports'",
                     ("CHECK (period IN ('annual', 'half-year', 'plan'))", "CHECK (period IN ('annual', 'half-year'))"))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_year'")
        conn.execute("PRAGMA user_version = 4")
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()
