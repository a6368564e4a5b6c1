"""The reviewer's remarks on a received report, and the scores the reviewer proposes.

Remarks live in the aimag's file, tied to the fingerprint of the submission they are
about, with who wrote them (the reviewer's name, ``core.aimag.reviewer``) and when (the
local time with its offset). They never change the soum's submission: they
travel back to the soum in the receipt (``core.aimag.receipt``), where taking a
proposed score is an ordinary, undoable edit of the soum's own.
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass

from core.aimag import register, reviewer
from core.errors import NotFoundError, TailanError
from core.report.model import Report, Score
from core.storage import ReportFile
from core.storage.clock import local_now_iso
from core.storage.remarks import insert_remark, remarks_about
from core.storage.submissions import latest_current
from core.trust.fingerprint import report_from_content

MAX_REMARK_CHARS = 10_000


@dataclass
class Remark:
    """One remark of the reviewer on a received report (or one measure of it), with a proposed score, who and when."""

    measure: str | None  # the measure's number as the report writes it; None for the report
    text: str
    score: str | None  # a proposed Score value ("100", "70", "30", "0", "not-due")
    author: str
    at: str

    def to_json(self) -> dict:
        """The remark as the receipt carries it and ``review --json`` prints it."""
        return {"measure": self.measure, "text": self.text, "score": self.score, "author": self.author, "at": self.at}


def current_submission(rf: ReportFile, organization: str, year: int | None = None,
                       period: str | None = None) -> tuple[Report, str, str, str]:
    """(report, fingerprint, received_at, registered name) of an organization's current report.

    With several years or periods, the one received last unless ``year``/``period`` say.
    """
    org_id, name = register.require_by_name(rf, organization)
    row = latest_current(rf, org_id, year, period)
    if row is None:
        raise NotFoundError(f"{name}-ийн хүлээн авсан тайлан нэгтгэлд алга.")
    return report_from_content(json.loads(row[0])), row[1], row[2], name


def add_remark(rf: ReportFile, organization: str, text: str, measure: str | None = None,
               score: str | None = None, author: str | None = None, year: int | None = None,
               period: str | None = None) -> Remark:
    """Attaches a remark (and a proposed score, for a measure) to an organization's current report."""
    text = text.strip()
    if not text and score is None:
        raise TailanError("Тайлбарын текст хоосон байна.")
    if len(text) > MAX_REMARK_CHARS:
        raise TailanError(f"Тайлбар хэт урт ({len(text)} тэмдэгт); {MAX_REMARK_CHARS} хүртэл.")
    report, fingerprint, _, _ = current_submission(rf, organization, year, period)
    number = None
    if measure is not None:
        found = report.find_measure(measure)
        if len(found) != 1:
            raise NotFoundError(f"«{measure}» дугаартай арга хэмжээ тайланд {'олдсонгүй' if not found else 'олон байна'}.")
        number = found[0].number
    if score is not None:
        if number is None:
            raise TailanError("Санал болгох үнэлгээг арга хэмжээнд (--measure) өгнө.")
        try:
            parsed = Score.parse(score)
        except ValueError:
            raise TailanError(f"«{score}» үнэлгээ буруу. 100, 70, 30, 0 эсвэл not-due байна.") from None
        score = parsed.value if parsed is not None else None
    remark = Remark(number, text, score, reviewer.who(author), local_now_iso())
    insert_remark(rf, fingerprint, astuple(remark), remark.to_json())
    return remark


def remarks_for(rf: ReportFile, fingerprint: str) -> list[Remark]:
    """The remarks on one submission, by its fingerprint, in the order written: a new revision starts with none."""
    return [Remark(*row) for row in remarks_about(rf, fingerprint)]

