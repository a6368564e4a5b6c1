"""Submissions waiting for the reviewer, and what the reviewer decides.

A waiting submission keeps its signed canonical content and the name of its archived
copy. The reviewer sees, and accepting acts on, the judgement of the register as it
is now (``rules.judge``), never the one made when the file arrived: a file queued as a
new organization is a new key once the genuine soum is registered, and is shown so
with the registered codes beside it. An accept whose situation changed since the
reviewer was told (why it waits, for which organization, forward or back) is refused
with the new reason, which is recorded: the next accept is on what was said.
Accepting registers what it needs (a new organization, a new key, never a retired
key again) and makes the file current; rejecting keeps it on record, merged nowhere.
The reviewer can also return an organization to one of its earlier revisions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from core.aimag import register
from core.aimag.current import make_current
from core.aimag.rules import KIND_LABELS, Action, Judgement, Relation, WaitKind, judge, relation_to
from core.errors import NotFoundError, TailanError
from core.report.model import Period, Report
from core.storage import ReportFile
from core.storage import decisions as stored
from core.storage.decisions import DecisionRow, DecisionStatus
from core.storage.submissions import SubmissionStatus, current_before, history_of, revisions_of
from core.trust.fingerprint import fingerprint_of, report_from_content
from core.trust.signing import check_signature, key_code


class DecisionChanged(TailanError):
    """Accepting was refused: the register changed since the reviewer was told why the file waits."""


@dataclass
class Decision:
    """A submission on the reviewer's list, judged on the register as it is now: the reason,
    both key codes and the registered name."""

    id: int
    status: str
    kind: str
    reason: str
    organization: str
    aimag: str
    year: int | None
    period: str
    revision: int
    key_code: str
    registered_name: str
    registered_key_codes: list[str]
    file_name: str
    received_at: str
    decided_at: str | None
    fingerprint: str
    #: The organization accepting binds to, and whether accepting moves it forward or back.
    organization_id: str | None = None
    relation: str = Relation.FIRST
    #: The judgement differs from the one the file was queued (or last judged) with.
    changed: bool = False

    @property
    def kind_label(self) -> str:
        """Why the submission waits, in Mongolian, as the reviewer reads it."""
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def situation(self) -> tuple[str, str | None, str]:
        """What the reviewer is shown; ``decide(..., seen=)`` holds accepting to it."""
        return (self.kind, self.organization_id, self.relation)

    def to_json(self) -> dict:
        """The decision as ``pending --json`` prints it, with its Mongolian label."""
        return {
            "id": self.id,
            "status": self.status,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "reason": self.reason,
            "file": self.file_name,
            "organization": self.organization,
            "aimag": self.aimag,
            "year": self.year,
            "period": self.period,
            "revision": self.revision,
            "key_code": self.key_code,
            "registered_name": self.registered_name,
            "registered_key_codes": self.registered_key_codes,
            "received_at": self.received_at,
            "decided_at": self.decided_at,
            "fingerprint": self.fingerprint,
            "changed": self.changed,
        }


def _stored_decision(rf: ReportFile, row: DecisionRow) -> Decision:
    registered_name, codes = "", []
    if row.organization_id:
        registered_name = register.organization_name(rf, row.organization_id) or ""
        codes = register.key_codes_of(rf, row.organization_id)
    return Decision(row.id, row.status, row.kind, row.reason, row.organization, row.aimag, row.year, row.period,
                    row.revision, key_code(row.public_key), registered_name, codes, row.file_name, row.received_at,
                    row.decided_at, row.fingerprint, row.organization_id)


def _waiting_report(row: DecisionRow, content: str) -> Report:
    """What judging needs of a queued submission (its signature was checked when it arrived)."""
    data = json.loads(content)
    return Report(organization=row.organization, aimag=row.aimag, year=row.year, period=Period(row.period),
                  revision=row.revision, public_key=row.public_key, fingerprint=row.fingerprint,
                  previous_fingerprint=data.get("previous_fingerprint"), finalized_at=data.get("finalized_at"))


def _live_decision(rf: ReportFile, row: DecisionRow) -> Decision:
    report = _waiting_report(row, stored.content_of(rf, row.id))
    live = judge(rf, report)
    decision = _stored_decision(rf, row)
    decision.reason, decision.organization_id, decision.relation = live.reason, live.organization_id, live.relation
    decision.registered_name, decision.registered_key_codes = live.registered_name, live.key_codes
    if live.action == Action.WAIT:
        decision.kind = live.kind
        decision.changed = _changed(rf, row.id, row.kind, row.organization_id, report, live)
    else:
        decision.reason += ": зөвшөөрвөл нэгтгэлд шууд орно"
    return decision


def _changed(rf: ReportFile, decision_id: int, kind: str, organization_id: str | None, report: Report,
             live: Judgement) -> bool:
    """Whether ``live`` is not the situation the reviewer was last told of. Where the file stood
    against its organization's current report then is read from the change log only when it
    matters: when accepting now would put back a revision as old as the current one."""
    if (str(live.kind), live.organization_id) != (kind, organization_id):
        return True
    if live.relation != Relation.BEHIND:
        return False
    return live.situation != _told(rf, decision_id, kind, organization_id, report)


def _told(rf: ReportFile, decision_id: int, kind: str, organization_id: str | None,
          report: Report) -> tuple[str, str | None, str]:
    """The situation the reviewer was last told of: the stored kind and organization, and where
    the file stood against the organization's current report at that moment."""
    relation = Relation.FIRST
    if organization_id:
        before = current_before(rf, organization_id, report.year, report.period.value, stored.told_at(rf, decision_id))
        relation = relation_to(report, before)[0]
    return (kind, organization_id, relation)


def waiting(rf: ReportFile) -> list[Decision]:
    """The submissions still waiting for the reviewer, oldest first, judged on the register as it is now."""
    return [_live_decision(rf, r) for r in stored.decision_rows(rf, waiting_only=True)]


def all_decisions(rf: ReportFile) -> list[Decision]:
    """Every decision ever queued, settled or not, oldest first: nothing is deleted (those still
    waiting judged as ``waiting`` judges them)."""
    return [_live_decision(rf, r) if r.status == DecisionStatus.WAITING else _stored_decision(rf, r)
            for r in stored.decision_rows(rf)]


def decide(rf: ReportFile, decision_id: int, accept: bool, seen: tuple | None = None) -> str:
    """Settles a waiting decision; returns a Mongolian sentence saying what was done.

    Accepting judges the file again on the register as it is now. When that judgement
    is not the situation the reviewer was told of (``seen``: what the window showed;
    else the one recorded with the decision), the new judgement is recorded and
    ``DecisionChanged`` says it: nothing else changes.
    """
    changed: Judgement | None = None
    with rf.transaction():
        queued = stored.queued_submission(rf, decision_id)
        if queued is None:
            raise NotFoundError(f"{decision_id} дугаартай шийдвэр олдсонгүй.")
        if queued.status != DecisionStatus.WAITING:
            raise TailanError(f"{decision_id} дугаартай шийдвэрийг аль хэдийн гаргасан ({queued.status}).")
        report = _signed_report(queued.content, queued.public_key, queued.signature, queued.fingerprint)
        if not accept:
            stored.settle(rf, decision_id, DecisionStatus.REJECTED)
            return f"Татгалзлаа: {report.organization}, хувилбар {report.revision} нэгтгэлд орохгүй (архивт хадгалагдана)."
        register.refresh_name_keys(rf)
        live = judge(rf, report)
        if live.action == Action.WAIT:
            if seen is not None:
                changed_now = live.situation != tuple(seen)
            else:
                changed_now = _changed(rf, decision_id, queued.kind, queued.organization_id, report, live)
            if changed_now:
                stored.rejudge(rf, decision_id, live.kind, live.reason, live.organization_id)
                changed = live
            elif live.refusal:
                raise TailanError(live.refusal + ".")
        if changed is None:
            org_id = live.organization_id
            if live.registers:
                org_id = register.add_organization(rf, report.organization)
            if org_id is None:
                raise TailanError("Шийдвэрт байгууллага холбогдоогүй байна.")
            if live.accepts_key:
                register.accept_key(rf, org_id, queued.public_key)
            replaced = make_current(rf, report, org_id, queued.content, queued.file_name, queued.archive_name)
            stored.settle(rf, decision_id, DecisionStatus.ACCEPTED)
    if changed is not None:
        raise DecisionChanged(
            f"Шийдвэр #{decision_id}-ийн нөхцөл ирснээс хойш өөрчлөгдсөн тул зөвшөөрсөнгүй. Одоо: "
            f"[{KIND_LABELS.get(changed.kind, changed.kind)}] {changed.reason}. Шалгаад дахин шийднэ үү."
        )
    name = register.organization_name(rf, org_id)
    text = f"Зөвшөөрлөө: {name}, хувилбар {report.revision} нэгтгэлд орлоо"
    if live.accepts_key:
        text += f"; {key_code(queued.public_key)} түлхүүрийг бүртгэлээ"
    if live.kind == WaitKind.RETIRED_KEY:
        text += f"; {key_code(queued.public_key)} түлхүүр хүчингүй хэвээр"
    if replaced is not None:
        text += f" (хувилбар {replaced.revision}-ийг сольсон)"
    return text + "."


def _signed_report(content: str, public_key: str, signature: str, fingerprint: str) -> Report:
    """The report of a stored submission, its fingerprint and signature checked again."""
    data = content.encode("utf-8")
    if fingerprint_of(data) != fingerprint:
        raise TailanError("Хадгалсан агуулгын хурууны хээ таарахгүй байна: нэгтгэлийн файл гэмтсэн байж магадгүй.")
    check_signature(public_key, signature, data)
    report = report_from_content(json.loads(content))
    report.fingerprint, report.signature = fingerprint, signature
    return report


def history(rf: ReportFile, organization: str) -> list[dict]:
    """Every submission of a registered organization, newest first."""
    org_id, _ = register.require_by_name(rf, organization)
    return history_of(rf, org_id)


def restore(rf: ReportFile, organization: str, revision: int, year: int | None = None,
            period: str | None = None) -> str:
    """Returns an organization to an earlier revision it sent (the reviewer's decision)."""
    org_id, name = register.require_by_name(rf, organization)
    found = revisions_of(rf, org_id, revision, year, Period(period).value if period is not None else None)
    if not found:
        raise NotFoundError(f"{name}-ийн {revision}-р хувилбар нэгтгэлийн түүхэнд алга.")
    if len({(s.year, s.period) for s in found}) > 1:
        raise TailanError("Хэд хэдэн он эсвэл хугацаанд ийм хувилбар байна: --year, --period-ийг заана уу.")
    kept = found[0]
    if kept.status == SubmissionStatus.CURRENT:
        return f"{name}-ийн одоогийн хувилбар аль хэдийн {revision} байна."
    report = _signed_report(kept.content, kept.public_key, kept.signature, kept.fingerprint)
    replaced = make_current(rf, report, org_id, kept.content, kept.file_name, kept.archive_name)
    back = f" (хувилбар {replaced.revision}-ийн оронд)" if replaced else ""
    return f"{name}-ийг {revision}-р хувилбар руу буцаалаа{back}."
