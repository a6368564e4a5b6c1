"""Every visible string is translated into Mongolian, and the committed files are current.

lupdate is run on the gui sources into a temporary .ts: a string in the code that
the committed .ts lacks fails here, as does an unfinished or empty translation,
a lost ``{0}`` placeholder, or a .qm that was not regenerated (``make translations``).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "tailan_mn.ts"
QM = ROOT / "resources" / "translations" / "tailan_mn.qm"
BIN = Path(sys.executable).parent


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def gui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} not installed")
    return path


def test_every_translation_is_finished_and_keeps_its_placeholders():
    found = messages(TS)
    assert len(found) > 100
    for (context, source), translation in found.items():
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        assert (translation.text or "").strip(), (context, source)
        assert sorted(re.findall(r"\{\d\}", source)) == sorted(re.findall(r"\{\d\}", translation.text)), source
        assert source.count("&") == translation.text.count("&"), source


def test_no_source_string_is_missing_from_the_committed_ts(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(tool("pyside6-lupdate")), "-locations", "none", *gui_sources(), "-ts", str(fresh)],
        cwd=ROOT, check=True, capture_output=True,
    )
    missing = sorted(set(messages(fresh)) - set(messages(TS)))
    assert not missing, f"run `make translations` and translate: {missing}"


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(tool("pyside6-lrelease")), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_the_window_speaks_mongolian_by_default(window):
    assert "Биелэлтийн нийт дүн" in window.total_label.text()
    assert window.save_label.text() == "Хадгалсан"
    assert [a.text() for a in window.menuBar().actions()] == ["&Файл", "&Засвар", "&Харагдац", "&Тусламж"]
    assert window.model.headerData(2, __import__("PySide6.QtCore").QtCore.Qt.Horizontal) == "Биелэлт"
