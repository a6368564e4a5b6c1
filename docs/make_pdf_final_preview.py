"""Regenerates ``docs/pdf-final-signature-page.png``: the last page of the sample,
finalized, with the fingerprint's short code in the margin and the QR code beside
the full fingerprint under the signatures. Run from the repository root:

    .venv/bin/python docs/make_pdf_final_preview.py

The fingerprint differs on every run (it covers the time of finalizing). Needs
poppler's ``pdftoppm``. Not a test: it writes into the source tree on purpose.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pdf_helpers import final_report  # noqa: E402

from core.pdf import export_pdf  # noqa: E402
from core.sending.lifecycle import finalize  # noqa: E402
from core.storage import ReportFile  # noqa: E402

OUT = ROOT / "docs" / "pdf-final-signature-page.png"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = final_report()
        with ReportFile.create(Path(tmp) / "sample.tailan") as rf:
            rf.add_report(report)
            report = finalize(rf, report.id)
        pdf = Path(tmp) / "sample.pdf"
        pages = export_pdf(report, pdf)
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(pages), "-l", str(pages), "-singlefile", str(pdf), str(stem)],
                       check=True)
        OUT.write_bytes(stem.with_suffix(".png").read_bytes())
    print(f"{OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
