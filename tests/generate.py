"""Generated reports of any size, for benchmarks and stress tests (long Mongolian texts)."""

from __future__ import annotations

import random

from core.model import Goal, Measure, Report, Score, Signatory
from core.textexport import report_to_text

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


def generated_report(measures: int, per_goal: int = 10, text_length: int = 400, seed: int = 1) -> Report:
    rnd = random.Random(seed)
    goals = []
    for g in range(max(1, (measures + per_goal - 1) // per_goal)):
        count = min(per_goal, measures - g * per_goal)
        goals.append(
            Goal(
                number=f"{g + 1}.",
                text=sentence(rnd, 120),
                measures=[
                    Measure(
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
        organization="Туршилтын сум",
        aimag="Өвөрхангай",
        year=2023,
        report_date="2023.12.08",
        title="ТУРШИЛТЫН СУМ\n2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХЭРЭГЖИЛТ",
        signatories=[
            Signatory(role="ХЭРЭГЖИЛТИЙГ ГАРГАСАН", position="ЗДТГ-ЫН ДАРГА", name="Б.ТЕСТ"),
            Signatory(role="ХЯНАСАН", position="СУМЫН ЗАСАГ ДАРГА", name="Д.ХЯНАЛТ"),
        ],
        goals=goals,
    )


def generated_text(measures: int, **kwargs) -> str:
    return report_to_text(generated_report(measures, **kwargs))
