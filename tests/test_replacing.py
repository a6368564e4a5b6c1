"""core.storage.replacing: a new file never takes an existing name unasked, and a replaced file is kept."""

from __future__ import annotations

import pytest
from helpers import SAMPLE_TXT, digest, run_cli

from core.errors import TailanError
from core.storage.replacing import keep_backup, making_room, place_new_file


def test_a_new_file_refuses_an_existing_name_and_leaves_both(tmp_path):
    partial, target = tmp_path / ".new.partial", tmp_path / "report.tailan"
    partial.write_bytes(b"new")
    target.write_bytes(b"old")
    with pytest.raises(TailanError, match="аль хэдийн байна"):
        place_new_file(partial, target, replace=False)
    assert target.read_bytes() == b"old" and partial.read_bytes() == b"new"


def test_replacing_keeps_the_old_file_and_its_journal_beside_it(tmp_path):
    partial, target = tmp_path / ".new.partial", tmp_path / "report.tailan"
    partial.write_bytes(b"new")
    target.write_bytes(b"old")
    (tmp_path / "report.tailan-journal").write_bytes(b"hot journal")
    backup = place_new_file(partial, target, replace=True)
    assert target.read_bytes() == b"new" and backup.read_bytes() == b"old"
    assert backup.name.startswith("report.хуучин-") and backup.suffix == ".tailan"
    assert not (tmp_path / "report.tailan-journal").exists()  # it would "roll back" the new file
    assert backup.with_name(backup.name + "-journal").read_bytes() == b"hot journal"
    assert keep_backup(target) != backup  # a second backup in the same second gets its own name


def test_making_room_refuses_without_consent(tmp_path):
    target = tmp_path / "x.tailan"
    target.write_bytes(b"old")
    with pytest.raises(TailanError):
        with making_room(target, replace=False):
            pass
    assert target.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1


def test_export_submission_over_an_earlier_file_keeps_it(tmp_path):
    db = tmp_path / "soum.tailan"
    assert run_cli("import", SAMPLE_TXT, "--db", db, "--aimag", "Өвөрхангай").returncode == 0
    for number in ("6.1", "6.2", "6.3"):
        assert run_cli("set", db, "--measure", number, "--score", "70").returncode == 0
    assert run_cli("finalize", db).returncode == 0, "finalize"
    out = tmp_path / "send.tailan"
    assert run_cli("export-submission", db, "-o", out).returncode == 0
    first = digest(out)
    again = run_cli("export-submission", db, "-o", out)
    assert again.returncode == 0
    assert "хуучин-" in again.stderr.decode()
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("send.хуучин-")]
    assert len(backups) == 1 and digest(backups[0]) == first
    refused = run_cli("export-submission", db, "-o", db)
    assert refused.returncode == 2


def test_a_file_another_window_edits_is_never_replaced(tmp_path):
    from core.storage.filelock import FileLock

    target = tmp_path / "open-elsewhere.tailan"
    target.write_bytes(b"being edited")
    partial = tmp_path / ".new.partial"
    partial.write_bytes(b"new")
    other_window = FileLock(target)
    assert other_window.acquire()
    try:
        with pytest.raises(TailanError, match="өөр цонх"):
            place_new_file(partial, target, replace=True)
        with pytest.raises(TailanError, match="өөр цонх"):
            with making_room(target, replace=True):
                pass
    finally:
        other_window.release()
    assert target.read_bytes() == b"being edited"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".new.partial", "open-elsewhere.tailan"]
