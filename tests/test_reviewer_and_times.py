"""Who and when on the way back down (issue 23, item 6): the reviewer's name, given once,
on every remark and receipt; times as the local clock, with the offset in the files.

The aimag's PC runs on Ulaanbaatar time (``TZ=ULAT-8``, no tzdata needed), so a UTC
stamp and a local one differ by eight hours and a test can tell them apart.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import time
from pathlib import Path

import pytest
from helpers import run_cli
from test_receipt import as_aimag, world  # noqa: F401  (the fixture: two soums sent, the aimag accepted both)

from core.storage.clock import as_local_iso, local_clock

ORG = "Нарийнтээл сум"


@pytest.fixture(autouse=True)
def ulaanbaatar_time(monkeypatch):
    monkeypatch.setenv("TZ", "ULAT-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def remarks_json(w) -> list[dict]:
    result = run_cli("review", w.db, "--organization", ORG, "--json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def near_now(stamp: str) -> bool:
    moment = datetime.datetime.fromisoformat(stamp)
    return abs((datetime.datetime.now(datetime.timezone.utc) - moment).total_seconds()) < 120


def test_the_reviewers_name_is_given_once_and_signs_every_remark_with_local_time(world):
    as_aimag(world)
    first = run_cli("review", world.db, "--organization", ORG, "--remark", "Сайн", "--author", "Д.Хянагч")
    assert first.returncode == 0, first.stderr.decode()
    # the next remark, without --author: the name given once, not the computer's login
    assert run_cli("review", world.db, "--organization", ORG, "--measure", "6.1", "--remark", "Нотолгоо",
                   "--score", "70").returncode == 0
    remarks = remarks_json(world)
    assert [r["author"] for r in remarks] == ["Д.Хянагч", "Д.Хянагч"]
    for remark in remarks:
        assert remark["at"].endswith("+08:00") and near_now(remark["at"]), remark["at"]
    listed = run_cli("review", world.db, "--organization", ORG).stdout.decode()
    local_now = datetime.datetime.now().strftime("%Y-%m-%d %H:")
    assert "Д.Хянагч" in listed and local_now in listed  # printed as the wall clock shows it


def test_a_receipt_carries_the_reviewer_and_local_times_and_prints_them_as_the_clock(world, tmp_path):
    as_aimag(world)
    assert run_cli("review", world.db, "--organization", ORG, "--remark", "Сайн тайлан",
                   "--author", "Б.Батаа").returncode == 0
    written = run_cli("receipt", world.db, "--organization", ORG, "-o", world.out)
    assert written.returncode == 0, written.stderr.decode()
    path = written.stdout.decode().strip()
    body = json.loads(Path(path).read_text(encoding="utf-8"))["body"]
    assert body["reviewer"] == "Б.Батаа"
    assert body["remarks"][0]["author"] == "Б.Батаа"
    for stamp in (body["issued_at"], body["received_at"], body["remarks"][0]["at"]):
        assert stamp.endswith("+08:00"), stamp
    assert near_now(body["issued_at"])
    # another reviewer on the command line signs the receipt with their own name
    other = run_cli("receipt", world.db, "--organization", ORG, "-o", world.out, "--author", "Г.Гэрэл")
    assert json.loads(Path(other.stdout.decode().strip()).read_text(encoding="utf-8"))["body"]["reviewer"] == "Г.Гэрэл"

    world.narii.use()
    assert run_cli("receipt-open", world.narii.file, path, "--accept-key").returncode == 0
    printed = tmp_path / "receipt.pdf"
    assert run_cli("receipt-print", world.narii.file, "-o", printed).returncode == 0
    text = subprocess.run(["pdftotext", "-layout", printed, "-"], capture_output=True, check=True).stdout.decode()
    assert "UTC" not in text
    assert local_clock(body["issued_at"]) in text and local_clock(body["received_at"]) in text
    assert "Б.Батаа" in text


def test_stamps_read_as_the_local_clock_whatever_way_they_were_stored():
    assert local_clock("2026-12-07T14:07:26.123+00:00") == "2026-12-07 22:07"
    assert local_clock("2026-12-07T14:07:26Z") == "2026-12-07 22:07"
    assert local_clock("2026-12-07T21:07:26+07:00") == "2026-12-07 22:07"  # written in Khovd
    assert local_clock("2026-12-07T14:07:26.123+00:00", with_time=False) == "2026-12-07"
    assert as_local_iso("2026-12-07T14:07:26.123+00:00") == "2026-12-07T22:07:26+08:00"
    assert local_clock("not a time") == "not a time"


def test_the_remarks_printout_keeps_the_measures_words_whole(world, tmp_path):
    as_aimag(world)
    from core.aimag.remarks import current_submission
    from core.storage import ReportFile

    with ReportFile.open(world.db, read_only=True) as rf:
        report = current_submission(rf, ORG)[0]
    for number in ("1.1", "6.1", "6.3"):
        assert run_cli("review", world.db, "--organization", ORG, "--measure", number,
                       "--remark", "Хүрсэн түвшинг тоогоор бичнэ үү").returncode == 0
    pdf = tmp_path / "remarks.pdf"
    assert run_cli("review", world.db, "--organization", ORG, "--pdf", pdf).returncode == 0
    words = set(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode().split())
    for number in ("1.1", "6.1", "6.3"):
        measure_words = report.find_measure(number)[0].text.split()[:12]  # the printout shows its beginning
        cut = [w for w in measure_words if w not in words]
        assert not cut, f"{number}: words broken in the measure column: {cut}"


def test_a_backup_of_the_aimags_file_is_kept_before_each_consolidation_run(world, monkeypatch):
    from core.aimag import backups as kept_backups
    from core.aimag.backups import backups
    from core.aimag.consolidate import consolidate
    from core.aimag.ranking import ranking
    from core.storage import ReportFile

    as_aimag(world)
    with ReportFile.open(world.db, read_only=True) as rf:
        before = [(r.organization, r.total_display) for r in ranking(rf)]
    earlier = backups(world.db)  # the fixture's own run kept one already
    result = consolidate([world.narii.send()], world.db)  # the same file again: skipped, but kept first
    kept = backups(world.db)[-1]
    assert len(backups(world.db)) == len(earlier) + 1
    assert result.backup == kept and kept.parent.name == "aimag-нөөц"
    with ReportFile.open(kept, read_only=True) as rf:  # a whole consolidation file, as it was
        assert [(r.organization, r.total_display) for r in ranking(rf)] == before
    monkeypatch.setattr(kept_backups, "KEPT", 2)
    for _ in range(3):
        consolidate([world.narii.send()], world.db)
    assert len(backups(world.db)) == 2  # the newest are kept, not one a run for ever
    assert consolidate([], world.db).backup is None  # nothing to consolidate: nothing changes, no copy


def test_an_aimags_own_file_given_as_a_submission_is_named_plainly(world, tmp_path):
    import shutil

    from core.aimag.consolidate import consolidate

    as_aimag(world)
    mistaken = shutil.copy(world.db, tmp_path / "from-the-usb-stick.tailan")
    (outcome,) = consolidate([mistaken], tmp_path / "other-aimag.tailan").outcomes
    assert outcome.status == "rejected"
    assert "аймгийн нэгтгэлийн файл" in outcome.reason and "хязгаар" not in outcome.reason, outcome.reason


def test_stamps_compare_as_instants_whatever_their_offsets():
    from core.storage.clock import later_than, local_now_iso

    assert later_than("2026-12-07T22:07:27+08:00", "2026-12-07T14:07:26.500+00:00")
    assert not later_than("2026-12-07T22:07:26+08:00", "2026-12-07T14:07:26.500+00:00")
    first, second = local_now_iso(), local_now_iso()
    assert not later_than(first, second) and "." in first  # milliseconds: two in one second keep their order
