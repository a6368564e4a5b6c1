"""The aimag side: untrusted files checked, archived, merged; hostile files rejected untouched."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess

import pytest
from generate import consolidate_trusted, submission_chain, submission_file
from helpers import digest, run_cli

from core.aimag.consolidate import archive_dir, consolidate
from core.aimag.ranking import missing_organizations, ranking, ranking_csv
from core.aimag.register import set_expected
from core.received.verify import check_submission
from core.storage import ReportFile
from core.trust.fingerprint import compute_fingerprint


@pytest.fixture
def received(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    files = [submission_file(folder, name, seed=i) for i, name in enumerate(["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум"])]
    return folder, files


def counts(db):
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
            "submissions WHERE status = 'current'", "submissions", "decisions WHERE status = 'waiting'"))
    finally:
        conn.close()


def test_new_files_wait_for_the_reviewer_then_are_ranked_and_archived(received, tmp_path):
    folder, files = received
    db = tmp_path / "aimag.tailan"
    result = consolidate(files, db)
    assert [(o.status, o.kind) for o in result.outcomes] == [("pending", "new-organization")] * 3
    assert counts(db)[:2] == (0, 0)
    result = consolidate_trusted(files, db)
    assert [o.status for o in result.outcomes] == ["added"] * 3
    archived = sorted(p.name for p in archive_dir(db).iterdir())
    assert archived == sorted(f"{check_submission(f).sha256}.tailan" for f in files)
    with ReportFile.open(db, read_only=True) as rf:
        rows = ranking(rf)
        assert [r.rank for r in rows] == [1, 2, 3]
        assert [r.total for r in rows] == sorted((r.total for r in rows), reverse=True)
        assert all(r.unscored == 0 and r.revision == 1 and len(r.fingerprint) == 64 for r in rows)


def test_same_file_twice_is_skipped(received, tmp_path):
    _, files = received
    db = tmp_path / "aimag.tailan"
    consolidate_trusted(files[:1], db)
    before = counts(db)
    result = consolidate([files[0], files[0]], db)
    assert [o.status for o in result.outcomes] == ["skipped", "skipped"]
    assert "давхардсан" in result.outcomes[0].reason
    assert counts(db) == before


def test_newer_revision_replaces_older_and_history_is_kept(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, second = submission_chain(inbox, "Нарийнтээл сум", seed=5)
    assert check_submission(first).report.id == check_submission(second).report.id
    db = tmp_path / "aimag.tailan"
    assert consolidate_trusted([first], db).outcomes[0].status == "added"
    assert consolidate([second], db).outcomes[0].status == "updated"
    conn = sqlite3.connect(db)
    history = conn.execute("SELECT revision, status FROM submissions ORDER BY id").fetchall()
    conn.close()
    assert history == [(1, "superseded"), (2, "current")]
    with ReportFile.open(db, read_only=True) as rf:
        (row,) = ranking(rf)
        assert row.revision == 2


def test_two_revisions_out_of_order(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, second = submission_chain(inbox, "Нарийнтээл сум", seed=5)
    db = tmp_path / "aimag.tailan"
    consolidate_trusted([second], db)
    result = consolidate([first], db)
    assert [(o.status, o.kind) for o in result.outcomes] == [("pending", "older-revision")]
    assert "хуучин хувилбар" in result.outcomes[0].reason
    assert counts(db)[:2] == (1, 1)


def test_another_report_for_the_same_organization_waits_as_a_fork(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    a = submission_file(inbox, "Нарийнтээл сум", seed=1)
    b = submission_file(inbox, "Нарийнтээл сум", seed=2)
    db = tmp_path / "aimag.tailan"
    consolidate_trusted([a], db)
    result = consolidate([b], db)
    assert [(o.status, o.kind) for o in result.outcomes] == [("pending", "fork")]
    assert counts(db)[:2] == (1, 1)


def make_hostile(kind, good, folder):
    """One hostile file of each kind, made from a good submission where that helps."""
    path = folder / f"{kind}.tailan"
    data = good.read_bytes()
    if kind == "not-sqlite":
        path.write_bytes("Энэ бол захидал, мэдээллийн сан биш.\n".encode() * 50)
    elif kind == "zero-bytes":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "random-bytes":
        import random

        path.write_bytes(random.Random(7).randbytes(len(data)))
    elif kind == "other-app-sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    else:
        path.write_bytes(data)
        conn = sqlite3.connect(path)
        if kind == "newer-version":
            conn.execute("PRAGMA user_version = 99")
        elif kind == "trigger":
            conn.execute("CREATE TRIGGER t AFTER INSERT ON goals BEGIN DELETE FROM goals; END")
        elif kind == "view":
            conn.execute("CREATE VIEW v AS SELECT * FROM measures")
        elif kind == "extra-table":
            conn.execute("CREATE TABLE payload (x)")
        elif kind == "oversized-text":
            conn.execute("UPDATE measures SET achieved = ? WHERE rowid = 1", ("ө" * 200_000,))
        elif kind == "not-finalized":
            conn.execute("UPDATE reports SET finalized_at = NULL, fingerprint = NULL")
        elif kind == "two-reports":
            conn.execute("INSERT INTO reports (id, created_at) VALUES ('x', 'now')")
        elif kind == "wrong-app-id":
            conn.execute("PRAGMA application_id = 1")
        conn.commit()
        conn.close()
    return path


HOSTILE = {
    "not-sqlite": "Тайлан програмын файл биш",
    "zero-bytes": "хоосон",
    "truncated": "таслагдсан",
    "random-bytes": "Тайлан програмын файл биш",
    "other-app-sqlite": "өөр програмын",
    "newer-version": "шинэ хувилбар",
    "trigger": "гадны триггер",
    "view": "гадны харагдац",
    "extra-table": "бүтэц",
    "oversized-text": "хэт урт",
    "not-finalized": "баталгаажаагүй",
    "two-reports": "яг нэг тайлан",
    "wrong-app-id": "өөр програмын",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_files_are_rejected_with_reason_and_untouched(received, tmp_path, kind):
    _, files = received
    hostile_dir = tmp_path / "hostile"
    hostile_dir.mkdir()
    path = make_hostile(kind, files[0], hostile_dir)
    before = digest(path)
    db = tmp_path / "aimag.tailan"
    consolidate_trusted(files[1:2], db)
    db_counts = counts(db)
    result = consolidate([path], db)
    (outcome,) = result.outcomes
    assert outcome.status == "rejected"
    assert HOSTILE[kind] in outcome.reason, outcome.reason
    assert counts(db) == db_counts
    assert digest(path) == before
    assert len(list(archive_dir(db).iterdir())) == 1
    verify = run_cli("verify", path)
    assert verify.returncode == 2 and "Traceback" not in verify.stderr.decode() + verify.stdout.decode()
    assert digest(path) == before
    assert sorted(p.name for p in hostile_dir.iterdir()) == [path.name]


def test_cli_consolidate_json_and_ranking_exports(received, tmp_path):
    folder, files = received
    bad = folder / "garbage.tailan"
    bad.write_bytes(b"garbage" * 100)
    db = tmp_path / "aimag.tailan"
    result = run_cli("consolidate", folder, "--db", db, "--json")
    assert result.returncode == 1, result.stderr.decode()
    data = json.loads(result.stdout)
    assert (data["added"], data["updated"], data["skipped"]) == ([], [], [])
    assert [r["file"].endswith("garbage.tailan") for r in data["rejected"]] == [True]
    assert all(r["reason"] and "file" in r and "organization" in r for r in data["rejected"] + data["pending"])
    assert sorted(p["organization"] for p in data["pending"]) == sorted(["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум"])
    listed = json.loads(run_cli("pending", db, "--json").stdout)
    assert sorted(d["id"] for d in listed) == sorted(p["id"] for p in data["pending"])
    refused = run_cli("decide", db, "--accept", data["pending"][0]["id"])  # the reviewer names the aimag first
    assert refused.returncode == 2 and "--aimag" in refused.stderr.decode()
    assert run_cli("register", db, "--aimag", "Өвөрхангай").returncode == 0
    for p in data["pending"]:
        assert run_cli("decide", db, "--accept", p["id"]).returncode == 0
    again = run_cli("consolidate", *files, "--db", db, "--json")
    assert again.returncode == 0
    again = json.loads(again.stdout)
    assert (len(again["added"]), len(again["skipped"]), again["rejected"], again["pending"]) == (0, 3, [], [])

    assert run_cli("expected", db, "--add", "Нарийнтээл сум", "Өлзийт сум").returncode == 0
    out_csv, out_pdf = tmp_path / "rank.csv", tmp_path / "rank.pdf"
    result = run_cli("ranking", db, "--json", "--csv", out_csv, "--pdf", out_pdf)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert [r["rank"] for r in data["ranking"]] == [1, 2, 3] and data["missing"] == ["Өлзийт сум"]
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][1] == "Байгууллага" and {r[1] for r in rows[1:]} == {"Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум"}
    text = subprocess.run(["pdftotext", "-layout", out_pdf, "-"], capture_output=True, check=True).stdout.decode()
    assert "Бат-Өлзий сум" in text and "Өлзийт сум" in text and "ЭРЭМБЭ" in text


def test_missing_organizations(received, tmp_path):
    _, files = received
    db = tmp_path / "aimag.tailan"
    consolidate_trusted(files, db)
    with ReportFile.open(db) as rf:
        set_expected(rf, add=["нарийнтээл сум", "Өлзийт сум"])
        assert missing_organizations(rf) == ["Өлзийт сум"]
        assert "Хархорин сум" in ranking_csv(ranking(rf))


def test_archived_copy_is_the_received_bytes(received, tmp_path):
    _, files = received
    db = tmp_path / "aimag.tailan"
    consolidate(files[:1], db)  # waiting for the reviewer: archived all the same
    (archived,) = archive_dir(db).iterdir()
    assert archived.read_bytes() == files[0].read_bytes()
    verdict = check_submission(archived)
    assert verdict.ok and compute_fingerprint(verdict.report) == verdict.report.fingerprint


def test_copied_received_folder_is_never_changed(received, tmp_path):
    folder, files = received
    snapshot = {p.name: digest(p) for p in folder.iterdir()}
    consolidate([folder], tmp_path / "aimag.tailan")
    assert {p.name: digest(p) for p in folder.iterdir()} == snapshot
    shutil.rmtree(folder)



def test_equal_totals_share_a_rank(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # А and Б: the same scores (content seed 11) under their own identities; В another
    files = [
        submission_file(inbox, "А сум", seed=11, id_seed=101),
        submission_file(inbox, "Б сум", seed=11, id_seed=102),
        submission_file(inbox, "В сум", seed=12, id_seed=103),
    ]
    db = tmp_path / "aimag.tailan"
    assert consolidate_trusted(files, db).count("added") == 3
    with ReportFile.open(db, read_only=True) as rf:
        rows = {r.organization: r for r in ranking(rf)}
    assert rows["А сум"].total == rows["Б сум"].total != rows["В сум"].total
    assert rows["А сум"].rank == rows["Б сум"].rank
    assert rows["В сум"].rank in (1, 3)
