"""Export to Word: the official layout, import(export-docx(r)) == r, the command line."""

from __future__ import annotations

import zipfile

import docx
from generate import generated_report
from helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.report.model import Period
from core.storage import ReportFile
from core.tables.docx.reader import parse_docx
from core.tables.docx.writer import export_docx, report_to_docx_bytes
from core.tables.importing import import_path


def content(report):
    return (
        [(g.number, g.text, [(m.number, m.text, m.indicator, m.baseline_year, m.baseline_level, m.target_level,
                              m.achieved, m.score) for m in g.measures]) for g in report.goals],
        [(s.role, s.position, s.name) for s in report.signatories],
        (report.title, report.report_date, report.appendix_label, report.organization, report.aimag, report.year,
         report.period),
    )


def test_sample_round_trip(sample_report):
    again = parse_docx(report_to_docx_bytes(sample_report)).report
    assert content(again) == content(sample_report)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    measures=st.integers(1, 30),
    per_goal=st.integers(1, 7),
    text_length=st.integers(1, 300),
    seed=st.integers(0, 10_000),
    half_year=st.booleans(),
    lines=st.booleans(),
)
def test_import_of_export_gives_the_report_back(measures, per_goal, text_length, seed, half_year, lines):
    report = generated_report(measures, per_goal=per_goal, text_length=text_length, seed=seed)
    report.period = Period.HALF_YEAR if half_year else Period.ANNUAL
    if lines:  # cells of several paragraphs, and a goal without measures
        report.goals[0].measures[0].achieved = "Эхний мөр.\nХоёр дахь мөр\n\nДөрөв дэх"
        report.goals[-1].text += "\nүргэлжлэл"
        report.goals.append(type(report.goals[0])(number=f"{len(report.goals) + 1}.", text="Арга хэмжээгүй зорилт"))
    again = parse_docx(report_to_docx_bytes(report)).report
    assert content(again) == content(report)


def test_official_layout(sample_report, tmp_path):
    path = tmp_path / "тайлан.docx"
    export_docx(sample_report, path)
    document = docx.Document(path)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (25, 12)
    assert document.styles["Normal"].font.name == "Times New Roman"
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count("<w:tblHeader/>") == 2  # the two header rows repeat on every page
    assert xml.count('<w:vMerge w:val="restart"/>') >= 2 * 5  # goals with several measures, and the header
    table = document.tables[0]
    assert table.rows[0].cells[4].text == "Суурь түвшин" and table.rows[1].cells[4].text == "он"
    assert "Биелэлтийн нийт дүн" in table.rows[-1].cells[0].text
    assert "Төсөл: 80,9" in table.rows[-1].cells[7].text
    bold = [r.text for r in table.rows[2].cells[7].paragraphs[-1].runs if r.bold]
    assert bold == [" Биелэлт 70"]
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("ХЯНАСАН: СУМЫН ЗАСАГ ДАРГА") and t.endswith("Б.СУГАР.") for t in texts)


def test_cli_export_docx_and_import_back(sample_report, tmp_path):
    db = tmp_path / "r.tailan"
    with ReportFile.create(db) as rf:
        rf.add_report(sample_report)
    out = tmp_path / "тайлан.docx"
    result = run_cli("export-docx", db, "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    assert content(import_path(out).report)[0] == content(sample_report)[0]
    missing = run_cli("export-docx", db, "-o", tmp_path / "no" / "x.docx")
    assert missing.returncode == 2 and "хавтас олдсонгүй" in missing.stderr.decode()
    assert not list(tmp_path.glob("**/*.partial"))
    wrong = run_cli("export-docx", db, "-o", tmp_path / "x.pdf")
    assert wrong.returncode == 2 and ".docx" in wrong.stderr.decode()


def test_a_big_report_merges_goals_across_page_breaks(tmp_path):
    report = generated_report(60, per_goal=30, text_length=600, seed=3)
    again = parse_docx(report_to_docx_bytes(report)).report
    assert content(again) == content(report)
    assert [len(g.measures) for g in again.goals] == [30, 30]


def test_draft_notice_and_page_numbers_as_the_printout(sample_report):
    from core.report.model import Score

    document = docx.Document(__import__("io").BytesIO(report_to_docx_bytes(sample_report)))
    header = document.sections[0].header.paragraphs[0]
    assert header.text.startswith("ТӨСӨЛ:") and header.runs[0].font.color.rgb is not None
    footer_xml = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml
    unscored = [m for m in sample_report.measures() if m.score is None]  # 6.1, 6.2, 6.3 as on the original
    for m, score in zip(unscored, (Score.FULL, Score.FULL, Score.IN_PROGRESS)):
        m.score = score
    final = docx.Document(__import__("io").BytesIO(report_to_docx_bytes(sample_report)))
    assert final.sections[0].header.paragraphs[0].text == ""
    assert final.tables[0].rows[-1].cells[7].text == "82,8"


def test_control_characters_from_word_text_do_not_stop_the_export(sample_report):
    m = sample_report.measures()[0]
    m.achieved = "Эхний\x0bхоёр дахь\x01 мөр\tТАБ"
    sample_report.title += "\x07"
    sample_report.organization += "\x02"
    again = parse_docx(report_to_docx_bytes(sample_report)).report
    assert again.measures()[0].achieved == "Эхний\nхоёр дахь\ufffd мөр\tТАБ"
    assert again.organization == sample_report.organization  # kept exactly in the properties (JSON escapes it)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=40), min_size=9, max_size=9))
def test_any_text_exports_and_imports_without_a_traceback(texts):
    from core.errors import TailanError
    from core.report.model import Goal, Measure, Report, Signatory

    report = Report(title=texts[0], appendix_label=texts[1], organization=texts[2],
                    signatories=[Signatory(role=texts[3], position=texts[4], name=texts[5])],
                    goals=[Goal(number="1", text=texts[6], measures=[Measure(number="1.1.", text=texts[7], achieved=texts[8])])])
    data = report_to_docx_bytes(report)
    try:
        parse_docx(data)
    except TailanError as exc:
        assert exc.message
