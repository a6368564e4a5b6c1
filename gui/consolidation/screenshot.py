"""Screenshot of the consolidation window for the docs: ``docs/window-consolidation.png``.

Run under Xvfb from the repository root:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m gui.consolidation.screenshot docs

Works in a temporary folder with temporary settings: eight generated soum submissions
(``tests/generate.py``) and two bad files are consolidated into a new aimag file,
with ten soums expected, so two are listed as not sent yet.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..screenshots import isolated_scratch, settle

ROOT = Path(__file__).resolve().parents[2]
SOUMS = ["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум", "Уянга сум", "Гучин-Ус сум",
         "Баруунбаян-Улаан сум", "Хужирт сум", "Тарагт сум"]
NOT_SENT = ["Зүүнбаян-Улаан сум", "Богд сум"]


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    scratch = isolated_scratch("tailan-consolidation-")
    sys.path.insert(0, str(ROOT / "tests"))
    from generate import submission_file

    from ..app import ensure_application
    from .expected_dialog import change_expected
    from .window import ConsolidationWindow

    app = ensure_application([sys.argv[0]])
    inbox = scratch / "USB"
    inbox.mkdir()
    for seed, name in enumerate(SOUMS):
        submission_file(inbox, name, seed=seed + 3, revision_bumps=1 if seed == 2 else 0)
    (inbox / "Сант сум (хуучин).tailan").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # broken copy
    first = sorted(inbox.glob("*.tailan"))[0]
    (inbox / "Өлзийт сум-тайлан.tailan").write_bytes(first.read_bytes()[:3000])  # cut short on the USB
    aimag = scratch / "data" / "Өвөрхангай-нэгтгэл.tailan"
    aimag.parent.mkdir(parents=True, exist_ok=True)
    change_expected(aimag, add=SOUMS + NOT_SENT)

    window = ConsolidationWindow(aimag)
    window.resize(1560, 940)
    window.show()
    settle(app, 500)
    window.consolidate_paths([inbox])
    window.table.selectRow(0)
    settle(app, 600)
    target = out / "window-consolidation.png"
    window.grab().save(str(target))
    window.close()
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
