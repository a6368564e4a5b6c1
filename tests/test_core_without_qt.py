"""The core never loads Qt: the command line and the aimag's tools must run without it."""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO

CORE_MODULES = [
    p.relative_to(REPO).with_suffix("").as_posix().replace("/", ".")
    for p in sorted((REPO / "core").rglob("*.py"))
    if p.name != "__main__.py"
]


def test_core_modules_exist():
    assert "core.storage.__init__" in CORE_MODULES and "core.cli.__init__" in CORE_MODULES


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "from core import cli\n"
        "cli.commands()\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core loaded Qt: {result.stdout}"


def test_reading_a_file_does_not_load_sqlite_utils(sample_file):
    """Printing and showing stay fast: sqlite-utils is loaded only to edit or upgrade."""
    code = (
        "import sys\n"
        "from core import cli\n"
        "cli.commands()\n"
        "from core.storage import ReportFile\n"
        f"rf = ReportFile.open({str(sample_file)!r}, read_only=True)\n"
        "rf.load_report(rf.resolve_report_id(None))\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
