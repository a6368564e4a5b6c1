"""What one cell says: a number glued to its text, its level, a score at the end of a text.

Everything the user wrote is kept; only a leading number and a trailing score are
taken apart from the text, the whitespace between them being the only thing dropped.
Words are matched with Ө, Ү and ``?`` as one letter: a Windows-1251 save of a
Mongolian table writes ``?`` for the two letters that code page lacks.
"""

from __future__ import annotations

import re

from core.report.model import Score
from core.report.official_form import NOT_DUE_TEXT

_LOST = "[өүӨҮ?]"


def loose(word: str) -> str:
    """A regular expression for ``word`` in which Ө, Ү and ``?`` stand for each other."""
    return "".join(_LOST if ch in "өүӨҮ" else re.escape(ch) for ch in word)


_MEASURE_NUMBER = re.compile(
    r"^(\s*)(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.?(?=\s)|\d{1,3}\.(?=[^\d\s.]))(\s*)(.*)$", re.DOTALL
)
#: Section numbers in words (``Нэг.``) or Roman numerals (``II.``): the top level.
WORD_NUMERALS = ("нэг", "хоёр", "гурав", "дөрөв", "тав", "зургаа", "долоо", "найм", "ес", "арав")
_SECTION_NUMBER = re.compile(
    r"^(\s*)((?:" + "|".join(loose(w) for w in WORD_NUMERALS) + r"|[IVX]{1,5})\s*[.)])(\s*)(.*)$",
    re.DOTALL | re.IGNORECASE,
)
_SCORE_WORDS = "|".join(loose(w) for w in ("Биелэлт", "Хэрэгжилт", "Оноо", "Үнэлгээ"))
_UNITS = r"(?:%|хувь|оноо)"
#: ``Биелэлт 70``, ``Оноо: 70``, ``Хэрэгжилт 70%``, ``(Биелэлт 70)``, ``/70 оноо/``, ``70%``, ``(70%)``, ``70 хувь``.
_WORD_SCORE = r"(?:" + _SCORE_WORDS + r")\s*[:\-–—]?\s*(?P<word>\d{1,3})\s*" + _UNITS + "?"
_UNIT_SCORE = r"(?<![\d.,])(?P<unit>\d{1,3})\s*" + _UNITS
_SCORE_AT_END = re.compile(
    r"^(?P<text>.*?)(?P<space>\s*)(?P<score>[(\[/]?\s*(?:" + _WORD_SCORE + "|" + _UNIT_SCORE + r")\s*[)\]/]?)\s*\.?\s*$",
    re.DOTALL | re.IGNORECASE,
)
_NOT_DUE = loose(NOT_DUE_TEXT)
_NOT_DUE_SUFFIX = re.compile(r"^(.*?)(\s*)[(\[/]?" + _NOT_DUE + r"[)\]/]?\.?\s*$", re.DOTALL | re.IGNORECASE)
_SCORE_ALONE = re.compile(
    r"^\s*[(\[/]?\s*(?:(?:" + _SCORE_WORDS + r")\s*[:\-–—]?\s*)?(\d{1,3})\s*" + _UNITS + r"?\s*[)\]/]?\s*\.?\s*$",
    re.IGNORECASE,
)
_NOT_YET = re.compile(loose("болоогүй"), re.IGNORECASE)
LEGAL_BASIS = "эрх зүйн үндэслэл"
_LEGAL_BASIS = re.compile(r"^[\s•·\-–*\"'«(]*" + loose(LEGAL_BASIS), re.IGNORECASE)
OFFICIAL_VALUES = ("100", "70", "30", "0")


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


def is_section_heading(line: str) -> bool:
    """A section row as tables write it: ``Нэг. Удирдлага...`` or ``II. Хяналт``, a capital after the number.

    A paragraph inside a cell that lists ``Нэг. сургалт`` goes on in small letters.
    """
    number, rest = split_section_number(line)
    rest = rest.lstrip(" \"'«“(")
    return bool(number) and bool(rest) and (rest[0].isupper() or rest[0] == "?")


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


def _off_scale(written: str) -> str:
    return f"«{' '.join(written.split())}» нь албан ёсны үнэлгээ (100, 70, 30, 0) биш"


def split_score(cell: str, *, percent: bool = False) -> tuple[str, Score | None, str | None]:
    """Moves a score written at the end of a text into the score: ``Биелэлт 70``, ``Оноо: 70``,
    ``(Биелэлт 70)``, the not-due words, and with ``percent`` also ``70%``, ``(70%)``,
    ``70 хувь``, ``70 оноо``.

    Returns (text, score, problem). A value off the official scale stays in the text
    and comes with a problem to report: a number that looks like a score is never
    dropped in silence. Without ``percent`` (the table has a score column) a bare
    percent at the end of the text is a figure of the text, not a score.
    """
    start, tail = _tail(cell)
    match = _SCORE_AT_END.match(tail)
    if match and (match.group("word") is not None or percent):
        value = match.group("word") if match.group("word") is not None else match.group("unit")
        if value in OFFICIAL_VALUES:
            return cell[:start] + match.group("text"), Score.parse(value), None
        return cell, None, _off_scale(match.group("score"))
    match = _NOT_DUE_SUFFIX.match(tail)
    if match:
        return cell[:start] + match.group(1), Score.NOT_DUE, None
    return cell, None, None


#: Every written score is shorter than this: only a text's last characters are searched for one.
_SCORE_REACH = 120


def _tail(cell: str) -> tuple[int, str]:
    """(where it starts, the end of ``cell`` a score can stand in), cut at a space so no number is cut in two."""
    if len(cell) <= _SCORE_REACH:
        return 0, cell
    start = len(cell) - _SCORE_REACH
    while start > 0 and not cell[start - 1].isspace():
        start -= 1
    return start, cell[start:]


def buried_score(cell: str, *, percent: bool = False) -> str | None:
    """A score written at the end of a paragraph that is not the cell's last (``Биелэлт 70`` with text after it).

    It is not taken as the score (the form writes the score last), but it is said:
    a number that looks like a score is never passed over in silence.
    """
    if "\n" not in cell:
        return None
    for line in cell.split("\n")[:-1]:
        match = _SCORE_AT_END.match(_tail(line)[1])
        if match and (match.group("word") is not None or percent):
            return " ".join(match.group("score").split())
    return None


def ends_with_score(cell: str) -> bool:
    """Whether a text ends with a score in any written form (so that nothing more belongs to it)."""
    tail = _tail(cell)[1]
    return bool(_SCORE_AT_END.match(tail) or _NOT_DUE_SUFFIX.match(tail))


def score_cell(cell: str) -> tuple[Score | None, str | None]:
    """A score column's cell: ``100``, ``70%``, ``(70%)``, ``30 хувь``, ``70 оноо``, ``Оноо: 70``,
    ``Биелэлт 0``, the not-due words, or empty."""
    text = cell.strip()
    if not text:
        return None, None
    if re.search(_NOT_DUE, text, re.IGNORECASE) or _NOT_YET.search(text):
        return Score.NOT_DUE, None
    match = _SCORE_ALONE.match(text)
    if match and match.group(1) in OFFICIAL_VALUES:
        return Score.parse(match.group(1)), None
    return None, f"оноо {_off_scale(text[:40])}"


def is_legal_basis(text: str) -> bool:
    """A «Эрх зүйн үндэслэл» row: it cites the law and is neither a goal nor a measure, so it is skipped."""
    return bool(_LEGAL_BASIS.match(text))
