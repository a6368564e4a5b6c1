"""The printout's annex of evidence: every attached file of every measure, so the paper names what was sent.

One row per file, in the report's order: the measure's number, the file's name, its
type and size, and the first 8 characters of its SHA-256, which anyone can hold
against ``tailan-cli attachments`` or the file itself. A finalized report's
fingerprint (printed on every page) covers every file's full hash, so the annex and
the signature say the same thing. A report without evidence has no annex.
"""

from __future__ import annotations

from core.pdf.page_setup import BODY_SIZE, FRAME_WIDTH_MM, MM
from core.report.evidence.limits import size_text
from core.report.kinds import EvidenceType
from core.report.model import Report

ANNEX_TITLE = "ХАВСРАЛТ: НОТЛОХ БАРИМТ"
ANNEX_NOTE = ("Тайлангийн файлд хавсаргаж илгээсэн нотлох баримт. Файл бүрийг хурууны хээгээр нь тулгана "
              "(SHA-256-ийн эхний 8 тэмдэгт; бүтэн хээг «tailan-cli attachments» харуулна).")
HEADER = ("№", "Арга хэмжээ", "Файлын нэр", "Төрөл", "Хэмжээ", "Хурууны хээ")
#: Column widths in millimetres; the name takes what the others leave.
_FIXED_MM = (10, 24, 0, 30, 24, 30)
HASH_CHARS = 8


def annex_rows(report: Report) -> list[tuple[str, str, str, str, str, str]]:
    """The annex's rows as text: row number, measure number, name, type, size, hash head."""
    rows = []
    for measure in report.measures():
        for evidence in measure.evidence:
            kind = EvidenceType(evidence.type)
            rows.append((str(len(rows) + 1), measure.number, evidence.name, kind.label, size_text(evidence.size),
                         evidence.sha256[:HASH_CHARS]))
    return rows


def col_widths_mm() -> list[float]:
    """The columns' widths, filling the page's frame."""
    name = FRAME_WIDTH_MM - sum(_FIXED_MM)
    return [w or name for w in _FIXED_MM]


def annex_story(report: Report, styles) -> list:
    """The annex's flowables (a new page, its title, a note, the table), or nothing without evidence."""
    rows = annex_rows(report)
    if not rows:
        return []
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    from core.pdf.cells import markup
    from core.pdf.fonts import BOLD

    cell = styles["LEFT"]
    head = ParagraphStyle("annex-head", parent=cell, fontName=BOLD)
    data = [[Paragraph(markup(text), head) for text in HEADER]]
    data += [[Paragraph(markup(text), cell) for text in row] for row in rows]
    table = Table(data, colWidths=[w * MM for w in col_widths_mm()], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
        ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
    ]))
    return [PageBreak(), Paragraph(ANNEX_TITLE, styles["title"]), Spacer(1, 3 * MM),
            Paragraph(markup(ANNEX_NOTE), styles["date"]), table]
