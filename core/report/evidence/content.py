"""A file's type recognised from its bytes, never from its name, with its dangers refused first.

Evidence is a JPEG or PNG picture, a PDF, a Word (.docx) or an Excel (.xlsx) file.
Everything here reads a few headers of a seekable stream and never decodes a picture
or unpacks a document, so a crafted file costs what its headers cost: a picture that
declares 60,000 x 60,000 pixels is refused from its first bytes, a zip bomb named
``.docx`` from its central directory (the declared sizes and ratios), a document
with macros from its declared content types. The same checks run on what a soum
attaches and on what arrives at the aimag (``core.received.evidence``).
"""

from __future__ import annotations

import io
import zipfile
from typing import BinaryIO

from core.errors import TailanError
from core.report.evidence import limits
from core.report.kinds import EvidenceType

ACCEPTED = "JPEG, PNG зураг, PDF, Word (.docx) эсвэл Excel (.xlsx) файл хавсаргана"
#: Picture readers look this far into a JPEG for its size (EXIF and thumbnails come first).
JPEG_HEADER_SCAN = 1024 * 1024
PDF_HEADER_SCAN = 1024
PDF_TAIL_SCAN = 4096

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_TYPES = ("macroEnabled", "vbaProject")

#: Known kinds of file that are not evidence, by their first bytes, with what to do instead.
_OTHER_KINDS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "хуучин Word (.doc) эсвэл Excel (.xls) файл; Word/Excel-ээр .docx, .xlsx болгож хадгална уу"),
    (b"GIF8", "GIF зураг; JPEG эсвэл PNG болгож хадгална уу"),
    (b"BM", "BMP зураг; JPEG эсвэл PNG болгож хадгална уу"),
    (b"II*\x00", "TIFF зураг; JPEG, PNG эсвэл PDF болгож хадгална уу"),
    (b"MM\x00*", "TIFF зураг; JPEG, PNG эсвэл PDF болгож хадгална уу"),
    (b"Rar!", "RAR архив; файлуудаа задлаад тус тусад нь хавсаргана уу"),
    (b"7z\xbc\xaf", "7z архив; файлуудаа задлаад тус тусад нь хавсаргана уу"),
    (b"MZ", "програмын файл (.exe); ийм файл хавсаргах боломжгүй"),
    (b"{\\rtf", "RTF баримт; Word-оор .docx болгож хадгална уу"),
    (b"SQLite format 3\x00", "мэдээллийн сангийн (жишээ нь тайлангийн) файл"),
)


class EvidenceRefused(TailanError):
    """One file refused as evidence; the message says why and what to do (Mongolian)."""


def recognise(stream: BinaryIO, size: int) -> EvidenceType:
    """The type of the file in ``stream`` (``size`` bytes), or ``EvidenceRefused`` with the reason."""
    if size <= 0:
        raise EvidenceRefused("хоосон файл (0 байт)")
    if size > limits.MAX_FILE_BYTES:
        raise EvidenceRefused(f"хэт том файл ({limits.size_text(size)}); нэг файл "
                              f"{limits.size_text(limits.MAX_FILE_BYTES)} хүртэл")
    stream.seek(0)
    head = stream.read(32)
    if head.startswith(b"\xff\xd8\xff"):
        check_picture_size(*jpeg_size(stream))
        return EvidenceType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        check_picture_size(*png_size(head))
        return EvidenceType.PNG
    if head.startswith(b"PK\x03\x04"):
        return office_type(stream, size)
    stream.seek(0)
    if b"%PDF-" in stream.read(PDF_HEADER_SCAN):
        check_pdf_end(stream, size)
        return EvidenceType.PDF
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        raise EvidenceRefused("HEIC зураг (iPhone); утасныхаа тохиргоогоор эсвэл хөрвүүлж JPEG болгоно уу")
    for magic, what in _OTHER_KINDS:
        if head.startswith(magic):
            raise EvidenceRefused(f"{what}. {ACCEPTED}")
    raise EvidenceRefused(f"танигдахгүй төрлийн файл (нэрээс үл хамааран агуулгаар нь шалгав). {ACCEPTED}")


def check_picture_size(width: int, height: int) -> None:
    """Refuses a picture that declares more pixels than any photo or scan has (and would take gigabytes to show)."""
    if width <= 0 or height <= 0:
        raise EvidenceRefused("зургийн хэмжээ (өргөн, өндөр) буруу бичигдсэн: гэмтсэн зураг")
    if width > limits.MAX_PICTURE_SIDE or height > limits.MAX_PICTURE_SIDE or width * height > limits.MAX_PICTURE_PIXELS:
        raise EvidenceRefused(f"зураг хэт том хэмжээтэй гэж бичигдсэн ({width} x {height} цэг); "
                              f"{limits.MAX_PICTURE_PIXELS // 1_000_000} сая цэг хүртэл")


def png_size(head: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's first chunk, which the format requires to be IHDR."""
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise EvidenceRefused("гэмтсэн PNG зураг")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def jpeg_size(stream: BinaryIO) -> tuple[int, int]:
    """(width, height) from a JPEG's frame header, found by walking its segments (no decoding)."""
    stream.seek(2)
    position = 2
    while position < JPEG_HEADER_SCAN:
        byte = stream.read(1)
        if not byte:
            break
        if byte != b"\xff":
            raise EvidenceRefused("гэмтсэн JPEG зураг")
        marker = stream.read(1)
        while marker == b"\xff":  # fill bytes
            marker = stream.read(1)
        if not marker:
            break
        code = marker[0]
        if code == 0x01 or 0xD0 <= code <= 0xD8:  # markers without a length
            position = stream.tell()
            continue
        length_at = stream.tell()
        length_bytes = stream.read(2)
        if len(length_bytes) < 2:
            break
        length = int.from_bytes(length_bytes, "big")
        if length < 2:
            raise EvidenceRefused("гэмтсэн JPEG зураг")
        if 0xC0 <= code <= 0xCF and code not in (0xC4, 0xC8, 0xCC):
            frame = stream.read(5)
            if len(frame) < 5:
                break
            return int.from_bytes(frame[3:5], "big"), int.from_bytes(frame[1:3], "big")
        if code in (0xD9, 0xDA):  # end of image, or the image data before any frame header
            break
        position = stream.seek(length_at + length)
    raise EvidenceRefused("гэмтсэн JPEG зураг: хэмжээ нь олдсонгүй")


def check_pdf_end(stream: BinaryIO, size: int) -> None:
    """A PDF ends with ``%%EOF``; one without it was cut short (copied half, or not a PDF at all)."""
    stream.seek(max(0, size - PDF_TAIL_SCAN))
    if b"%%EOF" not in stream.read(PDF_TAIL_SCAN):
        raise EvidenceRefused("PDF файл дутуу (төгсгөл нь алга): бүрэн хуулагдаагүй эсвэл PDF биш байна")


def office_type(stream: BinaryIO, size: int) -> EvidenceType:
    """A zip that is a Word or Excel document without macros, of bounded parts and sizes; else refused."""
    entries, directory_size = _zip_directory_counts(stream, size)
    if entries > limits.MAX_ZIP_ENTRIES or directory_size > 64 * limits.MB:
        raise EvidenceRefused(f"хэт олон хэсэгтэй архив ({entries}): Word эсвэл Excel файл ийм байдаггүй")
    try:
        stream.seek(0)
        archive = zipfile.ZipFile(stream)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise EvidenceRefused("гэмтсэн Word/Excel файл (архивыг уншиж чадсангүй)") from None
    unpacked = 0
    for info in infos:
        unpacked += info.file_size
        ratio_too_high = info.file_size > limits.ZIP_RATIO_FROM_BYTES and \
            info.file_size > limits.MAX_ZIP_RATIO * max(1, info.compress_size)
        if unpacked > limits.MAX_ZIP_UNPACKED or ratio_too_high:
            raise EvidenceRefused("задлахад хэт их зай эзлэх архив (zip bomb): Word эсвэл Excel файл ийм байдаггүй")
        if info.flag_bits & 0x1:
            raise EvidenceRefused("нууц үгээр түгжсэн хэсэгтэй файл; түгжээгүйгээр хадгалж хавсаргана уу")
    types = _content_types(archive, infos)
    if any(word in types for word in MACRO_TYPES):
        raise EvidenceRefused("макро (програм) агуулсан Word/Excel файл; макрогүй .docx, .xlsx болгож хадгална уу")
    if WORD_MAIN in types:
        return EvidenceType.DOCX
    if EXCEL_MAIN in types:
        return EvidenceType.XLSX
    raise EvidenceRefused(f"Word эсвэл Excel биш архив (zip) файл. {ACCEPTED}")


def _content_types(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> str:
    """The text of ``[Content_Types].xml``, which names the document's main part (read only when small)."""
    info = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
    if info is None or info.file_size > limits.MB:
        raise EvidenceRefused(f"Word эсвэл Excel биш архив (zip) файл. {ACCEPTED}")
    try:
        with archive.open(info) as part:
            return part.read(limits.MB + 1).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise EvidenceRefused("гэмтсэн Word/Excel файл (агуулгын жагсаалт уншигдсангүй)") from None


def _zip_directory_counts(stream: BinaryIO, size: int) -> tuple[int, int]:
    """(entries, central directory bytes) from the end records, before ``zipfile`` builds an object per entry."""
    tail_size = min(size, 65_557)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        raise EvidenceRefused("гэмтсэн Word/Excel файл (архивын төгсгөл алга)")
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory_size = int.from_bytes(tail[at + 12 : at + 16], "little")
    locator = tail.rfind(b"PK\x06\x07", 0, at)
    if locator >= 0 and locator + 20 <= len(tail):  # zip64: the counts live in a record of their own
        record_at = int.from_bytes(tail[locator + 8 : locator + 16], "little")
        if not 0 <= record_at <= size - 56:
            raise EvidenceRefused("гэмтсэн Word/Excel файл (архивын төгсгөл буруу)")
        stream.seek(record_at)
        record = stream.read(56)
        if record[:4] != b"PK\x06\x06":
            raise EvidenceRefused("гэмтсэн Word/Excel файл (архивын төгсгөл буруу)")
        entries = int.from_bytes(record[32:40], "little")
        directory_size = int.from_bytes(record[40:48], "little")
    return entries, directory_size


def recognise_bytes(data: bytes) -> EvidenceType:
    """``recognise`` for bytes already in memory (a shrunk photo)."""
    return recognise(io.BytesIO(data), len(data))
