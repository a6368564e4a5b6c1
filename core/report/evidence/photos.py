"""A large photo shrunk on request before it is attached; the original file is never changed.

Phones take photos of 5 to 15 MB; twenty of them would fill a report's evidence. On
attaching, the officer is asked once whether to shrink such photos: the shrunk copy
(longest side ``SHRINK_TO_SIDE``, JPEG quality ``SHRINK_QUALITY``) is turned upright as
its EXIF orientation says and keeps the rest of its EXIF (when and where it was taken,
which is part of the evidence). Pillow decodes it at a reduced scale (``draft``), so
the memory it takes stays small whatever the photo's size.
"""

from __future__ import annotations

import io
from pathlib import Path

from core.report.evidence import limits
from core.report.evidence.content import EvidenceRefused

ORIENTATION_TAG = 0x0112


def worth_shrinking(size: int, width: int, height: int) -> bool:
    """A JPEG photo this big gains much from shrinking (and loses nothing a reviewer needs)."""
    return size > limits.SHRINK_FROM_BYTES or max(width, height) > limits.SHRINK_FROM_SIDE


def shrink_photo(path: Path) -> bytes:
    """The photo at ``path`` as a smaller JPEG, upright, EXIF kept; ``EvidenceRefused`` when it cannot be read."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = limits.MAX_PICTURE_PIXELS  # a decompression bomb raises instead of allocating
    side = limits.SHRINK_TO_SIDE
    try:
        with Image.open(path) as image:
            image.draft("RGB", (side, side))  # decode at 1/2, 1/4 or 1/8 scale where that still covers ``side``
            exif = image.getexif()
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((side, side), Image.Resampling.LANCZOS)
            if ORIENTATION_TAG in exif:
                exif[ORIENTATION_TAG] = 1
            out = io.BytesIO()
            upright.convert("RGB").save(out, "JPEG", quality=limits.SHRINK_QUALITY, optimize=True,
                                        exif=exif.tobytes())
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError) as exc:
        raise EvidenceRefused(f"зургийг багасгаж чадсангүй ({type(exc).__name__}); багасгалгүйгээр хавсаргана уу") from None
    return out.getvalue()
