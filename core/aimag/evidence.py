"""The evidence of a soum's report at the aimag: read from the archive copy, checked against what was accepted.

The aimag's file keeps each accepted report's signed content (``submissions``), which
names every attached file by its hash; the bytes are in the archive copy of the
received file (``core.aimag.archived``). Before a file leaves the archive, the copy's
report is held against the accepted fingerprint (so the list is the signed one) and
each file's bytes against its hash as they are written (``write_out``). Nothing is
opened: files are written into a folder the reviewer chose.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.aimag.archived import archived_file
from core.errors import TailanError
from core.report.evidence.attaching import one_measure, write_out
from core.report.model import Report
from core.storage import ReportFile
from core.trust.fingerprint import compute_fingerprint


def open_archived_report(rf: ReportFile, fingerprint: str) -> tuple[ReportFile, Report]:
    """The archive copy of an accepted submission, opened read-only, and its report, checked to be the
    one accepted; the caller closes the file."""
    path = archived_file(rf, fingerprint)
    archived = ReportFile.open(path, read_only=True)
    try:
        report = archived.load_report(archived.resolve_report_id(None))
        if report.fingerprint != fingerprint or compute_fingerprint(report) != fingerprint:
            raise TailanError(f"Архивын «{path.name}» файл хүлээн авсан тайлантай таарахгүй байна (өөрчлөгдсөн "
                              "байж магадгүй). Илгээгчээс дахин авч нэгтгэнэ үү.")
    except BaseException:
        archived.close()
        raise
    return archived, report


def extract_organization_evidence(rf: ReportFile, organization: str, measure_number: str | None,
                                  folder: str | os.PathLike, year: int | None = None,
                                  period: str | None = None) -> list[tuple[Path, bool]]:
    """Writes an organization's current report's evidence (one measure, or all in a folder each) into ``folder``."""
    from core.aimag.remarks import current_submission

    _, fingerprint, _, _ = current_submission(rf, organization, year, period)
    archived, report = open_archived_report(rf, fingerprint)
    with archived:
        return write_measures(archived, report, measure_number, Path(folder))


def write_measures(rf: ReportFile, report: Report, measure_number: str | None, folder: Path) -> list[tuple[Path, bool]]:
    """One measure's files into ``folder``, or, without a number, each measure's into a folder named by its number."""
    if measure_number is not None:
        return write_out(rf, one_measure(report, measure_number).evidence, folder)
    from core.report.evidence.names import safe_name

    written: list[tuple[Path, bool]] = []
    for measure in report.measures():
        if measure.evidence:
            written += write_out(rf, measure.evidence, folder / safe_name(measure.number.rstrip(".") or measure.id))
    return written


# --------------------------------------------------- the reviewer's remarks on evidence
MISSING_REMARK = "Нотлох баримт дутуу: энэ арга хэмжээний хэрэгжилтийг нотлох баримтыг хавсаргаж дахин илгээнэ үү."


def unreadable_remark(name: str, sha256: str) -> str:
    """The remark's words for one file the reviewer could not read (named with its fingerprint's head)."""
    return (f"«{name}» нотлох баримт (хурууны хээ {sha256[:8]}) уншигдахгүй байна: файлыг шалгаад дахин "
            "хавсаргаж илгээнэ үү.")


def evidence_remark(report: Report, measure_number: str | None, missing: bool = False,
                    unreadable: str | None = None, text: str = "") -> str:
    """A remark's text pointing at missing or unreadable evidence of a measure, before the reviewer's own words."""
    if not missing and unreadable is None:
        return text
    if measure_number is None:
        raise TailanError("Нотлох баримтын тухай тайлбарыг арга хэмжээнд (--measure) өгнө.")
    measure = one_measure(report, measure_number)
    parts = []
    if missing:
        parts.append(MISSING_REMARK)
    if unreadable is not None:
        found = [e for e in measure.evidence if e.name == unreadable]
        if not found:
            listed = ", ".join(f"«{e.name}»" for e in measure.evidence) or "хавсралт алга"
            raise TailanError(f"«{unreadable}» нотлох баримт {measure.number} арга хэмжээнд алга ({listed}).")
        parts.append(unreadable_remark(found[0].name, found[0].sha256))
    if text.strip():
        parts.append(text.strip())
    return " ".join(parts)
