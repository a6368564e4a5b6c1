"""Every layout in every form a table arrives in reads as its .docx does (issue 18).

tests/fixtures/docx/make_fixtures.py wrote each case as a .docx (python-docx and
LibreOffice), as text (UTF-8, UTF-16, Windows-1251 with ``?`` for Ө and Ү) and as
clipboard HTML (Word's dialect, LibreOffice's). The .docx of python-docx is the
reference: every other form gives the same report, the same signatures, the same
header and the same skipped rows.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES
from layouts import HEADERLESS_COLUMNS, LAYOUTS, shape

from core.tables.clipboard import parse_paste
from core.tables.importing import import_path
from core.tables.wordtable import ColumnMappingNeeded

CASES = sorted([*LAYOUTS, "sample", "sample_without_total", "page_breaks", "headerless"])
ENCODINGS = ("utf-8", "utf-16", "cp1251")
LOST = str.maketrans({"Ө": "?", "ө": "?", "Ү": "?", "ү": "?"})


def columns(name: str):
    return HEADERLESS_COLUMNS if name == "headerless" else None


def read_docx(maker: str, name: str):
    return import_path(FIXTURES / "docx" / f"{maker}-{name}.docx", columns=columns(name))


def read_text(name: str, encoding: str):
    return import_path(FIXTURES / "text" / f"{name}.{encoding}.txt", columns=columns(name))


def read_html(maker: str, name: str):
    html = (FIXTURES / "html" / f"{maker}-{name}.html").read_text(encoding="utf-8")
    return parse_paste(html, None, columns=columns(name))


def everything(result, *, lost: bool = False, lines: bool = False):
    """A reading as plain data: the report's every field, the signatures, the header, what was skipped and why."""
    report = result.report
    fix = (lambda s: s.translate(LOST)) if lost else (lambda s: s)  # noqa: E731
    edge = (lambda s: "\n".join(part.strip() for part in s.split("\n"))) if lines else (lambda s: s)  # noqa: E731
    text = lambda s: edge(fix(s))  # noqa: E731
    return {
        "goals": [(text(g.number), text(g.text), [
            (text(m.number), text(m.text), text(m.indicator), text(m.baseline_year), text(m.baseline_level),
             text(m.target_level), text(m.achieved), m.score) for m in g.measures]) for g in report.goals],
        "signatories": [(text(s.role), text(s.position), text(s.name)) for s in report.signatories],
        "header": (text(report.title), report.report_date, text(report.appendix_label), text(report.organization),
                   report.aimag, report.year, report.period),
        "skipped": [(s.reason, text(s.text)) for s in result.skipped],
        "printed_total": result.printed_total,
        "scores_reported": sorted(w.split(": ", 1)[-1] for w in result.warnings if "үнэлгээ" in w),
    }


@pytest.fixture(scope="module")
def references():
    return {name: read_docx("pd", name) for name in CASES}


@pytest.mark.parametrize("name", CASES)
def test_libreoffice_docx_equals_the_python_docx(references, name):
    assert everything(read_docx("lo", name), lines=True) == everything(references[name], lines=True)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("name", CASES)
def test_text_in_every_encoding_equals_the_docx(references, name, encoding):
    lost = encoding == "cp1251"
    from_text = read_text(name, encoding)
    expected = everything(references[name], lost=lost)
    got = everything(from_text, lost=lost)
    assert got == expected


@pytest.mark.parametrize("maker", ("word", "lo"))
@pytest.mark.parametrize("name", CASES)
def test_clipboard_html_equals_the_docx(references, name, maker):
    assert everything(read_html(maker, name), lines=True) == everything(references[name], lines=True)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_layout_reads_as_expected_in_every_form(name, references):
    expected, skipped = LAYOUTS[name][3]
    assert shape(references[name].report) == expected
    assert len(references[name].skipped) == skipped


def test_unplaceable_asks_for_the_columns_in_every_form():
    readers = [lambda: read_docx("pd", "unplaceable"), lambda: read_docx("lo", "unplaceable"),
               lambda: read_html("word", "unplaceable"), lambda: read_html("lo", "unplaceable")]
    readers += [lambda e=e: read_text("unplaceable", e) for e in ENCODINGS]
    for read in readers:
        with pytest.raises(ColumnMappingNeeded) as info:
            read()
        assert info.value.guessed == ["number", "goal", "measure", None, "achieved"]
