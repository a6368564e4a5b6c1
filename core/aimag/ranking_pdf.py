"""The consolidated ranking as a PDF, in the same official style as the report printout.

Same page (A4 landscape), margins, fonts and page numbers as ``core.pdf``; one table
per year and period, and the list of expected organizations that have not sent.

Whatever a received file holds, the PDF is printed:

- The narrow columns are as wide as their longest header word and their content
  (measured in the bundled font), so a header breaks only between words; the rest of
  the width goes to the organization and the goal means, which wrap.
- A row taller than a page (a 2,000-letter name, hundreds of goals) would fail with
  "too large", and reportlab's own ``splitInRow`` repeats the header in the middle of
  a page and loses rules (see the platform notes). So the long cells are cut here into
  parts no taller than ``ROW_PART_SHARE`` of the page, each part a table row of its
  own with no rule above it: the table then breaks between parts like between rows,
  every page is boxed, and a page that begins inside a row repeats its rank and, in
  the name's column, ``NAME (үргэлжлэл)``.
- Goal means read ``1: 82,8; 2: 90,0``: a line breaks only after a ``;`` (a no-break
  space holds number and mean together). A word longer than its column (a name with no
  spaces) is the only thing split between letters.
- The short code of the fingerprint is printed as on the signed paper
  (``9476-9852-DA5B-6D53``), on two lines after its second group.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from core.aimag.ranking import RankingRow
from core.pdf.cells import escape, markup
from core.pdf.page_setup import FRAME_WIDTH_MM, MARGINS_MM, MM, PAGE_HEIGHT_MM
from core.pdf.reportlab_adapter import cell_rows
from core.pdf.fonts import BOLD, REGULAR, register_fonts
from core.pdf.pages import numbered_canvas_class
from core.report.model import Period
from core.storage.atomic import write_bytes_atomically
from core.trust.fingerprint import short_code

HEADER = ("Байр", "Байгууллага", "Биелэлтийн нийт дүн", "Зорилтын дундаж", "Үнэлгээгүй", "Хувилбар", "Хүлээн авсан", "Хурууны хээ")
FONT_SIZE = 9
LEADING = 11
#: Left and right padding of every cell, in points.
PADDING = 3
#: The widest content of the narrow columns (None: the column shares the rest of the width).
WIDEST_CONTENT = ("9999", None, "100,0", None, "9999", "999", "2099-12-31", "DDDD-DDDD-")
#: A tall cell is cut into parts no taller than this share of the frame's height.
ROW_PART_SHARE = 0.15  # small, so a part that does not fit leaves little of a page empty
#: reportlab's default top and bottom cell padding, and its frame's padding.
CELL_V_PADDING, FRAME_PADDING = 3, 6
#: A name repeated on a continuation page is cut to this many characters.
CONTINUED_NAME_MAX = 80
CONTINUED = "(үргэлжлэл)"
#: Columns of numbers, set flush right.
NUMBER_COLUMNS = frozenset({0, 2, 4, 5})
#: How the rest of the width is shared between organization and goal means.
FLEX_SHARES = {1: 0.42, 3: 0.58}
#: Room against rounding: a word exactly as wide as the column would still be split.
SLACK = 1.0


class _Styles(dict):
    """The paragraph styles, made on first use (reportlab is imported only when printing)."""

    def __missing__(self, name):
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        body = ParagraphStyle("body", fontName=REGULAR, fontSize=FONT_SIZE, leading=LEADING)
        self.update(
            body=body,
            number=ParagraphStyle("number", parent=body, alignment=TA_RIGHT),
            continued=ParagraphStyle("continued", parent=body, fontName=BOLD),
            head=ParagraphStyle("head", parent=body, fontName=BOLD, alignment=TA_CENTER),
            title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER),
        )
        return self[name]


STYLES = _Styles()


@lru_cache(maxsize=1)
def column_widths() -> tuple[float, ...]:
    """Widths in points: narrow columns fit their longest header word and content."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    widths: list[float | None] = []
    for title, content in zip(HEADER, WIDEST_CONTENT):
        if content is None:
            widths.append(None)
            continue
        header = max(stringWidth(word, BOLD, FONT_SIZE) for word in title.split())
        widths.append(max(header, stringWidth(content, REGULAR, FONT_SIZE)) + 2 * PADDING + SLACK)
    rest = FRAME_WIDTH_MM * MM - sum(w for w in widths if w is not None)
    return tuple(rest * FLEX_SHARES[i] if w is None else w for i, w in enumerate(widths))


def goal_means_text(row: RankingRow) -> str:
    """Goal means as ``1: 82,8; 2: 90,0``; the no-break space lets a line break only after a ``;``."""
    return "; ".join(f"{number.strip().rstrip('.')}:\xa0{mean}" for number, mean in row.goal_means)


def code_markup(fingerprint: str) -> str:
    """The fingerprint's short code as on the signed paper, on two lines after its second group to fit its column."""
    code = short_code(fingerprint)
    return escape(code[:10]) + "<br/>" + escape(code[10:]) if len(code) > 10 else escape(code)


def part_height() -> float:
    """The tallest part a cell is cut into, in points: ``ROW_PART_SHARE`` of the frame, less the cell's padding."""
    frame = (PAGE_HEIGHT_MM - MARGINS_MM["top"] - MARGINS_MM["bottom"]) * MM - 2 * FRAME_PADDING
    return frame * ROW_PART_SHARE - 2 * CELL_V_PADDING


def cell_parts(paragraph, width: float, height: float) -> list:
    """``paragraph`` cut into pieces no taller than ``height`` (between lines, as on a page)."""
    parts = []
    while True:
        if paragraph.wrap(width, height)[1] <= height:
            return [*parts, paragraph]
        pieces = paragraph.split(width, height)
        if len(pieces) < 2:
            return [*parts, paragraph]
        parts.append(pieces[0])
        paragraph = pieces[1]


class Continued(str):
    """An empty cell of a row's later part, knowing whose row it continues."""

    def __new__(cls, rank: str, organization: str):
        cell = super().__new__(cls, "")
        cell.rank, cell.organization = rank, organization
        return cell


def row_parts(cells: list, rank: str, organization: str) -> list[list]:
    """One ranking row as one or more table rows; later ones carry only the tall cells' rest."""
    widths = column_widths()
    split = [cell_parts(c, w - 2 * PADDING, part_height()) for c, w in zip(cells, widths)]
    count = max(len(parts) for parts in split)
    return [[parts[i] if i < len(parts) else Continued(rank, organization) for parts in split] for i in range(count)]


def name_continued(organization: str) -> str:
    """The name repeated on a continuation page, cut short so that a huge name cannot fill the page again."""
    short = organization if len(organization) <= CONTINUED_NAME_MAX else organization[: CONTINUED_NAME_MAX - 1] + "…"
    return f"{short} {CONTINUED}"


def label_continuation(table) -> None:
    """A page that begins inside a row says whose row it is: its rank, and its name when
    the name's own cell has nothing more to print there."""
    from reportlab.platypus import Paragraph

    first = cell_rows(table)[1]
    rank_cell, name_cell = first[0], first[1]
    if isinstance(rank_cell, Continued):
        first[0] = Paragraph(escape(rank_cell.rank), STYLES["number"])
    if isinstance(name_cell, Continued):
        first[1] = Paragraph(markup(name_continued(name_cell.organization)), STYLES["continued"])


@lru_cache(maxsize=1)
def boxed_table_class():
    """A Table that closes each page's part with a rule (reportlab's ``splitlast`` does so
    on the first page only, so a row running over several pages left them open)."""
    from reportlab.lib import colors
    from reportlab.platypus import Table

    class BoxedTable(Table):
        def split(self, availWidth, availHeight):
            parts = super().split(availWidth, availHeight)
            if len(parts) == 2:
                parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black)])
                if len(cell_rows(parts[1])) > 1:
                    label_continuation(parts[1])
            return parts

    return BoxedTable


def ranking_story(rows: list[RankingRow], missing: list[str], aimag_key_code: str = "") -> list:
    """The ranking's flowables: a title, one table per year and period, who has not sent, and the aimag's key code."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, TableStyle

    body, number, head, title = (STYLES[name] for name in ("body", "number", "head", "title"))
    story: list = []
    aimags = sorted({r.aimag for r in rows if r.aimag})
    story.append(Paragraph(markup(f"{', '.join(aimags) + ' АЙМАГ' if aimags else 'АЙМГИЙН'} НЭГТГЭЛ: "
                                  "АВЛИГЫН ЭСРЭГ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТИЙН ЭРЭМБЭ").upper(), title))
    story.append(Spacer(1, 6 * MM))
    for (year, period), group in groupby(rows, key=lambda r: (r.year, r.period)):
        story.append(Paragraph(markup(f"{year or '?'} он, {Period(period).label.lower()} тайлан"), head))
        story.append(Spacer(1, 2 * MM))
        data = [[Paragraph(escape(h), head) for h in HEADER]]
        starts: list[int] = []
        for r in group:
            cells = [str(r.rank), r.organization, r.total_display or "—", goal_means_text(r), str(r.unscored),
                     str(r.revision), r.received_at[:10]]
            first = [Paragraph(markup(c), number if i in NUMBER_COLUMNS else body) for i, c in enumerate(cells)]
            first.append(Paragraph(code_markup(r.fingerprint), body))
            starts.append(len(data))
            data.extend(row_parts(first, str(r.rank), r.organization))
        continued = [i for i in range(1, len(data)) if isinstance(data[i][0], Continued)]
        table = boxed_table_class()(data, colWidths=list(column_widths()), repeatRows=1)
        table.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.5, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
            *(("LINEABOVE", (0, i), (-1, i), 0.5, colors.black) for i in starts[1:]),
            *(("TOPPADDING", (0, i), (-1, i), 0) for i in continued),  # the text runs on without a gap
            *(("BOTTOMPADDING", (0, i - 1), (-1, i - 1), 0) for i in continued),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ]))
        story.append(table)
        story.append(Spacer(1, 6 * MM))
    if missing:
        story.append(Paragraph(markup("Тайлан ирүүлээгүй байгууллага: " + ", ".join(missing)), body))
    if aimag_key_code:  # soums compare it once with the receipt the program shows them
        story.append(Spacer(1, 4 * MM))
        story.append(Paragraph(markup(f"Аймгийн хариуны гарын үсгийн түлхүүрийн код: {aimag_key_code}"), body))
    return story


def export_ranking_pdf(rows: list[RankingRow], missing: list[str], target: str | os.PathLike,
                       aimag_key_code: str = "") -> int:
    """Writes the ranking PDF whole or not at all, whatever the received files hold; returns the number of pages."""
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
    doc.build(ranking_story(rows, missing, aimag_key_code), canvasmaker=numbered_canvas_class())
    write_bytes_atomically(Path(target), buffer.getvalue())
    return doc.page
