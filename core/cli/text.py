"""The command line's own words in Mongolian: argparse's help headers and errors, the change log.

argparse writes "usage:", "positional arguments:", "options:" and "show this help
message and exit" through gettext, and there is no Mongolian catalogue; installing
one would change the whole process's translations. So ``MongolianArgumentParser``
sets those few texts itself (a formatter for the usage prefix and the two group
titles, its own ``-h``), and rewrites argparse's few usage errors into Mongolian.

``format_change_log`` prints ``tailan-cli log`` with Mongolian column names, item
kinds and operations; ``--json`` keeps the stored values for programs.
"""

from __future__ import annotations

import argparse
import re
from functools import cache
from typing import Any

from core.cli.common import EXIT_BAD_INPUT
from core.report.kinds import ItemKind
from core.storage.change_log import LogOp

USAGE_PREFIX = "Хэрэглээ: "
POSITIONALS_TITLE = "байрлалаар өгөх утгууд"
OPTIONALS_TITLE = "сонголтууд"
HELP_TEXT = "энэ тусламжийг харуулаад гарах"

#: argparse's usage errors (Python 3.10-3.13 wording) -> Mongolian.
_ERRORS = (
    (r"the following arguments are required: (.+)", r"заавал өгөх утга дутуу: \1"),
    (r"unrecognized arguments: (.+)", r"танихгүй утга: \1"),
    (r"argument (\S+): invalid choice: '?(.+?)'? \(choose from (.+)\)", r"\1: «\2» буруу сонголт (болох нь: \3)"),
    (r"argument (\S+): expected one argument", r"\1-д нэг утга өгнө үү"),
    (r"argument (\S+): invalid (\w+) value: (.+)", r"\1: \3 утга буруу"),
    (r"argument (\S+): not allowed with argument (\S+)", r"\1-ийг \2-тэй хамт хэрэглэхгүй"),
)


@cache
def _error_patterns() -> tuple:
    """``_ERRORS`` compiled on the first usage error (compiling them at every start cost a printout 1 %)."""
    return tuple((re.compile(pattern), replacement) for pattern, replacement in _ERRORS)


def mongolian_error(message: str) -> str:
    """argparse's English usage error in Mongolian; an error it does not know is kept as it is."""
    for pattern, replacement in _error_patterns():
        if pattern.search(message):
            return pattern.sub(replacement, message)
    return message


#: argparse's own group titles (Python 3.10 on: "options"; before: "optional arguments").
_SECTION_TITLES = {
    "positional arguments": POSITIONALS_TITLE,
    "options": OPTIONALS_TITLE,
    "optional arguments": OPTIONALS_TITLE,
}


class MongolianHelpFormatter(argparse.HelpFormatter):
    """argparse's help with a Mongolian usage prefix and group titles (argparse has no Mongolian catalogue)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        """Puts ``Хэрэглээ:`` in place of ``usage:`` unless a prefix is given."""
        return super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)

    def start_section(self, heading):
        """argparse's two group titles in Mongolian; any other heading as it is."""
        return super().start_section(_SECTION_TITLES.get(heading, heading))


class MongolianArgumentParser(argparse.ArgumentParser):
    """argparse with its help and usage errors in Mongolian and exit code 2 on bad usage."""

    def __init__(self, *args: Any, **kwargs: Any):
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", MongolianHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_TEXT)

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        """Bad usage exits with code 2 and one Mongolian line, like every other bad input."""
        self.exit(EXIT_BAD_INPUT, f"tailan-cli: тушаал буруу ({mongolian_error(message)}). Тусламж: tailan-cli --help\n")


# ------------------------------------------------------------- change log
KIND_NAMES = {ItemKind.REPORT: "тайлан", ItemKind.GOAL: "зорилт", ItemKind.MEASURE: "арга хэмжээ",
              ItemKind.SIGNATORY: "гарын үсэг"}
OPERATION_NAMES = {
    LogOp.INSERT: "нэмсэн",
    LogOp.DELETE: "устгасан",
    LogOp.MOVE: "зөөсөн",
    LogOp.FINALIZE: "баталгаажуулсан",
    LogOp.REOPEN: "засварлахаар дахин нээсэн",
    LogOp.RECEIVED: "хүлээн авсан",
    LogOp.ATTACH: "нотлох баримт хавсаргасан",
    LogOp.DETACH: "нотлох баримт хассан",
    LogOp.CALL: "аймгийн дуудлага нээсэн",
}
FIELD_NAMES = {
    "organization": "байгууллага",
    "aimag": "аймаг",
    "year": "он",
    "period": "хугацаа",
    "report_date": "тайлангийн огноо",
    "appendix_label": "хавсралтын бичиг",
    "title": "гарчиг",
    "number": "дугаар",
    "text": "текст",
    "indicator": "шалгуур үзүүлэлт",
    "baseline_year": "суурь он",
    "baseline_level": "суурь түвшин",
    "target_level": "зорилтот түвшин",
    "achieved": "хүрсэн түвшин",
    "responsible": "хариуцах эзэн",
    "due": "хэрэгжих хугацаа",
    "score": "үнэлгээ",
    "role": "үүрэг",
    "position": "албан тушаал",
    "name": "нэр",
}
LOG_HEADER = ("Хэзээ", "Юу", "Аль", "Өөрчлөлт: хуучин → шинэ")


def _short(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _value(value: Any) -> str:
    return "—" if value is None or value == "" else _short(str(value), 30)


def format_change_log(entries: list[dict[str, Any]]) -> str:
    """One line per change, under a header line; empty log says so."""
    if not entries:
        return "Өөрчлөлт бүртгэгдээгүй."
    lines = ["  ".join(LOG_HEADER)]
    for e in entries:
        kind = KIND_NAMES.get(e["item_kind"], e["item_kind"])
        field = e["field"]
        if field in OPERATION_NAMES:
            change = OPERATION_NAMES[field]
            if field == LogOp.MOVE:
                change += f": {_value(e['old_value'])} → {_value(e['new_value'])}"
        else:
            change = f"{FIELD_NAMES.get(field, field)}: {_value(e['old_value'])} → {_value(e['new_value'])}"
        lines.append(f"{e['at']}  {kind}  {e['item_id'][:8]}  {change}")
    return "\n".join(lines)
