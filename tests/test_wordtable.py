"""Columns by meaning: every layout of issue 12 as text, the column choice, the account of rows."""

from __future__ import annotations

import pytest
from helpers import run_cli
from layouts import LAYOUTS, UNPLACEABLE, as_text, shape

from core.errors import ImportFormatError
from core.report.model import Score
from core.tables.textimport import parse_text
from core.tables.wordtable import ColumnMappingNeeded, parse_columns_option
from core.tables.wordtable.cells import number_depth, score_cell, split_score
from core.tables.wordtable.columns import guess_role


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_layout_imports_with_its_goals_measures_and_scores(name):
    preamble, header, body, (expected, skipped) = LAYOUTS[name]
    result = parse_text(as_text(preamble, header, body), name=name)
    assert shape(result.report) == expected
    assert len(result.skipped) == skipped
    assert result.report.signatories[0].name == "Б.БАТ"


def test_skipped_rows_say_their_row_number_and_why():
    preamble, header, body, _ = LAYOUTS["eight_columns_two_headers_number_row"]
    result = parse_text(as_text(preamble, header, body))
    lines = as_text(preamble, header, body).split("\n")
    reasons = {s.row: s.reason for s in result.skipped}
    assert lines[reasons and min(reasons) - 1].startswith("1\t2\t3")
    assert "баганын дугаар" in reasons[min(reasons)]
    assert "Эрх зүйн үндэслэл" in reasons[max(reasons)] and lines[max(reasons) - 1].startswith("Эрх зүйн")
    summary = "\n".join(result.summary_lines())
    assert "1 зорилт, 2 арга хэмжээ, 2 үнэлгээ" in summary and f"{max(reasons)}-р мөрийг алгасав" in summary


def test_title_year_and_variant_words():
    preamble, header, body, _ = LAYOUTS["eight_columns_two_headers_number_row"]
    report = parse_text(as_text(preamble, header, body)).report
    assert report.year == 2024 and report.appendix_label.startswith("Засгийн газрын")


def test_lost_letters_in_the_header_are_recognized_and_said():
    preamble, header, body, _ = LAYOUTS["lost_letters_no_number_label"]
    result = parse_text(as_text(preamble, header, body))
    assert any("Windows-1251" in w for w in result.warnings)


def test_unplaceable_column_asks_with_the_first_rows_and_the_guess():
    text = as_text(*UNPLACEABLE)
    with pytest.raises(ColumnMappingNeeded) as info:
        parse_text(text, name="x.txt")
    error = info.value
    assert error.guessed == ["number", "goal", "measure", None, "achieved"]
    assert error.first_rows[0][3] == "Санхүүжилтийн эх үүсвэр" and error.first_rows[1][4] == "Хийсэн Биелэлт 100"
    assert "4-р баганыг таньсангүй" in error.message and "--columns" in error.message
    result = parse_text(text, columns=["number", "goal", "measure", "skip", "achieved"])
    assert shape(result.report) == [("1", "Зорилт", [("1.1.", "100")])]


def test_columns_option_of_wrong_width_or_names():
    with pytest.raises(ImportFormatError, match="5 багана"):
        parse_text(as_text(*UNPLACEABLE), columns=["number", "goal", "measure", "achieved"])
    with pytest.raises(ImportFormatError, match="«foo»"):
        parse_columns_option("number,foo,measure")
    with pytest.raises(ImportFormatError, match="measure"):
        parse_columns_option("number,goal")
    assert parse_columns_option(" Number, goal,measure ,skip,skip") == ["number", "goal", "measure", "skip", "skip"]


def test_cli_columns_option_and_summary(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(as_text(*UNPLACEABLE), encoding="utf-8")
    db = tmp_path / "r.tailan"
    refused = run_cli("import", source, "--db", db)
    assert refused.returncode == 2 and not db.exists()
    assert "4-р баганыг таньсангүй" in refused.stderr.decode()
    done = run_cli("import", source, "--db", db, "--columns", "number,goal,measure,skip,achieved")
    assert done.returncode == 0, done.stderr.decode()
    assert "1 зорилт, 1 арга хэмжээ, 1 үнэлгээ" in done.stderr.decode()


@pytest.mark.parametrize(
    "top,sub,role",
    [
        ("№", "", "number"), ("д/д", "", "number"), ("Д/д", "", "number"),
        ("Гүйцэтгэл үзүүлэлт", "", "indicator"), ("Гүйцэтгэлийн шалгуур үзүүлэлт", "", "indicator"),
        ("Биелэлт", "", "achieved"), ("Хэрэгжилт", "", "achieved"), ("Оноо", "", "score"),
        ("Биелэлтийн оноо", "", "score"), ("Суурь түвшин", "он", "baseline_year"), ("", "түвшин", "baseline_level"),
        ("Зорилтот түвшин", "", "target_level"), ("Зорилт", "", "goal"), ("Хэрэгж??лэх арга хэмжээ", "", "measure"),
        ("Х?рсэн т?вшин буюу г?йцэтгэлийн хувь", "", "achieved"), ("Хариуцах эзэн", "", "responsible"),
        ("Хариуцах нэгж, албан тушаалтан", "", "responsible"), ("Хэрэгжих хугацаа", "", "due"),
        ("Хэрэгжүүлэх хугацаа", "", "due"), ("Санхүүжилтийн эх үүсвэр", "", None),
    ],
)
def test_guess_role(top, sub, role):
    assert guess_role(top, sub) == role


def test_number_levels_and_scores():
    assert [number_depth(n) for n in ("Нэг.", "1", "1.", "1.1", "1.1.1.", "", "II.")] == [0, 1, 1, 2, 3, -1, 0]
    assert split_score("Хийсэн 70 хувь", percent=True) == ("Хийсэн", Score.IN_PROGRESS, None)
    assert split_score("Ирц 85%", percent=True) == ("Ирц 85%", None, "«85%» нь албан ёсны үнэлгээ (100, 70, 30, 0) биш")
    assert split_score("Хийсэн 70 хувь") == ("Хийсэн 70 хувь", None, None)
    assert score_cell("100%") == (Score.FULL, None) and score_cell("") == (None, None)
    assert score_cell("55")[0] is None and "55" in score_cell("55")[1]


def test_unofficial_score_column_value_warns_with_the_row():
    text = as_text(["Т"], [["№", "Зорилт", "Арга хэмжээ", "Оноо"]], [["1", "З", "1.1. А", "55"]])
    result = parse_text(text)
    assert result.report.measures()[0].score is None and "4-р мөр" in result.warnings[0]


def test_year_in_parentheses_and_a_title_without_date():
    text = as_text(["СУМЫН АВЛИГЫН ЭСРЭГ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ (2024)"], [["№", "Зорилт", "Арга хэмжээ", "Биелэлт"]],
                   [["1", "З", "1.1. А", "Биелэлт 100"]])
    report = parse_text(text).report
    assert report.year == 2024 and report.report_date == "" and report.title.endswith("(2024)")
    assert report.organization == "Сумын"  # the first line up to the form's words, as written (not «fixed»)


def test_a_paragraph_that_starts_like_a_section_stays_in_its_cell_where_goals_have_a_column():
    header = [["№", "Зорилт", "Хэрэгжүүлэх арга хэмжээ", "Биелэлт"]]
    text = as_text(["Т"], header, [["1", "З", "1.1. А", "Хийсэн:"]]).replace("Хийсэн:\n", "Хийсэн:\nНэг. сургалт\n")
    text = text.replace("\n\nХЯНАСАН", "\nБиелэлтийн нийт дүн\t\t\t\n\nХЯНАСАН")
    (measure,) = parse_text(text).report.measures()
    assert measure.achieved == "Хийсэн:\nНэг. сургалт"


def test_a_table_without_header_of_four_columns_asks_then_imports():
    from core.tables.textimport import parse_clipboard

    text = "1\tЗорилт\t1.1. А\tБиелэлт 100\n\t\t1.2. Б\tБиелэлт 70\n"
    with pytest.raises(ColumnMappingNeeded) as info:
        parse_clipboard(text)
    assert info.value.first_rows[1][2] == "1.2. Б"
    report = parse_clipboard(text, columns=["number", "goal", "measure", "achieved"]).report
    assert [(m.number, m.score.value) for m in report.measures()] == [("1.1.", "100"), ("1.2.", "70")]
