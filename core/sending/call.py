"""The aimag's call on the soum's side: checked, accepted once, kept with the report it asks for.

The soum opens the call once (``tailan-cli call-open``, File -> "Open the aimag's call",
or the start page): its signature, then the aimag's key (``core.trust.aimag_message``:
the first time the officer compares its code with the aimag's letter), then whether it
speaks to this report: of this report's aimag (when one is written), naming this
organization among those expected (when the aimag listed any), and not older than, nor
the same as, the call the report already keeps (a replayed call changes nothing). Then
it is kept in the file (``core.storage.calls``), the report's empty aimag is filled in
with the aimag's spelling, and the call is remembered on this PC, so the start page
shows the deadline and the days left before any report is open. A report whose aimag,
year or period differs from its call is a problem (``core.report.checks``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import TailanError
from core.paths import user_data_dir
from core.report.model import Period, Report
from core.report.title import set_header_field
from core.storage import ReportFile
from core.storage.atomic import write_bytes_atomically
from core.storage.calls import keep_call, kept_calls
from core.trust import aimag_keys
from core.trust import aimag_message as message
from core.trust.aimag_message import MessageError
from core.trust.names import name_key
from core.trust.signing import key_code

FORMAT = "tailan-call-v1"
WHOSE = "дуудлагын"
MAX_ORGANIZATIONS = 5_000


@dataclass(frozen=True)
class Call:
    """The aimag's call for one round: whose, which year and period, by when, for whom."""

    id: str
    aimag: str
    aimag_public_key: str
    year: int
    period: str
    deadline: str
    issued_at: str
    signature: str
    organizations: tuple[str, ...] = field(default_factory=tuple)

    @property
    def key_code(self) -> str:
        """The aimag key's code, to compare with the aimag's letter."""
        return key_code(self.aimag_public_key)

    def days_left(self, on=None) -> int:
        """Days to the deadline: 0 on the day, negative when late."""
        return message.days_left(self.deadline, on)

    def to_json(self) -> dict:
        """What ``show --json`` gives as ``call``."""
        return {"aimag": self.aimag, "year": self.year, "period": self.period, "deadline": self.deadline,
                "key_code": self.key_code}

    def body(self) -> dict:
        """The signed body, as the aimag wrote it."""
        return {"format": FORMAT, "id": self.id, "aimag": self.aimag, "aimag_public_key": self.aimag_public_key,
                "year": self.year, "period": self.period, "deadline": self.deadline,
                "organizations": list(self.organizations), "issued_at": self.issued_at}

    def describe(self) -> str:
        """``Өвөрхангай аймаг: 2024 оны хагас жилийн тайлан, 2024-07-05-ны дотор`` for messages."""
        return f"{self.aimag} аймаг: {self.year} оны {Period(self.period).document}, {self.deadline}-ны дотор"


def read_call(path: str | os.PathLike) -> Call:
    """Reads a call file and checks its shape, values and signature; raises ``MessageError``."""
    body, signature = message.read_body(path, WHOSE, FORMAT)
    return _call_from(body, signature)


def _call_from(body: dict, signature: str) -> Call:
    period = message.text(body, "period", WHOSE, 20)
    if period not in {p.value for p in Period}:
        raise MessageError("Аймгийн дуудлагын хугацаа буруу.")
    organizations = body.get("organizations")
    if not isinstance(organizations, list) or len(organizations) > MAX_ORGANIZATIONS or not all(
            isinstance(o, str) and 0 < len(o) <= 1_000 for o in organizations):
        raise MessageError("Аймгийн дуудлагын байгууллагуудын жагсаалт буруу.")
    try:
        deadline = message.parse_deadline(body.get("deadline"))
    except MessageError:
        raise MessageError("Аймгийн дуудлагын эцсийн хугацаа буруу.") from None
    return Call(
        id=message.text(body, "id", WHOSE, 100),
        aimag=message.text(body, "aimag", WHOSE, 200),
        aimag_public_key=body["aimag_public_key"],
        year=message.integer(body, "year", WHOSE, 1900, 2200),
        period=period,
        deadline=deadline,
        issued_at=message.timestamp(body, "issued_at", WHOSE),
        signature=signature,
        organizations=tuple(organizations),
    )


def check_key(call: Call, accept_key: bool) -> bool:
    """Whether the call's key is accepted now (the first key of its aimag, compared); refuses any other."""
    return message.check_aimag_key(call.aimag, call.aimag_public_key, accept_key, WHOSE)


def open_call(rf: ReportFile, path: str | os.PathLike, accept_key: bool = False, report_id: str | None = None,
              fill_aimag: bool = True) -> Call:
    """Checks a call against the accepted aimag keys and this report, then keeps it (and fills the aimag).

    ``fill_aimag=False`` leaves the aimag's name to the caller (the window fills it as an
    undoable edit). Raises ``MessageError`` (nothing changed) when the call is refused.
    """
    call = read_call(path)
    new_key = check_key(call, accept_key)
    report = rf.load_report(rf.resolve_report_id(report_id))
    check_for_report(call, report, kept_call(rf, report.id))
    if rf.read_only:
        raise MessageError(rf.read_only_reason or "Файл зөвхөн уншихаар нээгдсэн; дуудлагыг хадгалах боломжгүй.")
    content = message.file_bytes(call.body(), call.signature).decode("utf-8")
    with rf.transaction():
        keep_call(rf, report.id, call.aimag, call.year, call.period, call.deadline, call.key_code, call.issued_at,
                  content)
        if fill_aimag and report.aimag != call.aimag and not report.is_final:
            set_header_field(rf, report, "aimag", call.aimag)
    if new_key:
        message.accept_aimag_key(call.aimag, call.aimag_public_key)
    remember(call)
    return call


def open_on_pc(path: str | os.PathLike, accept_key: bool = False) -> Call:
    """A call opened with no report open (the start page): checked, its key accepted, remembered on this PC.

    Each report it asks for keeps it once opened there (``open_call``)."""
    call = read_call(path)
    if check_key(call, accept_key):
        message.accept_aimag_key(call.aimag, call.aimag_public_key)
    remember(call)
    return call


def check_for_report(call: Call, report: Report, kept: Call | None) -> None:
    """Refuses a call that does not speak to this report: another aimag's, one that does not expect
    this organization, or one older than (or the same as) the call the report keeps."""
    if report.aimag.strip() and name_key(report.aimag) != name_key(call.aimag):
        raise MessageError(f"Энэ дуудлага «{call.aimag}» аймгийнх, тайланд «{report.aimag}» аймаг гэж бичсэн байна. "
                           "Аймгаа шалгана уу: өөр аймгийн дуудлагыг нээхгүй.")
    expected = {name_key(o) for o in call.organizations}
    if expected and report.organization.strip() and name_key(report.organization) not in expected:
        raise MessageError(f"«{report.organization}» энэ дуудлагын байгууллагуудын жагсаалтад алга: өөр "
                           "байгууллагад илгээсэн дуудлага байж магадгүй. Аймагтаа лавлана уу.")
    if kept is not None and name_key(kept.aimag) == name_key(call.aimag):
        if kept.id == call.id:
            raise MessageError(f"Энэ дуудлагыг энэ тайланд аль хэдийн нээсэн байна ({kept.describe()}).")
        if kept.issued_at > call.issued_at:
            raise MessageError(f"Энэ тайланд аймгийн илүү шинэ дуудлага байна ({kept.describe()}); хуучин "
                               "дуудлагыг нээхгүй.")


def kept_call(rf: ReportFile, report_id: str) -> Call | None:
    """The call in force for a report (the one issued last), or ``None``."""
    for content in kept_calls(rf, report_id):
        data = json.loads(content)
        return _call_from(data["body"], data["signature"])
    return None


# ------------------------------------------------------------------ remembered on this PC
def store_path() -> Path:
    """The calls opened on this PC, the latest of each aimag: the start page shows their deadlines."""
    return user_data_dir() / "aimag_calls.json"


def remember(call: Call) -> None:
    """Keeps the call as its aimag's latest on this PC (an older one never replaces a newer one)."""
    if _unreadable(store_path()):
        return  # a store that cannot be read is never written over (issue 19); the report file keeps the call
    entries = {name_key(c.aimag): c for c in remembered_calls()}
    known = entries.get(name_key(call.aimag))
    if known is not None and known.issued_at > call.issued_at:
        return
    entries[name_key(call.aimag)] = call
    data = [{"body": c.body(), "signature": c.signature} for c in entries.values()]
    path = store_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except (OSError, TailanError):
        pass  # the call is kept in the report file; the start page only misses its line


def _unreadable(path: Path) -> bool:
    """Whether a store is there but is not the list this module writes."""
    try:
        return not isinstance(json.loads(path.read_text(encoding="utf-8")), list)
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return True


def remembered_calls() -> list[Call]:
    """The calls this PC remembers, each checked again (a changed store is ignored, never trusted)."""
    try:
        data = json.loads(store_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    calls = []
    for item in data if isinstance(data, list) else []:
        try:
            body, signature = item["body"], item["signature"]
            if not isinstance(body, dict) or body.get("format") != FORMAT:
                continue
            message.check_signature_of(body, signature)
            call = _call_from(body, signature)
        except (KeyError, TypeError, TailanError):
            continue
        try:
            accepted = aimag_keys.accepted_keys(call.aimag)
        except TailanError:  # a store that cannot be read trusts nothing (it is said where a key is accepted)
            return []
        if call.aimag_public_key in accepted:
            calls.append(call)
    return sorted(calls, key=lambda c: c.deadline)

