"""Shared fixtures: real files on disk, the reference sample, and real read-only media.

Qt must run offscreen in tests: without a display the whole pytest process would
abort, so the platform is set before anything imports PySide6.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keys and settings made while modules and module-scoped fixtures load (before the
# per-test folder below exists) must not land in the real user's data folder either.
os.environ["TAILAN_DATA_DIR"] = tempfile.mkdtemp(prefix="tailan-test-data-")

from helpers import SAMPLE_TXT  # noqa: E402


@pytest.fixture(autouse=True)
def _user_data_in_tmp(tmp_path_factory, monkeypatch):
    """No test may write into the real user's data folder."""
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def sample_report():
    from core.tables.textimport import import_file

    report = import_file(SAMPLE_TXT).report
    report.aimag = "Өвөрхангай"
    return report


@pytest.fixture
def sample_file(tmp_path, sample_report):
    """A real Tailan file on disk holding the imported sample."""
    from core.storage import ReportFile

    path = tmp_path / "sample.tailan"
    with ReportFile.create(path) as rf:
        rf.add_report(sample_report)
    return path


@pytest.fixture
def open_files():
    """Collects ReportFiles a test opens and closes them all (open files break cleanup)."""
    opened = []
    yield opened
    for rf in opened:
        with contextlib.suppress(Exception):
            rf.close()
