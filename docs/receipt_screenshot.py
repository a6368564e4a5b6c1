"""Screenshot of the aimag's answer in the soum's window (``make screenshots``, under Xvfb).

A real round trip in temporary data folders: the soum (the sample, scored) finalizes
and sends; the aimag accepts it, the reviewer remarks on measure 6.3 with a proposed
score, and writes the receipt; the soum opens it. Writes ``window-receipt.png`` with
measure 6.3 selected, at the size the window takes on a 1366x768 screen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from the repository
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import isolated_scratch, settle  # noqa: E402


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    scratch = isolated_scratch("tailan-receipt-shot-")
    soum_data, aimag_data = scratch / "data", scratch / "aimag-data"

    from core.aimag.consolidate import consolidate
    from core.aimag.decisions import decide, waiting
    from core.aimag.receipt import open_receipt, write_receipt
    from core.aimag.register import set_aimag_name
    from core.aimag.remarks import add_remark
    from core.report.model import Score
    from core.sending.export import export_submission
    from core.sending.lifecycle import finalize, reopen
    from core.storage import ReportFile
    from core.tables.sample import create_sample_database

    soum_file = create_sample_database(scratch / "Нарийнтээл.tailan")
    with ReportFile.open(soum_file) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        for number, score in (("6.1", Score.FULL), ("6.2", Score.FULL), ("6.3", Score.IN_PROGRESS)):
            rf.set_field("measure", report.find_measure(number)[0].id, "score", score)
        finalize(rf, report.id)
        sent = export_submission(rf, report.id, scratch)
    os.environ["TAILAN_DATA_DIR"] = str(aimag_data)
    aimag = scratch / "Өвөрхангай-нэгтгэл.tailan"
    with ReportFile.open(aimag, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    consolidate([sent], aimag)
    with ReportFile.open(aimag) as rf:
        for decision in waiting(rf):
            decide(rf, decision.id, True)
        add_remark(rf, "Нарийнтээл сум", "Тайлангийн огноо болон гарын үсэг зурсан хүмүүсийг шалгана уу.",
                   author="Д.Хянагч")
        add_remark(rf, "Нарийнтээл сум", "Хүрсэн түвшинд тоон үзүүлэлт алга; нотолгоо дутуу.", measure="6.3",
                   score="30", author="Д.Хянагч")
        receipt = write_receipt(rf, "Нарийнтээл сум", scratch)
    os.environ["TAILAN_DATA_DIR"] = str(soum_data)
    with ReportFile.open(soum_file) as rf:
        open_receipt(rf, receipt, accept_key=True)
        reopen(rf, rf.resolve_report_id(None))  # the soum works on its next revision with the remarks in view

    from gui.app import create_main_window, ensure_application

    app = ensure_application([sys.argv[0]])
    window = create_main_window(soum_file)
    window.show()
    settle(app, 600)
    window.select_item(window.doc.report.find_measure("6.3")[0].id)
    settle(app)
    window.grab().save(str(out / "window-receipt.png"))
    window.close()
    print(out / "window-receipt.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
