"""The names of the files Tailan makes: readable, safe on any disk, short enough, unique.

A submission, a receipt, a backup, a printout is named after the organization, and
organizations have long names: a name of about 100 Cyrillic letters is over 200 bytes
in UTF-8, and with the aimag, the year and the period a file name passed the 255 bytes
a file system allows (on Windows a whole path is limited to 260 characters). So every
name made here is at most ``MAX_CHARS`` characters and ``MAX_BYTES`` bytes with its
suffixes. When the parts do not fit, the longest is shortened, at a character, and a
short digest of the whole name is added, so that two long names that differ only at
their end still make two files; a name that fits is left as it is.
"""

from __future__ import annotations

import hashlib
import re

MAX_CHARS = 120
MAX_BYTES = 200

#: Characters no file name may hold on Windows, FAT or a terminal: reserved signs, control
#: and format characters (bidi controls, zero-width characters).
_UNSAFE = re.compile("[<>:\"/\\\\|?*\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def fits(name: str, max_chars: int = MAX_CHARS, max_bytes: int = MAX_BYTES) -> bool:
    """Whether a whole file name (suffixes included) is short enough everywhere."""
    return len(name) <= max_chars and len(name.encode("utf-8")) <= max_bytes


def clean_part(text: str) -> str:
    """One part of a name: unsafe characters dropped, every run of spaces as one hyphen."""
    return "-".join(_UNSAFE.sub(" ", str(text)).split()).strip(".-")


def file_name(parts: list[str], suffix: str, separator: str = "_", max_chars: int = MAX_CHARS,
              max_bytes: int = MAX_BYTES) -> str:
    """``part_part_part`` + ``suffix``, safe and short enough; the longest parts shortened (and the
    whole name's digest added) only when it does not fit."""
    cleaned = [clean_part(p) for p in parts]
    cleaned = [p for p in cleaned if p] or ["файл"]
    whole = separator.join(cleaned)
    if whole.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned[0] = "_" + cleaned[0]
        whole = separator.join(cleaned)
    if fits(whole + suffix, max_chars, max_bytes):
        return whole + suffix
    tag = "~" + hashlib.sha256(whole.encode("utf-8")).hexdigest()[:8]
    while not fits(separator.join(cleaned) + tag + suffix, max_chars, max_bytes):
        longest = max(range(len(cleaned)), key=lambda i: len(cleaned[i].encode("utf-8")))
        if len(cleaned[longest]) <= 1:
            cleaned = cleaned[:-1] or ["ф"]  # nothing left to shorten: drop the last part
            continue
        cleaned[longest] = cleaned[longest][:-1].rstrip(".-")
    return separator.join(cleaned) + tag + suffix


def shorter_stem(stem: str, tail: str, suffix: str) -> str:
    """``stem + tail + suffix`` short enough (a backup of a file whose own name is long)."""
    if fits(stem + tail + suffix):
        return stem + tail + suffix
    tag = "~" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    while stem and not fits(stem + tag + tail + suffix):
        stem = stem[:-1]
    return stem + tag + tail + suffix
