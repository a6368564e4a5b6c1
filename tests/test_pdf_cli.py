"""``tailan-cli export-pdf`` and the preflight the window shows before printing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdf_helpers import final_report, page_count, sample_report

from core import cli
from core.pdf.preflight import preflight
from core.report.checks import ProblemCode
from core.report.model import Goal, Measure, Report, Score
from core.storage import ReportFile

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample_file(tmp_path) -> Path:
    path = tmp_path / "soum.tailan"
    with ReportFile.open(path, create=True) as rf:
        rf.add_report(sample_report())
    return path


def test_export_pdf_command(sample_file, tmp_path, capsys):
    out = tmp_path / "тайлан.pdf"
    assert cli.main(["export-pdf", str(sample_file), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-") and page_count(out) >= 2
    err = capsys.readouterr().err
    assert "хуудас" in err and "ТӨСӨЛ" in err and "6.1." in err


def test_export_pdf_with_report_id(sample_file, tmp_path):
    with ReportFile.open(sample_file) as rf:
        other = final_report()
        rf.add_report(other)
    out = tmp_path / "final.pdf"
    assert cli.main(["export-pdf", str(sample_file), "--report", other.id, "-o", str(out)]) == 0
    assert b"%PDF" in out.read_bytes()[:8]


@pytest.mark.parametrize("target", ["missing/out.pdf", "."])
def test_bad_output_exits_2_with_a_message(sample_file, tmp_path, capsys, target):
    code = cli.main(["export-pdf", str(sample_file), "-o", str(tmp_path / target)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("tailan-cli: ") and "Traceback" not in err
    assert not (tmp_path / "missing").exists()


def test_output_over_the_report_file_is_refused(sample_file, capsys):
    before = sample_file.read_bytes()
    assert cli.main(["export-pdf", str(sample_file), "-o", str(sample_file)]) == 2
    assert sample_file.read_bytes() == before
    assert "tailan-cli: " in capsys.readouterr().err


def test_bad_input_file_exits_2(tmp_path, capsys):
    not_ours = tmp_path / "x.txt"
    not_ours.write_text("hello", encoding="utf-8")
    assert cli.main(["export-pdf", str(not_ours), "-o", str(tmp_path / "o.pdf")]) == 2
    assert cli.main(["export-pdf", str(tmp_path / "none.tailan"), "-o", str(tmp_path / "o.pdf")]) == 2
    assert not (tmp_path / "o.pdf").exists()


def test_output_option_is_required(sample_file):
    with pytest.raises(SystemExit) as info:
        cli.main(["export-pdf", str(sample_file)])
    assert info.value.code == 2


def test_command_runs_as_a_process(sample_file, tmp_path):
    # the installed script (``python -m core.cli`` runs the module as __main__, whose
    # registry of extension commands is not the one core.pdf.cli fills)
    script = Path(sys.executable).parent / "tailan-cli"
    if not script.exists():
        pytest.skip("tailan-cli is not installed in this environment")
    out = tmp_path / "p.pdf"
    done = subprocess.run(
        [str(script), "export-pdf", str(sample_file), "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert out.is_file()


# ------------------------------------------------------------------ preflight
def test_preflight_of_the_sample_lists_the_three_unscored():
    problems = preflight(sample_report())
    assert [(p.kind, p.number) for p in problems] == [(ProblemCode.UNSCORED, "6.1."), (ProblemCode.UNSCORED, "6.2."), (ProblemCode.UNSCORED, "6.3.")]
    assert all("үнэлгээгүй" in p.message and p.message.startswith(p.number) for p in problems)
    assert preflight(final_report()) == []


def test_preflight_empty_indicator_and_target():
    m1 = Measure(number="1.1.", text="a", indicator=" ", target_level="10", score=Score.FULL)
    m2 = Measure(number="", text="b", indicator="x", target_level="", score=Score.NOT_DUE)
    goal = Goal(number="1.", text="g", measures=[m1, m2])
    problems = preflight(Report(goals=[goal]))
    assert [(p.kind, p.measure_id, p.goal_id) for p in problems] == [
        (ProblemCode.EMPTY_INDICATOR, m1.id, goal.id),
        (ProblemCode.EMPTY_TARGET, m2.id, goal.id),
    ]
    assert "шалгуур үзүүлэлт хоосон" in problems[0].message
    assert problems[1].number == "1. зорилтын 2-р" and "зорилтот түвшин хоосон" in problems[1].message
