"""Screenshots of the consolidation window for the docs: ``docs/window-consolidation.png``
(the ranking) and ``docs/window-decisions.png`` (files waiting for the reviewer).

Run under Xvfb at the usual office laptop's screen, from the repository root:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m gui.consolidation.screenshot docs

Works in a temporary folder with temporary settings: eight generated soums already
ranked (their keys accepted as a reviewer does), then a USB folder arrives with two
new soums, one known soum signing from a new PC, a next revision and two bad files,
with ten soums expected, so two are listed as not sent yet. The window opens at the
size it chooses for the screen (never larger than the screen's available area).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..screenshots import isolated_scratch, settle

ROOT = Path(__file__).resolve().parents[2]
SOUMS = ["Нарийнтээл сум", "Хархорин сум", "Бат-Өлзий сум", "Уянга сум", "Гучин-Ус сум",
         "Баруунбаян-Улаан сум", "Хужирт сум", "Тарагт сум"]
NEW = ["Есөнзүйл сум", "Өлзийт сум"]
NOT_SENT = ["Зүүнбаян-Улаан сум", "Богд сум"]


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    scratch = isolated_scratch("tailan-consolidation-")
    sys.path.insert(0, str(ROOT / "tests"))
    from generate import consolidate_trusted, submission_chain, submission_file

    from ..app import ensure_application
    from .expected_dialog import change_expected
    from .window import ConsolidationWindow

    app = ensure_application([sys.argv[0]])
    sent = scratch / "sent"
    sent.mkdir()
    first = [submission_file(sent, name, seed=seed + 3) for seed, name in enumerate(SOUMS[1:])]
    chain = submission_chain(sent, SOUMS[0], revisions=2, seed=11)
    aimag = scratch / "data" / "Өвөрхангай-нэгтгэл.tailan"
    aimag.parent.mkdir(parents=True, exist_ok=True)
    consolidate_trusted(first + chain[:1], aimag, aimag="Өвөрхангай")
    change_expected(aimag, add=NOT_SENT)

    inbox = scratch / "USB"
    inbox.mkdir()
    for seed, name in enumerate(NEW):
        submission_file(inbox, name, seed=seed + 30)
    (inbox / chain[1].name).write_bytes(chain[1].read_bytes())  # the next revision: merged at once
    os.environ["TAILAN_DATA_DIR"] = str(scratch / "new-pc")  # Хархорин sends from a new PC: a new key
    (scratch / "new-pc").mkdir()
    submission_file(inbox, SOUMS[1], seed=4, id_seed=9)
    (inbox / "Сант сум (хуучин).tailan").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # broken copy
    some = sorted(inbox.glob("*.tailan"))[0]
    (inbox / "Богд сум-тайлан.tailan").write_bytes(some.read_bytes()[:3000])  # cut short on the USB

    window = ConsolidationWindow(aimag)
    window.show()
    settle(app, 500)
    finished = []
    window.consolidationFinished.connect(finished.append)
    window.consolidate_paths([inbox])
    while not finished:
        settle(app, 50)
    window.tabs.setCurrentIndex(0)
    window.table.selectRow(0)
    settle(app, 600)
    target = out / "window-consolidation.png"
    window.grab().save(str(target))
    print(target)

    window.tabs.setCurrentWidget(window.decisions_panel)
    panel = window.decisions_panel
    row = next((i for i, d in enumerate(panel.decisions) if d.kind == "new-key"), 0)
    panel.table.selectRow(row)
    settle(app, 600)
    target = out / "window-decisions.png"
    window.grab().save(str(target))
    print(target)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
