"""The way back down: a signed receipt from the aimag, kept in the soum's file.

When the aimag has taken a report, it can write a receipt: organization, year,
period, revision, the report's fingerprint, when it was received, the total as the
aimag computed it, the aimag's name, the reviewer's name and remarks (times in the
aimag's local time with its offset, ``core.storage.clock``), signed with the
aimag's own key (the same kind of key as the soums', ``core.trust.keys``). The soum opens it:
the signature must be by an aimag key the soum accepted (the first time, after
comparing its code with the aimag's paper), and the receipt must be about the soum's
own report (fingerprint and revision); then it is kept inside the soum's file. It
changes no score by itself.

A receipt is a small JSON file. On the soum's side it is untrusted input exactly as a
submission is at the aimag: its size, shape and every value are checked before use.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

from core.aimag import register, reviewer
from core.aimag.remarks import MAX_REMARK_CHARS, Remark, current_submission, remarks_for
from core.errors import NotFoundError, TailanError
from core.report import scoring
from core.report.model import Period, Report, Score
from core.storage import ReportFile
from core.storage.clock import as_local_iso, later_than, local_clock, local_now_iso
from core.storage.atomic import write_bytes_atomically
from core.storage.filenames import file_name
from core.storage.replacing import making_room
from core.storage.receipts import keep_receipt, kept_for_revision, latest_receipt
from core.trust import aimag_keys
from core.trust.keys import organization_key, public_key_hex
from core.trust.names import name_key
from core.trust.signing import SignatureError, check_signature, key_code, sign

FORMAT = "tailan-receipt-v1"
SUFFIX = ".tailan-receipt"
MAX_RECEIPT_BYTES = 2 * 1024 * 1024
MAX_REMARKS = 5_000
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class ReceiptError(TailanError):
    """A receipt that is refused: a Mongolian reason, nothing changed."""


@dataclass
class Receipt:
    """The aimag's signed word that it took one revision of a soum's report, with its total and remarks."""

    aimag: str
    organization: str
    year: int | None
    period: str
    revision: int
    fingerprint: str
    received_at: str
    total_display: str
    issued_at: str
    aimag_public_key: str
    signature: str
    remarks: list[Remark] = field(default_factory=list)
    #: Who issued it: the reviewer's name (receipts written before it was kept have none).
    reviewer: str = ""

    @property
    def aimag_key_code(self) -> str:
        """The code of the signing aimag key, for the soum to compare with the aimag's paper."""
        return key_code(self.aimag_public_key)

    def body(self) -> dict:
        """Everything the signature covers (all but the signature itself), with the format tag."""
        signed = [f.name for f in fields(self) if f.name not in ("signature", "remarks", "reviewer")]
        body = {"format": FORMAT, **{name: getattr(self, name) for name in signed},
                "remarks": [r.to_json() for r in self.remarks]}
        if self.reviewer:  # an older receipt has none: its body stays the bytes it was signed as
            body["reviewer"] = self.reviewer
        return body

    def to_json(self) -> dict:
        """What ``tailan-cli show --json`` gives as ``receipt``."""
        return {
            "status": "accepted",
            "received_at": self.received_at,
            "revision": self.revision,
            "fingerprint": self.fingerprint,
            "aimag": self.aimag,
            "aimag_key_code": self.aimag_key_code,
            "total_display": self.total_display,
            "remarks": [{"measure": r.measure, "text": r.text, "score": r.score} for r in self.remarks],
        }


def canonical(body: dict) -> bytes:
    """The exact bytes a receipt's signature covers: sorted keys, no spaces, UTF-8, as the fingerprint's form."""
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def aimag_signing_key(aimag: str):
    """The aimag's own key on the reviewer's PC (kept apart from any soum's key of that name)."""
    return organization_key(f"аймаг: {aimag}", recreate=True)  # (issue 19 asks only at a soum's finalize)


def aimag_key_code(aimag: str) -> str:
    """The code of this PC's key for ``aimag``, printed on the ranking paper; the key is made on first use."""
    return key_code(public_key_hex(aimag_signing_key(aimag)))


# ------------------------------------------------------------------ the aimag side
def make_receipt(rf: ReportFile, organization: str, year: int | None = None, period: str | None = None,
                 author: str | None = None) -> Receipt:
    """Signs a receipt for an organization's current submission; refuses when the aimag has no name set.

    ``author`` is the reviewer who issues it (``core.aimag.reviewer.who``)."""
    aimag = register.aimag_name(rf)
    if not aimag:
        raise TailanError("Аймгийн нэр тохируулаагүй байна: tailan-cli register AIMAG --aimag НЭР.")
    report, fingerprint, received_at, _ = current_submission(rf, organization, year, period)
    key = aimag_signing_key(aimag)
    receipt = Receipt(
        aimag=aimag,
        organization=report.organization,
        year=report.year,
        period=report.period.value,
        revision=report.revision,
        fingerprint=fingerprint,
        received_at=as_local_iso(received_at),
        total_display=scoring.display(scoring.report_total(report), "—"),
        issued_at=local_now_iso(),
        aimag_public_key=public_key_hex(key),
        signature="",
        remarks=remarks_for(rf, fingerprint),
        reviewer=reviewer.who(author),
    )
    receipt.signature = sign(key, canonical(receipt.body()))
    return receipt


def receipt_file_name(receipt: Receipt) -> str:
    """A file name that says whose receipt it is and is safe on any disk or USB stick."""
    return receipt_name(receipt.aimag, receipt.organization, receipt.year, receipt.period, receipt.revision)


def receipt_name(aimag: str, organization: str, year: int | None, period: str, revision: int) -> str:
    """``Өвөрхангай_Нарийнтээл-сум_2023_жилийн_хувилбар1_хариу.tailan-receipt``, short enough on any disk."""
    parts = [aimag, organization, str(year or "он"), Period(period).label.lower(), f"хувилбар{revision}", "хариу"]
    return file_name(parts, SUFFIX)


def write_receipt(rf: ReportFile, organization: str, folder: str | os.PathLike, year: int | None = None,
                  period: str | None = None, backups: list[Path] | None = None, author: str | None = None) -> Path:
    """Writes the signed receipt of an organization's current report into ``folder``, issued by
    ``author`` (``core.aimag.reviewer.who``); a receipt already there under that name is first
    kept as a backup beside it (named in ``backups``)."""
    receipt = make_receipt(rf, organization, year, period, author)
    target = Path(folder) / receipt_file_name(receipt)
    data = json.dumps({"body": receipt.body(), "signature": receipt.signature}, ensure_ascii=False, indent=1)
    with making_room(target, replace=True) as backup:
        write_bytes_atomically(target, data.encode("utf-8"))
    if backup is not None and backups is not None:
        backups.append(backup)
    return target


def write_receipts(rf: ReportFile, organizations: list[str], folder: str | os.PathLike,
                   backups: list[Path] | None = None, author: str | None = None) -> list[Path]:
    """Receipts for a batch, one file per organization, into one folder (each name its own,
    however long the organizations' names)."""
    return [write_receipt(rf, name, folder, backups=backups, author=author) for name in organizations]


def receipt_paths(rf: ReportFile, organizations: list[str], folder: str | os.PathLike) -> list[Path]:
    """Where ``write_receipts`` will write each organization's receipt (to ask before replacing)."""
    aimag = register.aimag_name(rf)
    paths = []
    for name in organizations:
        report, _, _, _ = current_submission(rf, name)
        paths.append(Path(folder) / receipt_name(aimag, report.organization, report.year, report.period.value,
                                                 report.revision))
    return paths


# ------------------------------------------------------------------- the soum side
def read_receipt(path: str | os.PathLike) -> Receipt:
    """Reads and checks a receipt file's shape and signature; raises ``ReceiptError``."""
    path = Path(path)
    try:
        if not path.is_file():
            raise ReceiptError("Хариуны файл олдсонгүй (эсвэл энгийн файл биш).")
        if path.stat().st_size > MAX_RECEIPT_BYTES:
            raise ReceiptError("Хэт том файл: аймгийн хариу ийм том байдаггүй.")
        raw = path.read_bytes()[: MAX_RECEIPT_BYTES + 1]
    except OSError as exc:
        raise ReceiptError(f"Хариуны файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno}).") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ReceiptError("Аймгийн хариуны файл биш эсвэл таслагдсан/гэмтсэн байна. Дахин авна уу.") from None
    if not isinstance(data, dict) or not isinstance(data.get("body"), dict) or not isinstance(data.get("signature"), str):
        raise ReceiptError("Аймгийн хариуны файл биш байна.")
    body = data["body"]
    receipt = _receipt_from(body, data["signature"])
    try:
        check_signature(receipt.aimag_public_key, receipt.signature, canonical(body))
    except SignatureError:
        raise ReceiptError("Хариуны гарын үсэг агуулгатай таарахгүй: файлыг өөрчилсөн байна.") from None
    return receipt


def _receipt_from(body: dict, signature: str) -> Receipt:
    def text(name: str, limit: int = 1_000, required: bool = True) -> str:
        value = body.get(name)
        if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
            raise ReceiptError(f"Хариуны «{name}» утга буруу.")
        return value

    if body.get("format") != FORMAT:
        raise ReceiptError("Аймгийн хариуны үл мэдэгдэх хувилбар: програмаа шинэчилнэ үү.")
    year, revision = body.get("year"), body.get("revision")
    if year is not None and (type(year) is not int or not 1900 <= year <= 2200):
        raise ReceiptError("Хариуны он буруу.")
    if type(revision) is not int or not 1 <= revision <= 1_000_000:
        raise ReceiptError("Хариуны хувилбарын дугаар буруу.")
    period = text("period", 20)
    if period not in {p.value for p in Period}:
        raise ReceiptError("Хариуны хугацаа буруу.")
    fingerprint = text("fingerprint", 64)
    public_key = text("aimag_public_key", 64)
    if not _HEX64.match(fingerprint) or not _HEX64.match(public_key) or not re.fullmatch(r"[0-9a-f]{128}", signature):
        raise ReceiptError("Хариуны хурууны хээ эсвэл гарын үсгийн бичлэг буруу.")
    remarks_raw = body.get("remarks")
    if not isinstance(remarks_raw, list) or len(remarks_raw) > MAX_REMARKS:
        raise ReceiptError("Хариуны тайлбарын жагсаалт буруу.")
    issuer = body.get("reviewer", "")
    if not isinstance(issuer, str) or len(issuer) > 200:
        raise ReceiptError("Хариуны хянагчийн нэр буруу.")
    remarks = []
    for item in remarks_raw:
        if not isinstance(item, dict):
            raise ReceiptError("Хариуны тайлбар буруу.")
        measure, words, score = item.get("measure"), item.get("text"), item.get("score")
        author, at = item.get("author", ""), item.get("at", "")
        if measure is not None and (not isinstance(measure, str) or len(measure) > 100):
            raise ReceiptError("Хариуны тайлбарын арга хэмжээний дугаар буруу.")
        if not isinstance(words, str) or len(words) > MAX_REMARK_CHARS:
            raise ReceiptError("Хариуны тайлбарын текст буруу.")
        if score is not None and score not in {s.value for s in Score}:
            raise ReceiptError("Хариуны санал болгосон үнэлгээ буруу.")
        if not isinstance(author, str) or not isinstance(at, str) or len(author) > 200 or len(at) > 40:
            raise ReceiptError("Хариуны тайлбарын зохиогч/огноо буруу.")
        remarks.append(Remark(measure, words, score, author, at))
    return Receipt(
        aimag=text("aimag", 200),
        organization=text("organization", 1_000),
        year=year,
        period=period,
        revision=revision,
        fingerprint=fingerprint,
        received_at=text("received_at", 40),
        total_display=text("total_display", 40),
        issued_at=text("issued_at", 40),
        aimag_public_key=public_key,
        signature=signature,
        remarks=remarks,
        reviewer=issuer,
    )


def open_receipt(rf: ReportFile, path: str | os.PathLike, accept_key: bool = False,
                 report_id: str | None = None) -> Receipt:
    """Checks a receipt against the soum's own report, its aimag and the key accepted for it, then keeps it.

    Raises ``ReceiptError`` (nothing changed) when it is about another organization,
    report or revision; when it names another aimag than the report's own (by the name
    rule, so an invisible character or a look-alike letter is the same aimag and meets
    the same accepted key); when its signature is not by a key accepted for the
    report's aimag (first time: unless ``accept_key``); or when a newer receipt of the
    same revision is kept already.
    """
    receipt = read_receipt(path)
    report = _own_report(rf, receipt, report_id)
    accepted = aimag_keys.accepted_keys(report.aimag)
    if receipt.aimag_public_key not in accepted:
        if accepted:
            raise ReceiptError(
                f"Хариуг {report.aimag} аймгийн хүлээн зөвшөөрсөн түлхүүрээр биш ({receipt.aimag_key_code}) "
                "гарын үсэг зурсан байна. Аймагтаа лавлана уу."
            )
        if not accept_key:
            raise ReceiptError(
                f"{report.aimag} аймгийн түлхүүрийг анх удаа харж байна: код {receipt.aimag_key_code}. "
                "Аймгийн эрэмбийн цаасан дээрх кодтой тулгаад, таарвал зөвшөөрнө үү (--accept-key)."
            )
    if rf.read_only:
        raise ReceiptError(rf.read_only_reason or "Файл зөвхөн уншихаар нээгдсэн; хариуг хадгалах боломжгүй.")
    kept = kept_for_revision(rf, report.id, receipt.revision)
    if kept is not None:
        earlier = json.loads(kept)["body"].get("issued_at", "")
        if isinstance(earlier, str) and later_than(earlier, receipt.issued_at):  # instants, whatever their offsets
            raise ReceiptError(
                f"Хариуг хүлээн авсангүй: хувилбар {receipt.revision}-д илүү шинэ хариу хадгалагдсан байна "
                f"({local_clock(earlier)}); хуучин хариу ({local_clock(receipt.issued_at)}) түүнийг солихгүй."
            )
    content = json.dumps({"body": receipt.body(), "signature": receipt.signature}, ensure_ascii=False)
    keep_receipt(rf, report.id, receipt.revision, receipt.fingerprint, receipt.aimag, receipt.received_at,
                 receipt.aimag_key_code, content)
    if receipt.aimag_public_key not in accepted:
        aimag_keys.accept(report.aimag, receipt.aimag_public_key)
    return receipt


def first_key_of_its_aimag(rf: ReportFile, receipt: Receipt, report_id: str | None = None) -> bool:
    """Whether keeping this receipt first needs its aimag's key accepted (the officer's question):
    it is about this report, of the report's own aimag, and no key of that aimag is accepted here.
    Raises ``ReceiptError`` for a receipt that would be refused anyway, so nothing is asked of it."""
    report = _own_report(rf, receipt, report_id)
    return not aimag_keys.accepted_keys(report.aimag)


def _own_report(rf: ReportFile, receipt: Receipt, report_id: str | None) -> Report:
    """The report the receipt is about, the receipt naming that report's own aimag (by the name rule)."""
    report = _matching_report(rf, receipt, report_id)
    if not name_key(report.aimag):
        raise ReceiptError("Тайлангийн толгойд аймгийн нэр алга тул хариу аль аймгийнх болохыг тулгах боломжгүй. "
                           "Тайлангийн аймгийн нэрийг бичнэ үү.")
    if name_key(receipt.aimag) != name_key(report.aimag):
        raise ReceiptError(f"Хариуг хүлээн авсангүй: өөр аймгийн хариу («{receipt.aimag}»; энэ тайлан "
                           f"«{report.aimag}» аймгийнх).")
    return report


def _matching_report(rf: ReportFile, receipt: Receipt, report_id: str | None) -> Report:
    """The soum's report the receipt is about: same organization, fingerprint and revision
    (also after the soum reopened it for the next revision)."""
    ids = [report_id] if report_id else [r.id for r in rf.list_reports()]
    reasons = []
    for rid in ids:
        report = rf.load_report(rid)
        if name_key(report.organization) != name_key(receipt.organization):
            reasons.append(f"өөр байгууллагын хариу ({receipt.organization}; энэ файл {report.organization})")
            continue
        if report.fingerprint == receipt.fingerprint and report.revision == receipt.revision:
            return report
        if report.previous_fingerprint == receipt.fingerprint and report.revision > receipt.revision:
            return report
        if report.revision > receipt.revision or (report.revision == receipt.revision and report.fingerprint):
            reasons.append(f"тайлангийн өөр хувилбарын хариу (хариу: хувилбар {receipt.revision}; "
                           f"файлд хувилбар {report.revision})")
        else:
            reasons.append("энэ тайлангийн хариу биш (хурууны хээ таарахгүй)")
    raise ReceiptError("Хариуг хүлээн авсангүй: " + ("; ".join(dict.fromkeys(reasons)) or "тайлан алга") + ".")


def kept_receipt(rf: ReportFile, report_id: str) -> Receipt | None:
    """The latest receipt kept for a report (its remarks stay in view while the next revision is made)."""
    content = latest_receipt(rf, report_id)
    if content is None:
        return None
    data = json.loads(content)
    if data["body"].get("format") != FORMAT:  # a notice of a rejection (core.sending.notice) came after it
        return None
    return _receipt_from(data["body"], data["signature"])


def in_force(report: Report, receipt: Receipt | None) -> bool:
    """Whether the aimag's answer still speaks to the report (``Report.still_answered_by``): once
    the next revision is finalized, its remarks belong to a revision the soum has replaced."""
    return receipt is not None and report.still_answered_by(receipt.revision)


def require_kept(rf: ReportFile, report_id: str) -> Receipt:
    """The kept receipt of a report, or a Mongolian ``NotFoundError`` for the command line."""
    receipt = kept_receipt(rf, report_id)
    if receipt is None:
        raise NotFoundError("Энэ тайланд аймгийн хариу хадгалагдаагүй байна.")
    return receipt
