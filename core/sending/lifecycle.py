"""Finalizing a report for signature, and reopening it for changes.

Finalizing makes the report read-only, computes its fingerprint and signs it with the
organization's key on this PC (``core.trust.keys``, ``core.trust.signing``), so the signed paper,
the file and the sender can be held against each other. Reopening is an explicit,
logged act that starts the next revision: the old fingerprint no longer describes the
file, and the next revision names it as the one it replaces.
"""

from __future__ import annotations

from core.errors import TailanError
from core.report import scoring
from core.report.checks import identity_problems
from core.report.model import Report
from core.storage import ReportFile, now_iso
from core.trust.fingerprint import canonical_bytes, fingerprint_of
from core.trust.keys import KeyMissingError, key_path, keys_dir, made_here, organization_key, public_key_hex
from core.trust.signing import key_code, sign


#: The header fields finalizing requires, as the refusal names them.
FIELD_NAMES = {"organization": "Байгууллагын нэр (organization)", "aimag": "Аймгийн нэр (aimag)"}


def not_ready(report: Report) -> str:
    """Why ``report`` cannot be finalized as it stands (a Mongolian sentence), or ``""``.

    The window asks this before it asks "finalize?": a question whose yes is then
    refused wastes the officer's time."""
    if report.is_final:
        return "Тайлан аль хэдийн баталгаажсан байна."
    empty = [FIELD_NAMES[p.value] for p in identity_problems(report)]
    if empty:
        return (f"{' болон '.join(empty)} хоосон байна: тайлангийн толгойд бичээд дараа нь баталгаажуулна уу "
                "(цонхны «Тайлан» хэсэг, эсвэл tailan-cli set FILE --report-field ... --value ...).")
    missing = scoring.unscored(report)
    if missing:
        numbers = ", ".join(m.number or "?" for m in missing)
        return f"Үнэлгээгүй арга хэмжээ байна ({numbers}). Бүгдийг үнэлээд дараа нь баталгаажуулна уу."
    if not report.measures():
        return "Тайланд арга хэмжээ алга; баталгаажуулах зүйлгүй."
    return ""


def finalize(rf: ReportFile, report_id: str, new_key: bool = False, notices: list[str] | None = None) -> Report:
    """Finalizes a complete report (a plan: without scores); refuses one without its
    organization or aimag, naming the field, or with measures still unscored (``not_ready``).

    Read, signed and written in one transaction that holds the file's write lock, so
    what is signed is what the file holds. A report signed before (a later revision)
    whose organization has no key on this PC is refused with ``KeyMissingError`` unless
    ``new_key``: a new key means the aimag must compare a new code with the paper. What
    the user should know (a new key made, a key file made private again) goes into
    ``notices``.
    """
    notices = notices if notices is not None else []
    with rf.transaction(immediate=True):
        report = rf.load_report(report_id)
        reason = not_ready(report)
        if reason:
            raise TailanError(reason)
        _check_evidence(rf, report)
        key = _signing_key(report, new_key, notices)
        report.finalized_at = now_iso()
        report.public_key = public_key_hex(key)
        content = canonical_bytes(report)
        report.fingerprint = fingerprint_of(content)
        report.signature = sign(key, content)
        rf.mark_finalized(report)
    return report


def _signing_key(report: Report, new_key: bool, notices: list[str]):
    """The organization's key on this PC; a new one only on first use, or when the user confirmed."""
    key = organization_key(report.organization, create=False, notices=notices)  # refuses an empty name
    if key is not None:
        return key
    signed_before = report.revision > 1 or bool(report.previous_fingerprint) or made_here(report.organization)
    if signed_before and not new_key:
        raise KeyMissingError(
            f"Энэ компьютер дээр «{report.organization}»-ийн гарын үсгийн түлхүүр алга ({keys_dir()}), гэтэл тайланг "
            f"өмнө нь баталгаажуулсан (одоо хувилбар {report.revision}). Түлхүүрийн хавтсыг нөөцөөс сэргээнэ үү; "
            "эсвэл шинэ түлхүүр үүсгэхийг батална уу (tailan-cli finalize ФАЙЛ --new-key): аймаг шинэ кодыг "
            "цаасан дээрхтэй тулгаж зөвшөөрнө."
        )
    key = organization_key(report.organization, create=True, notices=notices, recreate=True)
    notices.append(f"«{report.organization}»-д энэ компьютер дээр шинэ түлхүүр үүсгэлээ: {key_code(public_key_hex(key))} "
                   f"({key_path(report.organization)}). Гарын үсэгтэй цаасан дээрх кодоор аймаг түүнийг зөвшөөрнө.")
    return key


def _check_evidence(rf: ReportFile, report: Report) -> None:
    """Every attached file is whole and is what its hash says before that hash is signed."""
    from core.report.evidence.content import EvidenceRefused
    from core.report.evidence.stored import check_stored_file

    named = {e.sha256: (m.number, e.name) for m in report.measures() for e in m.evidence}
    for sha256, size, kind in rf.stored_files(report.id):
        try:
            check_stored_file(rf, sha256, size, kind)
        except EvidenceRefused as exc:
            number, name = named.get(sha256, ("?", "?"))
            raise TailanError(f"{number} арга хэмжээний «{name}» нотлох баримт: {exc.message}. Түүнийг хасаад "
                              "эх файлаас нь дахин хавсаргаад баталгаажуулна уу.") from None


def reopen(rf: ReportFile, report_id: str) -> Report:
    """Reopens a finalized report for changes: logged, and the revision moves on."""
    report = rf.load_report(report_id)
    if not report.is_final:
        raise TailanError("Тайлан баталгаажаагүй тул аль хэдийн засах боломжтой.")
    rf.mark_reopened(report)
    return rf.load_report(report_id)
