"""Screenshots of a measure's evidence for the docs (issue 22), under Xvfb: ``make screenshots``.

Usage: ``python docs/evidence_screenshot.py FOLDER``. On a copy of the sample in a
temporary data folder, the four real evidence files of ``tests/fixtures/evidence``
are attached to measure 1.1 as the window does it (one undo step); then it writes
``window-evidence.png`` (the measure form scrolled to its evidence, the photo's small
picture shown upright), ``window-evidence-picture.png`` (the photo opened inside
Tailan) and ``pdf-evidence-annex.png`` (the printout's annex, rendered by pdftoppm).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from the repository

from docs.screenshots import isolated_scratch, settle  # noqa: E402

EVIDENCE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "evidence"
FILES = ("photo-exif6.jpg", "scan.pdf", "participants.docx", "budget.xlsx")


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    scratch = isolated_scratch("tailan-evidence-shots-")

    from core.pdf.document import export_pdf
    from core.tables.sample import create_sample_database
    from gui.app import create_main_window, ensure_application
    from gui.evidence import flow

    app = ensure_application([sys.argv[0]])
    path = create_sample_database(scratch / "Нарийнтээл-2023.tailan")  # the officer's own file, not the sample
    window = create_main_window(path)
    window.show()
    settle(app, 600)
    measure = window.doc.report.find_measure("1.1")[0]
    window.select_item(measure.id)
    flow.attach_paths(window.doc, measure.id, [str(EVIDENCE / name) for name in FILES])
    settle(app, 600)
    form = window.forms["measure"]
    form.ensureWidgetVisible(form.evidence.total)
    form.evidence.list.setCurrentRow(0)
    form.evidence.list.item(0).setSelected(True)
    settle(app, 600)
    window.grab().save(str(out / "window-evidence.png"))

    dialog = form.evidence.open_selected()
    settle(app, 600)
    dialog.grab().save(str(out / "window-evidence-picture.png"))
    dialog.close()

    with tempfile.TemporaryDirectory() as work:
        pdf = Path(work) / "report.pdf"
        import copy

        from core.report.model import Score

        scored = copy.deepcopy(window.doc.report)  # the sample's last measures scored: a printout for signature
        for measure in scored.measures():
            measure.score = measure.score or Score.FULL
        pages = export_pdf(scored, pdf)
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", str(pages), "-l", str(pages), "-singlefile", str(pdf),
                        str(out / "pdf-evidence-annex")], check=True)
    window.close()
    print("\n".join(str(out / name) for name in ("window-evidence.png", "window-evidence-picture.png",
                                                 "pdf-evidence-annex.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
