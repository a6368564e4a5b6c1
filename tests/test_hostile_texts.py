"""Texts no report holds are refused at the aimag, and every command-line output shows names escaped (issue 19).

NUL, ESC and RLO in a report's texts were accepted; ``pending`` and the other commands
printed control characters from names and file names raw, so a file could show a fake
pending line with the genuine code and hide the real one.
"""

from __future__ import annotations

import json

import pytest
from helpers import run_cli
from soums import Soum

from core.aimag.consolidate import consolidate
from core.errors import TailanError
from core.received.verify import check_submission
from core.storage import ReportFile


@pytest.fixture
def soum(tmp_path, monkeypatch):
    return Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум")


def sent_without_the_export_check(soum, path):
    """The submission file as a forger's own program would write it: no check before it leaves."""
    soum.use()
    with ReportFile.open(soum.file, read_only=True) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        log = rf.change_log(report.id)
    with ReportFile.create(path) as out:
        out.insert_report(report)
        out.insert_change_log(log)
    return path


@pytest.mark.parametrize("text", ["Хэлэлцсэн\x00 далд", "Хэлэлцсэн\x1b[2J", "Хэлэлцсэн \u202eдүн 100\u202c",
                                  "Хэлэлцсэн\x9b2J"], ids=["NUL", "ESC", "RLO", "C1-CSI"])
def test_a_control_character_in_a_text_is_refused_at_the_aimag(soum, tmp_path, text):
    soum.use()
    with ReportFile.open(soum.file) as rf:
        first = rf.load_report(rf.resolve_report_id(None)).measures()[0]
        rf.set_field("measure", first.id, "achieved", text)
    soum.finalize()
    with pytest.raises(TailanError) as refused:  # the soum learns it before sending
        soum.send()
    assert "хяналтын тэмдэгт" in refused.value.message
    verdict = check_submission(sent_without_the_export_check(soum, tmp_path / "forged.tailan"))
    assert not verdict.ok and "хяналтын тэмдэгт" in verdict.reason


def test_a_line_break_in_the_organizations_name_is_refused(soum, tmp_path):
    soum.edit(organization="Нарийнтээл сум\n#9 [шинэ түлхүүр] Хархорин сум").finalize()
    verdict = check_submission(sent_without_the_export_check(soum, tmp_path / "forged.tailan"))
    assert not verdict.ok and "нэг мөр" in verdict.reason


def test_pending_and_consolidate_print_a_hostile_file_name_escaped(soum, tmp_path):
    good = soum.finalize().send()
    hostile = good.with_name("a\x1b[2J\n#99 [шинэ түлхүүр] Хархорин: бүртгэлтэй\u202e.tailan")
    good.rename(hostile)
    aimag = tmp_path / "aimag.tailan"
    result = run_cli("consolidate", hostile, "--db", aimag)
    pending = run_cli("pending", aimag)
    for output in (result.stdout.decode(), pending.stdout.decode()):
        assert "\x1b" not in output and "\u202e" not in output
        assert not any(line.startswith("#99") for line in output.splitlines())
        assert "\\u001b" in output
    assert pending.stdout.decode().count("\n") == 2  # the decision's two lines, no more
    listed = json.loads(run_cli("pending", aimag, "--json").stdout)  # JSON stays JSON
    assert listed[0]["file"] == hostile.name
    verify = run_cli("verify", hostile).stdout.decode()
    assert "\x1b" not in verify and len(verify.strip().splitlines()) == 1


def test_consolidating_needs_no_name_from_a_file(soum, tmp_path):
    """Consolidating without the aimag's name set still works; nothing of a file names the aimag."""
    aimag = tmp_path / "aimag.tailan"
    (outcome,) = consolidate([soum.finalize().send()], aimag).outcomes
    assert outcome.kind == "new-organization"
    assert "Аймаг: (тохируулаагүй)" in run_cli("register", aimag).stdout.decode()
