"""The report back as the official table in text (TAB-separated, one row per line).

It is the inverse of ``textimport``: what it writes imports to the same report, so a
table can go back into Word, and the round trip is a test of the importer.
"""

from __future__ import annotations

from core.report import scoring
from core.report.model import Report, Score
from core.report.official_form import HEADER_SUB, HEADER_TOP, TOTAL_LABEL, printed_score


def achieved_cell(achieved: str, score: Score | None) -> str:
    """The achieved text with the score written at its end, as on the form and as the importer reads it back."""
    suffix = printed_score(score)
    if not suffix:
        return achieved
    return f"{achieved} {suffix}" if achieved else suffix


def measure_cell(number: str, text: str) -> str:
    """The measure's cell: its number before its text, as the form writes them in one cell."""
    if not number:
        return text
    return f"{number} {text}" if text else number


def report_to_text(report: Report) -> str:
    """The report as Word's text export would write it, so that importing it gives the same report back."""
    lines = ["", ""]
    if report.appendix_label:
        lines += [report.appendix_label, ""]
    lines += [report.display_title(), ""]
    if report.report_date:
        lines += [report.report_date, ""]
    lines.append("\t".join(HEADER_TOP))
    lines.append("\t".join(HEADER_SUB))
    for goal in report.goals:
        if not goal.measures:
            lines.append("\t".join([goal.number, goal.text] + [""] * 6))
        for i, m in enumerate(goal.measures):
            first = [goal.number, goal.text] if i == 0 else ["", ""]
            cells = first + [
                measure_cell(m.number, m.text),
                m.indicator,
                m.baseline_year,
                m.baseline_level,
                m.target_level,
                achieved_cell(m.achieved, m.score),
            ]
            lines.append("\t".join(cells))
    total = scoring.display(scoring.report_total(report))
    lines.append("\t".join([TOTAL_LABEL] + [""] * 6 + [total]))
    lines.append("")
    for s in report.signatories:
        if s.role or s.position:
            lines += [f"{s.role}: {s.position}", ""]
    for s in report.signatories:
        if s.name:
            lines += [s.name, ""]
    return "\n".join(lines) + "\n"
