"""The evidence of a received report, checked before anything else reads it.

Run after the schema matched ours and every value was bounded (``core.received.bounds``:
how many files, links and chunks, each file's declared size and type), on the
private copy only. First what costs nothing to read: how many files each measure
has, the total of the distinct files, that every stored file is used by a measure
and every name is one Tailan would have written (no ``../``, no control characters,
the ending of its type). Then each file: its chunks whole and in order, its SHA-256
recomputed from its bytes, its type recognised again from its content, with the
same refusals as when attaching (a picture declaring 60,000 x 60,000 pixels, a PDF
that is not one, a zip bomb named ``.docx``). Nothing is decoded, unpacked or opened:
what a file holds is shown only when the reviewer asks (``gui.evidence``). The
fingerprint, checked after this, covers every file's name, hash, size and type.
"""

from __future__ import annotations

from core.received.refusal import Reject
from core.report.evidence import limits
from core.report.evidence.content import EvidenceRefused
from core.report.evidence.names import is_safe
from core.report.evidence.stored import check_stored_file
from core.report.model import Report


def check_received_evidence(rf, report: Report) -> None:
    """Raises ``Reject`` with the measure, the file and the reason for the first bad piece of evidence."""
    counts = rf.attachment_counts()
    crowded = [n for _, n in counts if n > limits.MAX_FILES_PER_MEASURE]
    if crowded:
        raise Reject(f"нэг арга хэмжээнд {crowded[0]} нотлох баримт байна; хязгаар {limits.MAX_FILES_PER_MEASURE}")
    stored = rf.stored_files()
    total = sum(size for _, size, _ in stored)
    if total > limits.MAX_REPORT_BYTES:
        raise Reject(f"нотлох баримт нийт {limits.size_text(total)}; хязгаар {limits.size_text(limits.MAX_REPORT_BYTES)}")
    used = {e.sha256 for m in report.measures() for e in m.evidence}
    if used != {sha for sha, _, _ in stored}:
        raise Reject("файлд аль ч арга хэмжээнд хавсаргаагүй нотлох баримт байна: Тайлан програмаар гаргасан файл биш")
    where = {}
    for measure in report.measures():
        for evidence in measure.evidence:
            if not is_safe(evidence.name, evidence.type):
                raise Reject(f"{measure.number} арга хэмжээний нотлох баримтын нэр аюултай ({_shown(evidence.name)}): "
                             "Тайлан програмаар гаргасан файл биш; илгээгчээс дахин авна уу")
            where.setdefault(evidence.sha256, (measure.number, evidence.name))
    for sha256, size, kind in stored:
        try:
            check_stored_file(rf, sha256, size, kind)
        except EvidenceRefused as exc:
            number, name = where[sha256]
            raise Reject(f"{number} арга хэмжээний «{name}» нотлох баримт: {exc.message}") from None


def evidence_summary(report: Report) -> str:
    """``; нотлох баримт 3 файл (2,1 МБ)`` for the verdict's line, or nothing for a report without any."""
    files = {e.sha256: e.size for m in report.measures() for e in m.evidence}
    if not files:
        return ""
    links = sum(len(m.evidence) for m in report.measures())
    return f"; нотлох баримт {links} файл ({limits.size_text(sum(files.values()))})"


def _shown(name: str) -> str:
    """A hostile name as it may be quoted in a message: visible characters only, not too long."""
    visible = "".join(c if c.isprintable() else "?" for c in name)
    return repr(visible[:60])
