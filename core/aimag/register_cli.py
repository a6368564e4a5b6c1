"""Command-line side of trust: keys on this PC, the aimag's register and the reviewer's decisions.

``key show`` prints an organization's key code on this PC; ``pending`` lists the
submissions waiting for the reviewer, ``decide`` settles one, ``register`` shows the
organizations with their accepted key codes, ``history`` and ``restore`` return an
organization to an earlier revision, ``retire-key`` stops a lost PC's key, ``purge``
drops the files the reviewer rejected (their decisions stay on record).
"""

from __future__ import annotations

import argparse
import json
import sys

from core.cli.common import EXIT_OK, SubCommands, one_line
from core.errors import TailanError
from core.aimag.consolidate_cli import open_aimag_file
from core.storage import ReportFile


def add_parsers(sub: SubCommands) -> None:
    """Registers key, pending, decide, register, retire-key, history and restore."""
    p = sub.add_parser("key", help="байгууллагын гарын үсгийн түлхүүр (энэ компьютер дээр)")
    p.add_argument("action", choices=["show"], help="show: түлхүүрийн кодыг харуулах (байхгүй бол үүсгэнэ)")
    p.add_argument("--organization", required=True, metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("pending", help="хянагчийн шийдвэр хүлээж буй файлууд")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--all", action="store_true", help="шийдсэнийг ч харуулах")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("decide", help="хүлээгдэж буй файлыг зөвшөөрөх эсвэл татгалзах")
    p.add_argument("db", metavar="AIMAG.tailan")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--accept", type=int, metavar="ID")
    group.add_argument("--reject", type=int, metavar="ID")
    p.add_argument("--reason", metavar="TEXT", help="татгалзсан шалтгаан (tailan-cli notice-оор байгууллагад очно)")

    p = sub.add_parser("purge", help="татгалзсан файлуудын агуулга, архивын хуулбарыг устгах (шийдвэр нь бүртгэлд үлдэнэ)")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--rejected", action="store_true", required=True, help="хянагчийн татгалзсан файлууд")

    p = sub.add_parser("register", help="аймгийн бүртгэл: байгууллагууд, тэдний түлхүүрийн код")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--aimag", "--aimag-name", dest="aimag", metavar="NAME",
                   help="энэ нэгтгэлийн аймгийн нэрийг тохируулах (файлыг зөвшөөрөхөөс өмнө)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("retire-key", help="алдагдсан/эвдэрсэн компьютерын түлхүүрийг хүчингүй болгох")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--code", required=True, metavar="XXXX-XXXX-XXXX-XXXX")

    p = sub.add_parser("history", help="байгууллагын ирүүлсэн бүх хувилбар")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--organization", required=True, metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("restore", help="байгууллагыг өмнөх хувилбар руу буцаах")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--organization", required=True, metavar="NAME")
    p.add_argument("--revision", required=True, type=int)
    p.add_argument("--year", type=int)
    p.add_argument("--period", choices=["annual", "half-year", "plan"])





def cmd_key(args: argparse.Namespace) -> int:
    """``key show``: prints the organization's key code on this PC (made on first use) and its file; 0."""
    from core.trust.keys import key_path, organization_key_code

    notices: list[str] = []
    code = organization_key_code(args.organization, notices=notices)
    for notice in notices:
        print(notice, file=sys.stderr)
    if args.json:
        print(json.dumps({"organization": args.organization, "key_code": code}, ensure_ascii=False))
    else:
        print(code)
        print(f"Түлхүүрийн файл: {key_path(args.organization)}")
    return EXIT_OK


def cmd_pending(args: argparse.Namespace) -> int:
    """``pending``: what waits for the reviewer (``--all``: every decision), with both key codes; 0."""
    from core.aimag.decisions import all_decisions, waiting

    with open_aimag_file(args.db, read_only=True) as rf:
        items = all_decisions(rf) if args.all else waiting(rf)
    if args.json:
        print(json.dumps([d.to_json() for d in items], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print("Шийдвэр хүлээж буй файл алга.")
    for d in items:
        changed = "  (ирснээс хойш нөхцөл өөрчлөгдсөн)" if d.changed else ""
        print(f"#{d.id} [{d.kind_label}] {one_line(d.file_name)}: {one_line(d.reason)}{changed}")
        registered = ", ".join(d.registered_key_codes) or "—"
        print(f"     ирсэн түлхүүр: {d.key_code}   бүртгэлтэй ({one_line(d.registered_name) or 'бүртгэлгүй'}): "
              f"{registered}" + (f"   [{d.status}]" if args.all else ""))
    return EXIT_OK


def cmd_decide(args: argparse.Namespace) -> int:
    """``decide``: accepts or rejects one waiting submission; prints what was done; 0."""
    from core.aimag.decisions import decide
    from core.aimag.notice import reject
    from core.aimag.register import aimag_name

    with open_aimag_file(args.db, read_only=False) as rf:
        accept = args.accept is not None
        if not accept:
            print(one_line(reject(rf, args.reject, args.reason or "")))
        elif args.reason:
            raise TailanError("--reason нь зөвхөн --reject-тэй хэрэглэгдэнэ.")
        elif not aimag_name(rf):
            raise TailanError(
                "Аймгийн нэр тохируулаагүй байна: энэ нэгтгэл аль аймгийнх болохыг хянагч эхлээд заана "
                f"(tailan-cli register {args.db} --aimag НЭР); ирсэн файлаас авахгүй. Дараа нь дахин шийднэ үү."
            )
        else:
            print(one_line(decide(rf, args.accept, accept)))
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    """``purge --rejected``: rejected files' content and archive copies dropped, their decisions kept; 0."""
    from core.aimag.archived import purge_rejected

    with open_aimag_file(args.db, read_only=False) as rf:
        purged, removed = purge_rejected(rf)
    if purged:
        print(f"Татгалзсан {purged} файлын агуулгыг устгалаа, архивын {removed} хуулбарыг устгалаа; шийдвэрүүд "
              "бүртгэлд хэвээр (дахин ирвэл татгалзана).")
    else:
        print("Устгах татгалзсан файл алга.")
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    """``register``: prints the organizations and their key codes; ``--aimag`` names the aimag (making the file); 0."""
    from core.aimag.register import aimag_name, organizations, set_aimag_name

    with ReportFile.open(args.db, create=bool(args.aimag), read_only=not args.aimag) as rf:
        if args.aimag:
            set_aimag_name(rf, args.aimag)
        orgs = organizations(rf)
        aimag = aimag_name(rf)
    if args.json:
        print(json.dumps({"aimag": aimag, "organizations": [o.__dict__ for o in orgs]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"Аймаг: {one_line(aimag) or '(тохируулаагүй)'}")
    for o in orgs:
        flag = "" if o.expected else "  (ирүүлэх шаардлагагүй)"
        print(f"{one_line(o.name)}{flag}: {', '.join(o.key_codes) or 'түлхүүргүй'}")
    return EXIT_OK


def cmd_retire_key(args: argparse.Namespace) -> int:
    """``retire-key``: a lost PC's key signs no more, its earlier reports stay; 0."""
    from core.aimag.register import retire_key

    with open_aimag_file(args.db, read_only=False) as rf:
        retire_key(rf, args.code.strip().upper())
    print(f"{args.code} түлхүүрийг хүчингүй болголоо; өмнө нь ирсэн тайлангууд хэвээр.")
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    """``history``: every revision an organization has sent, with its status; the file is only read; 0."""
    from core.aimag.decisions import history

    with open_aimag_file(args.db, read_only=True) as rf:
        rows = history(rf, args.organization)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        print(f"{r['year']} {r['period']:<9} хувилбар {r['revision']:<3} {r['status']:<10} {r['received_at'][:19]}"
              f"  {r['fingerprint'][:16]}  {one_line(r['file'])}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """``restore``: makes an earlier revision the organization's current one again; prints what was done; 0."""
    from core.aimag.decisions import restore

    with open_aimag_file(args.db, read_only=False) as rf:
        print(one_line(restore(rf, args.organization, args.revision, args.year, args.period)))
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "key": cmd_key,
    "pending": cmd_pending,
    "decide": cmd_decide,
    "register": cmd_register,
    "retire-key": cmd_retire_key,
    "purge": cmd_purge,
    "history": cmd_history,
    "restore": cmd_restore,
}
