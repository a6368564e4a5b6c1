"""The officer's whole year on the command line (issue 21), on real files, as its testing contract says.

A soum and an aimag are two PCs (each its own data folder: its keys, the aimag keys it
accepted). The plan is made from last year's report, finalized, sent and consolidated;
the half-year report from the plan and the annual from the half-year one, each finalized,
sent, consolidated and held against the plan. The aimag's call and its notice of a
rejection go down; tampered, foreign, misaddressed and replayed ones are refused with a
Mongolian message and change nothing.
"""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import pytest
from helpers import SAMPLE_TXT, digest, run_cli

ALL = ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "4.1", "4.3", "5.1", "5.2", "6.1", "6.2", "6.3")


class Year:
    """The soum's PC and the aimag's, switched by their data folders."""

    def __init__(self, tmp_path: Path, monkeypatch):
        self.tmp, self.monkeypatch = tmp_path, monkeypatch
        for name in ("soum-pc", "aimag-pc", "outbox", "inbox"):
            (tmp_path / name).mkdir()
        self.aimag = tmp_path / "aimag.tailan"

    def soum(self, *args) -> subprocess.CompletedProcess:
        self.monkeypatch.setenv("TAILAN_DATA_DIR", str(self.tmp / "soum-pc"))
        return run_cli(*args)

    def at_aimag(self, *args) -> subprocess.CompletedProcess:
        self.monkeypatch.setenv("TAILAN_DATA_DIR", str(self.tmp / "aimag-pc"))
        return run_cli(*args)

    def ok(self, result: subprocess.CompletedProcess) -> str:
        assert result.returncode == 0, result.stderr.decode()
        return result.stdout.decode()

    def show(self, path) -> dict:
        return json.loads(self.ok(self.soum("show", path, "--json")))

    def score_all(self, path, score: str = "100") -> None:
        for number in ALL:
            self.ok(self.soum("set", path, "--measure", number, "--score", score))

    def send(self, path) -> Path:
        self.ok(self.soum("finalize", path))
        return Path(self.ok(self.soum("export-submission", path, "-o", self.tmp / "outbox")).strip())

    def consolidate(self, submission) -> tuple[str, dict]:
        """(status, outcome) of the one file consolidated."""
        result = self.at_aimag("consolidate", submission, "--db", self.aimag, "--json")
        assert result.returncode in (0, 1), result.stderr.decode()
        [(status, [outcome])] = [(s, items) for s, items in json.loads(result.stdout).items() if items]
        return status, outcome

    def ranking(self) -> dict:
        return json.loads(self.ok(self.at_aimag("ranking", self.aimag, "--json")))


@pytest.fixture
def year(tmp_path, monkeypatch) -> Year:
    y = Year(tmp_path, monkeypatch)
    y.ok(y.at_aimag("register", y.aimag, "--aimag", "Өвөрхангай"))
    y.ok(y.at_aimag("expected", y.aimag, "--add", "Нарийнтээл сум", "Баян-Өндөр сум"))
    last = tmp_path / "2023.tailan"
    y.ok(y.soum("import", SAMPLE_TXT, "--db", last, "--aimag", "Өвөрхангай"))
    return y


def test_plan_half_year_and_annual_made_from_one_another_sent_and_held_against_the_plan(year, tmp_path):
    plan, half, annual = tmp_path / "plan.tailan", tmp_path / "half.tailan", tmp_path / "annual.tailan"
    # the plan, from last year's report: next year, no achieved texts, no scores
    year.ok(year.soum("next", tmp_path / "2023.tailan", "-o", plan, "--period", "plan"))
    shown = year.show(plan)
    assert (shown["period"], shown["year"]) == ("plan", 2024)
    first = shown["goals"][0]["measures"][0]
    assert first["origin"] is not None and first["achieved"] == "" and first["score"] is None
    assert [p["code"] for p in shown["problems"] if p["code"] == "unscored"] == []
    year.ok(year.soum("set", plan, "--measure", "1.1", "--field", "responsible", "--value", "ЗДТГ-ын дарга"))
    year.ok(year.soum("set", plan, "--measure", "1.1", "--field", "due", "--value", "2024 оны II улирал"))
    first = year.show(plan)["goals"][0]["measures"][0]
    assert (first["responsible"], first["due"]) == ("ЗДТГ-ын дарга", "2024 оны II улирал")
    plan_ids = [m["id"] for g in year.show(plan)["goals"] for m in g["measures"]]
    status, waiting = year.consolidate(year.send(plan))  # a new organization waits for the reviewer
    assert status == "pending"
    year.ok(year.at_aimag("decide", year.aimag, "--accept", str(waiting["id"])))
    assert year.ranking()["ranking"] == []  # a plan is not ranked: it is held against

    # the half-year report from the plan: the same year, each measure linked to the plan's
    year.ok(year.soum("next", plan, "-o", half, "--period", "half-year"))
    shown = year.show(half)
    assert (shown["period"], shown["year"]) == ("half-year", 2024)
    half_measures = [m for g in shown["goals"] for m in g["measures"]]
    assert [m["origin"] for m in half_measures] == plan_ids
    assert half_measures[0]["responsible"] == "ЗДТГ-ын дарга" and half_measures[0]["score"] is None
    year.score_all(half, "70")
    year.ok(year.soum("set", half, "--measure", "1.1", "--field", "achieved", "--value", "Хагас жилд 40 хувь"))
    assert year.consolidate(year.send(half))[0] == "added"
    row = year.ranking()["ranking"][0]
    assert (row["period"], row["plan"]) == ("half-year", {"added": 0, "dropped": 0, "changed": 0})

    # the annual report from the half-year one: achieved texts carried as drafts, scores empty
    year.ok(year.soum("next", half, "-o", annual, "--period", "annual"))
    shown = year.show(annual)
    assert (shown["period"], shown["year"]) == ("annual", 2024)
    measures = [m for g in shown["goals"] for m in g["measures"]]
    assert measures[0]["achieved"] == "Хагас жилд 40 хувь" and all(m["score"] is None for m in measures)
    assert [m["origin"] for m in measures] == [m["id"] for m in half_measures]
    year.score_all(annual)
    # the year's end: one measure rewritten, one dropped, one added (then the numbers repaired by hand)
    year.ok(year.soum("set", annual, "--measure", "2.1", "--field", "target_level", "--value", "Бүгдийг хамруулах"))
    with_ids = year.show(annual)
    dropped = next(m for g in with_ids["goals"] for m in g["measures"] if m["number"] == "4.3.")
    _delete_and_add(annual, dropped["id"])
    assert year.consolidate(year.send(annual))[0] == "added"
    rows = {r["period"]: r for r in year.ranking()["ranking"]}
    # the annual report's links go through the half-year report's to the plan
    assert rows["annual"]["plan"] == {"added": 1, "dropped": 1, "changed": 1}
    assert rows["half-year"]["plan"] == {"added": 0, "dropped": 0, "changed": 0}
    text = year.ok(year.at_aimag("ranking", year.aimag))
    assert "төлөвлөгөөнөөс: нэмсэн 1, хассан 1, өөрчилсөн 1" in text


def _delete_and_add(path: Path, measure_id: str) -> None:
    """An edit the command line has no verb for, made through the file's own API (as the window does)."""
    from core.report.model import Measure
    from core.storage import ReportFile

    with ReportFile.open(path) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        goal = next(g for g in report.goals if any(m.id == measure_id for m in g.measures))
        rf.delete_measure(measure_id)
        rf.insert_measure(goal.id, len(goal.measures), Measure(number="4.9.", text="Шинэ арга хэмжээ",
                                                                indicator="тоо", target_level="1", score=None))
        added = rf.load_report(report.id).find_measure("4.9")[0]
        rf.set_field("measure", added.id, "score", "100")


def test_the_plan_prints_as_a_plan(year, tmp_path):
    plan, pdf = tmp_path / "plan.tailan", tmp_path / "plan.pdf"
    year.ok(year.soum("next", tmp_path / "2023.tailan", "-o", plan, "--period", "plan"))
    year.ok(year.soum("set", plan, "--measure", "6.3", "--field", "responsible", "--value", "Сургуулийн захирал"))
    year.ok(year.soum("set", plan, "--measure", "6.3", "--field", "due", "--value", "2024.09.01"))
    year.ok(year.soum("export-pdf", plan, "-o", pdf))
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, check=True).stdout.decode()
    flat = " ".join(text.split())
    assert "2024 ОНЫ ТӨЛӨВЛӨГӨӨ" in flat and "ХЭРЭГЖИЛТ" not in flat
    assert "БАТЛАВ." in flat and "СУМЫН ЗАСАГ ДАРГА" in flat.split("БАТЛАВ.")[1][:60]  # approved above the title
    assert flat.index("БАТЛАВ.") < flat.index("2024 ОНЫ ТӨЛӨВЛӨГӨӨ")
    assert "Хариуцах эзэн" in flat and "Хэрэгжих" in flat
    assert "Сургуулийн захирал" in flat and "2024.09.01" in flat
    assert "Биелэлтийн нийт дүн" not in flat and "Хүрсэн түвшин" not in flat and "ТӨСӨЛ" not in flat
    assert "БОЛОВСРУУЛСАН" in flat.split("6.3.")[-1]  # the preparer signs under the table
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", pdf, png], check=True)
    page = next(tmp_path.glob("page*.png"))
    from PIL import Image

    with Image.open(page) as image:
        assert image.width > image.height  # A4 landscape


def test_an_empty_aimag_or_organization_stops_finalize_naming_the_field(year, tmp_path):
    bare = tmp_path / "bare.tailan"
    year.ok(year.soum("import", SAMPLE_TXT, "--db", bare))
    year.score_all(bare)
    codes = [p["code"] for p in year.show(bare)["problems"]]
    assert "empty-aimag" in codes
    refused = year.soum("finalize", bare)
    assert refused.returncode == 2 and "Аймгийн нэр (aimag) хоосон" in refused.stderr.decode()
    year.ok(year.soum("set", bare, "--report-field", "organization", "--value", " "))
    refused = year.soum("finalize", bare)
    assert "Байгууллагын нэр (organization) болон Аймгийн нэр (aimag) хоосон" in refused.stderr.decode()
    year.ok(year.soum("set", bare, "--report-field", "aimag", "--value", "Өвөрхангай"))
    year.ok(year.soum("set", bare, "--report-field", "organization", "--value", "Нарийнтээл сум"))
    assert "empty-aimag" not in [p["code"] for p in year.show(bare)["problems"]]
    year.ok(year.soum("finalize", bare))


def test_next_never_replaces_a_file_and_leaves_its_source_as_it_was(year, tmp_path):
    source, taken = tmp_path / "2023.tailan", tmp_path / "taken.tailan"
    taken.write_bytes(b"mine")
    before = digest(source)
    refused = year.soum("next", source, "-o", taken, "--period", "plan")
    assert refused.returncode == 2 and "аль хэдийн байна" in refused.stderr.decode()
    assert taken.read_bytes() == b"mine" and digest(source) == before
    year.ok(year.soum("next", source, "-o", tmp_path / "2025.tailan", "--period", "plan", "--year", "2025"))
    assert year.show(tmp_path / "2025.tailan")["year"] == 2025 and digest(source) == before


# ------------------------------------------------------------------ the call
def _call(year, deadline: str, period: str = "half-year", y: int = 2024) -> Path:
    folder = year.tmp / "inbox"
    out = Path(year.ok(year.at_aimag("call", year.aimag, "--year", str(y), "--period", period, "--deadline",
                                     deadline, "-o", folder)).splitlines()[0])
    assert out.suffix == ".tailan-call" and out.parent == folder
    return out


def _half_year(year, tmp_path) -> Path:
    half = tmp_path / "half.tailan"
    year.ok(year.soum("next", tmp_path / "2023.tailan", "-o", tmp_path / "plan.tailan", "--period", "plan"))
    year.ok(year.soum("next", tmp_path / "plan.tailan", "-o", half, "--period", "half-year"))
    year.ok(year.soum("set", half, "--report-field", "aimag", "--value", ""))
    return half


def test_the_call_is_opened_once_its_key_compared_and_it_fills_the_aimag(year, tmp_path):
    deadline = (datetime.date.today() + datetime.timedelta(days=12)).isoformat()
    call = _call(year, deadline)
    half = _half_year(year, tmp_path)
    assert year.show(half)["call"] is None
    before = digest(half)
    first = year.soum("call-open", half, call)
    assert first.returncode == 2 and "анх удаа" in first.stderr.decode()
    assert digest(half) == before  # nothing kept, nothing filled
    year.ok(year.soum("call-open", half, call, "--accept-key"))
    shown = year.show(half)
    assert shown["aimag"] == "Өвөрхангай"
    assert {k: shown["call"][k] for k in ("aimag", "year", "period", "deadline")} == {
        "aimag": "Өвөрхангай", "year": 2024, "period": "half-year", "deadline": deadline}
    assert shown["call"]["key_code"] in first.stderr.decode()  # the code the officer compared
    assert not [p for p in shown["problems"] if p["code"].startswith("call-")]
    assert "12 хоног үлдсэн" in year.ok(year.soum("show", half))
    # a later call of the same aimag: its key is known, no question
    year.ok(year.soum("call-open", half, _call(year, deadline, "annual")))
    shown = year.show(half)
    assert shown["call"]["period"] == "annual"
    assert [p["code"] for p in shown["problems"] if p["code"].startswith("call-")] == ["call-period-differs"]
    year.ok(year.soum("set", half, "--report-field", "year", "--value", "2023"))
    assert {p["code"] for p in year.show(half)["problems"]} >= {"call-period-differs", "call-year-differs"}


def test_calls_tampered_foreign_misaddressed_or_replayed_are_refused(year, tmp_path, monkeypatch):
    call = _call(year, "2024-07-05")
    half = _half_year(year, tmp_path)
    year.ok(year.soum("call-open", half, call, "--accept-key"))
    kept = digest(half)

    def refused(path, why: str, target=half):
        result = year.soum("call-open", target, path, "--accept-key")
        assert result.returncode == 2, result.stdout
        assert why in result.stderr.decode()
        assert "Traceback" not in result.stderr.decode()

    refused(call, "аль хэдийн нээсэн")  # replayed
    data = json.loads(call.read_text(encoding="utf-8"))
    data["body"]["deadline"] = "2024-12-31"
    tampered = tmp_path / "tampered.tailan-call"
    tampered.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused(tampered, "гарын үсэг агуулгатай таарахгүй")
    # another PC calling itself Өвөрхангай: a key the soum never accepted
    other = tmp_path / "other.tailan"
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "forger-pc"))
    assert run_cli("register", other, "--aimag", "Өвөрхангай").returncode == 0
    forged = Path(run_cli("call", other, "--year", "2024", "--period", "half-year", "--deadline", "2024-08-01",
                          "-o", tmp_path).stdout.decode().splitlines()[0])
    refused(forged, "хүлээн зөвшөөрсөн түлхүүрийнх биш")
    # another aimag's genuine call, and a call that does not name this organization
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "arkhangai-pc"))
    arkhangai = tmp_path / "arkhangai.tailan"
    assert run_cli("register", arkhangai, "--aimag", "Архангай").returncode == 0
    foreign = Path(run_cli("call", arkhangai, "--year", "2024", "--period", "half-year", "--deadline",
                           "2024-08-01", "-o", tmp_path).stdout.decode().splitlines()[0])
    refused(foreign, "өөр аймгийн дуудлагыг нээхгүй")
    year.ok(year.at_aimag("expected", year.aimag, "--remove", "Нарийнтээл сум"))
    elsewhere = _call(year, "2024-09-01", "annual")
    refused(elsewhere, "жагсаалтад алга")
    assert digest(half) == kept
    for content in (b"", b"{", "[1, 2]".encode(), b'{"body": {"format": "tailan-call-v1"}, "signature": "00"}',
                    b"x" * 3_000_000):
        bad = tmp_path / "bad.tailan-call"
        bad.write_bytes(content)
        result = year.soum("call-open", half, bad)
        said = result.stderr.decode()
        assert result.returncode == 2 and "Traceback" not in said and "дуудлаг" in said, (content[:20], said)
    assert "Traceback" not in year.soum("call-open", half, tmp_path / "nothing.tailan-call").stderr.decode()
    assert digest(half) == kept


def test_the_not_sent_list_counts_the_days_to_the_deadline(year, tmp_path):
    deadline = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    _call(year, deadline)
    data = year.ranking()
    assert data["call"] == {"year": 2024, "period": "half-year", "deadline": deadline}
    assert sorted((p["organization"], p["days_left"]) for p in data["not_sent"]) == [
        ("Баян-Өндөр сум", -3), ("Нарийнтээл сум", -3)]
    assert "Баян-Өндөр сум (3 хоног хоцорсон)" in year.ok(year.at_aimag("ranking", year.aimag))


# ------------------------------------------------------------------ the notice of a rejection
def _rejected(year, tmp_path) -> tuple[Path, int]:
    """A soum's annual report whose key the aimag does not know: it waits, and the reviewer rejects it."""
    annual = tmp_path / "annual.tailan"
    year.ok(year.soum("next", tmp_path / "2023.tailan", "-o", annual, "--period", "annual", "--year", "2024"))
    year.score_all(annual)
    status, waiting = year.consolidate(year.send(annual))
    assert status == "pending"
    return annual, waiting["id"]


def test_the_rejection_goes_back_as_a_signed_notice(year, tmp_path):
    annual, decision = _rejected(year, tmp_path)
    said = year.ok(year.at_aimag("decide", year.aimag, "--reject", str(decision), "--reason",
                                 "Хүрсэн түвшинд тоо баримт алга."))
    assert "Татгалзлаа" in said
    notice = Path(year.ok(year.at_aimag("notice", year.aimag, "--decision", str(decision), "-o",
                                        tmp_path / "inbox")).strip())
    first = year.soum("receipt-open", annual, notice)
    assert first.returncode == 2 and "анх удаа" in first.stderr.decode()
    year.ok(year.soum("receipt-open", annual, notice, "--accept-key"))
    receipt = year.show(annual)["receipt"]
    assert (receipt["status"], receipt["reason"], receipt["revision"]) == ("rejected", "Хүрсэн түвшинд тоо баримт алга.", 1)
    assert "татгалзсан" in year.ok(year.soum("show", annual))
    # the next revision is made and sent: the notice still names what was wrong meanwhile
    year.ok(year.soum("reopen", annual))
    assert year.show(annual)["receipt"]["status"] == "rejected"


def test_notices_tampered_foreign_misaddressed_or_replayed_are_refused(year, tmp_path, monkeypatch):
    annual, decision = _rejected(year, tmp_path)
    refused_early = year.at_aimag("notice", year.aimag, "--decision", str(decision), "-o", tmp_path)
    assert refused_early.returncode == 2 and "татгалзаагүй" in refused_early.stderr.decode()
    year.ok(year.at_aimag("decide", year.aimag, "--reject", str(decision)))
    no_reason = year.at_aimag("notice", year.aimag, "--decision", str(decision), "-o", tmp_path)
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr.decode()
    year.ok(year.at_aimag("decide", year.aimag, "--reject", str(decision), "--reason", "Дутуу."))
    notice = Path(year.ok(year.at_aimag("notice", year.aimag, "--decision", str(decision), "-o",
                                        tmp_path / "inbox")).strip())
    year.ok(year.soum("receipt-open", annual, notice, "--accept-key"))
    kept = digest(annual)

    def refused(path, why: str, target=annual):
        result = year.soum("receipt-open", target, path, "--accept-key")
        assert result.returncode == 2 and why in result.stderr.decode(), result.stderr.decode()

    refused(notice, "аль хэдийн хадгалсан")  # replayed
    data = json.loads(notice.read_text(encoding="utf-8"))
    data["body"]["reason"] = "Зүгээр."
    tampered = tmp_path / "tampered.tailan-receipt"
    tampered.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused(tampered, "гарын үсэг агуулгатай таарахгүй")
    other = tmp_path / "other-soum.tailan"  # another organization's file
    year.ok(year.soum("import", SAMPLE_TXT, "--db", other, "--aimag", "Өвөрхангай", "--organization", "Өлзийт сум"))
    refused(notice, "өөр байгууллагын мэдэгдэл", target=other)
    elsewhere = tmp_path / "other-aimag.tailan"  # the same soum's name in another aimag's file
    year.ok(year.soum("import", SAMPLE_TXT, "--db", elsewhere, "--aimag", "Архангай"))
    refused(notice, "өөр аймгийн мэдэгдэл", target=elsewhere)
    huge = tmp_path / "huge.tailan-receipt"
    huge.write_bytes(b'{"body": {"format": "tailan-notice-v1"}, "x": "' + b"a" * 3_000_000 + b'"}')
    assert year.soum("receipt-open", annual, huge).returncode == 2
    # a notice signed by another PC in the aimag's name
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "forger-pc"))
    forger = tmp_path / "forger.tailan"
    assert run_cli("register", forger, "--aimag", "Өвөрхангай").returncode == 0
    from core.aimag.receipt import aimag_signing_key
    from core.trust.aimag_message import canonical, file_bytes
    from core.trust.keys import public_key_hex
    from core.trust.signing import sign

    key = aimag_signing_key("Өвөрхангай")
    body = dict(json.loads(notice.read_text(encoding="utf-8"))["body"], id="forged", aimag_public_key=public_key_hex(key))
    forged = tmp_path / "forged.tailan-receipt"
    forged.write_bytes(file_bytes(body, sign(key, canonical(body))))
    refused(forged, "хүлээн зөвшөөрсөн түлхүүрийнх биш")
    assert digest(annual) == kept
