"""The cells of the printouts: the user's text as reportlab Paragraph markup, the styles, the QR code.

Shared by the official printout (``document``, ``goal_table``, ``paged``), the receipt
and the ranking. The user's text is escaped and its line breaks kept, never corrected.
"""

from __future__ import annotations

from core.pdf import layout
from core.pdf.fonts import BOLD, REGULAR
from core.pdf.page_setup import BODY_SIZE, MM

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


def styles():
    """The paragraph styles of the official printout's cells, title, label and date."""
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
    """A cell as the table holds it: the QR code, nothing, or the cell's Paragraph."""
    from reportlab.platypus import Paragraph

    if cell.qr:
        return [qr_flowable(cell.qr)]
    if cell.is_empty:
        return ""
    return [Paragraph(cell_markup(cell), styles[cell.align])]


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
