"""The report as JSON (``tailan-cli show --json``): a stable shape for scripts and tests.

Its fields are the model's (``REPORT_FIELDS``, ``GOAL_FIELDS``...), named once there.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from core.report import scoring
from core.report.checks import check_report
from core.report.model import GOAL_FIELDS, MEASURE_TEXT_FIELDS, REPORT_FIELDS, SIGNATORY_FIELDS, Measure, Report, Score


def score_json(score: Score | None) -> int | str | None:
    """A score as JSON: the number as an integer, ``"not-due"``, or ``null`` when not given."""
    if score is None:
        return None
    return "not-due" if score is Score.NOT_DUE else int(score.value)


def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def measure_json(m: Measure) -> dict[str, Any]:
    """One measure in the JSON of ``show --json``: its texts as written, its score, id and attached files."""
    data: dict[str, Any] = {f: getattr(m, f) for f in MEASURE_TEXT_FIELDS}
    data["score"] = score_json(m.score)
    data["id"] = m.id
    data["origin"] = m.origin
    data["evidence"] = [{"name": e.name, "size": e.size, "sha256": e.sha256, "type": e.type} for e in m.evidence]
    return data


def report_to_json(report: Report, call=None) -> dict[str, Any]:
    """The stable JSON of a report for scripts: every field, the means and the total as numbers and printed,
    and its problems as the window lists them (``call``: the aimag's call kept with it, if any)."""
    summary = scoring.summarize(report)
    return {
        "id": report.id,
        **{name: getattr(report, name) for name in REPORT_FIELDS},
        "period": report.period.value,
        "signatories": [{name: getattr(s, name) for name in SIGNATORY_FIELDS} for s in report.signatories],
        "goals": [
            {
                **{name: getattr(g, name) for name in GOAL_FIELDS},
                "average": _number(summary.goal_averages[g.id]),
                "average_display": scoring.display(summary.goal_averages[g.id]),
                "measures": [measure_json(m) for m in g.measures],
                "id": g.id,
            }
            for g in report.goals
        ],
        "total": _number(summary.total),
        "total_display": summary.total_display,
        "scored": summary.scored,
        "unscored": [m.number for m in summary.unscored],
        "not_due": [m.number for m in summary.not_due],
        "problems": [{"code": p.code.value, "text": p.message} for p in check_report(report, call)],
    }
