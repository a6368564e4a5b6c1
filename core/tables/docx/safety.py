"""A received .docx is checked before parsing: a zip, of bounded size, with no DTD.

- a zip bomb: the uncompressed sizes the zip declares are added up and bounded
  (zipfile never inflates an entry past its declared size, so the bound holds even
  when the declaration lies: a longer entry fails its CRC instead);
- XML entities (billion laughs, external entities that would read files or the
  network): Word never writes a DOCTYPE, so any part that has one is refused; the
  parser python-docx uses does not resolve entities or load from the network anyway.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from core.errors import ImportFormatError

MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))


def checked_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The opened zip, or ``ImportFormatError`` saying in Mongolian what is wrong with it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, OSError):
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
            try:
                with archive.open(entry) as handle:
                    head = handle.read(4096)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
                raise ImportFormatError(f"«{name}»: Word файлын «{entry.filename}» хэсэг эвдэрсэн байна.") from None
            if any(mark in head for mark in _DTD_MARKS):
                raise ImportFormatError(
                    f"«{name}»: Word файлын «{entry.filename}» хэсэгт DTD/ENTITY байна; Word ийм юм бичдэггүй. "
                    "Аюулгүй байдлын үүднээс импортлохгүй."
                )
    return archive
