"""``tailan-cli export-docx FILE [--report ID] -o OUT.docx``: the report as an editable Word file.

Imported by ``core.cli`` on every run to register the sub-command, so it imports
nothing heavy itself: python-docx is loaded only when a .docx is written. (Import
of a .docx is the ordinary ``import`` command, which chooses by the file.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import EXIT_OK, SubCommands, keeping_backup
from core.errors import TailanError
from core.storage import ReportFile


def add_parsers(sub: SubCommands) -> None:
    """Registers ``export-docx``."""
    p = sub.add_parser("export-docx", help="тайланг засварлах боломжтой Word (.docx) файл болгох")
    p.add_argument("file", metavar="FILE", help="Тайлангийн файл")
    p.add_argument("--report", metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="бичих Word файл")




def cmd_export_docx(args: argparse.Namespace) -> int:
    """``export-docx``: writes the .docx whole or not at all, never over the report file; counts on stderr; 0."""
    from core.tables.docx.writer import export_docx

    output = Path(args.output)
    if output.exists() and output.resolve() == Path(args.file).resolve():
        raise TailanError("Word файлыг тайлангийн файлын оронд бичихгүй. Өөр нэр сонгоно уу (жишээ нь тайлан.docx).")
    if output.suffix.lower() != ".docx":
        raise TailanError(f"«{output.name}»: Word файлын нэр .docx-ээр төгсөх ёстой.")
    with ReportFile.open(args.file, read_only=True) as rf:
        report = rf.load_report(rf.resolve_report_id(args.report))
    with keeping_backup(output):  # an earlier file of that name is kept beside it
        export_docx(report, output)
    print(f"Word: {output} ({len(report.goals)} зорилт, {len(report.measures())} арга хэмжээ)", file=sys.stderr)
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "export-docx": cmd_export_docx,
}
