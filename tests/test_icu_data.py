"""packaging/icu_data.py: the Linux bundle's ICU data library, cut from 32 MB to what Qt uses.

The format is checked on data made here; the real library (PySide6's) is trimmed,
compiled and loaded by Qt in a process of its own, which must still sort Mongolian
names in Mongolian order (Ө after О, Ү after У): that is what the file dialog asks
ICU for. A library without the collation items sorts by code point instead, which
shows that the check can fail.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

sys.path.insert(0, str(REPO / "packaging"))
import icu_data  # noqa: E402

sys.path.remove(str(REPO / "packaging"))

NAMES = ["Хэнтий", "Үүрэг", "Увс", "Пүрэв", "Өвөрхангай", "Орхон", "Архангай"]
MONGOLIAN_ORDER = ["Архангай", "Орхон", "Өвөрхангай", "Пүрэв", "Увс", "Үүрэг", "Хэнтий"]
CODE_POINT_ORDER = sorted(NAMES)  # Ө (U+04E8) and Ү (U+04AE) after every basic letter


def header() -> bytes:
    """A DataHeader of little-endian common data ("CmnD"), as ICU's tools write it."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", bytes([1, 0, 0, 0]), bytes([3, 0, 0, 0]))
    size = 32
    return struct.pack("<HBB", size, 0xDA, 0x27) + info + b"\0" * (size - 4 - len(info))


def test_items_are_read_back_as_written_sorted_and_aligned():
    items = {"icudt73l/zone/en.res": b"z" * 5, "icudt73l/coll/mn.res": b"m" * 17, "icudt73l/af.res": b"a" * 32}
    blob = icu_data.write_items(header(), items)
    head, read = icu_data.read_items(blob)
    assert head == header()
    assert list(read) == ["icudt73l/af.res", "icudt73l/coll/mn.res", "icudt73l/zone/en.res"]  # binary-searched
    for name, data in items.items():
        assert read[name][:len(data)] == data and set(read[name][len(data):]) <= {0}
    count, = struct.unpack_from("<I", blob, len(header()))
    offsets = [struct.unpack_from("<II", blob, len(header()) + 4 + 8 * i)[1] for i in range(count)]
    assert all((len(header()) + offset) % icu_data.ALIGNMENT == 0 for offset in offsets)


def test_trimming_keeps_the_named_items_only():
    items = {f"icudt73l/{n}": n.encode() for n in ("coll/mn.res", "coll/ja.res", "root.res", "brkitr/thaidict.dict")}
    _head, kept = icu_data.read_items(icu_data.trimmed(icu_data.write_items(header(), items), ("coll/mn.res", "root.res")))
    assert sorted(kept) == ["icudt73l/coll/mn.res", "icudt73l/root.res"]
    with pytest.raises(ValueError, match="lacks coll/en.res"):  # a newer ICU that renamed an item
        icu_data.trimmed(icu_data.write_items(header(), items), ("coll/mn.res", "coll/en.res"))


def test_other_data_is_refused():
    with pytest.raises(ValueError):
        icu_data.read_items(b"\x20\0\xda\x27" + b"\0" * 60)
    with pytest.raises(ValueError):
        icu_data.data_symbol(b"not an ELF file at all")


PYSIDE_LIB = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"
ORIGINAL = next(PYSIDE_LIB.glob("libicudata.so.*"), None) if PYSIDE_LIB.is_dir() else None
needs_linux_icu = pytest.mark.skipif(ORIGINAL is None or icu_data.compiler() is None,
                                     reason="needs PySide6's ICU (Linux) and a C compiler")

SORT_IN_QT = """
import functools, sys
from PySide6.QtCore import QCollator, QLocale
collator = QCollator(QLocale("mn_MN"))  # QFileSystemModel sorts with compare(), as here
print("|".join(sorted(sys.argv[1:], key=functools.cmp_to_key(collator.compare))))
maps = open("/proc/self/maps").read()
print(next(line.split()[-1] for line in maps.splitlines() if "libicudata" in line))
"""


def sort_with(library_dir: Path) -> tuple[list[str], str]:
    env = {**os.environ, "LD_LIBRARY_PATH": str(library_dir)}  # before Qt's own RUNPATH
    result = subprocess.run([sys.executable, "-c", SORT_IN_QT, *NAMES], capture_output=True, text=True,
                            encoding="utf-8", env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    order, loaded = result.stdout.splitlines()[:2]
    return order.split("|"), loaded


@needs_linux_icu
def test_the_trimmed_library_is_small_and_qt_still_sorts_in_mongolian(tmp_path):
    target = icu_data.build_library(ORIGINAL, tmp_path / "trimmed" / ORIGINAL.name)
    assert target.stat().st_size < 2_000_000 < 30_000_000 < ORIGINAL.stat().st_size
    symbol, blob = icu_data.data_symbol(target.read_bytes())
    assert symbol == icu_data.data_symbol(ORIGINAL.read_bytes())[0]  # icudt73_dat: what libicuuc imports
    assert len(icu_data.read_items(blob)[1]) == len(icu_data.KEPT_ITEMS)
    order, loaded = sort_with(target.parent)
    assert loaded == str(target)
    assert order == MONGOLIAN_ORDER


@needs_linux_icu
def test_without_the_collation_items_qt_falls_back_to_code_points(tmp_path):
    without = tuple(item for item in icu_data.KEPT_ITEMS if not item.startswith("coll/"))
    target = icu_data.build_library(ORIGINAL, tmp_path / "bare" / ORIGINAL.name, without)
    order, loaded = sort_with(target.parent)
    assert loaded == str(target)
    assert order == CODE_POINT_ORDER != MONGOLIAN_ORDER
