"""Import of the official table as text: a file saved from Word, or what the clipboard holds.

The format is the one of the reference sample: one table row per line, cells
separated by TAB; the appendix label, the title and the date above the table; the
total row ``Биелэлтийн нийт дүн``; the signature block below. Word also writes a
cell that holds several paragraphs over several lines, so a row is complete only
when it has its eight cells.

Everything the user wrote is kept as written: numbers (``3.``, ``2.1.``), gaps in
numbering, typos. Only two things are taken apart: a measure number glued to its
text (``2.1.Төрийн``) and a trailing ``Биелэлт 70``, which becomes the score.
Parsing is all-or-nothing: text it cannot read raises ``ImportFormatError`` naming
the lines, before anything is written anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ImportFormatError, TailanError
from .model import DEFAULT_APPENDIX_LABEL, Goal, Measure, Period, Report, Score, Signatory
from .official_form import NOT_DUE_TEXT

TABLE_COLUMNS = 8
MAX_IMPORT_BYTES = 50 * 1024 * 1024
TOTAL_ROW_LABELS = ("биелэлтийн нийт дүн", "хэрэгжилтийн дундаж", "нийт дүн")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MEASURE_NUMBER = re.compile(r"^(\s*)(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.?(?=\s))(\s*)(.*)$", re.DOTALL)
_SCORE_SUFFIX = re.compile(r"^(.*?)(\s*)Биелэлт\s*[:\-]?\s*(\d{1,3})\s*%?\s*\.?\s*$", re.DOTALL)
_NOT_DUE_SUFFIX = re.compile(r"^(.*?)(\s*)" + NOT_DUE_TEXT + r"\.?\s*$", re.DOTALL | re.IGNORECASE)
_DATE = re.compile(r"^\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?\s*$")
_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*ОН", re.IGNORECASE)
_ALLOWED_CONTROLS = set("\t\n\r\x0b\x0c")


@dataclass
class ImportResult:
    """The parsed report and what the source said beside it."""

    report: Report
    printed_total: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding: str = "utf-8"


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


def import_file(path: str | Path) -> ImportResult:
    """Reads and parses a text file; the file itself is only read."""
    path = Path(path)
    try:
        if path.is_dir():
            raise TailanError(f"«{path}» нь хавтас байна, текст файл биш.")
        if path.exists() and not path.is_file():  # a device or a pipe would block reading, or never end
            raise TailanError(f"«{path}» нь энгийн файл биш (төхөөрөмж эсвэл суваг). Текст файлаа сонгоно уу.")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFormatError(f"«{path.name}» хэт том байна ({size // (1024 * 1024)} МБ). Тайлангийн текст ийм том байдаггүй.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TailanError(f"«{path}» файл олдсонгүй. Замаа шалгана уу.") from None
    except PermissionError:
        raise TailanError(f"«{path.name}» файлыг унших эрх алга.") from None
    except OSError as exc:
        raise TailanError(f"«{path.name}» файлыг уншиж чадсангүй ({exc.strerror}).") from None
    if not data.strip():
        raise ImportFormatError(f"«{path.name}» хоосон файл байна.")
    text, encoding = decode(data, path.name)
    result = parse_text(text, name=path.name)
    result.encoding = encoding
    return result


def parse_clipboard(text: str) -> ImportResult:
    """What a user copied out of Word: the table alone is enough, the header is optional."""
    _refuse_binary(text, "санах ой")
    return parse_text(text, name="санах ой", require_header=False)


def _cells(line: str) -> list[str]:
    return line.split("\t")


def _is_header(cells: list[str]) -> bool:
    return len(cells) >= 2 and cells[0].strip() in ("№", "No", "No.", "#") and "зорилт" in cells[1].lower()


def _is_subheader(cells: list[str]) -> bool:
    return len(cells) >= 6 and cells[4].strip().lower() == "он" and cells[5].strip().lower() == "түвшин"


def _is_total(cells: list[str]) -> bool:
    return cells[0].strip().lower().rstrip(":") in TOTAL_ROW_LABELS


def parse_text(text: str, *, name: str = "текст", require_header: bool = True) -> ImportResult:
    """Parses the official table from text; raises ``ImportFormatError`` naming the lines."""
    lines = _LINE_BREAK.split(text)
    header_at = next((i for i, line in enumerate(lines) if _is_header(_cells(line))), None)
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
        preamble: list[tuple[int, str]] = []
    else:
        header_cells = _cells(lines[header_at])
        if len([c for c in header_cells]) < TABLE_COLUMNS:
            raise ImportFormatError(
                f"«{name}», {header_at + 1}-р мөр: толгой мөрөнд {TABLE_COLUMNS} нүд байх ёстой, "
                f"{len(header_cells)} байна.",
                [(header_at + 1, f"{TABLE_COLUMNS} нүд")],
            )
        preamble = [(i + 1, lines[i]) for i in range(header_at) if lines[i].strip()]
        body_start = header_at + 1
        if body_start < len(lines) and _is_subheader(_cells(lines[body_start])):
            body_start += 1

    report = Report(goals=[], signatories=[])
    result = ImportResult(report=report)
    _read_preamble(preamble, report)

    rows, after_table, printed_total = _logical_rows(lines, body_start, name)
    result.printed_total = printed_total
    _read_rows(rows, report, result, name)
    _read_signatures([(i + 1, lines[i]) for i in range(after_table, len(lines))], report)

    if not report.goals:
        raise ImportFormatError(
            f"«{name}»: хүснэгтэд нэг ч зорилт, арга хэмжээ олдсонгүй. Хүснэгтийн мөрүүдийг шалгана уу.",
            [(body_start + 1, "зорилт")],
        )
    return result


def _read_preamble(preamble: list[tuple[int, str]], report: Report) -> None:
    title_lines: list[str] = []
    for position, (_, line) in enumerate(preamble):
        date = _DATE.match(line)
        if date and not report.report_date:
            report.report_date = line.strip()
        elif position == 0 and "хавсралт" in line.lower():
            report.appendix_label = line.strip()
        else:
            title_lines.append(line)
    if preamble and not any("хавсралт" in line.lower() for _, line in preamble):
        report.appendix_label = ""
    elif not preamble:
        report.appendix_label = DEFAULT_APPENDIX_LABEL
    report.title = "\n".join(title_lines)
    if title_lines:
        first = title_lines[0].strip().split(",")[0].strip()
        if first:
            lowered = first.lower()
            report.organization = lowered[:1].upper() + lowered[1:]
    year = _YEAR_IN_TITLE.search(report.title)
    if year:
        report.year = int(year.group(1))
    elif report.report_date:
        report.year = int(_DATE.match(report.report_date).group(1))
    if "хагас жил" in report.title.lower():
        report.period = Period.HALF_YEAR


def _logical_rows(lines: list[str], start: int, name: str) -> tuple[list[tuple[int, int, list[str]]], int, str | None]:
    """Joins the lines of multi-paragraph cells into rows of eight cells.

    Returns (rows as (first line, last line, cells), index of the first line after
    the table, the printed total as written or None).
    """
    rows: list[tuple[int, int, list[str]]] = []
    pending: list[str] = []
    pending_from = 0
    pending_tabs = 0
    total_at = next((k for k in range(start, len(lines)) if _is_total(_cells(lines[k]))), len(lines))
    i = start
    while i < len(lines):
        line = lines[i]
        if not pending:
            if not line.strip():
                i += 1
                continue
            if "\t" not in line:
                if i < total_at < len(lines) and rows:
                    # before the total row, lines without cells continue the last cell
                    # (taken together: adding them one by one was quadratic)
                    more, last = [], i
                    while i < total_at and "\t" not in lines[i]:
                        if lines[i].strip():
                            more.append(lines[i])
                            last = i
                        i += 1
                    first, _, cells = rows[-1]
                    cells[-1] += "\n" + "\n".join(more)
                    rows[-1] = (first, last + 1, cells)
                    continue
                break  # the table has ended: the signature block follows
            pending_from = i
            pending = [line]
            pending_tabs = line.count("\t")
        else:
            pending.append(line)
            pending_tabs += line.count("\t")
        if pending_tabs + 1 < TABLE_COLUMNS:  # not a whole row yet; joining every time was quadratic
            i += 1
            continue
        cells = _cells("\n".join(pending))
        if len(cells) > TABLE_COLUMNS and not any(c.strip() for c in cells[TABLE_COLUMNS:]):
            cells = cells[:TABLE_COLUMNS]
        if len(cells) == TABLE_COLUMNS:
            if _is_total(cells):
                total = next((c.strip() for c in reversed(cells) if c.strip()), None)
                return rows, i + 1, total if total != cells[0].strip() else None
            rows.append((pending_from + 1, i + 1, cells))
            pending = []
        elif len(cells) > TABLE_COLUMNS:
            raise ImportFormatError(
                f"«{name}», {pending_from + 1}-{i + 1}-р мөр: хүснэгтийн мөрөнд {TABLE_COLUMNS} нүд байх ёстой, "
                f"{len(cells)} байна. Нүднүүдийг шалгана уу.",
                [(pending_from + 1, f"{TABLE_COLUMNS} нүд")],
            )
        i += 1
    if pending:
        cells = _cells("\n".join(pending))
        raise ImportFormatError(
            f"«{name}», {pending_from + 1}-р мөр: хүснэгтийн мөр дутуу байна ({TABLE_COLUMNS} нүд байх ёстой, "
            f"{len(cells)} байна). Хүснэгтийг бүтнээр нь хуулна уу.",
            [(pending_from + 1, f"{TABLE_COLUMNS} нүд")],
        )
    return rows, i, None


def split_measure_number(cell: str) -> tuple[str, str]:
    """``2.1.Төрийн`` -> (``2.1.``, ``Төрийн``); text without a leading number is all text."""
    match = _MEASURE_NUMBER.match(cell)
    if not match:
        return "", cell
    return match.group(2), match.group(4)


def split_score(cell: str) -> tuple[str, Score | None, str | None]:
    """Moves a trailing ``Биелэлт NN`` into the score; returns (text, score, problem)."""
    match = _SCORE_SUFFIX.match(cell)
    if match:
        try:
            score = Score.parse(match.group(3))
        except ValueError:
            return cell, None, f"«Биелэлт {match.group(3)}» нь албан ёсны үнэлгээ (100, 70, 30, 0) биш"
        return match.group(1), score, None
    match = _NOT_DUE_SUFFIX.match(cell)
    if match:
        return match.group(1), Score.NOT_DUE, None
    return cell, None, None


def _read_rows(rows: list[tuple[int, int, list[str]]], report: Report, result: ImportResult, name: str) -> None:
    goal: Goal | None = None
    for first, last, cells in rows:
        goal_number, goal_text, measure_cell = cells[0], cells[1], cells[2]
        if goal_number.strip() or goal_text.strip():
            goal = Goal(number=goal_number, text=goal_text)
            report.goals.append(goal)
        rest = cells[2:]
        if not any(c.strip() for c in rest):
            continue
        if goal is None:
            raise ImportFormatError(
                f"«{name}», {first}-р мөр: эхний арга хэмжээний өмнө зорилтын дугаар, нэр (1, 2-р нүд) байх ёстой.",
                [(first, "зорилт")],
            )
        number, text = split_measure_number(measure_cell)
        achieved, score, problem = split_score(cells[7])
        if problem:
            result.warnings.append(f"{first}-р мөр: {problem}; үнэлгээгүй гэж уншив.")
        goal.measures.append(
            Measure(
                number=number,
                text=text,
                indicator=cells[3],
                baseline_year=cells[4],
                baseline_level=cells[5],
                target_level=cells[6],
                achieved=achieved,
                score=score,
            )
        )


def _read_signatures(lines: list[tuple[int, str]], report: Report) -> None:
    names: list[str] = []
    for _, line in lines:
        text = line.strip()
        if not text:
            continue
        if ":" in text:
            role, position = text.split(":", 1)
            report.signatories.append(Signatory(role=role.strip(), position=position.strip()))
        else:
            names.append(text)
    for i, person in enumerate(names):
        if i < len(report.signatories):
            report.signatories[i].name = person
        else:
            report.signatories.append(Signatory(name=person))
