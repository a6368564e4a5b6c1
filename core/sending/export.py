"""The submission file: one finalized report with its evidence, complete and self-contained, written atomically.

It is built in a temporary file beside the target, flushed to disk, reopened and
verified exactly as the aimag will verify it, and only then renamed to its final
name (``core.storage.atomic``). A USB stick pulled out during the copy never leaves a file
under the real name that looks complete.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import TailanError
from core.paths import FILE_SUFFIX
from core.received.verify import check_submission
from core.report.model import Report
from core.storage import ReportFile
from core.storage.atomic import produce_atomically
from core.storage.filenames import file_name

def submission_file_name(report: Report) -> str:
    """Says aimag, organization, year and period: ``Өвөрхангай_Нарийнтээл-сум_2023_жилийн.tailan``."""
    parts = [report.aimag or "аймаг", report.organization or "байгууллага", str(report.year or "он"), report.period.label.lower()]
    if report.revision > 1:
        parts.append(f"хувилбар{report.revision}")
    return file_name(parts, FILE_SUFFIX)  # short enough on any disk, however long the names (core.storage.filenames)


def export_submission(rf: ReportFile, report_id: str, target: str | os.PathLike) -> Path:
    """Writes the submission file of a finalized report; ``target`` may be a folder."""
    report = rf.load_report(report_id)
    if not report.is_final:
        raise TailanError("Тайланг эхлээд баталгаажуулна уу (finalize); баталгаажаагүй тайланг илгээх боломжгүй.")
    target = Path(target)
    if target.is_dir():
        target = target / submission_file_name(report)
    if target.exists() and target.resolve() == rf.path.resolve():
        raise TailanError("Илгээх файлыг нээлттэй файлын оронд бичих боломжгүй. Өөр нэр сонгоно уу.")
    for measure in report.measures():
        measure.earlier_evidence = []  # last year's list is the soum's own reference; it is not sent

    def build_and_verify(temp: Path) -> None:
        with ReportFile.create(temp) as out:
            out.flush_only_when_closed()  # it reaches the disk whole before its rename (produce_atomically)
            with out.transaction():
                for sha256, _, _ in rf.stored_files(report.id):  # the evidence's bytes, chunk by chunk
                    out.copy_stored_file(rf, sha256)
                out.insert_report(report)
                out.insert_change_log(rf.change_log(report.id))
        verdict = check_submission(temp, own_file=True)  # as the aimag will check it (our own file: no copy)
        if not verdict.ok:
            raise TailanError(f"Бичсэн файлыг шалгахад алдаа гарлаа: {verdict.reason}. Дахин оролдоно уу.")

    produce_atomically(target, build_and_verify)
    return target
