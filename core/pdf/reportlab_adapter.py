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
- ``Canvas._startPage()``: starts a new page without emitting the current one.

The version range they were checked with is pinned in ``pyproject.toml``
(``REPORTLAB_VERSIONS``); ``tests/test_third_party_adapters.py`` fails when an installed
reportlab changes any of them, before a printout would.
"""

from __future__ import annotations

from functools import lru_cache

#: The reportlab releases these names were checked with (as pinned in pyproject.toml).
REPORTLAB_VERSIONS = ">=4.0,<5.2"

#: Each private name used, by the class it belongs to (the test checks every one).
PRIVATE_NAMES = {
    "Table": ("_cellvalues", "_rowHeights", "_argH", "_calc", "_hmax", "_splitRows"),
    "Canvas": ("_startPage",),
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
