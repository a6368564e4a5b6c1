"""Read-only media and media that vanish while a file is written to them.

- A file on a read-only folder (a locked USB stick: a tmpfs remounted read-only as
  root) opens read-only in the window with the reason on its banner, and edits are
  refused with a message, through the window and through ``tailan-cli``.
- A submission (``export_submission``) or a copy (``write_copy``) whose target folder
  disappears between writing the temporary file and renaming it (the folder is
  deleted, or its tmpfs lazily unmounted, right before the rename) ends with a
  ``WriteError`` and leaves no file under the final name.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from generate import submission_file
from helpers import digest, read_only_folder, run_cli

from core.errors import WriteError
from core.received.verify import check_submission
from core.sending.export import export_submission
from core.storage import ReportFile


def test_read_only_medium_in_the_window(tmp_path, sample_file, window_env):
    from recording_prompter import RecordingPrompter

    from gui.app import create_main_window

    with read_only_folder(tmp_path, {"report.tailan": sample_file}) as folder:
        path = folder / "report.tailan"
        before = digest(path)
        prompter = RecordingPrompter()
        window = create_main_window(path, prompter=prompter)
        try:
            assert window.doc is not None and window.doc.read_only
            assert "USB" in window.doc.read_only_reason
            assert not window.banner.isHidden() and window.doc.read_only_reason in window.banner.text()
            measure = window.doc.report.measures()[0]
            assert window.doc.set_field("measure", measure.id, "achieved", "шинэ") is False
            assert prompter.kinds() == ["error"]
        finally:
            window.doc.close()
            window.close()
        result = run_cli("set", path, "--measure", "6.1", "--score", "100")
        assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
        assert digest(path) == before


def vanish_before_rename(monkeypatch, vanish):
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(src).endswith(".partial"):
            vanish()
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.fixture(params=["folder-deleted", "tmpfs-unmounted"])
def vanishing(request, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    if request.param == "folder-deleted":
        yield folder, lambda: shutil.rmtree(folder)
        return
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
                                           capture_output=True).returncode:
        pytest.skip("needs root to mount a tmpfs")
    try:
        yield folder, lambda: subprocess.run(["umount", "-l", str(folder)], check=True)
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def no_complete_file_under(folder, name):
    target = folder / name
    return not target.exists() or check_submission(target).ok


def test_submission_to_a_vanishing_folder(tmp_path, monkeypatch, vanishing):
    folder, vanish = vanishing
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    source = submission_file(inbox, "Алга сум", seed=8)
    with ReportFile.open(source, read_only=True) as rf:
        report_id = rf.resolve_report_id(None)
        vanish_before_rename(monkeypatch, vanish)
        with pytest.raises(WriteError) as caught:
            export_submission(rf, report_id, folder / "out.tailan")
    monkeypatch.undo()
    assert caught.value.message
    assert not (folder / "out.tailan").exists()
    assert no_complete_file_under(folder, "out.tailan")


def test_copy_to_a_vanishing_folder(tmp_path, monkeypatch, sample_file, vanishing):
    folder, vanish = vanishing
    with ReportFile.open(sample_file) as rf:
        vanish_before_rename(monkeypatch, vanish)
        with pytest.raises(WriteError):
            rf.write_copy(folder / "copy.tailan")
        monkeypatch.undo()
        assert not (folder / "copy.tailan").exists()
        rf.set_field("measure", rf.load_report(rf.resolve_report_id(None)).measures()[0].id, "achieved", "ажилласаар")
