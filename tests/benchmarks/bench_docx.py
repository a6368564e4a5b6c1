"""Word benchmarks (issue 12): .docx import and export against the text import of the same table.

The floor is the text import (``parse_text``) of the very table the .docx holds,
measured in the same run: goal, a .docx import at most 3 times that. The export is
reported beside it (its ratio to the text import, and its time per measure).
"""

from __future__ import annotations

import statistics
import time

from generate import generated_report

from core.tables.docx.reader import parse_docx
from core.tables.docx.writer import report_to_docx_bytes
from core.tables.textexport import report_to_text
from core.tables.textimport import parse_text

ROUNDS = 5


def _median(fn) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_docx_import_and_export_against_text_import():
    ratios = {}
    for n in (100, 1000):
        report = generated_report(n)
        text = report_to_text(report)
        data = report_to_docx_bytes(report)
        assert len(parse_docx(data).report.measures()) == len(parse_text(text).report.measures()) == n
        text_s = _median(lambda: parse_text(text))
        docx_s = _median(lambda: parse_docx(data))
        export_s = _median(lambda: report_to_docx_bytes(report))
        ratios[n] = docx_s / text_s
        print(
            f"\n[bench] {n} measures: text import {text_s * 1e3:.1f} ms, .docx import {docx_s * 1e3:.1f} ms "
            f"(ratio {ratios[n]:.2f}, goal <= 3), .docx export {export_s * 1e3:.1f} ms "
            f"(ratio {export_s / text_s:.2f}); .docx {len(data) // 1024} KB"
        )
    assert all(r <= 3 for r in ratios.values()), ratios
