"""The report as an editable Word .docx in the official layout of the printout.

A4 landscape with the printout's margins, Times New Roman, the appendix label at
the right, the title centered and bold, the date, then the table: the two-row header
(``Суурь түвшин`` over ``он | түвшин``) marked to repeat on every page, a goal's
number and text merged down over its measures (``w:vMerge``, which Word carries over
page breaks by itself), the score bold at the end of the achieved cell, the total
row, then the signatures; a plan has its printout's nine columns (when it is due and who
is responsible instead of the achieved level) and no total. Organization, aimag, year and period go into the document
properties as well, so that importing the file gives the same report back.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import BinaryIO

from docx.oxml.ns import qn
from lxml import etree

from core.report.model import Report
from core.report.official_form import (
    COL_WIDTHS_MM,
    HEADER_SUB,
    HEADER_TOP,
    PLAN_COL_WIDTHS_MM,
    PLAN_HEADER_SUB,
    PLAN_HEADER_TOP,
    TOTAL_LABEL,
    printed_score,
)
from core.report.draft import DRAFT_NOTE, is_draft, total_text
from core.storage.atomic import write_bytes_atomically
from core.tables.docx.reader import METADATA_MARK
from core.tables.textexport import measure_cell

FONT = "Times New Roman"
MARGINS_MM = {"left": 25, "top": 18, "right": 12, "bottom": 15}
SIGN_LINE = "." * 40
TWIPS_PER_MM = 1440 / 25.4


def _twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def _el(parent, tag: str, **attrs: str):
    child = etree.SubElement(parent, qn(tag))
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def _paragraphs(tc, text: str, *, bold_tail: str = "", bold: bool = False, center: bool = False) -> None:
    """A cell's text as paragraphs (one per line); ``bold_tail`` ends the last one, bold."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        p = _el(tc, "w:p")
        if center:
            _el(_el(p, "w:pPr"), "w:jc", val="center")
        if line:
            _run(p, line, bold=bold)
        if i == len(lines) - 1 and bold_tail:
            _run(p, (" " if line else "") + bold_tail, bold=True)


#: Characters XML cannot hold. Word's manual line break (U+000B, as Word's own text
#: export writes it) becomes a line break; any other control character a visible U+FFFD,
#: rather than a file that cannot be written.
_XML_INVALID = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff]")


def _safe(text: str) -> str:
    """For python-docx's own ``add_run``/``add_paragraph`` (which turns ``\\n`` into a line break)."""
    return _XML_INVALID.sub("\ufffd", text).replace("\x0b", "\n")


def _run(p, text: str, *, bold: bool = False) -> None:
    r = _el(p, "w:r")
    if bold:
        _el(_el(r, "w:rPr"), "w:b")
    text = _XML_INVALID.sub("\ufffd", text)
    pieces = re.split(r"(\t|\x0b)", text)
    for part in pieces:
        if part == "\t":
            _el(r, "w:tab")
        elif part == "\x0b":
            _el(r, "w:br")
        elif part:
            t = _el(r, "w:t")
            t.text = part
            if part != part.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _cell(tr, width_mm: float, text: str = "", *, span: int = 1, vmerge: str | None = None, **kw) -> None:
    tc = _el(tr, "w:tc")
    pr = _el(tc, "w:tcPr")
    _el(pr, "w:tcW", w=_twips(width_mm), type="dxa")
    if span > 1:
        _el(pr, "w:gridSpan", val=str(span))
    if vmerge == "restart":
        _el(pr, "w:vMerge", val="restart")
    elif vmerge == "continue":
        _el(pr, "w:vMerge")
    if vmerge == "continue":
        _el(tc, "w:p")
    else:
        _paragraphs(tc, text, **kw)


def _row(tbl, *, header: bool = False, keep: bool = False):
    tr = _el(tbl, "w:tr")
    if header or keep:
        pr = _el(tr, "w:trPr")
        _el(pr, "w:tblHeader" if header else "w:cantSplit")
    return tr


def _keep_with_next(tr) -> None:
    """The row's paragraphs keep with what follows: the last measure row, the total row and
    the signatures stay on one page, as in the printout (a long row still splits)."""
    for p in tr.iter(qn("w:p")):
        pr = p.find(qn("w:pPr"))
        if pr is None:
            pr = etree.Element(qn("w:pPr"))
            p.insert(0, pr)
        pr.insert(0, etree.Element(qn("w:keepNext")))


def _layout(report: Report) -> tuple[tuple[float, ...], tuple[str, ...], tuple[str, ...]]:
    """Column widths and the two header rows: the report's eight columns, or a plan's nine (no
    achieved level; when it is due and who is responsible instead), as the printout has them."""
    if report.period.is_plan:
        return PLAN_COL_WIDTHS_MM, PLAN_HEADER_TOP, PLAN_HEADER_SUB
    return COL_WIDTHS_MM, HEADER_TOP, HEADER_SUB


def _measure_cells(m, plan: bool) -> list[tuple[str, str]]:
    """A measure's cells after its number and text: (text, bold tail) each."""
    cells = [(m.indicator, ""), (m.baseline_year, ""), (m.baseline_level, ""), (m.target_level, "")]
    if plan:
        return cells + [(m.due, ""), (m.responsible, "")]
    return cells + [(m.achieved, printed_score(m.score))]


def _table(body, report: Report, before) -> None:
    w, header_top, header_sub = _layout(report)
    plan = report.period.is_plan
    tbl = etree.Element(qn("w:tbl"))
    before.addprevious(tbl)
    pr = _el(tbl, "w:tblPr")
    _el(pr, "w:tblW", w=_twips(sum(w)), type="dxa")
    _el(pr, "w:tblLayout", type="fixed")
    borders = _el(pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _el(borders, f"w:{side}", val="single", sz="4", space="0", color="000000")
    grid = _el(tbl, "w:tblGrid")
    for width in w:
        _el(grid, "w:gridCol", w=_twips(width))
    top = _row(tbl, header=True)
    sub = _row(tbl, header=True)
    for i, (word, under) in enumerate(zip(header_top, header_sub)):
        if i == 5:
            continue  # covered by «Суурь түвшин»
        if i == 4:
            _cell(top, w[4] + w[5], word, span=2, bold=True, center=True)
            _cell(sub, w[4], header_sub[4], bold=True, center=True)
            _cell(sub, w[5], header_sub[5], bold=True, center=True)
            continue
        _cell(top, w[i], word, vmerge="restart", bold=True, center=True)
        _cell(sub, w[i], under, vmerge="continue")
    for goal in report.goals:
        if not goal.measures:
            tr = _row(tbl)
            _cell(tr, w[0], goal.number)
            _cell(tr, w[1], goal.text)
            for k in range(2, len(w)):
                _cell(tr, w[k])
        for n, m in enumerate(goal.measures):
            tr = _row(tbl)
            merge = None if len(goal.measures) == 1 else ("restart" if n == 0 else "continue")
            _cell(tr, w[0], goal.number if n == 0 else "", vmerge=merge)
            _cell(tr, w[1], goal.text if n == 0 else "", vmerge=merge)
            _cell(tr, w[2], measure_cell(m.number, m.text))
            for k, (value, tail) in enumerate(_measure_cells(m, plan), 3):
                _cell(tr, w[k], value, bold_tail=tail)
    if plan:
        return  # a plan has no total
    body_rows = tbl.findall(qn("w:tr"))
    if len(body_rows) > 2:
        _keep_with_next(body_rows[-1])
    tr = _row(tbl, keep=True)
    _cell(tr, sum(w[:7]), TOTAL_LABEL, span=7, bold=True)
    _cell(tr, w[7], total_text(report), bold=True)
    _keep_with_next(tr)


def _page_and_font(document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)


def _header_and_footer(document, report: Report) -> None:
    """As the printout: the draft notice in red on every page while a score is missing,
    and the page number ``1/4`` at the bottom (Word's PAGE and NUMPAGES fields).
    Neither is read back by the import: headers and footers are not the report."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    section = document.sections[0]
    if is_draft(report):
        run = section.header.paragraphs[0].add_run(DRAFT_NOTE)
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.part.element.find(qn("w:p"))  # that paragraph's XML
    for k, field in enumerate(("PAGE", "NUMPAGES")):
        if k:
            _run(footer, "/")
        simple = _el(footer, "w:fldSimple", instr=field)
        _run(simple, "1")


def report_to_docx_bytes(report: Report) -> bytes:
    """The report's .docx in memory, so that the caller decides where it goes (atomically to a file, or a stream)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _page_and_font(document)
    _header_and_footer(document, report)
    if report.appendix_label:
        document.add_paragraph(_safe(report.appendix_label)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in report.display_title().split("\n"):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(_safe(line)).bold = True
    if report.report_date:
        document.add_paragraph(_safe(report.report_date))
    document.add_paragraph()  # the table goes before it; it separates table and signatures
    body = document.element.body
    _table(body, report, body.findall(qn("w:p"))[-1])
    for s in report.signatories:
        left = ": ".join(x for x in (s.role, s.position) if x) if s.role else s.position
        if s.role and not s.position:
            left = f"{s.role}:"
        line = f"{left}\t{SIGN_LINE}\t{s.name}" if left and s.name else (left or s.name)
        document.add_paragraph().add_run(_safe(line))
    props = document.core_properties
    props.title = _XML_INVALID.sub("\ufffd", " ".join(report.display_title().split())[:250])
    props.comments = json.dumps(
        {METADATA_MARK: 1, "organization": report.organization, "aimag": report.aimag, "year": report.year,
         "period": report.period.value},
        ensure_ascii=False,
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def export_docx(report: Report, target: str | os.PathLike | BinaryIO) -> None:
    """Writes the .docx whole or not at all (``core.storage.atomic``); a stream gets the bytes."""
    data = report_to_docx_bytes(report)
    if hasattr(target, "write"):
        target.write(data)
        return
    write_bytes_atomically(Path(target), data)
