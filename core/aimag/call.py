"""The aimag's call for reports: one small signed file that announces a round.

The aimag announces each round by letter: which year and period, the deadline, whom it
expects. The call says the same in a file the soum opens once (``core.sending.call``):
the aimag's name (filled into the soum's report), its key (accepted by the soum after
comparing its code with the letter), the year, the period, the deadline and the
organizations expected (as the register writes them). It is signed with the aimag's
own key (the receipts' key, ``core.aimag.receipt.aimag_signing_key``) and kept in the
aimag's file, so its not-sent list can count the days to the deadline
(``core.aimag.deadlines``).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from core.aimag import register
from core.aimag.receipt import aimag_signing_key
from core.errors import TailanError
from core.report.model import Period
from core.storage import ReportFile, now_iso
from core.storage.atomic import write_bytes_atomically
from core.storage.replacing import making_room
from core.storage.calls import IssuedCall, record_issued_call
from core.trust.aimag_message import canonical, file_bytes, parse_deadline, safe_name
from core.trust.keys import public_key_hex
from core.trust.signing import sign

FORMAT = "tailan-call-v1"
SUFFIX = ".tailan-call"


def make_call(rf: ReportFile, year: int, period: str, deadline: str) -> tuple[dict, str]:
    """(body, signature) of a call for ``year`` and ``period`` by ``deadline``, kept in the aimag's file."""
    aimag = register.aimag_name(rf)
    if not aimag:
        raise TailanError("Аймгийн нэр тохируулаагүй байна: tailan-cli register AIMAG --aimag НЭР.")
    if not 1900 <= year <= 2200:
        raise TailanError(f"«{year}» он буруу байна. Жишээ нь 2024.")
    try:
        period = Period(period).value
    except ValueError:
        raise TailanError("Хугацаа нь plan (төлөвлөгөө), half-year (хагас жилийн) эсвэл annual (жилийн) байна.") from None
    key = aimag_signing_key(aimag)
    body = {
        "format": FORMAT,
        "id": str(uuid.uuid4()),
        "aimag": aimag,
        "aimag_public_key": public_key_hex(key),
        "year": year,
        "period": period,
        "deadline": parse_deadline(deadline),
        "organizations": register.expected_organizations(rf),
        "issued_at": now_iso(),
    }
    signature = sign(key, canonical(body))
    content = file_bytes(body, signature).decode("utf-8")
    record_issued_call(rf, IssuedCall(body["id"], aimag, year, period, body["deadline"], body["issued_at"], content))
    return body, signature


def call_file_name(body: dict) -> str:
    """``Өвөрхангай_2024_хагас-жилийн-тайлан_дуудлага.tailan-call``: whose call, for which round."""
    return safe_name(body["aimag"], str(body["year"]), Period(body["period"]).document, "дуудлага") + SUFFIX


def write_call(rf: ReportFile, year: int, period: str, deadline: str, output: str | os.PathLike) -> Path:
    """Writes the signed call to ``output`` (a file, or a folder to put it in), whole or not at all.

    The call is recorded in the aimag's file only once its file is written: one transaction.
    """
    output = Path(output)
    with rf.transaction():
        body, signature = make_call(rf, year, period, deadline)
        target = output / call_file_name(body) if output.is_dir() else output
        with making_room(target, replace=True):  # an earlier call of that name is kept as a backup
            return write_bytes_atomically(target, file_bytes(body, signature))
