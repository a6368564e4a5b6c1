"""Stores fail closed (issue 19): keys, the accepted aimag keys, the lock, the archive, finalizing.

Each test replays one gap: a key file gone and ``finalize`` making a new one in silence,
a key restored readable by all and used as it is, a corrupt accepted-aimag-keys store
read as empty and then overwritten, two processes creating one key, a lock that cannot
be made granting itself, finalize reading, signing and writing in separate steps, and
an archive copy trusted by its name and size.
"""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from helpers import SAMPLE_TXT, digest, run_cli
from soums import Soum

from core.errors import TailanError
from core.report.model import Score
from core.storage import ReportFile
from core.tables.textimport import import_file
from core.trust import keys
from core.trust.fingerprint import compute_fingerprint
from core.trust.keys import key_path, organization_key_code


@pytest.fixture
def soum(tmp_path, monkeypatch):
    return Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум")


def test_a_missing_key_at_finalize_is_said_and_needs_a_confirmation(soum):
    soum.finalize().reopen()
    old_code = organization_key_code("Нарийнтээл сум", create=False)
    key_path("Нарийнтээл сум").unlink()  # a restored PC without its keys folder
    before = digest(soum.file)
    refused = run_cli("finalize", soum.file)
    assert refused.returncode == 2
    message = refused.stderr.decode()
    assert "түлхүүр алга" in message and "--new-key" in message
    assert digest(soum.file) == before and not key_path("Нарийнтээл сум").exists()
    confirmed = run_cli("finalize", soum.file, "--new-key")
    assert confirmed.returncode == 0, confirmed.stderr.decode()
    new_code = organization_key_code("Нарийнтээл сум", create=False)
    assert new_code != old_code and new_code in confirmed.stderr.decode()


def test_the_first_key_is_made_and_said_without_a_question(soum):
    result = run_cli("finalize", soum.file)
    assert result.returncode == 0, result.stderr.decode()
    assert organization_key_code("Нарийнтээл сум", create=False) in result.stderr.decode()


def test_a_key_file_readable_by_others_is_made_private_and_said(soum):
    soum.finalize().reopen()
    path = key_path("Нарийнтээл сум")
    os.chmod(path, 0o644)  # restored from a USB stick
    result = run_cli("finalize", soum.file)
    assert result.returncode == 0, result.stderr.decode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "унших боломжтой байсан" in result.stderr.decode()


def test_two_processes_making_one_key_never_replace_each_other(soum, monkeypatch):
    """The other process makes its key between this one's look and its write: its key stays, and this
    process signs with it too (one organization, one key on a PC)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from core.trust.keys import public_key_hex
    from core.trust.signing import key_code

    generate = Ed25519PrivateKey.generate
    other = []

    def racing_generate():
        key = generate()
        if not other:  # the other process, a moment earlier
            other.append(generate())
            keys._write_private(key_path("Нарийнтээл сум"), other[0], "Нарийнтээл сум")
            other.append(key_path("Нарийнтээл сум").read_bytes())
        return key

    monkeypatch.setattr(Ed25519PrivateKey, "generate", staticmethod(racing_generate))
    code = organization_key_code("Нарийнтээл сум")
    assert code == key_code(public_key_hex(other[0]))
    assert key_path("Нарийнтээл сум").read_bytes() == other[1]
    assert not [p for p in key_path("Нарийнтээл сум").parent.iterdir() if p.name.endswith(".partial")]


def test_a_corrupt_store_of_accepted_aimag_keys_is_refused_and_never_overwritten(soum, tmp_path):
    from core.trust.aimag_keys import accept, accepted_keys, store_path

    store = store_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b'{"\xd3\xa9\xd0\xb2": [{"public_key": "ab"')  # cut off in the middle
    before = store.read_bytes()
    with pytest.raises(TailanError) as refused:
        accepted_keys("Өвөрхангай")
    assert "гэмтсэн" in refused.value.message
    with pytest.raises(TailanError):
        accept("Өвөрхангай", "00" * 32)
    assert store.read_bytes() == before


def test_finalize_reads_signs_and_writes_in_one_transaction(soum, monkeypatch):
    """Another writer trying to change a score while the report is being signed cannot."""
    import core.sending.lifecycle as lifecycle

    sign = lifecycle.sign
    attempts = []

    def sign_while_another_writes(key, content):
        other = sqlite3.connect(soum.file, timeout=0.2)
        try:
            other.execute("UPDATE measures SET score = '0'")
            other.commit()
            attempts.append("written")
        except sqlite3.OperationalError:
            attempts.append("refused")
        finally:
            other.close()
        return sign(key, content)

    monkeypatch.setattr(lifecycle, "sign", sign_while_another_writes)
    soum.finalize()
    assert attempts == ["refused"]
    with ReportFile.open(soum.file, read_only=True) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
    assert compute_fingerprint(report) == report.fingerprint


def test_a_lock_that_cannot_be_made_refuses_editing(soum, tmp_path):
    from core.paths import user_data_dir

    locks = user_data_dir() / "locks"
    if locks.exists():
        for p in locks.iterdir():
            p.unlink()
        locks.rmdir()
    locks.write_text("not a folder")  # no lock can be made here
    before = digest(soum.file)
    with pytest.raises(TailanError) as refused:
        ReportFile.open(soum.file)
    assert "түгжээ" in refused.value.message
    result = run_cli("set", soum.file, "--measure", "6.1", "--score", "30")
    assert result.returncode == 2 and digest(soum.file) == before
    with ReportFile.open(soum.file, read_only=True) as rf:  # reading needs no lock
        assert rf.list_reports()


def test_an_archive_copy_is_checked_against_its_hash_before_use(tmp_path, monkeypatch):
    from core.aimag.archived import archived_file
    from core.aimag.consolidate import archive_dir, consolidate
    from core.aimag.decisions import decide
    from core.aimag.register import set_aimag_name

    narii = Soum(tmp_path, monkeypatch, "n").start("Нарийнтээл сум").finalize()
    sent = narii.send()
    aimag = tmp_path / "aimag.tailan"
    with ReportFile.open(aimag, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    (outcome,) = consolidate([sent], aimag).outcomes
    with ReportFile.open(aimag) as rf:
        decide(rf, outcome.id, True)
        assert archived_file(rf, outcome.fingerprint).is_file()
    (copy,) = archive_dir(aimag).iterdir()
    data = bytearray(copy.read_bytes())
    data[-10] ^= 0xFF  # same name, same size, other bytes
    copy.write_bytes(bytes(data))
    with ReportFile.open(aimag, read_only=True) as rf:
        with pytest.raises(TailanError) as refused:
            archived_file(rf, outcome.fingerprint)
    assert "өөрчлөгдсөн" in refused.value.message


def test_a_key_file_gone_is_told_from_a_key_never_made_even_on_a_new_report(soum, tmp_path):
    soum.finalize()
    key_path("Нарийнтээл сум").unlink()
    report = import_file(SAMPLE_TXT).report  # next year's report, a new file, on the same PC
    report.organization, report.aimag = "Нарийнтээл сум", "Өвөрхангай"
    for measure in report.measures():
        measure.score = measure.score or Score.FULL
    new_file = tmp_path / "next-year.tailan"
    with ReportFile.create(new_file) as rf:
        rf.add_report(report)
    refused = run_cli("finalize", new_file)
    assert refused.returncode == 2 and "--new-key" in refused.stderr.decode()
    assert run_cli("key", "show", "--organization", "Нарийнтээл сум").returncode == 2  # never made again in silence
    assert not key_path("Нарийнтээл сум").exists()
    assert run_cli("finalize", new_file, "--new-key").returncode == 0
