"""The one reader of a report out of a ``SourceDocument``, whatever way it came in.

Text, clipboard HTML and .docx all end here: the report table is the one whose
header names the most roles; the paragraphs above it (and rows above its header)
give the appendix label, the title and the date; its rows are read by the meaning
of their columns (``wordtable``); rows after its total row, paragraphs and tables
after it give the signatures. Every paragraph and row is then given a role or
listed as skipped with its number and why; one left over is refused, naming it,
rather than lost in silence.
"""

from __future__ import annotations

import json

from core.errors import ImportFormatError
from core.report.model import Period, Report
from core.received.bounds import MAX_GOALS, MAX_MEASURES
from core.tables.source import MAX_TABLE_ROWS, Paragraph, SourceDocument, Table, too_many_rows
from core.tables.wordtable import ImportResult, SkippedRow, read_table
from core.tables.wordtable.columns import OFFICIAL_MAPPING, header_score
from core.tables.wordtable.frame import Line, read_preamble, read_signatures

#: Rows of a table searched for its header (a title row may stand above it).
HEADER_SEARCH_ROWS = 6
METADATA_MARK = "tailan"


def find_header(rows) -> tuple[int, int]:
    """(best header score, row index) among a table's first rows."""
    best = (0, -1)
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(row.cells)
        if score >= 2 and score > best[0]:
            best = (score, i)
    return best


def _width(table: Table) -> int:
    return len(table.rows[0].cells) if table.rows else 0


def _choose(doc: SourceDocument, columns: list[str] | None) -> tuple[int, Table, int, bool]:
    """(block index, table, header row index, whether it has a header): the report table."""
    tables = doc.tables()
    scored = [(find_header(t.rows), k, t) for k, t in tables]
    (score, header_at), at, table = max(scored, key=lambda s: (s[0][0], -s[1]))
    if score < 2:  # a report table laid inside another table's cell (a layout table)
        nested = [(find_header(inner.rows), k, inner) for k, t in tables for inner in t.nested]
        if nested:
            best = max(nested, key=lambda s: (s[0][0], -s[1]))
            if best[0][0] >= 2:
                (score, header_at), at, table = best
    if score >= 2:
        return at, table, header_at, True
    candidates = [(k, t) for k, t in tables if t.rows]
    if columns is not None:
        candidates = [(k, t) for k, t in candidates if _width(t) == len(columns)] or candidates
    else:
        candidates = [(k, t) for k, t in candidates if _width(t) == len(OFFICIAL_MAPPING)] or candidates
    at, table = max(candidates, key=lambda c: len(c[1].rows))
    return at, table, 0, False


def signature_line(cells: list[str]) -> str:
    """A signature table row ``ROLE: | POSITION | NAME`` as the line ``ROLE: POSITION<TAB>NAME``."""
    filled = [" ".join(c.split()) for c in cells if c.strip()]
    if len(filled) >= 3 and ":" not in filled[0]:
        filled[0] += ":"
    if len(filled) >= 2 and filled[0].endswith(":"):
        return f"{filled[0]} {filled[1]}" + ("\t" + " ".join(filled[2:]) if len(filled) > 2 else "")
    return "\t".join(filled)


def _lines(paragraph: Paragraph, *, below: bool = False) -> list[Line]:
    """A paragraph's lines; below the table, one with TABs (a signature table's row, as text writes it) is read
    as that row is read from a .docx."""
    return [Line(paragraph.row, signature_line(text.split("\t")) if below and "\t" in text else text, owner=paragraph)
            for text in paragraph.text.split("\n") if text.strip()]


def read_document(doc: SourceDocument, columns: list[str] | None = None) -> ImportResult:
    """The report, every row accounted for; raises ``ImportFormatError`` naming the row (nothing is written)."""
    if not any(t.rows for _, t in doc.tables()):
        raise ImportFormatError(
            f"«{doc.name}»: хүснэгт олдсонгүй. Тайлангийн хүснэгттэй файлаа сонгоно уу "
            "(хүснэгтийг зургаар биш, Word-ийн хүснэгтээр хийсэн байх ёстой).",
            [(1, "хүснэгт")],
        )
    at, table, header_at, has_header = _choose(doc, columns)
    if len(table.rows) > MAX_TABLE_ROWS:
        raise too_many_rows(doc.name, MAX_TABLE_ROWS)
    skipped: list[SkippedRow] = []
    preamble: list[Line] = []
    for block in doc.blocks[:at]:
        if isinstance(block, Paragraph):
            preamble += _lines(block)
        elif block is not table:
            _skip_table(block, skipped, "тайлангийн хүснэгтийн өмнөх өөр хүснэгтийн мөр")
    preamble += [Line(r.first, " ".join(c for c in r.cells if c.strip()), owner=r) for r in table.rows[:header_at]
                 if any(c.strip() for c in r.cells)]
    reading = read_table(table.rows[header_at:], name=doc.name, has_header=has_header, columns=columns)
    report = Report(goals=reading.goals, signatories=[])
    read_preamble(preamble, report)
    after: list[Line] = [Line(r.first, signature_line(r.cells), owner=r) for r in reading.trailing]
    for block in doc.blocks[at + 1 :]:
        if isinstance(block, Paragraph):
            after += _lines(block, below=True)
        else:
            after += [Line(r.first, signature_line(r.cells), owner=r) for r in block.rows]
    skipped = reading.skipped + skipped
    read_signatures(after, report, skipped)
    _apply_metadata(doc.metadata, report)
    if len(report.goals) > MAX_GOALS or len(report.measures()) > MAX_MEASURES:
        raise ImportFormatError(
            f"«{doc.name}»: {len(report.goals)} зорилт, {len(report.measures())} арга хэмжээ байна; тайланд "
            f"{MAX_GOALS} зорилт, {MAX_MEASURES} арга хэмжээнээс илүү байж болохгүй (аймагт илгээх файлд багтахгүй).",
            [(1, "мөрийн тоо")],
        )
    _account(doc, table)
    if not report.goals:
        first = table.rows[header_at + reading.header_rows].first if len(table.rows) > header_at + reading.header_rows else 1
        reasons = "; ".join(f"{s.row}-р мөр: {s.reason}" for s in skipped[:3])
        raise ImportFormatError(
            f"«{doc.name}», {first}-р мөрөөс: хүснэгтэд нэг ч арга хэмжээ олдсонгүй — арга хэмжээний нүд "
            f"({', '.join(str(i + 1) for i, r in enumerate(reading.mapping) if r == 'measure')}-р багана) бүгд хоосон"
            + (f" ({reasons})" if reasons else "") + ". Хүснэгтийн мөрүүд, баганыг шалгана уу.",
            [(first, "арга хэмжээ")],
        )
    skipped.sort(key=lambda s: s.row)
    return ImportResult(
        report=report,
        printed_total=reading.printed_total,
        warnings=reading.warnings,
        encoding=doc.encoding,
        skipped=skipped,
        mapping=reading.mapping,
    )


def _skip_table(table: Table, skipped: list[SkippedRow], why: str) -> None:
    for row in table.rows:
        if any(c.strip() for c in row.cells):
            row.role = "skipped"
            skipped.append(SkippedRow(row.first, why, " ".join(" ".join(c.split()) for c in row.cells if c.strip())[:60]))
        else:
            row.role = "blank"


def _account(doc: SourceDocument, table: Table) -> None:
    """Every paragraph and row was given a role; the first that was not is refused, by its number.

    The readers give every row a role by construction: this is the wall that makes
    a row lost to a mistake of ours a refusal with its number, never a silent loss.
    """
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if block.role is None and block.text.strip():
                _unaccounted(doc.name, block.row, block.text)
            continue
        if block is not table and table in block.nested:
            for row in block.rows:
                row.role = row.role or "layout"
        for row in block.rows:
            if row.role is None and any(c.strip() for c in row.cells):
                _unaccounted(doc.name, row.first, " ".join(c for c in row.cells if c.strip()))
    for row in table.rows:
        if row.role is None and any(c.strip() for c in row.cells):
            _unaccounted(doc.name, row.first, " ".join(c for c in row.cells if c.strip()))


def _unaccounted(name: str, row: int, text: str) -> None:
    flat = " ".join(text.split())[:60]
    raise ImportFormatError(
        f"«{name}», {row}-р мөр («{flat}»): энэ мөр тайлангийн аль хэсэг болохыг тогтоож чадсангүй; "
        "юу ч бичээгүй. Мөрийг шалгаад дахин оролдоно уу.",
        [(row, "мөр")],
    )


def _apply_metadata(comments: str, report: Report) -> None:
    """What Tailan's own .docx export keeps in the document properties (organization, aimag, year, period).

    The title shows them to the reader, but not in a form that can be read back
    exactly; the properties are only trusted for these four fields and only when well-formed.
    """
    try:
        meta = json.loads(comments or "")
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
