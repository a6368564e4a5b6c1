"""The submission file: one finalized report, complete and self-contained, written atomically.

It is built in a temporary file beside the target, flushed to disk, reopened and
verified exactly as the aimag will verify it, and only then renamed to its final
name. A USB stick pulled out during the copy leaves a ``.partial`` file, never a
file under the real name that looks complete.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import TailanError, WriteError
from ..model import Report
from ..paths import FILE_SUFFIX
from ..storage import ReportFile, _friendly_write_error, _fsync_dir
from .verify import check_submission

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def submission_file_name(report: Report) -> str:
    """Says aimag, organization, year and period: ``Өвөрхангай_Нарийнтээл-сум_2023_жилийн.tailan``."""
    parts = [report.aimag or "аймаг", report.organization or "байгууллага", str(report.year or "он"), report.period.label.lower()]
    if report.revision > 1:
        parts.append(f"хувилбар{report.revision}")
    clean = ["-".join(_UNSAFE.sub(" ", p).split()) for p in parts]
    return "_".join(clean) + FILE_SUFFIX


def export_submission(rf: ReportFile, report_id: str, target: str | os.PathLike) -> Path:
    """Writes the submission file of a finalized report; ``target`` may be a folder."""
    report = rf.load_report(report_id)
    if not report.is_final:
        raise TailanError("Тайланг эхлээд баталгаажуулна уу (finalize); баталгаажаагүй тайланг илгээх боломжгүй.")
    target = Path(target)
    if target.is_dir():
        target = target / submission_file_name(report)
    if not target.parent.is_dir():
        raise WriteError(f"«{target.parent}» хавтас олдсонгүй. USB-ээ шалгаад дахин оролдоно уу.")
    if target.exists() and target.resolve() == rf.path.resolve():
        raise TailanError("Илгээх файлыг нээлттэй файлын оронд бичих боломжгүй. Өөр нэр сонгоно уу.")
    temp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        if temp.exists():
            temp.unlink()
        with ReportFile.create(temp) as out:
            with out._edit():
                out._insert_report(report)
                out.conn.executemany(
                    "INSERT INTO change_log (at, report_id, item_kind, item_id, field, old_value, new_value)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (e["at"], e["report_id"], e["item_kind"], e["item_id"], e["field"], e["old_value"], e["new_value"])
                        for e in rf.change_log(report.id)
                    ],
                )
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        verdict = check_submission(temp)
        if not verdict.ok:
            raise TailanError(f"Бичсэн файлыг шалгахад алдаа гарлаа: {verdict.reason}. Дахин оролдоно уу.")
        os.replace(temp, target)
        _fsync_dir(target.parent)
    except TailanError:
        _remove(temp)
        raise
    except OSError as exc:
        _remove(temp)
        raise _friendly_write_error(exc, target) from None
    return target


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        try:
            p.unlink()
        except OSError:
            pass
