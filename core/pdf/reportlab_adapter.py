"""reportlab through one door: every private name of reportlab the printouts rely on.

reportlab's public API lays out a table and splits it at a page end, but it cannot
say how tall each row came out, hand over a table's cells, split only between rows
when asked, or defer a page until the page count is known. The official printout
needs all of these (a long report laid out a page at a time, ``core.pdf.paged``; the
goal repeated on a continuation page, ``core.pdf.goal_table``; ``3/12`` page numbers,
``core.pdf.pages``), so it uses these private names, here and nowhere else:

- ``Table._cellvalues``: the cells of a table, rows of cells (read, and changed on the
  rest of a split table before it is drawn);
- ``Table._rowHeights``: each row's height once the table was measured;
- ``Table._argH``: the row heights the table was given (``None``: measure it);
- ``Table._calc(width, height)``: measures the table (what ``wrap`` does first);
- ``Table._hmax``: the number of rows ``_calc`` measured;
- ``Table._splitRows(height, doInRowSplit=0)``: the split between whole rows;
- ``Canvas._startPage()``: starts a new page without emitting the current one;
- ``re``'s cache of compiled patterns (``re._cache``): reportlab compiles, when its
  modules are imported, a pattern of web addresses (used only to split a long address
  over lines) and one of East Asian characters (used only to wrap them) that take 45 ms
  of every process that prints, a fifth of printing the sample; ``defer_patterns`` puts
  in their place ones that are compiled when first used;
- ``TTFont``'s and its ``face``'s attributes as its ``__init__`` leaves them (the parsed
  tables of a TrueType file, ``_ttf_data`` its bytes, ``_pdfScale`` its units to
  1/1000 em): kept once when the program is built and given back at each start instead
  of parsing the font again (``core.pdf.font_cache``).

The version range they were checked with is pinned in ``pyproject.toml``
(``REPORTLAB_VERSIONS``); ``tests/test_third_party_adapters.py`` fails when an installed
reportlab changes any of them, before a printout would.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

#: The reportlab releases these names were checked with (as pinned in pyproject.toml).
REPORTLAB_VERSIONS = ">=4.0,<5.2"

#: Each private name used, by the class it belongs to (the test checks every one).
PRIVATE_NAMES = {
    "Table": ("_cellvalues", "_rowHeights", "_argH", "_calc", "_hmax", "_splitRows"),
    "Canvas": ("_startPage",),
    "TTFontFace": ("_ttf_data", "_pdfScale"),
}


# ------------------------------------------------------------------ tables
def cell_rows(table) -> list[list]:
    """The table's cells, a list of rows of cells; changing them changes what is drawn."""
    return table._cellvalues


def row_heights(table) -> list[float]:
    """Each row's height as the table was last measured (``measure`` or ``wrap``)."""
    return table._rowHeights


def measure(table, width: float, height: float) -> None:
    """Measures the table in the given space (widths are fixed, so the row heights do not depend on it)."""
    table._calc(width, height)


def given_row_height(table, row: int) -> float | None:
    """The height row ``row`` was given when the table was made; ``None`` when it is measured."""
    return table._argH[row]


def forget_row_height(table, row: int) -> None:
    """Row ``row`` is measured again (its cells changed) the next time the table is laid out."""
    table._argH[row] = None


def split_between_rows(table, height: float) -> list:
    """The table split between whole rows to fit ``height`` (no row split inside); ``[]`` when it cannot."""
    return table._splitRows(height, doInRowSplit=0)


@lru_cache(maxsize=1)
def measured_table_class():
    """A ``Table`` that keeps the row heights it measured, made on first use (reportlab loads then)."""
    from reportlab.platypus import Table

    class MeasuredTable(Table):
        """Remembers measured row heights (widths are fixed), so that the several calls per
        page (wrap, split, split again) do not wrap every Paragraph again."""

        def _calc(self, availWidth, availHeight):
            super()._calc(availWidth, availHeight)
            known = self._rowHeights[: self._hmax]
            if None in self._argH[: len(known)]:
                self._argH[: len(known)] = known

    return MeasuredTable


# ------------------------------------------------------------------ canvas
@lru_cache(maxsize=1)
def deferring_canvas_class():
    """A ``Canvas`` that can keep each page until the end, made on first use."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    class DeferringCanvas(Canvas):
        """Keeps pages (``keep_page``) instead of emitting them; ``kept_pages`` gives each back
        (``restore_page``) to be finished and emitted with the ordinary ``showPage``."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            given = kwargs.get("pagesize") or (args[1] if len(args) > 1 else None)
            self.page_size = tuple(given or rl_config.defaultPageSize)
            self.kept_pages: list[dict] = []

        def keep_page(self) -> None:
            """Keeps the page drawn so far and starts the next one, emitting nothing."""
            self.kept_pages.append(dict(self.__dict__))
            self._startPage()

        def restore_page(self, state: dict) -> None:
            """Makes a kept page the current one again, to finish it and emit it (``showPage``)."""
            self.__dict__.update(state)

    return DeferringCanvas


# ------------------------------------------------------------------ fonts
#: A face's attributes that are not plain data: the font file's bytes (read from the file
#: again) and the scale function (made again from ``unitsPerEm``).
_FACE_NOT_KEPT = ("_ttf_data", "_pdfScale")
#: A font's attributes that belong to one font object, made afresh for each.
_FONT_NOT_KEPT = ("fontName", "face", "encoding", "state")


def font_state(font) -> dict:
    """What a parsed ``TTFont`` holds beyond its file's bytes, as plain values (dicts,
    lists, numbers, text; its names as ``(bytes, text)``), so that ``marshal`` can keep it."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    face = {k: v for k, v in vars(font.face).items() if k not in _FACE_NOT_KEPT}
    names = sorted(k for k, v in face.items() if isinstance(v, TTFNameBytes))
    for k in names:
        face[k] = (bytes(face[k]), face[k].ustr)
    return {
        "face": face,
        "names": names,
        "font": {k: v for k, v in vars(font).items() if k not in _FONT_NOT_KEPT},
    }


def font_from_state(name: str, data: bytes, state: dict):
    """The ``TTFont`` that ``TTFont(name, path)`` would make from the file's bytes ``data``,
    made from its kept ``state`` (``font_state``) without parsing the file again."""
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

    face = TTFontFace.__new__(TTFontFace)
    attributes = dict(state["face"])
    for k in state["names"]:
        raw, text = attributes[k]
        attributes[k] = TTFNameBytes.__new__(TTFNameBytes, raw)
        attributes[k].ustr = text
    vars(face).update(attributes)
    face._ttf_data = data
    units = face.unitsPerEm  # as TTFontFile.extractInfo scales: to 1/1000 em
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x, m=1000 / units: x * m)
    font = TTFont.__new__(TTFont)
    vars(font).update(state["font"])
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    return font


# ------------------------------------------------------------------ the paragraph module's start
#: reportlab's patterns compiled when its modules are imported and rarely used, each by the
#: module and name that holds it, with its flags, exactly as reportlab compiles it.
URI_PATTERN = ('(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-z¡-\uffff0-9](?:[a-z¡-\uffff0-9-]{0,61}[a-z¡-\uffff0-9])?(?:\\.(?!-)[a-z¡-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z¡-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z', re.IGNORECASE)


DEFERRED_PATTERNS = {
    ("reportlab.platypus.paragraph", "uri_pat"): URI_PATTERN,
    ("reportlab.lib.textsplit", "rx"): ("([\u2e80-\uffff])", re.UNICODE),
}


class CompiledOnFirstUse:
    """A regular expression that is compiled the first time anything of it is used."""

    def __init__(self, pattern: str, flags: int):
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            _re_cache().pop(_cache_key(self._pattern, self._flags), None)  # so that re compiles it now
            self._compiled = re.compile(self._pattern, self._flags)
        return getattr(self._compiled, name)


def _re_cache() -> dict:
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else {}


def _cache_key(pattern: str, flags: int) -> tuple:
    return type(pattern), pattern, int(flags)


def defer_patterns() -> None:
    """Before reportlab's modules are imported: the patterns of ``DEFERRED_PATTERNS`` are found in
    ``re``'s cache, not compiled (``CompiledOnFirstUse``). Costs nothing when reportlab is never
    imported; where ``re`` keeps no such cache, reportlab compiles them as before."""
    if not hasattr(re, "_cache"):
        return
    for (module, _), (pattern, flags) in DEFERRED_PATTERNS.items():
        if module not in sys.modules:
            _re_cache().setdefault(_cache_key(pattern, flags), CompiledOnFirstUse(pattern, flags))
