"""The floor for the printout benchmark: the sample's table in bare reportlab.

Reads the sample text (TAB-separated Word table) with plain Python, registers the
same bundled fonts, and builds the same 8-column table (Paragraph cells, two-row
header repeated, A4 landscape, rows split across pages). No model, no scoring, no
file format: what any exporter must pay at least.

    python minimal_reportlab.py SAMPLE.txt OUT.pdf
    python minimal_reportlab.py ROWS.json OUT.pdf     # build_rows: {"header": [...], "rows": [...]}
"""

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
WIDTHS = (9, 32, 46, 32, 12, 25, 30, 74)


def main(source: str, out: str) -> None:
    pdfmetrics.registerFont(TTFont("R", str(FONTS / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("B", str(FONTS / "LiberationSerif-Bold.ttf")))
    style = ParagraphStyle("c", fontName="R", fontSize=9, leading=10.8)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.count("\t") >= 7]
    data = [[Paragraph(c.replace("&", "&amp;").replace("<", "&lt;"), style) if c.strip() else "" for c in r[:8]] for r in rows]
    table = Table(data, colWidths=[w * mm for w in WIDTHS], repeatRows=2, splitByRow=0, splitInRow=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "R", 9), ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    title = [Paragraph(line, ParagraphStyle("t", fontName="B", fontSize=12, leading=15)) for line in lines[4:7]]
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=25 * mm, rightMargin=12 * mm, topMargin=18 * mm, bottomMargin=15 * mm, initialFontName="R")
    doc.build(title + [table])


#: Body rows in each table of ``build_rows`` (one long table would be split again and
#: again over all its rest; the usual reportlab way is a table per chunk of rows).
CHUNK_ROWS = 20


def build_rows(header: list[list[str]], rows: list[list[tuple[str, str]]], out) -> int:
    """The floor for a long report: ``rows`` of 8 cells ``(text, bold tail)`` as Paragraph
    cells (the tail in bold after the text, as the printout's score), in tables of
    ``CHUNK_ROWS`` rows, each with the two bold header rows repeated on every page; same
    fonts, sizes, widths and margins as the printout. ``out``: a path or a binary stream.
    Returns the number of pages."""
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    pdfmetrics.registerFont(TTFont("R", str(FONTS / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("B", str(FONTS / "LiberationSerif-Bold.ttf")))
    registerFontFamily("R", normal="R", bold="B", italic="R", boldItalic="B")
    style = ParagraphStyle("c", fontName="R", fontSize=9, leading=10.8)

    def escape(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")

    def cell(text: str, tail: str = "", bold: bool = False):
        body = escape(text) + (f" <b>{escape(tail)}</b>" if tail else "")
        if not body.strip():
            return ""
        return Paragraph(f"<b>{body}</b>" if bold else body, style)

    head = [[cell(c, bold=True) for c in r] for r in header]
    story = []
    for i in range(0, len(rows), CHUNK_ROWS):
        data = head + [[cell(*c) for c in r] for r in rows[i : i + CHUNK_ROWS]]
        table = Table(data, colWidths=[w * mm for w in WIDTHS], repeatRows=len(header), splitByRow=0, splitInRow=1)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "R", 9), ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=25 * mm, rightMargin=12 * mm, topMargin=18 * mm, bottomMargin=15 * mm, initialFontName="R")
    doc.build(story)
    return doc.page


if __name__ == "__main__":
    if sys.argv[1].endswith(".json"):
        import json

        given = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
        build_rows(given["header"], [[tuple(c) for c in row] for row in given["rows"]], sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
