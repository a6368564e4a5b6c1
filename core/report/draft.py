"""A report is a draft while any measure lacks a score: how every output says so.

The printout, the Word file and the window show the same words: the total is final
(``82,8``) only when every measure has a score. In a draft the current partial mean is
still useful to the officer checking the figures, so it is shown, but said plainly to
be a draft and not final, with the count of measures without a score, and every page
carries the draft notice.
"""

from __future__ import annotations

from core.report.model import Report
from core.report.scoring import summarize

#: The word stamped across every page of a draft printout.
DRAFT_WORD = "ТӨСӨЛ"
#: The notice at the top of every page of a draft (printout and Word).
DRAFT_NOTE = "ТӨСӨЛ: бүх арга хэмжээ үнэлэгдээгүй тул эцсийн тайлан биш"


def is_draft(report: Report) -> bool:
    """Any measure unscored: its outputs are marked as a draft, never to be taken for the signed one."""
    return not summarize(report).is_complete


def total_text(report: Report) -> str:
    """The total as the reviewer must read it: final, or the partial mean said to be a draft."""
    summary = summarize(report)
    if summary.is_complete:
        return summary.total_display or "—"
    return f"Төсөл: {summary.total_display or '—'} (эцсийн дүн биш, {len(summary.unscored)} арга хэмжээ үнэлгээгүй)"
