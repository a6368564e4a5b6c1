"""The clipboard's HTML (what Word and LibreOffice put there with a copied table) -> a ``SourceDocument``.

A table copied in Word or LibreOffice Writer is on the clipboard as HTML too, with
what plain text loses: its rows, its cells and their merges (``rowspan``,
``colspan``). It is read here into the same grid the .docx reader gives: a merged
cell's text in its first grid cell, the cells it covers empty; a cell's paragraphs
(``<p>``, ``<br>``) as its lines. Word's own dialect is understood: the CF_HTML
header (``Version:0.9 StartHTML:...``) before the HTML, ``<!--StartFragment-->``
markers, ``<o:p>`` and ``&nbsp;`` empty paragraphs, and the list bullets it writes
inside ``<![if !supportLists]>`` (which the .docx keeps as numbering, not as text).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from core.errors import ImportFormatError
from core.tables.source import MAX_TABLE_ROWS, Paragraph, SourceDocument, Table, too_many_rows
from core.tables.wordtable.rows import SourceRow

_SKIPPED_ELEMENTS = {"head", "style", "script", "title", "xml", "template"}
_PARAGRAPHS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd", "caption"}
_SPACES = re.compile(r"[ \t\r\n\f]+")
MAX_SPAN = 63
MAX_HTML_CHARS = 50 * 1024 * 1024


class _Cell:
    def __init__(self, rowspan: int, colspan: int):
        self.lines: list[str] = []
        self.rowspan = rowspan
        self.colspan = colspan


class _Table:
    def __init__(self):
        self.rows: list[list[_Cell]] = []
        self.row: list[_Cell] | None = None
        self.cell: _Cell | None = None
        self.nested: list[Table] = []


def _span(value: str | None, limit: int) -> int:
    try:
        return max(1, min(int((value or "1").strip().rstrip(";")), limit))
    except ValueError:
        return 1


class _Reader(HTMLParser):
    """Walks the HTML once: paragraphs outside tables, and each table's cells with their spans."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.blocks: list[Paragraph | Table] = []
        self.tables: list[_Table] = []  # the open tables, innermost last
        self.skipping = 0
        self.conditional = 0  # inside Word's <![if ...]> ... <![endif]> (list bullets, extra line breaks)
        self.paragraph: list[str] | None = None
        self.row_count = 0
        self.number = 0

    # ------------------------------------------------------------ text
    def _commit(self, explicit: bool = False) -> None:
        """Ends the paragraph being read: a line of every open cell, or a paragraph of the document."""
        if self.paragraph is None:
            return
        text = "".join(self.paragraph)
        self.paragraph = None
        lines = [line.strip(" ").replace("\xa0", " ").strip(" ") for line in text.split("\n")]
        if not explicit and not any(lines):
            return
        cells = [t.cell for t in self.tables if t.cell is not None]
        if cells:
            for cell in cells:
                cell.lines += lines
        else:  # text between a table's cells is shown above the table, as a paragraph
            self.number += 1
            self.blocks.append(Paragraph(self.number, "\n".join(lines)))

    def _text(self, data: str) -> None:
        if self.paragraph is None:
            self.paragraph = []
        self.paragraph.append(data)

    def handle_data(self, data: str) -> None:
        if self.skipping or self.conditional:
            return
        data = _SPACES.sub(" ", data)
        if data.strip(" ") or (self.paragraph and data):
            self._text(data)

    def unknown_decl(self, data: str) -> None:
        lowered = data.strip().lower()
        if lowered.startswith("if"):
            self.conditional += 1
        elif lowered.startswith("endif") and self.conditional:
            self.conditional -= 1

    # ------------------------------------------------------------ tags
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_ELEMENTS:
            self.skipping += 1
            return
        if self.skipping or self.conditional:
            return
        if tag == "br":
            self._text("\n")
        elif tag in _PARAGRAPHS:
            self._commit()
            self.paragraph = []
        elif tag == "table":
            self._commit()
            self.tables.append(_Table())
        elif self.tables and tag == "tr":
            self._end_row()
            self.tables[-1].row = []
            self.row_count += 1
            if self.row_count > MAX_TABLE_ROWS:
                raise too_many_rows(self.name, MAX_TABLE_ROWS, "санах ойн хүснэгтэд")
        elif self.tables and tag in ("td", "th"):
            table = self.tables[-1]
            self._end_cell()
            if table.row is None:
                table.row = []
            values = dict(attrs)
            table.cell = _Cell(_span(values.get("rowspan"), MAX_TABLE_ROWS), _span(values.get("colspan"), MAX_SPAN))
            table.row.append(table.cell)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" and not self.skipping and not self.conditional:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_ELEMENTS:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or self.conditional:
            return
        if tag in _PARAGRAPHS:
            self._commit(explicit=tag == "p")
        elif self.tables and tag in ("td", "th"):
            self._end_cell()
        elif self.tables and tag == "tr":
            self._end_row()
        elif self.tables and tag == "table":
            self._end_table()

    def _end_cell(self) -> None:
        table = self.tables[-1]
        if table.cell is not None:
            self._commit()
            table.cell = None

    def _end_row(self) -> None:
        table = self.tables[-1]
        self._end_cell()
        if table.row is not None:
            table.rows.append(table.row)
            table.row = None

    def _end_table(self) -> None:
        self._end_row()
        done = self.tables.pop()
        grid = Table([SourceRow(i + 1, i + 1, cells) for i, cells in enumerate(_grid(done.rows))], done.nested)
        if self.tables:
            self.tables[-1].nested += [grid, *grid.nested]
        else:
            self.blocks.append(grid)
            self.number = len(grid.rows)

    def finish(self) -> list[Paragraph | Table]:
        self.close()
        self._commit()
        while self.tables:
            self._end_table()
        return self.blocks


def _grid(rows: list[list[_Cell]]) -> list[list[str]]:
    """Rows of cells with spans -> rows of grid cells: a merged cell's text in its first grid cell."""
    grid: list[list[str]] = []
    covered: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        out: list[str] = []
        column = 0
        for cell in row:
            while covered.pop((r, column), False):
                out.append("")
                column += 1
            out.append("\n".join(cell.lines))
            out += [""] * (cell.colspan - 1)
            for below in range(r + 1, min(r + cell.rowspan, len(rows))):
                for c in range(column, column + cell.colspan):
                    covered[(below, c)] = True
            column += cell.colspan
        while covered.pop((r, column), False):
            out.append("")
            column += 1
        grid.append(out)
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid]


_CF_HTML = re.compile(r"\A\s*Version:\s*\d", re.IGNORECASE)


def strip_cf_html(html: str) -> str:
    """Word's Windows clipboard format puts ``Version:0.9 StartHTML:... EndFragment:...`` lines before the HTML."""
    if _CF_HTML.match(html):
        start = html.find("<")
        return html[start:] if start >= 0 else ""
    return html


def html_document(html: str, name: str = "санах ой") -> SourceDocument:
    """The HTML's paragraphs and tables, in order, as a ``SourceDocument``."""
    if len(html) > MAX_HTML_CHARS:
        raise ImportFormatError(f"«{name}»: хуулсан HTML хэт том ({len(html) // (1024 * 1024)} МБ); импортлохгүй.")
    reader = _Reader(name)
    reader.feed(strip_cf_html(html))
    return SourceDocument(name, reader.finish(), encoding="html")


def has_table(html: str) -> bool:
    """Whether the HTML holds a table at all (a copied paragraph is better read as its plain text)."""
    return re.search(r"<table[\s>]", html, re.IGNORECASE) is not None
