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

from core.report.model import MEASURE_TEXT_FIELDS, Report

FORMAT_V1 = "tailan-report-v1"
#: Signed reports (schema 3 on): v1's fields plus the previous revision's fingerprint
#: and the public key that signs, so that the signature binds the report to the
#: revision it replaces and to its signer.
FORMAT = "tailan-report-v2"
#: Signed reports with evidence (schema 4 on): v2 plus, on every measure, ``evidence``:
#: its files in order, each as name, SHA-256, size and type. The signature so covers
#: every attached file's bytes through its hash, and a file changed, swapped, added or
#: taken away changes the fingerprint.
FORMAT_V3 = "tailan-report-v3"


def canonical_content(report: Report) -> dict[str, Any]:
    """Every field of the report, its signatories, goals and measures, in table order.

    A report finalized before signatures existed (no public key) keeps its v1 form, and
    a signed report without evidence its v2 form, so the fingerprints on paper signed
    before either existed still match. A report with evidence takes the v3 form.
    """
    content = _content_v1(report)
    if report.public_key is not None:
        content["format"] = FORMAT
        content["previous_fingerprint"] = report.previous_fingerprint
        content["public_key"] = report.public_key
    if has_evidence(report):
        content["format"] = FORMAT_V3
        content["previous_fingerprint"] = report.previous_fingerprint
        content["public_key"] = report.public_key
        measures = iter(report.measures())
        for goal in content["goals"]:
            for measure in goal["measures"]:
                measure["evidence"] = [evidence_content(e) for e in next(measures).evidence]
    return content


def has_evidence(report: Report) -> bool:
    """Whether any measure carries a file (the fingerprint then takes the v3 form)."""
    return any(m.evidence for m in report.measures())


def evidence_content(evidence) -> dict[str, Any]:
    """One attached file as the fingerprint covers it: what ``attachments --json`` lists and the paper names."""
    return {"name": evidence.name, "sha256": evidence.sha256, "size": evidence.size, "type": evidence.type}


def _content_v1(report: Report) -> dict[str, Any]:
    return {
        "format": FORMAT_V1,
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


def report_from_content(content: dict[str, Any]) -> Report:
    """The report a canonical serialization describes (the inverse of ``canonical_content``).

    The aimag keeps each received report's canonical content; a revision the reviewer
    returns to, or a decision accepted later, is rebuilt from it.
    """
    from core.report.model import Evidence, Goal, Measure, Period, Score, Signatory

    report = Report(
        id=content["id"],
        organization=content["organization"],
        aimag=content["aimag"],
        year=content["year"],
        period=Period(content["period"]),
        report_date=content["report_date"],
        appendix_label=content["appendix_label"],
        title=content["title"],
        revision=content["revision"],
        finalized_at=content["finalized_at"],
        previous_fingerprint=content.get("previous_fingerprint"),
        public_key=content.get("public_key"),
    )
    report.signatories = [Signatory(id=s["id"], role=s["role"], position=s["position"], name=s["name"])
                          for s in content["signatories"]]
    report.goals = [
        Goal(
            id=g["id"],
            number=g["number"],
            text=g["text"],
            measures=[
                Measure(id=m["id"], **{f: m[f] for f in MEASURE_TEXT_FIELDS},
                        score=Score(m["score"]) if m["score"] is not None else None,
                        evidence=[Evidence(e["name"], e["sha256"], e["size"], e["type"]) for e in m.get("evidence", [])])
                for m in g["measures"]
            ],
        )
        for g in content["goals"]
    ]
    return report


def canonical_bytes(report: Report) -> bytes:
    """The exact bytes that are hashed and signed; their form is fixed by ``FORMAT`` and must never change."""
    return json.dumps(canonical_content(report), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def fingerprint_of(canonical: bytes) -> str:
    """Lower-case hex SHA-256 of the canonical bytes."""
    return hashlib.sha256(canonical).hexdigest()


def compute_fingerprint(report: Report) -> str:
    """The report's fingerprint as finalizing records it and anyone can recompute it from the file."""
    return fingerprint_of(canonical_bytes(report))


def short_code(fingerprint: str) -> str:
    """The code printed on every page: the first 16 hex digits in groups of four."""
    head = fingerprint[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))
