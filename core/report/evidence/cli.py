"""``tailan-cli attach``, ``attachments``, ``detach`` and ``extract``: a measure's evidence from the command line.

``attach`` takes every file or none (exit 2 naming each refused file, nothing
written); ``attachments --json`` lists a report's files as ``{"measure", "name",
"size", "sha256", "type"}``; ``extract`` writes files under safe names, checking each
against its hash, from a report file or, with ``--organization``, from the aimag's
file (the accepted report's archive copy).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.cli.common import EXIT_OK, SubCommands, open_report
from core.errors import TailanError
from core.report.evidence import limits
from core.report.evidence.attaching import attach_paths, find_by_name, one_measure


def add_parsers(sub: SubCommands) -> None:
    """Registers attach, attachments, detach and extract."""
    p = sub.add_parser("attach", help="арга хэмжээнд нотлох баримт (зураг, скан, PDF, Word, Excel) хавсаргах")
    p.add_argument("file", metavar="FILE")
    p.add_argument("paths", nargs="+", metavar="PATH", help="хавсаргах файлууд")
    p.add_argument("--measure", required=True, metavar="NUMBER", help="арга хэмжээний дугаар (1.1 эсвэл 1.1.)")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--shrink", action="store_true", help="том зургийг багасгаж хавсаргах (эх файл өөрчлөгдөхгүй)")

    p = sub.add_parser("attachments", help="тайлангийн нотлох баримтын жагсаалт")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--measure", metavar="NUMBER")
    p.add_argument("--earlier", action="store_true", help="өмнөх оны тайлангийн нотлох баримтын жагсаалт (лавлах)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("detach", help="арга хэмжээнээс нотлох баримт хасах")
    p.add_argument("file", metavar="FILE")
    p.add_argument("name", metavar="NAME", help="файлын нэр (attachments-ийн жагсаалтаас)")
    p.add_argument("--measure", required=True, metavar="NUMBER")
    p.add_argument("--report", metavar="ID")

    p = sub.add_parser("extract", help="нотлох баримтыг хавтас руу бичих (тайлангийн эсвэл аймгийн файлаас)")
    p.add_argument("file", metavar="FILE", help="тайлангийн файл, эсвэл --organization-тэй бол аймгийн файл")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="бичих хавтас")
    p.add_argument("--measure", metavar="NUMBER", help="арга хэмжээ (заагаагүй бол бүгд, тус бүр хавтсанд)")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--organization", metavar="NAME", help="аймагт: байгууллагын одоогийн тайлангаас")
    p.add_argument("--year", type=int)
    p.add_argument("--period", choices=["annual", "half-year", "plan"])


def cmd_attach(args: argparse.Namespace) -> int:
    """``attach``: every file checked first (type by content, bounds); all attached, or exit 2 and nothing written."""

    rf, report = open_report(args.file, args.report, read_only=False)
    with rf:
        measure = one_measure(report, args.measure)
        batch = attach_paths(rf, report, measure, args.paths, shrink=args.shrink)
        total = rf.evidence_bytes(report.id)
    for prepared in batch.ready:
        print(f"{measure.number} {prepared.name}  {prepared.type.label}  {limits.size_text(prepared.size)}  "
              f"{prepared.sha256[:8]}")
    for name in batch.already:
        print(f"«{name}» аль хэдийн хавсаргасан байна; дахин хавсаргасангүй.", file=sys.stderr)
    print(f"Тайлангийн нотлох баримт нийт {limits.size_text(total)} ({limits.size_text(limits.MAX_REPORT_BYTES)} "
          "хүртэл).", file=sys.stderr)
    return EXIT_OK


def cmd_attachments(args: argparse.Namespace) -> int:
    """``attachments``: the report's files per measure (``--json``: measure, name, size, sha256, type); 0."""

    rf, report = open_report(args.file, args.report, read_only=True)
    rf.close()
    measures = [one_measure(report, args.measure)] if args.measure else report.measures()
    items = [(m.number, e) for m in measures for e in (m.earlier_evidence if args.earlier else m.evidence)]
    if args.json:
        rows = [{"measure": number, "name": e.name, "size": e.size, "sha256": e.sha256, "type": e.type}
                for number, e in items]
        if args.earlier:
            for row, (_, e) in zip(rows, items):
                row["year"] = e.year
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for number, e in items:
        year = f"  ({e.year} он)" if args.earlier else ""
        print(f"{number:<7} {e.name}  {e.type}  {limits.size_text(e.size)}  {e.sha256[:8]}{year}")
    if not items:
        print("Нотлох баримт хавсаргаагүй.")
    return EXIT_OK


def cmd_detach(args: argparse.Namespace) -> int:
    """``detach``: takes one file off a measure (its bytes go when no measure uses them); 0."""

    rf, report = open_report(args.file, args.report, read_only=False)
    with rf:
        measure = one_measure(report, args.measure)
        evidence = find_by_name(measure, args.name)
        rf.delete_attachment(evidence.id)
        rf.collect_unused_files()
    print(f"{measure.number} арга хэмжээнээс «{evidence.name}» нотлох баримтыг хаслаа.")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    """``extract``: files written under safe names, each checked against its hash; prints each path; 0."""
    from core.aimag.evidence import extract_organization_evidence, write_measures

    output = Path(args.output)
    if args.organization is not None:
        from core.aimag.consolidate_cli import open_aimag_file

        with open_aimag_file(args.file, read_only=True) as rf:
            written = extract_organization_evidence(rf, args.organization, args.measure, output, args.year,
                                                    args.period)
    else:
        if args.year is not None or args.period is not None:
            raise TailanError("--year, --period-ийг аймгийн файлаас --organization-тэй хамт хэрэглэнэ.")
        rf, report = open_report(args.file, args.report, read_only=True)
        with rf:
            written = write_measures(rf, report, args.measure, output)
    for path, new in written:
        print(path if new else f"{path} (өмнө нь бичигдсэн, ижил агуулгатай)")
    if not written:
        print("Нотлох баримт хавсаргаагүй.", file=sys.stderr)
    return EXIT_OK


#: This module's sub-commands (``core.cli`` registers them from its list of modules).
COMMANDS = {
    "attach": cmd_attach,
    "attachments": cmd_attachments,
    "detach": cmd_detach,
    "extract": cmd_extract,
}
