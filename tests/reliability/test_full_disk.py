"""Full disks and failing writes: an edit, an import, a submission export and a consolidation.

A tiny tmpfs filled to the last page (root only; skipped otherwise) stands for a
full disk or USB stick; ``RLIMIT_FSIZE`` with SIGXFSZ ignored makes the writes of a
``tailan-cli`` process fail with EFBIG. Each failure must give a clear Mongolian
message, leave the files as they were (and sound), and the same open file must work
again once there is space.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest
from figures import record
from generate import submission_file
from helpers import REPO, SAMPLE_TXT, digest, run_cli

from core.errors import WriteError
from core.storage import ReportFile

FULL = "Диск дүүрсэн"
BIG = "ө" * 300_000
FIGURES: dict[str, str] = {}


@contextlib.contextmanager
def tiny_disk(folder, size="4m"):
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tiny tmpfs")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder):
    """Fills the disk to the last byte; returns the filler file (delete it to free space)."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:
        for chunk in (1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while True:
                    out.write(b"\0" * chunk)
            except OSError:
                pass
    return filler


def sound(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    finally:
        conn.close()


def one_mongolian_line(result, markers=(FULL,)):
    message = result.stderr.decode().strip()
    assert result.returncode == 2, message
    assert "Traceback" not in message and "\n" not in message, message
    assert any(m in message for m in markers), message
    return message


#: SQLite reports EFBIG as "disk I/O error" (no errno): core's general write message.
WRITE_FAILED = (FULL, "бичиж чадсангүй")


def test_full_disk_edit_import_export_consolidate(tmp_path, sample_file, window_env):
    from recording_prompter import RecordingPrompter

    from gui.document import Document

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    incoming = submission_file(inbox, "Дүүрэн сум", seed=6)
    with tiny_disk(tmp_path / "disk") as disk:
        report_path = disk / "report.tailan"
        shutil.copyfile(sample_file, report_path)
        aimag = disk / "aimag.tailan"
        assert run_cli("expected", aimag, "--add", "Дүүрэн сум").returncode == 0
        filler = fill(disk)

        # an edit through the window's path, then through core directly
        prompter = RecordingPrompter()
        doc = Document.open(report_path, prompter)
        measure = doc.report.measures()[0]
        before_text = measure.achieved
        assert doc.set_field("measure", measure.id, "achieved", BIG) is False
        assert prompter.kinds() == ["error"] and FULL in prompter.calls[0][2]
        assert doc.items[measure.id].achieved == before_text and doc.save_state == "failed"
        with pytest.raises(WriteError) as caught:
            doc.rf.set_field("measure", measure.id, "text", BIG)
        assert FULL in caught.value.message
        assert doc.rf.load_report(doc.report.id) == doc.report
        assert [r[0] for r in doc.rf.conn.execute("PRAGMA integrity_check")] == ["ok"]
        FIGURES["edit (window and core)"] = prompter.calls[0][2]
        doc.close()  # the command-line steps below need the file's lock

        report_digest, aimag_digest = digest(report_path), digest(aimag)
        # an import into a new file and into the existing one
        result = run_cli("import", SAMPLE_TXT, "--db", disk / "new.tailan")
        FIGURES["import (new file)"] = one_mongolian_line(result)
        assert not (disk / "new.tailan").exists() and not (disk / "new.tailan-journal").exists()
        result = run_cli("import", SAMPLE_TXT, "--db", report_path)
        FIGURES["import (existing file)"] = one_mongolian_line(result)
        assert digest(report_path) == report_digest and sound(report_path)

        # a submission written to the full stick
        result = run_cli("export-submission", incoming, "-o", disk)
        FIGURES["export-submission"] = one_mongolian_line(result)
        assert sorted(p.name for p in disk.iterdir()) == ["aimag.tailan", "filler.bin", "report.tailan"]

        # a consolidation into the aimag's file on the full disk
        result = run_cli("consolidate", incoming, "--db", aimag)
        FIGURES["consolidate"] = one_mongolian_line(result)
        assert digest(aimag) == aimag_digest and sound(aimag)
        archive = disk / "aimag-archive"
        assert not archive.exists() or not any(archive.iterdir())

        # space again: the same kind of window document works, and so does everything else
        filler.unlink()
        doc = Document.open(report_path, prompter)
        assert doc.set_field("measure", measure.id, "achieved", BIG) is True
        doc.close()
        with ReportFile.open(report_path, read_only=True) as rf:
            assert rf.load_report(rf.resolve_report_id(None)).measures()[0].achieved == BIG
        assert run_cli("export-submission", incoming, "-o", disk).returncode == 0
        assert run_cli("consolidate", incoming, "--db", aimag).returncode == 1  # written: its new key waits for the reviewer
        assert sound(aimag) and sound(report_path)
    record("full_disk", {"cases": len(FIGURES), "messages": FIGURES})


def limited(limit):
    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def cli_limited(limit, *args):
    return subprocess.run([sys.executable, "-m", "core.cli", *map(str, args)], capture_output=True, cwd=REPO,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, preexec_fn=limited(limit), timeout=120)


def test_file_size_limit_makes_writes_fail_cleanly(tmp_path, sample_file):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    incoming = submission_file(inbox, "Хязгаар сум", seed=7)
    size = sample_file.stat().st_size
    before = digest(sample_file)
    messages = {}
    result = cli_limited(size, "set", sample_file, "--measure", "6.1", "--field", "achieved", "--value", "ө" * 50_000)
    messages["edit"] = one_mongolian_line(result, WRITE_FAILED)
    assert digest(sample_file) == before and sound(sample_file)
    assert cli_limited(size, "set", sample_file, "--measure", "6.1", "--score", "100").returncode == 0  # small edits fit

    result = cli_limited(8192, "import", SAMPLE_TXT, "--db", tmp_path / "new.tailan")
    messages["import (new file)"] = one_mongolian_line(result, WRITE_FAILED)
    assert not (tmp_path / "new.tailan").exists()

    out = tmp_path / "out"
    out.mkdir()
    result = cli_limited(8192, "export-submission", incoming, "-o", out)
    messages["export-submission"] = one_mongolian_line(result, WRITE_FAILED)
    assert list(out.iterdir()) == []

    aimag = tmp_path / "aimag.tailan"
    assert run_cli("expected", aimag, "--add", "Хязгаар сум").returncode == 0
    aimag_digest = digest(aimag)
    result = cli_limited(aimag.stat().st_size, "consolidate", incoming, "--db", aimag)
    messages["consolidate"] = one_mongolian_line(result, WRITE_FAILED)
    assert digest(aimag) == aimag_digest and sound(aimag)
    assert run_cli("consolidate", incoming, "--db", aimag).returncode == 1  # written: its new key waits for the reviewer
    record("file_size_limit", {"cases": len(messages), "messages": messages})
