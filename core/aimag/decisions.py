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
from core.aimag.rules import KIND_LABELS, NEW_KEY, NEW_ORGANIZATION
from core.errors import NotFoundError, TailanError
from core.report.kinds import LogOp
from core.report.model import Period, Report
from core.storage import ReportFile, now_iso
from core.trust.fingerprint import fingerprint_of, report_from_content
from core.trust.signing import check_signature, key_code

WAITING, ACCEPTED, REJECTED = "waiting", "accepted", "rejected"


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


def queue(rf: ReportFile, report: Report, content: str, kind: str, reason: str, organization_id: str | None,
          file_name: str, archive_name: str) -> int:
    """Puts a submission on the reviewer's list (inside the caller's transaction); returns its id."""
    cursor = rf.conn.execute(
        "INSERT INTO decisions (status, kind, reason, fingerprint, organization, aimag, year, period, revision,"
        " public_key, signature, organization_id, file_name, archive_name, received_at, content)"
        " VALUES ('waiting', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, reason, report.fingerprint, report.organization, report.aimag, report.year, report.period.value,
         report.revision, report.public_key, report.signature, organization_id, file_name, archive_name, now_iso(),
         content),
    )
    rf.log_change(None, "decision", str(cursor.lastrowid), LogOp.WAITING, None, reason)
    return cursor.lastrowid


def by_fingerprint(rf: ReportFile, fingerprint: str) -> tuple[int, str, str | None, str] | None:
    """(id, status, decided_at, kind) of the latest decision about this exact file, if any."""
    row = rf.conn.execute(
        "SELECT id, status, decided_at, kind FROM decisions WHERE fingerprint = ? ORDER BY id DESC LIMIT 1", (fingerprint,)
    ).fetchone()
    return tuple(row) if row else None


_COLUMNS = ("id, status, kind, reason, organization, aimag, year, period, revision, public_key, organization_id,"
            " file_name, received_at, decided_at, fingerprint")


def _decision(rf: ReportFile, row) -> Decision:
    (id_, status, kind, reason, organization, aimag, year, period, revision, public_key, organization_id,
     file_name, received_at, decided_at, fingerprint) = row
    registered_name, codes = "", []
    if organization_id:
        found = rf.conn.execute("SELECT name FROM organizations WHERE id = ?", (organization_id,)).fetchone()
        registered_name = found[0] if found else ""
        codes = register.key_codes_of(rf, organization_id)
    return Decision(id_, status, kind, reason, organization, aimag, year, period, revision, key_code(public_key),
                    registered_name, codes, file_name, received_at, decided_at, fingerprint)


def waiting(rf: ReportFile) -> list[Decision]:
    """The submissions still waiting for the reviewer, oldest first."""
    rows = rf.conn.execute(f"SELECT {_COLUMNS} FROM decisions WHERE status = 'waiting' ORDER BY id").fetchall()
    return [_decision(rf, r) for r in rows]


def all_decisions(rf: ReportFile) -> list[Decision]:
    """Every decision ever queued, settled or not, oldest first: nothing is deleted."""
    rows = rf.conn.execute(f"SELECT {_COLUMNS} FROM decisions ORDER BY id").fetchall()
    return [_decision(rf, r) for r in rows]


def decide(rf: ReportFile, decision_id: int, accept: bool) -> str:
    """Settles a waiting decision; returns a Mongolian sentence saying what was done."""
    with rf.transaction():
        row = rf.conn.execute(
            "SELECT status, kind, organization_id, content, public_key, signature, fingerprint, file_name,"
            " archive_name FROM decisions WHERE id = ?",
            (decision_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"{decision_id} дугаартай шийдвэр олдсонгүй.")
        status, kind, org_id, content, public_key, signature, fingerprint, file_name, archive_name = row
        if status != WAITING:
            raise TailanError(f"{decision_id} дугаартай шийдвэрийг аль хэдийн гаргасан ({status}).")
        report = _signed_report(content, public_key, signature, fingerprint)
        if not accept:
            _settle(rf, decision_id, REJECTED)
            return f"Татгалзлаа: {report.organization}, хувилбар {report.revision} нэгтгэлд орохгүй (архивт хадгалагдана)."
        if kind == NEW_ORGANIZATION:
            org_id = register.add_organization(rf, report.organization)
        if org_id is None:
            raise TailanError("Шийдвэрт байгууллага холбогдоогүй байна.")
        if kind in (NEW_ORGANIZATION, NEW_KEY):
            register.accept_key(rf, org_id, public_key)
        if not register.aimag_name(rf) and report.aimag.strip():
            register.set_aimag_name(rf, report.aimag)
        replaced = make_current(rf, report, org_id, content, file_name, archive_name)
        _settle(rf, decision_id, ACCEPTED)
    name = rf.conn.execute("SELECT name FROM organizations WHERE id = ?", (org_id,)).fetchone()[0]
    text = f"Зөвшөөрлөө: {name}, хувилбар {report.revision} нэгтгэлд орлоо"
    if kind in (NEW_ORGANIZATION, NEW_KEY):
        text += f"; {key_code(public_key)} түлхүүрийг бүртгэлээ"
    if replaced is not None:
        text += f" (хувилбар {replaced.revision}-ийг сольсон)"
    return text + "."


def _settle(rf: ReportFile, decision_id: int, status: str) -> None:
    rf.conn.execute("UPDATE decisions SET status = ?, decided_at = ? WHERE id = ?", (status, now_iso(), decision_id))
    rf.log_change(None, "decision", str(decision_id), LogOp.DECIDE, WAITING, status)


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
    rows = rf.conn.execute(
        "SELECT year, period, revision, status, received_at, fingerprint, file_name FROM submissions"
        " WHERE organization_id = ? ORDER BY year DESC, period, revision DESC, id DESC",
        (org_id,),
    ).fetchall()
    keys = ("year", "period", "revision", "status", "received_at", "fingerprint", "file")
    return [dict(zip(keys, r)) for r in rows]


def restore(rf: ReportFile, organization: str, revision: int, year: int | None = None,
            period: str | None = None) -> str:
    """Returns an organization to an earlier revision it sent (the reviewer's decision)."""
    org_id, name = register.require_by_name(rf, organization)
    sql = ("SELECT content, public_key, signature, fingerprint, file_name, archive_name, status, year, period"
           " FROM submissions WHERE organization_id = ? AND revision = ?")
    params: list = [org_id, revision]
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    if period is not None:
        sql += " AND period = ?"
        params.append(Period(period).value)
    rows = rf.conn.execute(sql, params).fetchall()
    if not rows:
        raise NotFoundError(f"{name}-ийн {revision}-р хувилбар нэгтгэлийн түүхэнд алга.")
    if len({(r[7], r[8]) for r in rows}) > 1:
        raise TailanError("Хэд хэдэн он эсвэл хугацаанд ийм хувилбар байна: --year, --period-ийг заана уу.")
    content, public_key, signature, fingerprint, file_name, archive_name, status, _, _ = rows[0]
    if status == "current":
        return f"{name}-ийн одоогийн хувилбар аль хэдийн {revision} байна."
    report = _signed_report(content, public_key, signature, fingerprint)
    with rf.transaction():
        replaced = make_current(rf, report, org_id, content, file_name, archive_name)
    back = f" (хувилбар {replaced.revision}-ийн оронд)" if replaced else ""
    return f"{name}-ийг {revision}-р хувилбар руу буцаалаа{back}."
