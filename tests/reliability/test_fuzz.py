"""Fuzzing with hypothesis: the text import and the submission checks.

Nothing may escape but the project's own error type with a message:

- text import: ``parse_text`` / ``parse_clipboard`` on any text, ``decode`` +
  ``parse_text`` on any bytes, return a report or raise ``TailanError`` (its
  ``ImportFormatError``) with a non-empty message;
- submission checks: ``check_bytes`` on mutated bytes of a valid submission returns a
  report or raises its ``_Reject`` with a reason in plain Mongolian (no English); a
  mutation it accepts must leave the report's content byte for byte what was signed
  (the fingerprint verifies); ``check_submission`` on such a file never raises;
- received schemas: any change to the SQL text or name of a schema object (the
  migrations table's included), hostile expressions or a mere space, is refused
  quickly with its reason, without evaluating the sender's expressions.

``TAILAN_FUZZ_EXAMPLES`` sets examples per test (default 60; ``make reliability``: 10,000).
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest
from figures import count, record
from generate import generated_text, submission_file
from helpers import SAMPLE_TXT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import TailanError
from core.received import verify
from core.received.verify import check_bytes, check_submission
from core.tables.textimport import decode, parse_clipboard, parse_text
from core.trust.fingerprint import canonical_bytes

EXAMPLES = count("TAILAN_FUZZ_EXAMPLES", 60)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
RUNS: dict[str, int] = {}


def ran(name: str) -> None:
    RUNS[name] = RUNS.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def _report_figures():
    yield
    record("fuzz", {"examples_per_test": EXAMPLES, "examples_run": dict(sorted(RUNS.items())),
                    "total": sum(RUNS.values())})


# ------------------------------------------------------------------ text import
SAMPLE = SAMPLE_TXT.read_text(encoding="utf-8")
HEADER = next(line for line in SAMPLE.splitlines() if line.startswith("№\t"))
CELL_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "Zs", "Cc", "S"),
    include_characters="\t\n\rӨөҮү№.: ",
)
cells = st.text(alphabet=CELL_ALPHABET, max_size=30) | st.sampled_from(
    ["", "1", "1.", "2.1.", "2.1.Төрийн", "Биелэлт 70", "Биелэлт 55", "Хэрэгжилт тооцох хугацаа болоогүй",
     "Биелэлтийн нийт дүн", "он", "түвшин", "ХЯНАСАН: СУМЫН ЗАСАГ ДАРГА", "\n", "\t"]
)
rows = st.lists(cells, min_size=0, max_size=11).map("\t".join)


@st.composite
def structured_text(draw):
    lines = draw(st.lists(rows, max_size=25))
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), HEADER)
    if draw(st.booleans()):
        lines.insert(0, "2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ")
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@st.composite
def damaged_sample(draw):
    """The real sample with lines dropped, duplicated, cut or cells added."""
    lines = SAMPLE.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "dup", "cut", "tab", "join"]))
        if op == "drop":
            lines.pop(i)
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]))))]
        elif op == "tab":
            lines[i] += "\t" * draw(st.integers(1, 4))
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
        if not lines:
            lines = [""]
    return "\n".join(lines)


def must_parse_or_refuse(fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except TailanError as exc:
        assert isinstance(exc.message, str) and exc.message.strip()
        return None
    assert result.report.goals, "a report without goals was accepted"
    return result


@FUZZ
@given(st.text(alphabet=CELL_ALPHABET, max_size=400))
def test_parse_any_text(text):
    ran("text_any")
    must_parse_or_refuse(parse_text, text)
    must_parse_or_refuse(parse_clipboard, text)


@FUZZ
@given(structured_text())
def test_parse_structured_rows(text):
    ran("text_structured_rows")
    must_parse_or_refuse(parse_text, text)
    must_parse_or_refuse(parse_clipboard, text)


@FUZZ
@given(damaged_sample())
def test_parse_damaged_sample(text):
    ran("text_damaged_sample")
    must_parse_or_refuse(parse_text, text)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8-r", "latin-1"]


@FUZZ
@given(structured_text() | damaged_sample(), st.sampled_from(ENCODINGS), st.binary(max_size=8), st.integers(0, 10_000))
def test_decode_then_parse_any_encoding(text, encoding, noise, where):
    ran("bytes_encoded_text")
    data = text.encode(encoding, errors="replace")
    if noise:
        where %= len(data) + 1
        data = data[:where] + noise + data[where:]
    try:
        decoded, _ = decode(data, "fuzz.txt")
    except TailanError as exc:
        assert exc.message.strip()
        return
    must_parse_or_refuse(parse_text, decoded, name="fuzz.txt")


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_any_bytes(data):
    ran("bytes_any")
    try:
        decoded, _ = decode(data, "fuzz.txt")
    except TailanError as exc:
        assert exc.message.strip()
        return
    must_parse_or_refuse(parse_text, decoded, name="fuzz.txt")


# ------------------------------------------------------------ submission checks
_FOLDER = tempfile.TemporaryDirectory(prefix="tailan-fuzz-")
GOOD = submission_file(Path(_FOLDER.name), "Фазз сум", measures=6, seed=11)
GOOD_BYTES = GOOD.read_bytes()
GOOD_CONTENT = canonical_bytes(check_bytes(GOOD_BYTES))
PAGE = int.from_bytes(GOOD_BYTES[16:18], "big")
HEADER_FIELDS = [(16, 2), (18, 1), (19, 1), (20, 1), (21, 1), (24, 4), (28, 4), (32, 4), (36, 4), (40, 4),
                 (44, 4), (48, 4), (52, 4), (56, 4), (60, 4), (64, 4), (68, 4), (92, 4), (96, 4)]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 30), st.integers(1, 255)),
    st.tuples(st.just("set"), st.integers(0, 1 << 30), st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("truncate"), st.integers(0, 1 << 30), st.just(b"")),
    st.tuples(st.just("splice"), st.integers(0, 1 << 30), st.integers(0, 1 << 30)),
    st.tuples(st.just("zero-page"), st.integers(0, 1 << 30), st.just(b"")),
    st.tuples(st.just("header"), st.sampled_from(HEADER_FIELDS), st.binary(min_size=4, max_size=4)),
    st.tuples(st.just("append"), st.just(0), st.binary(min_size=1, max_size=PAGE)),
)


def mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for op, a, b in ops:
        n = len(buf)
        if op == "flip" and n:
            buf[a % n] ^= b
        elif op == "set" and n:
            i = a % n
            buf[i : i + len(b)] = b[: n - i]
        elif op == "truncate":
            del buf[a % (n + 1):]
        elif op == "splice" and n:
            i, j = a % n, b % n
            size = min(PAGE, n - max(i, j))
            buf[j : j + size] = buf[i : i + size]
        elif op == "zero-page" and n:
            start = (a % max(1, n // PAGE)) * PAGE
            buf[start : start + PAGE] = bytes(min(PAGE, n - start))
        elif op == "header":
            (offset, size), value = a, b
            buf[offset : offset + size] = value[:size]
        elif op == "append":
            buf += b
    return bytes(buf)


def check_or_reject(data: bytes):
    try:
        report = check_bytes(data)
    except verify._Reject as exc:
        assert isinstance(exc.reason, str) and exc.reason.strip()
        assert not re.search("[A-Za-z]", exc.reason), f"English in the reason: {exc.reason}"
        return None
    assert canonical_bytes(report) == GOOD_CONTENT, "changed content accepted"
    return report


@FUZZ
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_submission_bytes(ops):
    ran("submission_mutated_bytes")
    check_or_reject(mutate(GOOD_BYTES, ops))


@FUZZ
@given(st.lists(mutation, min_size=1, max_size=3), st.randoms(use_true_random=False))
def test_mutated_submission_file(ops, rnd):
    ran("submission_mutated_file")
    data = mutate(GOOD_BYTES, ops)
    path = Path(_FOLDER.name) / f"m{rnd.randrange(1 << 30)}.tailan"
    path.write_bytes(data)
    try:
        verdict = check_submission(path)
    finally:
        path.unlink()
    assert isinstance(verdict.reason, str) and verdict.reason.strip()
    if verdict.ok:
        assert canonical_bytes(verdict.report) == GOOD_CONTENT, "changed content accepted"


def test_unmutated_submission_is_accepted():
    assert check_or_reject(GOOD_BYTES) is not None
    assert generated_text(3)  # the generator used for texts works


# ------------------------------------------------------------ received schemas
def _schema_objects() -> list[tuple[str, str]]:
    conn = sqlite3.connect(":memory:")
    conn.deserialize(GOOD_BYTES)
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").fetchall()
    conn.close()
    return rows


SCHEMA_OBJECTS = _schema_objects()
HOSTILE_EXPRESSIONS = [
    "length(printf('%.*c', 100000000, 'x'))", "length(zeroblob(1000000000))", "hex(randomblob(500000000))",
    "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n)",
    "replace(printf('%.*c', 100000, 'x'), 'x', printf('%.*c', 100000, 'y'))", "1", "NULL", "'ok'",
    "abs(-9223372036854775808)", "like('%a%a%a%a%a%a%a%a%b', printf('%.*c', 100000, 'a'))",
]
schema_edit = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 1 << 20), st.text(alphabet=" \n\t(),'\"ASCHKETIXNULabc0-9", min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 1 << 20), st.integers(1, 20)),
    st.tuples(st.just("check"), st.just(0), st.sampled_from(HOSTILE_EXPRESSIONS)),
    st.tuples(st.just("expression"), st.just(0), st.sampled_from(HOSTILE_EXPRESSIONS)),
    st.tuples(st.just("case"), st.just(0), st.just("")),
    st.tuples(st.just("rename"), st.just(0), st.sampled_from(["x", "reports2", "_sqlite_migrations", ""])),
)


def edit_schema(sql: str, op: str, a, b) -> str:
    if op == "insert":
        i = a % (len(sql) + 1)
        return sql[:i] + b + sql[i:]
    if op == "delete":
        i = a % max(1, len(sql))
        return sql[:i] + sql[i + b:]
    if op == "check":
        i = sql.rfind(")")
        return sql[:i] + f", CHECK ({b})" + sql[i:]
    if op == "expression":
        i = sql.rfind(")")
        return sql[:i] + f", {b}" + sql[i:]
    return sql.lower() if sql != sql.lower() else sql.upper()


@FUZZ
@given(st.sampled_from(SCHEMA_OBJECTS), st.lists(schema_edit, min_size=1, max_size=3))
def test_changed_schema_is_refused_quickly(target, edits):
    ran("submission_changed_schema")
    name, sql = target
    new_name = name
    for op, a, b in edits:
        if op == "rename":
            new_name = b
        else:
            sql = edit_schema(sql, op, a, b)
    if (new_name, sql) == target:
        return
    conn = sqlite3.connect(":memory:")
    conn.deserialize(GOOD_BYTES)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET name = ?, sql = ? WHERE name = ?", (new_name, sql, name))
    conn.commit()
    data = conn.serialize()
    conn.close()
    started = time.perf_counter()
    try:
        check_bytes(data, time_limit=5.0)
    except verify._Reject as exc:
        assert exc.reason.strip() and not re.search("[A-Za-z]", exc.reason), exc.reason
        assert "хэт удаан" not in exc.reason, "the schema was evaluated until the deadline"
    else:
        raise AssertionError(f"a changed schema was accepted: {name} -> {new_name}: {sql}")
    assert time.perf_counter() - started < 2.0

