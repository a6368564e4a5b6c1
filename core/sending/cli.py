"""Command-line side of sending upward: finalize, reopen, export-submission.
Registered with ``core.cli`` like the PDF command (the aimag's commands are ``core.aimag.consolidate_cli``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import EXIT_OK, SubCommands
from core.errors import TailanError
from core.storage import ReportFile
from core.trust.fingerprint import short_code
from core.trust.signing import key_code


def add_parsers(sub: SubCommands) -> None:
    """Registers finalize, reopen and export-submission."""
    for name, text in (("finalize", "тайланг баталгаажуулах (засахгүй болно, хурууны хээ тооцно)"),
                       ("reopen", "баталгаажсан тайланг засварлахаар дахин нээх (шинэ хувилбар)")):
        p = sub.add_parser(name, help=text)
        p.add_argument("file", metavar="FILE")
        p.add_argument("--report", metavar="ID")
        if name == "finalize":
            p.add_argument("--new-key", action="store_true",
                           help="энэ компьютер дээр түлхүүр алга бол шинээр үүсгэхийг батлах (аймагт шинэ кодоо мэдэгдэнэ)")

    p = sub.add_parser("export-submission", help="аймаг руу илгээх файл бичих")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--report", metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="OUT.tailan", help="файл эсвэл хавтас (USB)")


def cmd_finalize(args: argparse.Namespace) -> int:
    """``finalize``: refuses a report with unscored measures; prints the fingerprint, the codes on stderr; 0."""
    from core.sending.lifecycle import finalize

    notices: list[str] = []
    with ReportFile.open(args.file) as rf:
        report = finalize(rf, rf.resolve_report_id(args.report), new_key=args.new_key, notices=notices)
    for notice in notices:
        print(notice, file=sys.stderr)
    print(f"Баталгаажлаа. Хувилбар {report.revision}, хурууны хээ {report.fingerprint}")
    print(f"Хэвлэмэл дээрх код: {short_code(report.fingerprint)}; гарын үсгийн түлхүүр: {key_code(report.public_key)}",
          file=sys.stderr)
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace) -> int:
    """``reopen``: a finalized report becomes editable as its next revision, to be finalized and sent again; 0."""
    from core.sending.lifecycle import reopen

    with ReportFile.open(args.file) as rf:
        report = reopen(rf, rf.resolve_report_id(args.report))
    print(f"Засварлахаар нээлээ. Шинэ хувилбар {report.revision}; дахин баталгаажуулж илгээнэ үү.")
    return EXIT_OK


def cmd_export_submission(args: argparse.Namespace) -> int:
    """``export-submission``: writes and checks the file to send, an older one kept beside it; prints its path; 0."""
    from core.sending.export import export_submission, submission_file_name
    from core.storage.replacing import making_room, same_file

    with ReportFile.open(args.file, read_only=True) as rf:
        report_id = rf.resolve_report_id(args.report)
        target = Path(args.output)
        if target.is_dir():
            target = target / submission_file_name(rf.load_report(report_id))
        if target.exists() and same_file(target, args.file):
            raise TailanError("Илгээх файлыг тайлангийн файлын оронд бичих боломжгүй. Өөр нэр сонгоно уу.")
        # an earlier file under that name is never lost: it is kept beside it first
        with making_room(target, replace=True) as backup:
            path = export_submission(rf, report_id, target)
    print(path)
    if backup is not None:
        print(f"Өмнөх «{target.name}» файлыг «{backup.name}» нэрээр хадгалав.", file=sys.stderr)
    print("Илгээх файлыг бичиж, шалгалаа.", file=sys.stderr)
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "finalize": cmd_finalize,
    "reopen": cmd_reopen,
    "export-submission": cmd_export_submission,
}
