"""The report's title: built from the header until the user writes their own.

The official form's title names the organization and the year in three lines of
capitals (as in the sample report)::

    НАРИЙНТЭЭЛ СУМ, БАЙГУУЛЛАГЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГАА,
    АВЛИГАТАЙ ТЭМЦЭХ ҮНДЭСНИЙ ХӨТӨЛБӨРИЙН ЗОРИЛТ АРГА ХЭМЖЭЭГ ХЭРЭГЖҮҮЛЭХ
    2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ

A title printed with another soum's name is the worst mistake a report can carry,
so changing the organization, the year or the period also rewrites the title, as
long as the title is still the built one. Whether it is is decided by comparing it
with what would be built (capitals, spaces and punctuation aside), not by a flag
stored in the file: an imported Word title, a title from an older file and one
typed back to the form's text all follow, and no file format changes. A title the
user wrote differently is theirs and never rewritten; if it no longer names the
organization or the year, ``title_problems`` says so (problems panel, preflight).

``header_edits`` is the one place that decides what a header edit changes: the
window's header form (one undo step for both fields) and ``tailan-cli set
--report-field`` both call it.
"""

from __future__ import annotations

import re
from typing import Any

from core.errors import TailanError
from core.report.kinds import ItemKind
from core.report.model import Period, Report, default_title
from core.report.values import from_stored, to_stored

#: The header fields ``tailan-cli set --report-field`` and the header form edit.
HEADER_FIELDS = ("organization", "aimag", "year", "period", "report_date", "title", "appendix_label")
#: The fields the built title is made of.
TITLE_SOURCES = ("organization", "year", "period")

_NOT_WORD = re.compile(r"[^\w]+")


def build_title(organization: str, year: int | None, period: Period = Period.ANNUAL) -> str:
    """The official three-line title in capitals (``model.default_title``, the one place it is written)."""
    return default_title(organization, year, period)


def built_title_of(report: Report) -> str:
    """The title the report's own header gives now, to tell whether a written title still follows it."""
    return build_title(report.organization, report.year, report.period)


def _words(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.upper()).split())


def follows_header(report: Report) -> bool:
    """Whether the title is still the built one (empty counts: the printout builds it)."""
    return not report.title.strip() or _words(report.title) == _words(built_title_of(report))


def header_edits(report: Report, field: str, value: Any) -> list[tuple[str, Any]]:
    """The (field, value) pairs one header edit applies: the field, then the title if it follows.

    ``value`` may be text as typed (``"2024"``, ``"half-year"``); the pairs come back
    in model form. A value the file cannot hold raises core's ``TailanError``.
    An empty title stays empty: it is built when printed, so it follows by itself.
    """
    if field not in HEADER_FIELDS:
        raise TailanError(f"«{field}» талбар буруу. Болох нь: {', '.join(HEADER_FIELDS)}.")
    value = from_stored(field, to_stored(field, value))
    edits: list[tuple[str, Any]] = [(field, value)]
    if field in TITLE_SOURCES and report.title.strip() and follows_header(report):
        values = {name: getattr(report, name) for name in TITLE_SOURCES}
        values[field] = value
        rebuilt = build_title(values["organization"], values["year"], values["period"])
        if rebuilt != report.title:
            edits.append(("title", rebuilt))
    return edits


def title_problems(report: Report) -> list[str]:
    """What a hand-written title lacks: ``organization`` and/or ``year`` (empty when it follows)."""
    if follows_header(report):
        return []
    words = _words(report.title)
    missing = []
    organization = _words(report.organization)
    if organization and organization not in words:
        missing.append("organization")
    if report.year and str(report.year) not in words.split():
        missing.append("year")
    return missing


def set_header_field(rf, report: Report, field: str, value: Any) -> list[tuple[str, Any]]:
    """Applies one header edit to the file and to ``report`` (the command line's ``--report-field``)."""
    edits = header_edits(report, field, value)
    for name, new in edits:
        rf.set_field(ItemKind.REPORT, report.id, name, new)
        setattr(report, name, new)
    return edits


def apply_header_field(report: Report, field: str, value: Any) -> None:
    """The same edit on a report not yet stored (an import with ``--organization``)."""
    for name, new in header_edits(report, field, value):
        setattr(report, name, new)
