"""A field's value: as typed or given, as the file keeps it, and as the model holds it.

The score and the period are enums in the model and their text in the file; a year is
an integer from 1900 to 2200 or none; every other field is text, kept exactly as
written. A value that does not fit is refused here with a Mongolian message, the one
place that decides it for the window, the command line and the import.
"""

from __future__ import annotations

from typing import Any

from core.errors import TailanError
from core.report.model import Period, Score


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
            raise TailanError("Хугацаа нь plan (төлөвлөгөө), half-year (хагас жилийн) эсвэл annual (жилийн) байна.") from None
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
