"""Finalize, the fingerprint, the submission file and its verification (issue 5, soum side)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3

import pytest
from helpers import REPO, digest, read_only_folder, run_cli

from core.errors import ReadOnlyError, TailanError, WriteError
from core.received.verify import check_submission
from core.report.model import Goal, Measure, Period, Report, Score, Signatory
from core.sending.export import export_submission, submission_file_name
from core.sending.lifecycle import finalize, reopen
from core.storage import ReportFile
from core.trust.fingerprint import canonical_bytes, compute_fingerprint, short_code


def score_all(rf, report_id):
    report = rf.load_report(report_id)
    for number, score in (("6.1", Score.FULL), ("6.2", Score.FULL), ("6.3", Score.IN_PROGRESS)):
        rf.set_field("measure", report.find_measure(number)[0].id, "score", score)


@pytest.fixture
def final_file(sample_file):
    with ReportFile.open(sample_file) as rf:
        rid = rf.resolve_report_id(None)
        score_all(rf, rid)
        finalize(rf, rid)
    return sample_file


@pytest.fixture
def submission(final_file, tmp_path):
    out = tmp_path / "usb"
    out.mkdir()
    with ReportFile.open(final_file, read_only=True) as rf:
        return export_submission(rf, rf.resolve_report_id(None), out)


# ---------------------------------------------------------------- fingerprint
def vector_report() -> Report:
    """The test vector of docs/file-format.md: fixed identities, fixed time."""
    return Report(
        id="00000000-0000-4000-8000-000000000001",
        organization="Нарийнтээл сум",
        aimag="Өвөрхангай",
        year=2023,
        period=Period.ANNUAL,
        report_date="2023.12.08",
        appendix_label="Засгийн газрын 2020 оны 206 дугаар тогтоолын хавсралт",
        title="НАРИЙНТЭЭЛ СУМ\n2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ",
        revision=1,
        finalized_at="2023-12-08T09:00:00.000+00:00",
        signatories=[Signatory(id="00000000-0000-4000-8000-000000000002", role="ХЯНАСАН", position="СУМЫН ЗАСАГ ДАРГА", name="Б.СУГАР.")],
        goals=[
            Goal(
                id="00000000-0000-4000-8000-000000000003",
                number="1",
                text="Авлигын эсрэг хууль тогтоомжийг сурталчлах",
                measures=[
                    Measure(id="00000000-0000-4000-8000-000000000004", number="1.1.", text="Ө ө Ү ү", indicator="тоо",
                            baseline_year="2022", baseline_level="-", target_level="2000", achieved="126", score=Score.IN_PROGRESS),
                    Measure(id="00000000-0000-4000-8000-000000000005", number="1.2.", text="Хугацаа", score=Score.NOT_DUE),
                ],
            )
        ],
    )


VECTOR_FINGERPRINT = "see docs/file-format.md"


def test_fingerprint_test_vector_matches_the_documentation():
    from helpers import REPO

    doc = (REPO / "docs" / "file-format.md").read_text(encoding="utf-8")
    fp = compute_fingerprint(vector_report())
    assert fp in doc
    assert canonical_bytes(vector_report()).decode("utf-8") in doc
    assert short_code(fp) in doc


def test_fingerprint_changes_with_any_field():
    base = compute_fingerprint(vector_report())
    changes = [
        lambda r: setattr(r, "organization", r.organization + " "),
        lambda r: setattr(r, "year", 2024),
        lambda r: setattr(r, "revision", 2),
        lambda r: setattr(r.signatories[0], "name", "Б.СУГАР"),
        lambda r: setattr(r.goals[0], "number", "1."),
        lambda r: setattr(r.goals[0].measures[0], "score", Score.FULL),
        lambda r: setattr(r.goals[0].measures[1], "achieved", "x"),
        lambda r: r.goals[0].measures.reverse(),
    ]
    for change in changes:
        report = vector_report()
        change(report)
        assert compute_fingerprint(report) != base


def test_the_fingerprint_covers_every_field_of_the_model():
    """The fingerprint's field lists are frozen with its format: a field added to the model
    fails here, so it is taken into a new format on purpose, never dropped in silence."""
    from dataclasses import fields

    from core.trust import fingerprint as fp

    signing = {"fingerprint", "signature", "goals", "signatories"}  # the result, and the lists
    assert {f.name for f in fields(Report)} - signing == set(fp.REPORT_V1_FIELDS + fp.REPORT_V2_FIELDS)
    assert {f.name for f in fields(Signatory)} == set(fp.SIGNATORY_V1_FIELDS)
    assert {f.name for f in fields(Goal)} - {"measures"} == set(fp.GOAL_V1_FIELDS)
    # a measure's files are signed from v3 on; last year's list is for reference only, never signed
    # the plan's fields and the link to the measure it came from are signed from v4 on
    assert {f.name for f in fields(Measure)} - {"evidence", "earlier_evidence"} == set(
        fp.MEASURE_V1_FIELDS + fp.MEASURE_V4_FIELDS)
    from core.report.model import Evidence

    assert {f.name for f in fields(Evidence)} - {"id", "year"} == set(fp.EVIDENCE_V3_FIELDS)


def test_the_canonical_content_reads_back_as_the_same_report():
    import json

    from core.trust.fingerprint import report_from_content

    for key in (None, "ab" * 32):
        report = vector_report()
        report.public_key, report.previous_fingerprint = key, ("cd" * 32 if key else None)
        again = report_from_content(json.loads(canonical_bytes(report)))
        assert again == report and canonical_bytes(again) == canonical_bytes(report)


# ---------------------------------------------------------------- finalize
def test_finalize_refuses_unscored_measures(sample_file):
    with ReportFile.open(sample_file) as rf:
        with pytest.raises(TailanError, match="6.1., 6.2., 6.3."):
            finalize(rf, rf.resolve_report_id(None))


def test_finalized_report_refuses_edits_until_reopened(final_file):
    with ReportFile.open(final_file) as rf:
        rid = rf.resolve_report_id(None)
        report = rf.load_report(rid)
        assert report.is_final and len(report.fingerprint) == 64
        assert report.fingerprint == compute_fingerprint(report)
        for attempt in (
            lambda: rf.set_field("measure", report.measures()[0].id, "achieved", "x"),
            lambda: rf.set_field("report", rid, "organization", "x"),
            lambda: rf.delete_goal(report.goals[0].id),
            lambda: rf.insert_measure(report.goals[0].id, 0, Measure()),
            lambda: rf.move_measure(report.measures()[0].id, report.goals[1].id, 0),
            lambda: rf.insert_signatory(rid, 0, Signatory()),
        ):
            with pytest.raises(ReadOnlyError, match="баталгаажуулсан"):
                attempt()
        again = reopen(rf, rid)
        assert (again.revision, again.finalized_at, again.fingerprint) == (2, None, None)
        rf.set_field("measure", report.measures()[0].id, "achieved", "засвар")
        fields = [e["field"] for e in rf.change_log(rid)]
        assert fields[-3:] == ["(finalize)", "(reopen)", "achieved"]


def test_cli_finalize_edit_reopen(sample_file):
    assert run_cli("finalize", sample_file).returncode == 2
    for number, score in (("6.1", "100"), ("6.2", "100"), ("6.3", "70")):
        assert run_cli("set", sample_file, "--measure", number, "--score", score).returncode == 0
    result = run_cli("finalize", sample_file)
    assert result.returncode == 0 and "хурууны хээ" in result.stdout.decode()
    before = digest(sample_file)
    refused = run_cli("set", sample_file, "--measure", "1.1", "--score", "100")
    assert refused.returncode == 2 and "баталгаажуулсан" in refused.stderr.decode()
    assert digest(sample_file) == before
    assert run_cli("reopen", sample_file).returncode == 0
    assert run_cli("set", sample_file, "--measure", "1.1", "--score", "100").returncode == 0


# ---------------------------------------------------------------- submission file
def test_submission_is_named_complete_and_verified(submission, final_file):
    assert submission.name == "Өвөрхангай_Нарийнтээл-сум_2023_жилийн.tailan"
    assert [p.name for p in submission.parent.iterdir()] == [submission.name]
    verdict = check_submission(submission)
    assert verdict.ok, verdict.reason
    with ReportFile.open(final_file, read_only=True) as rf:
        original = rf.load_report(rf.resolve_report_id(None))
    assert verdict.report == original
    assert run_cli("verify", submission).returncode == 0


def test_submission_holds_only_that_report(final_file, tmp_path):
    from helpers import SAMPLE_TXT

    from core.tables.textimport import import_file

    with ReportFile.open(final_file) as rf:
        other = import_file(SAMPLE_TXT).report
        other.year = 2024
        rf.add_report(other)
        target = rf.list_reports()[0].id
        path = export_submission(rf, target, tmp_path / "one.tailan")
    with ReportFile.open(path, read_only=True) as sub:
        assert [r.id for r in sub.list_reports()] == [target]


def test_unfinalized_report_cannot_be_sent(sample_file, tmp_path):
    with ReportFile.open(sample_file, read_only=True) as rf:
        with pytest.raises(TailanError, match="баталгаажуулна"):
            export_submission(rf, rf.resolve_report_id(None), tmp_path)
    assert list(tmp_path.glob("*.tailan")) == [sample_file]


def test_submission_to_missing_or_read_only_folder(final_file, tmp_path):
    with ReportFile.open(final_file, read_only=True) as rf:
        rid = rf.resolve_report_id(None)
        with pytest.raises(WriteError, match="олдсонгүй"):
            export_submission(rf, rid, tmp_path / "gone" / "x.tailan")
        with read_only_folder(tmp_path, {}) as folder:
            with pytest.raises(WriteError, match="бичих"):
                export_submission(rf, rid, folder)
            assert list(folder.iterdir()) == []


def test_cli_export_submission(final_file, tmp_path):
    result = run_cli("export-submission", final_file, "-o", tmp_path / "out.tailan")
    assert result.returncode == 0, result.stderr.decode()
    assert check_submission(tmp_path / "out.tailan").ok
    bad = run_cli("export-submission", final_file, "-o", tmp_path / "nowhere" / "x.tailan")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr.decode()


def test_file_name_is_safe_on_windows():
    r = Report(organization='Сум: "А/Б"', aimag="Өвөр*хангай", year=2024, period=Period.HALF_YEAR, revision=3)
    assert submission_file_name(r) == "Өвөр-хангай_Сум-А-Б_2024_хагас-жилийн_хувилбар3.tailan"


# ---------------------------------------------------------------- tampering
TAMPERS = [
    ("reports", "organization", "'Өөр сум'"),
    ("reports", "aimag", "'Архангай'"),
    ("reports", "year", "2022"),
    ("reports", "period", "'half-year'"),
    ("reports", "report_date", "'2023.12.09'"),
    ("reports", "appendix_label", "''"),
    ("reports", "title", "title || ' '"),
    ("reports", "revision", "5"),
    ("reports", "finalized_at", "'2024-01-01T00:00:00.000+00:00'"),
    ("reports", "fingerprint", "'0000000000000000000000000000000000000000000000000000000000000000'"),
    ("goals", "number", "number || '.'"),
    ("goals", "text", "text || 'x'"),
    ("goals", "sort_order", "-sort_order"),
    ("measures", "number", "'9.9.'"),
    ("measures", "text", "text || 'x'"),
    ("measures", "indicator", "'x'"),
    ("measures", "baseline_year", "'2021'"),
    ("measures", "baseline_level", "'x'"),
    ("measures", "target_level", "'x'"),
    ("measures", "achieved", "achieved || '.'"),
    ("measures", "score", "'100'"),
    ("signatories", "role", "'x'"),
    ("signatories", "position", "'x'"),
    ("signatories", "name", "'Б.ӨӨР.'"),
]


@pytest.mark.parametrize("table,column,expression", TAMPERS, ids=[f"{t}.{c}" for t, c, _ in TAMPERS])
def test_any_change_to_a_finalized_report_is_detected(submission, tmp_path, table, column, expression):
    tampered = tmp_path / "tampered.tailan"
    shutil.copyfile(submission, tampered)
    conn = sqlite3.connect(tampered)
    conn.execute("PRAGMA foreign_keys = OFF")
    where = " WHERE rowid = (SELECT max(rowid) FROM measures WHERE score != '100')" if (table, column) == ("measures", "score") else ""
    conn.execute(f"UPDATE {table} SET {column} = {expression}{where}")
    assert conn.total_changes > 0
    conn.commit()
    conn.close()
    before = digest(tampered)
    verdict = check_submission(tampered)
    assert not verdict.ok
    assert "хурууны хээ" in verdict.reason or "баталгаажаагүй" in verdict.reason
    result = run_cli("verify", tampered)
    assert result.returncode == 2 and "ТАТГАЛЗСАН" in result.stdout.decode()
    assert digest(tampered) == before


def test_a_failed_write_names_the_target_not_the_temporary_file(final_file, tmp_path):
    """A real limit, not a patched function: the command line may write at most 16 KiB, so
    the submission's temporary file cannot be written whole (as on a full USB stick)."""
    import resource
    import signal
    import subprocess
    import sys

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an over-long write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    out = tmp_path / "usb"
    out.mkdir()
    result = subprocess.run([sys.executable, "-m", "core.cli", "export-submission", str(final_file), "-o",
                             str(out / "x.tailan")], capture_output=True, cwd=REPO, preexec_fn=limited,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    message = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in message, message
    assert "x.tailan" in message and ".partial" not in message and list(out.iterdir()) == []
    assert not re.search("[A-Za-z]{3,}", message.replace(str(out / "x.tailan"), "").replace("tailan-cli", "").replace("USB", ""))


def test_a_copy_cut_at_a_page_boundary_is_called_truncated(submission, tmp_path):
    """Whole pages but fewer than the header counts: a copy that stopped early."""
    data = submission.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    cut = tmp_path / "cut.tailan"
    cut.write_bytes(data[: len(data) - page])
    verdict = check_submission(cut)
    assert not verdict.ok and "таслагдсан" in verdict.reason
