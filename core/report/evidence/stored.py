"""A stored file checked against what the report says of it: whole, its hash, its type.

Finalizing checks every attached file this way before signing its hash, so the
signature never covers bytes that are not there; the aimag checks every file of a
received report the same way before it accepts it (``core.received.evidence``), so a
file changed or swapped after signing is refused like a changed score. The bytes are
read chunk by chunk: the memory this takes does not grow with the evidence.
"""

from __future__ import annotations

import hashlib

from core.report.evidence.content import EvidenceRefused, recognise
from core.report.kinds import EvidenceType
from core.storage.attachments import CHUNK_BYTES


def check_stored_file(rf, sha256: str, size: int, kind: str) -> None:
    """Raises ``EvidenceRefused`` unless the stored chunks are whole, hash to ``sha256`` and are a ``kind``."""
    count = -(-size // CHUNK_BYTES)
    layout = rf.chunk_layout(sha256)
    expected = [(seq, CHUNK_BYTES if seq < count - 1 else size - CHUNK_BYTES * (count - 1), "blob")
                for seq in range(count)]
    if layout != expected:
        raise EvidenceRefused("файлын хэсгүүд дутуу эсвэл илүү байна (файл гэмтсэн эсвэл гараар өөрчилсөн)")
    digest = hashlib.sha256()
    for chunk in rf.file_chunks(sha256):
        digest.update(chunk)
    if digest.hexdigest() != sha256:
        raise EvidenceRefused("файлын агуулга хурууны хээтэйгээ таарахгүй байна: гарын үсэг зурсны дараа "
                              "өөрчилсөн эсвэл сольсон файл")
    with rf.open_stored_file(sha256) as stream:
        actual = recognise(stream, size)
    if actual is not EvidenceType(kind):
        raise EvidenceRefused(f"файлын төрөл бичигдсэнээс өөр байна ({actual.label}, бичигдсэн нь {kind})")
