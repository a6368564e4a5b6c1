"""Saves onto an existing file keep a backup; every name Tailan makes is short, safe and unique (issue 19).

Word, PDF, CSV and Excel replaced an existing file with no question and no backup
(only ``.tailan`` saves asked). An organization of about 100 letters made
``export-submission`` fail (the file name passed 255 bytes) and one of 300 letters
stopped a batch of receipts.
"""

from __future__ import annotations

import pytest
from helpers import digest, run_cli
from soums import Soum, aimag_pc

from core.aimag.consolidate import consolidate
from core.aimag.decisions import decide, waiting
from core.aimag.receipt import write_receipts
from core.aimag.register import set_expected
from core.storage import ReportFile
from core.storage.filenames import MAX_BYTES, MAX_CHARS, file_name, fits
from core.storage.replacing import backup_path_for

LONG = "Өвөрхангай аймгийн Засаг даргын Тамгын газрын харьяа Төрийн захиргааны удирдлагын газар"  # ~90 letters
LONGER = (LONG + " ") * 3 + "сум"  # ~300 letters


def within_limits(name: str) -> bool:
    return len(name) <= MAX_CHARS and len(name.encode("utf-8")) <= MAX_BYTES


def test_a_name_that_fits_is_left_readable_as_it_was():
    assert file_name(["Өвөрхангай", "Нарийнтээл сум", "2023", "жилийн"], ".tailan") == (
        "Өвөрхангай_Нарийнтээл-сум_2023_жилийн.tailan")


@pytest.mark.parametrize("organization", [LONG + " сум", LONGER, "А" * 1000])
def test_long_names_are_shortened_unique_and_keep_their_year_and_suffix(organization):
    one = file_name(["Өвөрхангай", organization, "2023", "жилийн"], ".tailan")
    other = file_name(["Өвөрхангай", organization + "2", "2023", "жилийн"], ".tailan")
    assert within_limits(one) and within_limits(other) and one != other
    assert one.startswith("Өвөрхангай_") and one.endswith("_2023_жилийн.tailan") or "~" in one
    assert one.endswith(".tailan") and "2023" in one


def test_unsafe_and_reserved_names_become_safe():
    assert file_name(["CON"], ".pdf") != "CON.pdf"
    name = file_name(["a/b\\c:d*e?f\x1b[2J\u202eg"], ".pdf")
    assert not set(name) & set('/\\:*?"<>|\x1b\u202e')


def test_export_submission_of_a_100_letter_organization(tmp_path, monkeypatch):
    soum = Soum(tmp_path, monkeypatch, "long").start(LONG + " сум").finalize()
    result = run_cli("export-submission", soum.file, "-o", soum.outbox)
    assert result.returncode == 0, result.stderr.decode()
    (written,) = soum.outbox.iterdir()
    assert within_limits(written.name) and written.name.startswith("Өвөрхангай_Өвөрхангай-аймгийн")
    again = run_cli("export-submission", soum.file, "-o", soum.outbox)  # again: the earlier one kept
    assert again.returncode == 0 and len(list(soum.outbox.iterdir())) == 2
    assert all(within_limits(p.name) for p in soum.outbox.iterdir())


def test_a_batch_of_receipts_for_300_letter_names(tmp_path, monkeypatch):
    names = [LONGER, LONGER[:-3] + "тосгон"]
    sent = [Soum(tmp_path, monkeypatch, f"s{i}").start(name).finalize().send() for i, name in enumerate(names)]
    db = aimag_pc(tmp_path, monkeypatch)
    with ReportFile.open(db) as rf:
        set_expected(rf, add=names)
    consolidate(sent, db)
    with ReportFile.open(db) as rf:
        for d in waiting(rf):
            decide(rf, d.id, True)
    out = tmp_path / "receipts"
    out.mkdir()
    with ReportFile.open(db, read_only=True) as rf:
        written = write_receipts(rf, names, out)
        backups = []
        again = write_receipts(rf, names, out, backups=backups)  # again: each earlier receipt kept
    assert len(set(written)) == 2 and all(within_limits(p.name) for p in written)
    assert again == written and len(backups) == 2 and all(b.exists() and within_limits(b.name) for b in backups)


def test_a_backup_of_a_long_named_file_fits_too(tmp_path):
    target = tmp_path / ("Т" * 95 + ".tailan")  # 196 bytes
    target.write_bytes(b"x")
    assert fits(backup_path_for(target).name)


@pytest.fixture
def report_file(tmp_path, monkeypatch):
    return Soum(tmp_path, monkeypatch, "n").start("Нарийнтээл сум").file


@pytest.mark.parametrize("command, suffix", [("export-pdf", ".pdf"), ("export-docx", ".docx")])
def test_the_command_line_keeps_an_earlier_printout_as_a_backup(report_file, tmp_path, command, suffix):
    target = tmp_path / f"тайлан{suffix}"
    target.write_bytes(b"the officer's earlier file")
    result = run_cli(command, report_file, "-o", target)
    assert result.returncode == 0, result.stderr.decode()
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("тайлан.хуучин-")]
    assert len(backups) == 1 and backups[0].read_bytes() == b"the officer's earlier file"
    assert backups[0].name in result.stderr.decode()
    assert digest(target) != digest(backups[0])


def test_the_rankings_outputs_keep_earlier_files(tmp_path, monkeypatch):
    sent = Soum(tmp_path, monkeypatch, "n").start("Нарийнтээл сум").finalize().send()
    db = aimag_pc(tmp_path, monkeypatch)
    consolidate([sent], db)
    with ReportFile.open(db) as rf:
        decide(rf, waiting(rf)[0].id, True)
    outputs = {opt: tmp_path / f"эрэмбэ{ext}" for opt, ext in (("--csv", ".csv"), ("--pdf", ".pdf"), ("--xlsx", ".xlsx"))}
    for path in outputs.values():
        path.write_bytes(b"earlier")
    args = [x for opt, path in outputs.items() for x in (opt, path)]
    result = run_cli("ranking", db, *args)
    assert result.returncode == 0, result.stderr.decode()
    kept = [p for p in tmp_path.iterdir() if ".хуучин-" in p.name]
    assert len(kept) == 3 and all(p.read_bytes() == b"earlier" for p in kept)


def test_an_evidence_files_name_fits_in_bytes_too():
    from core.report.evidence.names import safe_name

    name = safe_name("Ө" * 300 + ".pdf", "pdf")
    assert within_limits(name) and name.endswith(".pdf")
