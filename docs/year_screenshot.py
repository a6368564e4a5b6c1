"""Screenshots of the officer's year (``make screenshots``, under Xvfb), and page 1 of a plan's printout.

A real round in temporary data folders: the aimag writes its call; the soum makes its
plan from the sample (who is responsible and by when on 1.1), finalizes and sends it;
the aimag accepts it. The soum makes the half-year report from the plan, opens the call,
rewrites 2.1 and adds a measure, sends it; the aimag holds it against the plan. Writes
``window-plan.png`` (the plan in the soum's window, 1.1 selected),
``window-call.png`` (the half-year report with the call's deadline above the forms),
``window-against-plan.png`` (the aimag's window, the report against its plan) and
``pdf-plan-page1.png`` (page 1 of the plan's printout, pdftoppm).
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from the repository
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import isolated_scratch, settle  # noqa: E402


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    scratch = isolated_scratch("tailan-year-shot-")
    soum_data, aimag_data = scratch / "data", scratch / "aimag-data"

    from core.aimag.call import write_call
    from core.aimag.consolidate import consolidate
    from core.aimag.decisions import decide, waiting
    from core.aimag.register import set_aimag_name, set_expected
    from core.pdf import export_pdf
    from core.report.kinds import ItemKind
    from core.report.model import Measure, Period, Score
    from core.sending.call import open_call
    from core.sending.export import export_submission
    from core.sending.lifecycle import finalize
    from core.sending.next_file import write_next_file
    from core.storage import ReportFile
    from core.tables.sample import create_sample_database

    os.environ["TAILAN_DATA_DIR"] = str(aimag_data)
    aimag = scratch / "Өвөрхангай-нэгтгэл.tailan"
    deadline = (datetime.date.today() + datetime.timedelta(days=12)).isoformat()
    with ReportFile.open(aimag, create=True) as rf:
        set_aimag_name(rf, "Өвөрхангай")
        set_expected(rf, ["Нарийнтээл сум", "Баян-Өндөр сум", "Хархорин сум"])
        call = write_call(rf, 2024, "half-year", deadline, scratch)

    os.environ["TAILAN_DATA_DIR"] = str(soum_data)
    last_year = create_sample_database(scratch / "Нарийнтээл 2023.tailan")
    plan_file, half_file = scratch / "Нарийнтээл 2024 төлөвлөгөө.tailan", scratch / "Нарийнтээл 2024 хагас жил.tailan"
    with ReportFile.open(last_year, read_only=True) as rf:
        write_next_file(rf, rf.resolve_report_id(None), plan_file, Period.PLAN)
    with ReportFile.open(plan_file) as rf:
        plan = rf.load_report(rf.resolve_report_id(None))
        for number, who, when in (("1.1", "ЗДТГ-ын дарга, хуулийн мэргэжилтэн", "2024 оны II улирал"),
                                  ("1.2", "Сумын ИТХ, ЗДТГ", "Жилдээ"), ("1.3", "Сургуулийн захирал", "2024.09.01")):
            measure = plan.find_measure(number)[0]
            rf.set_field(ItemKind.MEASURE, measure.id, "responsible", who)
            rf.set_field(ItemKind.MEASURE, measure.id, "due", when)
        plan = finalize(rf, plan.id)
        sent_plan = export_submission(rf, plan.id, scratch)
        export_pdf(rf.load_report(plan.id), scratch / "plan.pdf")
        write_next_file(rf, plan.id, half_file, Period.HALF_YEAR)
    with ReportFile.open(half_file) as rf:
        half = rf.load_report(rf.resolve_report_id(None))
        open_call(rf, call, accept_key=True)
        for m in half.measures():
            rf.set_field(ItemKind.MEASURE, m.id, "score", Score.IN_PROGRESS)
        rf.set_field(ItemKind.MEASURE, half.find_measure("2.1")[0].id, "target_level", "Бүх шинэ албан хаагчийг")
        rf.insert_measure(half.goals[1].id, 2, Measure(number="2.3.", text="Ил тод байдлын самбарыг шинэчлэх",
                                                       indicator="Самбар", target_level="1", score=Score.FULL))
        sent_half = export_submission(rf, finalize(rf, half.id).id, scratch)
    os.environ["TAILAN_DATA_DIR"] = str(aimag_data)
    consolidate([sent_plan], aimag)
    with ReportFile.open(aimag) as rf:
        for decision in waiting(rf):
            decide(rf, decision.id, True)
    consolidate([sent_half], aimag)

    stem = scratch / "plan-page"
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(scratch / "plan.pdf"),
                    str(stem)], check=True)
    (out / "pdf-plan-page1.png").write_bytes(stem.with_suffix(".png").read_bytes())

    from gui.app import create_main_window, ensure_application
    from gui.consolidation.window import open_consolidation_window

    app = ensure_application([sys.argv[0]])
    os.environ["TAILAN_DATA_DIR"] = str(soum_data)
    window = create_main_window(plan_file)
    window.show()
    settle(app, 600)
    window.select_item(window.doc.report.find_measure("1.1")[0].id)
    settle(app)
    window.grab().save(str(out / "window-plan.png"))
    window.open_file(half_file)
    settle(app, 400)
    window.select_item(window.doc.report.find_measure("2.1")[0].id)
    settle(app)
    window.grab().save(str(out / "window-call.png"))
    window.close()
    os.environ["TAILAN_DATA_DIR"] = str(aimag_data)
    aimag_window = open_consolidation_window(aimag)
    aimag_window.show()
    settle(app, 600)
    aimag_window.tabs.setCurrentWidget(aimag_window.plan_panel)
    settle(app)
    aimag_window.grab().save(str(out / "window-against-plan.png"))
    aimag_window.close()
    for name in ("window-plan.png", "window-call.png", "window-against-plan.png", "pdf-plan-page1.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
