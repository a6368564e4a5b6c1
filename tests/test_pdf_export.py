"""The printout built for real: text, fonts, page size, draft mark, long texts, writing."""

from __future__ import annotations

import errno
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_helpers import (
    big_report,
    final_report,
    find_run,
    long_cell_report,
    page_count,
    page_texts,
    pdftotext,
    sample_cells,
    sample_report,
    squash,
    tokens,
)

from core.errors import WriteError
from core.pdf import document, export_pdf
from core.pdf.fonts import BOLD, LICENCE_FILE, MONGOLIAN_LETTERS, REGULAR, font_path, missing_glyphs
from core.pdf.layout import HEADER_TOP
from core.report.model import Goal, Measure, Report, Score

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def final_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "final.pdf"
    export_pdf(final_report(), path)
    return path


@pytest.fixture(scope="module")
def draft_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "draft.pdf"
    export_pdf(sample_report(), path)
    return path


def assert_header_on_every_page(path: Path) -> list[str]:
    pages = page_texts(path)
    for number, text in enumerate(pages, 1):
        flat = squash(text)
        for title in HEADER_TOP:
            assert squash(title) in flat, (number, title)
        assert f"{number}/{len(pages)}" in text
    return pages


# ------------------------------------------------------------------ the sample
def test_every_cell_of_the_sample_is_printed(final_pdf):
    doc = tokens(pdftotext(final_pdf, "-raw"))
    missing = [cell[:60] for cell in sample_cells() if not find_run(doc, tokens(cell))]
    assert missing == []


def test_title_label_date_total_and_signatures(final_pdf):
    raw = pdftotext(final_pdf, "-raw")
    lines = [line.strip() for line in raw.splitlines()]
    assert "Засгийн газрын 2020 оны 206 дугаар тогтоолын хавсралт" in lines
    assert "2023.12.08" in lines
    assert "НАРИЙНТЭЭЛ СУМ, БАЙГУУЛЛАГЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГАА," in lines
    assert "2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ" in lines
    assert re.search(r"Биелэлтийн нийт дүн\s+82,8", raw)
    assert re.search(r"ХЭРЭГЖИЛТИЙГ ГАРГАСАН: ЗДТГ-ЫН ДАРГА \.{10,} Б\.ИЧИННОРОВ\.", raw)
    assert re.search(r"ХЯНАСАН: СУМЫН ЗАСАГ ДАРГА \.{10,} Б\.СУГАР\.", raw)
    assert "Биелэлт 70" in raw and "Биелэлт 100" in raw
    assert "ТӨСӨЛ" not in raw and "Төсөл" not in raw
    for letter in "ӨөҮү":
        assert letter in raw


def test_header_and_page_numbers_on_every_page(final_pdf):
    pages = assert_header_on_every_page(final_pdf)
    assert len(pages) == page_count(final_pdf) >= 2
    # the total and both signatures on the same (last) page
    assert "Биелэлтийн нийт дүн" in pages[-1] and "Б.ИЧИННОРОВ" in pages[-1] and "Б.СУГАР" in pages[-1]


def test_fonts_are_ours_and_embedded(final_pdf):
    out = subprocess.run(["pdffonts", str(final_pdf)], check=True, capture_output=True, text=True).stdout
    fonts = out.splitlines()[2:]
    assert len(fonts) == 2
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert re.fullmatch(r"[A-Z]{6}\+LiberationSerif(-Bold)?", name), line
        assert emb == "yes", line
    assert "Helvetica" not in out
    # streams are binary (zlib), never ASCII85 text: a quarter of the file and of a small printout's time
    data = final_pdf.read_bytes()
    assert b"/FlateDecode" in data and b"ASCII85" not in data


def test_font_files_cover_mongolian_and_carry_their_licence():
    assert len(MONGOLIAN_LETTERS) == 70
    for name in (REGULAR, BOLD):
        assert missing_glyphs(font_path(name)) == []
    assert (font_path(REGULAR).parent / LICENCE_FILE).is_file()


def test_page_is_a4_landscape(final_pdf):
    out = subprocess.run(["pdfinfo", str(final_pdf)], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    assert (round(float(size.group(1))), round(float(size.group(2)))) == (842, 595)


def test_pages_render_to_png(final_pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(final_pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == page_count(final_pdf)
    for png in pngs:
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000  # not a blank page


# ------------------------------------------------------------------ draft
def test_draft_is_marked_on_every_page_with_no_final_total(draft_pdf):
    pages = page_texts(draft_pdf)
    assert all("ТӨСӨЛ" in page for page in pages)
    raw = "".join(pages)
    assert re.search(r"Биелэлтийн нийт дүн\s+Төсөл: 80,9 \(эцсийн дүн биш, 3 арга хэмжээ\s+үнэлгээгүй\)", raw)
    assert not re.search(r"Биелэлтийн нийт дүн\s+80,9", raw)


def test_not_due_and_unscored_measures(tmp_path):
    report = final_report()
    report.find_measure("1.1")[0].score = Score.NOT_DUE
    report.find_measure("1.2")[0].score = None
    path = tmp_path / "x.pdf"
    export_pdf(report, path)
    raw = pdftotext(path, "-raw")
    assert squash("Хэрэгжилт тооцох хугацаа болоогүй") in squash(raw)
    assert len(re.findall(r"Биелэлт\s+\d+", raw)) == 12  # 14 measures, one not due, one without a score
    assert "ТӨСӨЛ" in raw


# ------------------------------------------------------------------ long texts
def test_a_20000_character_cell_splits_across_pages(tmp_path):
    report = long_cell_report(20_000)
    long_text = report.find_measure("2.2")[0].achieved
    assert len(long_text) == 20_000
    path = tmp_path / "long.pdf"
    pages = export_pdf(report, path)
    assert pages == page_count(path) > 5
    assert_header_on_every_page(path)
    doc = tokens(pdftotext(path, "-raw"))
    assert find_run(doc, tokens(long_text))
    texts = page_texts(path)
    # the goal of the long measure is printed again on its continuation pages
    assert sum("(үргэлжлэл)" in t for t in texts) >= pages - 4


@pytest.mark.slow  # a long layout: the slow run
def test_a_long_last_row_and_a_long_goal(tmp_path):
    report = final_report()
    last = report.measures()[-1]
    last.achieved = "урт " * 4000
    report.goals[0].text = "зорилтын урт текст " * 400
    path = tmp_path / "long.pdf"
    export_pdf(report, path)
    doc = tokens(pdftotext(path, "-raw"))
    # a page break here interrupts the goal's text by the rest of its first row too
    assert find_run(doc, tokens(report.goals[0].text), max_gap=400)
    assert find_run(doc, tokens(last.achieved))
    last_page = page_texts(path)[-1]
    assert "Б.СУГАР" in last_page and "урт урт" in last_page  # the signatures never stand alone


@pytest.mark.slow  # ~5 s of export and ~5 s of reading 426 pages back (pdftotext, token runs)
def test_a_thousand_measures(tmp_path):
    report = big_report(1000)
    path = tmp_path / "big.pdf"
    pages = export_pdf(report, path)
    assert pages == page_count(path) > 100
    texts = assert_header_on_every_page(path)
    assert "Биелэлтийн нийт дүн" in texts[-1] and "Б.ТУРШИЛТ" in texts[-1]
    doc = tokens("".join(texts))
    for m in report.measures()[::97]:
        assert find_run(doc, tokens(m.achieved)), m.number


def test_users_markup_is_printed_as_text(tmp_path):
    report = Report(goals=[Goal(number="1", text="A & B <b>", measures=[Measure(number="1.1.", text="x < y > z", score=Score.FULL)])])
    buffer = io.BytesIO()
    export_pdf(report, buffer)
    path = tmp_path / "m.pdf"
    path.write_bytes(buffer.getvalue())
    raw = pdftotext(path, "-raw")
    assert "A & B <b>" in raw and "1.1. x < y > z" in raw


def test_empty_report_still_prints(tmp_path):
    buffer = io.BytesIO()
    assert export_pdf(Report(), buffer) == 1
    assert buffer.getvalue().startswith(b"%PDF")


# ------------------------------------------------------------------ writing
def test_write_to_a_stream():
    buffer = io.BytesIO()
    assert export_pdf(final_report(), buffer) >= 2
    assert buffer.getvalue().startswith(b"%PDF-") and buffer.getvalue().rstrip().endswith(b"%%EOF")


def test_missing_folder_raises_write_error(tmp_path):
    with pytest.raises(WriteError) as info:
        export_pdf(final_report(), tmp_path / "no" / "such" / "out.pdf")
    assert "хавтас олдсонгүй" in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_raises_write_error(tmp_path):
    with pytest.raises(WriteError):
        export_pdf(final_report(), tmp_path)


@pytest.mark.parametrize(
    "err, words",
    [(errno.ENOSPC, "Диск дүүрсэн"), (errno.EROFS, "бичих эрхгүй"), (errno.EIO, "бичиж чадсангүй")],
)
def test_failed_write_leaves_old_file_and_no_partial(tmp_path, monkeypatch, err, words):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def fail(*args):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(document.os, "fsync", fail)
    with pytest.raises(WriteError) as info:
        export_pdf(final_report(), target)
    assert words in info.value.message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_written_file_is_complete_and_replaces_the_old(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    export_pdf(final_report(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    mask = os.umask(0o022)  # read the process umask (umask() sets and returns it), and put it back at once
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # the user's usual permissions, not mkstemp's 0600


def test_export_does_not_load_qt(tmp_path):
    code = (
        "import sys, io; sys.path.insert(0, 'tests');"
        "from pdf_helpers import final_report; from core.pdf import export_pdf;"
        "export_pdf(final_report(), io.BytesIO()); assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


@pytest.mark.slow  # a long layout: the slow run
def test_the_first_page_alone_is_the_first_page_numbered_1_of_unknown(tmp_path):
    """What the window's preview shows while the rest of a long report is laid out."""
    import io

    from generate import generated_report
    from pypdf import PdfReader

    from core.pdf.document import write_pdf

    report = generated_report(300)
    first, whole = io.BytesIO(), io.BytesIO()
    assert write_pdf(report, first, first_page_only=True) == 1
    pages = write_pdf(report, whole)
    assert pages > 10
    first_text = PdfReader(io.BytesIO(first.getvalue())).pages[0].extract_text()
    whole_text = PdfReader(io.BytesIO(whole.getvalue())).pages[0].extract_text()
    assert len(PdfReader(io.BytesIO(first.getvalue())).pages) == 1
    assert "1/…" in first_text and f"1/{pages}" in whole_text
    assert first_text.replace("1/…", "") == whole_text.replace(f"1/{pages}", "")
