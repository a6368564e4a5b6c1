"""The hostile input corpus: files from outside, each with the verdict every entry point must give.

Kinds come from ``tests/test_consolidate.make_hostile`` (13 kinds of bad submission
files), from ``tests/test_received_checks.HOSTILE_FILES`` (hostile schemas, values out
of bounds, a journal or log beside: issue 10) and from here (texts for the import,
and more files). ``RECEIVED_SHORT`` names the received-check kinds of the default
run; ``RECEIVED_KINDS`` holds them all (the slow test). ``KINDS`` maps a kind
to (builder, expected exit code per entry point); an entry point missing from the
map is not fed that kind. Entry points, each run as ``tailan-cli`` in its own
process: ``import`` (text into a new report file), ``show`` (opening a file), ``edit``
(``set``: opening a file for editing, as a template is),
``verify``, ``consolidate`` (``--json``; the expected value there is ``rejected``
or ``accepted``: consolidate reports the file's fate, and exits 1 when a file was
rejected or waits for the reviewer, as a good file from a soum it does not know yet does).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import zipfile
from pathlib import Path

from helpers import SAMPLE_TXT, load_any_report
from test_consolidate import HOSTILE as CONSOLIDATE_HOSTILE
from test_consolidate import make_hostile
from test_received_checks import HOSTILE_BESIDE, HOSTILE_FILES

from core.received.verify import check_bytes
from core.trust.fingerprint import compute_fingerprint

SAMPLE = SAMPLE_TXT.read_text(encoding="utf-8")
R, A = "rejected", "accepted"


def _text(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _sample_lines() -> list[str]:
    return SAMPLE.split("\n")


def _header_index() -> int:
    return next(i for i, line in enumerate(_sample_lines()) if line.startswith("№\t"))


def _edit_db(good: Path, folder: Path, name: str, sql: list[tuple], refingerprint: bool = False) -> Path:
    path = folder / name
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    for statement in sql:
        conn.execute(*statement)
    conn.commit()
    if refingerprint:  # the forger recomputes the fingerprint so that it matches
        conn.close()
        report = _load_any(path)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE reports SET fingerprint = ?", (compute_fingerprint(report),))
        conn.commit()
    conn.close()
    return path


def _load_any(path: Path):
    return load_any_report(path)


# --------------------------------------------------------------- templates
def _template(folder: Path, name: str, *statements: str) -> Path:
    """A report file as a soum receives it to fill in (not finalized), with ``statements`` run on it."""
    from core.storage import ReportFile
    from core.tables.textimport import import_file

    path = folder / name
    with ReportFile.create(path) as rf:
        rf.add_report(import_file(SAMPLE_TXT).report)
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def template_trigger(folder, good):
    """Issue 19: every score the officer enters becomes 100 (then signed by the officer's key)."""
    return _template(folder, "template-trigger.tailan",
                     "CREATE TRIGGER every_score_full AFTER INSERT ON change_log BEGIN "
                     "UPDATE measures SET score = '100' WHERE score IS NOT '100'; END")


def template_expression_index(folder, good):
    """Issue 19: an index whose expression makes every edit take seconds and hundreds of megabytes."""
    return _template(folder, "template-index.tailan",
                     "CREATE INDEX slow ON measures(length(hex(zeroblob(1000000))) + length(text))")


def template_plain(folder, good):
    return _template(folder, "template.tailan")


# ------------------------------------------------------------------- texts
def utf16_without_bom(folder, good):
    return _text(folder, "utf16-no-bom.txt", SAMPLE.encode("utf-16-le"))


def utf32(folder, good):
    return _text(folder, "utf32.txt", SAMPLE.encode("utf-32"))


def mixed_encodings(folder, good):
    a, b = SAMPLE.encode("utf-8"), SAMPLE.encode("cp1251", errors="replace")
    return _text(folder, "mixed.txt", a[: len(a) // 2] + b[len(b) // 2 :])


def cp1251_sample(folder, good):  # a legitimate Windows-1251 text: imported
    return _text(folder, "cp1251.txt", SAMPLE.translate(str.maketrans("ӨөҮү", "ЄєЇї")).encode("cp1251"))


def text_50mb(folder, good):
    line = ("\t" * 7 + "ө" * 200 + "\n").encode()
    path = folder / "huge.txt"
    with open(path, "wb") as out:
        out.write(SAMPLE.encode())
        chunk = line * 2000
        while out.tell() <= 50 * 1024 * 1024:
            out.write(chunk)
    return path


def nul_bytes(folder, good):
    data = SAMPLE.encode()
    return _text(folder, "nul.txt", data[:500] + b"\x00" * 10 + data[500:])


def docx_zip(folder, good):
    path = folder / "report.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + SAMPLE + "</w:document>")
    return path


def png(folder, good):
    return _text(folder, "scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(3).randbytes(4000))


def nine_cells(folder, good):
    lines = _sample_lines()
    i = _header_index() + 2
    lines[i] = lines[i] + "\tилүү нүд"
    return _text(folder, "nine-cells.txt", "\n".join(lines).encode())


def header_only(folder, good):
    return _text(folder, "header-only.txt", "\n".join(_sample_lines()[: _header_index() + 1]).encode())


def deep_multiline(folder, good):
    lines = _sample_lines()[: _header_index() + 2]
    cell = "\n".join(f"{i}-р мөр" for i in range(300_000))
    lines.append(f"1\tЗорилт\t1.1. {cell}\tшалгуур\t2022\t-\t100\tБиелэлт 70")
    return _text(folder, "deep-multiline.txt", "\n".join(lines).encode())


def whitespace_only(folder, good):
    return _text(folder, "blank.txt", b" \n\t\r\n   \n")


def bom_then_garbage(folder, good):
    return _text(folder, "bom-garbage.txt", b"\xff\xfe" + random.Random(5).randbytes(3001))


def symlink_to_device(folder, good):
    path = folder / "zero-link.txt"
    os.symlink("/dev/zero", path)
    return path


def fifo_text(folder, good):
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def cyrillic_path_text(folder, good):
    sub = folder / "Миний баримт бичиг"
    sub.mkdir(exist_ok=True)
    return _text(sub, "Нарийнтээл сум 2023 он.txt", SAMPLE.encode())


# ------------------------------------------------------------------- files
def symlink_to_good(folder, good):
    path = folder / "link.tailan"
    target = folder / "link-target.tailan"
    shutil.copyfile(good, target)
    os.symlink(target, path)
    return path


def fifo_file(folder, good):
    path = folder / "pipe.tailan"
    os.mkfifo(path)
    return path


def directory_named_tailan(folder, good):
    path = folder / "folder.tailan"
    path.mkdir()
    return path


def wal_mode(folder, good):
    path = folder / "wal.tailan"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return path


def hot_journal(folder, good):
    """A submission copied with the hot journal of an edit that never finished."""
    import subprocess
    import sys

    path = folder / "hot.tailan"
    shutil.copyfile(good, path)
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1'); c.execute('BEGIN IMMEDIATE')\n"
        "c.execute('UPDATE measures SET achieved = ?', ('Ө' * 20000,))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert path.with_name(path.name + "-journal").exists()
    return path


def huge_page_size_header(folder, good):
    data = bytearray(good.read_bytes())
    data[16:18] = (1).to_bytes(2, "big")  # "65536" while the pages are 4096
    return _text(folder, "page-size.tailan", bytes(data))


def our_id_random_tables(folder, good):
    path = folder / "our-id-random.tailan"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1413564748")
    conn.execute("PRAGMA user_version = 2")
    conn.execute("CREATE TABLE x (a, b)")
    conn.execute("INSERT INTO x VALUES (1, 2)")
    conn.commit()
    conn.close()
    return path


def over_bounds_refingerprinted(folder, good):
    goal = sqlite3.connect(good).execute("SELECT id, report_id FROM goals LIMIT 1").fetchone()
    rows = [(f"00000000-0000-4000-8000-{i:012d}", goal[1], 100 + i, str(100 + i), "x") for i in range(1001)]
    path = folder / "over-bounds.tailan"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO goals (id, report_id, sort_order, number, text) VALUES (?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    report = _load_any(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE reports SET fingerprint = ?", (compute_fingerprint(report),))
    conn.commit()
    conn.close()
    return path


def negative_revision(folder, good):
    return _edit_db(good, folder, "negative-revision.tailan", [("UPDATE reports SET revision = -1",)], True)


def non_integer_year(folder, good):
    return _edit_db(good, folder, "year-text.tailan", [("UPDATE reports SET year = '2023 он'",)])


def fingerprint_tampered(folder, good):
    return _edit_db(good, folder, "tampered.tailan", [("UPDATE measures SET achieved = achieved || '!' WHERE rowid = 1",)])


def invalid_utf8_cell(folder, good):
    return _edit_db(good, folder, "bad-utf8.tailan",
                    [("UPDATE measures SET achieved = CAST(X'80FF41' AS TEXT) WHERE rowid = 1",)])


def docx_named_tailan(folder, good):
    path = docx_zip(folder, good)
    return path.rename(folder / "report.tailan")


def cyrillic_path_file(folder, good):
    sub = folder / "Ирсэн файлууд 2023"
    sub.mkdir(exist_ok=True)
    path = sub / "Нарийнтээл сум илгээх файл.tailan"
    shutil.copyfile(good, path)
    return path


def from_consolidate(kind):
    def build(folder, good):
        return make_hostile(kind, good, folder)

    build.__name__ = kind
    return build


_FILE_EXPECT = {
    # kind: (show, verify, consolidate)
    "not-sqlite": (2, 2, R), "zero-bytes": (2, 2, R), "truncated": (2, 2, R), "random-bytes": (2, 2, R),
    "other-app-sqlite": (2, 2, R), "newer-version": (2, 2, R), "wrong-app-id": (2, 2, R),
    # ours, readable, but not an acceptable submission: show opens it read-only, the checks refuse it;
    # a schema that is not ours is refused for reading too (issue 19)
    "trigger": (2, 2, R), "view": (2, 2, R), "extra-table": (2, 2, R), "oversized-text": (0, 2, R),
    "not-finalized": (0, 2, R), "two-reports": (2, 2, R),
}

KINDS: dict[str, tuple] = {kind: (from_consolidate(kind), dict(zip(("show", "verify", "consolidate"), exp)))
                           for kind, exp in _FILE_EXPECT.items()}
assert set(_FILE_EXPECT) == set(CONSOLIDATE_HOSTILE)
KINDS.update({
    "utf16-without-bom": (utf16_without_bom, {"import": 0}),  # read: Mongolian UTF-16 is plain without its BOM
    "utf32-text": (utf32, {"import": 2}),
    "mixed-encodings": (mixed_encodings, {"import": 2}),
    "cp1251-text (control)": (cp1251_sample, {"import": 0}),
    "text-over-50mb": (text_50mb, {"import": 2}),
    "nul-bytes": (nul_bytes, {"import": 2}),
    "docx-zip": (docx_zip, {"import": 2}),
    "png": (png, {"import": 2}),
    "row-with-9-cells": (nine_cells, {"import": 2}),
    "header-only": (header_only, {"import": 2}),
    "300k-line-cell": (deep_multiline, {"import": 0}),
    "whitespace-only": (whitespace_only, {"import": 2}),
    "utf16-bom-then-garbage": (bom_then_garbage, {"import": 2}),
    "symlink-to-/dev/zero": (symlink_to_device, {"import": 2}),
    "named-pipe-text": (fifo_text, {"import": 2}),
    "cyrillic-path-with-spaces-text (control)": (cyrillic_path_text, {"import": 0}),
    "symlink-to-submission (control)": (symlink_to_good, {"show": 0, "verify": 0, "consolidate": A}),
    "named-pipe-file": (fifo_file, {"show": 2, "verify": 2, "consolidate": R}),
    "directory-named-.tailan": (directory_named_tailan, {"show": 2, "verify": 2}),
    "wal-mode": (wal_mode, {"show": 2, "verify": 2, "consolidate": R}),
    "hot-journal-beside": (hot_journal, {"show": 2, "verify": 2, "consolidate": R}),
    "page-size-header-lies": (huge_page_size_header, {"show": 2, "verify": 2, "consolidate": R}),
    "our-app-id-random-tables": (our_id_random_tables, {"show": 2, "verify": 2, "consolidate": R}),
    "over-bounds-fingerprint-right": (over_bounds_refingerprinted, {"show": 0, "verify": 2, "consolidate": R}),
    "negative-revision": (negative_revision, {"show": 0, "verify": 2, "consolidate": R}),
    "non-integer-year": (non_integer_year, {"show": 2, "verify": 2, "consolidate": R}),  # no value of ours (issue 19)
    "fingerprint-tampered": (fingerprint_tampered, {"show": 0, "verify": 2, "consolidate": R}),
    "invalid-utf8-cell": (invalid_utf8_cell, {"show": 2, "verify": 2, "consolidate": R}),
    "docx-named-.tailan": (docx_named_tailan, {"show": 2, "verify": 2, "consolidate": R}),
    "cyrillic-path-with-spaces-file (control)": (cyrillic_path_file, {"show": 0, "verify": 0, "consolidate": A}),
    # opened for editing (issue 19): the template's own schema is refused before it can run
    "template-trigger-on-change-log": (template_trigger, {"show": 2, "edit": 2}),
    "template-expression-index": (template_expression_index, {"show": 2, "edit": 2}),
    "template (control)": (template_plain, {"show": 0, "edit": 0}),
})


def check_good(good: Path) -> None:
    check_bytes(good.read_bytes())


def _received(kind):
    build = HOSTILE_FILES[kind][0]

    def built(folder, good):
        return build(folder, good)

    built.__name__ = kind
    return built


# Received checks (issue 10): never evaluated, never stalling, refused with their reason.
# ``show`` opens a file read-only and is fed only the kinds it can open; a file with a
# journal beside it is not fed to ``show`` (opening it would roll the journal back).
# A schema that is not ours is refused by ``show`` too (issue 19): every file opened gets the checks.
_SHOW_REFUSES = {"expensive-index-expression", "expensive-check-constraint", "expensive-generated-column",
                 "expensive-default", "endless-view", "hostile-migrations-table", "hostile-migrations-index",
                 "blob-id"}
_SHOW_OPENS = {"revision-integer-overflow", "year-overflow", "finalized-at-not-a-date"}
RECEIVED_KINDS: dict[str, tuple] = {
    f"received: {kind}": (_received(kind), {**({"show": 0} if kind in _SHOW_OPENS else {}),
                                            **({"show": 2} if kind in _SHOW_REFUSES else {}),
                                            "verify": 2, "consolidate": R})
    for kind in HOSTILE_FILES
}
assert set(HOSTILE_BESIDE) <= set(HOSTILE_FILES)
RECEIVED_SHORT = ("expensive-index-expression", "hostile-migrations-table", "blob-id",
                  "revision-integer-overflow", "-journal-beside")
KINDS.update({f"received: {k}": RECEIVED_KINDS[f"received: {k}"] for k in RECEIVED_SHORT})

