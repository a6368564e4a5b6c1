"""The officer's whole year in core (issue 21): the next report, the plan's rules, fingerprint v4,
the report against its plan, the migration and the bounds of a received file."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from generate import submission_file
from helpers import FIXTURES, REPO
from test_submission import vector_report

from core.aimag.plan_compare import Difference, compare, compare_with_plans
from core.errors import TailanError
from core.received.verify import check_submission
from core.report.checks import check_report
from core.report.model import Goal, Measure, Period, Report, Score, Signatory
from core.report.next_report import default_year, next_report
from core.report.scoring import summarize
from core.sending.lifecycle import finalize
from core.storage import ReportFile
from core.trust.fingerprint import FORMAT, FORMAT_V4, canonical_bytes, canonical_content, compute_fingerprint
from core.trust.fingerprint import report_from_content


def year_report(period: Period = Period.ANNUAL, year: int = 2024) -> Report:
    measures = [Measure(number=f"1.{i}.", text=f"арга хэмжээ {i}", indicator="тоо", baseline_year="2023",
                        baseline_level="1", target_level=str(10 * i), achieved=f"хийсэн {i}", score=Score.FULL,
                        responsible="ЗДТГ", due="IV улирал") for i in (1, 2, 3)]
    return Report(organization="Өлзийт сум", aimag="Өвөрхангай", year=year, period=period,
                  goals=[Goal(number="1", text="зорилт", measures=measures)],
                  signatories=[Signatory("ХЭРЭГЖИЛТИЙГ ГАРГАСАН", "ЗДТГ-ЫН ДАРГА", "Б.БАТ"),
                               Signatory("ХЯНАСАН", "СУМЫН ЗАСАГ ДАРГА", "Д.ДОРЖ")])


# ------------------------------------------------------------------ next
def test_each_report_of_the_year_is_made_from_the_one_before():
    annual = year_report(Period.ANNUAL, 2023)
    plan = next_report(annual, Period.PLAN)
    assert (plan.period, plan.year) == (Period.PLAN, 2024)
    assert [m.origin for m in plan.measures()] == [m.id for m in annual.measures()]
    assert all(m.achieved == "" and m.score is None for m in plan.measures())  # a new year: cleared
    assert [(m.responsible, m.due) for m in plan.measures()] == [("ЗДТГ", "IV улирал")] * 3
    assert [s.role for s in plan.signatories] == ["БОЛОВСРУУЛСАН", "БАТЛАВ"]  # the governor approves the plan
    assert {m.id for m in plan.measures()}.isdisjoint(m.id for m in annual.measures())
    assert plan.id != annual.id and plan.title == "" and plan.report_date == ""

    plan.measures()[0].achieved = "бичсэн"  # (a slip: a plan carries none; it comes along in the year)
    half = next_report(plan, Period.HALF_YEAR)
    assert (half.period, half.year) == (Period.HALF_YEAR, 2024)
    assert [m.origin for m in half.measures()] == [m.id for m in plan.measures()]
    assert [s.role for s in half.signatories] == ["ХЭРЭГЖИЛТИЙГ ГАРГАСАН", "ХЯНАСАН"]
    half.measures()[1].achieved, half.measures()[1].score = "хагас жилд", Score.IN_PROGRESS
    final = next_report(half, Period.ANNUAL)
    assert (final.period, final.year) == (Period.ANNUAL, 2024)
    assert final.measures()[1].achieved == "хагас жилд" and final.measures()[1].score is None  # a draft to judge anew
    assert final.measures()[0].achieved == "бичсэн"
    assert next_report(half, Period.ANNUAL, year=2025).measures()[1].achieved == ""  # another year: cleared


@pytest.mark.parametrize("source, target, year", [
    (Period.PLAN, Period.HALF_YEAR, 2024), (Period.PLAN, Period.ANNUAL, 2024), (Period.HALF_YEAR, Period.ANNUAL, 2024),
    (Period.ANNUAL, Period.PLAN, 2025), (Period.ANNUAL, Period.ANNUAL, 2025), (Period.PLAN, Period.PLAN, 2025),
    (Period.ANNUAL, Period.HALF_YEAR, 2025)])
def test_a_later_period_stays_in_the_year_any_other_starts_the_next(source, target, year):
    assert default_year(year_report(source, 2024), target) == year
    assert default_year(Report(period=source), target) is None


def test_the_evidence_comes_along_in_the_year_and_is_listed_into_the_next(tmp_path):
    from core.report.model import Evidence

    half = year_report(Period.HALF_YEAR)
    half.measures()[0].evidence = [Evidence("зураг.png", "ab" * 32, 10, "png")]
    assert [e.sha256 for e in next_report(half, Period.ANNUAL).measures()[0].evidence] == ["ab" * 32]
    plan = next_report(half, Period.PLAN)
    assert plan.measures()[0].evidence == [] and plan.measures()[0].earlier_evidence[0].year == 2024


# ------------------------------------------------------------------ the plan's rules
def test_a_plan_has_no_scores_to_give():
    plan = year_report(Period.PLAN)
    for m in plan.measures():
        m.achieved, m.score = "", None
    summary = summarize(plan)
    assert summary.total is None and summary.unscored == [] and summary.is_complete
    assert check_report(plan) == []
    plan.measures()[0].achieved = "хийсэн"
    assert [(p.code, p.number) for p in check_report(plan)] == [("plan-with-results", "1.1.")]


def test_an_empty_organization_or_aimag_is_an_error_listed_first():
    report = year_report()
    report.aimag, report.organization = " ", ""
    found = check_report(report)
    assert [(p.severity, p.code) for p in found[:2]] == [("error", "empty-organization"), ("error", "empty-aimag")]
    assert found[1].message.startswith("Аймгийн нэр хоосон")


def test_a_plan_finalizes_without_scores_and_a_report_without_its_aimag_does_not(tmp_path):
    plan = year_report(Period.PLAN)
    for m in plan.measures():
        m.achieved, m.score = "", None
    with ReportFile.create(tmp_path / "plan.tailan") as rf:
        rf.add_report(plan)
        done = finalize(rf, plan.id)
    assert done.is_final and canonical_content(done)["format"] == FORMAT_V4
    report = year_report()
    report.aimag = ""
    with ReportFile.create(tmp_path / "report.tailan") as rf:
        rf.add_report(report)
        with pytest.raises(TailanError, match=r"Аймгийн нэр \(aimag\) хоосон"):
            finalize(rf, report.id)
        assert not rf.load_report(report.id).is_final


# ------------------------------------------------------------------ fingerprint v4
def vector_report_of_the_year():
    """The v4 test vector of docs/file-format.md: the v1 vector as a half-year report signed by the
    all-zero key, 1.1 with who answers for it and by when, 1.2 made from the plan's measure."""
    report = vector_report()
    report.period, report.public_key = Period.HALF_YEAR, "00" * 32
    first, second = report.goals[0].measures
    first.responsible, first.due = "ЗДТГ-ын дарга", "2024 оны II улирал"
    second.origin = "00000000-0000-4000-8000-000000000009"
    return report


def test_fingerprint_v4_test_vector_matches_the_documentation():
    doc = (REPO / "docs" / "file-format.md").read_text(encoding="utf-8")
    report = vector_report_of_the_year()
    assert canonical_content(report)["format"] == FORMAT_V4
    assert canonical_bytes(report).decode("utf-8") in doc
    assert compute_fingerprint(report) in doc


def test_v4_covers_the_plans_fields_and_reads_back_and_older_forms_stay():
    base = vector_report_of_the_year()
    for index, field, value in ((0, "responsible", "Хэн нэгэн"), (0, "due", ""), (1, "origin", None)):
        changed = vector_report_of_the_year()
        setattr(changed.goals[0].measures[index], field, value)
        assert compute_fingerprint(changed) != compute_fingerprint(base)
    again = report_from_content(json.loads(canonical_bytes(base)))
    assert again == base and canonical_bytes(again) == canonical_bytes(base)
    signed = vector_report()
    signed.public_key = "00" * 32
    assert canonical_content(signed)["format"] == FORMAT  # no plan field: the v2 form as before


# ------------------------------------------------------------------ against the plan
def test_a_report_is_paired_with_its_plan_by_link_then_number_then_text():
    plan = year_report(Period.PLAN)
    half = next_report(plan, Period.HALF_YEAR)
    annual = next_report(half, Period.ANNUAL)
    m1, m2, m3 = annual.goals[0].measures
    m2.target_level = "  20 "  # spaces aside: the same target
    m3.text = "өөрөөр бичсэн"
    annual.goals[0].measures.append(Measure(number="1.4.", text="шинэ"))
    annual.goals[0].measures.remove(m1)
    found = compare_with_plans([half, annual], [plan])[id(annual)]
    assert found.counts() == {"added": 1, "dropped": 1, "changed": 1}
    assert [(p.status, p.plan and p.plan.number, p.report and p.report.number, p.fields) for p in found.pairs] == [
        (Difference.DROPPED, "1.1.", None, ()), (Difference.SAME, "1.2.", "1.2.", ()),
        (Difference.CHANGED, "1.3.", "1.3.", ("text",)), (Difference.ADDED, None, "1.4.", ())]
    # without the half-year report the annual one's links lead nowhere: paired by number instead
    assert compare(plan, annual).counts() == {"added": 1, "dropped": 1, "changed": 1}
    typed = Report(goals=[Goal(measures=[Measure(number="", text="арга хэмжээ 2", target_level="20")])])
    assert [p.status for p in compare(plan, typed).pairs] == [Difference.DROPPED, Difference.SAME, Difference.DROPPED]


# ------------------------------------------------------------------ the migration and received files
def test_the_version_4_file_takes_a_plan_after_its_upgrade_and_keeps_every_row(tmp_path):
    path = tmp_path / "old.tailan"
    shutil.copyfile(FIXTURES / "schema_v4.tailan", path)
    with ReportFile.open(path) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        assert len(report.measures()) == 14 and report.find_measure("6.1")[0].evidence
        rf.set_field("report", report.id, "period", "plan")
        assert rf.load_report(report.id).period is Period.PLAN
        with pytest.raises(sqlite3.IntegrityError):  # the CHECK is widened, not dropped
            rf.conn.execute("UPDATE reports SET period = 'quarter'")
    with ReportFile.open(FIXTURES / "schema_v5.tailan", read_only=True) as rf:
        kept = rf.load_report(rf.resolve_report_id(None)).find_measure("6.1")[0]
        assert (kept.responsible, kept.due) == ("ЗДТГ-ын дарга", "2023 оны 4-р улирал")


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    return submission_file(tmp_path_factory.mktemp("year-good"), "Сайн сум", seed=5)


@pytest.mark.parametrize("statement, reason", [
    ("UPDATE measures SET responsible = printf('%.3000c', 'ө') WHERE rowid = 1", "хариуцах эзэн"),
    ("UPDATE measures SET origin = 'not-an-id' WHERE rowid = 1", "эх арга хэмжээний дугаар"),
    ("INSERT INTO kept_calls VALUES ('a', (SELECT id FROM reports), 'А', 2024, 'plan', '2024-01-01', 'X',"
     " '2024', '2024', '{}')", "аймгийн дуудлага"),
])
def test_a_received_file_has_the_years_columns_bounded(good, tmp_path, statement, reason):
    path = tmp_path / "edited.tailan"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(statement)
    conn.commit()
    conn.close()
    verdict = check_submission(path)
    assert not verdict.ok and reason in verdict.reason, verdict.reason


def test_a_submission_of_schema_4_still_verifies(good, tmp_path):
    from helpers import as_schema_4

    old = tmp_path / "schema4.tailan"
    shutil.copyfile(good, old)
    as_schema_4(old)
    verdict = check_submission(old)
    assert verdict.ok, verdict.reason
    assert verdict.report.measures()[0].responsible == "" and verdict.report.measures()[0].origin is None
