"""Import of the official table as text: a file saved from Word, or what the clipboard holds.

The format is the one of the reference sample: one table row per line, cells
separated by TAB; the appendix label, the title and the date above the table; the
total row ``Биелэлтийн нийт дүн``; the signature block below. Word also writes a
cell that holds several paragraphs over several lines, so a row is complete only
when it has its eight cells.

This module only turns the text into rows of cells (joining the lines of
multi-paragraph cells, once the header has said how many cells a row has); what the
columns mean and which rows are goals or measures is ``core.tables.wordtable``'s, shared
with the .docx import. Everything the user wrote is kept as written. Parsing is
all-or-nothing: text it cannot read raises ``ImportFormatError`` naming the lines,
before anything is written anywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.errors import ImportFormatError, TailanError
from core.report.model import Report
from core.tables.wordtable import ImportResult, SourceRow, read_preamble, read_signatures, read_table
from core.tables.wordtable.cells import is_legal_basis, split_measure_number, split_score, split_section_number
from core.tables.wordtable.columns import OFFICIAL_MAPPING, guess_mapping, is_header_row
from core.tables.wordtable.rows import is_total_row

TABLE_COLUMNS = len(OFFICIAL_MAPPING)
MAX_IMPORT_BYTES = 50 * 1024 * 1024

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ALLOWED_CONTROLS = set("\t\n\r\x0b\x0c")
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


#: Windows-1251 has no Ө ө Ү ү. Mongolian "ANSI" fonts and keyboard layouts put them
#: in the places of the Ukrainian Є є Ї ї, which Mongolian text never uses.
LEGACY_MONGOLIAN_1251 = str.maketrans({"Є": "Ө", "є": "ө", "Ї": "Ү", "ї": "ү"})


def _refuse_binary_bytes(data: bytes, name: str) -> None:
    """Without a BOM, control bytes mean a binary file (a photo, a .docx), not text."""
    bad = next((i for i, b in enumerate(data) if (b < 32 and b not in (9, 10, 11, 12, 13)) or b == 127), None)
    if bad is not None:
        lineno = data.count(b"\n", 0, bad) + 1
        raise ImportFormatError(
            f"«{name}» нь текст файл биш байна ({lineno}-р мөрөнд хяналтын тэмдэгт 0x{data[bad]:02X}). "
            "Word-оос хүснэгтээ «Plain Text» (.txt) болгон хадгална уу.",
            [(lineno, "хяналтын тэмдэгт")],
        )


def _refuse_binary(text: str, name: str) -> None:
    for lineno, line in enumerate(_LINE_BREAK.split(text), 1):
        for ch in line:
            if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS or ch == "\x7f":
                raise ImportFormatError(
                    f"«{name}» нь текст файл биш байна ({lineno}-р мөрөнд хяналтын тэмдэгт U+{ord(ch):04X}). "
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
    result = parse_text(text, name=path.name, columns=columns)
    result.encoding = encoding
    return result


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
    """What a user copied out of Word: the table alone is enough, the header is optional."""
    _refuse_binary(text, "санах ой")
    return parse_text(text, name="санах ой", require_header=False, columns=columns)


def _cells(line: str) -> list[str]:
    return line.split("\t")


def _width(cells: list[str]) -> int:
    """A header's width: trailing empty cells (a stray TAB at the end) do not count."""
    n = len(cells)
    while n > 1 and not cells[n - 1].strip():
        n -= 1
    return n


def _common_width(lines: list[str]) -> int:
    """A table without header: the cell count most of its lines have (a multi-paragraph
    cell splits a row over lines with fewer cells; whole rows are the most common)."""
    counts: dict[int, int] = {}
    for line in lines:
        if "\t" in line:
            n = line.count("\t") + 1
            counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: (counts[n], n)) if counts else TABLE_COLUMNS


def parse_text(
    text: str, *, name: str = "текст", require_header: bool = True, columns: list[str] | None = None
) -> ImportResult:
    """Parses the report table from text; raises ``ImportFormatError`` naming the lines."""
    lines = _LINE_BREAK.split(text)
    header_at = next((i for i, line in enumerate(lines) if "\t" in line and is_header_row(_cells(line))), None)
    if header_at is None:
        if require_header:
            raise ImportFormatError(
                f"«{name}»: хүснэгтийн толгой мөр («№», «Зорилт», «Хэрэгжүүлэх арга хэмжээ» ... TAB-аар тусгаарласан) "
                f"олдсонгүй ({len(lines)} мөр уншив). Word-оос хүснэгтийг бүтнээр нь хуулж хадгална уу.",
                [(1, "толгой мөр")],
            )
        body_start = next((i for i, line in enumerate(lines) if "\t" in line), None)
        if body_start is None:
            raise ImportFormatError(
                f"«{name}»: хүснэгтийн мөр олдсонгүй (нүднүүд TAB-аар тусгаарлагдсан байх ёстой). "
                "Word-оос хүснэгтийг сонгож хуулна уу.",
                [(1, "хүснэгт")],
            )
        width = len(columns) if columns else _common_width(lines[body_start:])
        preamble: list[str] = []
    else:
        body_start = header_at
        width = _width(_cells(lines[header_at]))
        if columns is None and width < 2:
            raise ImportFormatError(f"«{name}», {header_at + 1}-р мөр: толгой мөрөнд нүд дутуу байна.", [(header_at + 1, "толгой")])
        preamble = [lines[i] for i in range(header_at) if lines[i].strip()]
        if columns is not None and len(columns) != width:
            raise ImportFormatError(
                f"«{name}»: --columns-д {len(columns)} нэр өгсөн, хүснэгт {width} баганатай ({header_at + 1}-р мөр). "
                "Багана бүрт нэг нэр өгнө үү.",
                [(header_at + 1, f"{width} багана")],
            )

    report = Report(goals=[], signatories=[])
    read_preamble(preamble, report)
    if columns is not None:
        headings = "goal" not in columns
    else:
        headings = header_at is not None and "goal" not in guess_mapping([_cells(lines[header_at])])
    rows, after_table = _logical_rows(lines, body_start, name, width, headings=headings)
    reading = read_table(rows, name=name, has_header=header_at is not None, columns=columns)
    report.goals = reading.goals
    read_signatures([lines[i] for i in range(after_table, len(lines))], report)
    result = ImportResult(
        report=report,
        printed_total=reading.printed_total,
        warnings=reading.warnings,
        skipped=reading.skipped,
        mapping=reading.mapping,
    )
    if not report.goals:
        raise ImportFormatError(
            f"«{name}»: хүснэгтэд нэг ч зорилт, арга хэмжээ олдсонгүй. Хүснэгтийн мөрүүдийг шалгана уу.",
            [(body_start + 2, "зорилт")],
        )
    return result


def _standalone_row(line: str, headings: bool) -> bool:
    """A line without TABs that is a row of its own: a legal-basis row merged across, or a
    section heading (``Нэг. ...``) where the table has no goal column. With a goal column
    such a line is taken as the next paragraph of the cell above, as before: an achieved
    text may well list ``Нэг. ... Хоёр. ...`` in paragraphs.
    """
    return is_legal_basis(line) or (headings and bool(split_section_number(line)[0]))


def _logical_rows(
    lines: list[str], start: int, name: str, width: int, *, headings: bool = False
) -> tuple[list[SourceRow], int]:
    """Joins the lines of multi-paragraph cells into rows of ``width`` cells, up to the total row.

    Returns (rows, index of the first line after the table); the total row is the
    last row returned.
    """
    rows: list[SourceRow] = []
    pending: list[str] = []
    pending_from = 0
    pending_tabs = 0
    total_at = next((k for k in range(start, len(lines)) if "\t" in lines[k] and is_total_row(_cells(lines[k]))), len(lines))
    i = start
    while i < len(lines):
        line = lines[i]
        if not pending:
            if not line.strip():
                i += 1
                continue
            if "\t" not in line:
                if i < total_at and _standalone_row(line, headings):
                    rows.append(SourceRow(i + 1, i + 1, [line] + [""] * (width - 1)))
                    i += 1
                    continue
                if i < total_at < len(lines) and rows:
                    # before the total row, lines without cells continue the last cell
                    # (taken together: adding them one by one was quadratic)
                    more, last = [], i
                    while i < total_at and "\t" not in lines[i]:
                        if lines[i].strip():
                            more.append(lines[i])
                            last = i
                        i += 1
                    row = rows[-1]
                    row.cells[-1] += "\n" + "\n".join(more)
                    row.last = last + 1
                    continue
                break  # the table has ended: the signature block follows
            pending_from = i
            pending = [line]
            pending_tabs = line.count("\t")
        else:
            pending.append(line)
            pending_tabs += line.count("\t")
        if pending_tabs + 1 < width:  # not a whole row yet; joining every time was quadratic
            i += 1
            continue
        cells = _cells("\n".join(pending))
        if len(cells) > width and not any(c.strip() for c in cells[width:]):
            cells = cells[:width]
        if len(cells) == width:
            rows.append(SourceRow(pending_from + 1, i + 1, cells))
            pending = []
            if is_total_row(cells):
                return rows, i + 1
        elif len(cells) > width:
            raise ImportFormatError(
                f"«{name}», {pending_from + 1}-{i + 1}-р мөр: хүснэгтийн мөрөнд {width} нүд байх ёстой, "
                f"{len(cells)} байна. Нүднүүдийг шалгана уу.",
                [(pending_from + 1, f"{width} нүд")],
            )
        i += 1
    if pending:
        cells = _cells("\n".join(pending))
        if is_total_row(cells):  # a short total row: only its label and the figure
            rows.append(SourceRow(pending_from + 1, i, cells + [""] * (width - len(cells))))
            return rows, i
        raise ImportFormatError(
            f"«{name}», {pending_from + 1}-р мөр: хүснэгтийн мөр дутуу байна ({width} нүд байх ёстой, "
            f"{len(cells)} байна). Хүснэгтийг бүтнээр нь хуулна уу.",
            [(pending_from + 1, f"{width} нүд")],
        )
    return rows, i
