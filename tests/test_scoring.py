"""The official scoring rules, on the sample and as properties."""

from __future__ import annotations

import random
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from core.report import scoring
from core.report.model import Goal, Measure, Report, Score

SCALE = [Score.FULL, Score.IN_PROGRESS, Score.INSUFFICIENT, Score.NOT_IMPLEMENTED]


def report_with(scores):
    return Report(goals=[Goal(number="1", measures=[Measure(number=f"1.{i}", score=s) for i, s in enumerate(scores)])])


def test_sample_total_is_80_9_with_three_unscored(sample_report):
    summary = scoring.summarize(sample_report)
    assert summary.total_display == "80,9"
    assert [m.number for m in summary.unscored] == ["6.1.", "6.2.", "6.3."]
    assert summary.scored == 11
    assert not summary.is_complete


def test_sample_total_is_82_8_once_scored_as_on_the_original(sample_report):
    for number, score in (("6.1", Score.FULL), ("6.2", Score.FULL), ("6.3", Score.IN_PROGRESS)):
        (measure,) = sample_report.find_measure(number)
        measure.score = score
    summary = scoring.summarize(sample_report)
    assert summary.total == Fraction(1160, 14)
    assert summary.total_display == "82,8"  # rounding would print 82,9
    assert summary.is_complete


def test_goal_means_of_the_sample(sample_report):
    summary = scoring.summarize(sample_report)
    means = [scoring.display(summary.goal_averages[g.id], "-") for g in sample_report.goals]
    assert means == ["90,0", "100,0", "70,0", "70,0", "70,0", "-"]


def test_not_due_is_left_out_of_sum_and_count():
    report = report_with([Score.FULL, Score.NOT_DUE, Score.INSUFFICIENT])
    assert scoring.report_total(report) == Fraction(130, 2)
    assert [m.number for m in scoring.not_due(report)] == ["1.1"]
    assert scoring.scored_count(report) == 2


def test_goals_are_not_weighted():
    report = Report(
        goals=[
            Goal(measures=[Measure(score=Score.FULL)]),
            Goal(measures=[Measure(score=Score.NOT_IMPLEMENTED)] * 3),
        ]
    )
    assert scoring.report_total(report) == 25  # not (100 + 0) / 2


def test_no_scored_measure_has_no_total():
    assert scoring.report_total(report_with([None, Score.NOT_DUE])) is None
    assert scoring.display(None) == ""


def test_display_cuts_off_never_rounds():
    assert scoring.display(Fraction(90556, 1000)) == "90,5"
    assert scoring.display(Fraction(7375, 100)) == "73,7"
    assert scoring.display(Fraction(1160, 14)) == "82,8"
    assert scoring.display(Fraction(100)) == "100,0"
    assert scoring.display(Fraction(0)) == "0,0"
    assert scoring.display(Fraction(199, 2)) == "99,5"


scores = st.lists(st.sampled_from(SCALE + [Score.NOT_DUE, None]), min_size=1, max_size=60)


@given(scores)
def test_total_lies_between_lowest_and_highest_score(values):
    total = scoring.report_total(report_with(values))
    points = [s.percent for s in values if s is not None and s.percent is not None]
    if not points:
        assert total is None
    else:
        assert min(points) <= total <= max(points)


@given(scores, st.randoms(use_true_random=False))
def test_total_does_not_depend_on_order(values, rnd: random.Random):
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert scoring.report_total(report_with(values)) == scoring.report_total(report_with(shuffled))


@given(st.fractions(min_value=0, max_value=100))
def test_display_never_rounds_up(value):
    text = scoring.display(value)
    shown = Fraction(text.replace(",", "."))
    assert shown <= value < shown + Fraction(1, 10)
    assert "," in text and len(text.split(",")[1]) == 1
