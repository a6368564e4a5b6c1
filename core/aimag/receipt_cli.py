"""Command-line side of the way back down: receipts and the reviewer's remarks.

At the aimag: ``receipt`` writes the signed receipt of an organization's current
report, ``review`` adds the reviewer's remarks and proposed scores (or prints them).
At the soum: ``receipt-open`` checks a receipt and keeps it in the soum's file,
``receipt-print`` prints the kept receipt as a one-page PDF.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from core.cli.common import EXIT_OK, SubCommands, keeping_backup, one_line, said_kept
from core.errors import TailanError
from core.aimag.consolidate_cli import open_aimag_file
from core.storage import ReportFile
from core.storage.clock import local_clock


def add_parsers(sub: SubCommands) -> None:
    """Registers receipt, review, receipt-open and receipt-print."""
    p = sub.add_parser("receipt", help="байгууллагад хүлээн авсны хариу (гарын үсэгтэй) бичих")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--organization", required=True, action="append", metavar="NAME",
                   help="байгууллага (олон удаа өгч болно)")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="хариуг бичих хавтас")
    p.add_argument("--year", type=int)
    p.add_argument("--period", choices=["annual", "half-year", "plan"])
    p.add_argument("--author", metavar="NAME",
                   help="хариу гаргасан хянагчийн нэр (өгөхгүй бол өмнө өгсөн нэр; нэг удаа өгөхөд хадгална)")

    p = sub.add_parser("review", help="хүлээн авсан тайланд хянагчийн тайлбар, санал болгох үнэлгээ")
    p.add_argument("db", metavar="AIMAG.tailan")
    p.add_argument("--organization", required=True, metavar="NAME")
    p.add_argument("--measure", metavar="NUMBER", help="арга хэмжээний дугаар (байхгүй бол тайланд)")
    p.add_argument("--remark", metavar="TEXT")
    p.add_argument("--score", metavar="VALUE", help="санал болгох үнэлгээ: 100 70 30 0 not-due")
    p.add_argument("--evidence-missing", action="store_true", help="арга хэмжээний нотлох баримт дутуу гэж тэмдэглэх")
    p.add_argument("--evidence-unreadable", metavar="FILE_NAME", help="арга хэмжээний нэг нотлох баримт уншигдахгүй")
    p.add_argument("--author", metavar="NAME",
                   help="хянагчийн нэр (нэг удаа өгөхөд энэ компьютерт хадгална; өгөөгүй бол компьютерын хэрэглэгч)")
    p.add_argument("--pdf", metavar="OUT.pdf", help="тухайн байгууллагын тайлбаруудыг хэвлэх")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("receipt-open", help="аймгийн хариуг шалгаж тайлангийн файлд хадгалах")
    p.add_argument("file", metavar="FILE")
    p.add_argument("receipt", metavar="RECEIPT")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--accept-key", action="store_true", help="аймгийн түлхүүрийг анх удаа зөвшөөрөх (кодыг тулгасны дараа)")

    p = sub.add_parser("receipt-print", help="хадгалсан хариуг нэг хуудас PDF болгох")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--report", metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")

def cmd_receipt(args: argparse.Namespace) -> int:
    """``receipt``: writes a signed receipt per organization into a folder (the file only read); prints paths; 0."""
    from core.aimag.receipt import write_receipt

    folder = Path(args.output)
    if not folder.is_dir():
        raise TailanError(f"«{folder}» хавтас олдсонгүй.")
    with open_aimag_file(args.db, read_only=True) as rf:
        for name in args.organization:
            backups: list[Path] = []
            path = write_receipt(rf, name, folder, args.year, args.period, backups=backups, author=args.author)
            print(path)
            for backup in backups:
                said_kept(path, backup)
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    """``review``: adds a remark or proposed score, or lists the remarks (``--json``, ``--pdf``); 0."""
    from core.aimag.remarks import add_remark, current_submission, remarks_for

    about_evidence = args.evidence_missing or args.evidence_unreadable is not None
    adding = args.remark is not None or args.score is not None or about_evidence
    with open_aimag_file(args.db, read_only=not adding) as rf:
        if adding:
            text = args.remark or ""
            if about_evidence:
                from core.aimag.evidence import evidence_remark

                report = current_submission(rf, args.organization)[0]
                text = evidence_remark(report, args.measure, args.evidence_missing, args.evidence_unreadable, text)
            remark = add_remark(rf, args.organization, text, args.measure, args.score, args.author)
            where = f"арга хэмжээ {remark.measure}" if remark.measure else "тайлан"
            print(f"Тайлбар нэмлээ ({where})" + (f", санал болгосон үнэлгээ {remark.score}" if remark.score else "") + ".")
        report, fingerprint, received_at, name = current_submission(rf, args.organization)
        remarks = remarks_for(rf, fingerprint)
    if args.pdf:
        from core.pdf.receipt import export_remarks_pdf

        with keeping_backup(args.pdf):
            export_remarks_pdf(name, report, fingerprint, received_at, remarks, args.pdf)
    if args.json:
        print(json.dumps([r.to_json() for r in remarks], ensure_ascii=False, indent=2))
    elif not adding:
        for r in remarks:
            score = f" [санал: {r.score}]" if r.score else ""
            print(f"{one_line(r.measure or 'тайлан')}: {one_line(r.text)}{score}  ({one_line(r.author)}, "
                  f"{local_clock(r.at)})")
    return EXIT_OK


def cmd_receipt_open(args: argparse.Namespace) -> int:
    """``receipt-open``: keeps a receipt only if an accepted aimag key signed it for this report; 0."""
    from core.aimag.receipt import open_receipt
    from core.sending.notice import is_notice, open_notice

    if is_notice(args.receipt):  # a rejection's notice comes through the same channel
        with ReportFile.open(args.file) as rf:
            notice = open_notice(rf, args.receipt, accept_key=args.accept_key, report_id=args.report)
        print(f"Аймгийн мэдэгдлийг хадгаллаа: {notice.aimag} аймаг хувилбар {notice.revision}-ийг татгалзсан. "
              f"Шалтгаан: {notice.reason}")
        return EXIT_OK
    with ReportFile.open(args.file) as rf:
        receipt = open_receipt(rf, args.receipt, accept_key=args.accept_key, report_id=args.report)
    print(f"Аймгийн хариуг хадгаллаа: {one_line(receipt.aimag)} аймаг {local_clock(receipt.received_at, False)}-нд "
          f"хувилбар {receipt.revision}-ийг хүлээн авсан, нийт дүн {receipt.total_display}; тайлбар {len(receipt.remarks)}.")
    return EXIT_OK


def cmd_receipt_print(args: argparse.Namespace) -> int:
    """``receipt-print``: the kept receipt as a one-page PDF; prints its path; 0."""
    from core.aimag.receipt import require_kept
    from core.pdf.receipt import export_receipt_pdf

    with ReportFile.open(args.file, read_only=True) as rf:
        receipt = require_kept(rf, rf.resolve_report_id(args.report))
    with keeping_backup(args.output):
        written = export_receipt_pdf(receipt, args.output)
    print(written)
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "receipt": cmd_receipt,
    "review": cmd_review,
    "receipt-open": cmd_receipt_open,
    "receipt-print": cmd_receipt_print,
}
