"""Import of the Word table as text: the sample exactly, the encodings, the quirks, the errors."""

from __future__ import annotations

import pytest
from helpers import SAMPLE_TXT, digest

from core.errors import ImportFormatError, TailanError
from core.report.model import Period, Score
from core.tables.textexport import report_to_text
from core.tables.textimport import (
    decode,
    import_file,
    parse_clipboard,
    parse_text,
    split_measure_number,
    split_score,
)

SAMPLE_LINES = SAMPLE_TXT.read_text(encoding="utf-8").split("\n")
BODY_LINES = [line for line in SAMPLE_LINES[12:31] if line.strip()]  # file lines 13-31


def test_sample_header_fields(sample_report):
    r = sample_report
    assert r.appendix_label == "Засгийн газрын 2020 оны 206 дугаар тогтоолын хавсралт"
    assert r.report_date == "2023.12.08"
    assert r.title == "\n".join(SAMPLE_LINES[4:7])
    assert r.organization == "Нарийнтээл сум"
    assert r.year == 2023
    assert r.period is Period.ANNUAL


def test_sample_structure_keeps_numbers_as_written(sample_report):
    assert [g.number for g in sample_report.goals] == ["1", "2", "3.", "4.", "5.", "6."]
    numbers = [[m.number for m in g.measures] for g in sample_report.goals]
    assert numbers == [
        ["1.1.", "1.2.", "1.3."],
        ["2.1.", "2.2."],
        ["3.1.", "3.2."],
        ["4.1.", "4.3."],  # the gap stays: there is no 4.2
        ["5.1.", "5.2."],
        ["6.1.", "6.2.", "6.3."],
    ]


def test_every_imported_cell_equals_the_original_cell(sample_report):
    measures = sample_report.measures()
    assert len(BODY_LINES) == len(measures) == 14
    goals = iter(sample_report.goals)
    for line, m in zip(BODY_LINES, measures):
        cells = line.split("\t")
        if cells[0] or cells[1]:
            goal = next(goals)
            assert (cells[0], cells[1]) == (goal.number, goal.text)
        assert cells[3:7] == [m.indicator, m.baseline_year, m.baseline_level, m.target_level]
        # the number glued or spaced: nothing but the whitespace between them is dropped
        assert cells[2].startswith(m.number) and cells[2].endswith(m.text)
        assert cells[2][len(m.number) : len(cells[2]) - len(m.text)].strip() == ""
        # the score moved out of the achieved text, the rest exactly as written
        suffix = f"Биелэлт {m.score.value}" if m.score else ""
        assert cells[7].startswith(m.achieved) and cells[7].endswith(suffix)
        assert cells[7][len(m.achieved) : len(cells[7]) - len(suffix)].strip() == ""


def test_glued_numbers_and_typos_are_kept(sample_report):
    by_number = {m.number: m for m in sample_report.measures()}
    assert by_number["2.1."].text.startswith("Төрийн албанд")
    assert by_number["3.2."].text.startswith('"Төрийн байгууллага')
    assert "үарцуулж" in by_number["3.1."].achieved
    assert "ажилллагааг" in sample_report.goals[0].measures[1].achieved


def test_scores_and_signatories(sample_report):
    assert [m.score for m in sample_report.measures()][:3] == [Score.IN_PROGRESS, Score.FULL, Score.FULL]
    assert [(s.role, s.position, s.name) for s in sample_report.signatories] == [
        ("ХЭРЭГЖИЛТИЙГ ГАРГАСАН", "ЗДТГ-ЫН ДАРГА", "Б.ИЧИННОРОВ."),
        ("ХЯНАСАН", "СУМЫН ЗАСАГ ДАРГА", "Б.СУГАР."),
    ]


def test_printed_total_is_reported():
    assert import_file(SAMPLE_TXT).printed_total == "82,8"


def test_round_trip_through_text_export(sample_report):
    again = parse_text(report_to_text(sample_report)).report
    strip = lambda r: [  # noqa: E731
        (g.number, g.text, [(m.number, m.text, m.indicator, m.baseline_year, m.baseline_level, m.target_level, m.achieved, m.score) for m in g.measures])
        for g in r.goals
    ]
    assert strip(again) == strip(sample_report)
    assert [(s.role, s.position, s.name) for s in again.signatories] == [
        (s.role, s.position, s.name) for s in sample_report.signatories
    ]
    assert (again.title, again.report_date, again.appendix_label) == (
        sample_report.title, sample_report.report_date, sample_report.appendix_label
    )


@pytest.mark.parametrize(
    "encoding,prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("cp1251", b"")],
)
def test_encodings_word_and_windows_write(tmp_path, sample_report, encoding, prefix):
    text = SAMPLE_TXT.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "report.txt"
    if encoding == "cp1251":  # Mongolian letters in the legacy places of Є є Ї ї
        text = text.translate(str.maketrans("Өө Үү".replace(" ", ""), "Єє Її".replace(" ", "")))
    path.write_bytes(prefix + text.encode(encoding))
    result = import_file(path)
    assert [m.achieved for m in result.report.measures()] == [m.achieved for m in sample_report.measures()]
    assert result.report.title == sample_report.title


def test_binary_garbage_is_refused_with_a_message(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 10)
    before = digest(path)
    with pytest.raises(ImportFormatError) as info:
        import_file(path)
    assert "текст файл биш" in info.value.message
    assert digest(path) == before


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ImportFormatError, match="хоосон"):
        import_file(empty)
    with pytest.raises(TailanError, match="олдсонгүй"):
        import_file(tmp_path / "nope.txt")


def test_text_without_the_table_names_what_it_expected():
    with pytest.raises(ImportFormatError) as info:
        parse_text("Сайн байна уу\nэнэ бол захидал\n", name="letter.txt")
    assert "толгой мөр" in info.value.message and "letter.txt" in info.value.message


def test_short_row_names_its_line():
    text = "\t".join(["№", "Зорилт"] + ["x"] * 6) + "\n" + "1\tЗорилт\t1.1. Арга\tx\n\nТөгсгөл"
    with pytest.raises(ImportFormatError) as info:
        parse_text(text)
    assert "2-р мөр" in info.value.message
    assert info.value.problems[0][0] == 2


def test_too_many_cells_names_the_line():
    text = "\t".join(["№", "Зорилт"] + ["x"] * 6) + "\n" + "\t".join(["1", "Зорилт", "1.1. A"] + ["y"] * 7)
    with pytest.raises(ImportFormatError, match="2-р мөр: хүснэгтийн мөрөнд 8 нүд байх ёстой, 10 байна"):
        parse_text(text)


def test_measure_before_any_goal_is_an_error():
    text = "\t".join(["№", "Зорилт"] + ["x"] * 6) + "\n" + "\t".join(["", "", "1.1. A"] + ["y"] * 5)
    with pytest.raises(ImportFormatError, match="зорилтын дугаар"):
        parse_text(text)


def test_multi_paragraph_cells_are_joined():
    row = ["1", "Зорилт", "1.1. Эхний мөр\nхоёр дахь мөр", "Шалгуур", "2022", "-", "Зорилт", "Хийсэн.\nБиелэлт 30"]
    text = "\t".join(["№", "Зорилт"] + ["x"] * 6) + "\n" + "\t".join(row) + "\n"
    text += "\t".join(["Биелэлтийн нийт дүн"] + [""] * 6 + ["30,0"]) + "\n"
    (measure,) = parse_text(text).report.measures()
    assert measure.text == "Эхний мөр\nхоёр дахь мөр"
    assert measure.achieved == "Хийсэн."
    assert measure.score is Score.INSUFFICIENT


def test_clipboard_table_without_header():
    rows = [
        ["1", "Зорилт", "1.1.Арга", "Ш", "2022", "-", "З", "Хийсэн Биелэлт 100"],
        ["", "", "1.2. Арга2", "Ш", "2022", "-", "З", "Хугацаа нь болоогүй. Хэрэгжилт тооцох хугацаа болоогүй"],
    ]
    report = parse_clipboard("\r\n".join("\t".join(r) for r in rows) + "\r\n").report
    assert [(m.number, m.text, m.score) for m in report.measures()] == [
        ("1.1.", "Арга", Score.FULL),
        ("1.2.", "Арга2", Score.NOT_DUE),
    ]


def test_clipboard_plain_text_is_refused():
    with pytest.raises(ImportFormatError, match="хүснэгтийн мөр олдсонгүй"):
        parse_clipboard("зүгээр л текст")


def test_unofficial_score_is_kept_in_text_with_a_warning():
    row = ["1", "З", "1.1. А", "Ш", "2022", "-", "З", "Хийсэн Биелэлт 50"]
    result = parse_text("\t".join(["№", "Зорилт"] + ["x"] * 6) + "\n" + "\t".join(row))
    (measure,) = result.report.measures()
    assert measure.score is None and measure.achieved == "Хийсэн Биелэлт 50"
    assert "50" in result.warnings[0]


@pytest.mark.parametrize(
    "cell,expected",
    [
        ("2.1.Төрийн албанд", ("2.1.", "Төрийн албанд")),
        ("1.1. Авлигатай", ("1.1.", "Авлигатай")),
        ('3.2."Төрийн', ("3.2.", '"Төрийн')),
        ("12 Арга", ("12", "Арга")),
        ("2023 онд хийсэн", ("", "2023 онд хийсэн")),
        ("Дугааргүй арга", ("", "Дугааргүй арга")),
        ("4.10.1 Гурван түвшин", ("4.10.1", "Гурван түвшин")),
    ],
)
def test_split_measure_number(cell, expected):
    assert split_measure_number(cell) == expected


def test_split_score_variants():
    assert split_score("Хийсэн. Биелэлт 70") == ("Хийсэн.", Score.IN_PROGRESS, None)
    assert split_score("Хийсэн Биелэлт: 100%") == ("Хийсэн", Score.FULL, None)
    assert split_score("Биелэлт 0") == ("", Score.NOT_IMPLEMENTED, None)
    assert split_score("Биелэлтийг дүгнэнэ") == ("Биелэлтийг дүгнэнэ", None, None)


def test_decode_reports_encoding():
    assert decode("Єє Її".encode("cp1251")) == ("Өө Үү", "cp1251")
    assert decode(b"\xef\xbb\xbf\xd3\xa8")[0] == "Ө"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_unicode_text_without_its_bom_is_read(tmp_path, codec, sample_report):
    path = tmp_path / "no-bom.txt"
    path.write_bytes(SAMPLE_TXT.read_text(encoding="utf-8").encode(codec))
    result = import_file(path)
    assert result.encoding == codec and len(result.report.measures()) == 14


def test_a_manual_line_break_is_a_line_of_its_cell():
    header = "№\tЗорилт\tХэрэгжүүлэх арга хэмжээ\tБиелэлт"
    (measure,) = parse_text(f"{header}\n1\tЗорилт\t1.1. Арга\vхоёр дахь мөр\tХийсэн.\vБиелэлт 70\n").report.measures()
    assert (measure.text, measure.achieved, measure.score) == ("Арга\nхоёр дахь мөр", "Хийсэн.", Score.IN_PROGRESS)
