"""The title follows the header until it is written by hand (issue 11, item 3): core and tailan-cli."""

from __future__ import annotations

import json

import pytest
from helpers import SAMPLE_TXT, digest, run_cli

from core.pdf.preflight import TITLE, preflight
from core.report.checks import check_report
from core.report.model import Period, Report
from core.report.title import build_title, follows_header, header_edits, title_problems
from core.tables.textimport import import_file


def sample():
    report = import_file(SAMPLE_TXT).report
    report.aimag = "Өвөрхангай"
    return report


def test_the_built_title_is_the_samples_three_lines_in_capitals():
    report = sample()
    assert build_title("Нарийнтээл сум", 2023).split("\n") == [
        line.strip() for line in report.title.split("\n")
    ]
    assert build_title("Өлзийт сум", 2024).startswith("ӨЛЗИЙТ СУМ, ")
    assert "2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХАГАС ЖИЛИЙН ХЭРЭГЖИЛТ" in build_title("Баян сум", 2024, Period.HALF_YEAR)
    assert follows_header(report)  # the Word title is the built one, spaces and capitals aside


@pytest.mark.parametrize("field,value,expected", [
    ("organization", "Өлзийт сум", "ӨЛЗИЙТ СУМ, БАЙГУУЛЛАГЫН"),
    ("year", "2024", "2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ"),
    ("period", "half-year", "2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХАГАС ЖИЛИЙН ХЭРЭГЖИЛТ"),
])
def test_a_header_edit_takes_the_built_title_along(field, value, expected):
    edits = dict(header_edits(sample(), field, value))
    assert expected in edits["title"]
    assert len(edits) == 2


def test_a_hand_written_title_is_never_rewritten_but_is_a_problem_when_it_names_another_soum():
    report = sample()
    report.title = "НАРИЙНТЭЭЛ СУМЫН 2023 ОНЫ АВЛИГЫН ЭСРЭГ ТӨЛӨВЛӨГӨӨНИЙ ТАЙЛАН"
    assert not follows_header(report)
    assert title_problems(report) == []
    assert header_edits(report, "organization", "Өлзийт сум") == [("organization", "Өлзийт сум")]
    report.organization = "Өлзийт сум"
    report.year = 2024
    assert title_problems(report) == ["organization", "year"]
    codes = [p.code for p in check_report(report)]
    assert codes[:2] == ["title-without-organization", "title-without-year"]
    found = [p for p in preflight(report) if p.kind == TITLE]
    assert len(found) == 2 and "Өлзийт сум" in found[0].message and "2024" in found[1].message


def test_an_empty_title_follows_by_itself():
    report = Report(organization="Баян сум", year=2024)
    assert header_edits(report, "organization", "Өлзийт сум") == [("organization", "Өлзийт сум")]
    assert title_problems(report) == []
    report.organization = "Өлзийт сум"
    assert report.display_title().startswith("ӨЛЗИЙТ СУМ, ")


# --------------------------------------------------------------- tailan-cli
def imported(tmp_path, *extra):
    db = tmp_path / "soum.tailan"
    result = run_cli("import", SAMPLE_TXT, "--db", db, *extra)
    assert result.returncode == 0, result.stderr.decode()
    return db


def show(db):
    result = run_cli("show", db, "--json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_import_with_organization_sets_the_title_as_the_form_does(tmp_path):
    report = show(imported(tmp_path, "--organization", "Өлзийт сум"))
    assert report["organization"] == "Өлзийт сум"
    assert report["title"].startswith("ӨЛЗИЙТ СУМ, БАЙГУУЛЛАГЫН")
    assert "НАРИЙНТЭЭЛ" not in report["title"]


def test_set_report_field_takes_the_title_along(tmp_path):
    db = imported(tmp_path)
    result = run_cli("set", db, "--report-field", "organization", "--value", "Өлзийт сум")
    assert result.returncode == 0, result.stderr.decode()
    assert "ӨЛЗИЙТ СУМ" in result.stdout.decode()
    assert run_cli("set", db, "--report-field", "year", "--value", "2024").returncode == 0
    report = show(db)
    assert report["organization"] == "Өлзийт сум" and report["year"] == 2024
    assert report["title"].split("\n")[0].startswith("ӨЛЗИЙТ СУМ,")
    assert report["title"].endswith("2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ")
    for field, value in (("aimag", "Завхан"), ("report_date", "2024.12.01"), ("appendix_label", "Хавсралт"),
                         ("period", "half-year")):
        assert run_cli("set", db, "--report-field", field, "--value", value).returncode == 0
    report = show(db)
    assert (report["aimag"], report["report_date"], report["appendix_label"], report["period"]) == (
        "Завхан", "2024.12.01", "Хавсралт", "half-year")
    assert "ХАГАС ЖИЛИЙН" in report["title"]


def test_set_report_field_title_by_hand_then_the_title_stays(tmp_path):
    db = imported(tmp_path)
    assert run_cli("set", db, "--report-field", "title", "--value", "МИНИЙ ГАРЧИГ 2023 НАРИЙНТЭЭЛ СУМ").returncode == 0
    assert run_cli("set", db, "--report-field", "organization", "--value", "Өлзийт сум").returncode == 0
    report = show(db)
    assert report["title"] == "МИНИЙ ГАРЧИГ 2023 НАРИЙНТЭЭЛ СУМ"
    pdf = run_cli("export-pdf", db, "-o", tmp_path / "out.pdf")
    assert "Гарчигт байгууллагын нэр «Өлзийт сум» алга" in pdf.stderr.decode()


@pytest.mark.parametrize("args,words", [
    (("--report-field", "year", "--value", "20x4"), ["он буруу"]),
    (("--report-field", "organization"), ["--value"]),
    (("--report-field", "colour", "--value", "x"), ["тушаал буруу"]),
    (("--report-field", "year", "--value", "2024", "--measure", "1.1"), ["--measure"]),
])
def test_bad_report_field_exits_2_and_changes_nothing(tmp_path, args, words):
    db = imported(tmp_path)
    before = digest(db)
    result = run_cli("set", db, *args)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err
    for word in words:
        assert word in err
    assert digest(db) == before
