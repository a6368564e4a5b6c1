"""Text that is not UTF-8 inside a file (a flipped bit on an old disk): a message, never a traceback.

Found by fuzzing: ``check_bytes`` let ``UnicodeDecodeError`` escape from SQLite's
own messages, and ``tailan-cli show``/``set`` and the window's open ended in an
internal error on a text cell that is not UTF-8.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from generate import submission_file
from helpers import digest, run_cli

from core.errors import DamagedFileError
from core.received import verify
from core.storage import ReportFile


@pytest.fixture
def good(tmp_path):
    return submission_file(tmp_path, "Текст сум", measures=4, seed=2)


def bad_cell(source, target):
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    conn.execute("UPDATE measures SET achieved = CAST(X'80FF41' AS TEXT) WHERE rowid = 1")
    conn.commit()
    conn.close()
    return target


def test_text_cell_not_utf8(good, tmp_path):
    path = bad_cell(good, tmp_path / "cell.tailan")
    before = digest(path)
    with ReportFile.open(path, read_only=True) as rf:
        with pytest.raises(DamagedFileError):
            rf.load_report(rf.resolve_report_id(None))
    for args in (("show", path), ("set", path, "--measure", "1.1", "--score", "100"), ("verify", path)):
        result = run_cli(*args)
        assert result.returncode == 2, result.stderr.decode()
        # verify speaks to the reviewer without English; opening a file names the encoding
        expected = "зөв кодлогдоогүй" if args[0] == "verify" else "UTF-8"
        assert expected in result.stderr.decode() + result.stdout.decode()
        assert "Traceback" not in result.stderr.decode()
    assert digest(path) == before


def test_page_bytes_not_utf8_are_rejected(good, tmp_path):
    data = bytearray(good.read_bytes())
    at = data.index(b"CREATE TABLE reports") + len("CREATE TABLE ")
    data[at] = 0x80  # the schema's own text is no longer UTF-8
    with pytest.raises(verify._Reject):
        verify.check_bytes(bytes(data))
    path = tmp_path / "page.tailan"
    path.write_bytes(bytes(data))
    result = run_cli("show", path)
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
    assert "дотоод алдаа" not in result.stderr.decode(), result.stderr.decode()
