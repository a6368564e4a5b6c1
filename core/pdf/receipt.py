"""Two small printouts of the way back down: the soum's receipt, and the aimag's remarks.

The receipt is one A4 page: what the aimag received, when, from whom, the report's
fingerprint, the aimag's key code and a QR code of them, so the soum can file it as
proof that it reported on time. The remarks printout lists the reviewer's remarks and
proposed scores on one soum's report, for the reviewer's own file or a meeting.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from core.pdf.cells import escape, qr_flowable
from core.pdf.page_setup import MARGINS_MM, MM
from core.pdf.fonts import BOLD, REGULAR, register_fonts
from core.pdf.pages import numbered_canvas_class
from core.report.model import Period, Report
from core.storage.atomic import write_bytes_atomically
from core.storage.clock import local_clock
from core.trust.fingerprint import short_code


def _styles():
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()  # before any Paragraph is made: it looks its font up at once
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=13.5)
    return {
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=BOLD),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=11.5),
    }


def _build(story: list, target: str | os.PathLike, title: str, landscape_page: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if landscape_page else A4,
        leftMargin=MARGINS_MM["left"] * MM,
        rightMargin=MARGINS_MM["right"] * MM,
        topMargin=MARGINS_MM["top"] * MM,
        bottomMargin=MARGINS_MM["bottom"] * MM,
        title=title,
        creator="Tailan",
        initialFontName=REGULAR,
    )
    doc.build(story, canvasmaker=numbered_canvas_class())
    return write_bytes_atomically(Path(target), buffer.getvalue())


def _grid(rows: list[list], widths_mm: list[float], header: bool = False):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=[w * MM for w in widths_mm], repeatRows=1 if header else 0)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)))
    table.setStyle(TableStyle(style))
    return table


def receipt_qr_text(receipt) -> str:
    """The receipt's QR text: what a phone shows to check the paper against the aimag, without the program."""
    return "\n".join(["Tailan хариу", receipt.aimag, receipt.organization, str(receipt.year or ""), receipt.period,
                      f"хувилбар {receipt.revision}", local_clock(receipt.received_at), receipt.fingerprint,
                      receipt.aimag_key_code])


def export_receipt_pdf(receipt, target: str | os.PathLike) -> Path:
    """The receipt as one A4 page (the remarks, if many, continue on the next)."""
    from reportlab.platypus import Paragraph, Spacer

    s = _styles()
    p = lambda text, style="body": Paragraph(escape(text).replace("\n", "<br/>"), s[style])  # noqa: E731
    rows = [
        [p("Аймаг", "bold"), p(receipt.aimag)],
        [p("Байгууллага", "bold"), p(receipt.organization)],
        [p("Он, хугацаа", "bold"), p(f"{receipt.year or '?'} он, {Period(receipt.period).document}")],
        [p("Хувилбар", "bold"), p(str(receipt.revision))],
        [p("Хүлээн авсан", "bold"), p(local_clock(receipt.received_at))],
        [p("Аймгийн тооцсон нийт дүн", "bold"), p(receipt.total_display)],
        [p("Тайлангийн хурууны хээ", "bold"), p(f"{short_code(receipt.fingerprint)}\n{receipt.fingerprint}", "small")],
        [p("Аймгийн түлхүүрийн код", "bold"), p(receipt.aimag_key_code)],
        [p("Хариу гаргасан", "bold"), p(local_clock(receipt.issued_at))],
    ]
    if receipt.reviewer:
        rows.append([p("Хянагч", "bold"), p(receipt.reviewer)])
    story = [
        Paragraph(escape("АЙМАГТ ТАЙЛАН ХҮЛЭЭН АВСАН ТУХАЙ ХАРИУ"), s["title"]),
        Spacer(1, 6 * MM),
        _grid(rows, [55, 118]),
        Spacer(1, 5 * MM),
        qr_flowable(receipt_qr_text(receipt), 36),
        Spacer(1, 3 * MM),
        p("Хариуны гарын үсгийг Тайлан програм шалгасан: аймгийн зөвшөөрсөн түлхүүрээр зурсан, энэ байгууллагын "
          "энэ хувилбарын тайланд хамаарна.", "small"),
    ]
    if receipt.remarks:
        story += [Spacer(1, 5 * MM), p("Хянагчийн тайлбар", "bold"), Spacer(1, 2 * MM), _remarks_table(receipt.remarks, s, 173)]
    return _build(story, target, "Аймгийн хариу")


def _remarks_table(remarks, s, width_mm: float, texts: dict[str, str] | None = None):
    from reportlab.platypus import Paragraph

    p = lambda text, style="small": Paragraph(escape(text).replace("\n", "<br/>"), s[style])  # noqa: E731
    # The measure's words stand whole: with its text (the remarks printout) the column is as
    # wide as the remark's own, so no word is cut; with the number only it is narrow.
    measure_w, score_w, who_w = (70 if texts else 24), 24, 36
    rows = [[p("Арга хэмжээ", "bold"), p("Тайлбар", "bold"), p("Санал болгох үнэлгээ", "bold"), p("Хэн, хэзээ", "bold")]]
    for r in remarks:
        where = r.measure or "тайлан"
        if texts and r.measure in texts:
            where += "\n" + _shortened(texts[r.measure], 160)
        rows.append([p(where), p(r.text), p(r.score or "—"), p(f"{r.author}\n{local_clock(r.at)}")])
    return _grid(rows, [measure_w, width_mm - measure_w - score_w - who_w, score_w, who_w], header=True)


def _shortened(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between words (never inside one), with … when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut or text[:limit]) + "…"


def export_remarks_pdf(organization: str, report: Report, fingerprint: str, received_at: str, remarks,
                       target: str | os.PathLike) -> Path:
    """The reviewer's remarks on one soum's report (A4 landscape, like the report)."""
    from reportlab.platypus import Paragraph, Spacer

    s = _styles()
    head = (f"{organization}: {report.year or '?'} он, {report.period.document}, хувилбар {report.revision}; "
            f"хүлээн авсан {local_clock(received_at, False)}; хурууны хээ {short_code(fingerprint)}")
    texts = {m.number: " ".join(m.text.split()) for m in report.measures()}
    story = [Paragraph(escape("ХЯНАГЧИЙН ТАЙЛБАР"), s["title"]), Spacer(1, 4 * MM), Paragraph(escape(head), s["body"]),
             Spacer(1, 4 * MM)]
    if remarks:
        story.append(_remarks_table(remarks, s, 260, texts))
    else:
        story.append(Paragraph(escape("Тайлбар алга."), s["body"]))
    return _build(story, target, "Хянагчийн тайлбар", landscape_page=True)
