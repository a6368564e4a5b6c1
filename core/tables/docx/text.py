"""Text of Word XML elements as the user sees it: runs, tabs and line breaks, paragraphs as lines."""

from __future__ import annotations

from docx.oxml.ns import qn

W_P, W_R, W_T, W_TAB, W_BR, W_CR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_TBL, W_TR, W_TC, W_SDT, W_SDT_CONTENT = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt"), qn("w:sdtContent")
W_NB_HYPHEN, W_TC_PR, W_GRID_SPAN, W_VMERGE, W_VAL = qn("w:noBreakHyphen"), qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge"), qn("w:val")
W_TR_PR, W_GRID_BEFORE, W_GRID_AFTER, W_TYPE = qn("w:trPr"), qn("w:gridBefore"), qn("w:gridAfter"), qn("w:type")
_WANTED = (W_T, W_TAB, W_BR, W_CR, W_NB_HYPHEN)


def paragraph_text(p) -> str:
    """One paragraph's text: ``w:t`` as written, ``w:tab`` a TAB, a line break a newline.

    Deleted text of tracked changes is ``w:delText`` and so left out; field codes are
    ``w:instrText`` and left out too, their shown result being ordinary runs.
    """
    out: list[str] = []
    for el in p.iter(*_WANTED):
        tag = el.tag
        if tag == W_T:
            out.append(el.text or "")
        elif tag == W_TAB:
            if el.get(W_POS) is None:  # a tab character, not a tab stop definition (which has a position)
                out.append("\t")
        elif tag == W_NB_HYPHEN:
            out.append("-")
        elif el.get(W_TYPE) != "page":
            out.append("\n")
    return "".join(out)


def children(parent, *tags: str):
    """Direct children with these tags, looking through content controls (``w:sdt``)."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from children(content, *tags)


W_POS = qn("w:pos")
_CELL_WANTED = (W_P, W_T, W_TAB, W_BR, W_CR, W_NB_HYPHEN, W_GRID_SPAN, W_VMERGE)


def read_cell(tc) -> tuple[str, int, bool]:
    """(text, grid columns spanned, continues a vertical merge) in one pass over the cell.

    The paragraphs become lines (a nested table's too, in order); ``w:tcPr`` comes
    before the first paragraph, so only a span or merge seen before it is the cell's own.
    One pass, because element lookups are what a large table's reading costs.
    """
    out: list[str] = []
    span, continued, in_text = 1, False, False
    for el in tc.iter(*_CELL_WANTED):
        tag = el.tag
        if tag == W_T:
            out.append(el.text or "")
        elif tag == W_P:
            if in_text:
                out.append("\n")
            in_text = True
        elif tag == W_TAB:
            if el.get(W_POS) is None:  # a tab character, not a tab stop definition
                out.append("\t")
        elif tag == W_GRID_SPAN:
            if not in_text:
                span = max(1, _int(el, 1))
        elif tag == W_VMERGE:
            if not in_text:
                continued = el.get(W_VAL, "continue") != "restart"
        elif tag == W_NB_HYPHEN:
            out.append("-")
        elif el.get(W_TYPE) != "page":
            out.append("\n")
    return "".join(out), span, continued


def _int(el, default: int) -> int:
    try:
        return max(0, min(int(el.get(W_VAL)), 63))
    except (TypeError, ValueError):
        return default


def grid_rows(tbl) -> list[list[str]]:
    """The table as rows of grid cells: a merged-across cell's text in its first grid column,
    a vertically merged cell's text only in the row where the merge starts (``w:vMerge`` of
    the row's own ``w:tc``: absent or ``restart`` starts, anything else continues).
    """
    rows: list[list[str]] = []
    for tr in children(tbl, W_TR):
        cells: list[str] = []
        tr_pr = tr.find(W_TR_PR)
        if tr_pr is not None and (before := tr_pr.find(W_GRID_BEFORE)) is not None:
            cells += [""] * _int(before, 0)
        for tc in children(tr, W_TC):
            text, span, continued = read_cell(tc)
            cells.append("" if continued else text)
            if span > 1:
                cells += [""] * (span - 1)
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]
