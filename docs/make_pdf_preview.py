"""Regenerates ``docs/pdf-sample-page1.png``: page 1 of the sample's printout.

The sample is printed as scored on the original (6.1-6.3 scored, total 82,8), so
the picture shows the final form. Run from the repository root:

    .venv/bin/python docs/make_pdf_preview.py

Needs poppler's ``pdftoppm``. Not a test: it writes into the source tree on purpose.
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

OUT = ROOT / "docs" / "pdf-sample-page1.png"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sample.pdf"
        export_pdf(final_report(), pdf)
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
        OUT.write_bytes(stem.with_suffix(".png").read_bytes())
    print(f"{OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
