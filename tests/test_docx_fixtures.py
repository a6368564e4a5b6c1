"""The committed .docx fixtures: made by LibreOffice Writer (lo-*) and by python-docx (pd-*).

tests/fixtures/docx/make_fixtures.py makes them again.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SAMPLE_TXT
from layouts import LAYOUTS, shape
from test_docx_import import content

from core.tables.importing import import_path
from core.tables.textimport import import_file
from core.tables.wordtable import ColumnMappingNeeded

DOCX = FIXTURES / "docx"
MAKERS = ("lo", "pd")


@pytest.mark.parametrize("maker", MAKERS)
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_fixture(maker, name):
    expected, skipped = LAYOUTS[name][3]
    result = import_path(DOCX / f"{maker}-{name}.docx")
    assert shape(result.report) == expected
    assert len(result.skipped) == skipped
    assert [(s.role, s.position, s.name) for s in result.report.signatories] == [("ХЯНАСАН", "СУМЫН ЗАСАГ ДАРГА", "Б.БАТ")]


@pytest.mark.parametrize("maker", MAKERS)
def test_sample_fixture_equals_the_text_copy_cell_for_cell(maker):
    from_text = import_file(SAMPLE_TXT)
    from_docx = import_path(DOCX / f"{maker}-sample.docx")
    goals, signatures, header = content(from_docx.report)
    assert (goals, signatures) == content(from_text.report)[:2]
    if maker == "lo":  # its HTML source cannot carry the leading spaces of the title's lines
        strip = lambda title: "\n".join(line.lstrip() for line in title.split("\n"))  # noqa: E731
        header = (strip(header[0]),) + header[1:]
        expected = content(from_text.report)[2]
        assert header == (strip(expected[0]),) + expected[1:]
    else:
        assert header == content(from_text.report)[2]
    assert from_docx.printed_total == "82,8"


@pytest.mark.parametrize("maker", MAKERS)
def test_unplaceable_fixture_asks_for_the_mapping(maker):
    with pytest.raises(ColumnMappingNeeded) as info:
        import_path(DOCX / f"{maker}-unplaceable.docx")
    assert info.value.guessed[3] is None


@pytest.mark.parametrize("maker", MAKERS)
def test_goal_merged_across_page_breaks_is_one_goal(maker):
    report = import_path(DOCX / f"{maker}-page_breaks.docx").report
    assert [(g.text, [m.number for m in g.measures]) for g in report.goals] == [
        ("Хуудас дамнасан зорилт", ["1.1.", "1.2.", "1.3.", "1.4.", "1.5.", "1.6."])]
    assert report.goals[0].measures[0].achieved.count("\n") == 24
