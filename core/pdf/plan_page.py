"""What a plan's printout adds to the official page: the approving signature above the title.

The plan is approved by the governor (``БАТЛАВ``) before the year's work begins: the
approval stands at the top right, above the title, as on every approved document; the
preparers sign under the table (``layout.plan_rows``). A signatory whose role is
``БАТЛАВ`` (or ``БАТЛАСАН``) is the approver; a plan without one gets the word and an
empty line, so the governor can sign by hand.
"""

from __future__ import annotations

from core.pdf.cells import markup
from core.pdf.layout import SIGN_LINE, is_approver
from core.pdf.page_setup import MM
from core.report.model import Report
from core.report.official_form import APPROVED_WORD

#: The subject a plan's PDF carries (a report's names its implementation).
PLAN_SUBJECT = "Авлигын эсрэг үйл ажиллагааны төлөвлөгөө"


def approval_lines(report: Report) -> list[str]:
    """``БАТЛАВ.`` and one ``POSITION ........ NAME`` line per approver (an empty line without one)."""
    approvers = [s for s in report.signatories if is_approver(s.role)]
    lines = [f"{APPROVED_WORD}."]
    for s in approvers:
        lines.append(f"{s.position.strip()} {SIGN_LINE} {s.name.strip()}".strip())
    if not approvers:
        lines.append(SIGN_LINE)
    return lines


def approval_story(report: Report, styles) -> list:
    """The approval block's flowables: right-aligned, bold, with room to sign."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    style = ParagraphStyle("approval", parent=styles["label"], fontName=styles["title"].fontName, leading=16)
    story = [Paragraph(markup(line), style) for line in approval_lines(report)]
    return story + [Spacer(1, 4 * MM)]
