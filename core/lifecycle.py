"""Finalizing a report for signature, and reopening it for changes.

Finalizing makes the report read-only and computes its fingerprint, so the signed
paper and the file can be held against each other. Reopening is an explicit, logged
act that starts the next revision: the old fingerprint no longer describes the file.
"""

from __future__ import annotations

from . import scoring
from .errors import TailanError
from .fingerprint import compute_fingerprint
from .model import Report
from .storage import ReportFile, now_iso


def finalize(rf: ReportFile, report_id: str) -> Report:
    """Finalizes a complete report; refuses one with measures still unscored."""
    report = rf.load_report(report_id)
    if report.is_final:
        raise TailanError("Тайлан аль хэдийн баталгаажсан байна.")
    missing = scoring.unscored(report)
    if missing:
        numbers = ", ".join(m.number or "?" for m in missing)
        raise TailanError(f"Үнэлгээгүй арга хэмжээ байна ({numbers}). Бүгдийг үнэлээд дараа нь баталгаажуулна уу.")
    if not report.measures():
        raise TailanError("Тайланд арга хэмжээ алга; баталгаажуулах зүйлгүй.")
    report.finalized_at = now_iso()
    report.fingerprint = compute_fingerprint(report)
    with rf._edit():
        rf.conn.execute(
            "UPDATE reports SET finalized_at = ?, fingerprint = ? WHERE id = ?",
            (report.finalized_at, report.fingerprint, report.id),
        )
        rf._log(report.id, "report", report.id, "(finalize)", None, report.fingerprint)
    return report


def reopen(rf: ReportFile, report_id: str) -> Report:
    """Reopens a finalized report for changes: logged, and the revision moves on."""
    report = rf.load_report(report_id)
    if not report.is_final:
        raise TailanError("Тайлан баталгаажаагүй тул аль хэдийн засах боломжтой.")
    with rf._edit():
        rf.conn.execute(
            "UPDATE reports SET finalized_at = NULL, fingerprint = NULL, revision = revision + 1 WHERE id = ?",
            (report.id,),
        )
        rf._log(report.id, "report", report.id, "(reopen)", report.fingerprint, str(report.revision + 1))
    return rf.load_report(report_id)
