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

from lxml import etree

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
    if value is None:
        return 1
    try:
        return max(1, min(int((value or "1").strip().rstrip(";")), limit))
    except ValueError:
        return 1


class _Reader:
    """Walks the HTML once: paragraphs outside tables, and each table's cells with their spans.

    Fed the start and end of each element and its text by ``html_document`` (lxml's
    HTML parser, libxml2's: a pure-Python one took twice the .docx import's time).
    """

    def __init__(self, name: str):
        self.name = name
        self.blocks: list[Paragraph | Table] = []
        self.tables: list[_Table] = []  # the open tables, innermost last
        self.skipping = 0
        self.paragraph: list[str] | None = None
        self.row_count = 0
        self.number = 0
        self.last_cell_lines: list[str] = []

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
        if self.skipping:
            return
        data = _SPACES.sub(" ", data)
        if data.strip(" ") or (self.paragraph and data):
            self._text(data)

    # ------------------------------------------------------------ tags
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_ELEMENTS or "mso-list:ignore" in (attrs.get("style") or "").replace(" ", "").lower():
            self.skipping += 1
            return
        if self.skipping:
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
            table.cell = _Cell(_span(attrs.get("rowspan"), MAX_TABLE_ROWS), _span(attrs.get("colspan"), MAX_SPAN))
            table.row.append(table.cell)

    def handle_endtag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_ELEMENTS or "mso-list:ignore" in (attrs.get("style") or "").replace(" ", "").lower():
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
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
        if done.rows and done.rows[-1]:
            self.last_cell_lines = done.rows[-1][-1].lines
        grid = Table([SourceRow(i + 1, i + 1, cells) for i, cells in enumerate(_grid(done.rows))], done.nested)
        if self.tables:
            self.tables[-1].nested += [grid, *grid.nested]
        else:
            self.add_table(grid)

    def add_table(self, grid: Table) -> None:
        self.blocks.append(grid)
        self.number = len(grid.rows)

    def finish(self) -> list[Paragraph | Table]:
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
            if covered:
                while covered.pop((r, column), False):
                    out.append("")
                    column += 1
            out.append("\n".join(cell.lines))
            if cell.colspan > 1:
                out += [""] * (cell.colspan - 1)
            if cell.rowspan > 1:
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


#: Word's ``<![if !supportLists]>`` list bullets and ``<![if !supportLineBreakNewLine]>`` extra breaks: not text.
_CONDITIONAL = re.compile(rb"<!\[if\s[^\]]*\]>.*?<!\[endif\]>", re.DOTALL | re.IGNORECASE)
_ROW_TAG = re.compile(rb"<tr[\s>/]", re.IGNORECASE)
_IGNORED_BULLET = re.compile(rb"mso-list:\s*[Ii][Gg][Nn][Oo][Rr][Ee]")


def html_document(html: str, name: str = "санах ой") -> SourceDocument:
    """The HTML's paragraphs and tables, in order, as a ``SourceDocument``."""
    if len(html) > MAX_HTML_CHARS:
        raise ImportFormatError(f"«{name}»: хуулсан HTML хэт том ({len(html) // (1024 * 1024)} МБ); импортлохгүй.")
    source = _CONDITIONAL.sub(b"", strip_cf_html(html).encode("utf-8", errors="replace"))
    if len(_ROW_TAG.findall(source)) > MAX_TABLE_ROWS:
        raise too_many_rows(name, MAX_TABLE_ROWS, "санах ойн хүснэгтэд")
    bullets = b"mso-list:Ignore" in source or _IGNORED_BULLET.search(source) is not None
    if not bullets:  # Word's bullet in an inline element: only then are inline elements kept for the tree
        source = _INLINE_TAG.sub(b"", source)
    reader = _Reader(name)
    if source.strip():
        parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                                  remove_blank_text=True, huge_tree=False)
        root = etree.fromstring(source, parser)
        if root is not None:
            _simplify(root, bullets)
            _walk(root, reader)
    return SourceDocument(name, reader.finish(), encoding="html")


_STRUCTURE = {"html", "body", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "ol", "dl", *_PARAGRAPHS}


#: The inline tags Word and LibreOffice write around a paragraph's text: removed from the source before it
#: is parsed, so that the usual cell is paragraphs of plain text, read at once. Any other element stays in
#: the tree and is read the slower way, element by element.
_INLINE_TAG = re.compile(rb"</?(?:span|o:p|font|[biuas]|sup|sub|strong|em|strike|ins|del|nobr)(?=[\s>/])[^<>]*>")


def _simplify(root, bullets: bool) -> None:
    """What is left of what is not structure: the head, and Word's list bullets where no ``<![if]>`` marked them."""
    etree.strip_elements(root, *_SKIPPED_ELEMENTS, with_tail=False)
    if bullets:
        for element in root.xpath("//*[contains(@style, 'mso-list:Ignore') or contains(@style, 'mso-list:ignore')]"):
            _remove_keeping_tail(element)


def _remove_keeping_tail(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _simple_cell(cell) -> bool:
    """A cell of paragraphs alone (the usual one): read at once, without an event per paragraph."""
    if cell.text and not cell.text.isspace():
        return False
    return all(child.tag in _PARAGRAPHS and not len(child) and (not child.tail or child.tail.isspace()) for child in cell)


def _paragraph_lines(text: str) -> list[str]:
    """A paragraph's text as lines, white space as HTML shows it (runs as one space), ``&nbsp;`` a space."""
    if "\n" in text or "\r" in text or "\t" in text or "  " in text or "\f" in text:
        text = _SPACES.sub(" ", text)
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    return [text.strip(" ")]


def _cell_lines(cell) -> list[str]:
    """A cell's lines: its paragraphs (an empty ``<p>`` an empty line), its ``<br>`` line breaks."""
    if not cell.text or cell.text.isspace():
        lines: list[str] = []
        for paragraph in cell:
            if paragraph.tag not in _PARAGRAPHS or len(paragraph) or (paragraph.tail and not paragraph.tail.isspace()):
                break
            text = paragraph.text
            if text:
                lines += _paragraph_lines(text)
            elif paragraph.tag == "p":
                lines.append("")
        else:
            return lines
    reader = _Reader("")
    reader.handle_starttag("table", {})
    reader.handle_starttag("tr", {})
    _walk(cell, reader)
    reader.handle_endtag("table", {})
    return reader.last_cell_lines


def _plain_table(element) -> Table:
    """A table without tables in its cells, read row by row in one go (most of a pasted report)."""
    rows: list[list[_Cell]] = []
    for tr in element.iter("tr"):
        row: list[_Cell] = []
        for cell in tr.iterchildren("td", "th", "TD", "TH"):
            rowspan, colspan = cell.get("rowspan"), cell.get("colspan")
            made = _Cell(1 if rowspan is None else _span(rowspan, MAX_TABLE_ROWS),
                         1 if colspan is None else _span(colspan, MAX_SPAN))
            made.lines = _cell_lines(cell)
            row.append(made)
        rows.append(row)
    return Table([SourceRow(i + 1, i + 1, cells) for i, cells in enumerate(_grid(rows))])


def _walk(root, reader: _Reader) -> None:
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if closing:
            reader.handle_endtag(tag, element.attrib)
            if element.tail:
                reader.handle_data(element.tail)
            continue
        if tag == "table" and not reader.tables and not reader.skipping and element.find(".//table") is None:
            reader._commit()
            reader.add_table(_plain_table(element))
            if element.tail:
                reader.handle_data(element.tail)
            continue
        reader.handle_starttag(tag, element.attrib)
        if tag in ("td", "th") and reader.tables and _simple_cell(element):
            reader.tables[-1].cell.lines += _cell_lines(element)
            stack.append((element, True))
            continue
        if element.text:
            reader.handle_data(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def has_table(html: str) -> bool:
    """Whether the HTML holds a table at all (a copied paragraph is better read as its plain text)."""
    return re.search(r"<table[\s>]", html, re.IGNORECASE) is not None
