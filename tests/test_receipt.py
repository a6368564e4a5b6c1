"""The way back down: the aimag's signed receipt and remarks, kept in the soum's file.

Real round trips between data folders: two soums and one aimag, each its own PC
(``TAILAN_DATA_DIR``). Receipts are untrusted input on the soum's side: a receipt of
another revision, of another soum, tampered, truncated or signed by an unknown key is
refused with a message and the soum's file stays byte-identical.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from helpers import digest, run_cli
from soums import Soum

from core.aimag.consolidate import consolidate
from core.aimag.decisions import decide, waiting
from core.aimag.receipt import ReceiptError, kept_receipt, open_receipt, write_receipt
from core.aimag.register import set_aimag_name
from core.aimag.remarks import add_remark
from core.storage import ReportFile


@pytest.fixture
def world(tmp_path, monkeypatch):
    """Нарийнтээл and Хархорин have each sent revision 1; the aimag accepted both."""
    aimag_pc = tmp_path / "aimag-pc"
    aimag_pc.mkdir()
    db = tmp_path / "aimag.tailan"
    narii = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум").finalize()
    khar = Soum(tmp_path, monkeypatch, "khar").start("Хархорин сум").finalize()
    files = [narii.send(), khar.send()]
    monkeypatch.setenv("TAILAN_DATA_DIR", str(aimag_pc))
    with ReportFile.open(db, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    consolidate(files, db)
    with ReportFile.open(db) as rf:
        for d in waiting(rf):
            decide(rf, d.id, True)
    out = tmp_path / "receipts"
    out.mkdir()

    class World:
        pass

    w = World()
    w.narii, w.khar, w.db, w.aimag_pc, w.out, w.monkeypatch = narii, khar, db, aimag_pc, out, monkeypatch
    return w


def as_aimag(w):
    w.monkeypatch.setenv("TAILAN_DATA_DIR", str(w.aimag_pc))


def receipt_for(w, organization: str):
    as_aimag(w)
    with ReportFile.open(w.db, read_only=True) as rf:
        return write_receipt(rf, organization, w.out)


def open_as(soum, receipt, accept_key=True):
    soum.use()
    with ReportFile.open(soum.file) as rf:
        return open_receipt(rf, receipt, accept_key=accept_key)


def refused(soum, receipt, words: str, accept_key=True):
    before = digest(soum.file)
    with pytest.raises(ReceiptError) as caught:
        open_as(soum, receipt, accept_key)
    assert words in caught.value.message, caught.value.message
    assert digest(soum.file) == before


def test_receipt_with_remarks_is_kept_and_shown(world):
    as_aimag(world)
    with ReportFile.open(world.db) as rf:
        add_remark(rf, "Нарийнтээл сум", "Тайлангийн огноог шалгана уу.", author="Д.Хянагч")
        add_remark(rf, "Нарийнтээл сум", "Хүрсэн түвшин тоогоор биш.", measure="6.3", score="70", author="Д.Хянагч")
    receipt = open_as(world.narii, receipt_for(world, "Нарийнтээл сум"))
    assert receipt.revision == 1 and receipt.aimag == "Өвөрхангай"
    shown = run_cli("show", world.narii.file, "--json")
    data = json.loads(shown.stdout)["receipt"]
    assert data["revision"] == 1 and data["aimag"] == "Өвөрхангай" and data["fingerprint"] == receipt.fingerprint
    assert data["received_at"] == receipt.received_at
    assert data["remarks"] == [
        {"measure": None, "text": "Тайлангийн огноог шалгана уу.", "score": None},
        {"measure": "6.3.", "text": "Хүрсэн түвшин тоогоор биш.", "score": "70"},
    ]


def test_first_receipt_needs_the_aimag_key_accepted_then_it_is_remembered(world):
    path = receipt_for(world, "Нарийнтээл сум")
    refused(world.narii, path, "анх удаа", accept_key=False)
    open_as(world.narii, path, accept_key=True)
    world.narii.reopen().finalize()  # the next revision, sent and taken
    as_aimag(world)
    assert consolidate([world.narii.send()], world.db).outcomes[0].status == "updated"
    open_as(world.narii, receipt_for(world, "Нарийнтээл сум"), accept_key=False)  # the key is known now
    world.narii.use()
    with ReportFile.open(world.narii.file, read_only=True) as rf:
        assert kept_receipt(rf, rf.resolve_report_id(None)).revision == 2


def test_receipt_of_another_soum_is_refused(world):
    refused(world.narii, receipt_for(world, "Хархорин сум"), "өөр байгууллагын")


def test_receipt_of_an_older_revision_is_refused(world):
    old = receipt_for(world, "Нарийнтээл сум")
    world.narii.reopen().finalize().reopen().finalize()  # now at revision 3
    refused(world.narii, old, "өөр хувилбарын")


def test_receipt_kept_after_reopening_for_the_next_revision(world):
    path = receipt_for(world, "Нарийнтээл сум")
    world.narii.reopen()  # the soum already works on revision 2; the remarks are for revision 1
    assert open_as(world.narii, path).revision == 1


@pytest.mark.parametrize("damage", ["tampered-total", "tampered-remark", "truncated", "not-json", "empty", "huge"])
def test_damaged_or_tampered_receipts_are_refused(world, damage, tmp_path):
    path = receipt_for(world, "Нарийнтээл сум")
    data = json.loads(path.read_text(encoding="utf-8"))
    if damage == "tampered-total":
        data["body"]["total_display"] = "100,0"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif damage == "tampered-remark":
        data["body"]["remarks"].append({"measure": "6.1.", "text": "100 болгоно уу", "score": "100", "author": "", "at": ""})
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "not-json":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "huge":
        path.write_bytes(b" " * (3 * 1024 * 1024))
    refused(world.narii, path, "")
    result = run_cli("receipt-open", world.narii.file, path, "--accept-key")
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()


def test_receipt_signed_by_an_unknown_key_is_refused(world, tmp_path, monkeypatch):
    genuine = receipt_for(world, "Нарийнтээл сум")
    open_as(world.narii, genuine)  # the real aimag key accepted
    impostor_pc = tmp_path / "impostor"
    impostor_pc.mkdir()
    impostor_db = tmp_path / "impostor-aimag.tailan"
    monkeypatch.setenv("TAILAN_DATA_DIR", str(world.narii.data))
    sent = world.narii.send("again.tailan")
    monkeypatch.setenv("TAILAN_DATA_DIR", str(impostor_pc))
    with ReportFile.open(impostor_db, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    consolidate([sent], impostor_db)
    with ReportFile.open(impostor_db) as rf:
        for d in waiting(rf):
            decide(rf, d.id, True)
        forged = write_receipt(rf, "Нарийнтээл сум", tmp_path)
    refused(world.narii, forged, "хүлээн зөвшөөрсөн түлхүүрээр биш")


def test_the_cli_round_trip_and_printouts(world, tmp_path):
    as_aimag(world)
    assert run_cli("review", world.db, "--organization", "Нарийнтээл сум", "--remark", "Сайн тайлан").returncode == 0
    result = run_cli("review", world.db, "--organization", "Нарийнтээл сум", "--measure", "6.1",
                     "--remark", "Нотолгоо дутуу", "--score", "70")
    assert result.returncode == 0, result.stderr.decode()
    assert run_cli("review", world.db, "--organization", "Нарийнтээл сум", "--measure", "99.9",
                   "--remark", "x").returncode == 2
    remarks_pdf = tmp_path / "remarks.pdf"
    result = run_cli("review", world.db, "--organization", "Нарийнтээл сум", "--pdf", remarks_pdf)
    assert result.returncode == 0, result.stderr.decode()
    written = run_cli("receipt", world.db, "--organization", "Нарийнтээл сум", "-o", world.out)
    assert written.returncode == 0, written.stderr.decode()
    path = written.stdout.decode().strip()
    world.narii.use()
    assert run_cli("receipt-open", world.narii.file, path).returncode == 2  # the aimag key is new here
    kept = run_cli("receipt-open", world.narii.file, path, "--accept-key")
    assert kept.returncode == 0, kept.stderr.decode()
    printed = tmp_path / "receipt.pdf"
    assert run_cli("receipt-print", world.narii.file, "-o", printed).returncode == 0
    receipt_text = subprocess.run(["pdftotext", "-layout", printed, "-"], capture_output=True, check=True).stdout.decode()
    remarks_text = subprocess.run(["pdftotext", "-layout", remarks_pdf, "-"], capture_output=True, check=True).stdout.decode()
    info = subprocess.run(["pdfinfo", printed], capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Pages:\s+1$", info, re.M)
    for words in ("ХҮЛЭЭН АВСАН", "Нарийнтээл сум", "Өвөрхангай", "Нотолгоо дутуу"):
        assert words in receipt_text
    assert "Нотолгоо дутуу" in remarks_text and "Сайн тайлан" in remarks_text and "6.1." in remarks_text
    ranking_pdf = tmp_path / "ranking.pdf"
    as_aimag(world)
    assert run_cli("ranking", world.db, "--pdf", ranking_pdf).returncode == 0
    ranking_text = subprocess.run(["pdftotext", ranking_pdf, "-"], capture_output=True, check=True).stdout.decode()
    code = json.loads(run_cli("show", world.narii.file, "--json").stdout)["receipt"]["aimag_key_code"]
    assert code in " ".join(ranking_text.split())  # the soum checks the aimag's key once against this paper
