"""The one shape every way in ends in: paragraphs and tables of rows and cells, in order.

A text file, a clipboard's HTML or plain text and a .docx are each turned into a
``SourceDocument`` by their own reader (``textrows``, ``htmltable``, ``docx.reader``);
``reading.read_document`` then reads the report out of it the same way for all of
them. Every paragraph and every table row keeps the number the user can find it
by (a line number in text, a row number in a table) and gets a role once read, so
that no row can be lost in silence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import ImportFormatError
from core.received.bounds import MAX_GOALS, MAX_MEASURES
from core.tables.wordtable.rows import SourceRow

#: The most table rows an import reads: what a submission may hold (goals and
#: measures), with room for header, section and legal-basis rows. A source with more
#: is refused before it is read any further.
MAX_TABLE_ROWS = MAX_GOALS + MAX_MEASURES + 2_000
#: Lines of a text source (a row may take several lines, when its cells hold paragraphs).
MAX_TEXT_LINES = 20 * MAX_TABLE_ROWS


@dataclass
class Paragraph:
    """A paragraph outside any table (or one line of text outside the table), with its number."""

    row: int
    text: str
    role: str | None = None


@dataclass
class Table:
    """A table's rows, each of the same number of grid cells, and the tables nested in its cells."""

    rows: list[SourceRow]
    nested: list["Table"] = field(default_factory=list)


@dataclass
class SourceDocument:
    """What a reader found, in document order; ``metadata`` is Tailan's own (a .docx it exported)."""

    name: str
    blocks: list[Paragraph | Table]
    encoding: str = "utf-8"
    metadata: str = ""

    def tables(self) -> list[tuple[int, Table]]:
        return [(k, block) for k, block in enumerate(self.blocks) if isinstance(block, Table)]


def _number(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def too_many_rows(name: str, count: int, where: str = "хүснэгтэд") -> ImportFormatError:
    """The refusal of a source with more rows than any report has, said before it is read further."""
    return ImportFormatError(
        f"«{name}»: {where} {_number(count)} гаруй мөр байна; тайланд {_number(MAX_GOALS)} зорилт, "
        f"{_number(MAX_MEASURES)} арга хэмжээнээс илүү байж болохгүй. Энэ нь тайлангийн хүснэгт биш бололтой; импортлохгүй.",
        [(1, "мөрийн тоо")],
    )
