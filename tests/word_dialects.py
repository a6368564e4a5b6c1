"""What Word writes of a .docx, other than the .docx: its «Plain Text» save and its clipboard HTML.

Tests and fixtures need the same table in every form a soum officer can hand over.
Word itself is not on a Linux machine, so these two functions write what it writes,
from the .docx's own XML (not from our reading of it):

- ``word_text``: Word's «Plain Text» save and the clipboard's ``text/plain``: one
  line per paragraph; a table row per line, one cell per ``w:tc`` (a cell spanned
  across columns is one cell, a cell merged down is empty in the rows it covers),
  cells separated by TAB, a cell's paragraphs on the lines that follow; a bulleted
  paragraph starts with its bullet and a TAB; lines end in CR LF.
- ``word_html``: the clipboard's ``text/html`` (CF_HTML): the ``Version:0.9`` header
  with its byte offsets, Word's HTML 4 dialect (``MsoNormal`` paragraphs, ``mso-``
  styles, ``<o:p>`` and ``&nbsp;`` empty paragraphs, the bullet inside
  ``<![if !supportLists]>``, long lines wrapped in the source), rows and cells with
  ``rowspan``/``colspan`` for Word's merges, between ``<!--StartFragment-->`` markers.
"""

from __future__ import annotations

import html
import io
import zipfile

from docx.oxml.ns import qn
from lxml import etree

W = {name: qn(f"w:{name}") for name in ("body", "p", "tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge", "val",
                                          "pPr", "pStyle", "numPr", "r", "t", "tab", "br", "jc")}


def _body(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(W["body"])


def _bulleted(p) -> bool:
    pr = p.find(W["pPr"])
    if pr is None:
        return False
    style = pr.find(W["pStyle"])
    return pr.find(W["numPr"]) is not None or (style is not None and "List" in (style.get(W["val"]) or ""))


def _runs_text(p) -> str:
    out = []
    for el in p.iter(W["t"], W["tab"], W["br"]):
        if el.tag == W["t"]:
            out.append(el.text or "")
        elif el.tag == W["tab"]:
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def _cells(tr):
    """(tc, grid column, span, vMerge value or None) of one row."""
    column = 0
    for tc in tr.findall(W["tc"]):
        pr = tc.find(W["tcPr"])
        span, merge = 1, None
        if pr is not None:
            grid = pr.find(W["gridSpan"])
            span = int(grid.get(W["val"])) if grid is not None else 1
            vmerge = pr.find(W["vMerge"])
            merge = None if vmerge is None else (vmerge.get(W["val"]) or "continue")
        yield tc, column, span, merge
        column += span


# ---------------------------------------------------------------- text
def _paragraph_line(p) -> str:
    text = _runs_text(p).replace("\n", "\x0b")  # Word writes a manual line break as U+000B in its text save
    return ("•\t" + text) if _bulleted(p) else text


def word_text(data: bytes) -> str:
    """The .docx as Word's «Plain Text» save (and the clipboard's plain text) writes it, CR LF line ends."""
    lines: list[str] = []
    for el in _body(data):
        if el.tag == W["p"]:
            lines.append(_paragraph_line(el))
        elif el.tag == W["tbl"]:
            for tr in el.findall(W["tr"]):
                cells = []
                for tc, _, _, merge in _cells(tr):
                    cells.append("" if merge == "continue" else "\r\n".join(_paragraph_line(p) for p in tc.findall(W["p"])))
                lines.append("\t".join(cells))
    return "\r\n".join(lines).replace("\x0b", "\r\n") + "\r\n"


# ---------------------------------------------------------------- HTML
_STYLE = """<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:"Times New Roman";
	panose-1:2 2 6 3 5 4 5 2 3 4;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	mso-pagination:widow-orphan;
	font-size:10.0pt;
	font-family:"Times New Roman",serif;
	mso-fareast-language:EN-US;}
p.MsoListParagraph
	{mso-style-priority:34;
	margin-left:36.0pt;}
@page WordSection1
	{size:841.9pt 595.3pt;
	mso-page-orientation:landscape;}
div.WordSection1
	{page:WordSection1;}
-->
</style>"""


def _wrap(text: str, width: int = 76) -> str:
    """Word wraps its HTML source lines at about 76 characters, at spaces (a browser reads the break as a space)."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "\r\n".join(out)


def _spaces(text: str) -> str:
    """Runs of spaces as Word keeps them: ``mso-spacerun`` spans of non-breaking spaces."""
    escaped = html.escape(text, quote=False)
    parts = escaped.split("  ")
    if len(parts) == 1:
        return escaped
    return "<span style='mso-spacerun:yes'>&nbsp; </span>".join(parts)


def _html_paragraph(p, indent: str = "") -> str:
    text = _runs_text(p)
    jc = p.find(f"{W['pPr']}/{W['jc']}")
    align = f" align={jc.get(W['val'])} style='text-align:{jc.get(W['val'])}'" if jc is not None else ""
    if _bulleted(p):
        marker = ("<![if !supportLists]><span lang=MN style='font-family:Symbol;mso-fareast-font-family:Symbol;"
                  "mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>"
                  "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>")
        head = f"<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>{marker}"
    else:
        head = f"<p class=MsoNormal{align}>"
    if not text.strip():
        return f"{indent}{head}<span lang=MN><o:p>&nbsp;</o:p></span></p>"
    body = "<br>\r\n".join(_wrap(_spaces(line)) for line in text.split("\n"))
    lead = len(text) - len(text.lstrip(" "))
    if lead:  # leading spaces would collapse: Word keeps them as a spacerun
        body = "<span style='mso-spacerun:yes'>" + "&nbsp;" * lead + "</span>" + body.lstrip(" ")
    return f"{indent}{head}<span lang=MN>{body}<o:p></o:p></span></p>"


def _html_table(tbl) -> str:
    rows = tbl.findall(W["tr"])
    grid = [list(_cells(tr)) for tr in rows]
    out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\r\n style='border-collapse:collapse;"
           "border:none;mso-border-alt:solid windowtext .5pt;\r\n mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    for r, cells in enumerate(grid):
        out.append(f" <tr style='mso-yfti-irow:{r}{';mso-yfti-firstrow:yes' if r == 0 else ''}'>")
        for tc, column, span, merge in cells:
            if merge == "continue":
                continue
            rowspan = 1
            if merge == "restart":
                for below in grid[r + 1 :]:
                    if any(c == column and m == "continue" for _, c, _, m in below):
                        rowspan += 1
                    else:
                        break
            attrs = (f" colspan={span}" if span > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
            out.append(f"  <td{attrs} valign=top style='border:solid windowtext 1.0pt;\r\n  mso-border-alt:solid windowtext .5pt;"
                       "padding:0cm 5.4pt 0cm 5.4pt'>")
            out += [_html_paragraph(p, "  ") for p in tc.findall(W["p"])]
            out.append("  </td>")
        out.append(" </tr>")
    out.append("</table>")
    return "\r\n".join(out)


def word_html(data: bytes) -> str:
    """The .docx (selected whole and copied in Word) as the clipboard's CF_HTML, header and all."""
    parts = []
    for el in _body(data):
        if el.tag == W["p"]:
            parts.append(_html_paragraph(el))
        elif el.tag == W["tbl"]:
            parts.append(_html_table(el))
    fragment = "\r\n\r\n".join(parts)
    page = (
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n"
        "xmlns:w=\"urn:schemas-microsoft-com:office:word\"\r\nxmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\"\r\n"
        "xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n\r\n<head>\r\n"
        "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\r\n"
        "<meta name=ProgId content=Word.Document>\r\n<meta name=Generator content=\"Microsoft Word 15\">\r\n"
        "<meta name=Originator content=\"Microsoft Word 15\">\r\n"
        "<!--[if gte mso 9]><xml>\r\n <o:OfficeDocumentSettings>\r\n  <o:AllowPNG/>\r\n </o:OfficeDocumentSettings>\r\n"
        "</xml><![endif]-->\r\n" + _STYLE + "\r\n</head>\r\n\r\n<body lang=EN-US style='tab-interval:36.0pt'>\r\n"
        "<!--StartFragment-->"
    )
    end = "<!--EndFragment-->\r\n</body>\r\n\r\n</html>\r\n"
    header = "Version:0.9\r\nStartHTML:{0:010d}\r\nEndHTML:{1:010d}\r\nStartFragment:{2:010d}\r\nEndFragment:{3:010d}\r\n"
    size = len(header.format(0, 0, 0, 0).encode())
    start_fragment = size + len(page.encode())
    end_fragment = start_fragment + len(fragment.encode())
    end_html = end_fragment + len(end.encode())
    return header.format(size, end_html, start_fragment, end_fragment) + page + fragment + end
