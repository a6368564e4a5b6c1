"""The problems list (core/report/checks.py) and next year's report (core/report/next_report.py): pure data, no Qt."""

from __future__ import annotations

import pytest

from core.paths import resource
from core.report.checks import baseline_year_state, check_report, normalize_number
from core.report.model import Goal, Measure, Period, Report, Score, Signatory
from core.report.next_report import next_report
from core.tables.textimport import import_file


def good_measure(number: str, **changes) -> Measure:
    fields = dict(
        number=number,
        text="арга хэмжээ",
        indicator="шалгуур",
        baseline_year="2022",
        baseline_level="12",
        target_level="20",
        achieved="Хийсэн. Биелэлт 100",
        score=Score.FULL,
    )
    fields.update(changes)
    return Measure(**fields)


def report_of(*measures: Measure, goal_number: str = "1") -> Report:
    return Report(organization="Сум", aimag="Аймаг", year=2023, goals=[Goal(number=goal_number, text="зорилт", measures=list(measures))])


def codes(report: Report) -> list[tuple[str, str]]:
    return [(p.code, p.number) for p in check_report(report)]


def test_a_complete_report_has_no_problem():
    assert check_report(report_of(good_measure("1.1"), good_measure("1.2"))) == []


def test_the_sample_lists_its_three_unscored_measures_first():
    report = import_file(resource("sample", "000_09351593bdc28142.txt")).report
    report.aimag = "Өвөрхангай"
    problems = check_report(report)
    assert [(p.code, p.number) for p in problems[:3]] == [("unscored", "6.1."), ("unscored", "6.2."), ("unscored", "6.3.")]
    assert all(p.severity == "error" for p in problems[:3])
    assert {p.severity for p in problems[3:]} <= {"warning", "info"}
    assert problems[0].message == "6.1. арга хэмжээнд үнэлгээ өгөөгүй."


@pytest.mark.parametrize(
    "value, state",
    [("2022", "ok"), (" 2022 ", "ok"), ("2022 он", "ok"), ("1990", "ok"), ("2100", "ok"),
     ("", "missing"), ("-", "missing"), (" – ", "missing"),
     ("22", "invalid"), ("1989", "invalid"), ("2101", "invalid"), ("2022-2023", "invalid"), ("он", "invalid")],
)
def test_baseline_year_states(value, state):
    assert baseline_year_state(value) == state


def test_each_measure_check():
    report = report_of(
        good_measure("1.1", score=None),
        good_measure("1.2", achieved="  "),
        good_measure("1.3", indicator=""),
        good_measure("1.4", target_level="\n"),
        good_measure("1.5", baseline_year="20222"),
        good_measure("1.6", baseline_year="-"),
        good_measure("1.7", achieved="", score=Score.NOT_DUE),
    )
    found = check_report(report)
    assert [(p.severity, p.code, p.number) for p in found] == [
        ("error", "unscored", "1.1"),
        ("warning", "score-without-achieved", "1.2"),
        ("warning", "empty-indicator", "1.3"),
        ("warning", "empty-target", "1.4"),
        ("warning", "baseline-year-invalid", "1.5"),
        ("info", "baseline-year-missing", "1.6"),
    ]
    assert found[4].value == "20222"
    assert found[0].item_id == report.goals[0].measures[0].id


def test_duplicate_numbers_ignore_the_trailing_dot():
    report = Report(
        goals=[
            Goal(number="1", measures=[good_measure("1.1"), good_measure("1.1.")]),
            Goal(number="1.", measures=[good_measure("")]),
            Goal(number="", measures=[good_measure("")]),
        ]
    )
    dups = [(p.code, p.kind, p.number, p.count) for p in check_report(report) if p.code.startswith("duplicate")]
    assert dups == [("duplicate-goal-number", "goal", "1.", 2), ("duplicate-measure-number", "measure", "1.1.", 2)]
    assert normalize_number(" 2.1. ") == "2.1"


def test_next_years_report_copies_the_plan_and_clears_the_results():
    old = import_file(resource("sample", "000_09351593bdc28142.txt")).report
    old.signatories.append(Signatory(role="ХЯНАСАН", name="А.Б"))
    new = next_report(old, Period.ANNUAL)
    assert new.year == 2024 and new.organization == old.organization and new.aimag == old.aimag
    assert new.report_date == "" and new.title == ""
    assert [(s.role, s.position, s.name) for s in new.signatories] == [
        (s.role, s.position, s.name) for s in old.signatories
    ]
    assert len(new.measures()) == len(old.measures())
    old_ids = {old.id} | {g.id for g in old.goals} | {m.id for m in old.measures()} | {s.id for s in old.signatories}
    new_ids = {new.id} | {g.id for g in new.goals} | {m.id for m in new.measures()} | {s.id for s in new.signatories}
    assert not old_ids & new_ids
    for a, b in zip(old.measures(), new.measures()):
        assert (b.number, b.text, b.indicator, b.baseline_year, b.baseline_level, b.target_level) == (
            a.number, a.text, a.indicator, a.baseline_year, a.baseline_level, a.target_level)
        assert b.achieved == "" and b.score is None
    assert [g.number for g in new.goals] == [g.number for g in old.goals]


def test_next_years_report_to_a_chosen_year_and_without_a_year():
    assert next_report(Report(year=2023), Period.ANNUAL, 2025).year == 2025
    assert next_report(Report(year=None), Period.ANNUAL).year is None
