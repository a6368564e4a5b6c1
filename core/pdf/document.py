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
``layout.py``, its cells are made in ``cells.py``, the goal carried over a page break
is ``goal_table.py``'s and the page-at-a-time layout ``paged.py``'s; this module puts
the page together and writes it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

from core.errors import TailanError
from core.pdf import layout
from core.pdf.annex import annex_story
from core.pdf.cells import (  # noqa: F401  (the printout's cells, named here as before)
    QR_FORM_NAME,
    QR_SIZE_MM,
    cell_markup,
    cell_value,
    escape,
    markup,
    qr_drawing,
    qr_flowable,
)
from core.pdf.cells import styles as _styles
from core.pdf.fonts import REGULAR, register_fonts
from core.pdf.goal_table import (  # noqa: F401  (the table, named here as before)
    CONTINUED,
    KEEP_ROWS_WHOLE_SHARE,
    REPEAT_GOAL_MAX_SHARE,
    build_table,
    goal_table_class,
)
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
from core.pdf.paged import paged_table
from core.pdf.plan_page import PLAN_SUBJECT, approval_story
from core.pdf.pages import PagesDone, decorate, numbered_canvas_class
from core.report.model import Report
from core.report.draft import is_draft  # noqa: F401  (named here as before)
from core.storage.atomic import write_bytes_atomically

assert abs(sum(layout.COL_WIDTHS_MM) - FRAME_WIDTH_MM) < 0.01, "column widths must fill the frame"
assert abs(sum(layout.PLAN_COL_WIDTHS_MM) - FRAME_WIDTH_MM) < 0.01, "the plan's column widths must fill the frame"


def title_lines(report: Report) -> list[str]:
    """The title's lines, stripped, in capitals (display only; the file keeps the text)."""
    return [line.strip().upper() for line in report.display_title().split("\n") if line.strip()]


def build_story(report: Report) -> list:
    """The printout's flowables in page order: label, title, date, then the table laid out page by page."""
    from reportlab.platypus import Paragraph, Spacer

    styles = _styles()
    story = []
    if report.appendix_label.strip():
        story.append(Paragraph(markup(report.appendix_label.strip()), styles["label"]))
        story.append(Spacer(1, 4 * MM))
    if report.period.is_plan:  # the governor approves the plan: above its title
        story.extend(approval_story(report, styles))
    for line in title_lines(report):
        story.append(Paragraph(markup(line), styles["title"]))
    story.append(Paragraph(markup(report.report_date.strip()), styles["date"]) if report.report_date.strip() else Spacer(1, 4 * MM))
    story.append(paged_table(report, styles))
    story.extend(annex_story(report, styles))  # the evidence, after the signatures
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
        subject=(DRAFT_NOTE if draft else (PLAN_SUBJECT if report.period.is_plan else
                                            "Авлигын эсрэг төлөвлөгөөний хэрэгжилтийн тайлан")
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
