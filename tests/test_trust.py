"""Sending upward that an aimag can trust: who sent a file, and what it may replace.

Each soum here is a real workflow in its own data folder (``TAILAN_DATA_DIR``), as on
its own PC: import the sample, score, finalize (which signs with that PC's key), send.
Hostile files are made from real submissions with plain ``sqlite3``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat

import pytest
from helpers import digest, run_cli
from soums import Soum

from core.aimag.consolidate import ConsolidationCancelled, archive_dir, consolidate
from core.aimag.decisions import decide, history, restore, waiting
from core.aimag.ranking import missing_organizations, ranking
from core.aimag.register import organizations, set_aimag_name, set_expected
from core.received.verify import check_submission
from core.report.model import Score
from core.storage import ReportFile
from core.trust.fingerprint import canonical_bytes, fingerprint_of
from core.trust.keys import key_path


@pytest.fixture
def soums(tmp_path, monkeypatch):
    def make(folder_name: str) -> Soum:
        return Soum(tmp_path, monkeypatch, folder_name)

    return make


@pytest.fixture
def aimag(tmp_path):
    return tmp_path / "aimag" / "Өвөрхангай.tailan"


def accept_waiting(db, expected_kinds=None) -> list[str]:
    with ReportFile.open(db) as rf:
        items = waiting(rf)
        if expected_kinds is not None:
            assert [d.kind for d in items] == expected_kinds, [d.reason for d in items]
        return [decide(rf, d.id, True) for d in items]


def current(db) -> dict[str, tuple[int, str]]:
    with ReportFile.open(db, read_only=True) as rf:
        return {r.organization: (r.revision, r.fingerprint) for r in ranking(rf)}


def one(db, path):
    (outcome,) = consolidate([path], db).outcomes
    return outcome


@pytest.fixture
def narii(soums, aimag):
    """Нарийнтээл сум, registered at the aimag (its name set by the reviewer first) with its first revision."""
    aimag.parent.mkdir()
    with ReportFile.open(aimag, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    soum = soums("narii").start("Нарийнтээл сум").finalize()
    first = soum.send()
    outcome = one(aimag, first)
    assert (outcome.status, outcome.kind) == ("pending", "new-organization")
    accept_waiting(aimag)
    soum.first_submission = first
    return soum


def test_a_template_copied_from_the_neighbour_never_replaces_the_neighbour(narii, soums, aimag):
    before = current(aimag)
    neighbour = soums("khar").copy_of(narii).reopen().edit(organization="Хархорин сум").finalize()
    outcome = one(aimag, neighbour.send())
    assert (outcome.status, outcome.kind) == ("pending", "new-organization")
    assert current(aimag) == before
    accept_waiting(aimag)
    now = current(aimag)
    assert now["Нарийнтээл сум"] == before["Нарийнтээл сум"]
    assert set(now) == {"Нарийнтээл сум", "Хархорин сум"}


def test_a_score_changed_and_the_fingerprint_recomputed_is_refused(narii, aimag, tmp_path):
    forged = tmp_path / "forged.tailan"
    narii.reopen().finalize()
    shutil.copyfile(narii.send(), forged)
    genuine = check_submission(forged).report
    conn = sqlite3.connect(forged)
    conn.execute("UPDATE measures SET score = '100'")
    conn.commit()
    conn.close()
    # recompute the fingerprint as a forger would, from the documented serialization
    with ReportFile.open(forged, read_only=True) as rf:
        report = rf.load_report(genuine.id)
    new_fingerprint = fingerprint_of(canonical_bytes(report))
    conn = sqlite3.connect(forged)
    conn.execute("UPDATE reports SET fingerprint = ?", (new_fingerprint,))
    conn.commit()
    conn.close()
    before = digest(aimag)
    outcome = one(aimag, forged)
    assert outcome.status == "rejected" and "гарын үсэг" in outcome.reason
    assert digest(aimag) == before
    assert current(aimag)["Нарийнтээл сум"][0] == 1
    verify = run_cli("verify", forged, "--json")
    assert "өөрчлөгдөөгүй" not in verify.stdout.decode()


def test_a_strangers_huge_revision_waits_and_the_real_soum_goes_on(narii, soums, aimag, tmp_path):
    stranger = soums("stranger").start("Нарийнтээл сум").finalize()
    path = stranger.send()
    conn = sqlite3.connect(path)  # a huge revision cannot be forged into a signed file...
    conn.execute("UPDATE reports SET revision = 999999")
    conn.commit()
    conn.close()
    assert one(aimag, path).status == "rejected"
    for _ in range(3):  # ...nor signed by a stranger's own key with a huge revision: it waits
        stranger.reopen().finalize()
    outcome = one(aimag, stranger.send())
    assert (outcome.status, outcome.kind) == ("pending", "new-key")
    assert current(aimag)["Нарийнтээл сум"][0] == 1
    narii.reopen().edit(score_first=Score.IN_PROGRESS).finalize()
    assert one(aimag, narii.send()).status == "updated"
    assert current(aimag)["Нарийнтээл сум"][0] == 2
    with ReportFile.open(aimag) as rf:
        (decision,) = waiting(rf)
        assert decision.key_code != decision.registered_key_codes[0]
        assert "Татгалзлаа" in decide(rf, decision.id, accept=False)
    assert one(aimag, stranger.send()).status == "rejected"  # the reviewer's "no" stands
    assert current(aimag)["Нарийнтээл сум"][0] == 2


def test_old_content_resent_under_a_higher_revision_is_refused(narii, aimag, tmp_path):
    replay = tmp_path / "replay.tailan"
    shutil.copyfile(narii.first_submission, replay)
    conn = sqlite3.connect(replay)
    conn.execute("UPDATE reports SET revision = 2")
    conn.commit()
    conn.close()
    assert one(aimag, replay).status == "rejected"
    narii.reopen().finalize().reopen().finalize()  # revisions 2 and 3 made; 2 never sent
    outcome = one(aimag, narii.send())
    assert (outcome.status, outcome.kind) == ("pending", "revision-gap")
    assert current(aimag)["Нарийнтээл сум"][0] == 1


def test_a_strangers_file_first_does_not_lock_out_the_genuine_one(soums, aimag):
    aimag.parent.mkdir()
    stranger = soums("stranger").start("Нарийнтээл сум").finalize()
    genuine = soums("narii").start("Нарийнтээл сум").finalize()
    first = one(aimag, stranger.send())
    second = one(aimag, genuine.send())
    assert (first.status, second.status) == ("pending", "pending")
    with ReportFile.open(aimag) as rf:
        decide(rf, first.id, accept=False)  # its code does not match the signed paper
        decide(rf, second.id, accept=True)
        (org,) = organizations(rf)
    assert org.key_codes == [second.key_code]
    genuine.reopen().finalize()
    assert one(aimag, genuine.send()).status == "updated"


@pytest.mark.parametrize(
    "spelling",
    ["Нарийнтээл сум ", "нарийнтээл сум", "Hарийнтээл cум", "Нарийнтээл\u00a0сум", "Нарийн\u200bтээл сум"],
    ids=["trailing-space", "case", "latin-look-alikes", "no-break-space", "zero-width-space"],
)
def test_a_name_spelled_otherwise_is_the_same_organization_and_waits(narii, soums, aimag, spelling):
    with ReportFile.open(aimag) as rf:
        set_expected(rf, add=["Хархорин сум"])
    narii.reopen().edit(organization=spelling).finalize()
    outcome = one(aimag, narii.send())
    assert (outcome.status, outcome.kind) == ("pending", "name-differs")
    other = soums("other").start(spelling).finalize()  # a new key under a look-alike name
    outcome = one(aimag, other.send())
    assert (outcome.status, outcome.kind) == ("pending", "new-key"), outcome.reason
    accept_waiting(aimag)
    with ReportFile.open(aimag, read_only=True) as rf:
        assert [r.organization for r in ranking(rf)] == ["Нарийнтээл сум"]
        assert missing_organizations(rf) == ["Хархорин сум"]
        assert [o.name for o in organizations(rf)] == ["Нарийнтээл сум", "Хархорин сум"]


def test_a_look_alike_name_cannot_hide_a_soum_that_never_sent(narii, soums, aimag):
    with ReportFile.open(aimag) as rf:
        set_expected(rf, add=["Хархорин сум"])
    impostor = soums("imp").start("Xархорин сум").finalize()  # Latin X
    outcome = one(aimag, impostor.send())
    assert (outcome.status, outcome.kind) == ("pending", "new-key")
    with ReportFile.open(aimag, read_only=True) as rf:
        assert missing_organizations(rf) == ["Хархорин сум"]


def test_a_soum_of_another_aimag_waits(narii, soums, aimag):
    other = soums("arkh").start("Цэцэрлэг сум", aimag="Архангай").finalize()
    outcome = one(aimag, other.send())
    assert (outcome.status, outcome.kind) == ("pending", "other-aimag")
    assert "Архангай" in outcome.reason


def test_a_fork_waits_and_the_reviewer_can_return_to_an_earlier_revision(narii, soums, aimag):
    narii.reopen().edit(score_first=Score.IN_PROGRESS).finalize()
    assert one(aimag, narii.send()).status == "updated"
    fork = soums("fork").copy_of(narii)  # the same file, edited on a PC with the same key
    shutil.copytree(narii.data, fork.data, dirs_exist_ok=True)
    fork.reopen().edit(score_first=Score.INSUFFICIENT).finalize()
    narii.reopen().edit(score_first=Score.NOT_IMPLEMENTED).finalize()
    assert one(aimag, narii.send()).status == "updated"
    outcome = one(aimag, fork.send())
    assert (outcome.status, outcome.kind) == ("pending", "fork")
    assert current(aimag)["Нарийнтээл сум"][0] == 3
    with ReportFile.open(aimag) as rf:
        assert "1" in restore(rf, "Нарийнтээл сум", 1)
        assert [(h["revision"], h["status"]) for h in history(rf, "нарийнтээл сум")] == [
            (3, "superseded"), (2, "superseded"), (1, "current")]
    assert current(aimag)["Нарийнтээл сум"] == (1, check_submission(narii.first_submission).report.fingerprint)


def test_a_new_pc_means_a_new_key_the_reviewer_accepts_with_both_codes_shown(narii, soums, aimag):
    new_pc = soums("newpc").copy_of(narii).reopen().finalize()
    outcome = one(aimag, new_pc.send())
    assert (outcome.status, outcome.kind) == ("pending", "new-key")
    listed = json.loads(run_cli("pending", aimag, "--json").stdout)
    (item,) = listed
    assert item["key_code"] == outcome.key_code and item["registered_key_codes"] != [outcome.key_code]
    assert item["registered_name"] == "Нарийнтээл сум" and len(item["registered_key_codes"]) == 1
    assert run_cli("decide", aimag, "--accept", item["id"]).returncode == 0
    assert current(aimag)["Нарийнтээл сум"][0] == 2


def test_the_private_key_stays_in_the_data_folder_readable_only_by_the_user(narii):
    path = key_path("Нарийнтээл сум")
    assert path.is_relative_to(narii.data)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secret = path.read_bytes()
    body = b"".join(line for line in secret.splitlines() if not line.startswith((b"#", b"-----")))
    for f in (narii.file, narii.first_submission):
        assert body not in f.read_bytes()
    report = check_submission(narii.first_submission).report
    assert report.public_key and len(bytes.fromhex(report.public_key)) == 32


def test_cancel_leaves_the_aimag_file_as_it_was(narii, soums, aimag):
    files = [soums(f"s{i}").start(f"Сум {i}").finalize().send() for i in range(3)]
    before = digest(aimag)
    archived = sorted(archive_dir(aimag).iterdir())
    asked = []

    def cancel_after_two():
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ConsolidationCancelled):
        consolidate(files, aimag, should_cancel=cancel_after_two)
    assert digest(aimag) == before
    assert sorted(archive_dir(aimag).iterdir()) == archived


def test_the_cli_contract(narii, soums, aimag, tmp_path):
    env_b = soums("cli").use()  # run_cli passes this data folder on to the process
    shown = run_cli("key", "show", "--organization", "Хархорин сум", "--json")
    assert shown.returncode == 0, shown.stderr.decode()
    code = json.loads(shown.stdout)["key_code"]
    assert json.loads(run_cli("key", "show", "--organization", "Хархорин сум", "--json").stdout)["key_code"] == code
    env_b.start("Хархорин сум").finalize()
    sent = env_b.send()
    result = run_cli("consolidate", sent, "--db", aimag, "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert set(data) >= {"added", "updated", "skipped", "rejected", "pending"}
    (item,) = data["pending"]
    assert item["organization"] == "Хархорин сум" and item["reason"] and item["file"] and item["id"]
    assert item["key_code"] == code
    assert run_cli("decide", aimag, "--accept", item["id"]).returncode == 0
    assert run_cli("decide", aimag, "--accept", item["id"]).returncode == 2
    again = run_cli("consolidate", sent, "--db", aimag, "--json")
    assert again.returncode == 0 and len(json.loads(again.stdout)["skipped"]) == 1
    ranked = json.loads(run_cli("ranking", aimag, "--json").stdout)["ranking"]
    assert {(r["organization"], r["total_display"], r["revision"]) for r in ranked} == {
        ("Нарийнтээл сум", "85,0", 1), ("Хархорин сум", "85,0", 1)}
    assert run_cli("consolidate", "--db", aimag).returncode == 2


def test_the_register_is_migrated_from_the_expected_list_of_an_older_file(tmp_path):
    from sqlite_utils import Database

    from core.storage.migrations import migrations
    from core.storage.schema import APPLICATION_ID

    path = tmp_path / "old-aimag.tailan"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(Database(conn), stop_before="0003_signatures_and_register")
    conn.executemany("INSERT INTO expected_organizations (name, added_at) VALUES (?, '2023-01-01')",
                     [("Нарийнтээл сум",), ("Хархорин сум",), ("нарийнтээл  сум",)])
    conn.commit()
    conn.close()
    with ReportFile.open(path) as rf:
        assert [(o.name, o.expected) for o in organizations(rf)] == [("Нарийнтээл сум", True), ("Хархорин сум", True)]


def test_the_aimag_name_can_be_set_before_any_file_arrives(soums, aimag):
    aimag.parent.mkdir()
    with ReportFile.open(aimag, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    other = soums("arkh").start("Цэцэрлэг сум", aimag="Архангай").finalize()
    assert one(aimag, other.send()).kind == "other-aimag"


def test_verify_says_what_was_proven_and_by_whose_key(narii, soums, aimag):
    code = check_submission(narii.first_submission).report.public_key
    from core.trust.signing import key_code

    alone = run_cli("verify", narii.first_submission)
    assert alone.returncode == 0 and f"түлхүүрийн код {key_code(code)}" in alone.stdout.decode()
    assert "тулгаагүй" in alone.stdout.decode()
    registered = run_cli("verify", narii.first_submission, "--db", aimag, "--json")
    (item,) = json.loads(registered.stdout)
    assert f"Нарийнтээл сум-д зөвшөөрсөн түлхүүр (код {key_code(code)})" in item["reason"]
    assert item["key_code"] == key_code(code)
    stranger = soums("stranger").start("Нарийнтээл сум").finalize().send()
    unknown = run_cli("verify", stranger, "--db", aimag).stdout.decode()
    assert "бүртгэлд алга" in unknown
    for text in (alone.stdout.decode(), registered.stdout.decode(), unknown):
        assert "өөрчлөгдөөгүй" not in text  # a hash that matches proves no more than it proves
