"""The value rules of a received file's checks: each a condition in SQL that makes a value wrong,
and a quick Python test of it, and the count of wrong values in a table.

A rule (``Rule``) says, for one column, which values are wrong (SQL on ``{c}``) and what
the value should be, in Mongolian. ``wrong_value_counts`` counts a table's wrong values in
one statement; a small table is first read in Python, where each rule's quick test
(``Rule.sure``, ``.every`` for a column at once) passes only what its SQL surely passes.
The received checks (``core.received.bounds``) and the opening checks
(``core.storage.opencheck``) take their rules from here; the statements run on the
private, read-only connection of ``core.storage.received``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Callable

@dataclass(frozen=True)
class Rule:
    """Conditions (SQL on column ``{c}``) that make a value wrong, each with what it should be.

    ``sure`` holds, for each condition, a Python test that answers True only for a value the
    condition surely passes (``wrong_value_counts``: a quick first look at a small table);
    where it answers False, or the rule has no such tests, SQLite judges, as always.
    """

    wrong: tuple[tuple[str, str], ...]
    sure: tuple[Callable[[object], bool], ...] = ()


class TextBytes(bytes):
    """A text value as SQLite holds it, its UTF-8 bytes undecoded (``text_factory``), told apart from a blob."""


def _sure(one: Callable[[object], bool], every: Callable[[list], bool] | None = None) -> Callable[[object], bool]:
    """A Python test of one condition, ``one(value)``, with ``one.every(values)`` for a column's
    values at once (never NULL): True only when ``one`` passes each of them. Where ``every`` is
    given it makes one pass in C over the column (their types as a set, the longest, the
    values joined) instead of a call per value, which took most of a small file's check."""
    one.every = every if every is not None else (lambda values: all(map(one, values)))
    return one


def _all_of_type(values: list, kind: type) -> bool:
    return not values or set(map(type, values)) == {kind}


_is_text = _sure(lambda value: type(value) is TextBytes, lambda values: _all_of_type(values, TextBytes))


def _no_longer(limit: int):
    # SQLite counts a text's characters; it has at least as many bytes, so a text of at most
    # ``limit`` bytes surely has at most ``limit`` characters (a longer one is SQLite's to count).
    return _sure(lambda value: type(value) is TextBytes and len(value) <= limit,
                 lambda values: _all_of_type(values, TextBytes) and max(map(len, values), default=0) <= limit)


def text_rule(limit: int, too_long: str, not_text: str) -> Rule:
    """Text of at most ``limit`` characters (bytes are bounded by the connection's value limit)."""
    return Rule((("typeof({c}) != 'text'", not_text), (f"length({{c}}) > {int(limit)}", too_long)),
                (_is_text, _no_longer(int(limit))))


#: A value holding a character no text of a report has: NUL, the other control characters
#: but tab, line feed and carriage return (ESC drives a terminal), DEL, and the bidi
#: embeddings, overrides and isolates (RLO turns a line around on screen). The C1
#: controls are looked for once the texts are read (``core.received.bounds.check_texts``):
#: SQLite reads a byte that is not UTF-8 as one of them, and such a text is refused as
#: damaged instead. The search runs on the value's UTF-8 bytes in our own SQL function
#: (``add_text_functions``): SQLite's ``GLOB '*[...]*'`` backtracks at every character and
#: took 80 % of a received file's checks; the bytes never need decoding, so a value that is
#: not UTF-8 cannot make the function fail.
CONTROL_CHARACTERS = "tailan_has_control(CAST({c} AS BLOB))"
LINE_BREAKS = "tailan_has_line_break(CAST({c} AS BLOB))"
#: The one-byte characters of each search, found by ``bytes.translate`` (a pass in C); the
#: three-byte ones (U+2028/U+2029, the bidirectional controls) by a pattern that starts with
#: a fixed byte, which ``re`` finds by a quick scan. One pattern holding both took ten times
#: longer on a page of Cyrillic, the bytes of nearly every value.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_CONTROL_SEQUENCES = re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
_LINE_BREAK_BYTES = b"\t\n\r"
_LINE_BREAK_SEQUENCES = re.compile(rb"\xe2\x80[\xa8\xa9]")


def _finder(single_bytes: bytes, sequences: re.Pattern):
    def found(value: bytes | None) -> int:
        if value is None:
            return 0
        return 1 if len(value.translate(None, single_bytes)) != len(value) or sequences.search(value) else 0
    return found


_has_control = _finder(_CONTROL_BYTES, _CONTROL_SEQUENCES)
_has_line_break = _finder(_LINE_BREAK_BYTES, _LINE_BREAK_SEQUENCES)


#: What the values of a column are joined with to be searched at once: a byte that is none of
#: the characters searched for, nor a part of a three-byte one, so the joined bytes hold one
#: only where a value does.
_JOINER = b" "


def _none_found(found):
    """The Python test of a search: CAST(x AS BLOB) of a text or a blob is its bytes; of a
    number, its digits (no such character). A column of texts is searched joined, in one pass."""
    def one(value: object) -> bool:
        return not found(value) if isinstance(value, bytes) else type(value) in (int, float)

    def every(values: list) -> bool:
        if set(map(type, values)) <= {TextBytes, bytes}:
            return not found(_JOINER.join(values))
        return all(map(one, values))
    return _sure(one, every)


def add_text_functions(conn: sqlite3.Connection) -> None:
    """The two functions ``CONTROL_CHARACTERS`` and ``LINE_BREAKS`` call, on this connection only.

    Deterministic and called only from our own statements: the received file's schema was
    compared with ours before, and ``trusted_schema`` is off, so no object of the file can
    call them.
    """
    conn.create_function("tailan_has_control", 1, _has_control, deterministic=True)
    conn.create_function("tailan_has_line_break", 1, _has_line_break, deterministic=True)


def plain_text_rule(limit: int, too_long: str, not_text: str, control: str, one_line: str = "") -> Rule:
    """``text_rule``, and no control character in it (nor a line break or tab when ``one_line`` says why)."""
    base = text_rule(limit, too_long, not_text)
    wrong = base.wrong + ((CONTROL_CHARACTERS, control),)
    sure = base.sure + (_none_found(_has_control),)
    if one_line:
        wrong += ((LINE_BREAKS, one_line),)
        sure += (_none_found(_has_line_break),)
    return Rule(wrong, sure)


def integer_rule(low: int, high: int, what: str) -> Rule:
    """An integer from ``low`` to ``high``."""
    low, high = int(low), int(high)
    return Rule(((f"typeof({{c}}) != 'integer' OR {{c}} < {low} OR {{c}} > {high}", what),),
                (_sure(lambda value: type(value) is int and low <= value <= high,
                       lambda values: not values or (_all_of_type(values, int) and low <= min(values)
                                                      and max(values) <= high)),))


def pattern_rule(glob: str, length: int, what: str) -> Rule:
    """Text of exactly ``length`` bytes matching ``glob`` (our own patterns only)."""
    matches = _glob_as_bytes_pattern(glob).fullmatch
    return Rule(((f"typeof({{c}}) != 'text' OR length(CAST({{c}} AS BLOB)) != {int(length)} OR {{c}} NOT GLOB '{glob}'",
                  what),),
                (_sure(lambda value: type(value) is TextBytes and len(value) == length and matches(value) is not None),))


def _glob_as_bytes_pattern(glob: str) -> re.Pattern:
    """Our own GLOB patterns (ASCII character classes, ASCII letters, ``-``, ``:``, a ``*``) as a
    bytes pattern: the same values match, as each class and letter is one byte of UTF-8."""
    if not glob.isascii() or "?" in glob:
        raise ValueError(glob)
    out, i = [], 0
    while i < len(glob):
        if glob[i] == "[":
            end = glob.index("]", i)
            out.append(glob[i:end + 1])
            i = end + 1
        elif glob[i] == "*":
            out.append(".*")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out).encode(), re.DOTALL)


def one_of_rule(values: list[str], what: str) -> Rule:
    """Text that is one of ``values`` (our own vocabulary, never the sender's)."""
    listed = ", ".join(f"'{v}'" for v in values)
    allowed = frozenset(v.encode() for v in values)
    return Rule(((f"typeof({{c}}) != 'text' OR {{c}} NOT IN ({listed})", what),),
                (_sure(lambda value: type(value) is TextBytes and value in allowed,
                       lambda values: _all_of_type(values, TextBytes) and allowed.issuperset(values)),))


def hex_rule(length: int, what: str) -> Rule:
    """``length`` lower-case hex digits (a short pattern: the connection bounds pattern length)."""
    hex_only = re.compile(rb"[0-9a-f]*").fullmatch
    return Rule(((f"typeof({{c}}) != 'text' OR length(CAST({{c}} AS BLOB)) != {int(length)} OR {{c}} GLOB '*[^0-9a-f]*'",
                  what),),
                (_sure(lambda value: type(value) is TextBytes and len(value) == length and hex_only(value) is not None,
                       # hex digits joined are hex digits, and each value has its length
                       lambda values: _all_of_type(values, TextBytes) and set(map(len, values)) <= {length}
                       and hex_only(b"".join(values)) is not None),))


def timestamp_rule(what: str) -> Rule:
    """A date and time as Tailan writes it (``YYYY-MM-DD HH:MM:SS`` or with ``T``, then anything up to 40 bytes)."""
    glob = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]:[0-5][0-9]*"
    matches = _glob_as_bytes_pattern(glob).fullmatch
    return Rule(
        ((f"typeof({{c}}) != 'text' OR length(CAST({{c}} AS BLOB)) NOT BETWEEN 19 AND 40 OR {{c}} NOT GLOB '{glob}'",
          what),),
        (_sure(lambda value: type(value) is TextBytes and 19 <= len(value) <= 40 and matches(value) is not None),),
    )


def blob_rule(limit: int, not_blob: str, too_big: str) -> Rule:
    """Bytes of at most ``limit``."""
    return Rule((("typeof({c}) != 'blob'", not_blob), (f"length({{c}}) > {int(limit)}", too_big)),
                (_sure(lambda value: type(value) is bytes, lambda values: _all_of_type(values, bytes)),
                 _sure(lambda value: type(value) is bytes and len(value) <= limit,
                       lambda values: _all_of_type(values, bytes) and max(map(len, values), default=0) <= limit)))


def scalar_rule(limit: int, not_scalar: str, too_long: str) -> Rule:
    """Text or a number of at most ``limit`` bytes as text (a column of no known type)."""
    return Rule((("typeof({c}) NOT IN ('text', 'integer', 'real')", not_scalar),
                 (f"length(CAST({{c}} AS BLOB)) > {int(limit)}", too_long)))


#: Up to this many rows a table is first read in Python (``wrong_value_counts``).
QUICK_LOOK_ROWS = 5_000


def wrong_value_counts(conn: sqlite3.Connection, table: str, checks: list[tuple], rows: int | None = None,
                       at_once: int = 1) -> list[int]:
    """For each (column, NOT NULL, condition[, sure]) of ``table``, how many of its rows break the
    condition (a NULL breaks it only in a NOT NULL column), in one pass over the table.

    A table of at most ``QUICK_LOOK_ROWS`` rows (``rows``, when the caller counted them) whose
    conditions all have their Python test (``Rule.sure``) is first read once in Python: when
    every value surely passes, nothing is wrong, without preparing the statement below, whose
    many conditions cost a received file of ours most of its checking. Any value the tests
    are not sure of (or any error) leaves the counting to SQLite, which names what is wrong.
    The quick look holds ``at_once`` rows at a time (the caller knows how big they can be).
    """
    if rows is not None and rows <= QUICK_LOOK_ROWS and checks and all(len(c) > 3 and c[3] for c in checks):
        if _surely_all_fine(conn, table, checks, at_once):
            return [0] * len(checks)
    add_text_functions(conn)
    counts = []
    for column, not_null, condition, *_ in checks:
        quoted = f'"{column}"'
        when_null = "1" if not_null else "0"
        wrong = f"CASE WHEN {quoted} IS NULL THEN {when_null} ELSE ({condition.format(c=quoted)}) END"
        counts.append(f"count(*) FILTER (WHERE {wrong})")
    return list(conn.execute(f"SELECT {', '.join(counts)} FROM \"{table}\"").fetchone())


def _surely_all_fine(conn: sqlite3.Connection, table: str, checks: list[tuple], at_once: int) -> bool:
    """Every value of the checked columns read once, texts as their bytes (never decoded),
    ``at_once`` rows at a time, each column of them tested at once."""
    columns = list(dict.fromkeys(c[0] for c in checks))
    place = {column: i for i, column in enumerate(columns)}
    factory = conn.text_factory
    conn.text_factory = TextBytes
    try:
        quoted = ", ".join(f'"{column}"' for column in columns)
        cursor = conn.execute(f'SELECT {quoted} FROM "{table}"')
        while rows := cursor.fetchmany(max(1, at_once)):
            if not _rows_surely_fine(rows, checks, place):
                return False
        return True
    finally:
        conn.text_factory = factory


def _rows_surely_fine(rows: list[tuple], checks: list[tuple], place: dict[str, int]) -> bool:
    """Whether each check's test surely passes every value of its column in ``rows`` (a NULL only where allowed)."""
    by_column = list(zip(*rows))
    present: dict[int, list] = {}  # each column's values but NULL, taken out once
    for column, not_null, _, sure in checks:
        i = place[column]
        if i not in present:
            values = by_column[i]
            present[i] = [v for v in values if v is not None] if None in values else list(values)
        if not_null and len(present[i]) != len(rows):
            return False
        if not sure.every(present[i]):  # every quick test is made by _sure
            return False
    return True
