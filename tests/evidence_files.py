"""Evidence files for tests: the committed real ones, hostile ones made on the spot, and crafted submissions.

The real files (tests/fixtures/evidence, made by ``make_fixtures.py``): a camera-like
JPEG with EXIF orientation 6, an image-only scanned PDF, a Word and an Excel file
written by LibreOffice. The hostile ones are made small where the danger is in their
headers (a picture declaring 60,000 x 60,000 pixels is a few dozen bytes) and real
where it is in their bytes (a zip bomb really unpacks to 64 MiB of zeros).
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import uuid
import zipfile
import zlib
from pathlib import Path

from helpers import FIXTURES, load_any_report

from core.storage.attachments import CHUNK_BYTES
from core.trust.fingerprint import canonical_bytes, fingerprint_of
from core.trust.keys import organization_key
from core.trust.signing import sign

EVIDENCE = FIXTURES / "evidence"
PHOTO = EVIDENCE / "photo-exif6.jpg"
SCAN = EVIDENCE / "scan.pdf"
WORD = EVIDENCE / "participants.docx"
EXCEL = EVIDENCE / "budget.xlsx"
REAL_FILES = (PHOTO, SCAN, WORD, EXCEL)
REAL_TYPES = {PHOTO: "jpeg", SCAN: "pdf", WORD: "docx", EXCEL: "xlsx"}
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def sha256(path_or_bytes) -> str:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    return hashlib.sha256(data).hexdigest()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` pixels (a decompression bomb's first bytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _png_chunk(b"IEND", b""))


def jpeg_declaring(width: int, height: int) -> bytes:
    """A JPEG whose frame header declares ``width`` x ``height`` pixels."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def zip_bomb_docx(path: Path, unpacked_mib: int = 64) -> Path:
    """A real Word package whose one part unpacks to ``unpacked_mib`` MiB of zeros (about 64 KiB packed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         f'<Types><Override PartName="/word/document.xml" ContentType="{WORD_MAIN}"/></Types>')
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/image1.bin", "w", force_zip64=False) as part:
            block = b"\x00" * (1024 * 1024)
            for _ in range(unpacked_mib):
                part.write(block)
    return path


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# ------------------------------------------------- crafted received files
def put_raw_evidence(path: Path, measure_number: str, name: str, data: bytes, kind: str) -> None:
    """Puts a file onto a submission's measure straight in SQL (no check of ours on the way): what a forger does."""
    conn = sqlite3.connect(path)
    try:
        digest = sha256(data)
        conn.execute("INSERT OR IGNORE INTO attachment_files (sha256, size, type, added_at) VALUES (?, ?, ?, ?)",
                     (digest, len(data), kind, "2023-12-08T09:00:00.000+00:00"))
        for seq in range(0, max(1, -(-len(data) // CHUNK_BYTES))):
            conn.execute("INSERT OR IGNORE INTO attachment_chunks (sha256, seq, data) VALUES (?, ?, ?)",
                         (digest, seq, data[seq * CHUNK_BYTES : (seq + 1) * CHUNK_BYTES]))
        measure_id = next(r[0] for r in conn.execute("SELECT id, number FROM measures")
                          if r[1].rstrip(".") == measure_number.rstrip("."))
        order = conn.execute("SELECT count(*) FROM attachments WHERE measure_id = ?", (measure_id,)).fetchone()[0]
        conn.execute("INSERT INTO attachments (id, measure_id, sort_order, name, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                     (str(uuid.uuid4()), measure_id, order, name, digest, "2023-12-08T09:00:00.000+00:00"))
        conn.commit()
    finally:
        conn.close()


def resign(path: Path) -> Path:
    """Fingerprints and signs a crafted submission again with its organization's key on this PC
    (the soum's own data folder must be in use): only the evidence checks can refuse it then."""
    report = load_any_report(path)
    content = canonical_bytes(report)
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE reports SET fingerprint = ?, signature = ?",
                     (fingerprint_of(content), sign(organization_key(report.organization), content)))
        conn.commit()
    finally:
        conn.close()
    return path
