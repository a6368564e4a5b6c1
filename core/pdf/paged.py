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
and the rest are taken again from the report. Every row is measured once (a batch of
rows ahead of the page), its height reused by every window, and each cell's lines are
broken once per width (``MeasuredParagraph``), not again when it is drawn.
"""

from __future__ import annotations

from core.pdf import layout
from core.pdf.cells import cell_markup, cell_value as plain_cell_value
from core.pdf.goal_table import goal_table_class
from core.pdf.page_setup import MM
from core.pdf.reportlab_adapter import cell_rows, given_row_height, measure, row_heights

#: A window at least this tall (in points) is never needed: taller than any page.
_UNBOUNDED = 1e9
#: Rows measured together, ahead of the page being laid out.
MEASURE_BATCH = 32


class TableSource:
    """What every window of one table shares: the rows, their cells and heights.

    Cells are made and measured a batch of rows at a time, only as far as the pages
    laid out so far need (so the first page is ready without measuring the whole
    report), and dropped once their rows are on a page (so memory holds a few pages'
    cells, not the whole report's, with their broken lines)."""

    #: Rows put into tables so far, all tables together (tests check it grows linearly).
    rows_built = 0

    def __init__(self, rows: list, make_cell, col_widths: list[float], table_class, styles):
        self.rows = rows
        self.make_cell = make_cell
        self.col_widths = col_widths
        self.table_class = table_class
        self.styles = styles
        self.end = len(rows)
        self.block_start = layout.nosplit_start(rows)
        self.data: list[list | None] = [None] * self.end
        self.heights: list[float | None] = [None] * self.end
        self.measured = 0  # rows before this one have their heights

    def cells(self, i: int) -> list:
        """The cells of row ``i``, made on first need and kept until the row is on a page."""
        if self.data[i] is None:
            self.data[i] = [self.make_cell(c) for c in self.rows[i].cells]
        return self.data[i]

    def release(self, start: int, stop: int) -> None:
        """Drops the cells of rows ``start:stop``, laid out on pages already."""
        for i in range(max(start, layout.HEADER_ROWS), stop):
            self.data[i] = None

    def height(self, i: int, width: float) -> float:
        """Row ``i``'s height at ``width``, measured once (in a batch) and reused by every window."""
        if i >= self.measured:
            self.measure_to(i + 1, width)
        return self.heights[i]

    def measure_to(self, stop: int, width: float) -> None:
        """Measures rows up to ``stop``, a batch at a time, in a table of the header and
        the batch (widths are fixed: a row's height is the same in any window); keeps
        the cells as the table processed them."""
        H = layout.HEADER_ROWS
        while self.measured < stop:
            start = max(self.measured, H)
            end = min(self.end, max(stop, start + MEASURE_BATCH))
            table = self.window(start, end, None, measured=False)
            measure(table, width, _UNBOUNDED)
            cells, heights = cell_rows(table), row_heights(table)
            for offset, i in enumerate(list(range(H)) + list(range(start, end))):
                self.data[i] = list(cells[offset])
                self.heights[i] = heights[offset]
            self.measured = end

    def stop_for(self, start: int, carried: bool, avail_height: float, width: float) -> int:
        """End of the window for a page of ``avail_height`` starting at row ``start``:
        one row past the first row that starts below the page's end (the carried row
        not counted, its height may change), or the table's end once the window
        reaches the block kept with the signatures. Rows up to it are measured."""
        used = 0.0
        stop = self.end
        for i in range(start + 1 if carried else start, self.end):
            used += self.height(i, width)
            if used > avail_height:
                stop = i + 2
                break
        if stop > self.block_start:
            stop = self.end
        self.measure_to(stop, width)
        return stop

    def taller_than(self, start: int, carried: bool, avail_height: float, width: float) -> float:
        """The height of the rows from ``start`` on (the carried row not counted) once
        it passes ``avail_height``, measuring no further; 0 when all of them fit."""
        used = 0.0
        for i in range(start + 1 if carried else start, self.end):
            used += self.height(i, width)
            if used > avail_height:
                return used
        return 0.0

    def window(self, start: int, stop: int, carry, measured: bool = True):
        """A GoalTable of the header and rows ``start:stop``; ``carry`` (cells, height)
        replaces row ``start`` when the previous page left part of it over."""
        H = layout.HEADER_ROWS
        TableSource.rows_built += H + stop - start
        data = [list(self.cells(i)) for i in range(H)] + [list(self.cells(i)) for i in range(start, stop)]
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
        table.layout_rows = self.rows[:H] + self.rows[start:stop]
        table.cell_styles = self.styles
        return table


def paged_table_class():
    """Made in a function so that reportlab is imported only when a PDF is actually written."""
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
            return [self.source.cells(i) for i in range(self.source.end)]

        def _window(self, avail_width: float, avail_height: float):
            if self._last and self._last[:2] == (avail_width, avail_height):
                return self._last[2], self._last[3]
            source = self.source
            stop = source.stop_for(self.start, self.carry is not None, avail_height, avail_width)
            table = source.window(self.start, stop, self.carry)
            self._last = (avail_width, avail_height, stop, table)
            return stop, table

        def _header_height(self, width: float) -> float:
            return sum(self.source.height(i, width) for i in range(layout.HEADER_ROWS))

        def wrap(self, availWidth, availHeight):
            source = self.source
            below = source.taller_than(self.start, self.carry is not None, availHeight, availWidth)
            if below:
                # Too tall however tall the carried row is: the frame only needs to know
                # that (it then splits), as reportlab's own long tables measure only so far.
                carried = (self.carry[1] or 0) if self.carry else 0
                self.width = sum(source.col_widths)
                self.height = self._header_height(availWidth) + carried + below
                return self.width, self.height
            _, table = self._window(availWidth, availHeight)
            self.width, self.height = table.wrap(availWidth, availHeight)
            return self.width, self.height

        def split(self, availWidth, availHeight):
            source = self.source
            if availHeight < self._header_height(availWidth):
                return []  # not even the header fits (the end of a page): as the whole table would
            stop, table = self._window(availWidth, availHeight)
            self._last = None  # a split window is used up: its rows went into the parts
            parts = table.split(availWidth, availHeight)
            if stop == source.end or not parts:
                return parts
            if len(parts) == 1:  # cannot happen (the window overfills the page); kept whole
                next_start, carry = stop, None
            else:
                rest = parts[1]
                H = layout.HEADER_ROWS
                left = len(cell_rows(rest)) - H
                next_start = stop - max(left, 0)
                carry = (cell_rows(rest)[H], given_row_height(rest, H)) if left > 0 else None
            source.release(self.start, next_start)
            return [parts[0], PagedTable(source, next_start, carry)]

        def draw(self):
            # Drawn whole only when the rest fits on the page: the window is all of it.
            self._last[3].drawOn(self.canv, 0, 0)

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
    """As ``cells.cell_value``, with Paragraphs measured once."""
    if cell.qr or cell.is_empty:
        return plain_cell_value(cell, styles)
    return [measured_paragraph_class()(cell_markup(cell), styles[cell.align])]


def paged_table(report, styles):
    """The table flowable for the story: the same rows, cells and style as
    ``goal_table.build_table``, laid out a page at a time."""
    rows = layout.table_rows(report)
    widths = [w * MM for w in layout.col_widths_mm(rows)]
    source = TableSource(rows, lambda cell: cell_value(cell, styles), widths, goal_table_class(), styles)
    return paged_table_class()(source, layout.HEADER_ROWS)
