"""Shared fixtures: real files on disk, the reference sample, and real read-only media.

Qt must run offscreen in tests: without a display the whole pytest process would
abort, so the platform is set before anything imports PySide6.

Two settings keep the default run quick (``make test`` stays under 45 s on two cores)
without changing what any test does:

- the tests' files are written in RAM (``/dev/shm``, a tmpfs) when the machine has RAM
  to spare and ``TMPDIR`` was not chosen: they are the same real SQLite files, PDFs and
  folders, but every ``fsync`` of ``synchronous=FULL`` costs nothing there, where on a
  busy shared disk it made the tests wait for seconds. ``tmp_path_retention_policy =
  "failed"`` (pyproject.toml) keeps only the folders of failed tests. The crash test,
  whose subject is a kill inside a commit, keeps its file on the disk (``disk_path``);
- Python's bytecode is cached in ``__pycache__`` (ignored by git) even where the
  environment says ``PYTHONDONTWRITEBYTECODE``: otherwise both workers and every child
  process (the crash child, the screen checks, the self-test) compile every module
  again, and pytest rewrites every test module's asserts again in each run.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

RAM_FOLDER = "/dev/shm"
RAM_NEEDED = 1 << 30  # a whole run writes ~200 MB; a container's 64 MB /dev/shm is left alone


def _scratch_in_ram() -> None:
    if os.environ.get("TMPDIR") or not os.path.isdir(RAM_FOLDER) or not os.access(RAM_FOLDER, os.W_OK):
        return
    try:
        stat = os.statvfs(RAM_FOLDER)
    except OSError:
        return
    if stat.f_bavail * stat.f_frsize >= RAM_NEEDED:
        os.environ["TMPDIR"] = RAM_FOLDER  # for the child processes too
        tempfile.tempdir = None  # read TMPDIR again


DISK_TEMP = tempfile.gettempdir()  # before the switch: the crash test wants the disk's timing
_scratch_in_ram()
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keys and settings made while modules and module-scoped fixtures load (before the
# per-test folder below exists) must not land in the real user's data folder either.
os.environ["TAILAN_DATA_DIR"] = tempfile.mkdtemp(prefix="tailan-test-data-")
atexit.register(shutil.rmtree, os.environ["TAILAN_DATA_DIR"], True)

from helpers import SAMPLE_TXT  # noqa: E402


@pytest.fixture(autouse=True)
def _user_data_in_tmp(tmp_path_factory, monkeypatch):
    """No test may write into the real user's data folder."""
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(autouse=True)
def _no_workers_kept_between_tests():
    """A consolidation keeps its worker processes for the next run (``core.aimag.checking``); a test
    leaves none to the next test, which starts from a program that has not consolidated yet."""
    yield
    checking = sys.modules.get("core.aimag.checking")
    if checking is not None:
        checking.end_kept_workers()


@pytest.fixture
def disk_path():
    """A folder on the disk, not in RAM: for the tests whose subject is the disk's timing (a process
    killed inside a commit: a commit that syncs to a disk takes long enough to be hit often)."""
    path = Path(tempfile.mkdtemp(prefix="tailan-disk-", dir=DISK_TEMP))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def _sample_once(tmp_path_factory):
    """The sample imported once per run (and worker), and a file holding it."""
    from core.storage import ReportFile
    from core.tables.textimport import import_file

    report = import_file(SAMPLE_TXT).report
    report.aimag = "Өвөрхангай"
    path = tmp_path_factory.mktemp("sample-once") / "sample.tailan"
    with ReportFile.create(path) as rf:
        rf.add_report(report)
    return report, path


@pytest.fixture
def sample_report(_sample_once):
    """The imported sample: a copy of its own for each test (the same identities as ``sample_file``)."""
    return copy.deepcopy(_sample_once[0])


@pytest.fixture
def sample_file(tmp_path, _sample_once):
    """A real Tailan file on disk holding the imported sample (a copy for each test)."""
    path = tmp_path / "sample.tailan"
    shutil.copyfile(_sample_once[1], path)
    return path


@pytest.fixture
def open_files():
    """Collects ReportFiles a test opens and closes them all (open files break cleanup)."""
    opened = []
    yield opened
    for rf in opened:
        with contextlib.suppress(Exception):
            rf.close()
