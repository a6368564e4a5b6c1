"""The fixed texts of the official form (appendix of Government resolution 206 of 2020).

The importer recognises them, the text export writes them, and the printout prints
them: one place, so the three can never disagree.
"""

from __future__ import annotations

from core.report.model import SCORE_LABELS, Score

HEADER_TOP = (
    "№",
    "Зорилт",
    "Хэрэгжүүлэх арга хэмжээ",
    "Гүйцэтгэлийн шалгуур үзүүлэлт",
    "Суурь түвшин",
    "",
    "Зорилтот түвшин",
    "Хүрсэн түвшин буюу гүйцэтгэлийн хувь (хүрээгүй бол шалтгаан, нөхцөл, тайлбар)",
)
#: Under ``Суурь түвшин``, which spans its two sub-columns.
HEADER_SUB = ("", "", "", "", "он", "түвшин", "", "")
TOTAL_LABEL = "Биелэлтийн нийт дүн"
NOT_DUE_TEXT = SCORE_LABELS[Score.NOT_DUE]
SCORE_WORD = "Биелэлт"

#: The plan's table (issue 21): the report's columns without the achieved level, with the due
#: time and who is responsible (``Хэрэгжих хугацаа``, ``Хариуцах эзэн``) last.
PLAN_HEADER_TOP = (*HEADER_TOP[:7], "Хэрэгжих хугацаа", "Хариуцах эзэн")
PLAN_HEADER_SUB = (*HEADER_SUB[:7], "", "")
#: The approving signature above a plan's title (the governor approves the plan).
APPROVED_WORD = "БАТЛАВ"

#: Column widths of the printed form in millimetres (A4 landscape's frame; the achieved
#: level holds the most text, the year the least), the printout's and the Word export's.
COL_WIDTHS_MM = (9, 32, 46, 32, 12, 25, 30, 74)
#: The plan's nine columns: no achieved level; the due time and the responsible instead.
PLAN_COL_WIDTHS_MM = (9, 30, 54, 36, 12, 25, 33, 26, 35)


def printed_score(score: Score | None) -> str:
    """What stands at the end of the achieved-level cell (printout, Word, text): ``Биелэлт 70``,
    the not-due wording, or nothing for a measure not scored yet."""
    if score is None:
        return ""
    if score is Score.NOT_DUE:
        return NOT_DUE_TEXT
    return f"{SCORE_WORD} {score.value}"
