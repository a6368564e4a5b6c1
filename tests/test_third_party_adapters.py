"""What we rely on in third-party libraries beyond their public API, checked against the installed version.

reportlab's private names are used only in ``core/pdf/reportlab_adapter.py``; each one is
checked here to exist and to behave as the printouts expect, so that a reportlab that
changes one fails here first, with the name, rather than in a printout. The version
range they were checked with is pinned in ``pyproject.toml``. sqlite-utils is used
through its public API only (``Migrations.pending``/``apply``); its range is pinned too.
"""

from __future__ import annotations

import inspect
import io
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from pypdf import PdfReader

from core.pdf import reportlab_adapter as adapter
from core.pdf.fonts import REGULAR, register_fonts

REPO = Path(__file__).resolve().parents[1]


def pinned(name: str) -> Requirement:
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    (found,) = [Requirement(d) for d in dependencies if Requirement(d).name == name]
    return found


def test_reportlab_is_pinned_to_the_range_the_adapter_was_checked_with():
    requirement = pinned("reportlab")
    assert str(requirement.specifier) == str(Requirement("reportlab" + adapter.REPORTLAB_VERSIONS).specifier)
    assert any(s.operator == "<" for s in requirement.specifier), "an upper bound: a new reportlab is checked first"
    assert requirement.specifier.contains(version("reportlab")), (
        f"reportlab {version('reportlab')} is installed, outside {requirement.specifier}: "
        "run this file against it and widen the pin only if it passes"
    )


def test_sqlite_utils_is_pinned_and_offers_the_public_migrations_api():
    from sqlite_utils.migrations import Migrations

    requirement = pinned("sqlite-utils")
    assert any(s.operator == "<" for s in requirement.specifier)
    assert requirement.specifier.contains(version("sqlite-utils"))
    for name in ("pending", "apply", "applied"):
        assert callable(getattr(Migrations, name))
    assert "stop_before" in inspect.signature(Migrations.apply).parameters


def test_every_private_name_the_adapter_uses_is_there():
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Table

    from reportlab.pdfbase.ttfonts import TTFont

    from core.pdf.fonts import font_path

    table = Table([["a"], ["b"]])
    table.wrap(100, 100)
    face = TTFont(REGULAR, str(font_path(REGULAR))).face
    assert set(adapter.PRIVATE_NAMES) == {"Table", "Canvas", "TTFontFace"}
    for cls, names in {"Table": table, "Canvas": Canvas(io.BytesIO()), "TTFontFace": face}.items():
        for name in adapter.PRIVATE_NAMES[cls]:
            assert hasattr(names, name), f"reportlab {version('reportlab')}: {cls}.{name} is gone"
    assert list(inspect.signature(Table._calc).parameters) == ["self", "availWidth", "availHeight"]
    assert "doInRowSplit" in inspect.signature(Table._splitRows).parameters
    assert list(inspect.signature(Canvas._startPage).parameters) == ["self"]


def _table(heights=(None, None, None)):
    from reportlab.platypus import Paragraph
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)
    rows = [[Paragraph("толгой", style)], [Paragraph("нэг", style)], [Paragraph("хоёр<br/>хоёр<br/>хоёр", style)]]
    return adapter.measured_table_class()(rows, colWidths=[120], rowHeights=list(heights), repeatRows=1)


def test_a_measured_table_gives_its_cells_and_row_heights():
    table = _table()
    adapter.measure(table, 120, 1000)
    heights = adapter.row_heights(table)
    assert len(heights) == 3 and heights[2] > heights[1] > 0
    assert sum(heights) == pytest.approx(table.wrap(120, 1000)[1])
    cells = adapter.cell_rows(table)
    assert [type(row) for row in cells] == [list] * 3 and cells[1][0][0].text == "нэг"
    # measured heights are remembered: the rows are not measured again
    assert [adapter.given_row_height(table, r) for r in range(3)] == heights
    adapter.forget_row_height(table, 2)
    assert adapter.given_row_height(table, 2) is None
    adapter.measure(table, 120, 1000)
    assert adapter.row_heights(table)[2] == heights[2]


def test_changed_cells_are_what_is_drawn():
    from reportlab.platypus import SimpleDocTemplate

    table = _table()
    adapter.cell_rows(table)[1][0] = "changed"
    out = io.BytesIO()
    SimpleDocTemplate(out).build([table])
    assert "changed" in PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()


def test_the_split_between_rows_keeps_rows_whole_and_repeats_the_header():
    table = _table()
    adapter.measure(table, 120, 1000)
    heights = adapter.row_heights(table)
    between = adapter.split_between_rows(table, heights[0] + heights[1] + heights[2] / 2)
    assert len(between) == 2
    top, rest = between
    assert len(adapter.cell_rows(top)) == 2 and len(adapter.cell_rows(rest)) == 2  # the header again, then row 3
    assert adapter.cell_rows(rest)[1][0][0].text.startswith("хоёр")
    assert adapter.split_between_rows(table, heights[0] / 2) == []


def test_a_deferring_canvas_keeps_pages_and_emits_them_at_the_end():
    register_fonts()
    out = io.BytesIO()
    canvas = adapter.deferring_canvas_class()(out, pagesize=(300, 200))
    assert canvas.page_size == (300, 200)
    for n in (1, 2, 3):
        canvas.setFont(REGULAR, 12)
        canvas.drawString(20, 100, f"хуудас {n}")
        canvas.keep_page()
    assert len(canvas.kept_pages) == 3
    pages = list(canvas.kept_pages)
    for number, state in enumerate(pages, 1):
        canvas.restore_page(state)
        canvas.drawString(20, 20, f"{number}/{len(pages)}")
        canvas.showPage()
    canvas.save()
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(out.getvalue())).pages]
    assert len(texts) == 3
    for n, text in enumerate(texts, 1):
        assert f"хуудас {n}" in text and f"{n}/3" in text


def test_a_font_made_from_its_kept_state_is_the_font_parsed_from_its_file():
    """``font_state``/``font_from_state`` (the fonts prepared at build time) rebuild every
    attribute ``TTFont.__init__`` leaves; a reportlab that adds or changes one fails here."""
    import marshal

    from reportlab.pdfbase.ttfonts import TTFont

    from core.pdf.fonts import BOLD, font_path

    for name in (REGULAR, BOLD):
        parsed = TTFont(name, str(font_path(name)))
        data = font_path(name).read_bytes()
        made = adapter.font_from_state(name, data, marshal.loads(marshal.dumps(adapter.font_state(parsed))))
        assert vars(made).keys() == vars(parsed).keys()
        for key, value in vars(parsed).items():
            if key not in ("face", "encoding", "state"):
                assert vars(made)[key] == value, key
        assert type(made.encoding) is type(parsed.encoding) and len(made.state) == len(parsed.state) == 0
        assert vars(made.face).keys() == vars(parsed.face).keys()
        for key, value in vars(parsed.face).items():
            if key == "_pdfScale":
                assert [made.face._pdfScale(v) for v in (0, 7, 2048)] == [value(v) for v in (0, 7, 2048)]
            else:
                assert vars(made.face)[key] == value and type(vars(made.face)[key]) is type(value), key
        assert made.face.name.ustr == parsed.face.name.ustr


PATTERNS_CHILD = """
import importlib, json, re, sys
if sys.argv[1] == "deferred":
    import core.pdf  # puts the deferred patterns in re's cache first
else:  # reportlab first, as reportlab alone starts
    import reportlab.lib.textsplit, reportlab.platypus.paragraph
from core.pdf.reportlab_adapter import DEFERRED_PATTERNS, CompiledOnFirstUse
samples = ["https://example.com/a/b/c", "http://user@10.0.0.1:8080/x?y", "mailto:x", "ftp://ӨВӨР.МН/файл",
           "не хаяг", "C:\\\\Баримт\\\\тайлан.docx", "www.e-mongolia.mn", "報告書", "тайлан 報"]
out = {}
for (module, name), (pattern, flags) in DEFERRED_PATTERNS.items():
    held = getattr(importlib.import_module(module), name)
    out[name] = {"deferred": isinstance(held, CompiledOnFirstUse),
                 "same": [held.pattern, held.flags & ~re.UNICODE] == [pattern, int(flags) & ~re.UNICODE],
                 "matches": [m.groups() if (m := held.search(s)) else None for s in samples]}
print(json.dumps(out))
"""


def test_reportlabs_rarely_used_patterns_are_compiled_at_first_use_and_match_as_its_own():
    """Each pattern the adapter puts in ``re``'s cache is reportlab's own (a reportlab that changes
    one fails here), it is what reportlab's module gets after ``import core.pdf``, and it finds in
    every sample what reportlab's own compiled pattern finds."""
    import json
    import subprocess
    import sys

    def child(mode):
        done = subprocess.run([sys.executable, "-c", PATTERNS_CHILD, mode], capture_output=True, text=True,
                              cwd=REPO, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads(done.stdout)

    own, deferred = child("own"), child("deferred")
    assert set(own) == {"uri_pat", "rx"}
    for name in own:
        assert not own[name]["deferred"] and own[name]["same"], f"reportlab's {name} changed: update the adapter"
        assert deferred[name]["deferred"] and deferred[name]["same"], name
        assert deferred[name]["matches"] == own[name]["matches"] and any(own[name]["matches"]), name
        assert None in own[name]["matches"], name
