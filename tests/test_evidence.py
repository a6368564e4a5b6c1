"""Evidence with each measure (issue 22): attach, list, detach and extract real files from the command line.

Real files: a camera-like JPEG with EXIF orientation, a scanned PDF, a Word and an
Excel file written by LibreOffice (tests/fixtures/evidence). Each is recognised by
its content, kept byte for byte (never recompressed), stored once however many
measures carry it, signed with the report and written out under a safe name.
"""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from evidence_files import (
    EXCEL,
    PHOTO,
    REAL_FILES,
    REAL_TYPES,
    SCAN,
    WORD,
    jpeg_declaring,
    png_declaring,
    sha256,
    write,
)
from helpers import digest, run_cli

from core.report.evidence.content import EvidenceRefused
from core.report.evidence.limits import size_text
from core.report.evidence.names import safe_name, unique_name
from core.report.model import Period
from core.report.next_report import next_report
from core.storage import ReportFile


def attachments(path) -> list[dict]:
    result = run_cli("attachments", path, "--json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def stored_bytes(path, digest_hex: str) -> bytes:
    conn = sqlite3.connect(path)
    try:
        return b"".join(r[0] for r in conn.execute(
            "SELECT data FROM attachment_chunks WHERE sha256 = ? ORDER BY seq", (digest_hex,)))
    finally:
        conn.close()


def count(path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_real_files_are_attached_recognised_by_content_and_kept_byte_for_byte(sample_file):
    result = run_cli("attach", sample_file, "--measure", "1.1", *REAL_FILES)
    assert result.returncode == 0, result.stderr.decode()
    listed = attachments(sample_file)
    assert listed == [{"measure": "1.1.", "name": p.name, "size": p.stat().st_size, "sha256": sha256(p),
                       "type": REAL_TYPES[p]} for p in REAL_FILES]
    for path in REAL_FILES:  # the very bytes, not a recompressed copy
        assert stored_bytes(sample_file, sha256(path)) == path.read_bytes()


def test_a_file_is_recognised_by_its_content_not_its_name(sample_file, tmp_path):
    disguised = shutil.copyfile(PHOTO, tmp_path / "scan.pdf")
    assert run_cli("attach", sample_file, "--measure", "1.1", disguised).returncode == 0
    (item,) = attachments(sample_file)
    assert (item["type"], item["name"]) == ("jpeg", "scan.pdf.jpg")  # written out as what it is


def test_one_file_on_two_measures_is_stored_once(sample_file):
    assert run_cli("attach", sample_file, "--measure", "1.1", PHOTO, SCAN).returncode == 0
    assert run_cli("attach", sample_file, "--measure", "2.1", PHOTO).returncode == 0
    assert [i["measure"] for i in attachments(sample_file)] == ["1.1.", "1.1.", "2.1."]
    assert count(sample_file, "attachment_files") == 2
    with ReportFile.open(sample_file, read_only=True) as rf:
        assert rf.evidence_bytes(rf.resolve_report_id(None)) == PHOTO.stat().st_size + SCAN.stat().st_size


def test_a_refused_file_refuses_the_batch_and_writes_nothing(sample_file, tmp_path):
    before = digest(sample_file)
    text = write(tmp_path, "notes.pdf", b"this is not a PDF at all\n" * 10)
    result = run_cli("attach", sample_file, "--measure", "1.1", PHOTO, text)
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "notes.pdf" in message and "танигдахгүй" in message and "Traceback" not in message
    assert digest(sample_file) == before


def test_attaching_to_a_finalized_report_is_refused(sample_file):
    for number in ("6.2", "6.3"):
        run_cli("set", sample_file, "--measure", number, "--score", "100")
    run_cli("set", sample_file, "--measure", "6.1", "--score", "100")
    assert run_cli("finalize", sample_file).returncode == 0
    before = digest(sample_file)
    result = run_cli("attach", sample_file, "--measure", "1.1", PHOTO)
    assert result.returncode == 2 and "баталгаажуулсан" in result.stderr.decode()
    assert digest(sample_file) == before


def test_detach_takes_the_file_off_and_frees_its_bytes_when_unused(sample_file):
    run_cli("attach", sample_file, "--measure", "1.1", PHOTO, WORD)
    run_cli("attach", sample_file, "--measure", "1.2", PHOTO)
    assert run_cli("detach", sample_file, "--measure", "1.1", PHOTO.name).returncode == 0
    assert [(i["measure"], i["name"]) for i in attachments(sample_file)] == [("1.1.", WORD.name), ("1.2.", PHOTO.name)]
    assert count(sample_file, "attachment_files") == 2  # the photo is still on 1.2
    assert run_cli("detach", sample_file, "--measure", "1.2", PHOTO.name).returncode == 0
    assert count(sample_file, "attachment_files") == 1
    result = run_cli("detach", sample_file, "--measure", "1.2", "missing.jpg")
    assert result.returncode == 2 and "олдсонгүй" in result.stderr.decode()


def test_extract_writes_identical_files_under_safe_names_and_never_replaces_one(sample_file, tmp_path):
    odd = tmp_path / "odd"
    odd.mkdir()
    named = [shutil.copyfile(PHOTO, odd / "CON.jpg"), shutil.copyfile(SCAN, odd / "a:b?\u202egpj.pdf"),
             shutil.copyfile(WORD, odd / "..\\..\\windows\\evil.docx")]
    assert run_cli("attach", sample_file, "--measure", "1.1", *named).returncode == 0
    names = [i["name"] for i in attachments(sample_file)]
    assert names == ["_CON.jpg", "a_b_gpj.pdf", "evil.docx"]
    out = tmp_path / "out"
    result = run_cli("extract", sample_file, "--measure", "1.1", "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    for source, name in zip(named, names):
        assert (out / name).read_bytes() == source.read_bytes()
    (out / "evil.docx").write_bytes(b"the reviewer's own notes")  # a different file under that name stays
    assert run_cli("extract", sample_file, "--measure", "1.1", "-o", out).returncode == 0
    assert (out / "evil.docx").read_bytes() == b"the reviewer's own notes"
    assert (out / "evil (2).docx").read_bytes() == WORD.read_bytes()
    assert len(list(out.iterdir())) == 4  # identical files were left as they were


def test_safe_names():
    assert safe_name("../../etc/passwd", "pdf") == "passwd.pdf"
    assert safe_name("C:\\Users\\x\\Зураг 1.JPG", "jpeg") == "Зураг 1.JPG"
    assert safe_name("   ", "png") == "нотлох-баримт.png"
    assert safe_name("lpt1.xlsx", "xlsx") == "_lpt1.xlsx"
    assert safe_name("a" * 300 + ".docx", "docx") == "a" * 115 + ".docx"
    assert unique_name("a.jpg", {"A.JPG", "a (2).jpg"}) == "a (3).jpg"


def test_hostile_files_are_refused_one_by_one_with_a_message(tmp_path):
    from evidence_files import zip_bomb_docx

    from core.report.evidence.attaching import prepare, prepare_all

    files = [
        write(tmp_path, "huge.png", png_declaring(60_000, 60_000)),
        write(tmp_path, "huge.jpg", jpeg_declaring(60_000, 60_000)),
        write(tmp_path, "fake.pdf", b"\x00\x01garbage" * 100),
        write(tmp_path, "cut.pdf", SCAN.read_bytes()[:50_000]),
        zip_bomb_docx(tmp_path / "bomb.docx"),
        write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        EXCEL,
    ]
    import time
    import tracemalloc

    for path in files[:-1]:  # each alone: refused within 2 s and 200 MiB (the zip bomb unpacks to 64 MiB)
        tracemalloc.start()
        started = time.monotonic()
        with pytest.raises(EvidenceRefused):
            prepare(path)
        seconds, peak = time.monotonic() - started, tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        assert seconds < 2 and peak < 200, (path.name, seconds, peak)
    batch = prepare_all(files)  # the batch goes on: the good file is taken
    assert [p.source for p in batch.ready] == [EXCEL]
    reasons = {r.name: r.reason for r in batch.refused}
    assert "60000 x 60000" in reasons["huge.png"] and "60000 x 60000" in reasons["huge.jpg"]
    assert "танигдахгүй" in reasons["fake.pdf"] and "дутуу" in reasons["cut.pdf"]
    assert "zip bomb" in reasons["bomb.docx"] and ".docx" in reasons["old.doc"]


def test_ten_thousand_tiny_files_are_refused_before_any_is_read(tmp_path):
    from core.report.evidence.attaching import prepare_all

    paths = [tmp_path / f"missing-{i}.png" for i in range(10_000)]  # never opened: they do not even exist
    batch = prepare_all(paths)
    assert not batch.ready and "10000" in batch.refused[0].reason


def test_sizes_are_said_in_mongolian():
    assert [size_text(n) for n in (12, 2048, 1024 * 1024 * 3 // 2, 100 * 1024 * 1024)] == \
        ["12 байт", "2 КБ", "1,5 МБ", "100 МБ"]


def test_bounds_of_a_report(sample_file, tmp_path, monkeypatch):
    from core.report.evidence import limits

    monkeypatch.setattr(limits, "MAX_REPORT_BYTES", SCAN.stat().st_size + 1000)
    assert run_cli("attach", sample_file, "--measure", "1.1", SCAN).returncode == 0
    result = run_cli("attach", sample_file, "--measure", "1.2", PHOTO)
    assert result.returncode == 2 and "хэтэрнэ" in result.stderr.decode()
    assert run_cli("attach", sample_file, "--measure", "1.2", SCAN).returncode == 0  # stored already: no more bytes
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    result = run_cli("attach", sample_file, "--measure", "2.1", PHOTO)
    assert result.returncode == 2 and "хэт том" in result.stderr.decode()


def test_a_deleted_measure_comes_back_with_its_evidence(sample_file):
    run_cli("attach", sample_file, "--measure", "1.1", PHOTO)
    with ReportFile.open(sample_file) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        measure = report.find_measure("1.1")[0]
        goal_id, index, deleted = rf.delete_measure(measure.id)
        assert deleted.evidence and count(sample_file, "attachments") == 0
        rf.insert_measure(goal_id, index, deleted)  # what undo does
        assert rf.load_report(report.id).find_measure("1.1")[0].evidence == measure.evidence
    assert attachments(sample_file)[0]["sha256"] == sha256(PHOTO)


def test_unused_bytes_are_freed_when_the_file_is_next_opened_for_writing(sample_file):
    run_cli("attach", sample_file, "--measure", "1.1", PHOTO)
    with ReportFile.open(sample_file) as rf:
        evidence = rf.load_report(rf.resolve_report_id(None)).find_measure("1.1")[0].evidence[0]
        rf.delete_attachment(evidence.id)  # the window's remove: undo may need the bytes
        assert rf.has_stored_file(evidence.sha256)
    with ReportFile.open(sample_file, read_only=True):
        assert count(sample_file, "attachment_files") == 1  # a reader frees nothing
    with ReportFile.open(sample_file):
        pass
    assert count(sample_file, "attachment_files") == 0


def test_a_report_carried_forward_lists_last_years_evidence_without_its_bytes(sample_file, tmp_path):
    run_cli("attach", sample_file, "--measure", "1.1", PHOTO, SCAN)
    with ReportFile.open(sample_file, read_only=True) as rf:
        old = rf.load_report(rf.resolve_report_id(None))
    new_file = tmp_path / "next.tailan"
    with ReportFile.create(new_file) as rf:
        rf.add_report(next_report(old, Period.ANNUAL))
    assert attachments(new_file) == []
    assert count(new_file, "attachment_files") == 0
    result = run_cli("attachments", new_file, "--earlier", "--json")
    earlier = json.loads(result.stdout)
    assert [(e["measure"], e["name"], e["sha256"], e["year"]) for e in earlier] == \
        [("1.1.", PHOTO.name, sha256(PHOTO), 2023), ("1.1.", SCAN.name, sha256(SCAN), 2023)]


def test_recognising_bytes_that_lie_about_their_size_is_refused_not_raised():
    import io

    from core.report.evidence.content import recognise

    for data in (b"\xff\xd8\xff\xe0\x00", b"\x89PNG\r\n\x1a\n\x00", b"PK\x03\x04" + b"\x00" * 40, b"%PDF-1.4"):
        with pytest.raises(EvidenceRefused):
            recognise(io.BytesIO(data), len(data))


def test_the_printout_lists_the_evidence_in_an_annex(sample_file, tmp_path):
    from pdf_helpers import page_texts

    run_cli("attach", sample_file, "--measure", "1.1", PHOTO, SCAN)
    run_cli("attach", sample_file, "--measure", "2.1", WORD)
    plain = tmp_path / "plain.pdf"
    with_annex = tmp_path / "annex.pdf"
    assert run_cli("export-pdf", sample_file, "-o", with_annex).returncode == 0
    pages = page_texts(with_annex)
    annex = pages[-1]
    assert "ХАВСРАЛТ: НОТЛОХ БАРИМТ" in annex and "ХАВСРАЛТ" not in "".join(pages[:-1])
    for number, path in (("1.1.", PHOTO), ("1.1.", SCAN), ("2.1.", WORD)):
        line = next(line for line in annex.splitlines() if path.name in line)
        assert number in line and size_text(path.stat().st_size) in line and sha256(path)[:8] in line
    run_cli("detach", sample_file, "--measure", "1.1", PHOTO.name)
    run_cli("detach", sample_file, "--measure", "1.1", SCAN.name)
    run_cli("detach", sample_file, "--measure", "2.1", WORD.name)
    assert run_cli("export-pdf", sample_file, "-o", plain).returncode == 0
    assert len(page_texts(plain)) == len(pages) - 1 and "ХАВСРАЛТ" not in "".join(page_texts(plain))
