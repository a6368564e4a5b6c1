"""The printout's fonts parsed once, when the program is built, instead of at every start.

reportlab reads a TrueType file by parsing its tables in Python (names, metrics, the
character map, every glyph's width and place): for our two faces that took about as
long as laying out the sample's table. The parsed tables of each face are kept beside
it (``LiberationSerif-Regular.ttf.rlcache``), written by ``prepare`` when the program is
built (``make setup`` and the PyInstaller spec, which carries them in the bundle, through
``core.pdf.fonts.prepare_font_caches``) and read back with ``marshal`` in a fraction of the time. The font file itself is still read and
embedded as before, so the PDF is the same.

A kept file is used only when it was made from these very bytes of the font file
(size and CRC-32), by this reportlab and this Python; otherwise, or when it is missing
or damaged, the font is parsed as before. It can make a printout faster, never
different or broken.

A kept file is trusted as the program's own files are (it lies in the install folder
beside its ``.pyc`` files, which are ``marshal`` data too).
"""

from __future__ import annotations

import marshal
import sys
import zlib
from pathlib import Path

#: The suffix of a kept file, beside its font file.
SUFFIX = ".rlcache"
#: Changes whenever what is kept changes.
FORMAT = 1


def cache_path(font_file: Path) -> Path:
    """Where the parsed tables of ``font_file`` are kept."""
    return font_file.with_name(font_file.name + SUFFIX)


def _key(data: bytes) -> dict:
    """What a kept file must have been made from: these font bytes, this reportlab, this Python."""
    from reportlab import Version

    return {"format": FORMAT, "reportlab": Version, "python": list(sys.version_info[:2]),
            "size": len(data), "crc32": zlib.crc32(data)}


def load_font(name: str, font_file: Path):
    """``TTFont(name, font_file)``, from its kept tables when they fit the file, else parsed."""
    from core.pdf.reportlab_adapter import font_from_state

    data = font_file.read_bytes()
    try:
        kept = marshal.loads(cache_path(font_file).read_bytes())
        if kept["key"] == _key(data):
            return font_from_state(name, data, kept["state"])
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        pass  # missing, damaged or from another version: parsed as before
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(name, str(font_file))


def prepare(font_file: Path) -> bool:
    """Writes the kept tables of ``font_file`` (atomically) unless they are up to date; True when written."""
    from reportlab.pdfbase.ttfonts import TTFont

    from core.pdf.reportlab_adapter import font_state
    from core.storage.atomic import write_bytes_atomically

    data = font_file.read_bytes()
    target = cache_path(font_file)
    try:
        if marshal.loads(target.read_bytes())["key"] == _key(data):
            return False
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        pass
    state = font_state(TTFont("prepare", str(font_file)))
    write_bytes_atomically(target, marshal.dumps({"key": _key(data), "state": state}))
    return True
