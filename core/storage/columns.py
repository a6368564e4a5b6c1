"""Model values to column values and back, and the change log's text for an item.

The change log stores old and new values as text: strings as they are, anything else
(numbers, whole deleted items) as JSON, so the history can always be read back.
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import TailanError
from core.report.model import MEASURE_TEXT_FIELDS, Goal, Measure, Period, Report, Score, Signatory


def to_stored(field: str, value: Any) -> Any:
    """Model value to column value; rejects what the column cannot hold."""
    if field == "score":
        if value is None or isinstance(value, Score):
            return value.value if value is not None else None
        try:
            score = Score.parse(value)
        except ValueError:
            raise TailanError(f"«{value}» үнэлгээ буруу. 100, 70, 30, 0, not-due эсвэл none байна.") from None
        return score.value if score is not None else None
    if field == "year":
        if value is None or value == "":
            return None
        try:
            year = int(str(value).strip())
        except ValueError:
            raise TailanError(f"«{value}» он буруу байна. Жишээ нь 2023.") from None
        if not 1900 <= year <= 2200:
            raise TailanError(f"«{value}» он буруу байна. Жишээ нь 2023.")
        return year
    if field == "period":
        if isinstance(value, Period):
            return value.value
        try:
            return Period(str(value)).value
        except ValueError:
            raise TailanError("Хугацаа нь annual (жилийн) эсвэл half-year (хагас жилийн) байна.") from None
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TailanError(f"«{field}» талбарт текст оруулна уу.")
    return value


def from_stored(field: str, stored: Any) -> Any:
    """Column value back to model value: the score and period as enums, everything else as stored."""
    if field == "score":
        return Score(stored) if stored is not None else None
    if field == "period":
        return Period(stored)
    return stored


def as_text(value: Any) -> str | None:
    """A value as the change log stores it: a string as it is, anything else as JSON, so it can be read back."""
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def measure_json(m: Measure, goal_id: str, index: int) -> str:
    """A measure as the change log keeps it: every field, its goal and its place, so it can be restored."""
    data = {f: getattr(m, f) for f in MEASURE_TEXT_FIELDS}
    data.update(score=m.score.value if m.score else None, goal_id=goal_id, index=index)
    return json.dumps(data, ensure_ascii=False)


def goal_json(g: Goal, index: int) -> str:
    """A goal as the change log keeps it: its fields, its place and its measures' ids (they are logged one by one)."""
    return json.dumps(
        {"number": g.number, "text": g.text, "index": index, "measures": [m.id for m in g.measures]},
        ensure_ascii=False,
    )


def signatory_json(s: Signatory, index: int) -> str:
    """A signatory as the change log keeps it: its fields and its place."""
    return json.dumps({"role": s.role, "position": s.position, "name": s.name, "index": index}, ensure_ascii=False)


def report_summary(r: Report) -> str:
    """A whole report in the change log: enough to tell which report was added or deleted, not its content."""
    return json.dumps(
        {"organization": r.organization, "year": r.year, "period": r.period.value, "measures": len(r.measures())},
        ensure_ascii=False,
    )
