"""tailan-cli as a user runs it: a separate process, Mongolian messages, exit codes."""

from __future__ import annotations

import json
import sqlite3

import pytest
from helpers import SAMPLE_TXT, digest, run_cli


def imported(tmp_path):
    db = tmp_path / "soum.tailan"
    result = run_cli("import", SAMPLE_TXT, "--db", db, "--aimag", "Өвөрхангай")
    assert result.returncode == 0, result.stderr.decode()
    return db, result.stdout.decode().strip()


def show_json(db, *extra):
    result = run_cli("show", db, "--json", *extra)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def assert_clean_failure(result, *words):
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in err
    return err


def test_import_prints_id_and_show_gives_totals(tmp_path):
    db, report_id = imported(tmp_path)
    assert len(report_id) == 36
    data = show_json(db)
    assert data["id"] == report_id
    assert (data["organization"], data["year"], data["period"]) == ("Нарийнтээл сум", 2023, "annual")
    assert data["total_display"] == "80,9"
    assert data["unscored"] == ["6.1.", "6.2.", "6.3."]
    assert data["not_due"] == []
    assert data["scored"] == 11
    assert [g["number"] for g in data["goals"]] == ["1", "2", "3.", "4.", "5.", "6."]
    assert data["goals"][0]["average"] == 90.0 and data["goals"][5]["average"] is None
    first = data["goals"][0]["measures"][0]
    assert set(first) >= {"number", "text", "indicator", "baseline_year", "baseline_level", "target_level", "achieved", "score"}
    assert first["score"] == 70 and first["number"] == "1.1."


def test_setting_the_three_scores_gives_82_8(tmp_path):
    db, report_id = imported(tmp_path)
    for number, score in (("6.1", "100"), ("6.2.", "100"), ("6.3", "70")):
        result = run_cli("set", db, "--measure", number, "--score", score)
        assert result.returncode == 0, result.stderr.decode()
    data = show_json(db, "--report", report_id)
    assert data["total_display"] == "82,8"
    assert data["total"] == pytest.approx(1160 / 14)
    assert data["unscored"] == []


def test_not_due_and_none(tmp_path):
    db, _ = imported(tmp_path)
    assert run_cli("set", db, "--measure", "1.1", "--score", "not-due").returncode == 0
    data = show_json(db)
    assert data["not_due"] == ["1.1."] and data["goals"][0]["measures"][0]["score"] == "not-due"
    assert run_cli("set", db, "--measure", "1.1", "--score", "none").returncode == 0
    assert show_json(db)["goals"][0]["measures"][0]["score"] is None


def test_set_text_field_keeps_it_exactly(tmp_path):
    db, _ = imported(tmp_path)
    text = "  Хийсэн ажил Ө ө Ү ү\nхоёр дахь мөр  "
    result = run_cli("set", db, "--measure", "6.1.", "--field", "achieved", "--value", text)
    assert result.returncode == 0, result.stderr.decode()
    assert show_json(db)["goals"][5]["measures"][0]["achieved"] == text


def test_show_text_output(tmp_path):
    db, _ = imported(tmp_path)
    out = run_cli("show", db).stdout.decode()
    assert "Биелэлтийн нийт дүн: 80,9" in out
    assert "Үнэлгээгүй арга хэмжээ: 6.1., 6.2., 6.3." in out


def test_import_twice_needs_report_choice(tmp_path):
    db, first = imported(tmp_path)
    second = run_cli("import", SAMPLE_TXT, "--db", db).stdout.decode().strip()
    assert first != second
    assert_clean_failure(run_cli("show", db), "--report")
    assert show_json(db, "--report", second)["id"] == second


@pytest.mark.parametrize(
    "args,words",
    [
        (("set", "{db}", "--measure", "9.9", "--score", "100"), ["9.9", "олдсонгүй"]),
        (("set", "{db}", "--measure", "6.1", "--score", "50"), ["үнэлгээ буруу"]),
        (("set", "{db}", "--measure", "6.1", "--field", "achieved"), ["--value"]),
        (("set", "{db}", "--measure", "6.1", "--field", "score", "--value", "1"), ["тушаал буруу"]),
        (("set", "{db}", "--measure", "6.1"), ["--score"]),
        (("show", "{db}", "--report", "nope"), ["олдсонгүй"]),
        (("frobnicate",), ["тушаал буруу"]),
    ],
)
def test_bad_arguments_exit_2_with_file_unchanged(tmp_path, args, words):
    db, _ = imported(tmp_path)
    before = digest(db)
    result = run_cli(*[a.format(db=db) for a in args])
    assert_clean_failure(result, *words)
    assert digest(db) == before


@pytest.mark.parametrize(
    "content,words",
    [
        (b"", ["хоосон"]),
        (b"not a database at all" * 10, ["файл биш"]),
        (bytes(range(256)) * 10, ["файл биш"]),
    ],
)
def test_bad_files_exit_2_and_stay_unchanged(tmp_path, content, words):
    path = tmp_path / "bad.tailan"
    path.write_bytes(content)
    before = digest(path)
    for args in (("show", path), ("set", path, "--measure", "1.1", "--score", "100")):
        assert_clean_failure(run_cli(*args), *words)
    assert digest(path) == before


def test_newer_file_exits_2(tmp_path):
    db, _ = imported(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = digest(db)
    assert_clean_failure(run_cli("show", db), "шинэ хувилбар")
    assert_clean_failure(run_cli("set", db, "--measure", "1.1", "--score", "0"), "шинэ хувилбар")
    assert digest(db) == before


def test_bad_import_source_writes_nothing(tmp_path):
    db, _ = imported(tmp_path)
    before = digest(db)
    letter = tmp_path / "letter.txt"
    letter.write_text("Сайн байна уу\n", encoding="utf-8")
    assert_clean_failure(run_cli("import", letter, "--db", db), "толгой мөр")
    assert_clean_failure(run_cli("import", tmp_path / "missing.txt", "--db", db), "олдсонгүй")
    assert digest(db) == before
    fresh = tmp_path / "fresh.tailan"
    assert_clean_failure(run_cli("import", letter, "--db", fresh), "толгой мөр")
    assert not fresh.exists()


def test_import_from_stdin_in_utf16(tmp_path):
    db = tmp_path / "x.tailan"
    data = b"\xff\xfe" + SAMPLE_TXT.read_text(encoding="utf-8").encode("utf-16-le")
    result = run_cli("import", "-", "--db", db, stdin=data)
    assert result.returncode == 0, result.stderr.decode()
    assert show_json(db)["total_display"] == "80,9"


def test_log_lists_edits(tmp_path):
    db, _ = imported(tmp_path)
    run_cli("set", db, "--measure", "6.1", "--score", "100")
    entries = json.loads(run_cli("log", db, "--json").stdout)
    assert entries[-1]["field"] == "score" and entries[-1]["new_value"] == "100"


# ------------------------------------------------------------------ how the program starts and ends
def test_every_command_module_lists_the_commands_it_adds():
    """``COMMAND_MODULES`` says which module adds which command (a command imports only its own)."""
    import importlib

    from core.cli import COMMAND_MODULES

    for name, commands in COMMAND_MODULES.items():
        assert tuple(importlib.import_module(name).COMMANDS) == commands, name


def test_a_printout_imports_no_other_command_and_leaves_with_its_output_flushed(tmp_path):
    """``tailan-cli export-pdf`` loads its own command module only, and the process ends
    at once (``core.cli.common.leave``) with everything it printed delivered and the PDF whole."""
    import subprocess
    import sys

    db, _ = imported(tmp_path)
    pdf = tmp_path / "out.pdf"
    script = (
        "import sys\n"
        "from core.cli import leave, main\n"
        "code = main(sys.argv[1:])\n"
        "loaded = sorted(m for m in sys.modules if m.endswith('cli') and m.startswith('core.') and m != 'core.cli')\n"
        "print('loaded', ' '.join(loaded))\n"
        "print('x' * 100000)\n"  # more than a pipe's buffer: flushed before the process ends
        "leave(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, "export-pdf", str(db), "-o", str(pdf)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "loaded core.pdf.cli"
    assert lines[1] == "x" * 100000
    assert "хуудас" in result.stderr and pdf.read_bytes().rstrip().endswith(b"%%EOF")


def test_the_program_exits_with_the_commands_code(tmp_path):
    db, _ = imported(tmp_path)
    ok = run_cli("show", db, process=True)
    assert ok.returncode == 0 and "Биелэлтийн нийт дүн" in ok.stdout.decode()
    assert_clean_failure(run_cli("show", tmp_path / "missing.tailan", process=True), "олдсонгүй")
    bad_usage = run_cli("export-pdf", db, process=True)  # -o missing: argparse's own exit
    assert bad_usage.returncode == 2 and "Traceback" not in bad_usage.stderr.decode()


def test_printable_skips_the_pattern_only_for_text_with_nothing_to_escape():
    """``printable`` returns printable text as it is without compiling its pattern: every
    character the pattern escapes must be one Python calls unprintable."""
    import re

    from core.cli.common import _UNPRINTABLE, printable

    pattern = re.compile(_UNPRINTABLE)
    assert not [hex(c) for c in range(0x110000) if pattern.match(chr(c)) and chr(c).isprintable()]
    assert printable("Өвөрхангай\u202eтxt") == "Өвөрхангай\\u202eтxt"
    assert printable("мөр\nмөр\t.") == "мөр\nмөр\t." and printable("\n") == "\n"
