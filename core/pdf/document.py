"""Writes the official printout of a report as PDF (reportlab; no Qt).

``export_pdf(report, target)`` is the one entry point: ``target`` is a path (written
atomically: temporary file in the same folder, fsync, rename, so a full disk or a
pulled USB stick never leaves half a PDF under the real name) or a binary stream.

The page: A4 landscape, binding margin left and top (see ``MARGINS_MM``), the
appendix label top right and the title on the first page, the table with its
two-row header on every page, ``1/3`` page numbers, and while any measure lacks a
score a ``ТӨСӨЛ`` (draft) mark on every page. A finalized report carries its
fingerprint's short code on every page (bottom right, in the margin) and, in the
block kept with the signatures, the full fingerprint with a QR code of it (organization,
year, period, total and fingerprint), so the signed paper can be held against the
file. A report that is not finalized has no fingerprint. The table itself is plain data from
``layout.py``; this module only turns cells into Paragraphs and handles the one
thing reportlab cannot express as data: repeating a goal's cell at the top of a
continuation page (``GoalTable``).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

from core.errors import TailanError
from core.pdf import layout
from core.pdf.fonts import BOLD, REGULAR, register_fonts
from core.pdf.page_setup import (  # noqa: F401  (the form's page, also used by the ranking and receipt printouts)
    BODY_SIZE,
    DRAFT_NOTE,
    DRAFT_WORD,
    FRAME_WIDTH_MM,
    MARGINS_MM,
    MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
)
from core.pdf.pages import PagesDone, decorate, numbered_canvas_class
from core.report.model import Report
from core.report.scoring import summarize
from core.storage.atomic import write_bytes_atomically

CONTINUED = "(үргэлжлэл)"
#: A goal's text is repeated on a continuation page only while it is this short
#: (share of the page); a longer one would never leave room for the measures.
REPEAT_GOAL_MAX_SHARE = 0.3
#: A page break falls between rows when the rows before it fill this share of the
#: page; otherwise inside the row, so no page is left half empty.
KEEP_ROWS_WHOLE_SHARE = 0.85

assert abs(sum(layout.COL_WIDTHS_MM) - FRAME_WIDTH_MM) < 0.01, "column widths must fill the frame"


# ------------------------------------------------------------------ pure helpers
_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)}
_CONTROL.update({9: " ", 11: "\n", 12: "\n"})


def escape(text: str) -> str:
    """Escapes ``& < >`` for reportlab's Paragraph markup (xml.sax would cost an import)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str) -> str:
    """The user's text as Paragraph markup: escaped, line breaks kept, never corrected.

    Word's manual line break (vertical tab) and Windows line ends become line
    breaks; other invisible control characters are dropped because reportlab
    would refuse them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    return escape(text).replace("\n", "<br/>")


def cell_markup(cell: layout.Cell) -> str:
    """A cell's Paragraph markup: the user's text escaped, the score (``tail``) bold at its end."""
    body = markup(cell.text.strip("\n"))
    if cell.tail:
        tail = f"<b>{markup(cell.tail)}</b>"
        body = f"{body} {tail}" if body.strip() else tail
    return f"<b>{body}</b>" if cell.bold and body else body


def title_lines(report: Report) -> list[str]:
    """The title's lines, stripped, in capitals (display only; the file keeps the text)."""
    return [line.strip().upper() for line in report.display_title().split("\n") if line.strip()]


def is_draft(report: Report) -> bool:
    """A printout with any measure unscored is marked as a draft, so it is never taken for the signed one."""
    return not summarize(report).is_complete


# ------------------------------------------------------------------ styles
def _styles():
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("cell", fontName=REGULAR, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.2, splitLongWords=1)
    return {
        "LEFT": base,
        "CENTER": ParagraphStyle("cell-center", parent=base, alignment=TA_CENTER),
        "RIGHT": ParagraphStyle("cell-right", parent=base, alignment=TA_RIGHT),
        "label": ParagraphStyle("label", parent=base, fontSize=10, leading=12, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER),
        "date": ParagraphStyle("date", parent=base, fontSize=10, leading=12, alignment=TA_LEFT, spaceBefore=6, spaceAfter=6),
    }


def cell_value(cell: layout.Cell, styles) -> list | str:
    from reportlab.platypus import Paragraph

    if cell.qr:
        return [qr_flowable(cell.qr)]
    if cell.is_empty:
        return ""
    return [Paragraph(cell_markup(cell), styles[cell.align])]


# ------------------------------------------------------------------ the QR code
#: Side of the printed QR code: large enough for a phone camera at arm's length
#: (about 0.6 mm per module at the usual version 8-9), small enough to sit beside the names.
QR_SIZE_MM = 32
QR_FORM_NAME = "TailanFingerprintQR"


def qr_drawing(text: str, size_mm: float = QR_SIZE_MM):
    """A reportlab ``Drawing`` holding ``QrCodeWidget(text)`` (UTF-8, error correction M)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    size = size_mm * MM
    widget = QrCodeWidget(text, barLevel="M", barWidth=size, barHeight=size, barBorder=2)
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing


def qr_flowable(text: str, size_mm: float = QR_SIZE_MM):
    """The QR code as a flowable drawn once into a PDF form XObject (one object on the page)."""
    from reportlab.graphics import renderPDF
    from reportlab.platypus import Flowable

    class QrFlowable(Flowable):
        def __init__(self):
            super().__init__()
            self.text = text
            self.drawing = qr_drawing(text, size_mm)
            self.width = self.height = size_mm * MM
            self.hAlign = "RIGHT"

        def wrap(self, availWidth, availHeight):
            return self.width, self.height

        def draw(self):
            canvas = self.canv
            canvas.beginForm(QR_FORM_NAME, 0, 0, self.width, self.height)
            renderPDF.draw(self.drawing, canvas, 0, 0, showBoundary=False)
            canvas.endForm()
            canvas.doForm(QR_FORM_NAME)

    return QrFlowable()


# ------------------------------------------------------------------ the table
def goal_table_class():
    from reportlab.platypus import Paragraph, Table

    class GoalTable(Table):
        """A Table that repeats a goal's number and text at the top of a continuation page.

        ``_meta`` holds the ``layout.Row`` of every row (the header is repeated by
        reportlab; this adds the goal cell, which has no span to carry it over).
        """

        _meta: list = []
        _styles: dict = {}

        def _calc(self, availWidth, availHeight):
            """Remembers measured row heights (widths are fixed), so that the several
            calls per page (wrap, split, split again) do not wrap every Paragraph again."""
            super()._calc(availWidth, availHeight)
            known = self._rowHeights[: self._hmax]
            if None in self._argH[: len(known)]:
                self._argH[: len(known)] = known

        def split(self, availWidth, availHeight):
            parts = self._split_between_rows(availWidth, availHeight) or super().split(availWidth, availHeight)
            for attempt in range(1, 4):
                if not self._left_an_empty_row(parts):
                    break
                # The row fitted but what follows it did not (the total and the signatures
                # come along with the last row): cut it a few lines earlier, so that the
                # next page starts with some of its text rather than an empty row.
                parts = super().split(availWidth, availHeight - attempt * 3 * self._styles["LEFT"].leading)
            if len(parts) != 2:
                return parts
            top, rest = parts
            meta = self._meta
            body_rest = len(rest._cellvalues) - layout.HEADER_ROWS
            in_row = len(top._cellvalues) + body_rest > len(meta)
            for part in parts:
                part._styles = self._styles
            top._meta = meta[: len(top._cellvalues)]
            rest._meta = meta[: layout.HEADER_ROWS] + meta[len(meta) - body_rest :]
            self._continue_goal(rest, in_row, availHeight)
            top.setStyle([("LINEBELOW", (0, -1), (-1, -1), layout.FRAME_RULE, "black")])  # close the page
            return parts

        def _split_between_rows(self, availWidth, availHeight) -> list:
            """Keeps rows whole when that fills the page well enough (splitting a short
            row leaves a line or two on each page); otherwise the caller splits inside it."""
            self._calc(availWidth, availHeight)
            parts = self._splitRows(availHeight, doInRowSplit=0)
            if len(parts) != 2:
                return []
            used = sum(self._rowHeights[: len(parts[0]._cellvalues)])
            return parts if used >= availHeight * KEEP_ROWS_WHOLE_SHARE else []

        def _left_an_empty_row(self, parts) -> bool:
            """A split inside a row that moved none of its text to the next page."""
            if len(parts) != 2:
                return False
            top, rest = parts
            body_rest = len(rest._cellvalues) - layout.HEADER_ROWS
            if len(top._cellvalues) + body_rest <= len(self._meta) or body_rest < 1:
                return False
            return not any(_has_content(v) for v in rest._cellvalues[layout.HEADER_ROWS][2:])

        def _continue_goal(self, rest, in_row: bool, availHeight: float) -> None:
            r = layout.HEADER_ROWS
            if r >= len(rest._meta):
                return
            row = rest._meta[r]
            if row.goal_id is None or (row.goal_first and not in_row):
                return
            cells = rest._cellvalues[r]
            width = self._colWidths[1]
            text_para = Paragraph(f"{markup(row.goal_text)}<br/>{CONTINUED}", self._styles["LEFT"])
            short = text_para.wrap(width, availHeight)[1] <= availHeight * REPEAT_GOAL_MAX_SHARE
            if short:
                cells[1] = [text_para]
            elif not _has_content(cells[1]):
                cells[1] = [Paragraph(CONTINUED, self._styles["LEFT"])]
            if not _has_content(cells[0]) and row.goal_number:
                cells[0] = [Paragraph(markup(row.goal_number), self._styles["CENTER"])]
            rest._argH[r] = None  # the row's height is measured again with the goal text

    return GoalTable


def _has_content(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def build_table(report: Report, styles=None):
    """The table flowable: rows and style from ``layout``, cells as Paragraphs."""
    from reportlab.platypus import TableStyle

    styles = styles or _styles()
    rows = layout.table_rows(report)
    data = [[cell_value(c, styles) for c in row.cells] for row in rows]
    table = goal_table_class()(
        data,
        colWidths=[w * MM for w in layout.COL_WIDTHS_MM],
        repeatRows=layout.HEADER_ROWS,
        splitByRow=0,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(layout.table_style(rows)))
    table._meta = rows
    table._styles = styles
    return table


def build_story(report: Report) -> list:
    """The printout's flowables in page order: label, title, date, then the table laid out page by page."""
    from reportlab.platypus import Paragraph, Spacer

    styles = _styles()
    story = []
    if report.appendix_label.strip():
        story.append(Paragraph(markup(report.appendix_label.strip()), styles["label"]))
        story.append(Spacer(1, 4 * MM))
    for line in title_lines(report):
        story.append(Paragraph(markup(line), styles["title"]))
    story.append(Paragraph(markup(report.report_date.strip()), styles["date"]) if report.report_date.strip() else Spacer(1, 4 * MM))
    from core.pdf.paged import paged_table  # imports this module: imported here

    story.append(paged_table(report, styles))
    from core.pdf.annex import annex_story  # the evidence, after the signatures

    story.extend(annex_story(report, styles))
    return story


def write_pdf(report: Report, stream: BinaryIO, first_page_only: bool = False) -> int:
    """Builds the PDF into ``stream``; returns the number of pages.

    ``first_page_only`` stops after the first page (numbered ``1/…``): the preview shows
    it at once while the whole report is laid out.
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Frame, PageTemplate
    from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError

    register_fonts()
    draft = is_draft(report)
    fingerprint_line = layout.fingerprint_line(report)
    pagesize = landscape(A4)
    doc = BaseDocTemplate(
        stream,
        pagesize=pagesize,
        leftMargin=MARGINS_MM["left"] * MM,
        rightMargin=MARGINS_MM["right"] * MM,
        topMargin=MARGINS_MM["top"] * MM,
        bottomMargin=MARGINS_MM["bottom"] * MM,
        title=" ".join(title_lines(report)),
        author=report.organization,
        creator="Tailan",
        subject=(DRAFT_NOTE if draft else "Авлигын эсрэг төлөвлөгөөний хэрэгжилтийн тайлан"
                 + (f". Хурууны хээ: {report.fingerprint}" if fingerprint_line else "")),
        initialFontName=REGULAR,
        initialFontSize=BODY_SIZE,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=lambda c, d: decorate(c, d, draft, fingerprint_line))])
    try:
        doc.build(build_story(report), canvasmaker=numbered_canvas_class(stop_after=1 if first_page_only else None))
    except PagesDone as done:
        done.canvas.save()
        return 1
    except LayoutError as exc:
        raise TailanError(f"Тайланг хуудсанд байрлуулж чадсангүй ({exc}). Хэт урт мөрийг хэсэглэн бичнэ үү.") from None
    return doc.page


def export_pdf(report: Report, target: str | os.PathLike | BinaryIO) -> int:
    """Writes the printout of ``report`` to a path (atomically) or a binary stream.

    Returns the number of pages. Raises ``WriteError`` (Mongolian message) when the
    path cannot be written; no partial file is left behind.
    """
    if hasattr(target, "write"):
        return write_pdf(report, target)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    pages = write_pdf(report, buffer)
    write_bytes_atomically(Path(target), buffer.getvalue())
    return pages
