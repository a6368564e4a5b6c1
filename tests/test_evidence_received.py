"""Evidence travels signed to the aimag and comes out byte-identical; altered, swapped or hostile files are refused.

The soum attaches real files, finalizes (signing each file's hash with the report)
and sends; the aimag verifies (every hash recomputed), consolidates and extracts.
Tampering with one byte of one file after signing is refused, at the soum's export,
at ``verify`` and at the aimag's archive. Hostile evidence in a received file (a
picture declaring 60,000 x 60,000 pixels, a PDF that is not one, a zip bomb named
``.docx``, 10,000 tiny files, a name with ``../``) is refused with its reason within
2 s and 200 MiB each, and the batch goes on.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
import tracemalloc
import uuid

import pytest
from evidence_files import (
    EXCEL,
    PHOTO,
    SCAN,
    WORD,
    png_declaring,
    put_raw_evidence,
    resign,
    sha256,
    zip_bomb_docx,
)
from helpers import REPO, as_schema_4, run_cli
from soums import Soum, aimag_pc
from test_submission import vector_report

from core.aimag.consolidate import archive_dir, consolidate
from core.aimag.decisions import decide
from core.received.verify import check_submission
from core.report.evidence.attaching import attach_paths
from core.report.model import Evidence
from core.storage import ReportFile
from core.trust.fingerprint import FORMAT, FORMAT_V3, canonical_bytes, canonical_content, compute_fingerprint


def attach(soum: Soum, number: str, *paths) -> None:
    soum.use()
    with ReportFile.open(soum.file) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        attach_paths(rf, report, report.find_measure(number)[0], list(paths))


@pytest.fixture
def sent(tmp_path, monkeypatch):
    """A soum's signed submission with the four real files on 1.1 and 1.2 (the photo on both)."""
    soum = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум")
    attach(soum, "1.1", PHOTO, SCAN)
    attach(soum, "1.2", PHOTO, WORD, EXCEL)
    soum.finalize()
    return soum, soum.send()


def accept_all(db, result) -> None:
    with ReportFile.open(db) as rf:
        for outcome in result.outcomes:
            if outcome.status == "pending":
                decide(rf, outcome.id, accept=True)


def test_attached_files_travel_signed_and_come_out_byte_identical_at_the_aimag(sent, tmp_path, monkeypatch):
    soum, submission = sent
    listed = json.loads(run_cli("attachments", submission, "--json").stdout)
    assert [(i["measure"], i["name"], i["sha256"]) for i in listed] == [
        ("1.1.", PHOTO.name, sha256(PHOTO)), ("1.1.", SCAN.name, sha256(SCAN)), ("1.2.", PHOTO.name, sha256(PHOTO)),
        ("1.2.", WORD.name, sha256(WORD)), ("1.2.", EXCEL.name, sha256(EXCEL))]
    verify = run_cli("verify", submission)
    assert verify.returncode == 0 and "нотлох баримт 5 файл" in verify.stdout.decode()
    db = aimag_pc(tmp_path, monkeypatch)
    result = consolidate([submission], db)
    accept_all(db, result)
    archived = archive_dir(db) / f"{sha256(submission)}.tailan"
    assert archived.read_bytes() == submission.read_bytes() and not list(archive_dir(db).glob(".*"))
    out = tmp_path / "from-aimag"
    extracted = run_cli("extract", db, "--organization", "Нарийнтээл сум", "--measure", "1.2", "-o", out)
    assert extracted.returncode == 0, extracted.stderr.decode()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {p.name: p.read_bytes() for p in (PHOTO, WORD, EXCEL)}
    whole = tmp_path / "whole"
    assert run_cli("extract", db, "--organization", "Нарийнтээл сум", "-o", whole).returncode == 0
    assert sorted(str(p.relative_to(whole)) for p in whole.rglob("*") if p.is_file()) == sorted(
        ["1.1/photo-exif6.jpg", "1.1/scan.pdf", "1.2/photo-exif6.jpg", "1.2/participants.docx", "1.2/budget.xlsx"])


def test_the_signature_covers_each_file(sent):
    soum, submission = sent
    with ReportFile.open(submission, read_only=True) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
    content = canonical_content(report)
    assert content["format"] == FORMAT_V3
    assert content["goals"][0]["measures"][0]["evidence"] == [
        {"name": PHOTO.name, "sha256": sha256(PHOTO), "size": PHOTO.stat().st_size, "type": "jpeg"},
        {"name": SCAN.name, "sha256": sha256(SCAN), "size": SCAN.stat().st_size, "type": "pdf"}]
    assert all(m["evidence"] == [] for g in content["goals"][1:] for m in g["measures"])


def _flip_one_byte(path, at: int = 1000) -> None:
    conn = sqlite3.connect(path)
    try:
        rowid, data = conn.execute("SELECT c.rowid, c.data FROM attachment_chunks c JOIN attachment_files f"
                                   " ON f.sha256 = c.sha256 WHERE f.type = 'pdf'").fetchone()
        data = bytearray(data)
        data[at] ^= 0x01
        conn.execute("UPDATE attachment_chunks SET data = ? WHERE rowid = ?", (bytes(data), rowid))
        conn.commit()
    finally:
        conn.close()


def test_one_byte_of_one_file_changed_after_signing_is_refused_everywhere(sent, tmp_path, monkeypatch):
    soum, submission = sent
    tampered = shutil.copyfile(submission, tmp_path / "tampered.tailan")
    _flip_one_byte(tampered)
    verdict = check_submission(tampered)
    assert not verdict.ok and "1.1." in verdict.reason and "scan.pdf" in verdict.reason
    assert "хурууны хээтэйгээ таарахгүй" in verdict.reason
    # at the soum: the finalized file itself altered, the submission is not written
    _flip_one_byte(soum.file)
    result = run_cli("export-submission", soum.file, "-o", tmp_path / "again.tailan")
    assert result.returncode == 2 and "scan.pdf" in result.stderr.decode()
    assert not (tmp_path / "again.tailan").exists()
    # at the aimag: the archive copy altered after it was accepted
    db = aimag_pc(tmp_path, monkeypatch)
    accept_all(db, consolidate([submission], db))
    _flip_one_byte(archive_dir(db) / f"{sha256(submission)}.tailan")
    out = tmp_path / "out"
    result = run_cli("extract", db, "--organization", "Нарийнтээл сум", "--measure", "1.1", "-o", out)
    assert result.returncode == 2 and "scan.pdf" in result.stderr.decode()
    assert not (out / "scan.pdf").exists()


def test_a_file_swapped_after_signing_is_refused(sent, tmp_path):
    _, submission = sent
    swapped = shutil.copyfile(submission, tmp_path / "swapped.tailan")
    conn = sqlite3.connect(swapped)
    try:  # another, good PDF in place of the scan, hashes made to match
        other = SCAN.read_bytes().replace(b"%%EOF", b"%%EOF\n%%EOF", 1)
        old = sha256(SCAN)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE attachment_files SET sha256 = ?, size = ? WHERE sha256 = ?", (sha256(other), len(other), old))
        conn.execute("UPDATE attachment_chunks SET sha256 = ?, data = ? WHERE sha256 = ?", (sha256(other), other, old))
        conn.execute("UPDATE attachments SET sha256 = ? WHERE sha256 = ?", (sha256(other), old))
        conn.commit()
    finally:
        conn.close()
    verdict = check_submission(swapped)
    assert not verdict.ok and "хурууны хээ агуулгатай таарахгүй" in verdict.reason


def test_reports_signed_before_evidence_still_verify(tmp_path, monkeypatch):
    """A v2-signed report (no evidence) keeps its form; a schema 3 submission (as the previous
    version wrote it: no evidence tables) still verifies and consolidates."""
    soum = Soum(tmp_path, monkeypatch, "old").start("Хархорин сум").finalize()
    submission = soum.send()
    with ReportFile.open(submission, read_only=True) as rf:
        assert canonical_content(rf.load_report(rf.resolve_report_id(None)))["format"] == FORMAT
    old = shutil.copyfile(submission, tmp_path / "schema3.tailan")
    as_schema_4(old)
    conn = sqlite3.connect(old)
    try:
        for table in ("attachments", "attachment_chunks", "attachment_files", "earlier_attachments"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_evidence'")
        conn.execute("PRAGMA user_version = 3")
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()
    verdict = check_submission(old)
    assert verdict.ok, verdict.reason
    db = aimag_pc(tmp_path, monkeypatch)
    assert consolidate([old], db).outcomes[0].status == "pending"


def vector_report_with_evidence():
    """The v3 test vector of docs/file-format.md: the v1 vector signed by a fixed key, a photo on 1.1."""
    report = vector_report()
    report.public_key = "00" * 32
    report.goals[0].measures[0].evidence = [Evidence("сургалт.jpg", "ab" * 32, 123456, "jpeg")]
    return report


def test_fingerprint_v3_test_vector_matches_the_documentation():
    doc = (REPO / "docs" / "file-format.md").read_text(encoding="utf-8")
    report = vector_report_with_evidence()
    assert canonical_bytes(report).decode("utf-8") in doc
    assert compute_fingerprint(report) in doc


# ----------------------------------------------------------------- hostile
def _bounded(action):
    """Runs ``action`` and gives (result, seconds, peak MiB of Python allocations)."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = action()
    finally:
        seconds = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return result, seconds, peak


def _many_tiny(path) -> None:
    conn = sqlite3.connect(path)
    try:
        measure_id = conn.execute("SELECT id FROM measures LIMIT 1").fetchone()[0]
        for i in range(10_000):
            data = png_declaring(1, 1) + i.to_bytes(4, "big")
            digest = sha256(data)
            conn.execute("INSERT INTO attachment_files VALUES (?, ?, 'png', '2023-12-08T09:00:00')", (digest, len(data)))
            conn.execute("INSERT INTO attachment_chunks VALUES (?, 0, ?)", (digest, data))
            conn.execute("INSERT INTO attachments VALUES (?, ?, ?, ?, ?, '2023-12-08T09:00:00')",
                         (str(uuid.uuid4()), measure_id, i, f"tiny-{i}.png", digest))
        conn.commit()
    finally:
        conn.close()


HOSTILE = {
    "picture declaring 60000 x 60000": (lambda p, folder: put_raw_evidence(p, "1.1", "huge.png", png_declaring(60_000, 60_000), "png"),
                                        "60000 x 60000"),
    "a PDF that is not one": (lambda p, folder: put_raw_evidence(p, "1.1", "fake.pdf", b"MZ\x90\x00" * 300, "pdf"),
                              "програмын файл (.exe)"),
    "a zip bomb named .docx": (lambda p, folder: put_raw_evidence(p, "1.1", "bomb.docx",
                                                                   zip_bomb_docx(folder / "bomb.docx").read_bytes(), "docx"),
                               "zip bomb"),
    "10,000 tiny files": (lambda p, folder: _many_tiny(p), "10000 мөр"),
    "a name with ../": (lambda p, folder: put_raw_evidence(p, "1.1", "../../evil.jpg", PHOTO.read_bytes(), "jpeg"),
                        "нэр аюултай"),
}


def test_hostile_evidence_is_refused_within_bounds_and_the_batch_goes_on(tmp_path, monkeypatch):
    soum = Soum(tmp_path, monkeypatch, "bad").start("Бат-Өлзий сум").finalize()
    good = Soum(tmp_path, monkeypatch, "good").start("Хархорин сум")
    attach(good, "1.1", PHOTO)
    good_file = good.finalize().send()
    soum.use()
    clean = soum.send()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = []
    for index, (kind, (craft, _)) in enumerate(HOSTILE.items()):
        path = shutil.copyfile(clean, inbox / f"{index}-hostile.tailan")
        craft(path, tmp_path)
        files.append(resign(path))
    for path, (kind, (_, words)) in zip(files, HOSTILE.items()):
        verdict, seconds, peak = _bounded(lambda: check_submission(path))
        assert not verdict.ok and words in verdict.reason, (kind, verdict.reason)
        assert seconds < 2 and peak < 200, (kind, seconds, peak)
    shutil.copyfile(good_file, inbox / "z-good.tailan")
    db = aimag_pc(tmp_path, monkeypatch)
    result, seconds, peak = _bounded(lambda: consolidate([inbox], db))
    assert [o.status for o in result.outcomes] == ["rejected"] * len(HOSTILE) + ["pending"]
    assert sorted(p.name for p in archive_dir(db).iterdir()) == [f"{sha256(good_file)}.tailan"]
    assert seconds < 2 * (len(HOSTILE) + 1) and peak < 200


# ----------------------------------------------------------- 50 MB (slow)
PEAK_CHILD = r"""
import json, sys, time
from pathlib import Path
from core.received.verify import check_submission
start = time.perf_counter()
verdict = check_submission(Path(sys.argv[1]))
seconds = time.perf_counter() - start
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024
print(json.dumps({"ok": verdict.ok, "reason": verdict.reason, "seconds": seconds, "peak_mib": peak}))
"""


def verify_in_child(path) -> dict:
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", PEAK_CHILD, str(path)], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)
    assert result.returncode == 0, result.stderr[-1500:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _pdf(path, megabytes: int):
    import os

    with open(path, "wb") as out:
        out.write(b"%PDF-1.4\n")
        out.write(os.urandom(megabytes * 1024 * 1024 - 32))
        out.write(b"\n%%EOF\n")
    return path


@pytest.mark.slow
def test_fifty_megabytes_travel_byte_identical_and_memory_does_not_grow_with_them(tmp_path, monkeypatch):
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("peak memory read from /proc")
    sent = {}
    for megabytes in (10, 50):
        soum = Soum(tmp_path, monkeypatch, f"soum{megabytes}").start(f"Сум {megabytes}")
        scans = [_pdf(tmp_path / f"scan-{megabytes}-{i}.pdf", 10) for i in range(megabytes // 10)]
        attach(soum, "1.1", *scans)
        sent[megabytes] = (soum.finalize().send(), scans)
    peaks = {mb: verify_in_child(path) for mb, (path, _) in sent.items()}
    assert all(p["ok"] for p in peaks.values()), peaks
    assert peaks[50]["peak_mib"] - peaks[10]["peak_mib"] < 16, peaks  # independent of the evidence
    db = aimag_pc(tmp_path, monkeypatch)
    accept_all(db, consolidate([sent[50][0]], db))
    out = tmp_path / "out"
    assert run_cli("extract", db, "--organization", "Сум 50", "--measure", "1.1", "-o", out).returncode == 0
    assert all((out / scan.name).read_bytes() == scan.read_bytes() for scan in sent[50][1])


@pytest.mark.slow
def test_hostile_evidence_is_refused_within_2_s_and_200_mib_each_in_its_own_process(tmp_path, monkeypatch):
    soum = Soum(tmp_path, monkeypatch, "bad").start("Бат-Өлзий сум").finalize()
    clean = soum.send()
    for index, (kind, (craft, words)) in enumerate(HOSTILE.items()):
        path = shutil.copyfile(clean, tmp_path / f"{index}-hostile.tailan")
        craft(path, tmp_path)
        figures = verify_in_child(resign(path))
        assert not figures["ok"] and words in figures["reason"], (kind, figures)
        assert figures["seconds"] < 2 and figures["peak_mib"] < 200, (kind, figures)
        print(f"\n{kind}: refused in {figures['seconds'] * 1000:.0f} ms, peak {figures['peak_mib']:.0f} MiB")
