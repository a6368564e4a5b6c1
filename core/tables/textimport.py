"""Import of the official table as text: a file saved from Word, or what the clipboard holds.

The format is the one of the reference sample: one table row per line, cells
separated by TAB; the appendix label, the title and the date above the table; the
total row ``Биелэлтийн нийт дүн``; the signature block below.

This module decodes the bytes (the encodings Word and Windows write) and refuses
what is no text; ``core.tables.textrows`` turns the text into rows of cells, and
``core.tables.reading`` reads them exactly as it reads a .docx or a paste. Everything
the user wrote is kept as written. Parsing is all-or-nothing: text it cannot read
raises ``ImportFormatError`` naming the lines, before anything is written anywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.errors import ImportFormatError, TailanError
from core.tables.reading import read_document
from core.tables.textrows import LINE_BREAK, text_document
from core.tables.wordtable import ImportResult
from core.tables.wordtable.cells import split_measure_number, split_score

MAX_IMPORT_BYTES = 50 * 1024 * 1024
__all__ = ["ImportResult", "decode", "import_file", "parse_clipboard", "parse_text", "split_measure_number", "split_score"]


def decode(data: bytes, name: str = "текст") -> tuple[str, str]:
    """Decodes the encodings Word and Windows produce; returns (text, encoding name).

    UTF-8 with or without BOM, UTF-16 LE/BE with BOM (Word's "Unicode text"),
    and Windows-1251 as the last resort. Binary data is refused.
    """
    if data.startswith(b"\xff\xfe\x00\x00") or data.startswith(b"\x00\x00\xfe\xff"):
        raise ImportFormatError(f"«{name}»: UTF-32 кодчилолыг уншихгүй. Word-оос UTF-8 эсвэл Unicode текстээр хадгална уу.")
    candidates: list[tuple[str, bytes]]
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", data)]
    elif data.startswith(b"\xff\xfe"):
        candidates = [("utf-16-le", data[2:])]
    elif data.startswith(b"\xfe\xff"):
        candidates = [("utf-16-be", data[2:])]
    elif (bomless := _utf16_without_bom(data)) is not None:
        candidates = [(bomless, data)]
    else:
        _refuse_binary_bytes(data, name)
        candidates = [("utf-8", data), ("cp1251", data)]
    for encoding, payload in candidates:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError:
            continue
        _refuse_binary(text, name)
        if encoding == "cp1251":
            text = text.translate(LEGACY_MONGOLIAN_1251)
        return text, encoding
    raise ImportFormatError(
        f"«{name}» файлын кодчилолыг таньсангүй (UTF-8, UTF-16, Windows-1251 аль нь ч биш). "
        "Word-оос «Plain Text», UTF-8 кодчилолоор дахин хадгална уу."
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 written without its BOM: Mongolian text has almost only 0x00 and 0x04 in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        usual = sum(high.count(b) for b in (0x00, 0x04, 0x20, 0x21))  # Latin, Cyrillic, dashes and quotes, №
        if usual >= 0.9 * len(high) and high.count(0) < len(high):
            return codec
    return None


#: Windows-1251 has no Ө ө Ү ү. Mongolian "ANSI" fonts and keyboard layouts put them
#: in the places of the Ukrainian Є є Ї ї, which Mongolian text never uses.
LEGACY_MONGOLIAN_1251 = str.maketrans({"Є": "Ө", "є": "ө", "Ї": "Ү", "ї": "ү"})


_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


def _refuse_binary_bytes(data: bytes, name: str) -> None:
    """Without a BOM, control bytes mean a binary file (a photo, a .docx), not text."""
    found = _CONTROL_BYTE.search(data)
    bad = found.start() if found else None
    if bad is not None:
        lineno = data.count(b"\n", 0, bad) + 1
        raise ImportFormatError(
            f"«{name}» нь текст файл биш байна ({lineno}-р мөрөнд хяналтын тэмдэгт 0x{data[bad]:02X}). "
            "Word-оос хүснэгтээ «Plain Text» (.txt) болгон хадгална уу.",
            [(lineno, "хяналтын тэмдэгт")],
        )


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _refuse_binary(text: str, name: str) -> None:
    """A control character (other than TAB, line breaks and Word's U+000B, U+000C) means no text: refused, by its line."""
    found = _CONTROL.search(text)
    if found:
        lineno = len(LINE_BREAK.findall(text, 0, found.start())) + 1
        raise ImportFormatError(
            f"«{name}» нь текст файл биш байна ({lineno}-р мөрөнд хяналтын тэмдэгт U+{ord(found.group()):04X}). "
            "Word-оос хүснэгтээ «Plain Text» (.txt) болгон хадгална уу.",
            [(lineno, "хяналтын тэмдэгт")],
        )


def import_file(path: str | Path, columns: list[str] | None = None) -> ImportResult:
    """Reads and parses a text file; the file itself is only read."""
    path = Path(path)
    data = read_source_bytes(path, MAX_IMPORT_BYTES, "текст")
    if not data.strip():
        raise ImportFormatError(f"«{path.name}» хоосон файл байна.")
    text, encoding = decode(data, path.name)
    return parse_text(text, name=path.name, columns=columns, encoding=encoding)


def read_source_bytes(path: Path, limit: int, kind: str) -> bytes:
    """The bytes of a file to import, with Mongolian messages for what can go wrong."""
    try:
        if path.is_dir():
            raise TailanError(f"«{path}» нь хавтас байна, {kind} файл биш.")
        if path.exists() and not path.is_file():  # a device or a pipe would block reading, or never end
            raise TailanError(f"«{path}» нь энгийн файл биш (төхөөрөмж эсвэл суваг). {kind.capitalize()} файлаа сонгоно уу.")
        size = path.stat().st_size
        if size > limit:
            raise ImportFormatError(f"«{path.name}» хэт том байна ({size // (1024 * 1024)} МБ). Тайлангийн файл ийм том байдаггүй.")
        return path.read_bytes()
    except FileNotFoundError:
        raise TailanError(f"«{path}» файл олдсонгүй. Замаа шалгана уу.") from None
    except PermissionError:
        raise TailanError(f"«{path.name}» файлыг унших эрх алга.") from None
    except OSError as exc:
        raise TailanError(f"«{path.name}» файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno}).") from None


def parse_clipboard(text: str, columns: list[str] | None = None) -> ImportResult:
    """What a user copied out of Word as plain text: the table alone is enough, the header is optional."""
    _refuse_binary(text, "санах ой")
    return parse_text(text, name="санах ой", require_header=False, columns=columns)


def parse_text(
    text: str, *, name: str = "текст", require_header: bool = True, columns: list[str] | None = None,
    encoding: str = "utf-8",
) -> ImportResult:
    """Parses the report table from text; raises ``ImportFormatError`` naming the line and what was expected.

    ``require_header`` only chooses the words of the refusal of a text without any
    table row: a file is expected to hold the whole table, a paste its rows.
    """
    document = text_document(text, name, columns, encoding)
    if not document.tables():
        lines = LINE_BREAK.split(text)
        if require_header:
            raise ImportFormatError(
                f"«{name}»: хүснэгтийн толгой мөр («№», «Зорилт», «Хэрэгжүүлэх арга хэмжээ» ... TAB-аар тусгаарласан) "
                f"олдсонгүй ({len(lines)} мөр уншив, аль нь ч TAB-аар тусгаарласан нүдтэй биш). "
                "Word-оос хүснэгтийг бүтнээр нь хуулж хадгална уу.",
                [(1, "толгой мөр")],
            )
        raise ImportFormatError(
            f"«{name}»: хүснэгтийн мөр олдсонгүй ({len(lines)} мөр, нүднүүд TAB-аар тусгаарлагдаагүй). "
            "Word-оос хүснэгтийг сонгож хуулна уу.",
            [(1, "хүснэгт")],
        )
    return read_document(document, columns)
