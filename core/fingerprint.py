"""The fingerprint of a report: SHA-256 over a canonical serialization of its content.

The signed paper carries the fingerprint, and so does the submission file; anyone can
recompute it from the file and hold it against the paper. The serialization is
documented in ``docs/file-format.md`` with a test vector, and must never change for
a given ``FORMAT`` value: change the format only by adding a new ``FORMAT``.

Canonical form: a JSON object, keys sorted, no insignificant whitespace
(separators ``,`` and ``:``), non-ASCII characters written as themselves, encoded as
UTF-8. The text of the user is taken exactly as stored (no Unicode normalization, no
trimming), so any change to any field changes the fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .model import MEASURE_TEXT_FIELDS, Report

FORMAT = "tailan-report-v1"


def canonical_content(report: Report) -> dict[str, Any]:
    """Every field of the report, its signatories, goals and measures, in table order."""
    return {
        "format": FORMAT,
        "id": report.id,
        "organization": report.organization,
        "aimag": report.aimag,
        "year": report.year,
        "period": report.period.value,
        "report_date": report.report_date,
        "appendix_label": report.appendix_label,
        "title": report.title,
        "revision": report.revision,
        "finalized_at": report.finalized_at,
        "signatories": [
            {"id": s.id, "role": s.role, "position": s.position, "name": s.name} for s in report.signatories
        ],
        "goals": [
            {
                "id": g.id,
                "number": g.number,
                "text": g.text,
                "measures": [
                    {"id": m.id, **{f: getattr(m, f) for f in MEASURE_TEXT_FIELDS}, "score": m.score.value if m.score else None}
                    for m in g.measures
                ],
            }
            for g in report.goals
        ],
    }


def canonical_bytes(report: Report) -> bytes:
    return json.dumps(canonical_content(report), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def fingerprint_of(canonical: bytes) -> str:
    """Lower-case hex SHA-256 of the canonical bytes."""
    return hashlib.sha256(canonical).hexdigest()


def compute_fingerprint(report: Report) -> str:
    return fingerprint_of(canonical_bytes(report))


def short_code(fingerprint: str) -> str:
    """The code printed on every page: the first 16 hex digits in groups of four."""
    head = fingerprint[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))
