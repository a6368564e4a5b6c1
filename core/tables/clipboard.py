"""The paste: what Word or LibreOffice put on the clipboard, its HTML first, its plain text otherwise.

The HTML carries the table's rows, cells and merges, so it reads exactly as the
.docx does; plain text (what older programs and text editors put there) is read
by the text reader. Both end in ``core.tables.reading`` like every other way in.
"""

from __future__ import annotations

from core.errors import ImportFormatError
from core.tables.htmltable import has_table, html_document
from core.tables.reading import read_document
from core.tables.textimport import parse_clipboard
from core.tables.wordtable import ImportResult

CLIPBOARD = "санах ой"


def parse_paste(html: str | None, text: str | None, columns: list[str] | None = None) -> ImportResult:
    """The report in what the clipboard holds (``text/html``, ``text/plain``); raises with a Mongolian message."""
    if html and has_table(html):
        return read_document(html_document(html, CLIPBOARD), columns)
    if text and text.strip():
        return parse_clipboard(text, columns)
    raise ImportFormatError(
        "Санах ойд хүснэгт алга. Word-оос хүснэгтээ сонгоод хуулж (Ctrl+C), дахин оролдоно уу.", [(1, "хүснэгт")]
    )
