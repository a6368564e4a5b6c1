"""Small signed files from the aimag to a soum: reading them as untrusted input, and the aimag's key.

The aimag's call for reports and its notice of a rejection (``core.aimag.call``,
``core.aimag.notice``; the soum's side in ``core.sending``) are, like its receipts, a
JSON file ``{"body": {...}, "signature": HEX}``: the body carries a ``format`` tag
(so one kind of message can never be passed off as another) and the aimag's public
key, and the signature is the aimag key's Ed25519 signature of the body in the
canonical form of the report's fingerprint (sorted keys, no spaces, UTF-8). On the
soum's side everything is checked before use: the size, the shape, every value
(each message's own reader), the signature, and whether the key is one this PC
accepted for that aimag (``core.trust.aimag_keys``): the first time, only after the
officer compared its code with the aimag's letter or paper.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path
from typing import Any

from core.errors import TailanError
from core.storage.filenames import file_name
from core.trust import aimag_keys
from core.trust.signing import SignatureError, check_signature, key_code

#: No message of the aimag is near this size (a call naming 5,000 organizations is far below it).
MAX_MESSAGE_BYTES = 2 * 1024 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX128 = re.compile(r"^[0-9a-f]{128}$")


class MessageError(TailanError):
    """A message of the aimag that is refused: a Mongolian reason, nothing changed."""


def canonical(body: dict) -> bytes:
    """The exact bytes a message's signature covers (the fingerprint's canonical form)."""
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def file_bytes(body: dict, signature: str) -> bytes:
    """The message file as written: its body and signature, readable JSON."""
    return json.dumps({"body": body, "signature": signature}, ensure_ascii=False, indent=1).encode("utf-8")


def safe_name(*parts: str) -> str:
    """A file name of the parts joined, safe on any disk or USB stick; short enough with the message's
    suffix (``.tailan-receipt``, ``.tailan-call``: 16 characters at most) however long the names."""
    return file_name([p for p in parts if p], "", max_chars=120 - 16, max_bytes=200 - 16)


def read_body(path: str | os.PathLike, whose: str, fmt: str) -> tuple[dict, str]:
    """(body, signature) of a message file of format ``fmt``, its signature checked; ``whose`` names
    the message in refusals, in the genitive (``дуудлагын``, ``мэдэгдлийн``). Raises ``MessageError``."""
    path = Path(path)
    try:
        if not path.is_file():
            raise MessageError(f"Аймгийн {whose} файл олдсонгүй (эсвэл энгийн файл биш).")
        if path.stat().st_size > MAX_MESSAGE_BYTES:
            raise MessageError(f"Хэт том файл: аймгийн {whose} файл ийм том байдаггүй.")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_MESSAGE_BYTES + 1)
    except OSError as exc:
        raise MessageError(f"Аймгийн {whose} файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno}).") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise MessageError(f"Аймгийн {whose} файл биш эсвэл таслагдсан/гэмтсэн байна. Дахин авна уу.") from None
    if not isinstance(data, dict) or not isinstance(data.get("body"), dict) or not isinstance(data.get("signature"), str):
        raise MessageError(f"Аймгийн {whose} файл биш байна.")
    body, signature = data["body"], data["signature"]
    if body.get("format") != fmt:
        kind = body.get("format")
        if isinstance(kind, str) and kind.startswith("tailan-") and kind.rsplit("-v", 1)[0] == fmt.rsplit("-v", 1)[0]:
            raise MessageError(f"Аймгийн {whose} үл мэдэгдэх хувилбар: програмаа шинэчилнэ үү.")
        raise MessageError(f"Энэ файл аймгийн {whose} файл биш байна.")
    public_key = body.get("aimag_public_key")
    if not isinstance(public_key, str) or not _HEX64.match(public_key) or not _HEX128.match(signature):
        raise MessageError(f"Аймгийн {whose} түлхүүр эсвэл гарын үсгийн бичлэг буруу.")
    try:
        check_signature(public_key, signature, canonical(body))
    except SignatureError:
        raise MessageError(f"Аймгийн {whose} гарын үсэг агуулгатай таарахгүй: файлыг өөрчилсөн байна.") from None
    return body, signature


def check_signature_of(body: dict, signature: str) -> None:
    """Checks a kept message again (its key and signature), raising ``MessageError``."""
    public_key = body.get("aimag_public_key")
    if not isinstance(public_key, str) or not _HEX64.match(public_key) or not isinstance(signature, str) \
            or not _HEX128.match(signature):
        raise MessageError("Аймгийн файлын түлхүүр эсвэл гарын үсгийн бичлэг буруу.")
    try:
        check_signature(public_key, signature, canonical(body))
    except SignatureError:
        raise MessageError("Аймгийн файлын гарын үсэг агуулгатай таарахгүй.") from None


def text(body: dict, name: str, whose: str, limit: int = 1_000, required: bool = True) -> str:
    """A text value of the body, bounded; refused in Mongolian when it is not one."""
    value = body.get(name)
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise MessageError(f"Аймгийн {whose} «{name}» утга буруу.")
    return value


def integer(body: dict, name: str, whose: str, low: int, high: int) -> int:
    """An integer value of the body in ``low..high`` (a JSON ``true`` is not one)."""
    value = body.get(name)
    if type(value) is not int or not low <= value <= high:
        raise MessageError(f"Аймгийн {whose} «{name}» утга буруу.")
    return value


def timestamp(body: dict, name: str, whose: str) -> str:
    """An ISO time of the body (``issued_at``...)."""
    value = text(body, name, whose, 40)
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        raise MessageError(f"Аймгийн {whose} «{name}» огноо буруу.") from None
    return value


def check_aimag_key(aimag: str, public_key: str, accept_key: bool, whose: str) -> bool:
    """Whether the message's key is to be accepted now (first key of this aimag on this PC, and the
    officer said so); refuses a key other than the accepted one, and a first key not yet compared."""
    accepted = aimag_keys.accepted_keys(aimag)
    if public_key in accepted:
        return False
    code = key_code(public_key)
    if accepted:
        raise MessageError(f"{whose.capitalize()} гарын үсэг {aimag} аймгийн хүлээн зөвшөөрсөн түлхүүрийнх биш ({code}): "
                           "өөр хэн нэгэн аймгийн нэрээр бичсэн байж магадгүй. Аймагтаа лавлана уу.")
    if not accept_key:
        raise MessageError(f"{aimag} аймгийн түлхүүрийг энэ компьютер анх удаа харж байна: код {code}. Аймгийн "
                           "албан бичиг эсвэл эрэмбийн цаасан дээрх кодтой тулгаад, таарвал зөвшөөрнө үү (--accept-key).")
    return True


def accept_aimag_key(aimag: str, public_key: str) -> str:
    """Accepts the aimag's key on this PC (after the officer compared its code); returns the code."""
    return aimag_keys.accept(aimag, public_key)


def today() -> datetime.date:
    """Today's date on this PC (the deadlines count in local days)."""
    return datetime.date.today()


def days_left(deadline: str, on: datetime.date | None = None) -> int:
    """Days from ``on`` (today) to the ``YYYY-MM-DD`` deadline: 0 on the day, negative when late."""
    return (datetime.date.fromisoformat(deadline) - (on or today())).days


def parse_deadline(value: Any) -> str:
    """A deadline as ``YYYY-MM-DD`` (a real date), else a Mongolian refusal."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise MessageError(f"Эцсийн хугацааг ОООО-СС-ӨӨ хэлбэрээр бичнэ үү (жишээ нь 2024-07-05), «{value}» биш.")
    try:
        datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise MessageError(f"«{value}» гэсэн огноо байхгүй: эцсийн хугацааг шалгана уу.") from None
    return value.strip()
