"""What a received, checked and signed submission may do at the aimag.

A submission replaces the current report of its organization, year and period only
when it is signed by a key accepted for that organization, names the organization as
the register writes it, belongs to this aimag, is the next revision naming the
current revision's fingerprint, and was not finalized in the future by its sender's
clock. Everything else is never merged silently: it waits for the reviewer with its
reason (``core.aimag.decisions``).

The judgement is made again when the reviewer decides (issue 19): a file that waited
as a new organization while the genuine soum was registered meanwhile is a new key
now, and is said so. ``Judgement.situation`` is what must not have changed since the
reviewer was told: why the file waits, for which organization, and whether accepting
it moves the organization forward or back.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from core.aimag import register
from core.aimag.current import Current, current_of
from core.report.model import Report
from core.storage import ReportFile
from core.storage.clock import parse_stamp
from core.trust.names import name_key, spelling_difference
from core.trust.signing import key_code


class Action(StrEnum):
    """What happens to a checked submission at the aimag."""

    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    WAIT = "wait"


class WaitKind(StrEnum):
    """Why a submission waits for the reviewer; kept in the aimag's file (``decisions.kind``)."""

    NEW_ORGANIZATION = "new-organization"
    NEW_KEY = "new-key"
    NAME_DIFFERS = "name-differs"
    OTHER_AIMAG = "other-aimag"
    REVISION_GAP = "revision-gap"
    FORK = "fork"
    OLDER_REVISION = "older-revision"
    RETIRED_KEY = "retired-key"
    LOOK_ALIKE = "look-alike"
    FUTURE_DATE = "future-date"


KIND_LABELS = {
    WaitKind.NEW_ORGANIZATION: "шинэ байгууллага",
    WaitKind.NEW_KEY: "шинэ түлхүүр",
    WaitKind.NAME_DIFFERS: "нэр зөрсөн",
    WaitKind.OTHER_AIMAG: "өөр аймаг",
    WaitKind.REVISION_GAP: "хувилбар алгассан",
    WaitKind.FORK: "салаа хувилбар",
    WaitKind.OLDER_REVISION: "хуучин хувилбар",
    WaitKind.RETIRED_KEY: "хүчингүй болсон түлхүүр",
    WaitKind.LOOK_ALIKE: "төстэй нэр",
    WaitKind.FUTURE_DATE: "ирээдүйн огноо",
}


class Relation(StrEnum):
    """Where a submission stands against its organization's current report (not stored)."""

    FIRST = "first"  # the organization has no current report for that year and period
    AHEAD = "ahead"  # accepting moves the organization forward (next revision, gap, a fork after it)
    BEHIND = "behind"  # accepting would put back a revision as old as the current one, or older


#: How far the sender's clock may be ahead of ours before its date is in the future.
CLOCK_TOLERANCE = datetime.timedelta(days=1)


@dataclass
class Judgement:
    """What ``judge`` decides (add, update, skip or wait) and why, with what the reviewer needs to see.

    ``organization_id`` is the organization accepting binds to (``None``: a new one is
    registered, or none may be); ``registered_name`` and ``key_codes`` are what the
    reviewer compares with (for a look-alike, the registered organization it resembles).
    """

    action: Action
    reason: str
    kind: WaitKind | str = ""
    organization_id: str | None = None
    registered_name: str = ""
    current: Current | None = None
    key_codes: list[str] = field(default_factory=list)
    relation: Relation = Relation.FIRST
    #: Accepting registers a new organization under the report's name.
    registers: bool = False
    #: Accepting accepts the key for the organization (never a retired one: that stays retired).
    accepts_key: bool = False
    #: Why the reviewer cannot accept it as it is (empty: accepting is possible).
    refusal: str = ""

    @property
    def situation(self) -> tuple[str, str | None, str]:
        """What the reviewer was told and accepting must still find: why, for whom, forward or back."""
        return (str(self.kind), self.organization_id, str(self.relation))


def relation_to(report: Report, current: Current | None) -> tuple[Relation, str]:
    """Where ``report`` stands against ``current``, and the finer kind of a relation that waits."""
    if current is None:
        return Relation.FIRST, ""
    if report.revision == current.revision + 1 and report.previous_fingerprint == current.fingerprint:
        return Relation.AHEAD, ""
    if report.revision < current.revision:
        return Relation.BEHIND, WaitKind.OLDER_REVISION
    if report.revision == current.revision:
        return Relation.BEHIND, WaitKind.FORK
    if report.revision == current.revision + 1:
        return Relation.AHEAD, WaitKind.FORK
    return Relation.AHEAD, WaitKind.REVISION_GAP


def in_the_future(finalized_at: str | None, now: datetime.datetime | None = None) -> bool:
    """Whether the sender's clock put the finalizing later than our clock allows."""
    when = parse_stamp(finalized_at or "")
    if when is None:
        return False
    now = now or datetime.datetime.now(datetime.timezone.utc)
    return when > now + CLOCK_TOLERANCE


def judge(rf: ReportFile, report: Report) -> Judgement:
    """The action for a submission whose file and signature were already checked, on the register as it is now."""
    code = key_code(report.public_key)
    what = f"{report.organization}, {report.year or '?'} он, {report.period.label.lower()}, хувилбар {report.revision}"
    org_id, registered, retired_at, new_key = None, "", "", False
    holder = register.organization_of_key(rf, report.public_key)
    if holder is not None:
        org_id, registered = holder
    else:
        retired = register.retired_holder_of_key(rf, report.public_key)
        if retired is not None:
            org_id, registered, retired_at = retired
        else:
            new_key = True
            found = register.find_by_name(rf, report.organization)
            if found is not None:
                org_id, registered = found
    current = current_of(rf, org_id, report.year, report.period.value) if org_id else None
    relation, revision_kind = relation_to(report, current)
    known = register.key_codes_of(rf, org_id) if org_id else []
    judgement = Judgement(Action.WAIT, "", "", org_id, registered, current, known, relation,
                          registers=org_id is None, accepts_key=new_key)
    parts: list[tuple[WaitKind, str]] = []

    own_aimag = register.aimag_name(rf)
    if own_aimag and name_key(report.aimag) != name_key(own_aimag):
        parts.append((WaitKind.OTHER_AIMAG,
                      f"өөр аймгийн тайлан («{report.aimag}»; энэ нэгтгэл «{own_aimag}» аймгийнх)"))
        if org_id is None:
            judgement.refusal = (
                f"«{report.organization}» аймгийн бүртгэлд алга, файл нь өөр аймгийнх («{report.aimag}»): "
                "шинэ байгууллагаар зөвшөөрөх боломжгүй. Энэ аймгийн байгууллага бол эхлээд бүртгэлд нэмээд "
                "(tailan-cli expected AIMAG --add НЭР) дахин шийднэ үү"
            )
    if org_id is None:
        look = register.look_alike(rf, report.organization)
        if look is not None:
            look_id, look_name = look
            look_codes = register.key_codes_of(rf, look_id)
            judgement.registered_name, judgement.key_codes = look_name, look_codes
            parts.append((WaitKind.LOOK_ALIKE,
                          f"бүртгэлд байхгүй байгууллага, нэр нь бүртгэлтэй «{look_name}»-ээс нэг үсгээр ялгаатай "
                          f"(бүртгэлтэй түлхүүр: {', '.join(look_codes) or 'алга'}); ирсэн түлхүүрийн код {code}. "
                          "Өөр байгууллага мөн эсэхийг гарын үсэгтэй цаасан дээрх кодтой тулгаж шийднэ үү"))
        else:
            parts.append((WaitKind.NEW_ORGANIZATION,
                          f"бүртгэлд байхгүй байгууллага, түлхүүрийн код {code}. Гарын үсэгтэй цаасан дээрх кодтой "
                          "тулгаж байгаад зөвшөөрнө үү"))
    elif retired_at:
        parts.append((WaitKind.RETIRED_KEY,
                      f"«{registered}»-ийн хүчингүй болгосон түлхүүр {code}-ээр гарын үсэг зурсан (хүчингүй болгосон: "
                      f"{retired_at[:10]}; одоогийн түлхүүр: {', '.join(known) or 'алга'}). Зөвшөөрвөл тайлан нэгтгэлд "
                      "орох боловч түлхүүр хүчингүй хэвээр үлдэнэ"))
    elif new_key:
        parts.append((WaitKind.NEW_KEY,
                      f"«{registered}»-д шинэ түлхүүр {code}"
                      + (f" (бүртгэлтэй түлхүүр: {', '.join(known)})" if known else " (бүртгэлтэй түлхүүр алга)")
                      + ". Гарын үсэгтэй цаасан дээрх кодтой тулгаж байгаад зөвшөөрнө үү"))
    if org_id is not None and report.organization != registered and not new_key:
        if name_key(report.organization) == name_key(registered):
            text = (f"байгууллагын нэрийг бүртгэлээс өөрөөр бичсэн («{report.organization}», бүртгэлд «{registered}»; "
                    f"ялгаа: {spelling_difference(report.organization, registered)})")
        else:
            text = (f"{code} түлхүүр «{registered}»-д бүртгэлтэй, гэтэл тайланд «{report.organization}» гэж бичсэн "
                    "(өөр байгууллагын файлыг хуулж ашигласан байж магадгүй)")
        parts.append((WaitKind.NAME_DIFFERS, text))
    if revision_kind:
        parts.append((WaitKind(revision_kind), _revision_text(report, current, revision_kind)))
    if in_the_future(report.finalized_at):
        parts.append((WaitKind.FUTURE_DATE,
                      f"илгээгчийн компьютерын цагаар ирээдүйд баталгаажуулсан ({report.finalized_at[:19]}); "
                      "компьютерын огноог шалгуулна уу"))
    if not parts:
        if current is None:
            return Judgement(Action.ADD, f"хувилбар {report.revision}, {code} түлхүүрээр гарын үсэг зурсан", "",
                             org_id, registered, None, known, relation)
        return Judgement(Action.UPDATE, f"хувилбар {report.revision} (хувилбар {current.revision}-ийг сольсон)", "",
                         org_id, registered, current, known, relation)
    parts.sort(key=lambda part: _PRECEDENCE.index(part[0]))
    judgement.kind = parts[0][0]
    judgement.reason = f"{what}: " + "; мөн ".join(text for _, text in parts)
    return judgement


#: Which reason is named first (and is the decision's kind) when a file waits for several.
_PRECEDENCE = [WaitKind.OTHER_AIMAG, WaitKind.NEW_ORGANIZATION, WaitKind.LOOK_ALIKE, WaitKind.RETIRED_KEY,
               WaitKind.NEW_KEY, WaitKind.NAME_DIFFERS, WaitKind.OLDER_REVISION, WaitKind.FORK,
               WaitKind.REVISION_GAP, WaitKind.FUTURE_DATE]


def _revision_text(report: Report, current: Current, kind: str) -> str:
    if kind == WaitKind.OLDER_REVISION:
        return f"одоогийн хувилбар {current.revision} ({current.file_name}); хуучин хувилбар буцааж ирсэн"
    if kind == WaitKind.FORK and report.revision == current.revision:
        return f"одоогийн хувилбар {current.revision} ({current.file_name}); ижил дугаартай өөр агуулгатай хувилбар"
    if kind == WaitKind.FORK:
        return f"одоогийн хувилбар {current.revision}-ээс салсан (өмнөх хувилбарын хурууны хээ таарахгүй)"
    return f"хувилбар {current.revision}-ээс {report.revision} руу алгассан (дундах хувилбар ирээгүй)"
