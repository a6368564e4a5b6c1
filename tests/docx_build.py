"""Builds .docx files of given table cells, the way Word lays them out, for tests and fixtures.

Written with python-docx's XML elements (not ``cell.merge()``, which joins the
paragraphs of the merged cells): a goal cell merged down over its measures is a
``w:vMerge`` restart and continuations, a row of one cell (a section heading) spans
the table with ``w:gridSpan``, as does a ``layouts.Spanned`` cell, a header word over
two sub-columns spans them, a cell's lines are its paragraphs, and a line starting
``• `` is a paragraph of the «List Bullet» style.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from helpers import SAMPLE_TXT
from lxml import etree


def _el(parent, tag, **attrs):
    child = etree.SubElement(parent, qn(tag))
    for k, v in attrs.items():
        child.set(qn(f"w:{k}"), v)
    return child


def _tc(tr, text: str, *, span: int = 1, vmerge: str | None = None) -> None:
    tc = _el(tr, "w:tc")
    pr = _el(tc, "w:tcPr")
    if span > 1:
        _el(pr, "w:gridSpan", val=str(span))
    if vmerge == "restart":
        _el(pr, "w:vMerge", val="restart")
    elif vmerge == "continue":
        _el(pr, "w:vMerge")
        text = ""
    for line in text.split("\n"):
        p = _el(tc, "w:p")
        if line.startswith("• "):  # a bulleted paragraph: Word numbering, the bullet is no text
            _el(_el(p, "w:pPr"), "w:pStyle", val="ListBullet")
            line = line[2:]
        if line:
            r = _el(p, "w:r")
            for k, part in enumerate(line.split("\t")):
                if k:
                    _el(r, "w:tab")
                t = _el(r, "w:t")
                t.text = part
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def add_table(document, header: list[list[str]], body: list[list[str]], *, goal_columns=(0, 1)) -> None:
    width = len(header[0])
    tbl = document.add_table(rows=0, cols=width)._tbl
    tbl.tblPr.append(etree.fromstring(
        '<w:tblBorders xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"
    ))
    top = header[0]
    sub = header[1] if len(header) > 1 else None
    for k, cells in enumerate(header):
        tr = _el(tbl, "w:tr")
        _el(_el(tr, "w:trPr"), "w:tblHeader")
        i = 0
        while i < width:
            spans = sub is not None and k == 0 and i + 1 < width and top[i] and not top[i + 1] and sub[i] and sub[i + 1]
            if spans:
                _tc(tr, cells[i], span=2)
                i += 2
                continue
            merge = None
            if sub is not None and top[i] and not sub[i]:
                merge = "restart" if k == 0 else "continue"
            _tc(tr, cells[i], vmerge=merge)
            i += 1
    open_goal = {c: False for c in goal_columns}
    for n, cells in enumerate(body):
        tr = _el(tbl, "w:tr")
        if len(cells) == 1 or any(getattr(c, "span", 1) > 1 for c in cells):
            for cell in cells:
                _tc(tr, cell, span=width if len(cells) == 1 else getattr(cell, "span", 1))
            open_goal = {c: False for c in goal_columns}
            continue
        for i, text in enumerate(cells):
            merge = None
            if i in goal_columns and any(cells[c] for c in goal_columns if c < width):
                later = body[n + 1] if n + 1 < len(body) else None
                continues = later is not None and len(later) > 1 and not any(later[c] for c in goal_columns)
                merge = "restart" if continues else None
                open_goal[i] = continues
            elif i in goal_columns and open_goal.get(i) and not text:
                later = body[n + 1] if n + 1 < len(body) else None
                merge = "continue"
                open_goal[i] = later is not None and len(later) > 1 and not any(later[c] for c in goal_columns)
            _tc(tr, text, vmerge=merge)


def build_docx(path: Path, preamble: list[str], header, body, after: list[str], *, signature_table=None, goal_columns=(0, 1)) -> Path:
    document = docx.Document()
    for line in preamble:
        document.add_paragraph(line)
    add_table(document, header, body, goal_columns=goal_columns)
    for line in after:
        document.add_paragraph(line)
    if signature_table:
        t = document.add_table(rows=len(signature_table), cols=len(signature_table[0]))
        for r, row in enumerate(signature_table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    document.save(path)
    return path


def sample_parts():
    """The reference sample's text cut into preamble lines, header rows, body rows, lines after."""
    lines = SAMPLE_TXT.read_text(encoding="utf-8").split("\n")
    header_at = next(i for i, line in enumerate(lines) if line.startswith("№\t"))
    total_at = next(i for i, line in enumerate(lines) if line.startswith("Биелэлтийн нийт дүн"))
    preamble = [line for line in lines[:header_at] if line.strip()]
    header = [lines[header_at].split("\t"), lines[header_at + 1].split("\t")]
    body = [line.split("\t") for line in lines[header_at + 2 : total_at + 1] if line.strip()]
    after = [line for line in lines[total_at + 1 :] if line.strip()]
    return preamble, header, body, after


def build_sample_docx(path: Path) -> Path:
    preamble, header, body, after = sample_parts()
    return build_docx(path, preamble, header, body, after)
