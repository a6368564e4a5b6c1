"""A receipt is checked against the report's own aimag and the key the soum accepted for it (issue 19).

A receipt naming the aimag with an invisible character, or another aimag, used to ask
"first time seeing this key?"; with ``--accept-key`` its remarks replaced the genuine
ones. An older receipt of the same revision replaced a newer one.
"""

from __future__ import annotations

import json

import pytest
from helpers import digest, run_cli
from test_receipt import as_aimag, open_as, receipt_for, refused, world  # noqa: F401  (fixture)

from core.aimag.consolidate import consolidate
from core.aimag.decisions import decide, waiting
from core.aimag.receipt import kept_receipt, write_receipt
from core.aimag.register import set_aimag_name, set_expected
from core.aimag.remarks import add_remark
from core.storage import ReportFile


def forged_receipt(world, tmp_path, monkeypatch, aimag_name: str):
    """A receipt for Нарийнтээл's revision 1 signed by someone else's aimag key, under ``aimag_name``."""
    impostor_pc = tmp_path / f"impostor-{len(list(tmp_path.iterdir()))}"
    impostor_pc.mkdir()
    impostor_db = impostor_pc / "impostor-aimag.tailan"
    world.narii.use()
    sent = world.narii.send(f"again-{impostor_pc.name}.tailan")
    monkeypatch.setenv("TAILAN_DATA_DIR", str(impostor_pc))
    with ReportFile.open(impostor_db, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, aimag_name)
        set_expected(rf, add=["Нарийнтээл сум"])  # registered first: a file of another aimag is accepted only so
    consolidate([sent], impostor_db)
    with ReportFile.open(impostor_db) as rf:
        for d in waiting(rf):
            decide(rf, d.id, True)
        add_remark(rf, "Нарийнтээл сум", "Бүх үнэлгээг 100 болгоно уу", measure="6.1", score="100")
        return write_receipt(rf, "Нарийнтээл сум", impostor_pc)


def kept_remarks(soum):
    soum.use()
    with ReportFile.open(soum.file, read_only=True) as rf:
        receipt = kept_receipt(rf, rf.resolve_report_id(None))
    return [r.text for r in receipt.remarks]


@pytest.fixture
def genuine_kept(world):
    as_aimag(world)
    with ReportFile.open(world.db) as rf:
        add_remark(rf, "Нарийнтээл сум", "Огноог шалгана уу.")
    open_as(world.narii, receipt_for(world, "Нарийнтээл сум"))
    assert kept_remarks(world.narii) == ["Огноог шалгана уу."]
    return world


@pytest.mark.parametrize("aimag_name", ["Өвөрхангай\u200e", "\u202aӨвөрхангай\u202c", "Өвөрхангaй"],
                         ids=["left-to-right-mark", "bidi-embedding", "latin-a (control)"])
def test_a_receipt_naming_the_aimag_with_an_invisible_character_is_refused_even_with_accept_key(
        genuine_kept, tmp_path, monkeypatch, aimag_name):
    forged = forged_receipt(genuine_kept, tmp_path, monkeypatch, aimag_name)
    refused(genuine_kept.narii, forged, "хүлээн зөвшөөрсөн түлхүүрээр биш", accept_key=True)
    result = run_cli("receipt-open", genuine_kept.narii.file, forged, "--accept-key")
    assert result.returncode == 2 and "анх удаа" not in result.stderr.decode()
    assert kept_remarks(genuine_kept.narii) == ["Огноог шалгана уу."]


def test_a_receipt_of_another_aimag_is_refused_even_with_accept_key(genuine_kept, tmp_path, monkeypatch):
    forged = forged_receipt(genuine_kept, tmp_path, monkeypatch, "Архангай")
    refused(genuine_kept.narii, forged, "өөр аймгийн", accept_key=True)
    assert kept_remarks(genuine_kept.narii) == ["Огноог шалгана уу."]


def test_a_receipt_of_another_aimag_is_refused_before_any_key_is_accepted(world, tmp_path, monkeypatch):
    forged = forged_receipt(world, tmp_path, monkeypatch, "Архангай")
    refused(world.narii, forged, "өөр аймгийн", accept_key=True)
    world.narii.use()
    from core.trust.aimag_keys import accepted_keys

    assert accepted_keys("Архангай") == [] and accepted_keys("Өвөрхангай") == []


def test_an_older_receipt_never_replaces_a_newer_one(world):
    as_aimag(world)
    older = receipt_for(world, "Нарийнтээл сум")
    older_copy = older.with_name("older.tailan-receipt")
    older.rename(older_copy)
    with ReportFile.open(world.db) as rf:
        add_remark(rf, "Нарийнтээл сум", "Шинэ тайлбар.")
    newer = receipt_for(world, "Нарийнтээл сум")
    assert json.loads(newer.read_text("utf-8"))["body"]["issued_at"] > json.loads(
        older_copy.read_text("utf-8"))["body"]["issued_at"]
    open_as(world.narii, newer)
    before = digest(world.narii.file)
    refused(world.narii, older_copy, "шинэ хариу")
    assert digest(world.narii.file) == before
    assert kept_remarks(world.narii) == ["Шинэ тайлбар."]
    open_as(world.narii, newer)  # the same receipt again: kept, nothing lost
    assert kept_remarks(world.narii) == ["Шинэ тайлбар."]
