"""The official form's page: A4 landscape, its margins, the body size and the draft words."""

from __future__ import annotations

from core.report.draft import DRAFT_NOTE, DRAFT_WORD  # noqa: F401  (the draft's words, one place for every output)

MM = 72 / 25.4
#: Left: binding and hole-punching (a 2-hole punch needs about 12 mm plus room);
#: top: enough for a punch when the file is bound at the top instead.
MARGINS_MM = {"left": 25, "right": 12, "top": 18, "bottom": 15}
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 297, 210
FRAME_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
BODY_SIZE = 9
