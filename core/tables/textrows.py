"""Text as Word writes a table (a «Plain Text» save, the clipboard's plain text) -> rows of cells.

Word writes one table row per line, its cells separated by TAB; a cell of several
paragraphs goes on over the next lines; a cell merged across the table (a section
row, an ``Эрх зүйн үндэслэл:`` row, a merged total) is one cell, so its line has no
TAB at all. This module undoes that into the same ``SourceDocument`` the .docx and
HTML readers give:

- a line with TABs starts a row, or completes the row whose cells are not all there
  yet (a paragraph break inside one of its cells);
- a line without a TAB continues the cell that is open (the last cell written),
  unless it is a row of its own: a section row (``Нэг. Удирдлага``, a capital after
  the number), an ``Эрх зүйн үндэслэл`` row, a total row, or any line after a cell
  that ended with its score (``Биелэлт 70``, ``70 оноо``: nothing follows a score);
- a header whose top row has a cell spanned over two sub-columns is one cell short:
  the row under it says which cells span (``header.expand_top``);
- the table ends at its total row, or where the signatures begin.

Which line became what is kept (the rows' line numbers), so ``reading`` can account
for every line and name the one it cannot read.
"""

from __future__ import annotations

import re
from collections import Counter

from core.errors import ImportFormatError
from core.tables.header import expand_top, headerish_continuation
from core.tables.source import MAX_TABLE_ROWS, MAX_TEXT_LINES, Paragraph, SourceDocument, Table, too_many_rows
from core.tables.wordtable.cells import ends_with_score, is_legal_basis, is_section_heading, split_measure_number
from core.tables.wordtable.columns import guess_mapping, is_column_number_row, is_header_row, is_subheader_row
from core.tables.wordtable.frame import signature_parts
from core.tables.wordtable.rows import SourceRow, total_label

LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: A bulleted paragraph as Word's text save writes it: the bullet, a TAB, the text. The bullet
#: is Word's numbering, not text (a .docx keeps it apart), and its TAB separates no cells.
#: A bullet sign is taken so anywhere; a dash or ``o`` only after a whole row (in the middle of
#: a row, ``-<TAB>`` is a cell's last paragraph ``-`` and the next cell).
_BULLET = re.compile(r"^\s*[•·▪◦■□►➢✓✔\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\t")
_DASH_BULLET = re.compile(r"^\s*[§o\-–]\t(?=[^\t]*$)")


def _pieces(line: str) -> list[str]:
    return line.split("\t")


def _trimmed(cells: list[str]) -> list[str]:
    """A header's cells without the empty ones a stray TAB leaves at its end."""
    n = len(cells)
    while n > 1 and not cells[n - 1].strip():
        n -= 1
    return cells[:n]


def _is_total_line(line: str) -> bool:
    first = next((p for p in _pieces(line) if p.strip()), "")
    match = total_label(first)
    return bool(match) and ("\t" in line or len(first.split()) >= 2)


def _own_row(line: str) -> bool:
    """A line without TAB that is a row of its own whatever stands above it."""
    return is_legal_basis(line) or is_section_heading(line) or _is_total_line(line)


def _signature_like(line: str) -> bool:
    return not _own_row(line) and signature_parts(line) is not None


class _Rows:
    """Builds the body rows line by line; ``open`` is the row whose last written cell a line may continue.

    While the table is read a cell is a list of its parts (joined once at the end), so
    a cell of 200,000 lines costs linear time; only the last paragraph of the open
    cell is looked at to tell whether it ended with its score.
    """

    def __init__(self, name: str, width: int, mapping: list[str | None]):
        self.name = name
        self.width = width
        self.rows: list[SourceRow] = []
        self.pending: SourceRow | None = None  # a row whose cells are not all there yet
        self.open: SourceRow | None = None
        self.open_cell = 0
        self.alone = False  # the open row is a merged row of one cell
        self.blanks = 0
        self.score_column = mapping.index("score") if "score" in mapping else -1
        self.ended = False

    # ------------------------------------------------------------- rows
    @staticmethod
    def _new(lineno: int, pieces: list[str]) -> SourceRow:
        return SourceRow(lineno, lineno, [[piece] for piece in pieces])

    def _where(self, row: SourceRow) -> str:
        return f"{row.first}-{row.last}" if row.last != row.first else str(row.first)

    def _close(self, row: SourceRow) -> None:
        real = len(row.cells)
        if 2 < real < self.width and not _total_parts(row.cells):
            # a row of merged cells is a heading (one or two cells) or a total; anything else is cut short
            raise ImportFormatError(
                f"«{self.name}», {self._where(row)}-р мөр: хүснэгтийн мөр дутуу байна ({self.width} нүд байх ёстой, "
                f"{real} байна). Хүснэгтийг бүтнээр нь хуулна уу, эсвэл нийлүүлсэн нүдийг салгаад дахин хадгална уу.",
                [(row.first, f"{self.width} нүд")],
            )
        if real > self.width:
            if any("".join(c).strip() for c in row.cells[self.width :]):
                raise ImportFormatError(
                    f"«{self.name}», {self._where(row)}-р мөр: хүснэгтийн мөрөнд {self.width} нүд байх ёстой, {real} байна. "
                    "Нүднүүдийг (TAB) шалгана уу.",
                    [(row.first, f"{self.width} нүд")],
                )
            row.cells = row.cells[: self.width]
            real = self.width
        row.cells += [[""] for _ in range(self.width - real)]
        self.rows.append(row)
        if len(self.rows) > MAX_TABLE_ROWS:
            raise too_many_rows(self.name, MAX_TABLE_ROWS)
        self.open, self.open_cell, self.alone = row, real - 1, real == 1
        self.blanks = 0
        if _total_parts(row.cells):
            self.ended = True

    def _continue(self, row: SourceRow, index: int, text: str, lineno: int) -> None:
        row.cells[index].append("\n" * (1 + self.blanks) + text)
        row.last = lineno
        self.blanks = 0

    def tab_line(self, lineno: int, line: str) -> None:
        pieces = _pieces(line)
        pending = self.pending
        if pending is not None:
            if len(pending.cells) + len(pieces) - 1 <= self.width:
                self._continue(pending, len(pending.cells) - 1, pieces[0], lineno)
                pending.cells += [[piece] for piece in pieces[1:]]
                pieces = []
            else:  # a short row (cells merged across): the new line is a row of its own
                self.pending = None
                self._close(pending)
        if pieces:
            pending = self.pending = self._new(lineno, pieces)
        if len(pending.cells) >= self.width or _total_parts(pending.cells):
            self.pending = None
            self._close(pending)

    def plain_line(self, lineno: int, line: str) -> None:
        if self.pending is not None:
            if _own_row(line):
                pending, self.pending = self.pending, None
                self._close(pending)
                self._close(self._new(lineno, [line]))
            else:
                self._continue(self.pending, len(self.pending.cells) - 1, line, lineno)
            return
        if self.open is None or self._own_row_after_open(line):
            self._close(self._new(lineno, [line]))
        else:
            self._continue(self.open, self.open_cell, line, lineno)

    def _own_row_after_open(self, line: str) -> bool:
        """A line after a whole row: its open cell's next paragraph, or a (merged) row of its own."""
        if _own_row(line):
            return True
        numbered = bool(split_measure_number(line)[0])
        if self.alone:  # a merged row's paragraphs go on (a legal basis' bullets), but a numbered row starts anew
            return numbered and not is_legal_basis(self.open.cells[0][0])
        parts = self.open.cells[self.open_cell]
        if self.open_cell == self.score_column and "".join(parts[:2]).strip():
            return True  # a score column's cell holds its score, no paragraphs after it
        # nothing follows a score: a numbered line after a cell that ended with one is a row of its own
        return numbered and ends_with_score(parts[-1].rsplit("\n", 1)[-1])

    def finish(self) -> list[SourceRow]:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self._close(pending)
        for row in self.rows:  # Word's manual line break (U+000B) is a line of the cell, as in the .docx
            row.cells = ["".join(parts).replace("\x0b", "\n") for parts in row.cells]
        return self.rows


def _total_parts(cells: list[list[str]]) -> bool:
    """A total row while its cells are still lists of parts (a label is short: its first parts say it)."""
    filled = [parts for parts in cells if any(p.strip() for p in parts)]
    if not filled or len(filled) > 3:
        return False
    first = "".join(filled[0][:3])
    return bool(total_label(first)) and (len(filled) > 1 or len(first.split()) >= 2)


def is_total_row_cells(cells: list[str]) -> bool:
    first = next((c for c in cells if c.strip()), "")
    return bool(total_label(first)) and (len([c for c in cells if c.strip()]) > 1 or len(first.split()) >= 2)


def _signature_tail(lines: list[str], start: int) -> int:
    """Where the signatures begin below a table without a total row: the last lines that all look like them."""
    tail = len(lines)
    for i in range(len(lines) - 1, start - 1, -1):
        line = lines[i]
        if not line.strip():
            continue
        if _signature_like(line):
            tail = i
            continue
        break
    return tail


def _body_width(lines: list[str], start: int, end: int) -> int:
    counts = Counter(line.count("\t") + 1 for line in lines[start:end]
                     if "\t" in line and not _is_total_line(line) and not _signature_like(line))
    return max(counts, key=lambda n: (counts[n], n)) if counts else 0


def text_document(text: str, name: str, columns: list[str] | None = None, encoding: str = "utf-8") -> SourceDocument:
    """The text as a ``SourceDocument``: the lines above the table, the table, the lines below."""
    lines = LINE_BREAK.split(text)
    if len(lines) > MAX_TEXT_LINES:
        raise too_many_rows(name, MAX_TEXT_LINES, "текстэд")
    header_at = next((i for i, line in enumerate(lines) if "\t" in line and is_header_row(_pieces(line))), None)
    blocks: list[Paragraph | Table] = []
    if header_at is None:
        first_tab = next((i for i, line in enumerate(lines)
                          if "\t" in line and line.strip() and not _signature_like(line)), None)
        if first_tab is None:
            return SourceDocument(name, [Paragraph(i + 1, line) for i, line in enumerate(lines) if line.strip()], encoding)
        start = first_tab
        for i in range(first_tab - 1, -1, -1):  # a section row over the first row belongs to the table
            if not lines[i].strip():
                continue
            if not _own_row(lines[i]):
                break
            start = i
        header_rows: list[SourceRow] = []
        body_start = start
        width = len(columns) if columns else _body_width(lines, start, len(lines))
    else:
        start = header_at
        header_rows, body_start = _header_rows(lines, header_at, name)
        width = len(header_rows[0].cells)
    blocks += [Paragraph(i + 1, lines[i].replace("\x0b", "\n")) for i in range(start) if lines[i].strip()]
    mapping = list(columns) if columns else (guess_mapping([r.cells for r in header_rows]) if header_rows else [])
    builder = _Rows(name, width, mapping)
    tail = _signature_tail(lines, body_start)
    i = body_start
    while i < len(lines) and not builder.ended:
        line = lines[i]
        if i >= tail:
            break
        if "\t" not in line and not line.strip():
            if builder.pending is not None:
                builder.pending.cells[-1].append("\n")
            else:
                builder.blanks += 1
        elif "\t" in line and (builder.open or builder.pending) and (
            (bullet := _BULLET.match(line)) or (builder.pending is None and (bullet := _DASH_BULLET.match(line)))
        ):
            rest = line[bullet.end() :]
            builder.tab_line(i + 1, rest) if "\t" in rest else builder.plain_line(i + 1, rest)
        elif "\t" in line:
            builder.tab_line(i + 1, line)
        else:
            builder.plain_line(i + 1, line)
        i += 1
    blocks.append(Table(header_rows + builder.finish()))
    blocks += [Paragraph(k + 1, lines[k].replace("\x0b", "\n")) for k in range(i, len(lines)) if lines[k].strip()]
    return SourceDocument(name, blocks, encoding)


def _header_rows(lines: list[str], at: int, name: str) -> tuple[list[SourceRow], int]:
    """The header row (with the lines its cells go on over) and the row under it, widened to the table's width."""
    top = SourceRow(at + 1, at + 1, _pieces(lines[at]))
    body_width = _body_width(lines, at + 1, len(lines))
    k = at + 1
    while k < len(lines):
        line = lines[k]
        if not line.strip():
            k += 1
            continue
        if "\t" not in line and headerish_continuation(line):
            top.cells[-1] += "\n" + line
        elif "\t" in line and len(_trimmed(top.cells)) < body_width and not is_subheader_row(_pieces(line)) \
                and not split_measure_number(_pieces(line)[0])[0] and not _pieces(line)[0].strip().isdigit() \
                and len(top.cells) + line.count("\t") <= body_width:
            pieces = _pieces(line)
            top.cells[-1] += "\n" + pieces[0]
            top.cells += pieces[1:]
        else:
            break
        top.last = k + 1
        k += 1
    top.cells = _trimmed(top.cells)
    rows = [top]
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k < len(lines) and "\t" in lines[k]:
        pieces = _pieces(lines[k])
        if is_subheader_row(pieces) and not is_column_number_row(pieces):
            sub = SourceRow(k + 1, k + 1, pieces)
            width = max(len(pieces), len(top.cells))  # the cells under merged-down top cells are empty, but there
            sub.cells = (pieces + [""] * width)[:width]
            top.cells = expand_top(top.cells, sub.cells)
            rows.append(sub)
            k += 1
    width = max(len(row.cells) for row in rows)
    for row in rows:
        row.cells += [""] * (width - len(row.cells))
    return rows, k
