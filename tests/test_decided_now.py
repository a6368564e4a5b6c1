"""The reviewer decides on the register as it is now, never on what it was when a file arrived (issue 19).

Each test replays one of the attacks found against the aimag's decisions: a stale
"new organization" accepted after the genuine soum was registered, a stale decision
rolling a soum back, a file signed by a retired key shown as merely "new key", the
aimag's name set by whichever file was accepted first, a file dated 2099, ``verify
--db`` saying 0 for a key nobody accepted, and rejected files kept for ever.
"""

from __future__ import annotations

import json
import shutil

import pytest
from helpers import run_cli
from soums import Soum

from core.aimag.consolidate import archive_dir, consolidate
from core.aimag.decisions import all_decisions, decide, waiting
from core.aimag.ranking import ranking
from core.aimag.register import aimag_name, organizations, retire_key, set_aimag_name
from core.errors import TailanError
from core.report.model import Score
from core.storage import ReportFile


@pytest.fixture
def soums(tmp_path, monkeypatch):
    def make(folder_name: str) -> Soum:
        return Soum(tmp_path, monkeypatch, folder_name)

    return make


@pytest.fixture
def aimag(tmp_path):
    folder = tmp_path / "aimag"
    folder.mkdir()
    return folder / "Өвөрхангай.tailan"


def named(db, name="Өвөрхангай"):
    with ReportFile.open(db, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, name)
    return db


def one(db, path):
    (outcome,) = consolidate([path], db).outcomes
    return outcome


def current(db) -> dict[str, tuple[int, str, str]]:
    with ReportFile.open(db, read_only=True) as rf:
        return {r.organization: (r.revision, r.fingerprint, r.total_display) for r in ranking(rf)}


def accept(db, decision_id):
    with ReportFile.open(db) as rf:
        return decide(rf, decision_id, True)


def listed(db) -> dict[int, dict]:
    return {d["id"]: d for d in json.loads(run_cli("pending", db, "--json").stdout)}


def test_a_stale_new_organization_is_judged_again_and_never_replaces_the_registered_soum(soums, aimag):
    """The impostor and the genuine soum both wait as new; the genuine one is accepted first."""
    named(aimag)
    impostor = soums("imp").start("Нарийнтээл сум").finalize()
    genuine = soums("narii").start("Нарийнтээл сум").edit(score_first=Score.IN_PROGRESS).finalize()
    fake = one(aimag, impostor.send())
    real = one(aimag, genuine.send())
    assert (fake.kind, real.kind) == ("new-organization", "new-organization")
    accept(aimag, real.id)
    before = current(aimag)
    shown = listed(aimag)[fake.id]  # pending shows the judgement of now, with the registered code beside it
    assert shown["kind"] == "new-key" and shown["registered_key_codes"] == [real.key_code]
    assert shown["registered_name"] == "Нарийнтээл сум" and real.key_code in shown["reason"]
    with pytest.raises(TailanError) as refused:
        accept(aimag, fake.id)
    assert "шинэ түлхүүр" in refused.value.message and fake.key_code in refused.value.message
    assert current(aimag) == before
    with ReportFile.open(aimag, read_only=True) as rf:
        (org,) = organizations(rf)
        assert org.key_codes == [real.key_code]
        assert [d.kind for d in waiting(rf)] == ["new-key"]  # the decision now says what it is


def test_the_cli_refuses_a_stale_accept_with_the_new_reason(soums, aimag):
    named(aimag)
    impostor = soums("imp").start("Нарийнтээл сум").finalize()
    genuine = soums("narii").start("Нарийнтээл сум").finalize()
    fake, real = one(aimag, impostor.send()), one(aimag, genuine.send())
    assert run_cli("decide", aimag, "--accept", real.id).returncode == 0
    before = current(aimag)
    result = run_cli("decide", aimag, "--accept", fake.id)
    assert result.returncode == 2
    assert "шинэ түлхүүр" in result.stderr.decode() and real.key_code in result.stderr.decode()
    assert current(aimag) == before


def test_a_stale_new_key_decision_never_rolls_a_soum_back(soums, aimag, tmp_path):
    """A new PC's revision 2 waits; meanwhile the old PC sends 2 and 3: accepting the stale 2 is refused."""
    named(aimag)
    narii = soums("narii").start("Нарийнтээл сум").finalize()
    accept(aimag, one(aimag, narii.send()).id)
    new_pc = soums("newpc").copy_of(narii).reopen().finalize(new_key=True)
    stale = one(aimag, new_pc.send())
    assert stale.kind == "new-key"
    narii.reopen().edit(score_first=Score.IN_PROGRESS).finalize()
    assert one(aimag, narii.send()).status == "updated"
    narii.reopen().edit(score_first=Score.INSUFFICIENT).finalize()
    assert one(aimag, narii.send()).status == "updated"
    assert current(aimag)["Нарийнтээл сум"][0] == 3
    shown = listed(aimag)[stale.id]
    assert shown["changed"] and "одоогийн хувилбар 3" in shown["reason"]
    with pytest.raises(TailanError) as refused:
        accept(aimag, stale.id)
    assert "хувилбар" in refused.value.message
    assert current(aimag)["Нарийнтээл сум"][0] == 3


def test_a_file_signed_by_a_retired_key_is_named_so_and_accepting_never_reinstates_the_key(soums, aimag):
    named(aimag)
    narii = soums("narii").start("Нарийнтээл сум").finalize()
    first = one(aimag, narii.send())
    accept(aimag, first.id)
    new_pc = soums("newpc").copy_of(narii).reopen().finalize(new_key=True)
    accept(aimag, one(aimag, new_pc.send()).id)
    with ReportFile.open(aimag) as rf:
        retire_key(rf, first.key_code)
    narii.reopen().finalize()  # revision 2 on the old PC, whose key was retired
    late = one(aimag, narii.send())
    assert late.status == "pending" and late.kind == "retired-key", late.reason
    assert "хүчингүй" in late.reason
    shown = listed(aimag)[late.id]
    assert shown["kind"] == "retired-key" and shown["kind_label"] == "хүчингүй болсон түлхүүр"
    with ReportFile.open(aimag, read_only=True) as rf:
        (org,) = organizations(rf)
        assert first.key_code not in org.key_codes
    # a stale "new key" decision of the retired key: judged again, it says "retired"
    text = run_cli("pending", aimag).stdout.decode()
    assert "хүчингүй" in text


def test_accepting_a_retired_keys_file_keeps_the_key_retired(soums, aimag):
    named(aimag)
    narii = soums("narii").start("Нарийнтээл сум").finalize()
    first = one(aimag, narii.send())
    accept(aimag, first.id)
    narii.reopen().finalize()
    second_file = narii.send()
    with ReportFile.open(aimag) as rf:
        retire_key(rf, first.key_code)
    late = one(aimag, second_file)
    assert late.kind == "retired-key"
    said = accept(aimag, late.id)
    assert "хүчингүй" in said
    with ReportFile.open(aimag, read_only=True) as rf:
        (org,) = organizations(rf)
        assert org.key_codes == []
    narii.reopen().finalize()
    assert one(aimag, narii.send()).kind == "retired-key"  # still not a key that signs by itself


def test_no_file_sets_the_aimags_name_and_the_command_line_asks_for_it_first(soums, aimag):
    """With no name set, the first accepted file used to set it and lock every genuine soum out."""
    stranger = soums("arkh").start("Цэцэрлэг сум", aimag="Архангай").finalize()
    outcome = one(aimag, stranger.send())
    refused = run_cli("decide", aimag, "--accept", outcome.id)
    assert refused.returncode == 2
    message = refused.stderr.decode()
    assert "аймгийн нэр" in message.lower() and "--aimag" in message
    with ReportFile.open(aimag) as rf:
        decide(rf, outcome.id, True)  # the core call (the window asked first) never sets the name
        assert aimag_name(rf) == ""
    assert run_cli("register", aimag, "--aimag", "Өвөрхангай").returncode == 0
    genuine = soums("narii").start("Нарийнтээл сум").finalize()
    arrived = one(aimag, genuine.send())
    assert arrived.kind == "new-organization"
    assert run_cli("decide", aimag, "--accept", arrived.id).returncode == 0
    assert "Нарийнтээл сум" in current(aimag)


def test_a_file_of_another_aimag_can_be_accepted_for_a_registered_organization(soums, aimag):
    named(aimag)
    narii = soums("narii").start("Нарийнтээл сум").finalize()
    accept(aimag, one(aimag, narii.send()).id)
    narii.reopen().edit(aimag="Өвөрхангай аймаг").finalize()  # the soum wrote its aimag otherwise
    outcome = one(aimag, narii.send())
    assert outcome.kind == "other-aimag"
    shown = listed(aimag)[outcome.id]
    assert shown["registered_name"] == "Нарийнтээл сум" and shown["registered_key_codes"] == [outcome.key_code]
    assert run_cli("decide", aimag, "--accept", outcome.id).returncode == 0
    assert current(aimag)["Нарийнтээл сум"][0] == 2


def test_a_stranger_of_another_aimag_cannot_be_accepted_as_a_new_organization(soums, aimag):
    named(aimag)
    stranger = soums("arkh").start("Цэцэрлэг сум", aimag="Архангай").finalize()
    outcome = one(aimag, stranger.send())
    with pytest.raises(TailanError) as refused:
        accept(aimag, outcome.id)
    assert "Архангай" in refused.value.message
    assert current(aimag) == {}


def test_a_file_dated_in_the_future_waits_for_the_reviewer(soums, aimag, monkeypatch):
    import core.sending.lifecycle as lifecycle

    named(aimag)
    narii = soums("narii").start("Нарийнтээл сум").finalize()
    accept(aimag, one(aimag, narii.send()).id)
    narii.reopen()
    monkeypatch.setattr(lifecycle, "now_iso", lambda: "2099-01-01T00:00:00.000+00:00")
    narii.finalize()
    monkeypatch.undo()
    outcome = one(aimag, narii.send())
    assert (outcome.status, outcome.kind) == ("pending", "future-date"), outcome.reason
    assert "2099" in outcome.reason
    assert current(aimag)["Нарийнтээл сум"][0] == 1


def test_verify_with_the_register_exits_1_for_a_key_nobody_accepted(soums, aimag):
    named(aimag)
    narii = soums("narii").start("Нарийнтээл сум").finalize()
    first = narii.send()
    unknown = run_cli("verify", first, "--db", aimag)
    assert unknown.returncode == 1 and "бүртгэлд алга" in unknown.stdout.decode()
    accept(aimag, one(aimag, first).id)
    assert run_cli("verify", first, "--db", aimag).returncode == 0
    assert run_cli("verify", first).returncode == 0  # without the register nothing is compared


def test_purge_removes_rejected_files_content_and_archive_copies(soums, aimag):
    named(aimag)
    narii = soums("narii").start("Нарийнтээл сум").finalize()
    accept(aimag, one(aimag, narii.send()).id)
    strangers = [soums(f"s{i}").start("Нарийнтээл сум").finalize().send() for i in range(3)]
    for path in strangers:
        outcome = one(aimag, path)
        with ReportFile.open(aimag) as rf:
            decide(rf, outcome.id, False)
    assert len(list(archive_dir(aimag).iterdir())) == 4
    size_before = aimag.stat().st_size
    result = run_cli("purge", aimag, "--rejected")
    assert result.returncode == 0, result.stderr.decode()
    assert "3" in result.stdout.decode()
    assert len(list(archive_dir(aimag).iterdir())) == 1  # the accepted soum's copy stays
    assert aimag.stat().st_size < size_before
    with ReportFile.open(aimag, read_only=True) as rf:
        rejected = [d for d in all_decisions(rf) if d.status == "rejected"]
    assert len(rejected) == 3  # the decisions stay on record
    assert one(aimag, strangers[0]).status == "rejected"  # and a resent one is still refused
    assert current(aimag)["Нарийнтээл сум"][0] == 1
    assert run_cli("purge", aimag, "--rejected").returncode == 0  # nothing left: says so, changes nothing
    shutil.rmtree(archive_dir(aimag))
