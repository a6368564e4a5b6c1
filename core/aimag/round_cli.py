"""Command-line side of the aimag's round: ``call`` (the signed call for reports) and ``notice``
(a rejection's reason, signed, back down to the soum)."""

from __future__ import annotations

import argparse

from core.aimag.consolidate_cli import open_aimag_file
from core.cli.common import EXIT_OK, SubCommands, days_text
from core.report.model import Period
from core.trust.aimag_message import days_left


def add_parsers(sub: SubCommands) -> None:
    """Registers call and notice."""
    p = sub.add_parser("call", help="тайлан ирүүлэх дуудлага (гарын үсэгтэй): он, хугацаа, эцсийн өдөр")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--year", required=True, type=int, metavar="Y")
    p.add_argument("--period", required=True, choices=[p.value for p in Period])
    p.add_argument("--deadline", required=True, metavar="YYYY-MM-DD")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="дуудлагын файл эсвэл хавтас")

    p = sub.add_parser("notice", help="татгалзсан шийдвэрийн шалтгааныг байгууллагад (гарын үсэгтэй) бичих")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--decision", required=True, type=int, metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="мэдэгдлийг бичих хавтас (эсвэл файл)")


def cmd_call(args: argparse.Namespace) -> int:
    """``call``: signs the call with the aimag's key, keeps it in the aimag's file, writes it; prints its path; 0."""
    from core.aimag.call import write_call
    from core.aimag.receipt import aimag_key_code

    from core.aimag.register import aimag_name

    with open_aimag_file(args.db, read_only=False) as rf:
        path = write_call(rf, args.year, args.period, args.deadline, args.output)
        code = aimag_key_code(aimag_name(rf))
    print(path)
    print(f"Дуудлагыг бичлээ: {args.year} оны {Period(args.period).document}, эцсийн хугацаа {args.deadline.strip()} "
          f"({days_text(days_left(args.deadline.strip()))}). Албан бичигт аймгийн түлхүүрийн кодыг бичнэ үү: {code}")
    return EXIT_OK


def cmd_notice(args: argparse.Namespace) -> int:
    """``notice``: writes the signed notice of a rejected file into a folder (the file only read); prints it; 0."""
    from core.aimag.notice import write_notice

    with open_aimag_file(args.db, read_only=True) as rf:
        print(write_notice(rf, args.decision, args.output))
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "call": cmd_call,
    "notice": cmd_notice,
}
