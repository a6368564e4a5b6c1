"""What one cell says: a number glued to its text, its level, a score at the end of a text.

Everything the user wrote is kept; only a leading number and a trailing score are
taken apart from the text, the whitespace between them being the only thing dropped.
"""

from __future__ import annotations

import re

from core.report.model import Score
from core.report.official_form import NOT_DUE_TEXT

_MEASURE_NUMBER = re.compile(
    r"^(\s*)(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.?(?=\s)|\d{1,3}\.(?=[^\d\s.]))(\s*)(.*)$", re.DOTALL
)
#: Section numbers in words (``Нэг.``) or Roman numerals (``II.``): the top level.
WORD_NUMERALS = ("нэг", "хоёр", "гурав", "дөрөв", "тав", "зургаа", "долоо", "найм", "ес", "арав")
_SECTION_NUMBER = re.compile(
    r"^(\s*)((?:" + "|".join(WORD_NUMERALS) + r"|[IVX]{1,5})\s*[.)])(\s*)(.*)$", re.DOTALL | re.IGNORECASE
)
_SCORE_SUFFIX = re.compile(r"^(.*?)(\s*)(?:Биелэлт|Хэрэгжилт)\s*[:\-]?\s*(\d{1,3})\s*%?\s*\.?\s*$", re.DOTALL)
_PERCENT_SUFFIX = re.compile(r"^(.*?)(\s*)(\d{1,3})\s*(?:%|хувь)\s*\.?\s*$", re.DOTALL | re.IGNORECASE)
_NOT_DUE_SUFFIX = re.compile(r"^(.*?)(\s*)" + NOT_DUE_TEXT + r"\.?\s*$", re.DOTALL | re.IGNORECASE)
_SCORE_ALONE = re.compile(r"^\s*(?:(?:Биелэлт|Хэрэгжилт|Оноо)\s*[:\-]?\s*)?(\d{1,3})\s*(?:%|хувь|оноо)?\s*\.?\s*$", re.IGNORECASE)
LEGAL_BASIS = "эрх зүйн үндэслэл"


def split_measure_number(cell: str) -> tuple[str, str]:
    """``2.1.Төрийн`` -> (``2.1.``, ``Төрийн``); text without a leading number is all text."""
    match = _MEASURE_NUMBER.match(cell)
    if not match:
        return "", cell
    return match.group(2), match.group(4)


def split_section_number(cell: str) -> tuple[str, str]:
    """``Нэг. Удирдлага`` -> (``Нэг.``, ``Удирдлага``); anything else -> ("", cell)."""
    match = _SECTION_NUMBER.match(cell)
    if not match or not match.group(4).strip():
        return "", cell
    return match.group(2), match.group(4)


def split_any_number(cell: str) -> tuple[str, str]:
    """A cell's leading number, a section's (``Нэг.``) or a measure's (``6.1.``), kept as written, and the rest."""
    number, text = split_section_number(cell)
    return (number, text) if number else split_measure_number(cell)


def number_depth(number: str) -> int:
    """``Нэг.`` 0, ``1`` 1, ``1.1`` 2, ``1.1.1.`` 3; no number -> -1."""
    number = number.strip()
    if not number:
        return -1
    if _SECTION_NUMBER.match(number + " x"):
        return 0
    parts = [p for p in number.split(".") if p.strip()]
    return len(parts) if parts and all(p.strip().isdigit() for p in parts) else -1


def split_score(cell: str, *, percent: bool = False) -> tuple[str, Score | None, str | None]:
    """Moves a trailing ``Биелэлт NN`` (or, with ``percent``, ``NN%`` / ``NN хувь``) into the score.

    Returns (text, score, problem). A value off the official scale stays in the
    text, with a problem to warn about (for ``Биелэлт NN``) or silently (a percent
    that is a figure of the text, not a score).
    """
    match = _SCORE_SUFFIX.match(cell)
    if match:
        try:
            score = Score.parse(match.group(3))
        except ValueError:
            return cell, None, f"«Биелэлт {match.group(3)}» нь албан ёсны үнэлгээ (100, 70, 30, 0) биш"
        return match.group(1), score, None
    match = _NOT_DUE_SUFFIX.match(cell)
    if match:
        return match.group(1), Score.NOT_DUE, None
    if percent:
        match = _PERCENT_SUFFIX.match(cell)
        if match and match.group(3) in ("100", "70", "30", "0"):
            return match.group(1), Score.parse(match.group(3)), None
    return cell, None, None


def score_cell(cell: str) -> tuple[Score | None, str | None]:
    """A score column's cell: ``100``, ``70%``, ``30 хувь``, ``Биелэлт 0``, the not-due words, or empty."""
    text = cell.strip()
    if not text:
        return None, None
    if NOT_DUE_TEXT.lower() in text.lower() or "болоогүй" in text.lower():
        return Score.NOT_DUE, None
    match = _SCORE_ALONE.match(text)
    if match:
        try:
            return Score.parse(match.group(1)), None
        except ValueError:
            pass
    return None, f"оноо «{' '.join(text.split())[:40]}» нь албан ёсны үнэлгээ (100, 70, 30, 0) биш"


def is_legal_basis(text: str) -> bool:
    """A «Эрх зүйн үндэслэл» row: it cites the law and is neither a goal nor a measure, so it is skipped."""
    return text.strip().lower().startswith(LEGAL_BASIS)
