"""Every row and column of a received file bounded by type, length and range.

Run after the schema matched ours exactly, so each expression here is our own and
evaluated on our own tables: after the integrity check passed, or when it failed only
on a value (a CHECK or NOT NULL constraint), to name that value. A file whose values
would break the loading or the consolidation (a blob where an id belongs, a
revision beyond any integer, a text of megabytes, an unknown period) is refused
here with its reason, instead of failing later in the middle of a batch. No text may
hold a control character (NUL, ESC, the bidi overrides...: issue 19), and the
organization's and the aimag's names are one line each.

Rules are given per known column; a column added by a later schema version gets
the generic rule of its declared type (TEXT: bounded text; INTEGER: bounded
integer; BLOB: bounded blob), so a new version is covered until it adds its own.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from core.received.refusal import Reject, sqlite_reason
from core.received.schema import MIGRATIONS_TABLE, reference_columns
from core.report.evidence import limits as evidence_limits
from core.report.kinds import EvidenceType
from core.report.model import MEASURE_TEXT_FIELDS, Period, Report, Score
from core.storage import received as stored
from core.storage import value_rules
from core.storage.attachments import CHUNK_BYTES
from core.storage.value_rules import (
    Rule,
    blob_rule,
    hex_rule,
    integer_rule,
    one_of_rule,
    pattern_rule,
    plain_text_rule,
    scalar_rule,
    timestamp_rule,
)

MAX_TEXT_CHARS = 100_000
#: The change log keeps a whole report, goal or measure as JSON in one value.
MAX_LOG_VALUE_CHARS = 10 * MAX_TEXT_CHARS
MAX_SHORT_TEXT_CHARS = 200
#: Who is responsible for a measure and by when (schema 5): a unit or a few names, a date or a quarter.
MAX_PLAN_TEXT_CHARS = 2_000
MAX_BLOB_BYTES = 64 * 1024
MAX_GOALS = 1_000
MAX_MEASURES = 20_000
MAX_SIGNATORIES = 50
MAX_LOG_ROWS = 1_000_000
#: Rows of a table this module has no count for (one added by a later schema version).
MAX_OTHER_ROWS = 10_000
MAX_INTEGER = 2**53  # what a JSON reader and a spreadsheet still hold exactly

ROW_LIMITS = {
    "reports": (1, 1),
    "goals": (1, MAX_GOALS),
    "measures": (1, MAX_MEASURES),
    "signatories": (0, MAX_SIGNATORIES),
    "change_log": (0, MAX_LOG_ROWS),
    # the aimag's own tables, and the soum's kept receipts, travel empty in a submission
    "submissions": (0, 0),
    "expected_organizations": (0, 0),  # schema 2
    "organizations": (0, 0),
    "organization_keys": (0, 0),
    "decisions": (0, 0),
    "aimag_settings": (0, 0),
    "remarks": (0, 0),
    "receipts": (0, 0),
    "sqlite_sequence": (0, 10),
    # evidence (schema 4): bounded in count here, before any file is read (``core.received.evidence``)
    "attachment_files": (0, evidence_limits.MAX_FILES_PER_REPORT),
    "attachments": (0, evidence_limits.MAX_FILES_PER_REPORT),
    "attachment_chunks": (0, evidence_limits.MAX_REPORT_BYTES // CHUNK_BYTES + evidence_limits.MAX_FILES_PER_REPORT),
    "earlier_attachments": (0, 0),  # the soum's own reference list never travels
    # the year (schema 5): the aimag's calls and the call a soum keeps never travel
    "aimag_calls": (0, 0),
    "kept_calls": (0, 0),
}

#: What only an aimag's consolidation file holds (its register, settings, decisions, what it received).
AIMAG_TABLES = ("aimag_settings", "organizations", "organization_keys", "decisions", "submissions",
                "expected_organizations", "remarks")
AIMAG_FILE = ("энэ бол аймгийн нэгтгэлийн файл (аймгийн бүртгэл, хүлээн авсан тайлангууд), сумаас илгээсэн "
              "тайлан биш; нэгтгэлийн файлыг нэгтгэх файлуудын дунд өгөхгүй, харин нэгтгэлийн файл болгон нээнэ")

TABLE_LABELS = {
    "reports": "тайлан", "goals": "зорилт", "measures": "арга хэмжээ", "signatories": "гарын үсэг зурагчид",
    "change_log": "өөрчлөлтийн түүх", "submissions": "хүлээн авсан файлууд",
    "expected_organizations": "ирүүлэх байгууллагууд", "sqlite_sequence": "дотоод дугаарлалт",
    "organizations": "аймгийн бүртгэл", "organization_keys": "бүртгэлийн түлхүүрүүд",
    "decisions": "хянагчийн шийдвэрүүд", "aimag_settings": "аймгийн тохиргоо", "remarks": "хянагчийн тайлбар",
    "receipts": "аймгийн хариу",
    "attachment_files": "нотлох баримтын файлууд", "attachment_chunks": "нотлох баримтын агуулга",
    "attachments": "нотлох баримт", "earlier_attachments": "өмнөх оны нотлох баримтын жагсаалт",
    "aimag_calls": "аймгийн дуудлагууд", "kept_calls": "аймгийн дуудлага",
}
COLUMN_LABELS = {
    "id": "таних дугаар", "report_id": "тайлангийн дугаар", "goal_id": "зорилтын дугаар", "sort_order": "дараалал",
    "organization": "байгууллага", "aimag": "аймаг", "year": "он", "period": "тайлант хугацаа",
    "report_date": "огноо", "appendix_label": "хавсралтын бичиг", "title": "гарчиг", "created_at": "үүсгэсэн огноо",
    "revision": "хувилбарын дугаар", "finalized_at": "баталгаажуулсан огноо", "fingerprint": "хурууны хээ",
    "number": "дугаар", "text": "агуулга", "indicator": "шалгуур үзүүлэлт", "baseline_year": "суурь он",
    "baseline_level": "суурь түвшин", "target_level": "зорилтот түвшин", "achieved": "хүрсэн түвшин",
    "score": "үнэлгээ", "role": "үүрэг", "position": "албан тушаал", "name": "нэр", "at": "огноо",
    "item_kind": "төрөл", "item_id": "зүйлийн дугаар", "field": "талбар", "old_value": "хуучин утга",
    "new_value": "шинэ утга", "seq": "дугаар", "previous_fingerprint": "өмнөх хувилбарын хурууны хээ",
    "public_key": "гарын үсгийн нийтийн түлхүүр", "signature": "гарын үсэг",
    "sha256": "хурууны хээ", "size": "хэмжээ", "type": "төрөл", "data": "агуулга",
    "measure_id": "арга хэмжээний дугаар", "added_at": "нэмсэн огноо",
    "responsible": "хариуцах эзэн", "due": "хэрэгжих хугацаа", "origin": "эх арга хэмжээний дугаар",
    "answer": "татгалзсан шалтгаан",
}


CONTROL = "хяналтын тэмдэгт (тэг тэмдэгт, бичгийн чиглэл солих тэмдэгт гэх мэт) байж болохгүй"


def _text(limit: int, one_line: bool = False) -> Rule:
    return plain_text_rule(limit, f"хэт урт текст (хязгаар {limit} тэмдэгт)", "текст байх ёстой", CONTROL,
                           "нэг мөр байх ёстой (мөр шилжүүлэх, табгүй)" if one_line else "")


def _integer(low: int, high: int) -> Rule:
    return integer_rule(low, high, f"{low}-{high} хооронд бүхэл тоо байх ёстой")


def _one_of(values: list[str]) -> Rule:
    return one_of_rule(values, "зөвшөөрөгдсөн утгуудын нэг байх ёстой")


HEX = "[0-9a-f]"
UUID = pattern_rule("-".join(HEX * n for n in (8, 4, 4, 4, 12)), 36,
                    "таних дугаарын хэлбэртэй (32 арван зургаатын цифр, 4 зураас) байх ёстой")
FINGERPRINT = hex_rule(64, "64 оронтой хурууны хээ байх ёстой")
TIMESTAMP = timestamp_rule("огноо-цагийн (ОООО-СС-ӨӨ ЦЦ:ММ:СС) хэлбэртэй байх ёстой")
TEXT, SHORT_TEXT, LOG_VALUE = _text(MAX_TEXT_CHARS), _text(MAX_SHORT_TEXT_CHARS), _text(MAX_LOG_VALUE_CHARS)
BLOB = blob_rule(MAX_BLOB_BYTES, "хоёртын өгөгдөл байх ёстой", f"хэт том (хязгаар {MAX_BLOB_BYTES} байт)")
ANY = scalar_rule(4 * MAX_TEXT_CHARS, "текст эсвэл тоо байх ёстой", "хэт урт утга")

COLUMN_RULES: dict[tuple[str, str], Rule] = {
    ("reports", "id"): UUID,
    ("reports", "organization"): _text(MAX_TEXT_CHARS, one_line=True),
    ("reports", "aimag"): _text(MAX_TEXT_CHARS, one_line=True),
    ("reports", "year"): _integer(0, 9999),
    ("reports", "period"): _one_of([p.value for p in Period]),
    ("reports", "created_at"): TIMESTAMP,
    ("reports", "revision"): _integer(1, 1_000_000),
    ("reports", "finalized_at"): TIMESTAMP,
    ("reports", "fingerprint"): FINGERPRINT,
    ("reports", "previous_fingerprint"): FINGERPRINT,
    ("reports", "public_key"): hex_rule(64, "64 оронтой түлхүүр байх ёстой"),
    ("reports", "signature"): hex_rule(128, "128 оронтой гарын үсэг байх ёстой"),
    ("signatories", "id"): UUID, ("signatories", "report_id"): UUID,
    ("goals", "id"): UUID, ("goals", "report_id"): UUID,
    ("measures", "id"): UUID, ("measures", "goal_id"): UUID,
    ("measures", "score"): _one_of([s.value for s in Score]),
    ("measures", "responsible"): _text(MAX_PLAN_TEXT_CHARS),
    ("measures", "due"): _text(MAX_PLAN_TEXT_CHARS),
    ("measures", "origin"): UUID,
    ("change_log", "id"): _integer(1, MAX_INTEGER),
    ("change_log", "at"): TIMESTAMP,
    ("change_log", "report_id"): UUID,
    ("change_log", "item_kind"): SHORT_TEXT,
    ("change_log", "item_id"): SHORT_TEXT,
    ("change_log", "field"): SHORT_TEXT,
    ("change_log", "old_value"): LOG_VALUE,
    ("change_log", "new_value"): LOG_VALUE,
    ("attachment_files", "sha256"): FINGERPRINT,
    ("attachment_files", "size"): _integer(1, evidence_limits.MAX_FILE_BYTES),
    ("attachment_files", "type"): _one_of([t.value for t in EvidenceType]),
    ("attachment_files", "added_at"): TIMESTAMP,
    ("attachment_chunks", "sha256"): FINGERPRINT,
    ("attachment_chunks", "seq"): _integer(0, evidence_limits.MAX_FILE_BYTES // CHUNK_BYTES),
    ("attachment_chunks", "data"): blob_rule(CHUNK_BYTES, "хоёртын өгөгдөл байх ёстой", f"хэт том (хязгаар {CHUNK_BYTES} байт)"),
    ("attachments", "id"): UUID,
    ("attachments", "measure_id"): UUID,
    ("attachments", "name"): _text(evidence_limits.MAX_NAME_CHARS),
    ("attachments", "sha256"): FINGERPRINT,
    ("attachments", "added_at"): TIMESTAMP,
    ("sqlite_sequence", "name"): SHORT_TEXT,
    ("sqlite_sequence", "seq"): _integer(0, MAX_INTEGER),
}
SORT_ORDER = _integer(-10_000_000, 10_000_000)  # only the relative order matters


def rule_for(table: str, column: str, declared: str) -> Rule:
    """The rule of a known column, else the generic rule of its declared type."""
    if (table, column) in COLUMN_RULES:
        return COLUMN_RULES[(table, column)]
    if column == "sort_order":
        return SORT_ORDER
    if "INT" in declared:
        return _integer(-MAX_INTEGER, MAX_INTEGER)
    if "TEXT" in declared or "CHAR" in declared:
        return TEXT
    if "BLOB" in declared:
        return BLOB
    return ANY


def _label(table: str, column: str, index: int) -> tuple[str, str]:
    return TABLE_LABELS.get(table, "нэмэлт хүснэгт"), COLUMN_LABELS.get(column, f"{index + 1}-р талбар")


#: A file of at most this many bytes has its tables' values read at once by the quick look
#: (``value_rules.wrong_value_counts``): they come from the file, so they are no bigger than it.
#: A larger one (a report with its evidence) is read a row at a time.
QUICK_LOOK_BYTES = 8 * 1024 * 1024


def check_bounds(conn: sqlite3.Connection, version: int, file_bytes: int | None = None) -> dict[str, int]:
    """Row counts per table, then every value of every column, one pass per table; returns the counts.

    ``file_bytes`` is the size of the file checked: a small one's rows are read at once."""
    at_once = value_rules.QUICK_LOOK_ROWS if file_bytes is not None and file_bytes <= QUICK_LOOK_BYTES else 1
    tables = {t: cols for t, cols in reference_columns(version).items() if t != MIGRATIONS_TABLE}
    try:
        counts = stored.row_counts(conn, list(tables))
        rows = dict(zip(tables, counts))
        if not rows.get("reports") and any(rows.get(table) for table in AIMAG_TABLES):
            raise Reject(AIMAG_FILE)  # no report, but a register: said plainly, not as a table's count
        for (table, _), n in zip(tables.items(), counts):
            low, high = ROW_LIMITS.get(table, (0, MAX_OTHER_ROWS))
            if table == "reports" and n != 1:
                raise Reject(f"илгээх файлд яг нэг тайлан байх ёстой, {n} байна")
            if not low <= n <= high:
                label = TABLE_LABELS.get(table, "нэмэлт хүснэгт")
                raise Reject(f"«{label}» хэсэгт {n} мөр байна; хэвийн хязгаар {low}-{high}")
        for (table, columns), n in zip(tables.items(), counts):
            if n:  # an empty table has no value to bound (and its check would cost a statement)
                _check_table(conn, table, columns, n, at_once)
    except sqlite3.DatabaseError as exc:
        raise Reject(sqlite_reason(exc, "файлын утгуудыг шалгаж чадсангүй")) from None
    return rows


def _check_table(conn: sqlite3.Connection, table: str, columns, rows: int, at_once: int) -> None:
    checks, counted = _checks_of(table, columns)
    if not checks:
        return
    found = value_rules.wrong_value_counts(conn, table, counted, rows, at_once)
    for (index, column, what, _, _, _), n in zip(checks, found):
        if n:
            table_label, column_label = _label(table, column, index)
            raise Reject(f"«{table_label}» хэсгийн «{column_label}» талбарын утга буруу ({n} мөрөнд): {what}")


@lru_cache(maxsize=None)
def _checks_of(table: str, columns: tuple) -> tuple[list[tuple], list[tuple]]:
    """A table's checks, built once per process for each version's columns: (column index,
    column, what it should be, NOT NULL, the condition that makes it wrong, its Python test),
    and the same as ``wrong_value_counts`` takes them."""
    checks = []
    for index, (column, declared, not_null) in enumerate(columns):
        rule = rule_for(table, column, declared)
        sure = rule.sure if len(rule.sure) == len(rule.wrong) else (None,) * len(rule.wrong)
        for (condition, what), test in zip(rule.wrong, sure):
            checks.append((index, column, what, not_null, condition, test))
    return checks, [(c[1], c[3], c[4], c[5]) for c in checks]


#: The C1 control characters, looked for in the texts once they are read (see ``CONTROL_CHARACTERS``).
_C1 = re.compile("[\x80-\x9f]")


_REPORT_TEXTS = ("organization", "aimag", "report_date", "appendix_label", "title")
_SIGNATORY_TEXTS = ("role", "position", "name")
_GOAL_TEXTS = ("number", "text")
_TEXTS_OF = {names: attrgetter(*names) for names in (_REPORT_TEXTS, _SIGNATORY_TEXTS, _GOAL_TEXTS, MEASURE_TEXT_FIELDS)}


def check_texts(report: Report) -> None:
    """No text of the loaded report holds a C1 control character.

    The texts are searched joined, in one pass; only a report where one is found (or with a
    value that is not text) is searched text by text, to name where it is."""
    items = [("reports", report, _REPORT_TEXTS)]
    items += [("signatories", s, _SIGNATORY_TEXTS) for s in report.signatories]
    items += [("goals", g, _GOAL_TEXTS) for g in report.goals]
    items += [("measures", m, MEASURE_TEXT_FIELDS) for m in report.measures()]
    try:
        joined = "\n".join(chain.from_iterable(_TEXTS_OF[names](item) for _, item, names in items))
    except (TypeError, AttributeError):
        joined = None
    if joined is not None and not _C1.search(joined):
        return
    for table, item, names in items:
        for index, name in enumerate(names):
            value = getattr(item, name, "")
            if isinstance(value, str) and _C1.search(value):
                table_label, column_label = _label(table, name, index)
                raise Reject(f"«{table_label}» хэсгийн «{column_label}» талбарын утга буруу: {CONTROL}")
