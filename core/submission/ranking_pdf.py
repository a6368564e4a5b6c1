"""The consolidated ranking as a PDF, in the same official style as the report printout.

Same page (A4 landscape), margins, fonts and page numbers as ``core.pdf``; one table
per year and period, and the list of expected organizations that have not sent.
"""

from __future__ import annotations

import io
import os
from itertools import groupby
from pathlib import Path

from ..model import Period
from ..atomic import write_bytes_atomically
from ..pdf.document import MARGINS_MM, MM, _numbered_canvas_class, escape
from ..pdf.fonts import BOLD, REGULAR, register_fonts
from .ranking import RankingRow

HEADER = ("Байр", "Байгууллага", "Биелэлтийн нийт дүн", "Зорилтын дундаж", "Үнэлгээгүй", "Хувилбар", "Хүлээн авсан", "Хурууны хээ")
COL_WIDTHS_MM = (14, 58, 26, 70, 20, 18, 26, 28)


def ranking_story(rows: list[RankingRow], missing: list[str]) -> list:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11)
    head = ParagraphStyle("head", parent=body, fontName=BOLD, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER)
    story: list = []
    aimags = sorted({r.aimag for r in rows if r.aimag})
    story.append(Paragraph(escape(f"{', '.join(aimags) + ' АЙМАГ' if aimags else 'АЙМГИЙН'} НЭГТГЭЛ: "
                                  "АВЛИГЫН ЭСРЭГ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТИЙН ЭРЭМБЭ").upper(), title))
    story.append(Spacer(1, 6 * MM))
    for (year, period), group in groupby(rows, key=lambda r: (r.year, r.period)):
        story.append(Paragraph(escape(f"{year or '?'} он, {Period(period).label.lower()} тайлан"), head))
        story.append(Spacer(1, 2 * MM))
        data = [[Paragraph(escape(h), head) for h in HEADER]]
        for r in group:
            means = "; ".join(f"{n} {a}" for n, a in r.goal_means)
            cells = [str(r.rank), r.organization, r.total_display or "—", means, str(r.unscored), str(r.revision),
                     r.received_at[:10], r.fingerprint[:16]]
            data.append([Paragraph(escape(c), body) for c in cells])
        table = Table(data, colWidths=[w * MM for w in COL_WIDTHS_MM], repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story.append(table)
        story.append(Spacer(1, 6 * MM))
    if missing:
        story.append(Paragraph(escape("Тайлан ирүүлээгүй байгууллага: " + ", ".join(missing)), body))
    return story


def export_ranking_pdf(rows: list[RankingRow], missing: list[str], target: str | os.PathLike) -> int:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=MARGINS_MM["left"] * MM,
        rightMargin=MARGINS_MM["right"] * MM,
        topMargin=MARGINS_MM["top"] * MM,
        bottomMargin=MARGINS_MM["bottom"] * MM,
        title="Аймгийн нэгтгэл",
        creator="Tailan",
        initialFontName=REGULAR,
    )
    doc.build(ranking_story(rows, missing), canvasmaker=_numbered_canvas_class())
    write_bytes_atomically(Path(target), buffer.getvalue())
    return doc.page
