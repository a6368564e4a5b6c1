"""Draws Tailan's application icon: resources/icons/tailan.png (256 px) and tailan.ico.

A report page (white, folded corner) on a dark blue square, with a bold Cyrillic
"Т" and three table lines. Drawn with Pillow (already installed: reportlab needs
it) in Liberation Sans Bold from resources/fonts, so the result is the same on
every machine. Run it again only to change the icon; both files are committed.

    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "LiberationSans-Bold.ttf"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
BLUE = (21, 72, 140, 255)
RED = (196, 40, 40, 255)


def draw(size: int = 1024) -> Image.Image:
    """The icon at ``size`` pixels (drawn large, scaled down for smooth edges)."""
    s = size / 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle([8 * s, 8 * s, 248 * s, 248 * s], radius=40 * s, fill=BLUE)
    # The page with its folded top-right corner.
    left, top, right, bottom, fold = 58 * s, 36 * s, 198 * s, 220 * s, 40 * s
    d.polygon([(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
              fill=(255, 255, 255, 255))
    d.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=(200, 212, 230, 255))
    font = ImageFont.truetype(str(FONT), int(96 * s))
    d.text((128 * s, 100 * s), "Т", font=font, fill=BLUE, anchor="mm")
    for i, y in enumerate((158, 180, 202)):
        d.rectangle([76 * s, (y - 5) * s, (180 if i < 2 else 140) * s, (y + 5) * s],
                    fill=RED if i == 0 else (120, 140, 170, 255))
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "tailan.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "tailan.ico", sizes=ICO_SIZES)
    print(f"wrote {ICONS / 'tailan.png'} and {ICONS / 'tailan.ico'}")


if __name__ == "__main__":
    main()
