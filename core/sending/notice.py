"""The aimag's notice of a rejection, on the soum's side: checked, kept, shown with what to do next.

A notice comes through the receipts' channel (``tailan-cli receipt-open``, File -> "Open
the aimag's answer") and is checked as a receipt is (``core.trust.aimag_message``): its
signature, the aimag's key accepted on this PC (the first time after comparing its
code), then that it speaks of this report: of this report's aimag, this organization,
and this revision (also after the soum reopened it for the next one); the same notice
twice is refused. It is kept beside the report (table ``receipts``, whole) and never
changes the report itself: the officer fixes what the reason says, finalizes and sends
again.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from core.report.model import Period, Report
from core.storage import ReportFile
from core.storage.receipts import keep_receipt, kept_contents, latest_receipt
from core.trust import aimag_message as message
from core.trust.aimag_message import MessageError
from core.trust.names import name_key
from core.trust.signing import key_code

FORMAT = "tailan-notice-v1"
WHOSE = "мэдэгдлийн"
MAX_REASON_CHARS = 10_000
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Notice:
    """The aimag's signed word that it rejected one revision of a soum's report, and why."""

    id: str
    aimag: str
    aimag_public_key: str
    organization: str
    year: int | None
    period: str
    revision: int
    fingerprint: str
    received_at: str
    decided_at: str
    reason: str
    issued_at: str
    signature: str

    @property
    def aimag_key_code(self) -> str:
        """The signing aimag key's code."""
        return key_code(self.aimag_public_key)

    def to_json(self) -> dict:
        """What ``show --json`` gives as ``receipt`` once a notice is kept."""
        return {"status": "rejected", "reason": self.reason, "aimag": self.aimag, "aimag_key_code": self.aimag_key_code,
                "revision": self.revision, "fingerprint": self.fingerprint, "received_at": self.received_at,
                "decided_at": self.decided_at}

    def body(self) -> dict:
        """The signed body, as the aimag wrote it."""
        return {"format": FORMAT, "id": self.id, "aimag": self.aimag, "aimag_public_key": self.aimag_public_key,
                "status": "rejected", "organization": self.organization, "year": self.year, "period": self.period,
                "revision": self.revision, "fingerprint": self.fingerprint, "received_at": self.received_at,
                "decided_at": self.decided_at, "reason": self.reason, "issued_at": self.issued_at}


def is_notice(path: str | os.PathLike) -> bool:
    """Whether a file of the receipts' channel is a notice (else it is read as a receipt)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(message.MAX_MESSAGE_BYTES + 1)
        data = json.loads(head.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and isinstance(data.get("body"), dict) and data["body"].get("format") == FORMAT


def read_notice(path: str | os.PathLike) -> Notice:
    """Reads a notice file and checks its shape, values and signature; raises ``MessageError``."""
    body, signature = message.read_body(path, WHOSE, FORMAT)
    return _notice_from(body, signature)


def _notice_from(body: dict, signature: str) -> Notice:
    if body.get("status") != "rejected":
        raise MessageError("Аймгийн мэдэгдлийн төлөв буруу.")
    period = message.text(body, "period", WHOSE, 20)
    if period not in {p.value for p in Period}:
        raise MessageError("Аймгийн мэдэгдлийн хугацаа буруу.")
    year = body.get("year")
    if year is not None:
        year = message.integer(body, "year", WHOSE, 1900, 2200)
    fingerprint = message.text(body, "fingerprint", WHOSE, 64)
    if not _HEX64.match(fingerprint):
        raise MessageError("Аймгийн мэдэгдлийн хурууны хээ буруу.")
    return Notice(
        id=message.text(body, "id", WHOSE, 100),
        aimag=message.text(body, "aimag", WHOSE, 200),
        aimag_public_key=body["aimag_public_key"],
        organization=message.text(body, "organization", WHOSE, 1_000),
        year=year,
        period=period,
        revision=message.integer(body, "revision", WHOSE, 1, 1_000_000),
        fingerprint=fingerprint,
        received_at=message.timestamp(body, "received_at", WHOSE),
        decided_at=message.timestamp(body, "decided_at", WHOSE),
        reason=message.text(body, "reason", WHOSE, MAX_REASON_CHARS),
        issued_at=message.timestamp(body, "issued_at", WHOSE),
        signature=signature,
    )


def open_notice(rf: ReportFile, path: str | os.PathLike, accept_key: bool = False,
                report_id: str | None = None) -> Notice:
    """Checks a notice against the accepted aimag keys and this report, then keeps it beside the report.

    Raises ``MessageError`` (nothing changed) when it is refused.
    """
    notice = read_notice(path)
    new_key = message.check_aimag_key(notice.aimag, notice.aimag_public_key, accept_key, WHOSE)
    report = _matching_report(rf, notice, report_id)
    if rf.read_only:
        raise MessageError(rf.read_only_reason or "Файл зөвхөн уншихаар нээгдсэн; мэдэгдлийг хадгалах боломжгүй.")
    content = message.file_bytes(notice.body(), notice.signature).decode("utf-8")
    keep_receipt(rf, report.id, notice.revision, notice.fingerprint, notice.aimag, notice.received_at,
                 notice.aimag_key_code, content)
    if new_key:
        message.accept_aimag_key(notice.aimag, notice.aimag_public_key)
    return notice


def _matching_report(rf: ReportFile, notice: Notice, report_id: str | None) -> Report:
    """The soum's report the notice is about: same aimag, organization and revision (also after reopening)."""
    ids = [rf.resolve_report_id(report_id)] if report_id else [r.id for r in rf.list_reports()]
    reasons = []
    for rid in ids:
        report = rf.load_report(rid)
        if report.aimag.strip() and name_key(report.aimag) != name_key(notice.aimag):
            reasons.append(f"өөр аймгийн мэдэгдэл ({notice.aimag}; энэ тайлан {report.aimag} аймгийнх)")
            continue
        if name_key(report.organization) != name_key(notice.organization):
            reasons.append(f"өөр байгууллагын мэдэгдэл ({notice.organization}; энэ файл {report.organization})")
            continue
        if any(_notice_id(content) == notice.id for content in kept_contents(rf, rid)):
            raise MessageError("Энэ мэдэгдлийг энэ тайланд аль хэдийн хадгалсан байна.")
        if report.fingerprint == notice.fingerprint and report.revision == notice.revision:
            return report
        if report.previous_fingerprint == notice.fingerprint and report.revision == notice.revision + 1:
            return report
        reasons.append(f"тайлангийн өөр хувилбарын мэдэгдэл (мэдэгдэл: хувилбар {notice.revision}; "
                       f"файлд хувилбар {report.revision})")
    raise MessageError("Мэдэгдлийг хүлээн авсангүй: " + ("; ".join(dict.fromkeys(reasons)) or "тайлан алга") + ".")


def _notice_id(content: str) -> str | None:
    try:
        body = json.loads(content)["body"]
    except (ValueError, KeyError, TypeError):
        return None
    return body.get("id") if body.get("format") == FORMAT else None


def kept_notice(rf: ReportFile, report_id: str) -> Notice | None:
    """The notice kept for a report when it is the latest answer of the aimag; else ``None``."""
    content = latest_receipt(rf, report_id)
    if content is None:
        return None
    data = json.loads(content)
    if data.get("body", {}).get("format") != FORMAT:
        return None
    return _notice_from(data["body"], data["signature"])


def in_force(report: Report, notice: Notice | None) -> bool:
    """Whether the notice still speaks to the report (``Report.still_answered_by``)."""
    return notice is not None and report.still_answered_by(notice.revision)


def next_step(report: Report, notice: Notice) -> str:
    """What the officer does now, in Mongolian (the window shows its own translated words)."""
    if report.is_final and report.revision == notice.revision:
        return ("Тайланг засварлахаар дахин нээж (Файл → Засварлахаар дахин нээх), шалтгааныг засаад, дахин "
                "баталгаажуулж, хэвлэж гарын үсэг зуруулан аймагт дахин илгээнэ үү.")
    return "Шалтгааныг засаад тайланг дахин баталгаажуулж, хэвлэж гарын үсэг зуруулан аймагт дахин илгээнэ үү."
