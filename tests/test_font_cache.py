"""The printout's fonts parsed once when the program is built (core.pdf.font_cache): the
same font as parsing it, used only when it was made from these bytes by this reportlab."""

from __future__ import annotations

import shutil

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from core.pdf import font_cache
from core.pdf.fonts import BOLD, REGULAR, font_path, prepare_font_caches


@pytest.fixture
def font_copy(tmp_path):
    """A copy of the regular face in a folder of its own, without kept tables."""
    copy = tmp_path / font_path(REGULAR).name
    shutil.copyfile(font_path(REGULAR), copy)
    return copy


def same_font(a, b) -> None:
    assert type(a) is type(b) is TTFont
    assert vars(a).keys() == vars(b).keys()
    face_a, face_b = vars(a.face), vars(b.face)
    assert face_a.keys() == face_b.keys()
    for key in face_a:
        if key == "_pdfScale":
            assert [face_a[key](v) for v in (0, 1, 2048, -300)] == [face_b[key](v) for v in (0, 1, 2048, -300)]
        else:
            assert face_a[key] == face_b[key] and type(face_a[key]) is type(face_b[key]), key
    text = "Өвөрхангай аймгийн Нарийнтээл сум — №5, «Биелэлт 70»"
    assert a.stringWidth(text, 9) == b.stringWidth(text, 9)
    subset = sorted({ord(c) for c in text})
    assert a.face.makeSubset(subset) == b.face.makeSubset(subset)  # the bytes embedded in the PDF


def test_the_bundled_fonts_are_prepared_and_loaded_from_their_kept_tables(monkeypatch):
    kept = prepare_font_caches()
    assert [p.name for p in kept] == [font_path(REGULAR).name + ".rlcache", font_path(BOLD).name + ".rlcache"]
    parsed = {name: TTFont(name, str(font_path(name))) for name in (REGULAR, BOLD)}

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed although kept")

    monkeypatch.setattr("reportlab.pdfbase.ttfonts.TTFont.__init__", no_parsing)
    for name in (REGULAR, BOLD):
        same_font(font_cache.load_font(name, font_path(name)), parsed[name])


def test_without_kept_tables_the_font_is_parsed(font_copy):
    assert not font_cache.cache_path(font_copy).exists()
    same_font(font_cache.load_font(REGULAR, font_copy), TTFont(REGULAR, str(font_copy)))


def test_prepare_writes_once_and_again_when_the_font_file_changes(font_copy):
    assert font_cache.prepare(font_copy) is True
    assert font_cache.prepare(font_copy) is False  # up to date: nothing written
    shutil.copyfile(font_path(BOLD), font_copy)  # other bytes under the same name
    same_font(font_cache.load_font(BOLD, font_copy), TTFont(BOLD, str(font_copy)))  # not the stale tables
    assert font_cache.prepare(font_copy) is True


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe3garbage" * 10])
def test_damaged_kept_tables_are_ignored(font_copy, damage):
    font_cache.cache_path(font_copy).write_bytes(damage)
    same_font(font_cache.load_font(REGULAR, font_copy), TTFont(REGULAR, str(font_copy)))


def test_kept_tables_of_another_reportlab_are_ignored(font_copy, monkeypatch):
    font_cache.prepare(font_copy)
    monkeypatch.setattr("reportlab.Version", "0.0-other")

    def parsed(*args, **kwargs):
        raise RuntimeError("parsed")

    monkeypatch.setattr("core.pdf.reportlab_adapter.font_from_state", parsed)
    assert isinstance(font_cache.load_font(REGULAR, font_copy), TTFont)  # parsed, the kept tables unused
