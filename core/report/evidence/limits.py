"""The bounds of evidence: what fits a USB stick and an e-mail, and what a reviewer's PC can open.

The same numbers bound what a soum attaches and what the aimag accepts in a received
file (``core.received.evidence``), so a report the soum could finalize is never
refused upward for its size.
"""

from __future__ import annotations

MB = 1024 * 1024

#: One file at most (a photo, a scan, a document).
MAX_FILE_BYTES = 20 * MB
#: A report's evidence at most, each distinct file counted once.
MAX_REPORT_BYTES = 100 * MB
#: The window warns once the evidence passes this share of ``MAX_REPORT_BYTES``.
WARN_SHARE = 0.8
MAX_FILES_PER_MEASURE = 50
MAX_FILES_PER_REPORT = 500
#: A name longer than this is cut (its ending kept).
MAX_NAME_CHARS = 120

#: A picture may declare at most this many pixels (a 48 MP phone photo is 8000 x 6000) ...
MAX_PICTURE_PIXELS = 100_000_000
#: ... and at most this many on a side (a long scanned strip is still a picture).
MAX_PICTURE_SIDE = 30_000

#: A Word or Excel file (a zip) may hold at most so many parts ...
MAX_ZIP_ENTRIES = 5_000
#: ... unpacking to at most this much (a zip bomb names gigabytes),
MAX_ZIP_UNPACKED = 256 * MB
#: ... and no large part may shrink more than this (text shrinks ten- or twentyfold; zeros a thousandfold).
MAX_ZIP_RATIO = 200
ZIP_RATIO_FROM_BYTES = MB

#: A JPEG photo offered shrinking: larger than this ...
SHRINK_FROM_BYTES = 3 * MB
#: ... or longer than this on a side; shrunk to this side, at this JPEG quality.
SHRINK_FROM_SIDE = 2600
SHRINK_TO_SIDE = 2000
SHRINK_QUALITY = 85


def size_text(size: int) -> str:
    """A size as a person reads it, in Mongolian with a decimal comma: ``1,2 МБ``, ``340 КБ``, ``12 байт``."""
    if size < 1024:
        return f"{size} байт"
    if size < MB:
        return f"{max(1, round(size / 1024))} КБ"
    if size % MB == 0:
        return f"{size // MB} МБ"
    tenths = int(size * 10 / MB)  # cut, not rounded: 99,96 MB is not "100,0 MB" under a 100 MB limit
    return f"{tenths // 10},{tenths % 10} МБ"
