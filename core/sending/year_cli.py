"""Command-line side of the soum's year: ``next`` (the next report in one step) and ``call-open``.

Registered with ``core.cli`` (``COMMAND_MODULES``) after the evidence commands.
"""

from __future__ import annotations

import argparse

from core.cli.common import EXIT_OK, SubCommands, days_text
from core.report.model import Period
from core.storage import ReportFile

PERIODS = [p.value for p in Period]


def add_parsers(sub: SubCommands) -> None:
    """Registers next and call-open."""
    p = sub.add_parser("next", help="энэ тайлангаас дараагийнхыг шинэ файлд үүсгэх (төлөвлөгөө → хагас жил → жил)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--report", metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="NEW.tailan", help="шинэ файл (байгаа файлыг солихгүй)")
    p.add_argument("--period", required=True, choices=PERIODS,
                   help="plan (төлөвлөгөө), half-year (хагас жилийн), annual (жилийн)")
    p.add_argument("--year", type=int, metavar="Y", help="он (өгөхгүй бол: жилийн дотор ижил, дараагийн жилд +1)")

    p = sub.add_parser("call-open", help="аймгийн дуудлагыг шалгаж тайланд хадгалах (аймгийн нэр, эцсийн хугацаа)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("call", metavar="CALL")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--accept-key", action="store_true",
                   help="аймгийн түлхүүрийг анх удаа зөвшөөрөх (кодыг албан бичигтэй тулгасны дараа)")


def cmd_next(args: argparse.Namespace) -> int:
    """``next``: writes the next report of the year into a new file; prints its path and what it holds; 0."""
    from core.sending.next_file import write_next_file

    with ReportFile.open(args.file, read_only=True) as rf:
        report = write_next_file(rf, rf.resolve_report_id(args.report), args.output, Period(args.period), args.year)
    print(args.output)
    print(f"Үүсгэлээ: {report.organization or 'байгууллага'}, {report.year or '?'} оны {report.period.document}; "
          f"{len(report.goals)} зорилт, {len(report.measures())} арга хэмжээ.")
    return EXIT_OK


def cmd_call_open(args: argparse.Namespace) -> int:
    """``call-open``: keeps the aimag's call with the report once its key is accepted (exit 2 showing the
    key's code the first time, without ``--accept-key``); fills the aimag's name; 0."""
    from core.sending.call import open_call

    with ReportFile.open(args.file) as rf:
        call = open_call(rf, args.call, accept_key=args.accept_key, report_id=args.report)
    print(f"Аймгийн дуудлагыг хадгаллаа: {call.describe()} ({days_text(call.days_left())}); "
          f"аймгийн түлхүүр {call.key_code}.")
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "next": cmd_next,
    "call-open": cmd_call_open,
}
