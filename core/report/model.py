"""The report as plain data: what a soum office fills in, independent of storage and screen.

Everything here is ordinary Python so that the scoring rules, the importer, the PDF
exporter and the command line can be tested without a database or a window.
Text fields keep exactly what the user wrote: numbers such as ``3.`` or ``2.1.``
stay as written, and typos are never corrected.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


def new_id() -> str:
    """A random UUID: files from many soums merge at the aimag without clashes."""
    import uuid  # here: reading and printing a report never make one (uuid loads the platform module)

    return str(uuid.uuid4())


class Score(enum.Enum):
    """The official scale for one measure (resolution 206 evaluations).

    ``None`` in place of a ``Score`` means "not yet given": the measure still needs
    an evaluation, so the report is not final.
    """

    FULL = "100"
    IN_PROGRESS = "70"
    INSUFFICIENT = "30"
    NOT_IMPLEMENTED = "0"
    NOT_DUE = "not-due"

    @property
    def percent(self) -> int | None:
        """The points this score adds to the mean; ``None`` when left out of it."""
        return None if self is Score.NOT_DUE else int(self.value)

    @property
    def label(self) -> str:
        """The official Mongolian wording of the score, as the form and the window show it."""
        return SCORE_LABELS[self]

    @classmethod
    def parse(cls, text: str | int | None) -> "Score | None":
        """Reads ``100 70 30 0 not-due none`` (and the integers); raises ValueError."""
        if text is None:
            return None
        key = str(text).strip().lower()
        if key in ("none", "null", ""):
            return None
        for score in cls:
            if score.value == key:
                return score
        raise ValueError(key)


SCORE_LABELS = {
    Score.FULL: "Бүрэн хэрэгжсэн",
    Score.IN_PROGRESS: "Хэрэгжих шатандаа",
    Score.INSUFFICIENT: "Хэрэгжилт хангалтгүй",
    Score.NOT_IMPLEMENTED: "Хэрэгжээгүй",
    Score.NOT_DUE: "Хэрэгжилт тооцох хугацаа болоогүй",
}


class Period(enum.Enum):
    """What the report is: the year's plan, or the report on its first half or on the whole year.

    The plan is approved at the start of the year (it has no achieved text and no scores);
    the half-year and the annual reports are made from it (``core.report.next_report``).
    The title follows the period.
    """

    ANNUAL = "annual"
    HALF_YEAR = "half-year"
    PLAN = "plan"

    @property
    def label(self) -> str:
        """The Mongolian word for the period (``Жилийн``, ``Хагас жилийн``, ``Төлөвлөгөө``), as lists show it."""
        return {"annual": "Жилийн", "half-year": "Хагас жилийн", "plan": "Төлөвлөгөө"}[self.value]

    @property
    def document(self) -> str:
        """What the document is called in a sentence: ``жилийн тайлан``, ``хагас жилийн тайлан``, ``төлөвлөгөө``."""
        return {"annual": "жилийн тайлан", "half-year": "хагас жилийн тайлан", "plan": "төлөвлөгөө"}[self.value]

    @property
    def is_plan(self) -> bool:
        """A plan: no achieved text, no scores; its printout is titled and signed as a plan."""
        return self is Period.PLAN


#: The text fields of a measure, by their JSON/command-line names, in table order.
MEASURE_TEXT_FIELDS = (
    "number",
    "text",
    "indicator",
    "baseline_year",
    "baseline_level",
    "target_level",
    "achieved",
    "responsible",
    "due",
)
GOAL_FIELDS = ("number", "text")
REPORT_FIELDS = (
    "organization",
    "aimag",
    "year",
    "period",
    "report_date",
    "appendix_label",
    "title",
)
SIGNATORY_FIELDS = ("role", "position", "name")


@dataclass(frozen=True)
class Evidence:
    """One file that proves a measure (a photo, a scan, a document), as the report names it.

    The bytes live in the file once per content (``core.storage.attachments``), found by
    ``sha256``; ``name`` is the safe file name it is shown and extracted under, ``type``
    an ``EvidenceType`` value recognised from the content. ``year`` is set only on an
    earlier report's evidence listed for reference in a report carried forward.
    """

    name: str
    sha256: str
    size: int
    type: str
    id: str = field(default_factory=new_id)
    year: int | None = None


@dataclass
class Measure:
    """One row of the table: a measure's texts as the user wrote them and its score (``None`` until given).

    ``responsible`` (Хариуцах эзэн) and ``due`` (Хэрэгжих хугацаа) are the plan's, optional.
    ``origin`` is the id of the measure this one was made from (the plan's measure in a
    half-year report, the half-year's in the annual one), so the aimag can hold a report
    against the approved plan; ``None`` for a measure typed or imported here.
    ``evidence`` are the files attached to it, in order; ``earlier_evidence`` lists, for
    reference only, what the measure carried in the report this one was carried forward from.
    """

    number: str = ""
    text: str = ""
    indicator: str = ""
    baseline_year: str = ""
    baseline_level: str = ""
    target_level: str = ""
    achieved: str = ""
    score: Score | None = None
    id: str = field(default_factory=new_id)
    responsible: str = ""
    due: str = ""
    origin: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    earlier_evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Goal:
    """A goal of the plan and its measures in table order; its mean is computed, never stored."""

    number: str = ""
    text: str = ""
    measures: list[Measure] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Signatory:
    """One signature line under the table: role, position and name as written."""

    role: str = ""
    position: str = ""
    name: str = ""
    id: str = field(default_factory=new_id)


DEFAULT_APPENDIX_LABEL = "Засгийн газрын 2020 оны 206 дугаар тогтоолын хавсралт"


_TITLE_MIDDLE = "АВЛИГАТАЙ ТЭМЦЭХ ҮНДЭСНИЙ ХӨТӨЛБӨРИЙН ЗОРИЛТ АРГА ХЭМЖЭЭГ ХЭРЭГЖҮҮЛЭХ"


def default_title(organization: str, year: int | None, period: "Period | None" = None) -> str:
    """The official form's three-line title in capitals (Ө and Ү included), from the header;
    ``core.report.title`` decides when a report's title follows it."""
    org = " ".join(organization.split()).upper() or "БАЙГУУЛЛАГА"
    plan = {Period.HALF_YEAR: "ТӨЛӨВЛӨГӨӨНИЙ ХАГАС ЖИЛИЙН ХЭРЭГЖИЛТ", Period.PLAN: "ТӨЛӨВЛӨГӨӨ"}.get(
        period, "ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ")
    last = f"{year} ОНЫ {plan}" if year else plan
    return f"{org}, БАЙГУУЛЛАГЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГАА,\n{_TITLE_MIDDLE}\n{last}"


@dataclass
class Report:
    """One soum's report: its header, goals and signatories, and the finalize and signing state kept with it."""

    organization: str = ""
    aimag: str = ""
    year: int | None = None
    period: Period = Period.ANNUAL
    report_date: str = ""
    appendix_label: str = DEFAULT_APPENDIX_LABEL
    title: str = ""
    signatories: list[Signatory] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    #: Starts at 1; each "reopen for changes" after finalizing starts the next one.
    revision: int = 1
    #: When the report was finalized (ISO time); ``None`` while it can be edited.
    finalized_at: str | None = None
    #: SHA-256 of the canonical content, computed at finalize (see ``core.trust.fingerprint``).
    fingerprint: str | None = None
    #: The fingerprint of the revision this one replaces (set on reopen), so the aimag
    #: can tell the next revision from a fork or a rollback.
    previous_fingerprint: str | None = None
    #: Hex of the Ed25519 public key that signed the finalized report, and the signature
    #: of its canonical content (``core.trust.signing``); ``None`` until finalized.
    public_key: str | None = None
    signature: str | None = None

    @property
    def is_final(self) -> bool:
        """A finalized report is frozen: every edit is refused until it is reopened as the next revision."""
        return self.finalized_at is not None

    def still_answered_by(self, revision: int) -> bool:
        """Whether the aimag's answer (a receipt, a notice) to ``revision`` still speaks to this
        report: for its own revision, and while the next one is being made after reopening; no
        longer once that next one is finalized (and so sent), as it replaced the one answered."""
        if self.revision == revision:
            return True
        return self.revision == revision + 1 and not self.is_final

    def measures(self) -> list[Measure]:
        """All measures in table order."""
        return [m for g in self.goals for m in g.measures]

    def display_title(self) -> str:
        """The title shown and printed: the user's own if written, else the one built from the header."""
        return self.title or default_title(self.organization, self.year, self.period)

    def find_measure(self, number: str) -> list[Measure]:
        """Measures whose number matches, with or without the trailing dot (``6.1`` finds ``6.1.``)."""
        wanted = number.strip().rstrip(".")
        return [m for m in self.measures() if m.number.strip().rstrip(".") == wanted]
