"""The rejection goes back: the reviewer's reason, as a notice signed with the aimag's key.

When the reviewer rejects a received file (``tailan-cli decide --reject ID --reason``),
the reason is kept with the decision; ``write_notice`` then writes a small signed file
for the soum through the receipts' channel (the soum opens it like a receipt,
``core.sending.notice``): which file of which organization was rejected (year, period,
revision, fingerprint), when, and why. The soum's window shows it with what to do next.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from core.aimag import register
from core.aimag.decisions import decide
from core.aimag.receipt import aimag_signing_key
from core.errors import NotFoundError, TailanError
from core.report.model import Period
from core.storage import ReportFile, now_iso
from core.storage import decisions as stored
from core.storage.atomic import write_bytes_atomically
from core.storage.replacing import making_room
from core.storage.decisions import DecisionStatus
from core.trust.aimag_message import canonical, file_bytes, safe_name
from core.trust.keys import public_key_hex
from core.trust.signing import sign

FORMAT = "tailan-notice-v1"
SUFFIX = ".tailan-receipt"  # the receipts' channel: the soum opens it where it opens a receipt
MAX_REASON_CHARS = 10_000


def reject(rf: ReportFile, decision_id: int, reason: str = "") -> str:
    """Rejects a waiting file with the reviewer's reason (one transaction); returns what was done.

    A file rejected before without a reason may be given one now, so that its notice can be written.
    """
    reason = reason.strip()
    if len(reason) > MAX_REASON_CHARS:
        raise TailanError(f"Шалтгаан хэт урт ({len(reason)} тэмдэгт; хязгаар {MAX_REASON_CHARS}).")
    with rf.transaction():
        row = stored.decision_row(rf, decision_id)
        if row is not None and row.status == DecisionStatus.REJECTED and reason and not stored.answer_of(rf, decision_id):
            stored.set_answer(rf, decision_id, reason)
            return f"{decision_id} дугаартай татгалзсан шийдвэрт шалтгааныг бичлээ."
        text = decide(rf, decision_id, accept=False)
        if reason:
            stored.set_answer(rf, decision_id, reason)
    if reason:
        return text + f" Шалтгаан: {reason}"
    return text


def make_notice(rf: ReportFile, decision_id: int) -> tuple[dict, str]:
    """(body, signature) of the notice of a rejected decision; refuses one not rejected or without a reason."""
    aimag = register.aimag_name(rf)
    if not aimag:
        raise TailanError("Аймгийн нэр тохируулаагүй байна: tailan-cli register AIMAG --aimag НЭР.")
    row = stored.decision_row(rf, decision_id)
    if row is None:
        raise NotFoundError(f"{decision_id} дугаартай шийдвэр олдсонгүй.")
    if row.status != DecisionStatus.REJECTED:
        raise TailanError(f"{decision_id} дугаартай файлыг татгалзаагүй байна ({row.status}): мэдэгдэл зөвхөн "
                          "татгалзсан файлд бичигдэнэ.")
    reason = stored.answer_of(rf, decision_id)
    if not reason.strip():
        raise TailanError(f"Татгалзсан шалтгаан бичээгүй байна: tailan-cli decide AIMAG --reject {decision_id} "
                          "--reason ТЕКСТ.")
    key = aimag_signing_key(aimag)
    body = {
        "format": FORMAT,
        "id": str(uuid.uuid4()),
        "aimag": aimag,
        "aimag_public_key": public_key_hex(key),
        "status": DecisionStatus.REJECTED.value,
        "organization": row.organization,
        "year": row.year,
        "period": row.period,
        "revision": row.revision,
        "fingerprint": row.fingerprint,
        "received_at": row.received_at,
        "decided_at": row.decided_at,
        "reason": reason,
        "issued_at": now_iso(),
    }
    return body, sign(key, canonical(body))


def notice_file_name(body: dict) -> str:
    """Whose notice, for which report: ``Өвөрхангай_Баян-сум_2024_жилийн-тайлан_хувилбар2_татгалзсан.tailan-receipt``."""
    return safe_name(body["aimag"], body["organization"], str(body["year"] or "он"),
                     Period(body["period"]).document, f"хувилбар{body['revision']}", "татгалзсан") + SUFFIX


def write_notice(rf: ReportFile, decision_id: int, folder: str | os.PathLike) -> Path:
    """Writes the signed notice of a rejected decision into ``folder`` (or to that file name)."""
    body, signature = make_notice(rf, decision_id)
    folder = Path(folder)
    target = folder / notice_file_name(body) if folder.is_dir() else folder
    with making_room(target, replace=True):  # an earlier notice of that name is kept as a backup
        return write_bytes_atomically(target, file_bytes(body, signature))
