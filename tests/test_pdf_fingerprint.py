"""The fingerprint on the printout: the short code on every page of a finalized report,
and on the signature page the full fingerprint with a QR code of it.

There is no QR decoder in the environment, so the QR code is tested as data (the text
the widget encodes, as UTF-8 bytes) and as a PDF object on the signature page; the
rendered page was looked at by eye (``docs/pdf-final-signature-page.png``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import big_report, final_report, page_texts, sample_report, squash

from core.pdf import document, export_pdf, layout
from core.sending.lifecycle import finalize
from core.storage import ReportFile
from core.trust.fingerprint import short_code
from core.trust.signing import key_code


def finalized(report, tmp_path: Path, name: str = "report.tailan"):
    """``report`` finalized by core for real (fingerprint computed by ``finalize``)."""
    with ReportFile.create(tmp_path / name) as rf:
        rf.add_report(report)
        return finalize(rf, report.id)


def form_xobjects(pdf: Path) -> list[int]:
    """For each page, how many form XObjects it uses."""
    from pypdf import PdfReader

    counts = []
    for page in PdfReader(str(pdf)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        counts.append(sum(1 for ref in xobjects.values() if ref.get_object().get("/Subtype") == "/Form"))
    return counts


@pytest.fixture(scope="module")
def final(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fingerprint")
    report = finalized(final_report(), folder)
    pdf = folder / "final.pdf"
    export_pdf(report, pdf)
    return report, pdf


def test_the_short_code_stands_on_every_page(final):
    report, pdf = final
    pages = page_texts(pdf)
    assert len(pages) > 1
    line = f"Хурууны хээ: {short_code(report.fingerprint)} · Түлхүүр: {key_code(report.public_key)}"
    assert layout.fingerprint_line(report) == line
    for number, text in enumerate(pages, 1):
        assert squash(line) in squash(text), number


def test_the_signature_page_carries_the_full_fingerprint_and_the_qr_code(final):
    report, pdf = final
    pages = page_texts(pdf)
    last = squash(pages[-1])
    assert report.fingerprint in last
    assert squash(f"Түлхүүр (гарын үсгийн): {key_code(report.public_key)}") in last
    assert "Б.ИЧИННОРОВ." in last and "Б.СУГАР." in last and "82,8" in last
    assert all(report.fingerprint not in squash(p) for p in pages[:-1])
    counts = form_xobjects(pdf)
    assert counts[-1] == 1 and sum(counts[:-1]) == 0


def test_the_qr_code_holds_organization_year_period_total_and_fingerprint(final):
    report, _ = final
    expected = "\n".join(["Tailan", "Нарийнтээл сум", "2023", "annual", "82,8", report.fingerprint])
    assert layout.qr_text(report) == expected
    rows = layout.table_rows(report)
    assert rows[-1].kind == "fingerprint"
    assert rows[-1].cells[-1].qr == expected
    assert report.fingerprint in rows[-1].cells[1].text
    # the story: the table's last cell is the QR flowable, its widget encodes the text as UTF-8
    table = document.build_story(report)[-1]
    flowable = table.cell_values[-1][-1][0]
    widget = flowable.drawing.contents[0]
    assert widget.value == expected
    assert b"".join(d.data for d in widget.qr.dataList) == expected.encode("utf-8")
    widget.qr.make()
    assert widget.qr.getModuleCount() >= 21  # a real symbol was built


def test_the_qr_code_stays_in_the_block_kept_with_the_signatures(final):
    report, _ = final
    rows = layout.table_rows(report)
    style = layout.table_style(rows)
    nosplit = [s for s in style if s[0] == "NOSPLIT"]
    assert nosplit and nosplit[-1][2] == (-1, len(rows) - 1)
    assert nosplit[-1][1][1] <= layout.row_index(rows, "total") - 1


@pytest.mark.slow  # a long layout: the slow run
def test_a_long_finalized_report_has_the_qr_on_its_last_page_with_the_signatures(tmp_path):
    report = finalized(big_report(60), tmp_path)
    pdf = tmp_path / "long.pdf"
    pages = export_pdf(report, pdf)
    texts = page_texts(pdf)
    assert pages == len(texts) > 3
    code = squash(layout.fingerprint_line(report))
    assert all(code in squash(t) for t in texts)
    assert "Б.ТУРШИЛТ" in texts[-1] and report.fingerprint in squash(texts[-1])
    assert form_xobjects(pdf)[-1] == 1


@pytest.mark.parametrize("make", [sample_report, final_report], ids=["draft", "complete-not-finalized"])
def test_a_report_not_finalized_has_no_fingerprint(make, tmp_path):
    report = make()
    assert not report.is_final
    assert layout.fingerprint_line(report) == "" and layout.qr_text(report) == ""
    assert all(r.kind != "fingerprint" for r in layout.table_rows(report))
    pdf = tmp_path / "plain.pdf"
    export_pdf(report, pdf)
    text = "".join(page_texts(pdf))
    assert "Хурууны" not in text
    assert sum(form_xobjects(pdf)) == 0


def test_a_finalized_report_without_signatories_still_gets_its_qr_code(tmp_path):
    report = final_report()
    report.signatories = []
    report = finalized(report, tmp_path)
    rows = layout.table_rows(report)
    assert [r.kind for r in rows[-2:]] == ["gap", "fingerprint"]
    pdf = tmp_path / "nosign.pdf"
    export_pdf(report, pdf)
    assert form_xobjects(pdf)[-1] == 1
