"""How a received file is refused: one exception with a plain Mongolian reason.

Reasons are read by a soum officer or an aimag reviewer, so they never carry
SQLite's own (English) error text: an SQLite error is translated by its code.
"""

from __future__ import annotations

import sqlite3

TOO_SLOW = "шалгалт хэт удаан үргэлжилсэн: файл хэвийн бус (хортой байж магадгүй); илгээгчээс дахин авна уу"
TOO_BIG_VALUE = "файлд хэт том утга байна: хэвийн тайлангийн файл биш; илгээгчээс дахин авна уу"
TOO_MUCH_MEMORY = "шалгалтад хэт их санах ой шаардлагатай боллоо: файл хэвийн бус; илгээгчээс дахин авна уу"
DAMAGED = "гэмтсэн файл: хуулах үед эвдэрсэн эсвэл гараар өөрчилсөн байж магадгүй; илгээгчээс дахин авна уу"


class Reject(Exception):
    """A received file is refused; ``reason`` says why, in Mongolian."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def sqlite_reason(exc: sqlite3.Error, context: str = "") -> str:
    """A Mongolian reason for an SQLite error met while checking a received file."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_INTERRUPT:
        return TOO_SLOW
    if primary == sqlite3.SQLITE_TOOBIG:
        return TOO_BIG_VALUE
    if primary == sqlite3.SQLITE_NOMEM or isinstance(exc, MemoryError):
        return TOO_MUCH_MEMORY
    if primary == sqlite3.SQLITE_NOTADB:
        return "Тайлан програмын файл биш байна (толгой хэсэг нь гэмтсэн эсвэл өөр төрлийн файл)"
    return f"{context}: {DAMAGED}" if context else DAMAGED
