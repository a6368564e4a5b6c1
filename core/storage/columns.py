"""The change log's text for a value and for an item.

The change log stores old and new values as text: strings as they are, anything else
(numbers, whole deleted items) as JSON, so the history can always be read back.
(A field's value between model and column is ``core.report.values``.)
"""

from __future__ import annotations

from typing import Any

from core.report.model import MEASURE_TEXT_FIELDS, Goal, Measure, Report, Signatory


def _dumps(value, **options) -> str:
    """``json.dumps``, with json imported on first use (opening and printing a report never write it)."""
    import json

    return json.dumps(value, **options)


def as_text(value: Any) -> str | None:
    """A value as the change log stores it: a string as it is, anything else as JSON, so it can be read back."""
    if value is None:
        return None
    return value if isinstance(value, str) else _dumps(value, ensure_ascii=False)


def measure_json(m: Measure, goal_id: str, index: int) -> str:
    """A measure as the change log keeps it: every field, its goal and its place, so it can be restored."""
    data = {f: getattr(m, f) for f in MEASURE_TEXT_FIELDS}
    data.update(score=m.score.value if m.score else None, goal_id=goal_id, index=index)
    if m.origin is not None:
        data["origin"] = m.origin
    return _dumps(data, ensure_ascii=False)


def goal_json(g: Goal, index: int) -> str:
    """A goal as the change log keeps it: its fields, its place and its measures' ids (they are logged one by one)."""
    return _dumps(
        {"number": g.number, "text": g.text, "index": index, "measures": [m.id for m in g.measures]},
        ensure_ascii=False,
    )


def signatory_json(s: Signatory, index: int) -> str:
    """A signatory as the change log keeps it: its fields and its place."""
    return _dumps({"role": s.role, "position": s.position, "name": s.name, "index": index}, ensure_ascii=False)


def report_summary(r: Report) -> str:
    """A whole report in the change log: enough to tell which report was added or deleted, not its content."""
    return _dumps(
        {"organization": r.organization, "year": r.year, "period": r.period.value, "measures": len(r.measures())},
        ensure_ascii=False,
    )
