"""One entry for importing a report from a file: chooses the reader by what the file is.

A .docx (a zip) goes to ``core.tables.docx``, a legacy Word ``.doc`` (OLE2) is refused with
what to do, anything else is read as text. The file's first bytes decide, not only
its name: officers rename files, and a .doc saved as ``.docx`` must still be told.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import ImportFormatError
from core.tables.wordtable import ImportResult

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
WORD_SUFFIXES = (".docx", ".docm", ".dotx")


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(8)
    except OSError:
        return b""  # the reader says what is wrong, in its own words


def import_bytes(data: bytes, name: str, columns: list[str] | None = None) -> ImportResult:
    """The same choice for bytes that have no file name (``tailan-cli import -`` reads stdin)."""
    if data.startswith(OLE2_MAGIC):
        raise ImportFormatError(
            f"«{name}» нь хуучин Word (.doc) файл байна. Word-оор нээгээд .docx-ээр хадгалаад импортлоно уу."
        )
    if data.startswith(ZIP_MAGIC):
        from core.tables.docx.reader import parse_docx

        return parse_docx(data, name=name, columns=columns)
    from core.tables.textimport import decode, parse_text

    text, encoding = decode(data, name)
    return parse_text(text, name=name, columns=columns, encoding=encoding)


def import_path(path: str | Path, columns: list[str] | None = None) -> ImportResult:
    """Reads a report from a .docx or a text file; nothing is written anywhere."""
    path = Path(path)
    head = _head(path) if path.is_file() else b""
    if head.startswith(OLE2_MAGIC) or path.suffix.lower() == ".doc" and not head.startswith(ZIP_MAGIC) and head:
        raise ImportFormatError(
            f"«{path.name}» нь хуучин Word (.doc) файл байна. Word-оор нээгээд «Файл → Хадгалах (Save As) → "
            "Word Document (.docx)» гэж хадгалаад, .docx файлаа импортлоно уу."
        )
    if head.startswith(ZIP_MAGIC) or path.suffix.lower() in WORD_SUFFIXES:
        from core.tables.docx.reader import import_docx

        return import_docx(path, columns=columns)
    from core.tables.textimport import import_file

    return import_file(path, columns=columns)
