"""Import of a .docx: its body as paragraphs and tables of grid cells, read by ``core.tables.reading``.

The body is walked in order: paragraphs, and tables as rows of grid cells (a
vertically merged goal cell read once, in the row where the merge starts, exactly as
Word's own text export leaves it), so a .docx, its text copy and its clipboard HTML
import alike. Only ``word/document.xml`` and the core properties are read, inflated
in chunks within the bounds of ``safety`` (rows counted before anything is parsed).
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from core.errors import ImportFormatError
from core.tables.docx.safety import MAX_DOCX_BYTES, RowCounter, checked_zip, read_part
from core.tables.docx.text import W_P, W_TBL, children, grid_rows, paragraph_text
from core.tables.reading import METADATA_MARK, read_document
from core.tables.source import Paragraph, SourceDocument, Table
from core.tables.textimport import read_source_bytes
from core.tables.wordtable import ImportResult, SourceRow

__all__ = ["METADATA_MARK", "import_docx", "parse_docx", "docx_document", "parse_xml"]


def import_docx(path: str | Path, columns: list[str] | None = None) -> ImportResult:
    """Reads a .docx report; the file is only read, nothing is written."""
    path = Path(path)
    data = read_source_bytes(path, MAX_DOCX_BYTES, "Word")
    return parse_docx(data, name=path.name, columns=columns)


def parse_xml(data: bytes):
    """Parses one part of a .docx safely: no entities, no DTD, no network, no huge trees from a hostile file.

    A plain lxml parser, not python-docx's element classes (which made reading 3
    times slower): only two parts are read, and nothing else of the package.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def _table(tbl) -> Table:
    rows = [SourceRow(i + 1, i + 1, cells) for i, cells in enumerate(grid_rows(tbl))]
    nested = [_table(inner) for inner in tbl.iter(W_TBL) if inner is not tbl]
    return Table(rows, nested)


def docx_document(data: bytes, name: str = "Word") -> SourceDocument:
    """The .docx's body as a ``SourceDocument``; a damaged or hostile file raises ``ImportFormatError``."""
    archive = checked_zip(data, name)
    xml = read_part(archive, data, "word/document.xml", name, RowCounter(name))
    comments = ""
    try:
        body = parse_xml(xml).find(qn("w:body"))
        if body is None:
            raise ValueError("no w:body")
        if "docProps/core.xml" in archive.namelist():
            core = parse_xml(read_part(archive, data, "docProps/core.xml", name))
            found = core.find("{http://purl.org/dc/elements/1.1/}description")
            comments = (found.text or "") if found is not None else ""
    except ImportFormatError:
        raise
    except Exception as exc:  # lxml raises many kinds for a damaged part
        raise ImportFormatError(
            f"«{name}» Word файлыг уншиж чадсангүй ({type(exc).__name__}). Word-оор нээж шалгаад .docx-ээр дахин хадгална уу."
        ) from None
    blocks: list[Paragraph | Table] = []
    number = 0
    for el in children(body, W_P, W_TBL):
        if el.tag == W_P:
            number += 1
            blocks.append(Paragraph(number, paragraph_text(el)))
        else:
            table = _table(el)
            blocks.append(table)
            number = len(table.rows)  # paragraphs after a table are numbered on from its rows
    return SourceDocument(name, blocks, encoding="docx", metadata=comments)


def parse_docx(data: bytes, *, name: str = "Word", columns: list[str] | None = None) -> ImportResult:
    """Reads a .docx from bytes (``name`` is only for messages), so stdin and bytes without a file can be imported."""
    document = docx_document(data, name)
    if not document.tables():
        raise ImportFormatError(
            f"«{name}»: Word файлд хүснэгт олдсонгүй. Тайлангийн хүснэгттэй файлаа сонгоно уу "
            "(хүснэгтийг зургаар биш, Word-ийн хүснэгтээр хийсэн байх ёстой)."
        )
    return read_document(document, columns)
