"""Reports and PDF readers shared by the printout's tests and benchmarks."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

from core.report.model import Goal, Measure, Report, Score, Signatory
from core.tables.textimport import import_file

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample" / "000_09351593bdc28142.txt"
FINAL_SCORES = {"6.1": Score.FULL, "6.2": Score.FULL, "6.3": Score.IN_PROGRESS}

WORDS = (
    "авлигын эсрэг хууль тогтоомжийг иргэдэд сурталчлах Өвөрхангай аймгийн сумын Засаг даргын "
    "Тамгын газар үйл ажиллагаа хэрэгжүүлсэн хүрээнд ҮЙЛ ӨРГӨДӨЛ үнэлгээ 2023 оны 12 сард "
    "120,0 мянган төгрөг ХАСУМ ОНХС ЕБС сургалт зохион байгуулж хамруулсан"
).split()


def sample_report() -> Report:
    """The real sample as imported, of its aimag: a draft (6.1, 6.2, 6.3 without a score)."""
    report = import_file(SAMPLE).report
    report.aimag = "Өвөрхангай"
    return report


def final_report() -> Report:
    """The sample with 6.1-6.3 scored as on the original, whose total is 82,8."""
    report = sample_report()
    for number, score in FINAL_SCORES.items():
        report.find_measure(number)[0].score = score
    return report


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def big_report(measures: int = 1000, per_goal: int = 8, seed: int = 1) -> Report:
    """A generated report with long texts: ``measures`` measures, all scored."""
    rng = random.Random(seed)
    scores = [Score.FULL, Score.IN_PROGRESS, Score.INSUFFICIENT, Score.NOT_IMPLEMENTED, Score.NOT_DUE]
    report = Report(organization="Туршилтын сум", aimag="Өвөрхангай", year=2023, report_date="2023.12.08")
    report.signatories = [Signatory("ХЭРЭГЖИЛТИЙГ ГАРГАСАН", "ЗДТГ-ЫН ДАРГА", "Б.ТУРШИЛТ")]
    goal = None
    for i in range(measures):
        if i % per_goal == 0:
            goal = Goal(number=f"{i // per_goal + 1}.", text=words(rng, rng.randint(8, 30)))
            report.goals.append(goal)
        goal.measures.append(
            Measure(
                number=f"{i // per_goal + 1}.{i % per_goal + 1}.",
                text=words(rng, rng.randint(10, 50)),
                indicator=words(rng, rng.randint(3, 15)),
                baseline_year="2022",
                baseline_level=words(rng, rng.randint(1, 8)),
                target_level=words(rng, rng.randint(2, 12)),
                achieved=words(rng, rng.randint(20, 160)),
                score=rng.choice(scores),
            )
        )
    return report


def long_cell_report(chars: int = 20_000) -> Report:
    """The final sample with one achieved-level cell of ``chars`` characters (with a few line breaks)."""
    report = final_report()
    rng = random.Random(7)
    text = ""
    while len(text) < chars:
        text += words(rng, 40) + ("\n" if rng.random() < 0.3 else " ")
    report.find_measure("2.2")[0].achieved = text[:chars]
    return report


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def squash(text: str) -> str:
    """Text without any whitespace: line wrapping in the PDF does not matter."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    """Each page's text in drawing order (``-raw``), so a cell's lines stay together."""
    return pdftotext(path, "-raw").split("\f")[:-1]


def page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def tokens(text: str) -> list[str]:
    """Words and numbers, punctuation dropped: ``2.1.Төрийн`` and ``2.1. Төрийн`` agree."""
    return re.findall(r"\w+", text)


def find_run(doc: list[str], cell: list[str], max_gap: int = 150) -> bool:
    """True when ``cell``'s tokens stand in ``doc`` in order, consecutive except for
    gaps of at most ``max_gap`` tokens (a page break: page number, repeated header and
    goal)."""
    if not cell:
        return True
    first = cell[0]
    for start, token in enumerate(doc):
        if token != first:
            continue
        pos, ok = start, True
        for want in cell[1:]:
            window = doc[pos + 1 : pos + 2 + max_gap]
            try:
                pos = pos + 1 + window.index(want)
            except ValueError:
                ok = False
                break
        if ok:
            return True
    return False


def sample_cells() -> list[str]:
    """Every non-empty TAB-separated cell and line of the sample file, as written."""
    cells = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        cells.extend(c for c in line.split("\t") if c.strip())
    return cells
