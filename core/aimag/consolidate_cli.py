"""Command-line side of the aimag's consolidation: verify, consolidate, ranking, expected.

Registered with ``core.cli`` (``COMMAND_MODULES``) right after the soum's sending
commands, so ``tailan-cli --help`` lists them in the order they are used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.cli.common import EXIT_BAD_INPUT, EXIT_NEEDS_REVIEW, EXIT_OK, SubCommands, keeping_backup, one_line
from core.errors import TailanError
from core.storage import ReportFile
from core.trust.signing import key_code


def open_aimag_file(path: str, read_only: bool) -> ReportFile:
    """The aimag's consolidation file for a command that needs one already made (a clear message if not)."""
    if not Path(path).exists():
        raise TailanError(f"«{path}» файл олдсонгүй. Эхлээд consolidate хийнэ үү.")
    return ReportFile.open(path, read_only=read_only)


def add_parsers(sub: SubCommands) -> None:
    """Registers verify, consolidate, ranking and expected."""
    p = sub.add_parser("verify", help="ирсэн файлууд бүрэн, өөрчлөгдөөгүй, баталгаажсан эсэхийг шалгах")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--db", metavar="AIMAG.tailan", help="гарын үсгийг аймгийн бүртгэлтэй тулгах")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("consolidate", help="ирсэн файлуудыг аймгийн нэгтгэлд нэгтгэх")
    p.add_argument("files", nargs="+", metavar="FILE", help="файлууд эсвэл хавтас")
    p.add_argument("--db", required=True, metavar="AIMAG.tailan")
    p.add_argument("--aimag", metavar="NAME", help="энэ нэгтгэлийн аймгийн нэр (өөр аймгийн файл хянагчид очно)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("ranking", help="аймгийн нэгтгэлийн эрэмбэ")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", metavar="OUT.csv")
    p.add_argument("--pdf", metavar="OUT.pdf")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="Excel файл (тоонууд тоогоор, ямар ч хэлний Excel-д)")

    p = sub.add_parser("expected", help="тайлан ирүүлэх ёстой байгууллагуудын жагсаалт")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--add", nargs="*", default=[], metavar="NAME")
    p.add_argument("--remove", nargs="*", default=[], metavar="NAME")


def cmd_verify(args: argparse.Namespace) -> int:
    """One file at a time, printed as it is checked: memory does not grow with the number of files."""
    from core.aimag.signer import signer_line
    from core.received.verify import check_submission

    aimag = None
    if args.db:
        if not Path(args.db).exists():
            raise TailanError(f"«{args.db}» файл олдсонгүй.")
        aimag = ReportFile.open(args.db, read_only=True)
    all_ok, all_known = True, True
    if args.json:
        print("[", flush=True)
    for index, name in enumerate(args.files):
        verdict = check_submission(Path(name))
        all_ok = all_ok and verdict.ok
        if verdict.ok:
            line, known = signer_line(aimag, verdict.report)
            verdict.reason += "; " + line
            all_known = all_known and known
        if args.json:
            item = {"file": str(verdict.path), "ok": verdict.ok, "reason": verdict.reason,
                    "fingerprint": verdict.report.fingerprint if verdict.report else None,
                    "organization": verdict.report.organization if verdict.report else None,
                    "revision": verdict.report.revision if verdict.report else None,
                    "key_code": key_code(verdict.report.public_key) if verdict.report else None}
            text = json.dumps(item, ensure_ascii=False, indent=2)
            print("  " + text.replace("\n", "\n  ") + ("," if index < len(args.files) - 1 else ""), flush=True)
        else:
            print(one_line(verdict.describe()), flush=True)
        del verdict
    if args.json:
        print("]", flush=True)
    if aimag is not None:
        aimag.close()
    if not all_ok:
        return EXIT_BAD_INPUT
    return EXIT_OK if all_known else EXIT_NEEDS_REVIEW


def cmd_consolidate(args: argparse.Namespace) -> int:
    """``consolidate``: merges received files, a line per file; 0, or 1 when any was rejected or waits."""
    from core.aimag.consolidate import Outcome, consolidate

    words = {
        Outcome.ADDED: "НЭМСЭН",
        Outcome.UPDATED: "ШИНЭЧИЛСЭН",
        Outcome.SKIPPED: "ДАВХАРДСАН",
        Outcome.REJECTED: "ТАТГАЛЗСАН",
        Outcome.PENDING: "ШИЙДВЭР ХҮЛЭЭЖ БАЙНА",
    }

    def progress(done: int, total: int, outcome) -> None:
        if not args.json:
            tail = f" [шийдвэр #{outcome.id}]" if outcome.id is not None else ""
            print(f"[{done}/{total}] {one_line(Path(outcome.file).name)}: {words[outcome.status]} — "
                  f"{one_line(outcome.reason)}{tail}")

    result = consolidate(args.files, args.db, progress, aimag=args.aimag)
    if result.count(Outcome.PENDING) and not _aimag_named(args.db):
        print(f"Аймгийн нэр тохируулаагүй: шийдвэр гаргахаас өмнө tailan-cli register {args.db} --aimag НЭР "
              "(өөр аймгийн файлыг ялгахын тулд; ирсэн файлаас авахгүй).", file=sys.stderr)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"Нэмсэн {result.count(Outcome.ADDED)}, шинэчилсэн {result.count(Outcome.UPDATED)}, "
              f"давхардсан {result.count(Outcome.SKIPPED)}, татгалзсан {result.count(Outcome.REJECTED)}, "
              f"хянагчийн шийдвэр хүлээж буй {result.count(Outcome.PENDING)}")
        if result.count(Outcome.PENDING):
            print(f"Шийдвэр гаргах: tailan-cli pending {args.db}; tailan-cli decide {args.db} --accept ID | --reject ID")
    return EXIT_OK if result.clean else EXIT_NEEDS_REVIEW


def _aimag_named(db: str) -> bool:
    from core.aimag.register import aimag_name

    with ReportFile.open(db, read_only=True) as rf:
        return bool(aimag_name(rf))


def cmd_ranking(args: argparse.Namespace) -> int:
    """``ranking``: the aimag's ranking printed, or written as CSV, PDF or Excel; the file is only read; 0."""
    from core.aimag.deadlines import call_json, latest_call, not_sent
    from core.aimag.ranking import ranking, write_ranking_csv
    from core.aimag.register import aimag_name
    from core.cli.common import days_text
    from core.report.model import Period

    if not Path(args.db).exists():
        raise TailanError(f"«{args.db}» файл олдсонгүй. Эхлээд consolidate хийнэ үү.")
    with ReportFile.open(args.db, read_only=True) as rf:
        rows = ranking(rf)
        pending = not_sent(rf, rows)
        call = latest_call(rf)
        aimag = aimag_name(rf)
    missing = [p.organization for p in pending]
    if args.csv:
        with keeping_backup(args.csv):
            write_ranking_csv(rows, args.csv)
    if args.pdf:
        from core.aimag.ranking_pdf import export_ranking_pdf
        from core.aimag.receipt import aimag_key_code

        with keeping_backup(args.pdf):
            export_ranking_pdf(rows, missing, args.pdf, aimag_key_code(aimag) if aimag else "")
    if args.xlsx:
        from core.aimag.ranking_xlsx import write_ranking_xlsx

        with keeping_backup(args.xlsx):
            write_ranking_xlsx(rows, missing, args.xlsx)
    if args.json:
        print(json.dumps({"ranking": [r.to_json() for r in rows], "missing": missing, "call": call_json(call),
                          "not_sent": [p.to_json() for p in pending]}, ensure_ascii=False, indent=2))
    elif not (args.csv or args.pdf or args.xlsx):
        for r in rows:
            plan = "" if r.plan is None else (f"  төлөвлөгөөнөөс: нэмсэн {r.plan['added']}, хассан {r.plan['dropped']}, "
                                              f"өөрчилсөн {r.plan['changed']}")
            print(f"{r.rank:>3}. {one_line(r.organization):<30} {r.year} {Period(r.period).label:<12} {r.total_display or '—':>6}"
                  f"  үнэлгээгүй {r.unscored}  хувилбар {r.revision}  {r.fingerprint[:16]}{plan}")
        if call is not None and pending:
            print(f"Ирүүлээгүй ({call.year} оны {Period(call.period).document}, эцсийн хугацаа {call.deadline}): "
                  + ", ".join(f"{one_line(p.organization)} ({days_text(p.days_left)})" for p in pending))
        elif missing:
            print("Ирүүлээгүй: " + ", ".join(map(one_line, missing)))
    return EXIT_OK


def cmd_expected(args: argparse.Namespace) -> int:
    """``expected``: prints the organizations that must send a report, after ``--add``/``--remove``; 0."""
    from core.aimag.register import expected_organizations, set_expected

    with ReportFile.open(args.db, create=bool(args.add)) as rf:
        names = set_expected(rf, args.add, args.remove) if (args.add or args.remove) else expected_organizations(rf)
    for name in names:
        print(one_line(name))
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "verify": cmd_verify,
    "consolidate": cmd_consolidate,
    "ranking": cmd_ranking,
    "expected": cmd_expected,
}
