"""The page around the table: the draft mark, a finalized report's codes, and ``page/pages``.

``NumberedCanvas`` keeps each page until the end so that it can print ``3/12``. Stopped
after its first page (``stop_after=1``), it prints ``1/…``: the window's preview shows
that page at once while the whole report is still being laid out.
"""

from __future__ import annotations

from core.pdf.fonts import BOLD, REGULAR
from core.pdf.page_setup import DRAFT_NOTE, DRAFT_WORD, MARGINS_MM, MM


class PagesDone(Exception):
    """Raised by a canvas told to stop after some pages; carries the canvas to save."""

    def __init__(self, canvas):
        super().__init__("pages done")
        self.canvas = canvas


def decorate(canvas, doc, draft: bool, fingerprint_line: str = "") -> None:
    """Drawn under each page's content: the draft mark, or a finalized report's short code."""
    w, h = doc.pagesize
    if fingerprint_line:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(w - MARGINS_MM["right"] * MM, (MARGINS_MM["bottom"] - 8) * MM, fingerprint_line)
        canvas.restoreState()
    if not draft:
        return
    canvas.saveState()
    canvas.setFillGray(0.82)
    canvas.setFont(BOLD, 150)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(25)
    canvas.drawCentredString(0, -50, DRAFT_WORD)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFont(BOLD, 10)
    canvas.setFillColorRGB(0.75, 0, 0)
    canvas.drawString(MARGINS_MM["left"] * MM, h - MARGINS_MM["top"] * MM + 4 * MM, DRAFT_NOTE)
    canvas.restoreState()


def numbered_canvas_class(stop_after: int | None = None):
    """A canvas that prints ``page/pages``; made in a function so that reportlab is imported only when needed."""
    from core.pdf.reportlab_adapter import deferring_canvas_class

    class NumberedCanvas(deferring_canvas_class()):
        """Defers each page until the end so that it can print ``page/pages``."""

        def showPage(self):
            self.keep_page()
            if stop_after is not None and len(self.kept_pages) >= stop_after:
                raise PagesDone(self)

        def save(self):
            total = len(self.kept_pages) if stop_after is None else "…"
            w, _ = self.page_size
            for number, state in enumerate(self.kept_pages, 1):
                self.restore_page(state)
                self.setFont(REGULAR, 9)
                self.drawCentredString(w / 2, (MARGINS_MM["bottom"] - 8) * MM, f"{number}/{total}")
                super().showPage()
            super().save()

    return NumberedCanvas
