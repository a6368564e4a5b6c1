"""The next report of the year in a file of its own, in one step (``tailan-cli next``, the window's File menu).

``core.report.next_report`` decides what the new report holds; this writes it: a new file
with the report and the bytes of the evidence it carries (copied chunk by chunk from the
file it was made from, never through memory whole), built under a temporary name and
renamed into place only once complete, so a pulled USB stick never leaves half a file.
The file it was made from is only read.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import TailanError
from core.report.model import Period, Report
from core.report.next_report import carried_evidence, next_report
from core.storage import ReportFile
from core.storage.atomic import produce_atomically


def build_report_file(path: str | os.PathLike, report: Report, source: ReportFile | None = None) -> Path:
    """Creates ``path`` (which must not exist) holding ``report``, its carried evidence copied from ``source``.

    One transaction, flushed to the disk once at the end: the file holds all of it or,
    after a failure, nothing of the report; its caller gives it its real name.
    """
    wanted = carried_evidence(report)
    if wanted and source is None:
        raise TailanError("Нотлох баримтыг хуулах эх файл алга.")
    with ReportFile.create(path, flushed_once=True) as out:  # flushed once, whole, below
        with out.transaction():
            for sha256 in sorted(wanted):
                out.copy_stored_file(source, sha256)
            out.add_report(report)
    with open(path, "rb+") as handle:  # on the disk before anyone gives it its real name
        os.fsync(handle.fileno())
    return Path(path)


def write_next_file(rf: ReportFile, report_id: str, target: str | os.PathLike, period: Period,
                    year: int | None = None) -> Report:
    """Makes the report of ``period`` (and ``year``) from the file's report into the new file ``target``.

    Refuses a target that exists (nothing is replaced from the command line) or that is
    the open file itself.
    """
    target = Path(target)
    if target.exists():
        raise TailanError(f"«{target.name}» файл аль хэдийн байна: шинэ тайланг өөр нэрээр хадгална уу.")
    if not target.parent.is_dir():
        raise TailanError(f"«{target.parent}» хавтас олдсонгүй.")
    report = next_report(rf.load_report(report_id), period, year)
    produce_atomically(target, lambda temp: build_report_file(temp, report, rf))
    return report
