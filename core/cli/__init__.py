"""``tailan-cli``: the report file from the command line, in Mongolian, without Qt.

Exit codes: 0 success; 2 bad input (a one-line Mongolian message on stderr, never a
traceback). Set ``TAILAN_DEBUG=1`` to see tracebacks of unexpected failures. Whatever
a file holds, the output shows it escaped (``common.printable``): no name can drive
the terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, NoReturn, Sequence

from core.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, EscapingStream, days_text, leave, open_report
from core.cli.text import MongolianArgumentParser, format_change_log
from core.errors import NotFoundError, TailanError
from core.report import scoring
from core.report.model import MEASURE_TEXT_FIELDS, Measure, Report, Score
from core.report.report_json import report_to_json
from core.report.title import HEADER_FIELDS, apply_header_field, set_header_field
from core.storage import ReportFile


def _json_text(value, **options) -> str:
    """``json.dumps`` for ``--json``, with json imported then (a printout does not need it)."""
    import json

    return json.dumps(value, **options)


def build_parser(modules: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``tailan-cli`` parser: this module's commands, then those of ``COMMAND_MODULES``
    (only of ``modules`` when given: a command's run needs its own module alone)."""
    parser = MongolianArgumentParser(
        prog="tailan-cli",
        description="Тайлан: авлигын эсрэг төлөвлөгөөний хэрэгжилтийн тайлангийн файл.",
    )
    sub = parser.add_subparsers(dest="command", metavar="ТУШААЛ", parser_class=MongolianArgumentParser)
    sub.required = True

    p = sub.add_parser("import", help="Word хүснэгтийг (.docx эсвэл Word-оос хадгалсан текст) файлд импортлох")
    p.add_argument("source", metavar="SOURCE",
                   help=".docx, эсвэл текст файл (UTF-8, UTF-16, Windows-1251); - бол stdin")
    p.add_argument("--db", required=True, metavar="FILE", help="Тайлангийн файл (байхгүй бол үүсгэнэ)")
    p.add_argument("--aimag", default="", help="аймгийн нэр (баримтад бичээгүй бол)")
    p.add_argument("--organization", default=None, help="байгууллагын нэр (гарчгаас авахгүй бол)")
    p.add_argument("--json", action="store_true",
                   help="үр дүнг нэг JSON обьектоор: report_id, goals, measures, scores, skipped, warnings")
    p.add_argument(
        "--columns",
        default=None,
        metavar="NAMES",
        help="эх хүснэгтийн баганууд дарааллаар нь, таслалаар: number,goal,measure,indicator,baseline_year,"
        "baseline_level,target_level,achieved,score,skip",
    )

    p = sub.add_parser("list", help="файл дахь тайлангууд")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="тайлан, зорилтын дундаж, нийт дүн, үнэлгээгүй арга хэмжээ")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("set", help="арга хэмжээний үнэлгээ, талбар эсвэл тайлангийн толгойн талбар засах")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--measure", metavar="NUMBER", help="арга хэмжээний дугаар (6.1 эсвэл 6.1.)")
    p.add_argument("--report-field", metavar="NAME", choices=HEADER_FIELDS,
                   help="тайлангийн толгойн талбар: " + ", ".join(HEADER_FIELDS) + " (гарчиг дагаж өөрчлөгдөнө)")
    p.add_argument("--score", metavar="VALUE", help="100 70 30 0 not-due none")
    p.add_argument("--field", metavar="NAME", choices=MEASURE_TEXT_FIELDS[1:], help=", ".join(MEASURE_TEXT_FIELDS[1:]))
    p.add_argument("--value", metavar="TEXT")

    p = sub.add_parser("log", help="өөрчлөлтийн түүх")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--report", metavar="ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("clean-copy", help="гадны бүтэцтэй (триггер, индекс) файлаас Тайлангийн цэвэр хуулбар гаргах")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="NEW.tailan", help="шинэ файл (байгаа файлыг дарахгүй)")

    for module in command_modules(modules):
        module.add_parsers(sub)
    return parser


#: The modules that add sub-commands, in the order of ``tailan-cli --help``, with the
#: commands each adds (a test holds them equal to the module's ``COMMANDS``). Each has
#: ``add_parsers(sub)`` and a ``COMMANDS`` dict; they are imported only to run the
#: command line (the window never pays for them), and a command imports only its own.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "core.pdf.cli": ("export-pdf",),
    "core.tables.docx.cli": ("export-docx",),
    "core.sending.cli": ("finalize", "reopen", "export-submission"),
    "core.aimag.consolidate_cli": ("verify", "consolidate", "ranking", "expected"),
    "core.aimag.register_cli": ("key", "pending", "decide", "register", "retire-key", "purge", "history", "restore"),
    "core.aimag.receipt_cli": ("receipt", "review", "receipt-open", "receipt-print"),
    "core.report.evidence.cli": ("attach", "attachments", "detach", "extract"),
    "core.sending.year_cli": ("next", "call-open"),
    "core.aimag.round_cli": ("call", "notice"),
}


def command_modules(names: Sequence[str] | None = None) -> list:
    """The sub-command modules (all, or those ``names``), imported only when the command line runs."""
    import importlib

    return [importlib.import_module(name) for name in (COMMAND_MODULES if names is None else names)]


def module_of(command: str | None) -> str | None:
    """The module that adds ``command``; ``None`` for this module's own commands and for a word that is no command."""
    return next((module for module, names in COMMAND_MODULES.items() if command in names), None)


def commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    """Every sub-command's function by name: this module's own, then each module's."""
    table = dict(BASE_COMMANDS)
    for module in command_modules():
        table.update(module.COMMANDS)
    return table


def _read_source(source: str, columns_option: str | None = None):
    from core.tables.importing import import_bytes, import_path
    from core.tables.wordtable import parse_columns_option

    columns = parse_columns_option(columns_option) if columns_option is not None else None
    if source == "-":
        return import_bytes(sys.stdin.buffer.read(), "stdin", columns=columns)
    return import_path(source, columns=columns)


def cmd_import(args: argparse.Namespace) -> int:
    """``import``: parses the whole source before touching the file; prints the new id (summary on stderr); 0."""
    result = _read_source(args.source, args.columns)  # parse fully before touching the file
    report = result.report
    if args.aimag and not report.aimag:  # the option fills in what the document does not say
        report.aimag = args.aimag
    elif args.aimag and args.aimag != report.aimag:
        result.warnings.append(f"баримтад «{report.aimag}» аймаг гэж бичсэн тул --aimag «{args.aimag}»-ийг хэрэглэсэнгүй.")
    if args.organization is not None:  # the title follows, as when the header form is edited
        apply_header_field(report, "organization", args.organization)
    with ReportFile.open(args.db, create=True) as rf:
        rf.add_report(report)
    summary = scoring.summarize(report)
    if args.json:
        print(_json_text(result.to_json(report.id, summary.total_display), ensure_ascii=False, indent=2))
    else:
        print(report.id)
    missing = ", ".join(m.number or "?" for m in summary.unscored)
    info = f"Импортлов: {len(report.goals)} зорилт, {len(report.measures())} арга хэмжээ; нийт дүн {summary.total_display or '—'}"
    if missing:
        info += f"; үнэлгээгүй: {missing}"
    if result.printed_total and result.printed_total != summary.total_display:
        info += f" (эх файлд бичсэн нийт дүн {result.printed_total})"
    print(info, file=sys.stderr)
    for line in result.summary_lines():
        print(line, file=sys.stderr)
    for warning in result.warnings:
        print(f"Анхааруулга: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """``list``: one line (or a JSON list) per report in the file, opened read-only; 0."""
    with ReportFile.open(args.file, read_only=True) as rf:
        reports = rf.list_reports()
    if args.json:
        print(_json_text([r._asdict() for r in reports], ensure_ascii=False, indent=2))
    else:
        for r in reports:
            print(f"{r.id}  {r.describe()}  {r.measure_count} арга хэмжээ")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """``show``: the report with its means, total and missing scores (``--json``: with its kept receipt); 0."""
    rf, report = open_report(args.file, args.report, read_only=True)
    try:
        from core.aimag.receipt import kept_receipt
        from core.sending.call import kept_call
        from core.sending.notice import kept_notice

        answer = kept_notice(rf, report.id) or kept_receipt(rf, report.id)
        call = kept_call(rf, report.id)
    finally:
        rf.close()
    if args.json:
        data = report_to_json(report, call)
        if answer is not None:
            data["receipt"] = answer.to_json()
        data["call"] = call.to_json() if call is not None else None
        print(_json_text(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(format_report(report))
    if call is not None:
        print(f"Аймгийн дуудлага: {call.describe()} ({days_text(call.days_left())}).")
    if answer is not None and getattr(answer, "reason", None):
        print(f"Аймаг хувилбар {answer.revision}-ийг татгалзсан: {answer.reason}")
    return EXIT_OK


def format_report(report: Report) -> str:
    """The report as ``show`` prints it: goals with means, measures with scores, the total, what is missing."""
    summary = scoring.summarize(report)
    place = ", ".join(x for x in (report.organization, f"{report.aimag} аймаг" if report.aimag else "") if x)
    out = [f"{place} — {report.year or '?'} он, {report.period.document} ({report.id})"]
    for goal in report.goals:
        avg = scoring.display(summary.goal_averages[goal.id], "—")
        mean = "" if report.period.is_plan else f"  [дундаж {avg}]"
        out.append(f"{goal.number:<4} {_short(goal.text, 70)}{mean}")
        for m in goal.measures:
            tail = _plan_in_listing(m) if report.period.is_plan else _score_in_listing(m.score)
            out.append(f"    {m.number:<6} {_short(m.text, 60)}  {tail}")
    if report.period.is_plan:
        out.append(f"Төлөвлөгөө: {len(report.goals)} зорилт, {len(report.measures())} арга хэмжээ")
        return "\n".join(out)
    out.append(f"Биелэлтийн нийт дүн: {summary.total_display or '—'} ({summary.scored} арга хэмжээ үнэлсэн)")
    if summary.unscored:
        out.append("Үнэлгээгүй арга хэмжээ: " + ", ".join(m.number or "?" for m in summary.unscored))
    if summary.not_due:
        out.append("Хугацаа болоогүй: " + ", ".join(m.number or "?" for m in summary.not_due))
    return "\n".join(out)


def _short(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _plan_in_listing(m: Measure) -> str:
    return " · ".join(x for x in (_short(m.responsible, 30), _short(m.due, 20)) if x) or "—"


def _score_in_listing(score: Score | None) -> str:
    if score is None:
        return "үнэлгээгүй"
    if score is Score.NOT_DUE:
        return "хугацаа болоогүй"
    return f"Биелэлт {score.value}"


def _one_measure(report: Report, number: str) -> Measure:
    found = report.find_measure(number)
    if not found:
        raise NotFoundError(f"«{number}» дугаартай арга хэмжээ олдсонгүй.")
    if len(found) > 1:
        raise NotFoundError(f"«{number}» дугаартай {len(found)} арга хэмжээ байна; дугаарыг цонхноос засна уу.")
    return found[0]


def cmd_set(args: argparse.Namespace) -> int:
    """``set``: one score, measure field or header field, checked before the file is written; prints the total; 0."""
    if args.report_field is not None:
        return _set_report_field(args)
    if args.measure is None:
        raise TailanError("--measure NUMBER (арга хэмжээ) эсвэл --report-field NAME (тайлангийн толгой)-г заана уу.")
    if (args.score is None) == (args.field is None):
        raise TailanError("--score эсвэл --field NAME --value TEXT-ийн аль нэгийг заана уу.")
    if args.field is not None and args.value is None:
        raise TailanError("--field-д --value TEXT хэрэгтэй.")
    if args.score is not None:
        try:
            Score.parse(args.score)
        except ValueError:
            raise TailanError(f"«{args.score}» үнэлгээ буруу. 100, 70, 30, 0, not-due эсвэл none байна.") from None
    rf, report = open_report(args.file, args.report, read_only=False)
    with rf:
        measure = _one_measure(report, args.measure)
        if args.score is not None:
            rf.set_field("measure", measure.id, "score", Score.parse(args.score))
        else:
            rf.set_field("measure", measure.id, args.field, args.value)
        report = rf.load_report(report.id)
    if report.period.is_plan:
        print("Хадгаллаа.")
        return EXIT_OK
    print(f"Хадгаллаа. Биелэлтийн нийт дүн: {scoring.summarize(report).total_display or '—'}")
    return EXIT_OK


def _set_report_field(args: argparse.Namespace) -> int:
    """A field of the report's header, through the same core function as the window's header form."""
    if args.value is None:
        raise TailanError("--report-field-д --value TEXT хэрэгтэй.")
    if args.measure is not None or args.score is not None or args.field is not None:
        raise TailanError("--report-field-ийг --measure, --score, --field-тэй хамт хэрэглэхгүй.")
    rf, report = open_report(args.file, args.report, read_only=False)
    with rf:
        edits = set_header_field(rf, report, args.report_field, args.value)
    if any(name == "title" for name, _ in edits[1:]):
        print("Хадгаллаа. Гарчиг дагаж өөрчлөгдлөө:\n" + report.display_title())
    else:
        print("Хадгаллаа.")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    """``log``: the file's change log for one report, in Mongolian (``--json``: the stored values); 0."""
    with ReportFile.open(args.file, read_only=True) as rf:
        report_id = rf.resolve_report_id(args.report)
        entries = rf.change_log(report_id)
    if args.json:
        print(_json_text(entries, ensure_ascii=False, indent=2))
    else:
        print(format_change_log(entries))
    return EXIT_OK


def cmd_clean_copy(args: argparse.Namespace) -> int:
    """``clean-copy``: a file refused for objects of its own, copied without them by Tailan; the file
    itself is never changed; prints the new file; 0."""
    from core.storage.opencheck import make_clean_copy

    print(make_clean_copy(args.file, args.output))
    print("Тайлан програмын бүтэцтэй цэвэр хуулбар гаргалаа; эх файлыг өөрчлөөгүй.", file=sys.stderr)
    return EXIT_OK


#: The sub-commands defined in this module.
BASE_COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "set": cmd_set,
    "log": cmd_log,
    "clean-copy": cmd_clean_copy,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``tailan-cli``: 0 on success, 2 with one Mongolian line on bad input, 3 on a bug of ours; no traceback."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(sys.stdout), EscapingStream(sys.stderr)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _run(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # A known command builds the parser of its own module only (a printout does not
    # import the aimag's modules); anything else (help, a typo) builds all of them.
    command = words[0] if words else None
    module = module_of(command)
    if module is not None:
        modules: list[str] | None = [module]
    else:
        modules = [] if command in BASE_COMMANDS else None
    parser = build_parser(modules)
    args = parser.parse_args(words)
    try:
        table = dict(BASE_COMMANDS)
        for loaded in command_modules(modules):
            table.update(loaded.COMMANDS)
        return table[args.command](args)
    except TailanError as exc:
        print(f"tailan-cli: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("tailan-cli: зогсоов.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug of ours: say so briefly, keep the data safe
        if os.environ.get("TAILAN_DEBUG"):
            raise
        print(f"tailan-cli: дотоод алдаа ({type(exc).__name__}: {exc}). Файлд өөрчлөлт ороогүй.", file=sys.stderr)
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The program ``tailan-cli`` (its console script, ``python -m core.cli`` and the bundle's
    executable): ``main`` on the command line's words, then ``leave`` with its exit code."""
    leave(main())
