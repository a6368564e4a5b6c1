"""``tailan-cli export-pdf FILE [--report ID] -o OUT.pdf``: the printout from the command line.

Imported by ``core.cli`` on every run to register the sub-command, so it imports
nothing heavy itself: reportlab is loaded only when a PDF is actually written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import EXIT_OK, SubCommands, keeping_backup
from core.errors import TailanError
from core.storage import ReportFile


def add_parsers(sub: SubCommands) -> None:
    """Registers ``export-pdf``."""
    p = sub.add_parser("export-pdf", help="тайланг хэвлэх PDF болгох (A4 хөндлөн, гарын үсэгт бэлэн)")
    p.add_argument("file", metavar="FILE", help="Тайлангийн файл")
    p.add_argument("--report", metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="бичих PDF файл")




def cmd_export_pdf(args: argparse.Namespace) -> int:
    """``export-pdf``: writes the printout (a draft while scores are missing); pages and warnings on stderr; 0."""
    from core.pdf.document import export_pdf
    from core.pdf.preflight import preflight
    from core.report.checks import ProblemCode

    output = Path(args.output)
    if output.exists() and output.resolve() == Path(args.file).resolve():
        raise TailanError("PDF-ийг тайлангийн файлын оронд бичихгүй. Өөр нэр сонгоно уу (жишээ нь тайлан.pdf).")
    with ReportFile.open(args.file, read_only=True) as rf:
        report = rf.load_report(rf.resolve_report_id(args.report))
    with keeping_backup(output):  # an earlier file of that name is kept beside it
        pages = export_pdf(report, output)
    problems = preflight(report)
    unscored = [p.number for p in problems if p.kind == ProblemCode.UNSCORED]
    print(f"PDF: {output} ({pages} хуудас)", file=sys.stderr)
    if unscored:
        print(f"ТӨСӨЛ: үнэлгээгүй арга хэмжээ: {', '.join(unscored)}; нийт дүнг төсөл гэж тэмдэглэв.", file=sys.stderr)
    for p in problems:
        if p.kind != ProblemCode.UNSCORED:
            print(f"Анхааруулга: {p.message}", file=sys.stderr)
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "export-pdf": cmd_export_pdf,
}
