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
PLAN_HEADER_TOP = (
    "№",
    "Зорилт",
    "Хэрэгжүүлэх арга хэмжээ",
    "Гүйцэтгэлийн шалгуур үзүүлэлт",
    "Суурь түвшин",
    "",
    "Зорилтот түвшин",
    "Хэрэгжих хугацаа",
    "Хариуцах эзэн",
)
PLAN_HEADER_SUB = ("", "", "", "", "он", "түвшин", "", "", "")
#: The approving signature above a plan's title (the governor approves the plan).
APPROVED_WORD = "БАТЛАВ"
