"""Generated reports of any size, for benchmarks and stress tests (long Mongolian texts)."""

from __future__ import annotations

import random
import uuid

from core.report.model import Goal, Measure, Report, Score, Signatory
from core.tables.textexport import report_to_text

WORDS = (
    "авлигын эсрэг хууль тогтоомжийг иргэдэд сурталчлах соён гэгээрүүлэх хүртээмжийг нэмэгдүүлэх "
    "төрийн албан хаагчдад сургалт зохион байгуулах ашиг сонирхлын зөрчил мэдүүлэг хугацаанд "
    "өргөдөл гомдол үйлчилгээ ил тод байдал хяналт шалгалт үр дүн өөрчлөлт үнэлгээ төлөвлөгөө"
).split()
SCALE = [Score.FULL, Score.IN_PROGRESS, Score.INSUFFICIENT, Score.NOT_IMPLEMENTED, Score.NOT_DUE, None]


def sentence(rnd: random.Random, length: int) -> str:
    out: list[str] = []
    size = 0
    while size < length:
        word = rnd.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out).capitalize() + "."


def seeded_id(rnd: random.Random) -> str:
    """Identities from the seed: the same seed gives the same report (for revisions of it)."""
    return str(uuid.UUID(int=rnd.getrandbits(128), version=4))


def generated_report(
    measures: int, per_goal: int = 10, text_length: int = 400, seed: int = 1, id_seed: int | None = None
) -> Report:
    rnd = random.Random(seed)
    ids = random.Random(f"ids-{seed if id_seed is None else id_seed}")
    goals = []
    for g in range(max(1, (measures + per_goal - 1) // per_goal)):
        count = min(per_goal, measures - g * per_goal)
        goals.append(
            Goal(
                id=seeded_id(ids),
                number=f"{g + 1}.",
                text=sentence(rnd, 120),
                measures=[
                    Measure(
                        id=seeded_id(ids),
                        number=f"{g + 1}.{i + 1}.",
                        text=sentence(rnd, 200),
                        indicator=sentence(rnd, 60),
                        baseline_year="2022",
                        baseline_level=sentence(rnd, 40),
                        target_level=sentence(rnd, 60),
                        achieved=sentence(rnd, text_length),
                        score=rnd.choice(SCALE),
                    )
                    for i in range(count)
                ],
            )
        )
    return Report(
        id=seeded_id(ids),
        organization="Туршилтын сум",
        aimag="Өвөрхангай",
        year=2023,
        report_date="2023.12.08",
        title="ТУРШИЛТЫН СУМ\n2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ",
        signatories=[
            Signatory(id=seeded_id(ids), role="ХЭРЭГЖИЛТИЙГ ГАРГАСАН", position="ЗДТГ-ЫН ДАРГА", name="Б.ТЕСТ"),
            Signatory(id=seeded_id(ids), role="ХЯНАСАН", position="СУМЫН ЗАСАГ ДАРГА", name="Д.ХЯНАЛТ"),
        ],
        goals=goals,
    )


def generated_text(measures: int, **kwargs) -> str:
    return report_to_text(generated_report(measures, **kwargs))


def submission_file(
    folder, organization: str, measures: int = 14, seed: int = 1, revision_bumps: int = 0, aimag="Өвөрхангай",
    id_seed: int | None = None,
):
    """A finalized submission file of a generated report, written as a soum would."""
    from pathlib import Path

    from core.sending.export import export_submission
    from core.sending.lifecycle import finalize, reopen
    from core.storage import ReportFile

    folder = Path(folder)
    report = generated_report(measures, seed=seed, id_seed=id_seed)
    for m in report.measures():
        if m.score is None:
            m.score = Score.FULL
    report.organization, report.aimag = organization, aimag
    work = folder / f".work-{organization}-{seed}-{id_seed}.tailan"
    if work.exists():
        work.unlink()
    with ReportFile.create(work) as rf:
        rf.add_report(report)
        finalize(rf, report.id)
        for _ in range(revision_bumps):
            reopen(rf, report.id)
            finalize(rf, report.id)
        path = export_submission(rf, report.id, folder / f"{organization}-{seed}-r{revision_bumps + 1}.tailan")
    work.unlink()
    return path


def submission_chain(folder, organization: str, revisions: int = 2, measures: int = 14, seed: int = 1,
                     aimag="Өвөрхангай"):
    """The submission files of successive revisions of one report, as one soum sends them
    (finalize, send; reopen, change a score, finalize, send...)."""
    from pathlib import Path

    from core.sending.export import export_submission
    from core.sending.lifecycle import finalize, reopen
    from core.storage import ReportFile

    folder = Path(folder)
    report = generated_report(measures, seed=seed)
    for m in report.measures():
        if m.score is None:
            m.score = Score.FULL
    report.organization, report.aimag = organization, aimag
    work = folder / f".chain-{organization}-{seed}.tailan"
    paths = []
    with ReportFile.create(work) as rf:
        rf.add_report(report)
        for revision in range(1, revisions + 1):
            if revision > 1:
                reopen(rf, report.id)
                first = rf.load_report(report.id).measures()[0]
                rf.set_field("measure", first.id, "score", Score.FULL if revision % 2 else Score.IN_PROGRESS)
            finalize(rf, report.id)
            paths.append(export_submission(rf, report.id, folder / f"{organization}-{seed}-chain-r{revision}.tailan"))
    work.unlink()
    return paths


def consolidate_trusted(files, db, **kwargs):
    """Consolidates as an aimag whose reviewer has compared every new key with its signed
    paper: submissions waiting only as a new organization or a new key are accepted."""
    from core.aimag.consolidate import Outcome, consolidate
    from core.aimag.decisions import decide
    from core.aimag.rules import WaitKind
    from core.storage import ReportFile

    result = consolidate(files, db, **kwargs)
    waiting = [o for o in result.outcomes
               if o.status == Outcome.PENDING and o.kind in (WaitKind.NEW_ORGANIZATION, WaitKind.NEW_KEY)]
    if waiting:
        with ReportFile.open(db) as rf:
            for outcome in waiting:
                decide(rf, outcome.id, accept=True)
                outcome.status = Outcome.ADDED
    return result
