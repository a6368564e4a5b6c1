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
from enum import Enum
from typing import Any

from core.report.model import Report

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
#: Reports of the officer's whole year (schema 5 on): v3 plus, on every measure, the plan's
#: ``responsible`` and ``due`` and its ``origin`` (the id of the measure it was made from,
#: or null), so the signature covers who answers for a measure, by when, and which
#: measure of the approved plan it carries on. Taken only when a measure has one of them.
FORMAT_V4 = "tailan-report-v4"


#: The fields the fingerprint covers, in ``tailan-report-v1`` and after: the one list that
#: both writes the canonical content and reads it back. Frozen with the format: a field
#: added to the model is a new ``FORMAT`` (tests/test_trust.py holds them against the model).
REPORT_V1_FIELDS = ("id", "organization", "aimag", "year", "period", "report_date", "appendix_label", "title",
                    "revision", "finalized_at")
SIGNATORY_V1_FIELDS = ("id", "role", "position", "name")
GOAL_V1_FIELDS = ("id", "number", "text")
MEASURE_V1_FIELDS = ("id", "number", "text", "indicator", "baseline_year", "baseline_level", "target_level",
                     "achieved", "score")
#: What v2 adds: the revision it replaces and the key that signs.
REPORT_V2_FIELDS = ("previous_fingerprint", "public_key")
#: What v3 adds, on every measure: each attached file by these fields (``core.report.model.Evidence``;
#: its ``id`` and ``year`` are not part of what is signed).
EVIDENCE_V3_FIELDS = ("name", "sha256", "size", "type")
#: What v4 adds, on every measure.
MEASURE_V4_FIELDS = ("responsible", "due", "origin")


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _fields(item: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: _plain(getattr(item, name)) for name in names}


def canonical_content(report: Report) -> dict[str, Any]:
    """Every field of the report, its signatories, goals and measures, in table order.

    A report finalized before signatures existed (no public key) keeps its v1 form, and
    a signed report without evidence its v2 form, so the fingerprints on paper signed
    before either existed still match. A report with evidence takes the v3 form, and one
    whose measures have a responsible, a due time or an origin the v4 form.
    """
    content = {
        "format": FORMAT_V1,
        **_fields(report, REPORT_V1_FIELDS),
        "signatories": [_fields(s, SIGNATORY_V1_FIELDS) for s in report.signatories],
        "goals": [
            {**_fields(g, GOAL_V1_FIELDS), "measures": [_fields(m, MEASURE_V1_FIELDS) for m in g.measures]}
            for g in report.goals
        ],
    }
    if report.public_key is not None:
        content["format"] = FORMAT
        content.update(_fields(report, REPORT_V2_FIELDS))
    plan = has_plan_fields(report)
    if plan or has_evidence(report):
        content["format"] = FORMAT_V4 if plan else FORMAT_V3
        content.update(_fields(report, REPORT_V2_FIELDS))
        measures = iter(report.measures())
        for goal in content["goals"]:
            for measure in goal["measures"]:
                source = next(measures)
                measure["evidence"] = [_fields(e, EVIDENCE_V3_FIELDS) for e in source.evidence]
                if plan:
                    measure.update(_fields(source, MEASURE_V4_FIELDS))
    return content


def has_evidence(report: Report) -> bool:
    """Whether any measure carries a file (the fingerprint then takes the v3 form)."""
    return any(m.evidence for m in report.measures())


def has_plan_fields(report: Report) -> bool:
    """Whether any measure has a responsible, a due time or an origin (the fingerprint then takes the v4 form)."""
    return any(m.responsible or m.due or m.origin is not None for m in report.measures())


def report_from_content(content: dict[str, Any]) -> Report:
    """The report a canonical serialization describes (the inverse of ``canonical_content``).

    The aimag keeps each received report's canonical content; a revision the reviewer
    returns to, or a decision accepted later, is rebuilt from it.
    """
    from core.report.model import Evidence, Goal, Measure, Period, Score, Signatory

    report = Report(**{name: content[name] for name in REPORT_V1_FIELDS},
                    **{name: content.get(name) for name in REPORT_V2_FIELDS})
    report.period = Period(report.period)
    report.signatories = [Signatory(**{name: s[name] for name in SIGNATORY_V1_FIELDS}) for s in content["signatories"]]
    report.goals = [
        Goal(
            **{name: g[name] for name in GOAL_V1_FIELDS},
            measures=[
                Measure(**{name: m[name] for name in MEASURE_V1_FIELDS if name != "score"},
                        **{name: m[name] for name in MEASURE_V4_FIELDS if name in m},
                        score=Score(m["score"]) if m["score"] is not None else None,
                        evidence=[Evidence(**{name: e[name] for name in EVIDENCE_V3_FIELDS})
                                  for e in m.get("evidence", [])])
                for m in g["measures"]
            ],
        )
        for g in content["goals"]
    ]
    return report


def canonical_bytes(report: Report) -> bytes:
    """The exact bytes that are hashed and signed; their form is fixed by ``FORMAT`` and must never change."""
    import json  # here: printing a finalized report does not compute its fingerprint

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
