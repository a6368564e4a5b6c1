"""Which column of a source table holds what: told apart by the meaning of its header words.

Real tables differ from the official eight columns: 3 to 8 columns, header words that
drift (``Гүйцэтгэл үзүүлэлт``, ``Биелэлт``/``Хэрэгжилт``, ``№``/``д/д``/nothing), two
header rows, a row of column numbers, and ``?`` where a Windows-1251 save lost Ө and Ү.
So a column is recognized by stems of its words, with Ө, Ү and ``?`` treated as one
letter. When a table's columns cannot all be placed, ``ColumnMappingNeeded`` carries
the first rows and the guess, so that the window (or ``--columns``) can say the rest.
"""

from __future__ import annotations

import re

from core.errors import ImportFormatError
from core.tables.wordtable.cells import is_section_heading

#: The column roles, by their command-line names, with their Mongolian names.
ROLE_NAMES = {
    "number": "дугаар",
    "goal": "зорилт",
    "measure": "арга хэмжээ",
    "indicator": "шалгуур үзүүлэлт",
    "baseline_year": "суурь он",
    "baseline_level": "суурь түвшин",
    "target_level": "зорилтот түвшин",
    "achieved": "хүрсэн түвшин",
    "score": "оноо",
    "due": "хугацаа",
    "responsible": "хариуцах эзэн",
    "skip": "алгасах",
}
ROLES = tuple(ROLE_NAMES)
#: The official form's eight columns, in order.
OFFICIAL_MAPPING = ("number", "goal", "measure", "indicator", "baseline_year", "baseline_level", "target_level", "achieved")

_LOST_LETTERS = str.maketrans({"ө": "?", "ү": "?", "Ө": "?", "Ү": "?"})
_SPACES = re.compile(r"\s+")
_NUMBER_LABELS = {"№", "no", "no.", "#", "д/д", "д.д", "д/д.", "дд", "д/Д", "№ д/д", "д/д №"}


def normalize(text: str) -> str:
    """Lower case, single spaces, and Ө Ү ``?`` as one letter (``?`` is what cp1251 makes of them)."""
    return _SPACES.sub(" ", text.lower().translate(_LOST_LETTERS)).strip()


def _has(text: str, *stems: str) -> bool:
    return any(normalize(stem) in text for stem in stems)


def guess_role(top: str, sub: str = "") -> str | None:
    """The role of one column from its header text (top row, and the row under it if any)."""
    t = normalize(f"{top} {sub}" if sub and normalize(sub) != normalize(top) else top)
    s = normalize(sub)
    if not t:
        return None
    if t in {normalize(x) for x in _NUMBER_LABELS} or t.startswith("д/д") or t.startswith("№"):
        return "number"
    if _has(t, "суурь"):
        if s in (normalize("он"), normalize("он.")) or re.search(r"(^| )он( |$)", t):
            return "baseline_year"
        return "baseline_level" if _has(s, "түвшин") else "baseline_year"
    if s == normalize("он"):
        return "baseline_year"
    if _has(t, "зорилтот", "хүрэх түвшин", "хүрэх үр дүн", "төлөвлөсөн түвшин"):
        return "target_level"
    if _has(t, "хариуцах", "хариуцагч", "хариуцсан"):  # a plan's «Хариуцах эзэн», «Хариуцах нэгж»
        return "responsible"
    if _has(t, "хугацаа"):  # a plan's «Хэрэгжих хугацаа» (before «хэрэгжүүлэх»: a measure's word)
        return "due"
    if _has(t, "шалгуур", "үзүүлэлт"):
        return "indicator"
    if _has(t, "оноо", "үнэлгээ") or t in ("хувь", "%", "дүн"):
        return "score"
    if _has(t, "хүрсэн", "биелэлт", "хэрэгжилт", "гүйцэтгэл", "тайлбар", "үр дүн"):
        return "achieved"
    if _has(t, "арга хэмжээ", "хэрэгжүүлэх", "үйл ажиллагаа"):
        return "measure"
    if _has(t, "зорилт", "чиглэл"):
        return "goal"
    if _has(t, "түвшин") and s:
        return "baseline_level"
    return None


def guess_mapping(header_rows: list[list[str]]) -> list[str | None]:
    """One role (or None) per column, from one or two header rows of equal width."""
    top = header_rows[0]
    sub = header_rows[1] if len(header_rows) > 1 else [""] * len(top)
    roles: list[str | None] = []
    for i, text in enumerate(top):
        role = guess_role(text, sub[i] if i < len(sub) else "")
        if role is None and not text.strip() and not (sub[i] if i < len(sub) else "").strip():
            if i == 0:
                role = "number"  # no label at all over the number column
            elif roles and roles[-1] == "baseline_year":
                role = "baseline_level"  # «Суурь түвшин» spans year and level
        roles.append(role)
    return roles


def header_score(cells: list[str]) -> int:
    """How many different roles a row's words name: 2 or more (goal or measure among them) is a header.

    Header words are short and never start with a digit; a data row that happens to
    say «Зорилт» and «Биелэлт 100» is not a header.
    """
    words = [c for c in cells if c.strip()]
    if any(len(c) > 160 or re.match(r"\s*\d", c) for c in words):
        return 0
    roles = {guess_role(c) for c in words}
    roles.discard(None)
    if not roles & {"goal", "measure"}:
        return 0
    return len(roles)


def is_header_row(cells: list[str]) -> bool:
    """A row that names at least two roles, a goal or a measure among them: the table's header starts there."""
    return header_score(cells) >= 2


def is_subheader_row(cells: list[str]) -> bool:
    """The second header row: only short header words (``он``, ``түвшин``, or column names)."""
    words = [c for c in cells if c.strip()]
    if not words or any(len(c) > 80 or re.search(r"\d", c) or is_section_heading(c) for c in words):
        return False
    if len(words) == 1 and cells and cells[0].strip():  # a row merged across: a section, not a header
        return False
    known = {normalize("он"), normalize("түвшин")}
    return all(normalize(c) in known or guess_role(c) is not None for c in words)


def is_column_number_row(cells: list[str]) -> bool:
    """A row of column numbers ``1 2 3 4`` under the header."""
    numbers = [c.strip().rstrip(".") for c in cells if c.strip()]
    if len(numbers) < 3 or not all(n.isdigit() for n in numbers):
        return False
    values = [int(n) for n in numbers]
    return values[0] == 1 and values == sorted(values) and len(set(values)) == len(values)


def lost_letters(cells: list[str]) -> bool:
    """``?`` inside header words: Word saved the text as Windows-1251 and lost Ө and Ү."""
    return any(re.search(r"\w\?|\?\w", c) for c in cells)


class ColumnMappingNeeded(ImportFormatError):
    """The table's columns could not all be placed; carries what the window needs to ask."""

    def __init__(self, message: str, *, first_rows: list[list[str]], guessed: list[str | None], header: list[str],
                 suggested: list[str | None] | None = None, row: int = 1):
        super().__init__(message, [(row, "баганууд")])
        self.first_rows = first_rows
        self.guessed = guessed
        self.header = header
        #: For a table without header: what its cells suggest, to fill the window's choice (never taken unasked).
        self.suggested = suggested or [None] * len(guessed)

    @property
    def key(self) -> str:
        """What a remembered mapping is stored under: the header words, normalized."""
        return mapping_key(self.header)


def mapping_key(header: list[str]) -> str:
    """The header's words normalized into one key, so a mapping the user chose is remembered for the same header."""
    return "|".join(normalize(c) for c in header)


def complete_mapping(guessed: list[str | None], *, has_header: bool) -> list[str] | None:
    """The mapping when it is whole and sound, else None.

    Eight columns whose recognized ones stand where the official form has them are
    the official form, whatever the unrecognized words (old tests and old files say
    ``x`` there). Otherwise every column needs a role, a measure column is needed, and
    no role but ``skip`` may repeat.
    """
    if len(guessed) == len(OFFICIAL_MAPPING) and all(g in (None, o) for g, o in zip(guessed, OFFICIAL_MAPPING)):
        if not has_header or sum(g is not None for g in guessed) >= 2:
            return list(OFFICIAL_MAPPING)
    if any(g is None for g in guessed) or "measure" not in guessed:
        return None
    real = [g for g in guessed if g != "skip"]
    if len(real) != len(set(real)):
        return None
    return list(guessed)


def parse_columns_option(text: str) -> list[str]:
    """``--columns number,goal,measure,...`` -> roles; raises with the wrong names in Mongolian."""
    names = [n.strip().lower() for n in text.split(",")]
    wrong = [n or "(хоосон)" for n in names if n not in ROLES]
    if wrong:
        raise ImportFormatError(
            f"--columns: «{', '.join(wrong)}» гэсэн багана байхгүй. Боломжтой нэрс: {', '.join(ROLES)}."
        )
    if "measure" not in names:
        raise ImportFormatError("--columns: арга хэмжээний багана (measure) заавал байх ёстой.")
    real = [n for n in names if n != "skip"]
    doubles = sorted({n for n in real if real.count(n) > 1})
    if doubles:
        raise ImportFormatError(f"--columns: «{', '.join(doubles)}» нэг удаа л байна (skip-ээс бусад).")
    return names


def describe_unplaced(header: list[str], guessed: list[str | None]) -> str:
    """Mongolian: which columns were not placed, and the guess for the rest, for the message."""
    parts = []
    for i, (word, role) in enumerate(zip(header, guessed), 1):
        label = " ".join(word.split())[:40] or "(гарчиггүй)"
        parts.append(f"{i}. «{label}» → {role if role else '?'}")
    return "; ".join(parts)


_NUMBER = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s*$")


def suggest_from_content(rows: list[list[str]]) -> list[str | None]:
    """What the cells of a table without header suggest each column holds: numbers, numbered measures,
    texts ending in a score, scores alone, goals (filled in some rows only, before the measures)."""
    from core.tables.wordtable.cells import ends_with_score, score_cell, split_measure_number

    width = max((len(r) for r in rows), default=0)
    out: list[str | None] = [None] * width
    for c in range(width):
        cells = [r[c] for r in rows if c < len(r) and r[c].strip()]
        if not cells:
            continue
        share = lambda test: sum(1 for cell in cells if test(cell)) / len(cells)  # noqa: E731
        if share(lambda cell: bool(_NUMBER.match(cell))) >= 0.6 and "number" not in out:
            out[c] = "number"
        elif share(lambda cell: bool(split_measure_number(cell)[0])) >= 0.5 and "measure" not in out:
            out[c] = "measure"
        elif share(lambda cell: score_cell(cell)[0] is not None) >= 0.6 and "score" not in out:
            out[c] = "score"
        elif share(ends_with_score) >= 0.4 and "achieved" not in out:
            out[c] = "achieved"
    measure_at = out.index("measure") if "measure" in out else width
    for c in range(width):
        filled = sum(1 for r in rows if c < len(r) and r[c].strip())
        if out[c] is None and c < measure_at and 0 < filled < len(rows) and "goal" not in out:
            out[c] = "goal"
    return out
