"""The bundled fonts, registered at start so Mongolian Cyrillic shows on any machine.

An old Windows PC or a minimal Linux may have no font with Ө ө Ү ү; Qt then draws
empty boxes. We register the Liberation fonts from ``resources/fonts`` (the faces
the printout uses too) and, when the default UI font lacks those letters, make
Liberation Sans the application font. Glyph coverage is checked with
``inFontUcs4``: ``QFontMetrics.inFont`` is wrong for non-Latin-1 text in PySide6 6.12.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from core.paths import resource

MONGOLIAN_LETTERS = "ӨөҮүАаЯя№"
UI_FAMILY = "Liberation Sans"

_registered: list[str] | None = None


def register_fonts() -> list[str]:
    """Registers every TTF in resources/fonts once; returns the families Qt now knows."""
    global _registered
    if _registered is None:
        families: list[str] = []
        for path in sorted(resource("fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
        _registered = sorted(set(families))
    return _registered


def covers(font: QFont, text: str = MONGOLIAN_LETTERS) -> bool:
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in text)


def ensure_mongolian_font(app: QApplication) -> QFont:
    """Keeps the platform font when it has the Mongolian letters, else uses Liberation Sans."""
    families = register_fonts()
    font = app.font()
    if not covers(font) and UI_FAMILY in families:
        replacement = QFont(UI_FAMILY, font.pointSize() if font.pointSize() > 0 else 10)
        app.setFont(replacement)
        font = replacement
    return font
