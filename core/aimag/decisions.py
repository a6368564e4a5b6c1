"""Submissions waiting for the reviewer, and what the reviewer decides.

A waiting submission keeps its signed canonical content and the name of its archived
copy. Accepting it registers what it needs (a new organization, a new key) and makes
it current; rejecting it keeps it on record, merged nowhere. The reviewer can also
return an organization to one of its earlier revisions. Nothing is ever deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from core.aimag import register
from core.aimag.current import make_current
from core.aimag.rules import KIND_LABELS, WaitKind
from core.errors import NotFoundError, TailanError
from core.report.model import Period, Report
from core.storage import ReportFile
from core.storage import decisions as stored
from core.storage.decisions import DecisionRow, DecisionStatus
from core.storage.submissions import SubmissionStatus, history_of, revisions_of
from core.trust.fingerprint import fingerprint_of, report_from_content
from core.trust.signing import check_signature, key_code



@dataclass
class Decision:
    """A submission on the reviewer's list, with the reason, both key codes and the registered name."""

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

    @property
    def kind_label(self) -> str:
        """Why the submission waits, in Mongolian, as the reviewer reads it."""
        return KIND_LABELS.get(self.kind, self.kind)

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
        }


def _decision(rf: ReportFile, row: DecisionRow) -> Decision:
    registered_name, codes = "", []
    if row.organization_id:
        registered_name = register.organization_name(rf, row.organization_id) or ""
        codes = register.key_codes_of(rf, row.organization_id)
    return Decision(row.id, row.status, row.kind, row.reason, row.organization, row.aimag, row.year, row.period,
                    row.revision, key_code(row.public_key), registered_name, codes, row.file_name, row.received_at,
                    row.decided_at, row.fingerprint)


def waiting(rf: ReportFile) -> list[Decision]:
    """The submissions still waiting for the reviewer, oldest first."""
    return [_decision(rf, r) for r in stored.decision_rows(rf, waiting_only=True)]


def all_decisions(rf: ReportFile) -> list[Decision]:
    """Every decision ever queued, settled or not, oldest first: nothing is deleted."""
    return [_decision(rf, r) for r in stored.decision_rows(rf)]


def decide(rf: ReportFile, decision_id: int, accept: bool) -> str:
    """Settles a waiting decision; returns a Mongolian sentence saying what was done."""
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
        kind, org_id = queued.kind, queued.organization_id
        if kind == WaitKind.NEW_ORGANIZATION:
            org_id = register.add_organization(rf, report.organization)
        if org_id is None:
            raise TailanError("Шийдвэрт байгууллага холбогдоогүй байна.")
        if kind in (WaitKind.NEW_ORGANIZATION, WaitKind.NEW_KEY):
            register.accept_key(rf, org_id, queued.public_key)
        if not register.aimag_name(rf) and report.aimag.strip():
            register.set_aimag_name(rf, report.aimag)
        replaced = make_current(rf, report, org_id, queued.content, queued.file_name, queued.archive_name)
        stored.settle(rf, decision_id, DecisionStatus.ACCEPTED)
    name = register.organization_name(rf, org_id)
    text = f"Зөвшөөрлөө: {name}, хувилбар {report.revision} нэгтгэлд орлоо"
    if kind in (WaitKind.NEW_ORGANIZATION, WaitKind.NEW_KEY):
        text += f"; {key_code(queued.public_key)} түлхүүрийг бүртгэлээ"
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
