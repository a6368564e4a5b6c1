"""Each value rule's quick Python test never passes a value its SQL condition refuses.

``core.storage.value_rules.wrong_value_counts`` reads a small table in Python first and trusts
its ``Rule.sure`` tests when they all pass; SQLite judges otherwise. So a test that passes a
value the SQL condition finds wrong would let a bad received file through: for every rule
of the received checks and the opening checks, on values of every storage class (texts
that are not UTF-8, control characters, numbers, blobs, near-misses of each pattern), a
value the Python test passes must pass the SQL condition too.
"""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.received import bounds
from core.storage import value_rules as stored
from core.storage.value_rules import TextBytes, integer_rule, text_rule

RULES = {f"{t}.{c}": rule for (t, c), rule in bounds.COLUMN_RULES.items()}
RULES.update({"TEXT": bounds.TEXT, "SHORT_TEXT": bounds.SHORT_TEXT, "LOG_VALUE": bounds.LOG_VALUE,
              "BLOB": bounds.BLOB, "SORT_ORDER": bounds.SORT_ORDER,
              "opened text": text_rule(10, "long", "text"), "opened integer": integer_rule(-(2 ** 63), 2 ** 63 - 1, "int")})
NEAR = ["3f2a9c1e-0b7d-4e55-9a21-7c1d2e3f4a5b", "3F2A9C1E-0B7D-4E55-9A21-7C1D2E3F4A5B", "3f2a9c1e-0b7d-4e55-9a21-7c1d2e3f4a5",
        "2026-12-07 17:10:28", "2026-12-07T17:10:28.123+00:00", "2026-1-07 17:10:28", "a" * 64, "A" * 64, "g" * 64,
        "annual", "plan", "Annual", "100", "70", "not-due", "jpeg", "pdf", "", "x" * 9, "x" * 11, "ө" * 6, "\u202e",
        "a\tb", "a\nb", "\u2028", "\x00", "a\x00" + "b" * 20, "\x1b[31m", "\x7f", "\x85"]
values = st.one_of(
    st.none(), st.integers(-(2 ** 63), 2 ** 63 - 1), st.floats(allow_nan=False), st.binary(max_size=80),
    st.text(max_size=80), st.sampled_from(NEAR), st.sampled_from([n.encode() for n in NEAR]),
    st.tuples(st.just("not utf-8"), st.binary(max_size=40)),
)


def judged(value) -> tuple[sqlite3.Connection, object]:
    """The value stored as SQLite stores it (a column of no type keeps each class), and as read back
    for the Python tests (texts as their bytes)."""
    conn = sqlite3.connect(":memory:")
    stored.add_text_functions(conn)
    conn.execute("CREATE TABLE t (c)")
    if isinstance(value, tuple):  # a text whose bytes are not UTF-8
        conn.execute("INSERT INTO t VALUES (CAST(? AS TEXT))", (value[1],))
    else:
        conn.execute("INSERT INTO t VALUES (?)", (value,))
    conn.text_factory = TextBytes
    return conn, conn.execute("SELECT c FROM t").fetchone()[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=values, name=st.sampled_from(sorted(RULES)))
def test_a_value_the_python_test_passes_passes_the_sql_condition(value, name):
    rule = RULES[name]
    assert len(rule.sure) == len(rule.wrong), name
    conn, read = judged(value)
    for (condition, _), sure in zip(rule.wrong, rule.sure):
        if read is not None and sure(read):
            wrong = conn.execute(f"SELECT ({condition.format(c='c')}) FROM t").fetchone()[0]
            assert not wrong, (name, condition, value)


def read_back(value):
    """A value as the quick look reads it (``judged``), on a connection of its own."""
    conn, read = judged(value)
    conn.close()
    return read


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(column=st.lists(values.filter(lambda v: v is not None), max_size=6), name=st.sampled_from(sorted(RULES)),
       split=st.data())
def test_a_column_the_quick_look_passes_at_once_passes_value_by_value(column, name, split):
    """``every`` (one pass over a column: its types as a set, its longest value, its values joined)
    passes a column only when the test of one value passes each of them: joining never makes a
    search miss a character, nor a hex or type test pass a value it would refuse alone."""
    read = [read_back(v) for v in column]
    # a character split over two values (the end of one, the start of the next) is looked for too
    if read and split.draw(st.booleans()):
        read.append(TextBytes(b"\xe2\x80"))
        read.append(TextBytes(b"\xae"))
    for sure in RULES[name].sure:
        if sure.every(read):
            assert all(sure(v) for v in read), (name, read)


def test_the_quick_look_at_a_column_refuses_what_one_value_would():
    """The check can fail: one wrong value among good ones makes the column's test refuse it."""
    good = [TextBytes("Өлзийт сум".encode())] * 3
    control = bounds.TEXT.sure[2]
    assert control.every(good) and not control.every([*good, TextBytes("\u202e".encode())])
    assert not control.every([*good, TextBytes(b"a\x1b")])
    assert bounds.FINGERPRINT.sure[0].every([TextBytes(b"a" * 64)] * 2)
    assert not bounds.FINGERPRINT.sure[0].every([TextBytes(b"a" * 63), TextBytes(b"a" * 65)])
    assert not bounds.SORT_ORDER.sure[0].every([1, 2, 10 ** 9])
    assert not bounds.COLUMN_RULES[("measures", "score")].sure[0].every([TextBytes(b"100"), b"100"])


LENGTHS = (0, 9, 10, 11, 199, 200, 201, 1999, 2000, 2001, 64 * 1024, 64 * 1024 + 1)
EVERY = ([None, 0, -1, 1, 9999, 10000, 2 ** 53, 2 ** 53 + 1, -(2 ** 63), 1.5, 1e300, ("not utf-8", b"\xff\xfe"),
          ("not utf-8", b"a\x80\x80"), ("not utf-8", b"\xe2\x80"), ("not utf-8", b"\xe2\x80\xae")]
         + NEAR + [n.encode() for n in NEAR] + ["x" * n for n in LENGTHS] + ["ө" * n for n in LENGTHS[:8]]
         + [b"x" * n for n in LENGTHS])


def test_every_rule_on_boundary_values():
    """The same, every rule on every value at the edges (lengths at each limit, each storage class)."""
    for value in EVERY:
        conn, read = judged(value)
        for name, rule in RULES.items():
            for (condition, _), sure in zip(rule.wrong, rule.sure):
                if read is not None and sure(read):
                    assert not conn.execute(f"SELECT ({condition.format(c='c')}) FROM t").fetchone()[0], (name, value)


def test_the_python_tests_pass_what_tailan_writes_and_refuse_near_misses():
    """The check can fail: the quick tests pass our own values and refuse the ones next to them."""
    uuid, timestamp, fingerprint = bounds.UUID.sure[0], bounds.TIMESTAMP.sure[0], bounds.FINGERPRINT.sure[0]
    assert uuid(TextBytes(NEAR[0].encode())) and not uuid(TextBytes(NEAR[1].encode())) and not uuid(NEAR[0].encode())
    assert timestamp(TextBytes(NEAR[3].encode())) and timestamp(TextBytes(NEAR[4].encode()))
    assert not timestamp(TextBytes(NEAR[5].encode()))
    assert fingerprint(TextBytes(NEAR[6].encode())) and not fingerprint(TextBytes(NEAR[7].encode()))
    control = bounds.TEXT.sure[2]
    assert control(TextBytes("Өлзийт сум\nмөр".encode())) and not control(TextBytes("\u202e".encode()))
    assert not control(TextBytes(b"a\x00b")) and control(5)


def test_a_small_table_with_a_wrong_value_is_still_counted_by_sqlite(tmp_path):
    """A value the quick look is not sure of sends the table to SQLite, which counts it."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (c TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("сайн",), ("муу\u202e",), ("сайн",)])
    rule = bounds.TEXT
    checks = [("c", True, condition, sure) for (condition, _), sure in zip(rule.wrong, rule.sure)]
    assert stored.wrong_value_counts(conn, "t", checks, rows=3) == [0, 0, 1]
    assert stored.wrong_value_counts(conn, "t", checks, rows=3, at_once=3) == [0, 0, 1]  # all rows held at once
    assert stored.wrong_value_counts(conn, "t", checks, rows=3, at_once=2) == [0, 0, 1]
    assert conn.text_factory is str  # the connection is given back as it was
