"""Property: a report exported as .docx, then saved by Word as text or copied as HTML, reads back as the report.

For generated reports (goals with and without measures, cells of several
paragraphs, every score, plan, half-year or annual, any signatures) the .docx export is
turned into what Word writes of it (tests/word_dialects.py) and read back; what the
text carries (the table, the title and what it names, the date, the label, the
signatures) equals the report. The aimag is not in the text: the .docx keeps it in
its properties.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from word_dialects import word_html, word_text

from core.report.model import Goal, Measure, Period, Report, Score, Signatory
from core.tables.clipboard import parse_paste
from core.tables.docx.reader import parse_docx
from core.tables.docx.writer import report_to_docx_bytes
from core.tables.textimport import parse_text

WORDS = ("авлигын", "эсрэг", "сургалт", "зохион", "байгуулсан", "мэдээлэл", "Өргөдөл", "үйлчилгээ", "ил", "тод",
         "хяналт", "шалгалт", "төлөвлөгөө", "Иргэдэд", "хүртээмж", "ашиг", "сонирхлын", "зөрчил", "-", "(хуулийн)")
line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
cell = st.lists(line, min_size=1, max_size=3).map("\n".join)
maybe = st.one_of(st.just(""), cell)
score = st.sampled_from([*Score, None])


@st.composite
def reports(draw) -> Report:
    goals = []
    for g in range(draw(st.integers(1, 4))):
        measures = [
            Measure(number=f"{g + 1}.{k + 1}.", text=draw(cell), indicator=draw(maybe), baseline_year=draw(st.sampled_from(["", "2023"])),
                    baseline_level=draw(maybe), target_level=draw(maybe), achieved=draw(maybe), score=draw(score),
                    responsible=draw(maybe), due=draw(maybe))
            for k in range(draw(st.integers(0, 3)))
        ]
        goals.append(Goal(number=draw(st.sampled_from([f"{g + 1}", f"{g + 1}."])), text=draw(cell), measures=measures))
    if not any(g.measures for g in goals):
        goals[0].measures.append(Measure(number="1.1.", text="Арга", score=Score.FULL))
    signatories = [Signatory(role=role, position=position, name=name) for role, position, name in draw(st.lists(
        st.tuples(st.sampled_from(["ХЯНАСАН", "ХЭРЭГЖИЛТИЙГ ГАРГАСАН", "БОЛОВСРУУЛСАН"]),
                  st.sampled_from(["СУМЫН ЗАСАГ ДАРГА", "ЗДТГ-ЫН ДАРГА", "Хуулийн мэргэжилтэн"]),
                  st.sampled_from(["Б.БАТ", "Д.Дорж", "Ө.ӨЛЗИЙ", ""])), max_size=2))]
    return Report(
        organization=draw(st.sampled_from(["Туршилтын сум", "Өлзийт сум", "Нарийнтээл сум"])),
        aimag="Өвөрхангай",
        year=draw(st.integers(2020, 2030)),
        period=draw(st.sampled_from(list(Period))),
        report_date=draw(st.sampled_from(["", "2024.12.08"])),
        goals=goals,
        signatories=signatories,
    )


def _results(m: Measure, plan: bool) -> tuple:
    """A plan's table carries when each measure is due and who is responsible; a report's, its result."""
    return (m.due, m.responsible) if plan else (m.achieved, m.score)


def carried(report: Report) -> tuple:
    """What a text of the report carries."""
    return (
        [(g.number, g.text, [(m.number, m.text, m.indicator, m.baseline_year, m.baseline_level, m.target_level)
                             + _results(m, report.period.is_plan) for m in g.measures]) for g in report.goals],
        [(s.role, s.position, s.name) for s in report.signatories],
        (report.display_title(), report.report_date, report.appendix_label, report.organization, report.year, report.period),
    )


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_the_text_and_the_html_of_the_exported_docx_read_back_as_the_report(report):
    data = report_to_docx_bytes(report)
    expected = carried(report)
    from_docx = parse_docx(data).report
    assert carried(from_docx) == expected and from_docx.aimag == report.aimag
    from_text = parse_text(word_text(data), name="report.txt")
    assert carried(from_text.report) == expected
    assert from_text.skipped == []
    from_html = parse_paste(word_html(data), word_text(data))
    assert carried(from_html.report) == expected
