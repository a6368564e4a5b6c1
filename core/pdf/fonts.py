"""The printout's fonts: our bundled Liberation Serif, registered with reportlab once.

Official documents are set in Times New Roman; Liberation Serif has the same metrics,
so lines break where users expect, and its licence (SIL OFL 1.1, beside the files in
``resources/fonts/``) lets us ship and embed it. We never rely on a system font: a
soum PC may have none that covers Ө and Ү, and reportlab's built-in Helvetica has no
Cyrillic at all. Registration is checked glyph by glyph so that a wrong or damaged
font file fails loudly instead of printing empty boxes.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import TailanError
from core.paths import resource

REGULAR = "TailanSerif"
BOLD = "TailanSerif-Bold"
FONT_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
}
LICENCE_FILE = "LICENSE-Liberation-OFL.txt"

#: Every letter of the Mongolian Cyrillic alphabet (А-Я, Ё, Ө, Ү, both cases) and №.
MONGOLIAN_LETTERS = (
    "".join(chr(c) for c in range(ord("А"), ord("Я") + 1))
    + "ЁӨҮ"
    + "".join(chr(c) for c in range(ord("а"), ord("я") + 1))
    + "ёөү"
)
REQUIRED_CHARS = MONGOLIAN_LETTERS + "№"

_registered = False


def font_path(name: str) -> Path:
    """The bundled file of one of our fonts; a system font is never used."""
    return resource("fonts", FONT_FILES[name])


def missing_glyphs(path: Path, chars: str = REQUIRED_CHARS) -> list[str]:
    """The characters of ``chars`` that the TrueType file at ``path`` has no glyph for."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    cmap = TTFontFile(str(path)).charToGlyph
    return [ch for ch in chars if ord(ch) not in cmap]


def register_fonts() -> tuple[str, str]:
    """Registers the regular and bold faces (once per process); returns their names.

    Raises ``TailanError`` when a font file is missing or lacks a Mongolian letter,
    which only happens in a broken installation.
    """
    global _registered
    if _registered:
        return REGULAR, BOLD
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics

    # Streams are written binary, as PDF allows since 1.0: reportlab's default ASCII85
    # text encoding of every stream (the embedded fonts above all) made a small printout
    # a quarter slower and its file a quarter larger, and changes nothing on the page.
    rl_config.useA85 = 0
    from core.pdf.font_cache import load_font

    for name in (REGULAR, BOLD):
        path = font_path(name)
        if not path.is_file():
            raise TailanError(f"Үсгийн фонт олдсонгүй: {path}. Програмыг дахин суулгана уу.")
        font = load_font(name, path)  # its tables as parsed when the program was built (font_cache)
        missing = [ch for ch in REQUIRED_CHARS if ord(ch) not in font.face.charToGlyph]
        if missing:
            raise TailanError(f"«{path.name}» фонтод {''.join(missing)} үсэг алга. Програмыг дахин суулгана уу.")
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    _registered = True
    return REGULAR, BOLD


def prepare_font_caches(folder: Path | None = None) -> list[Path]:
    """Prepares the parsed tables of the printout's fonts (``core.pdf.font_cache``) beside
    them, in ``folder`` (default: the bundled fonts); returns the kept files. Run when the
    program is built: ``make setup`` and the PyInstaller spec."""
    from core.pdf.font_cache import cache_path, prepare

    files = [folder / f for f in FONT_FILES.values()] if folder else [font_path(n) for n in FONT_FILES]
    for font_file in files:
        prepare(font_file)
    return [cache_path(f) for f in files]
