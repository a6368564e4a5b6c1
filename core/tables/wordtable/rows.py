"""The body of a source table -> goals and measures, every row accounted for.

Input is the table as rows of cells (from text or from a .docx, header rows first)
and the role of each column. Two kinds of tables:

- with a goal column (the official form): a goal starts where the goal cell (or the
  number cell of a row without a measure) is filled; the measure number is glued to
  the measure text, or stands in the number column;
- without one (``д/д | Хэрэгжүүлэх арга хэмжээ | Биелэлт``): the numbering says the
  level. The deepest numbered level are measures, shallower rows (``Нэг.``, ``1.1``
  over ``1.1.1.``) and section headings across the table are goals.

Rows that are neither (an ``Эрх зүйн үндэслэл:`` row, a row of column numbers, an
empty row) are listed as skipped with their row number and why; none is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.errors import ImportFormatError
from core.report.model import Goal, Measure
from core.tables.wordtable.cells import (
    buried_score,
    is_legal_basis,
    loose,
    number_depth,
    score_cell,
    split_any_number,
    split_measure_number,
    split_score,
    split_section_number,
)
from core.tables.wordtable.columns import (
    OFFICIAL_MAPPING,
    ColumnMappingNeeded,
    complete_mapping,
    describe_unplaced,
    guess_mapping,
    is_column_number_row,
    normalize,
    suggest_from_content,
    is_subheader_row,
    lost_letters,
)

TOTAL_ROW_LABELS = (
    "биелэлтийн нийт дүн", "хэрэгжилтийн нийт дүн", "хэрэгжилтийн дундаж", "биелэлтийн дундаж", "нийт дүн",
    "нийт биелэлт", "нийт хэрэгжилт", "биелэлтийн хувь", "дундаж", "нийт", "дүн",
)
#: A total row's label, with the figure in the same (merged) cell or not: ``Биелэлтийн нийт дүн: 66,6%``.
_TOTAL = re.compile(
    r"^\s*(?:" + "|".join(loose(label) for label in TOTAL_ROW_LABELS) + r")\s*[:\-–]?\s*"
    r"(?P<figure>\d{1,3}(?:[.,]\d{1,3})?\s*%?)?\s*\.?\s*$",
    re.IGNORECASE,
)
MEASURE_DATA = ("indicator", "baseline_year", "baseline_level", "target_level", "achieved", "score", "due", "responsible")


@dataclass
class SourceRow:
    """One table row: its first and last line (or row number) in the source, its cells, and what it became.

    ``role`` is set by the reader (header, goal, measure, total, signature, title,
    skipped): a row left without one was not accounted for, and the import refuses.
    """

    first: int
    last: int
    cells: list[str]
    role: str | None = None


@dataclass
class SkippedRow:
    """A source row that was not imported, its number in the source and why, so no row is dropped silently."""

    row: int
    reason: str
    text: str = ""


@dataclass
class TableReading:
    """What reading the table gave: goals, skipped rows, warnings, printed total, mapping, rows after the total."""

    goals: list[Goal] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    printed_total: str | None = None
    mapping: list[str] = field(default_factory=list)
    #: Rows after the total row (a signature block inside the table).
    trailing: list[SourceRow] = field(default_factory=list)
    header_rows: int = 0


def total_label(text: str) -> re.Match | None:
    """``Биелэлтийн нийт дүн`` and its variants (``д?н`` too), with a figure after it or not."""
    return _TOTAL.match(text) if len(text) < 80 else None


def is_total_row(cells: list[str]) -> bool:
    """The row of the total (``Биелэлтийн нийт дүн`` and its variants): the table body ends there."""
    first = next((c for c in cells if c.strip()), "")
    return total_label(first) is not None


def printed_total(cells: list[str]) -> str | None:
    """The figure a total row prints: its last filled cell, or the figure written after the label."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) > 1:
        return filled[-1]
    match = total_label(filled[0]) if filled else None
    return match.group("figure").strip() if match and match.group("figure") else None


def _flat(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def resolve_mapping(rows: list[SourceRow], *, has_header: bool, columns: list[str] | None, name: str) -> tuple[list[str], int, list[str]]:
    """(mapping, number of header rows, warnings); a column-number row below is skipped with the body."""
    width = len(rows[0].cells) if rows else 0
    header_count = 0
    headers: list[list[str]] = []
    warnings: list[str] = []
    if has_header and rows:
        headers = [rows[0].cells]
        header_count = 1
        if len(rows) > 1 and is_subheader_row(rows[1].cells) and not is_column_number_row(rows[1].cells):
            headers.append(rows[1].cells)
            header_count = 2
        if any(lost_letters(h) for h in headers):
            warnings.append(
                "толгой мөрөнд «?» тэмдэгт байна: Word Ө, Ү үсгийг Windows-1251-ээр хадгалахдаа алдсан бололтой "
                "(текст хэвээр нь уншив). Word-оос «Unicode» эсвэл .docx-ээр хадгална уу."
            )
    if columns is not None:
        if width and len(columns) != width:
            raise ImportFormatError(
                f"«{name}»: --columns-д {len(columns)} нэр өгсөн, хүснэгт {width} баганатай. Багана бүрт нэг нэр өгнө үү.",
                [(rows[0].first if rows else 1, f"{width} багана")],
            )
        return list(columns), header_count, warnings
    guessed = guess_mapping(headers) if headers else [None] * width
    mapping = complete_mapping(guessed, has_header=bool(headers))
    if mapping is None:
        header = [" ".join(t for t in col if t.strip()) for col in zip(*headers)] if headers else [""] * width
        unplaced = [i + 1 for i, g in enumerate(guessed) if g is None]
        if not headers:
            why = f"{rows[0].first if rows else 1}-р мөрөөс эхэлсэн хүснэгтийн толгой мөр («№», «Зорилт», «Хэрэгжүүлэх арга хэмжээ» ...) олдсонгүй"
        elif unplaced:
            why = f"{', '.join(map(str, unplaced))}-р баганыг таньсангүй"
        else:
            why = "арга хэмжээний багана олдсонгүй эсвэл багана давхардсан"
        where = f", {rows[0].first}-р мөр (толгой)" if headers and rows else ""
        raise ColumnMappingNeeded(
            f"«{name}»{where}: хүснэгтийн баганыг бүгдийг нь таньсангүй ({why}). Таамаг: {describe_unplaced(header, guessed)}. "
            "Баганыг цонхноос сонгох эсвэл --columns number,goal,measure,... гэж эх хүснэгтийн дарааллаар заана уу.",
            first_rows=[r.cells for r in rows[:8]],
            guessed=guessed,
            header=header,
            suggested=None if headers else suggest_from_content([r.cells for r in rows[:50]]),
            row=rows[0].first if rows else 1,
        )
    return mapping, header_count, warnings


def read_table(rows: list[SourceRow], *, name: str, has_header: bool = True, columns: list[str] | None = None) -> TableReading:
    """Reads the whole table; raises ``ColumnMappingNeeded`` or ``ImportFormatError`` (naming the row)."""
    mapping, header_count, warnings = resolve_mapping(rows, has_header=has_header, columns=columns, name=name)
    reading = TableReading(mapping=mapping, warnings=warnings, header_rows=header_count)
    body = rows[header_count:]
    for row in rows[:header_count]:
        row.role = "header"
    for k, row in enumerate(body):
        if is_total_row(row.cells):
            reading.printed_total = printed_total(row.cells)
            row.role = "total"
            reading.trailing = body[k + 1 :]
            body = body[:k]
            break
    header = [normalize(c) for c in rows[0].cells] if header_count and rows else []
    _BodyReader(mapping, reading, name, header).read(body)
    return reading


class _BodyReader:
    def __init__(self, mapping: list[str], reading: TableReading, name: str, header: list[str]):
        self.mapping = mapping
        self.header = header
        self.reading = reading
        self.name = name
        self.has_goal_column = "goal" in mapping
        self.has_score_column = "score" in mapping
        self.goal: Goal | None = None

    def field(self, cells: list[str], role: str) -> str:
        for i, r in enumerate(self.mapping):
            if r == role and i < len(cells):
                return cells[i]
        return ""

    def skip(self, row: SourceRow, reason: str) -> None:
        row.role = "skipped"
        self.reading.skipped.append(SkippedRow(row.first, reason, _flat(" ".join(c for c in row.cells if c.strip()))))

    def heading(self, row: SourceRow) -> tuple[str, str] | None:
        """A section heading across the table: one filled cell, a section number or text in the number column."""
        filled = [(i, c) for i, c in enumerate(row.cells) if c.strip()]
        if len({c for _, c in filled}) != 1:
            return None
        i, text = filled[0]
        role = self.mapping[i] if i < len(self.mapping) else "skip"
        if role not in ("number", "goal", "measure") and i != 0:
            return None
        number, rest = split_section_number(text)
        if number:
            return number, rest
        if role == "number" and number_depth(text) == -1:
            number, rest = split_measure_number(text)
            return number, rest
        return None

    def read(self, body: list[SourceRow]) -> None:
        plan: list[tuple[str, SourceRow, tuple[str, str]]] = []
        for row in body:
            cells = row.cells
            if not any(c.strip() for c in cells):
                self.skip(row, "хоосон мөр")
            elif is_legal_basis(next(c for c in cells if c.strip())):
                self.skip(row, "«Эрх зүйн үндэслэл» мөр (зорилт, арга хэмжээ биш)")
            elif is_column_number_row(cells):
                self.skip(row, "баганын дугаарын мөр")
            elif self.header and [normalize(c) for c in cells] == self.header:
                self.skip(row, "толгой мөр дахин (хуудас бүрт давтсан)")
            elif (found := self.heading(row)) is not None:
                plan.append(("heading", row, found))
            else:
                plan.append(("row", row, ("", "")))
        if self.has_goal_column:
            for kind, row, found in plan:
                if kind == "row":
                    self.goal_column_row(row)
                elif split_section_number(found[0] + " x")[0] and found[0]:
                    # a section over goals that have their own column: not a goal itself
                    self.skip(row, "бүлгийн гарчиг (зорилт нь өөрийн баганатай тул зорилт, арга хэмжээ биш)")
                else:
                    self.new_goal(*found, row=row)
        else:
            self.levelled(plan)

    def new_goal(self, number: str, text: str, *, row: SourceRow | None = None) -> Goal:
        self.goal = Goal(number=number, text=text)
        self.reading.goals.append(self.goal)
        if row is not None:
            row.role = "goal"
        return self.goal

    def same_goal(self, number: str, text: str) -> bool:
        """A goal cell that is not merged repeats the goal in every row of its measures."""
        if self.goal is None:
            return False
        flat = lambda s: " ".join(s.split())  # noqa: E731
        number, text = flat(number), flat(text)
        same_number = number == flat(self.goal.number)
        same_text = text == flat(self.goal.text)
        return (same_number and same_text) or (same_text and not number and text) or (same_number and not text and number)

    def has_measure_data(self, cells: list[str]) -> bool:
        return any(self.field(cells, r).strip() for r in ("measure",) + MEASURE_DATA)

    def goal_column_row(self, row: SourceRow) -> None:
        cells = row.cells
        number, goal_text, measure_cell = self.field(cells, "number"), self.field(cells, "goal"), self.field(cells, "measure")
        measure_number = ""
        if number.strip() and not goal_text.strip() and measure_cell.strip():
            measure_number, number = number.strip(), ""  # the number column numbers the measures here
        elif number.strip() and goal_text.strip() and number_depth(number) >= 2 and not split_measure_number(measure_cell)[0]:
            measure_number, number = number.strip(), ""
        if (number.strip() or goal_text.strip()) and not self.same_goal(number, goal_text):
            self.new_goal(number, goal_text, row=row)
        if not self.has_measure_data(cells):
            if number.strip() or goal_text.strip():
                row.role = "goal"
            else:
                self.skip(row, "зорилт, арга хэмжээний аль нь ч биш (зөвхөн алгассан баганад бичвэртэй)")
            return
        if self.goal is None:
            raise ImportFormatError(
                f"«{self.name}», {row.first}-р мөр: эхний арга хэмжээний өмнө зорилтын дугаар, нэр (1, 2-р нүд) байх ёстой.",
                [(row.first, "зорилт")],
            )
        if measure_number:
            self.add_measure(row, measure_number, measure_cell)
        else:
            self.add_measure(row, *split_measure_number(measure_cell))

    def levelled(self, plan: list[tuple[str, SourceRow, tuple[str, str]]]) -> None:
        numbered: list[tuple[str, SourceRow, str, str]] = []
        for kind, row, found in plan:
            if kind == "heading":
                numbered.append(("heading", row, *found))
                continue
            number_cell = self.field(row.cells, "number")
            measure_cell = self.field(row.cells, "measure")
            if number_cell.strip():
                numbered.append(("row", row, number_cell.strip(), measure_cell))
            else:
                numbered.append(("row", row, *split_any_number(measure_cell)))
        deepest = max((number_depth(n) for k, _, n, _ in numbered if k == "row"), default=-1)
        for kind, row, number, text in numbered:
            depth = number_depth(number)
            data = any(self.field(row.cells, r).strip() for r in MEASURE_DATA)
            if kind == "heading" or (0 <= depth < deepest and not data):
                self.new_goal(number, text, row=row)
                continue
            if self.goal is None:
                self.new_goal("", "")
                self.reading.warnings.append(
                    f"{row.first}-р мөр: хүснэгтэд зорилт алга; арга хэмжээнүүдийг нэр, дугааргүй нэг зорилтод оруулав."
                )
            self.add_measure(row, number, text)

    def add_measure(self, row: SourceRow, number: str, text: str) -> None:
        cells = row.cells
        achieved, score, problem = split_score(self.field(cells, "achieved"), percent=not self.has_score_column)
        if problem:
            self.reading.warnings.append(f"{row.first}-р мөр: {problem}; үнэлгээгүй гэж уншив.")
        elif score is None and (buried := buried_score(achieved, percent=not self.has_score_column)):
            self.reading.warnings.append(
                f"{row.first}-р мөр: «{buried}» нүдний төгсгөлд биш (араас нь бичвэр бий) тул үнэлгээ гэж уншсангүй; шалгана уу."
            )
        if self.has_score_column:
            column_score, problem = score_cell(self.field(cells, "score"))
            if problem:
                self.reading.warnings.append(f"{row.first}-р мөр: {problem}; үнэлгээгүй гэж уншив.")
            if column_score is not None:
                score = column_score
        assert self.goal is not None
        row.role = "measure"
        self.goal.measures.append(
            Measure(
                number=number,
                text=text,
                indicator=self.field(cells, "indicator"),
                baseline_year=self.field(cells, "baseline_year"),
                baseline_level=self.field(cells, "baseline_level"),
                target_level=self.field(cells, "target_level"),
                achieved=achieved,
                score=score,
                responsible=self.field(cells, "responsible"),
                due=self.field(cells, "due"),
            )
        )


def count_scores(goals: list[Goal]) -> int:
    """Measures whose score was found (not-due included)."""
    return sum(1 for g in goals for m in g.measures if m.score is not None)


__all__ = ["OFFICIAL_MAPPING", "SourceRow", "SkippedRow", "TableReading", "read_table", "is_total_row", "count_scores"]
