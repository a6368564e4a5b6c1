"""Import of the officer's own .docx: the report table read by meaning, the text around it.

The body is walked in order: paragraphs before the report table give the appendix
label, the title and the date; rows after the table's total row, paragraphs after
the table and a signature table give the signatures. The report table is the one
whose header names the most roles (``core.tables.wordtable.columns``). A vertically merged
goal cell is read once, in the row where the merge starts, exactly as Word's own
text export leaves it, so a .docx and its text copy import alike.
"""

from __future__ import annotations

import json
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from core.errors import ImportFormatError
from core.report.model import Period, Report
from core.tables.docx.safety import MAX_DOCX_BYTES, checked_zip
from core.tables.docx.text import W_P, W_TBL, children, grid_rows, paragraph_text
from core.tables.textimport import read_source_bytes
from core.tables.wordtable import ImportResult, SourceRow, read_preamble, read_signatures, read_table
from core.tables.wordtable.columns import header_score

#: Rows of a table searched for its header (a title row may stand above it).
HEADER_SEARCH_ROWS = 6
METADATA_MARK = "tailan"


def import_docx(path: str | Path, columns: list[str] | None = None) -> ImportResult:
    """Reads a .docx report; the file is only read, nothing is written."""
    path = Path(path)
    data = read_source_bytes(path, MAX_DOCX_BYTES, "Word")
    return parse_docx(data, name=path.name, columns=columns)


class _Opened:
    """The parts the import reads: the document body and the core properties' comments.

    Only these two parts are parsed, not the whole package as python-docx's
    ``Document()`` would: styles, numbering and the theme say nothing about the
    report. They are parsed with a plain lxml parser (python-docx's own element
    classes made reading 3 times slower) that resolves no entities, loads no DTD
    and nothing from the network.
    """

    def __init__(self, body, comments: str):
        self.body = body
        self.comments = comments


def parse_xml(data: bytes):
    """Parses one part of a .docx safely: no entities, no DTD, no network, no huge trees from a hostile file."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def _open(data: bytes, name: str) -> _Opened:
    archive = checked_zip(data, name)
    try:
        root = parse_xml(archive.read("word/document.xml"))
        body = root.find(qn("w:body"))
        if body is None:
            raise ValueError("no w:body")
        comments = ""
        if "docProps/core.xml" in archive.namelist():
            core = parse_xml(archive.read("docProps/core.xml"))
            found = core.find("{http://purl.org/dc/elements/1.1/}description")
            comments = (found.text or "") if found is not None else ""
    except Exception as exc:  # lxml and zipfile raise many kinds for a damaged part
        raise ImportFormatError(
            f"«{name}» Word файлыг уншиж чадсангүй ({type(exc).__name__}). Word-оор нээж шалгаад .docx-ээр дахин хадгална уу."
        ) from None
    return _Opened(body, comments)


def _blocks(body) -> list[tuple[str, object]]:
    return [("p", el) if el.tag == W_P else ("tbl", el) for el in children(body, W_P, W_TBL)]


def _find_header(rows: list[list[str]]) -> tuple[int, int]:
    """(best header score, row index) among a table's first rows."""
    best = (0, -1)
    for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(cells)
        if score >= 2 and score > best[0]:
            best = (score, i)
    return best


def parse_docx(data: bytes, *, name: str = "Word", columns: list[str] | None = None) -> ImportResult:
    """Reads a .docx from bytes (``name`` is only for messages), so stdin and bytes without a file can be imported."""
    document = _open(data, name)
    blocks = _blocks(document.body)
    tables = [(k, grid_rows(el)) for k, (kind, el) in enumerate(blocks) if kind == "tbl"]
    if not tables:
        raise ImportFormatError(
            f"«{name}»: Word файлд хүснэгт олдсонгүй. Тайлангийн хүснэгттэй файлаа сонгоно уу "
            "(хүснэгтийг зургаар биш, Word-ийн хүснэгтээр хийсэн байх ёстой)."
        )
    scored = [(_find_header(rows), k, rows) for k, rows in tables]
    (score, header_at), table_at, rows = max(scored, key=lambda t: (t[0][0], -t[1]))
    if score < 2:  # a report table laid inside another table's cell (a layout table)
        nested = [(_find_header(grid_rows(inner)), k, grid_rows(inner))
                  for k, (kind, el) in enumerate(blocks) if kind == "tbl" for inner in el.iter(W_TBL) if inner is not el]
        if nested:
            best = max(nested, key=lambda t: (t[0][0], -t[1]))
            if best[0][0] >= 2:
                (score, header_at), table_at, rows = best
    has_header = score >= 2
    if not has_header:
        official = [(k, r) for k, r in tables if r and len(r[0]) == 8]
        if columns is None and not official:
            biggest = max(tables, key=lambda t: len(t[1]))[1]
            raise ImportFormatError(
                f"«{name}»: тайлангийн хүснэгтийн толгой мөр («Зорилт», «Хэрэгжүүлэх арга хэмжээ», «Биелэлт» ...) "
                f"олдсонгүй ({len(tables)} хүснэгт, хамгийн томд нь {len(biggest)} мөр). "
                "Баганыг --columns-оор эсвэл цонхноос заана уу.",
                [(1, "толгой мөр")],
            )
        candidates = tables if columns is not None else official
        if columns is not None:
            candidates = [(k, r) for k, r in tables if r and len(r[0]) == len(columns)] or tables
        table_at, rows = max(candidates, key=lambda t: len(t[1]))
        header_at = 0
    preamble = [paragraph_text(el) for kind, el in blocks[:table_at] if kind == "p"]
    preamble = [line for text in preamble for line in text.split("\n") if line.strip()]
    preamble += [" ".join(c for c in cells if c.strip()) for cells in rows[:header_at] if any(c.strip() for c in cells)]
    source_rows = [SourceRow(i + 1, i + 1, cells) for i, cells in enumerate(rows) if i >= header_at]
    reading = read_table(source_rows, name=name, has_header=has_header, columns=columns)
    report = Report(goals=reading.goals, signatories=[])
    read_preamble(preamble, report)
    after: list[str] = [_signature_line(r.cells) for r in reading.trailing]
    for kind, el in blocks[table_at + 1 :]:
        if kind == "p":
            after += paragraph_text(el).split("\n")
        else:
            after += [_signature_line(cells) for cells in grid_rows(el)]
    read_signatures(after, report)
    _apply_metadata(document, report)
    if not report.goals:
        raise ImportFormatError(
            f"«{name}»: хүснэгтэд нэг ч зорилт, арга хэмжээ олдсонгүй. Хүснэгтийн мөрүүдийг шалгана уу.",
            [(header_at + 1, "зорилт")],
        )
    return ImportResult(
        report=report,
        printed_total=reading.printed_total,
        warnings=reading.warnings,
        encoding="docx",
        skipped=reading.skipped,
        mapping=reading.mapping,
    )


def _signature_line(cells: list[str]) -> str:
    """A signature table row ``ROLE: | POSITION | NAME`` as the line ``ROLE: POSITION<TAB>NAME``."""
    filled = [" ".join(c.split()) for c in cells if c.strip()]
    if len(filled) >= 3 and ":" not in filled[0]:
        filled[0] += ":"
    if len(filled) >= 2 and filled[0].endswith(":"):
        return f"{filled[0]} {filled[1]}" + ("\t" + " ".join(filled[2:]) if len(filled) > 2 else "")
    return "\t".join(filled)


def _apply_metadata(document, report: Report) -> None:
    """What Tailan's own export keeps in the document properties (organization, aimag, year, period).

    The title shows them to the reader, but not in a form that can be read back
    exactly; the properties are only trusted for these four fields and only when well-formed.
    """
    try:
        meta = json.loads(document.comments or "")
    except (ValueError, TypeError):
        return
    if not isinstance(meta, dict) or meta.get(METADATA_MARK) != 1:
        return
    for key in ("organization", "aimag"):
        if isinstance(meta.get(key), str) and len(meta[key]) < 500:
            setattr(report, key, meta[key])
    if meta.get("year") is None or (isinstance(meta.get("year"), int) and 1900 < meta["year"] < 3000):
        report.year = meta.get("year")
    if meta.get("period") in {p.value for p in Period}:
        report.period = Period(meta["period"])
