"""The printout's table laid out one page at a time, so a long report costs time in
proportion to its length.

Why: at a page end reportlab splits a Table into the rows that fit and a new Table of
*all* the rest, and builds and measures that rest again (its style commands, spans,
no-split ranges, row positions over every remaining row). One table of 1,000 measures
was split ~160 times, each time over the whole remainder: time grew with the square
of the report (issue 15).

Here each page is laid out from a *window*: the two header rows and just enough of
the next rows to overfill the page, built as the ordinary ``GoalTable`` with the style
of those rows cut from the whole table's style (``layout.window_style``). A window
ends only after a row that already starts below the page's end, and it takes every
remaining row once it reaches the block kept with the signatures, so it splits
exactly where the whole table would have (same rows, heights, rules, no-split block,
goal repeated on a continuation page). Of what the window leaves over, only its first
row can differ from the report's (the second half of a row split inside, or the
goal's number and text repeated above it); that row is carried to the next window,
and the rest are taken again from the report. Every row is measured once, in one
pass over the whole table, and its height reused by every window.
"""

from __future__ import annotations

from . import layout

#: A window at least this tall (in points) is never needed: taller than any page.
_UNBOUNDED = 1e9


class TableSource:
    """What every window of one table shares: rows, cell values, measured heights."""

    #: Rows put into tables so far, all tables together (tests check it grows linearly).
    rows_built = 0

    def __init__(self, rows: list, data: list[list], col_widths: list[float], table_class, styles):
        self.rows = rows
        self.data = data
        self.col_widths = col_widths
        self.table_class = table_class
        self.styles = styles
        self.end = len(rows)
        self.block_start = layout.nosplit_start(rows)
        self.heights: list[float] | None = None
        self.suffix: list[float] = []

    def measure(self, width: float) -> None:
        """Measures every row once, in the whole table (widths are fixed, so a row's
        height is the same in any window); keeps the cells as the table processed them."""
        if self.heights is not None:
            return
        whole = self.window(layout.HEADER_ROWS, self.end, None, measured=False)
        whole._calc(width, _UNBOUNDED)
        self.data = [list(row) for row in whole._cellvalues]
        self.heights = list(whole._rowHeights)
        suffix = [0.0] * (self.end + 1)
        for i in range(self.end - 1, -1, -1):
            suffix[i] = suffix[i + 1] + self.heights[i]
        self.suffix = suffix

    def stop_for(self, start: int, carried: bool, avail_height: float) -> int:
        """End of the window for a page of ``avail_height`` starting at row ``start``:
        one row past the first row that starts below the page's end (the carried row
        not counted, its height may change), or the table's end once the window
        reaches the block kept with the signatures."""
        used = 0.0
        heights = self.heights
        for i in range(start + 1 if carried else start, self.end):
            used += heights[i]
            if used > avail_height:
                stop = i + 2
                return self.end if stop > self.block_start else stop
        return self.end

    def window(self, start: int, stop: int, carry, measured: bool = True):
        """A GoalTable of the header and rows ``start:stop``; ``carry`` (cells, height)
        replaces row ``start`` when the previous page left part of it over."""
        H = layout.HEADER_ROWS
        TableSource.rows_built += H + stop - start
        data = [list(self.data[i]) for i in range(H)] + [list(self.data[i]) for i in range(start, stop)]
        heights = None
        if measured:
            heights = self.heights[:H] + self.heights[start:stop]
        if carry is not None:
            data[H] = carry[0]
            if heights is not None:
                heights[H] = carry[1]
        table = self.table_class(
            data,
            colWidths=self.col_widths,
            rowHeights=heights,
            repeatRows=H,
            splitByRow=0,
            splitInRow=1,
            hAlign="LEFT",
        )
        from reportlab.platypus import TableStyle

        table.setStyle(TableStyle(layout.window_style(self.rows, start, stop)))
        table._meta = self.rows[:H] + self.rows[start:stop]
        table._styles = self.styles
        return table


def paged_table_class():
    from reportlab.platypus import Flowable

    class PagedTable(Flowable):
        """The rest of the table from row ``start`` on, laid out a page's window at a time."""

        def __init__(self, source: TableSource, start: int, carry=None):
            super().__init__()
            self.source = source
            self.start = start
            self.carry = carry
            self.hAlign = "LEFT"
            self._last: tuple | None = None  # (availWidth, availHeight, stop, window)

        @property
        def cell_values(self) -> list[list]:
            """The cells of the whole table, as built from the report."""
            return self.source.data

        def _window(self, avail_width: float, avail_height: float):
            if self._last and self._last[:2] == (avail_width, avail_height):
                return self._last[2], self._last[3]
            source = self.source
            source.measure(avail_width)
            stop = source.stop_for(self.start, self.carry is not None, avail_height)
            table = source.window(self.start, stop, self.carry)
            self._last = (avail_width, avail_height, stop, table)
            return stop, table

        def wrap(self, availWidth, availHeight):
            source = self.source
            source.measure(availWidth)
            below = source.suffix[self.start + 1 if self.carry else self.start]
            if below > availHeight:
                # Too tall however tall the carried row is: the frame only needs to know
                # that (it then splits), so no window is laid out for the end of a page.
                carried = (self.carry[1] or 0) if self.carry else 0
                self.width = sum(source.col_widths)
                self.height = sum(source.heights[: layout.HEADER_ROWS]) + carried + below
                return self.width, self.height
            stop, table = self._window(availWidth, availHeight)
            width, height = table.wrap(availWidth, availHeight)
            self.width, self.height = width, height + self.source.suffix[stop]
            return self.width, self.height

        def split(self, availWidth, availHeight):
            source = self.source
            source.measure(availWidth)
            if availHeight < sum(source.heights[: layout.HEADER_ROWS]):
                return []  # not even the header fits (the end of a page): as the whole table would
            stop, table = self._window(availWidth, availHeight)
            self._last = None  # a split window is used up: its rows went into the parts
            parts = table.split(availWidth, availHeight)
            if stop == self.source.end or not parts:
                return parts
            if len(parts) == 1:  # cannot happen (the window overfills the page); kept whole
                return [parts[0], PagedTable(self.source, stop)]
            top, rest = parts
            H = layout.HEADER_ROWS
            left = len(rest._cellvalues) - H
            if left < 1:
                return [top, PagedTable(self.source, stop)]
            carry = (rest._cellvalues[H], rest._argH[H])
            return [top, PagedTable(self.source, stop - left, carry)]

        def draw(self):
            # Drawn whole only when the rest fits on the page: the window is all of it.
            _, table = self._last[2], self._last[3]
            table.drawOn(self.canv, 0, 0)

    return PagedTable


_PARAGRAPH_CLASS = None


def measured_paragraph_class():
    """A Paragraph that breaks its lines once per width.

    reportlab wraps every cell's Paragraph when measuring the row and again when
    drawing it (and once more when a page end falls in its row); the lines depend
    only on the width (``Paragraph.wrap`` does not use the height), which is the
    column's, so the second time reuses the first result.
    """
    global _PARAGRAPH_CLASS
    if _PARAGRAPH_CLASS is None:
        from reportlab.platypus import Paragraph

        class MeasuredParagraph(Paragraph):
            _wrapped: tuple | None = None

            def wrap(self, availWidth, availHeight):
                # a failed split deletes blPara: then the lines are broken again
                if self._wrapped is not None and self._wrapped[0] == availWidth and "blPara" in self.__dict__:
                    self.width, self.height = self._wrapped[1]
                    return self._wrapped[1]
                size = super().wrap(availWidth, availHeight)
                self._wrapped = (availWidth, size)
                return size

        _PARAGRAPH_CLASS = MeasuredParagraph
    return _PARAGRAPH_CLASS


def cell_value(cell: layout.Cell, styles) -> list | str:
    """As ``document._cell_value``, with Paragraphs measured once."""
    from .document import _cell_value, cell_markup

    if cell.qr or cell.is_empty:
        return _cell_value(cell, styles)
    return [measured_paragraph_class()(cell_markup(cell), styles[cell.align])]


def paged_table(report, styles):
    """The table flowable for the story: the same rows, cells and style as
    ``document.build_table``, laid out a page at a time."""
    from .document import MM, _goal_table_class

    rows = layout.table_rows(report)
    data = [[cell_value(c, styles) for c in row.cells] for row in rows]
    widths = [w * MM for w in layout.COL_WIDTHS_MM]
    source = TableSource(rows, data, widths, _goal_table_class(), styles)
    return paged_table_class()(source, layout.HEADER_ROWS)
