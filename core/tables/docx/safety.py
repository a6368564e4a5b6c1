"""A received .docx is checked before parsing: a zip, of bounded size, with no DTD, of bounded rows.

- a zip bomb: the uncompressed sizes the zip declares are added up and bounded, and
  each part is inflated in chunks, never past its declared size: an entry that lies
  about its size stops there (and fails its CRC) instead of inflating gigabytes;
  only the two methods Word writes (stored, deflated) are inflated at all;
- too many rows: the rows of ``word/document.xml`` are counted while it is inflated,
  and a document with more rows than any report has is refused before it is parsed;
- XML entities (billion laughs, external entities that would read files or the
  network): Word never writes a DOCTYPE, so any part that has one is refused; the
  parser does not resolve entities or load from the network anyway.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from core.errors import ImportFormatError
from core.tables.source import MAX_TABLE_ROWS, too_many_rows

MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
#: The largest ``word/document.xml`` read: a report of 20,000 long measures is far smaller.
MAX_PART_BYTES = 64 * 1024 * 1024
#: Tags in ``word/document.xml``: a 1,000-measure report has about 300,000.
MAX_TAGS = 8_000_000
MAX_ENTRIES = 5000
CHUNK = 256 * 1024
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
#: A table row's start tag, under any namespace prefix.
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]{0,30}:)?tr[\s/>]")
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


def checked_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The opened zip, or ``ImportFormatError`` saying in Mongolian what is wrong with it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError):
        # NotImplementedError: an entry that asks for a zip version Python cannot read (a damaged byte, as Word writes 2.0)
        raise ImportFormatError(
            f"«{name}» эвдэрсэн Word файл байна (zip бүтэц нь уншигдахгүй). Word-оор нээж шалгаад дахин хадгална уу."
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise ImportFormatError(f"«{name}»: Word файлд хэт олон хэсэг ({len(entries)}) байна. Энэ нь тайлангийн файл биш бололтой.")
    total = sum(max(0, e.file_size) for e in entries)
    if total > MAX_UNCOMPRESSED:
        raise ImportFormatError(
            f"«{name}»: Word файл задлахад хэт том ({total // (1024 * 1024)} МБ) болж байна. "
            "Энэ нь тайлангийн файл биш (эсвэл хортой файл) бололтой; импортлохгүй."
        )
    names = {e.filename for e in entries}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise ImportFormatError(f"«{name}» нь Word баримт (.docx) биш байна: word/document.xml хэсэг алга.")
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")):
            _check_method(entry, name)
            try:
                with archive.open(entry) as handle:
                    head = handle.read(4096)
            except _READ_ERRORS:
                raise ImportFormatError(f"«{name}»: Word файлын «{entry.filename}» хэсэг эвдэрсэн байна.") from None
            if any(mark in head for mark in _DTD_MARKS):
                raise ImportFormatError(
                    f"«{name}»: Word файлын «{entry.filename}» хэсэгт DTD/ENTITY байна; Word ийм юм бичдэггүй. "
                    "Аюулгүй байдлын үүднээс импортлохгүй."
                )
    return archive


def _check_method(entry: zipfile.ZipInfo, name: str) -> None:
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ImportFormatError(
            f"«{name}»: Word файлын «{entry.filename}» хэсэг Word-ийн бичдэггүй аргаар шахагдсан байна; импортлохгүй."
        )


class RowCounter:
    """Counts table rows and tags in XML that arrives in chunks; refuses past the bounds at once."""

    def __init__(self, name: str):
        self.name = name
        self.rows = 0
        self.tags = 0
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        buffer = self._carry + chunk
        cut = buffer.rfind(b"<")
        if cut < 0 or len(buffer) - cut >= 64:  # no tag can be cut in two at the end
            cut = len(buffer)
        self.rows += len(_ROW_TAG.findall(buffer, 0, cut))
        self.tags += chunk.count(b"<")
        self._carry = buffer[cut:]
        if self.rows > MAX_TABLE_ROWS:
            raise too_many_rows(self.name, MAX_TABLE_ROWS, "Word файлд")
        if self.tags > MAX_TAGS:
            raise ImportFormatError(
                f"«{self.name}»: Word файлын бүтэц хэт том ({MAX_TAGS // 1_000_000} сая гаруй элемент). "
                "Энэ нь тайлангийн файл биш бололтой; импортлохгүй."
            )

    def close(self) -> None:
        if self._carry:
            self.rows += len(_ROW_TAG.findall(self._carry))
            self._carry = b""
            if self.rows > MAX_TABLE_ROWS:
                raise too_many_rows(self.name, MAX_TABLE_ROWS, "Word файлд")


_LOCAL_HEADER = struct.Struct("<4s5H3I2H")


def _compressed(archive: zipfile.ZipFile, data: bytes, entry: zipfile.ZipInfo, name: str) -> bytes:
    """The entry's compressed bytes, found through its local header (the sizes are the central directory's)."""
    at = entry.header_offset
    header = data[at : at + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04" or entry.flag_bits & 0x1:
        raise ImportFormatError(f"«{name}»: Word файлын «{entry.filename}» хэсэг эвдэрсэн (эсвэл нууцлагдсан) байна.")
    fields = _LOCAL_HEADER.unpack(header)
    start = at + _LOCAL_HEADER.size + fields[9] + fields[10]
    return data[start : start + entry.compress_size]


def read_part(archive: zipfile.ZipFile, data: bytes, part: str, name: str, counter: RowCounter | None = None) -> bytes:
    """One part of the .docx, inflated here in chunks and stopped at its declared size.

    Not through ``zipfile``'s own reading, which inflates a whole entry at once when
    asked for all of it: an entry that declares 1 KB and inflates to gigabytes is
    refused after its first chunk past the 1 KB, whatever its CRC says.
    """
    entry = archive.getinfo(part)
    _check_method(entry, name)
    declared = entry.file_size
    if declared > MAX_PART_BYTES:
        raise ImportFormatError(f"«{name}»: Word файлын «{part}» хэсэг хэт том ({declared // (1024 * 1024)} МБ); импортлохгүй.")
    compressed = _compressed(archive, data, entry, name)
    lying = ImportFormatError(
        f"«{name}»: Word файлын «{part}» хэсэг zip-д зарласан хэмжээнээсээ ({declared} байт) өөр байна; "
        "эвдэрсэн эсвэл хортой файл бололтой. Импортлохгүй."
    )
    chunks: list[bytes] = []
    size = 0
    if entry.compress_type == zipfile.ZIP_STORED:
        pieces = (compressed[k : k + CHUNK] for k in range(0, len(compressed), CHUNK))
        finished = True
    else:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        pieces = _inflated(inflater, compressed, declared, lying)
        finished = False
    try:
        for chunk in pieces:
            size += len(chunk)
            if size > declared:
                raise lying
            if counter is not None:
                counter.feed(chunk)
            chunks.append(chunk)
        if not finished and not inflater.eof:
            raise lying
    except zlib.error:
        raise ImportFormatError(f"«{name}»: Word файлын «{part}» хэсэг эвдэрсэн байна. Word-оор нээж шалгаад дахин хадгална уу.") from None
    out = b"".join(chunks)
    if size != declared or zlib.crc32(out) != entry.CRC:
        raise lying
    if counter is not None:
        counter.close()
    return out


def _inflated(inflater, compressed: bytes, declared: int, lying: ImportFormatError):
    """Inflates ``compressed`` in output chunks of at most ``CHUNK`` bytes, never more than one chunk past ``declared``."""
    for k in range(0, len(compressed), CHUNK):
        pending = compressed[k : k + CHUNK]
        while pending:
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            yield chunk
            if inflater.eof:
                if inflater.unused_data.strip(b"\0") or k + CHUNK < len(compressed):
                    raise lying  # more after the end of the stream
                return
