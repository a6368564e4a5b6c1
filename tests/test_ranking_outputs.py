"""The aimag's ranking outputs: a CSV Excel cannot be tricked by, an .xlsx, a PDF that always prints.

Most tests build ``RankingRow`` values directly (a plain dataclass), so they do not
depend on how consolidation decides which rows are current; ``consolidated_aimag`` is
the one place that goes through real soum files and ``consolidate``.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import tomllib
import zipfile
from fractions import Fraction

import openpyxl
import pytest
from helpers import REPO, run_cli
from pdf_helpers import pdftotext
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.aimag.ranking import RankingRow, looks_like_formula, ranking_csv, write_ranking_csv
from core.aimag.ranking_pdf import FONT_SIZE, HEADER, PADDING, column_widths, export_ranking_pdf
from core.aimag.ranking_xlsx import MAX_WIDTH, write_ranking_xlsx
from core.errors import TailanError
from core.pdf.fonts import BOLD
from core.report.scoring import display

HOSTILE = [
    '=HYPERLINK("http://x","клик")',
    "+7 sum",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTAB",
    "\rCR",
    "   =1+1",
    "\u200b=cmd|' /C calc'!A0",
    "\u200b \u200e\n+1",
    "＝1+1",
]
HARMLESS = ["Нарийнтээл сум", "Бат-Өлзий сум", "Сум = 1", "#N/A", "100", " \u200b"]


def make_row(organization="Нарийнтээл сум", *, rank=1, year=2023, period="annual", total=Fraction(1160, 14),
             goals=(("1.", Fraction(90)), ("2.", Fraction(2000, 21))), aimag="Өвөрхангай", unscored=0,
             revision=1, fingerprint="9476985" + "2da5b6d53" + "ab" * 24) -> RankingRow:
    return RankingRow(
        rank=rank,
        organization=organization,
        aimag=aimag,
        year=year,
        period=period,
        total=total,
        total_display=display(total),
        goal_means=[(number, display(mean, "—")) for number, mean in goals],
        unscored=unscored,
        revision=revision,
        received_at="2023-12-08T10:15:00+08:00",
        fingerprint=fingerprint,
        report_id=f"id-{organization[:20]}",
        goal_averages=list(goals),
    )


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=";"))


# ------------------------------------------------------------------ CSV
@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_excel_would_run_is_written_as_text(text):
    assert looks_like_formula(text)
    table = read_csv(ranking_csv([make_row(text, aimag=text)]))
    assert table[1][1] == "'" + text and table[1][2] == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_is_written_unchanged(text):
    assert not looks_like_formula(text)
    assert read_csv(ranking_csv([make_row(text)]))[1][1] == text


def test_csv_totals_and_goal_means_are_numbers_cut_to_one_decimal():
    rows = [
        make_row("А сум", goals=(("1.", Fraction(1160, 14)), ("2.", None), ("3.", Fraction(100)))),
        make_row("Б сум", rank=2, total=Fraction(7375, 100), goals=(("1.", Fraction(50)), ("4.", Fraction(2, 3)))),
        make_row("В сум", rank=3, total=None, goals=()),
    ]
    table = read_csv(ranking_csv(rows))
    header = table[0]
    goal_columns = [i for i, h in enumerate(header) if h.startswith("Зорилт")]
    assert [header[i] for i in goal_columns] == ["Зорилт 1", "Зорилт 2", "Зорилт 3", "Зорилт 4"]
    total = header.index("Биелэлтийн нийт дүн")
    assert [r[total] for r in table[1:]] == ["82,8", "73,7", ""]  # cut off: 82.857 -> 82,8 (never 82,9)
    assert [[r[i] for i in goal_columns] for r in table[1:]] == [
        ["82,8", "", "100,0", ""],
        ["50,0", "", "", "0,6"],
        ["", "", "", ""],
    ]
    number = re.compile(r"^\d+(,\d)?$")
    assert all(number.match(r[0]) and number.match(r[header.index("Хувилбар")]) for r in table[1:])
    assert all(len(r) == len(header) for r in table)


def test_a_goal_number_used_twice_in_one_report_keeps_both_means():
    row = make_row(goals=(("1.", Fraction(10)), ("1.", Fraction(20)), ("", Fraction(30))))
    table = read_csv(ranking_csv([row]))
    assert table[0][6:9] == ["Зорилт 1", "Зорилт 1 (2)", "Зорилт (дугааргүй)"]
    assert table[1][6:9] == ["10,0", "20,0", "30,0"]


def test_csv_file_is_bom_crlf_semicolons_for_a_mongolian_excel(tmp_path):
    name = 'Сум; "хашилттай"\nхоёр мөр'
    target = write_ranking_csv([make_row(name), make_row("Б сум", rank=2)], tmp_path / "эрэмбэ.csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbfsep=")
    lines = raw[3:].split(b"\r\n")
    assert lines[0].decode().split(";")[:3] == ["Байр", "Байгууллага", "Аймаг"]
    assert b"82,8" in raw and b"82.8" not in raw
    table = read_csv(raw.decode("utf-8-sig"))
    assert table[1][1] == name and len(table) == 3
    assert not list(tmp_path.glob("*.partial"))


# ------------------------------------------------------------------ XLSX
def sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))


def test_xlsx_text_from_strangers_is_never_a_formula(tmp_path):
    names = [*HOSTILE, *HARMLESS, "контрол\x01тэмдэгт"]
    rows = [make_row(n, rank=i + 1) for i, n in enumerate(names)]
    target = write_ranking_xlsx(rows, ["=1+1", "Өлзийт сум"], tmp_path / "эрэмбэ.xlsx")
    assert "<f>" not in sheet_xml(target)  # no formula anywhere in the file
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    cells = [sheet.cell(row=i + 2, column=2) for i in range(len(names))]
    assert all(c.data_type == "s" for c in cells)
    assert [c.value for c in cells[: len(HOSTILE) + len(HARMLESS)]] == [*HOSTILE, *HARMLESS]
    assert cells[-1].value == "контрол\ufffdтэмдэгт"  # an .xlsx cannot hold a control character
    assert all(c.quotePrefix for c in cells[: len(HOSTILE)])
    assert not any(c.quotePrefix for c in cells[len(HOSTILE):len(HOSTILE) + 3])
    missing = book["Ирүүлээгүй"]
    assert [missing.cell(row=r, column=1).value for r in (2, 3)] == ["=1+1", "Өлзийт сум"]
    assert missing.cell(row=2, column=1).data_type == "s"


def test_xlsx_numbers_sheets_header_and_widths(tmp_path):
    long_name = "Ж" * 2000
    rows = [
        make_row("А сум", goals=(("1.", Fraction(1160, 14)), ("2.", None))),
        make_row(long_name, rank=2, total=Fraction(7375, 100), goals=(("1.", Fraction(50)), ("3.", Fraction(1)))),
        make_row("Б сум", year=2024, period="half-year", goals=(("7.", Fraction(70)),)),
    ]
    target = write_ranking_xlsx(rows, [], tmp_path / "эрэмбэ.xlsx")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["2023 он, жилийн", "2024 он, хагас жилийн", "Ирүүлээгүй"]
    sheet = book["2023 он, жилийн"]
    header = [c.value for c in sheet[1]]
    assert header == ["Байр", "Байгууллага", "Аймаг", "Он", "Хугацаа", "Биелэлтийн нийт дүн", "Зорилт 1",
                      "Зорилт 2", "Зорилт 3", "Үнэлгээгүй", "Хувилбар", "Хүлээн авсан", "Хурууны хээ"]
    assert all(c.font.b for c in sheet[1]) and sheet.freeze_panes == "C2"
    total = sheet.cell(row=2, column=6)
    assert (total.value, total.data_type, total.number_format) == (82.8, "n", "0.0")
    assert [sheet.cell(row=2, column=c).value for c in (7, 8, 9)] == [82.8, None, None]
    assert [sheet.cell(row=3, column=c).value for c in (6, 7, 8, 9)] == [73.7, 50.0, None, 1.0]
    assert sheet.cell(row=2, column=1).value == 1 and sheet.cell(row=2, column=4).value == 2023
    assert sheet.cell(row=3, column=2).value == long_name and sheet.cell(row=3, column=2).alignment.wrap_text
    widths = {c: sheet.column_dimensions[c].width for c in "ABFGM"}
    assert widths["B"] == MAX_WIDTH and widths["A"] >= 6 and widths["F"] >= len("Биелэлтийн нийт дүн")
    assert widths["M"] >= 64  # the whole fingerprint is readable
    assert [c.value for c in book["2024 он, хагас жилийн"][1]][6] == "Зорилт 7"


def test_xlsx_is_written_whole_or_not_at_all(tmp_path):
    (tmp_path / "хавтас.xlsx").mkdir()
    with pytest.raises(TailanError) as error:
        write_ranking_xlsx([make_row()], [], tmp_path / "хавтас.xlsx")
    assert "хавтас" in error.value.message
    with pytest.raises(TailanError):
        write_ranking_xlsx([make_row()], [], tmp_path / "байхгүй" / "эрэмбэ.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["хавтас.xlsx"]
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.startswith("openpyxl") for d in dependencies)


# ------------------------------------------------------------------ PDF
def test_every_header_word_fits_its_column_whole(tmp_path):
    widths = column_widths()
    for title, width in zip(HEADER, widths, strict=True):
        for word in title.split():
            assert stringWidth(word, BOLD, FONT_SIZE) <= width - 2 * PADDING, (word, width)
    target = tmp_path / "эрэмбэ.pdf"
    export_ranking_pdf([make_row(), make_row("Б сум", rank=2)], [], target)
    words = pdftotext(target).split()
    for title in HEADER:
        for word in title.split():
            assert word in words, word


def test_pdf_prints_any_name_length_and_any_number_of_goals(tmp_path):
    unbroken = "Ж" * 2000
    spaced = " ".join(["Жаргалант"] * 220)
    many_goals = tuple((f"{i}.", Fraction(i * 7 % 101)) for i in range(1, 61))
    rows = [
        make_row(unbroken),
        make_row(spaced, rank=2),
        make_row("Олон зорилттой сум", rank=3, goals=many_goals),
        make_row("Маш олон зорилттой сум", rank=4, goals=tuple((f"{i}.", Fraction(50)) for i in range(1, 1201))),
    ]
    target = tmp_path / "эрэмбэ.pdf"
    pages = export_ranking_pdf(rows, ["Өлзийт сум"], target)
    assert pages >= 3
    text = pdftotext(target)
    assert sum(len(w) for w in text.split() if set(w) == {"Ж"}) == 2000 and text.count("Жаргалант") == 220
    flat = text.replace("\xa0", " ")
    for i, mean in many_goals:  # a goal's number never parted from its mean
        assert f"{i.rstrip('.')}: {display(mean)}" in flat
    assert "Өлзийт сум" in text and "1200: 50,0" in flat
    pages_text = [page for page in text.split("\f") if page.strip()]
    assert len(pages_text) == pages  # the header once at the top of each page, never inside it
    assert all(page.split().count("Байгууллага") == 1 for page in pages_text[:-1])
    continued = [page for page in pages_text if "Маш олон зорилттой сум (үргэлжлэл)" in page.replace("\n", " ")]
    assert len(continued) >= 2  # a page that begins inside a row says whose row it is
    assert "9476-9852" in text and "DA5B-6D53" in text  # the short code as on the signed paper
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", target, png], check=True)
    assert (tmp_path / "page-01.png").stat().st_size > 2000 or (tmp_path / "page-1.png").stat().st_size > 2000


def test_pdf_splits_a_name_between_letters_only_when_one_word_is_wider_than_the_column(tmp_path):
    spaced = " ".join(["Жаргалант"] * 30)
    target = tmp_path / "эрэмбэ.pdf"
    export_ranking_pdf([make_row(spaced), make_row("Ж" * 300, rank=2)], [], target)
    words = pdftotext(target).split()
    assert [w for w in words if w.startswith("Жар") or w.endswith("лант")] == ["Жаргалант"] * 30
    assert sum(len(w) for w in words if set(w) == {"Ж"}) == 300 and words.count("Ж" * 300) == 0


# ------------------------------------------------------------------ end to end
def soum_submission(folder, organization: str, n: int):
    """A soum's work: its report with its own organization name, finalized, then sent."""
    from generate import generated_report

    from core.report.model import Score
    from core.sending.export import export_submission
    from core.sending.lifecycle import finalize
    from core.storage import ReportFile

    report = generated_report(14, seed=n, id_seed=300 + n)
    for measure in report.measures():
        measure.score = measure.score or Score.FULL
    report.organization, report.aimag = organization, "Өвөрхангай"
    work = folder / f"soum-{n}.tailan"
    with ReportFile.create(work) as rf:
        rf.add_report(report)
        finalize(rf, report.id)
        return export_submission(rf, report.id, folder / f"sent-{n}.tailan")


def consolidated_aimag(tmp_path, organizations: list[str]):
    """An aimag file made from real soum submissions (the one place that depends on consolidation)."""
    from generate import consolidate_trusted

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = [soum_submission(inbox, name, i + 1) for i, name in enumerate(organizations)]
    db = tmp_path / "aimag.tailan"
    result = consolidate_trusted(files, db)
    assert result.count("added") == len(organizations), [o.reason for o in result.outcomes]
    return db


def test_cli_ranking_writes_safe_csv_xlsx_and_pdf_from_real_files(tmp_path):
    hostile = '=HYPERLINK("http://x","клик")'
    db = consolidated_aimag(tmp_path, [hostile, "Нарийнтээл сум"])
    out_csv, out_xlsx, out_pdf = tmp_path / "r.csv", tmp_path / "r.xlsx", tmp_path / "r.pdf"
    result = run_cli("ranking", db, "--csv", out_csv, "--xlsx", out_xlsx, "--pdf", out_pdf)
    assert result.returncode == 0, result.stderr.decode()
    table = read_csv(out_csv.read_bytes().decode("utf-8-sig"))
    assert sorted(r[1] for r in table[1:]) == sorted(["'" + hostile, "Нарийнтээл сум"])
    assert any(h.startswith("Зорилт ") for h in table[0])
    sheet = openpyxl.load_workbook(out_xlsx).worksheets[0]
    names = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=2).data_type for r in (2, 3)}
    assert names == {hostile: "s", "Нарийнтээл сум": "s"}
    assert isinstance(sheet.cell(row=2, column=6).value, float)
    assert "<f>" not in sheet_xml(out_xlsx)
    assert "Нарийнтээл сум" in pdftotext(out_pdf)


def test_cli_ranking_xlsx_into_a_missing_folder_says_so(tmp_path):
    db = consolidated_aimag(tmp_path, ["Нарийнтээл сум"])
    result = run_cli("ranking", db, "--xlsx", tmp_path / "байхгүй" / "r.xlsx")
    assert result.returncode == 2
    assert "олдсонгүй" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
