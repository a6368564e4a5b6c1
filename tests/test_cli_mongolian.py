"""tailan-cli speaks Mongolian to the end: help headers, usage errors, the change log, rejection reasons."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import SAMPLE_TXT, run_cli

ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help message",
           "the following arguments", "invalid choice", "unrecognized arguments", "expected one argument")


def assert_no_english(text):
    for words in ENGLISH:
        assert words not in text, (words, text)


@pytest.mark.parametrize("args", [("--help",), ("set", "--help"), ("import", "-h"), ("log", "--help"),
                                  ("export-pdf", "--help"), ("consolidate", "--help")])
def test_help_is_mongolian(args):
    result = run_cli(*args, process=True)
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.startswith("Хэрэглээ: tailan-cli")
    assert "сонголтууд:" in out and "энэ тусламжийг харуулаад гарах" in out
    assert_no_english(out)


@pytest.mark.parametrize("args,words", [
    (("import", "x.txt"), "заавал өгөх утга дутуу: --db"),
    (("list", "a", "b"), "танихгүй утга: b"),
    (("set", "a", "--report-field", "colour", "--value", "x"), "«colour» буруу сонголт"),
    (("set", "a", "--measure"), "--measure-д нэг утга өгнө үү"),
    (("frobnicate",), "«frobnicate» буруу сонголт"),
])
def test_usage_errors_are_mongolian(args, words):
    result = run_cli(*args, process=True)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert words in err
    assert_no_english(err)


def test_log_has_mongolian_columns_kinds_and_operations(tmp_path):
    db = tmp_path / "soum.tailan"
    assert run_cli("import", SAMPLE_TXT, "--db", db).returncode == 0
    assert run_cli("set", db, "--measure", "6.1", "--score", "100").returncode == 0
    assert run_cli("set", db, "--report-field", "organization", "--value", "Өлзийт сум").returncode == 0
    out = run_cli("log", db).stdout.decode()
    lines = out.splitlines()
    assert lines[0].split("  ") == ["Хэзээ", "Юу", "Аль", "Өөрчлөлт: хуучин → шинэ"]
    assert "тайлан" in lines[1] and "нэмсэн" in lines[1]
    assert any("арга хэмжээ" in line and "үнэлгээ: — → 100" in line for line in lines)
    assert any("байгууллага: Нарийнтээл сум → Өлзийт сум" in line for line in lines)
    assert any("гарчиг:" in line for line in lines)
    for english in ("(insert)", "measure", "report ", "score", "organization", "None"):
        assert english not in out, english


def test_a_foreign_database_is_refused_without_the_word_sqlite(tmp_path):
    other = tmp_path / "other.tailan"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    result = run_cli("show", other)
    assert result.returncode == 2
    assert "өөр програмын" in result.stderr.decode() and "SQLite" not in result.stderr.decode()
    verdict = run_cli("verify", other)
    assert "SQLite" not in verdict.stdout.decode() + verdict.stderr.decode()
