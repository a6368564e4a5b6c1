"""What a received, checked and signed submission may do at the aimag.

A submission replaces the current report of its organization, year and period only
when it is signed by a key accepted for that organization, names the organization as
the register writes it, belongs to this aimag, and is the next revision naming the
current revision's fingerprint. Everything else is never merged silently: it waits
for the reviewer with its reason (``core.aimag.decisions``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from core.aimag import register
from core.aimag.current import Current, current_of
from core.report.model import Report
from core.storage import ReportFile
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


KIND_LABELS = {
    WaitKind.NEW_ORGANIZATION: "шинэ байгууллага",
    WaitKind.NEW_KEY: "шинэ түлхүүр",
    WaitKind.NAME_DIFFERS: "нэр зөрсөн",
    WaitKind.OTHER_AIMAG: "өөр аймаг",
    WaitKind.REVISION_GAP: "хувилбар алгассан",
    WaitKind.FORK: "салаа хувилбар",
    WaitKind.OLDER_REVISION: "хуучин хувилбар",
}


@dataclass
class Judgement:
    """What ``judge`` decides (add, update, skip or wait) and why, with what the reviewer needs to see."""

    action: Action
    reason: str
    kind: WaitKind | str = ""
    organization_id: str | None = None
    registered_name: str = ""
    current: Current | None = None
    key_codes: list[str] = field(default_factory=list)


def judge(rf: ReportFile, report: Report) -> Judgement:
    """The action for a submission whose file and signature were already checked."""
    code = key_code(report.public_key)
    what = f"{report.organization}, {report.year or '?'} он, {report.period.label.lower()}, хувилбар {report.revision}"
    own_aimag = register.aimag_name(rf)
    if own_aimag and name_key(report.aimag) != name_key(own_aimag):
        return Judgement(Action.WAIT, f"{what}: өөр аймгийн тайлан («{report.aimag}»; энэ нэгтгэл «{own_aimag}» аймгийнх)",
                         WaitKind.OTHER_AIMAG)
    holder = register.organization_of_key(rf, report.public_key)
    by_name = register.find_by_name(rf, report.organization)
    if holder is None:
        if by_name is None:
            return Judgement(
                Action.WAIT,
                f"{what}: бүртгэлд байхгүй байгууллага, түлхүүрийн код {code}. Гарын үсэгтэй цаасан дээрх кодтой "
                "тулгаж байгаад зөвшөөрнө үү",
                WaitKind.NEW_ORGANIZATION,
            )
        org_id, registered = by_name
        known = register.key_codes_of(rf, org_id)
        return Judgement(
            Action.WAIT,
            f"{what}: «{registered}»-д шинэ түлхүүр {code}"
            + (f" (бүртгэлтэй түлхүүр: {', '.join(known)})" if known else " (бүртгэлтэй түлхүүр алга)")
            + ". Гарын үсэгтэй цаасан дээрх кодтой тулгаж байгаад зөвшөөрнө үү",
            WaitKind.NEW_KEY, org_id, registered, key_codes=known,
        )
    org_id, registered = holder
    if report.organization != registered:
        if name_key(report.organization) == name_key(registered):
            reason = (f"{what}: байгууллагын нэрийг бүртгэлээс өөрөөр бичсэн («{report.organization}», "
                      f"бүртгэлд «{registered}»; ялгаа: {spelling_difference(report.organization, registered)})")
        else:
            reason = (f"{what}: {code} түлхүүр «{registered}»-д бүртгэлтэй, гэтэл тайланд «{report.organization}» "
                      "гэж бичсэн (өөр байгууллагын файлыг хуулж ашигласан байж магадгүй)")
        return Judgement(Action.WAIT, reason, WaitKind.NAME_DIFFERS, org_id, registered)
    current = current_of(rf, org_id, report.year, report.period.value)
    if current is None:
        return Judgement(Action.ADD, f"хувилбар {report.revision}, {code} түлхүүрээр гарын үсэг зурсан", "", org_id, registered)
    if report.revision == current.revision + 1 and report.previous_fingerprint == current.fingerprint:
        return Judgement(Action.UPDATE, f"хувилбар {report.revision} (хувилбар {current.revision}-ийг сольсон)", "",
                         org_id, registered, current)
    if report.revision <= current.revision:
        kind = WaitKind.FORK if report.revision == current.revision else WaitKind.OLDER_REVISION
        reason = (f"{what}: одоогийн хувилбар {current.revision} ({current.file_name}); "
                  + ("ижил дугаартай өөр агуулгатай хувилбар" if kind == WaitKind.FORK else "хуучин хувилбар буцааж ирсэн"))
        return Judgement(Action.WAIT, reason, kind, org_id, registered, current)
    if report.revision == current.revision + 1:
        reason = (f"{what}: одоогийн хувилбар {current.revision}-ээс салсан (өмнөх хувилбарын хурууны хээ таарахгүй)")
        return Judgement(Action.WAIT, reason, WaitKind.FORK, org_id, registered, current)
    return Judgement(
        Action.WAIT, f"{what}: хувилбар {current.revision}-ээс {report.revision} руу алгассан (дундах хувилбар ирээгүй)",
        WaitKind.REVISION_GAP, org_id, registered, current,
    )
