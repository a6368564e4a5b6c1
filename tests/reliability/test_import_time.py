"""A text with very many lines in one cell imports in linear time.

Found by the hostile corpus: ``_logical_rows`` joined a row's lines again for every
new line of a multi-line cell, and added continuation lines to the last cell one by
one; both were quadratic, so a 50 MB text (the import's limit) of one long cell
froze the window for hours. 200,000 lines now take well under a second.
"""

from __future__ import annotations

import pytest

import time

from helpers import SAMPLE_TXT

from core.tables.textimport import parse_text

LINES = SAMPLE_TXT.read_text(encoding="utf-8").split("\n")
HEAD = LINES[: next(i for i, line in enumerate(LINES) if line.startswith("№\t")) + 2]
TOTAL = "Биелэлтийн нийт дүн\t\t\t\t\t\t\t70"


def timed(text):
    started = time.monotonic()
    result = parse_text(text)
    return result, time.monotonic() - started


@pytest.mark.slow  # a long layout: the slow run
def test_cell_split_over_many_lines():
    n = 200_000
    cell = "\n".join(f"мөр {i}" for i in range(n))
    result, seconds = timed("\n".join(HEAD + [f"1\tЗорилт\t1.1. {cell}\tшалгуур\t2022\t-\t100\tБиелэлт 70", TOTAL]))
    assert result.report.goals[0].measures[0].text.count("\n") == n - 1
    assert seconds < 5, seconds


@pytest.mark.slow  # a long layout: the slow run
def test_many_lines_without_cells_before_the_total():
    n = 200_000
    body = [f"мөр {i}" if i % 3 else "" for i in range(n)]
    result, seconds = timed("\n".join(HEAD + ["1\tЗорилт\t1.1. x\tшалгуур\t2022\t-\t100\tБиелэлт 70", *body, TOTAL]))
    achieved = result.report.goals[0].measures[0].achieved
    # every line is a paragraph of the open cell, a blank one an empty paragraph (as the .docx has it)
    assert achieved.count("\n") == n and result.printed_total == "70"
    assert seconds < 5, seconds
