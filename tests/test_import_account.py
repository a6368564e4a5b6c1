"""``tailan-cli import --json``: every source row read or named, the document's own header kept (issue 18).

The contract: one JSON object with ``report_id``, ``goals``, ``measures``, ``scores`` and
``skipped`` (``row``, ``text``, ``why``); exit 0 only when every row is accounted for,
2 with a message naming the line when not, and then nothing is written.
"""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, SAMPLE_TXT, digest, run_cli
from layouts import HEADERLESS_COLUMNS

from core.tables.reading import read_document
from core.tables.source import Paragraph
from core.tables.textrows import LINE_BREAK, text_document

TEXT = FIXTURES / "text"
DOCX = FIXTURES / "docx"


def imported(tmp_path, source, *extra):
    db = tmp_path / "out.tailan"
    done = run_cli("import", source, "--db", db, "--json", *extra)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout), db


def shown(db):
    done = run_cli("show", db, "--json")
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def refused(tmp_path, source, *words, extra=()):
    db = tmp_path / "refused.tailan"
    before = digest(source)
    done = run_cli("import", source, "--db", db, "--json", *extra)
    message = done.stderr.decode()
    assert done.returncode == 2 and all(w in message for w in words), message
    assert "Traceback" not in message and not db.exists() and digest(source) == before
    return message


def test_json_of_the_sample_and_show_agree(tmp_path):
    result, db = imported(tmp_path, SAMPLE_TXT)
    assert {k: result[k] for k in ("goals", "measures", "scores", "skipped")} == {
        "goals": 6, "measures": 14, "scores": 11, "skipped": []}
    report = shown(db)
    assert report["id"] == result["report_id"] and result["printed_total"] == "82,8"


@pytest.mark.parametrize("source", ["sample_without_total.utf-8.txt", "sample_without_total.cp1251.txt"])
def test_the_sample_without_its_total_row_keeps_every_goal_and_measure(tmp_path, source):
    result, _ = imported(tmp_path, TEXT / source)
    assert (result["goals"], result["measures"], result["scores"]) == (6, 14, 11)


def test_section_rows_are_named_and_the_score_before_them_kept(tmp_path):
    result, db = imported(tmp_path, TEXT / "published_sections_goal_column_no_total.utf-16.txt")
    assert (result["goals"], result["measures"], result["scores"]) == (2, 4, 4)
    assert [(s["row"], s["text"][:5]) for s in result["skipped"]] == [(3, "Нэг. "), (9, "Хоёр.")]
    assert all("бүлгийн гарчиг" in s["why"] for s in result["skipped"])
    assert shown(db)["total"] == 60.0  # (100 + 70 + 70 + 0) / 4: the score before a section row is kept


def test_legal_basis_rows_with_bullets_are_named_whole(tmp_path):
    result, _ = imported(tmp_path, TEXT / "published_legal_basis_bullets_points.utf-8.txt")
    assert (result["goals"], result["measures"], result["scores"]) == (2, 4, 4)
    whys = [s["why"] for s in result["skipped"]]
    assert len(whys) == 2 and all("Эрх зүйн үндэслэл" in w for w in whys)
    assert "Авлигын эсрэг хуулийн 18.1.1" in result["skipped"][0]["text"]


def test_every_written_score_is_read_and_one_off_the_scale_is_reported(tmp_path):
    result, db = imported(tmp_path, TEXT / "published_unmerged_goals_merged_total.cp1251.txt")
    assert (result["goals"], result["measures"], result["scores"]) == (2, 7, 6)
    assert any("Биелэлт 50" in w for w in result["warnings"])
    report = shown(db)
    assert [len(g["measures"]) for g in report["goals"]] == [3, 4]  # goal cells not merged: one goal each
    assert report["signatories"][0]["name"] == "Б.БАТ"  # the merged total row did not swallow the signatures


def test_the_document_s_aimag_and_two_line_label_stay(tmp_path):
    source = TEXT / "published_spanned_header_end.utf-8.txt"
    result, db = imported(tmp_path, source)  # no --aimag
    report = shown(db)
    assert report["aimag"] == "Өвөрхангай"
    assert report["appendix_label"] == "Засгийн газрын 2020 оны 206 дугаар\nтогтоолын хавсралт"
    assert report["report_date"] == "2024.12.20" and result["printed_total"] == "85,0"
    done = run_cli("import", source, "--db", tmp_path / "other.tailan", "--aimag", "Завхан")
    assert done.returncode == 0 and "Өвөрхангай" in done.stderr.decode()  # the option does not replace it
    assert shown(tmp_path / "other.tailan")["aimag"] == "Өвөрхангай"


def test_aimag_option_fills_in_what_the_document_does_not_say(tmp_path):
    _, db = imported(tmp_path, SAMPLE_TXT, "--aimag", "Өвөрхангай")
    assert shown(db)["aimag"] == "Өвөрхангай"


def test_the_word_round_trip_keeps_the_aimag_without_the_option(tmp_path):
    _, first = imported(tmp_path, SAMPLE_TXT, "--aimag", "Өвөрхангай")
    word = tmp_path / "report.docx"
    assert run_cli("export-docx", first, "-o", word).returncode == 0
    db = tmp_path / "again.tailan"
    assert run_cli("import", word, "--db", db).returncode == 0
    assert shown(db)["aimag"] == "Өвөрхангай"


def test_a_table_without_header_is_refused_then_read_with_columns(tmp_path):
    source = TEXT / "headerless.utf-8.txt"
    refused(tmp_path, source, "толгой мөр", "--columns")
    result, db = imported(tmp_path, source, "--columns", ",".join(HEADERLESS_COLUMNS))
    assert (result["goals"], result["measures"], result["scores"]) == (2, 3, 3)
    assert [len(g["measures"]) for g in shown(db)["goals"]] == [2, 1]


def test_a_row_cut_short_is_refused_with_its_line_and_what_was_expected(tmp_path):
    source = tmp_path / "cut.txt"
    header = "№\tЗорилт\tХэрэгжүүлэх арга хэмжээ\tШалгуур\tБиелэлт"
    source.write_text(f"Гарчиг\n{header}\n1\tЗорилт\t1.1. Арга\tБиелэлт 100\n", encoding="utf-8")
    message = refused(tmp_path, source, "3-р мөр", "5 нүд байх ёстой, 4 байна")
    assert "хүснэгтэд нэг ч зорилт" not in message


def test_text_without_a_table_names_what_was_expected(tmp_path):
    source = tmp_path / "letter.txt"
    source.write_text("Сайн байна уу\nэнэ бол захидал\n", encoding="utf-8")
    refused(tmp_path, source, "толгой мөр", "TAB")


def test_too_many_rows_are_refused_before_they_are_read(tmp_path):
    source = tmp_path / "huge.txt"
    lines = ["№\tЗорилт\tХэрэгжүүлэх арга хэмжээ\tБиелэлт", "1\tЗорилт\t1.1. А\tБиелэлт 100"]
    lines += [f"\t\t1.{k}. А\tБиелэлт 70" for k in range(2, 30_000)]
    source.write_text("\n".join(lines), encoding="utf-8")
    refused(tmp_path, source, "мөр байна", "20 000 арга хэмжээ")


@pytest.mark.parametrize("source", sorted(p.name for p in TEXT.glob("*.utf-8.txt") if "unplaceable" not in p.name))
def test_every_line_of_a_text_is_accounted_for(source):
    """Each non-blank line of a text ends in a row or paragraph that was given a role (or was named skipped)."""
    text = (TEXT / source).read_bytes().decode("utf-8-sig")
    document = text_document(text, source, HEADERLESS_COLUMNS if source.startswith("headerless") else None)
    result = read_document(document, HEADERLESS_COLUMNS if source.startswith("headerless") else None)
    covered: dict[int, str] = {}
    for block in document.blocks:
        if isinstance(block, Paragraph):
            covered[block.row] = block.role
        else:
            for row in block.rows:
                for line in range(row.first, row.last + 1):
                    covered[line] = row.role
    lines = [k + 1 for k, line in enumerate(LINE_BREAK.split(text)) if line.strip()]
    assert all(covered.get(k) for k in lines), [(k, covered.get(k)) for k in lines if not covered.get(k)]
    named = {item.row if isinstance(item, Paragraph) else item.first
             for block in document.blocks for item in ([block] if isinstance(block, Paragraph) else block.rows)
             if item.role == "skipped"}
    assert named == {s.row for s in result.skipped}  # a row skipped is a row named, with why
