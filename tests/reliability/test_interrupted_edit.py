"""A power cut in the middle of an edit leaves a hot journal: the file must open, not be called damaged.

Found by the crash test: with a hot journal beside the file, ``ReportFile.open``'s
read-only check connection could not read the file ("attempt to write a readonly
database") and the user was told the file was damaged and to restore a backup.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from helpers import digest, run_cli

from core.errors import DamagedFileError
from core.storage import ReportFile

HALF_EDIT = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before the commit
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE measures SET achieved = ?", ("Ө" * 20000,))
conn.execute("INSERT INTO change_log (at, item_kind, item_id, field) VALUES ('x', 'measure', 'x', 'achieved')")
os._exit(0)  # the process dies: no commit, no rollback, the journal stays hot
"""


def half_edited(path):
    subprocess.run([sys.executable, "-c", HALF_EDIT, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    return journal


def achieved(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT achieved FROM measures ORDER BY id").fetchall()
    finally:
        conn.close()


def test_open_rolls_back_an_interrupted_edit(sample_file):
    before = achieved(sample_file)
    journal = half_edited(sample_file)
    with ReportFile.open(sample_file) as rf:
        assert not rf.read_only
        assert [r[0] for r in rf.conn.execute("PRAGMA integrity_check")] == ["ok"]
        assert rf.conn.execute("SELECT count(*) FROM change_log WHERE at = 'x'").fetchone()[0] == 0
    assert not journal.exists()
    assert achieved(sample_file) == before


def test_read_only_open_of_an_interrupted_edit_says_what_to_do(sample_file):
    half_edited(sample_file)
    before = digest(sample_file)
    with pytest.raises(DamagedFileError) as caught:
        ReportFile.open(sample_file, read_only=True)
    assert "тасалдсан" in caught.value.message and "Нөөц хуулбараас" not in caught.value.message
    result = run_cli("show", sample_file)
    assert result.returncode == 2 and "тасалдсан" in result.stderr.decode()
    assert digest(sample_file) == before
    assert run_cli("set", sample_file, "--measure", "6.1", "--score", "100").returncode == 0  # an edit restores it
    assert run_cli("show", sample_file).returncode == 0
