"""Helpers shared by the window tests (importable, unlike conftest)."""

from __future__ import annotations

from core.storage import ReportFile


def read_back(path):
    """The report as a fresh, read-only connection sees it: proof that an edit is on disk."""
    with ReportFile.open(path, read_only=True) as rf:
        return rf.load_report(rf.resolve_report_id(None))


def measure_by_number(report, number):
    return report.find_measure(number)[0]


def type_text(widget, text):
    """Types any text, Cyrillic included (QTest.keyClicks only knows ASCII and aborts otherwise)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))
