"""The printout's table as data: rows, cells, rules, spans, no-split; and one split."""

from __future__ import annotations

import pytest
from pdf_helpers import final_report, sample_report

from core.pdf import layout
from core.pdf.document import MM, build_table, cell_markup, markup, title_lines
from core.pdf.fonts import register_fonts
from core.pdf.reportlab_adapter import cell_rows, row_heights
from core.report.model import Goal, Report, Score


def commands(style, name):
    return [c for c in style if c[0] == name]


def test_header_rows_are_the_official_two_row_header():
    rows = layout.table_rows(final_report())
    assert [c.text for c in rows[0].cells] == [
        "№",
        "Зорилт",
        "Хэрэгжүүлэх арга хэмжээ",
        "Гүйцэтгэлийн шалгуур үзүүлэлт",
        "Суурь түвшин",
        "",
        "Зорилтот түвшин",
        "Хүрсэн түвшин буюу гүйцэтгэлийн хувь (хүрээгүй бол шалтгаан, нөхцөл, тайлбар)",
    ]
    assert [c.text for c in rows[1].cells] == ["", "", "", "", "он", "түвшин", "", ""]
    assert all(c.bold for c in rows[0].cells + rows[1].cells)
    assert layout.HEADER_ROWS == 2


def test_one_row_per_measure_goal_cells_only_on_the_first():
    report = final_report()
    rows = [r for r in layout.table_rows(report) if r.kind == "measure"]
    assert len(rows) == len(report.measures()) == 14
    by_goal = {}
    for row in rows:
        by_goal.setdefault(row.goal_id, []).append(row)
    for goal in report.goals:
        goal_rows = by_goal[goal.id]
        assert goal_rows[0].cells[0].text == goal.number.strip()
        assert goal_rows[0].cells[1].text == goal.text
        assert all(r.cells[0].is_empty and r.cells[1].is_empty for r in goal_rows[1:])
        assert [r.goal_first for r in goal_rows] == [True] + [False] * (len(goal_rows) - 1)
        assert [r.goal_last for r in goal_rows] == [False] * (len(goal_rows) - 1) + [True]
        assert all(r.goal_text == goal.text for r in goal_rows)  # for a continuation page


def test_measure_cells_keep_the_users_text():
    report = final_report()
    m = report.find_measure("2.1")[0]
    row = next(r for r in layout.table_rows(report) if r.measure_id == m.id)
    texts = [c.text for c in row.cells[2:]]
    assert texts == [f"2.1. {m.text}", m.indicator, m.baseline_year, m.baseline_level, m.target_level, m.achieved]
    assert row.cells[7].tail == "Биелэлт 100"


@pytest.mark.parametrize(
    "score, tail",
    [(Score.IN_PROGRESS, "Биелэлт 70"), (Score.NOT_IMPLEMENTED, "Биелэлт 0"), (Score.NOT_DUE, "Хэрэгжилт тооцох хугацаа болоогүй"), (None, "")],
)
def test_score_at_the_end_of_the_achieved_cell(score, tail):
    assert layout.printed_score(score) == tail
    cell = layout.Cell("хийсэн.", tail=tail)
    assert cell_markup(cell) == (f"хийсэн. <b>{tail}</b>" if tail else "хийсэн.")


def test_total_final_and_draft():
    assert layout.total_text(final_report()) == "82,8"
    draft = layout.total_text(sample_report())
    assert draft == "Төсөл: 80,9 (эцсийн дүн биш, 3 арга хэмжээ үнэлгээгүй)"
    rows = layout.table_rows(final_report())
    total = rows[layout.row_index(rows, "total")]
    assert total.cells[0].text == "Биелэлтийн нийт дүн" and total.cells[-1].text == "82,8"


def test_signature_rows():
    rows = layout.table_rows(final_report())
    signs = [r.cells[1].text for r in rows if r.kind == "signature"]
    dots = "." * 40
    assert signs == [
        f"ХЭРЭГЖИЛТИЙГ ГАРГАСАН: ЗДТГ-ЫН ДАРГА {dots} Б.ИЧИННОРОВ.",
        f"ХЯНАСАН: СУМЫН ЗАСАГ ДАРГА {dots} Б.СУГАР.",
    ]


def test_goal_without_measures_keeps_its_row():
    report = Report(goals=[Goal(number="1", text="Зорилт ганцаараа")])
    rows = layout.table_rows(report)
    goal_rows = [r for r in rows if r.kind == "goal"]
    assert len(goal_rows) == 1 and goal_rows[0].cells[1].text == "Зорилт ганцаараа"
    layout.table_style(rows)  # builds without a measure


def test_style_spans_are_one_row_high_and_the_goal_column_has_none():
    rows = layout.table_rows(final_report())
    style = layout.table_style(rows)
    spans = commands(style, "SPAN")
    assert ("SPAN", (4, 0), (5, 0)) in spans  # Суурь түвшин over он | түвшин
    assert all(start[1] == end[1] for _, start, end in spans), "a row span breaks reportlab's page splits"
    total = layout.row_index(rows, "total")
    assert all(start[1] in (0, total) or rows[start[1]].kind == "signature" for _, start, end in spans)


def test_style_rules_draw_the_goal_cell():
    rows = layout.table_rows(final_report())
    style = layout.table_style(rows)
    below = {c[1][1]: c[1][0] for c in commands(style, "LINEBELOW") if rows[c[1][1]].kind == "measure"}
    for i, row in enumerate(rows):
        if row.kind != "measure" or i + 1 == layout.row_index(rows, "total"):
            continue
        # under a goal's last measure the rule runs across; otherwise it starts at column 3
        assert below[i] == (0 if row.goal_last else 2), (i, row.cells[2].text[:20])
    # no vertical rule inside the spanned "Суурь түвшин" cell of the first header row
    total_row = layout.row_index(rows, "total")
    afters = commands(style, "LINEAFTER")
    assert not any(c[1][0] <= 4 <= c[2][0] and c[1][1] == 0 for c in afters)
    assert ("BOX", (0, 0), (-1, total_row), layout.FRAME_RULE, "black") in style
    assert ("FONT", (0, 0), (-1, -1), "TailanSerif", 9) in style


def test_total_and_signatures_never_split_from_the_table():
    rows = layout.table_rows(final_report())
    nosplit = commands(layout.table_style(rows), "NOSPLIT")
    total = layout.row_index(rows, "total")
    assert nosplit == [("NOSPLIT", (0, total - 1), (-1, len(rows) - 1))]


def test_markup_escapes_and_keeps_line_breaks():
    assert markup("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert markup("мөр 1\nмөр 2\r\nмөр 3\x0bмөр 4") == "мөр 1<br/>мөр 2<br/>мөр 3<br/>мөр 4"
    assert markup("таб\tба\x07дохио") == "таб бадохио"
    assert markup("<b>зориуд</b>") == "&lt;b&gt;зориуд&lt;/b&gt;"


def test_title_lines_stripped_and_in_capitals():
    report = final_report()
    assert title_lines(report) == [
        "НАРИЙНТЭЭЛ СУМ, БАЙГУУЛЛАГЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГАА,",
        "АВЛИГАТАЙ ТЭМЦЭХ ҮНДЭСНИЙ ХӨТӨЛБӨРИЙН ЗОРИЛТ АРГА ХЭМЖЭЭГ ХЭРЭГЖҮҮЛЭХ",
        "2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ",
    ]
    report.title = "Нэгдүгээр мөр\n  хоёрдугаар мөр"
    assert title_lines(report) == ["НЭГДҮГЭЭР МӨР", "ХОЁРДУГААР МӨР"]
    assert report.title == "Нэгдүгээр мөр\n  хоёрдугаар мөр"  # display only


def test_column_widths_fill_the_frame_and_favour_the_achieved_column():
    from core.pdf.document import FRAME_WIDTH_MM

    assert sum(layout.COL_WIDTHS_MM) == FRAME_WIDTH_MM
    assert max(layout.COL_WIDTHS_MM) == layout.COL_WIDTHS_MM[7]


def test_split_repeats_the_header_and_the_goal():
    """One split, as reportlab does at a page end: the header comes again, and the goal
    whose measures continue has its number and text again at the top."""
    register_fonts()
    table = build_table(final_report())
    width = sum(layout.COL_WIDTHS_MM) * MM
    table.wrap(width, 300)
    top, rest = table.split(width, 300)
    header = [[p[0].text for p in row[:5] if p] for row in cell_rows(table)[:2]]
    assert [[p[0].text for p in row[:5] if p] for row in cell_rows(rest)[:2]] == header
    first = rest.layout_rows[layout.HEADER_ROWS]
    assert first.goal_id is not None
    goal_number, goal_text = cell_rows(rest)[layout.HEADER_ROWS][:2]
    assert goal_number[0].text == first.goal_number
    assert goal_text[0].text.startswith(markup(first.goal_text)) and "(үргэлжлэл)" in goal_text[0].text
    assert len(top.layout_rows) == len(cell_rows(top))
    assert len(rest.layout_rows) == len(cell_rows(rest))


# ------------------------------------------------------------------ a page at a time (core/pdf/paged.py)

def _normalized(style, nrows):
    """Commands with negative rows made absolute: ``(0, -1)`` and ``(0, n - 1)`` are the same row."""
    out = []
    for cmd in style:
        op, (sc, sr), (ec, er) = cmd[:3]
        out.append((op, (sc, sr % nrows), (ec, er % nrows)) + cmd[3:])
    return sorted(out, key=repr)


def test_window_of_the_whole_table_has_the_whole_tables_style():
    rows = layout.table_rows(final_report())
    assert _normalized(layout.window_style(rows, layout.HEADER_ROWS, len(rows)), len(rows)) == _normalized(
        layout.table_style(rows), len(rows)
    )


def test_window_style_keeps_the_header_and_renumbers_its_rows():
    rows = layout.table_rows(final_report())
    start, stop = 5, 9
    style = layout.window_style(rows, start, stop)
    H = layout.HEADER_ROWS
    # header commands stay on rows 0-1
    assert ("SPAN", (4, 0), (5, 0)) in style
    assert ("LINEBELOW", (0, H - 1), (-1, H - 1), layout.FRAME_RULE, "black") in style
    # the rule under each measure of the window, renumbered: rows[5] stands in row 2
    for i in range(start, stop):
        first_col = 0 if rows[i].goal_last else 2
        assert ("LINEBELOW", (first_col, i - start + H), (-1, i - start + H), layout.RULE, "black") in style
    # the outline is cut into its sides, the body part inside the window only
    assert not [c for c in style if c[0] == "BOX"]
    assert ("LINEBEFORE", (0, H), (0, stop - 1 - start + H), layout.FRAME_RULE, "black") in style
    assert ("LINEABOVE", (0, 0), (-1, 0), layout.FRAME_RULE, "black") in style
    # nothing of the total, nor the block kept with the signatures, nor rows past the window
    assert not [c for c in style if c[0] in ("NOSPLIT",) or max(c[1][1], c[2][1]) > stop - 1 - start + H]


def _page_by_page(table, width, heights):
    """Splits ``table`` page after page as the frame does; each page's rows as
    (texts of the cells, row height)."""
    pages = []
    rest = table
    for avail in heights * 1000:
        _, h = rest.wrap(width, avail)
        if h <= avail:
            parts = [rest]
        else:
            parts = rest.split(width, avail)
        assert parts, "nothing fits on a whole page"
        top = parts[0]
        top.wrap(width, avail)
        page = []
        for values, height in zip(cell_rows(top), row_heights(top)):
            texts = tuple(
                " ".join(getattr(p, "text", "") or " ".join(getattr(f, "text", "") for f in getattr(p, "frags", []))
                         for p in v) if isinstance(v, (list, tuple)) else str(v)
                for v in values
            )
            page.append((texts, round(height, 3)))
        pages.append(page)
        if len(parts) == 1:
            return pages
        rest = parts[1]
    raise AssertionError("never ends")


@pytest.mark.parametrize("make", [pytest.param("long_cell", marks=pytest.mark.slow), "big"])
def test_a_page_at_a_time_gives_the_pages_of_the_whole_table(make):
    """The paged table and the whole GoalTable, split page after page (a short first
    page, then full pages), give the same rows with the same heights on every page:
    the continuation of a goal, a 20,000-character cell split over pages, the block
    with the total and the signatures."""
    from pdf_helpers import big_report, long_cell_report

    from core.pdf.cells import styles as _styles
    from core.pdf.page_setup import FRAME_WIDTH_MM
    from core.pdf.paged import paged_table

    register_fonts()
    report = long_cell_report(20_000) if make == "long_cell" else big_report(60)
    width = FRAME_WIDTH_MM * MM
    heights = [400, 500]
    whole = _page_by_page(build_table(report), width, heights)
    paged = _page_by_page(paged_table(report, _styles()), width, heights)
    assert len(paged) == len(whole) > 5
    for number, (a, b) in enumerate(zip(whole, paged), 1):
        assert a == b, number


@pytest.mark.slow  # a long layout: the slow run
def test_a_page_at_a_time_builds_rows_in_proportion_to_the_report():
    """Each page is laid out from a window a little taller than the page: the rows put
    into tables grow with the report, not with its square (issue 15)."""
    import io

    from pdf_helpers import big_report

    from core.pdf import export_pdf, paged

    built = {}
    for measures in (25, 100):
        before = paged.TableSource.rows_built
        export_pdf(big_report(measures), io.BytesIO())
        built[measures] = paged.TableSource.rows_built - before
    # the whole table once (to measure it), then for each page its rows and a few more
    # (448 rows for 100 measures on 41 pages; one table split page after page: over 2,000)
    assert built[100] < 5 * 100
    assert built[100] < 4.6 * built[25]  # 4 times the measures: about 4 times the rows


def test_the_first_page_is_laid_out_without_measuring_the_whole_report():
    """A page needs the rows up to just past its end measured (a batch ahead), and the
    rows put on pages are let go: the preview can show page 1 of a long report early,
    and memory holds a few pages' cells, not the whole report's."""
    from pdf_helpers import big_report

    from core.pdf.cells import styles as _styles
    from core.pdf.page_setup import FRAME_WIDTH_MM
    from core.pdf.paged import MEASURE_BATCH, paged_table

    register_fonts()
    width = FRAME_WIDTH_MM * MM
    table = paged_table(big_report(300), _styles())
    source = table.source
    _, rest = table.split(width, 500)
    assert source.measured <= layout.HEADER_ROWS + 2 * MEASURE_BATCH < source.end
    _, rest = rest.split(width, 500)
    assert rest.start > layout.HEADER_ROWS + 2
    assert all(cells is None for cells in source.data[layout.HEADER_ROWS : rest.start])
    assert all(cells is not None for cells in source.data[: layout.HEADER_ROWS])
