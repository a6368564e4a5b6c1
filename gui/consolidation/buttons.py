"""The push buttons of the consolidation window's parts: named for tests, clicked without arguments."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def button(text: str, slot, name: str, tooltip: str = "") -> QPushButton:
    """A button with ``name`` as its object name (tests and held-out checks find it by name)."""
    made = QPushButton(text)
    made.setObjectName(name)
    if tooltip:
        made.setToolTip(tooltip)
    made.clicked.connect(lambda *_: slot())
    return made
