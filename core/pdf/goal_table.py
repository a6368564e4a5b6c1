"""The official printout's table: reportlab's Table, taught to carry a goal over a page break.

The rows, their cells and rules are plain data from ``layout``; this module turns them
into a Table (``build_table``) whose ``split`` repeats a goal's number and text at the
top of a continuation page (the goal column has no span to carry it over), keeps rows
whole when that fills the page well enough, and never leaves an empty row at a page's
foot. reportlab's private names it needs are ``reportlab_adapter``'s.
"""

from __future__ import annotations

from core.pdf import layout
from core.pdf import cells
from core.pdf.cells import cell_value, markup
from core.pdf.page_setup import MM
from core.pdf.reportlab_adapter import (
    cell_rows,
    forget_row_height,
    measure,
    measured_table_class,
    row_heights,
    split_between_rows,
)
from core.report.model import Report

CONTINUED = "(үргэлжлэл)"
#: A goal's text is repeated on a continuation page only while it is this short
#: (share of the page); a longer one would never leave room for the measures.
REPEAT_GOAL_MAX_SHARE = 0.3
#: A page break falls between rows when the rows before it fill this share of the
#: page; otherwise inside the row, so no page is left half empty.
KEEP_ROWS_WHOLE_SHARE = 0.85


def goal_table_class():
    """The ``GoalTable`` class, made on first use so that reportlab is imported only to print."""
    from reportlab.platypus import Paragraph

    class GoalTable(measured_table_class()):
        """A Table that repeats a goal's number and text at the top of a continuation page.

        ``layout_rows`` holds the ``layout.Row`` of every row (the header is repeated by
        reportlab; this adds the goal cell, which has no span to carry it over).
        """

        layout_rows: list = []
        cell_styles: dict = {}

        def split(self, availWidth, availHeight):
            parts = self.split_between_rows(availWidth, availHeight) or super().split(availWidth, availHeight)
            for attempt in range(1, 4):
                if not self.left_an_empty_row(parts):
                    break
                # The row fitted but what follows it did not (the total and the signatures
                # come along with the last row): cut it a few lines earlier, so that the
                # next page starts with some of its text rather than an empty row.
                parts = super().split(availWidth, availHeight - attempt * 3 * self.cell_styles["LEFT"].leading)
            if len(parts) != 2:
                return parts
            top, rest = parts
            meta = self.layout_rows
            body_rest = len(cell_rows(rest)) - layout.HEADER_ROWS
            in_row = len(cell_rows(top)) + body_rest > len(meta)
            for part in parts:
                part.cell_styles = self.cell_styles
            top.layout_rows = meta[: len(cell_rows(top))]
            rest.layout_rows = meta[: layout.HEADER_ROWS] + meta[len(meta) - body_rest :]
            self.continue_goal(rest, in_row, availHeight)
            top.setStyle([("LINEBELOW", (0, -1), (-1, -1), layout.FRAME_RULE, "black")])  # close the page
            return parts

        def split_between_rows(self, availWidth, availHeight) -> list:
            """Keeps rows whole when that fills the page well enough (splitting a short
            row leaves a line or two on each page); otherwise the caller splits inside it."""
            measure(self, availWidth, availHeight)
            parts = split_between_rows(self, availHeight)
            if len(parts) != 2:
                return []
            used = sum(row_heights(self)[: len(cell_rows(parts[0]))])
            return parts if used >= availHeight * KEEP_ROWS_WHOLE_SHARE else []

        def left_an_empty_row(self, parts) -> bool:
            """A split inside a row that moved none of its text to the next page."""
            if len(parts) != 2:
                return False
            top, rest = parts
            body_rest = len(cell_rows(rest)) - layout.HEADER_ROWS
            if len(cell_rows(top)) + body_rest <= len(self.layout_rows) or body_rest < 1:
                return False
            return not any(_has_content(v) for v in cell_rows(rest)[layout.HEADER_ROWS][2:])

        def continue_goal(self, rest, in_row: bool, availHeight: float) -> None:
            """The goal's number and text (or just "continued") atop the rest of a goal cut by a page end."""
            r = layout.HEADER_ROWS
            if r >= len(rest.layout_rows):
                return
            row = rest.layout_rows[r]
            if row.goal_id is None or (row.goal_first and not in_row):
                return
            row_cells = cell_rows(rest)[r]
            width = layout.col_widths_mm(rest.layout_rows)[1] * MM
            text_para = Paragraph(f"{markup(row.goal_text)}<br/>{CONTINUED}", self.cell_styles["LEFT"])
            short = text_para.wrap(width, availHeight)[1] <= availHeight * REPEAT_GOAL_MAX_SHARE
            if short:
                row_cells[1] = [text_para]
            elif not _has_content(row_cells[1]):
                row_cells[1] = [Paragraph(CONTINUED, self.cell_styles["LEFT"])]
            if not _has_content(row_cells[0]) and row.goal_number:
                row_cells[0] = [Paragraph(markup(row.goal_number), self.cell_styles["CENTER"])]
            forget_row_height(rest, r)  # the row's height is measured again with the goal text

    return GoalTable


def _has_content(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def build_table(report: Report, styles=None):
    """The whole table as one flowable (the printout lays it out a page at a time, ``paged``):
    rows and style from ``layout``, cells as Paragraphs."""
    from reportlab.platypus import TableStyle

    styles = styles or cells.styles()
    rows = layout.table_rows(report)
    data = [[cell_value(c, styles) for c in row.cells] for row in rows]
    table = goal_table_class()(
        data,
        colWidths=[w * MM for w in layout.col_widths_mm(rows)],
        repeatRows=layout.HEADER_ROWS,
        splitByRow=0,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(layout.table_style(rows)))
    table.layout_rows = rows
    table.cell_styles = styles
    return table
