"""The size of a file's schema, read from its bytes before SQLite parses any of it.

An SQLite file keeps the definitions of its tables, indexes and triggers in the table
b-tree rooted on page 1 (``sqlite_master``). SQLite parses every one of them before it
can read anything else, and a definition may run on through overflow pages: a file of
a few megabytes can hide a definition SQLite spends hundreds of megabytes parsing. So
the b-tree is read here as plain bytes (the page header after the 100-byte file header,
the cell pointers, each cell's payload size) and a schema with too many pages, or a
definition or a whole larger than ours could ever be, is refused before SQLite sees it.
Ours: a dozen definitions of at most about 1 KB each, on one page.
"""

from __future__ import annotations

from typing import Callable

#: Pages the schema table may span. Ours fits in one.
MAX_SCHEMA_PAGES = 16
#: The longest definition (a table, an index, a trigger) a file may hold; ours are about 1 KB.
MAX_DEFINITION_BYTES = 64 * 1024
#: All definitions together (sixteen pages of 64 KiB, and no overflow beyond that).
MAX_SCHEMA_BYTES = 2 * 1024 * 1024
TABLE_LEAF, TABLE_INTERIOR = 0x0D, 0x05

#: What ``schema_problem`` finds: nothing, a schema larger than ours could be, or broken pages.
TOO_BIG, DAMAGED = "too-big", "damaged"


def _varint(page: bytes, offset: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``offset``: (value, offset after it)."""
    value = 0
    for i in range(9):
        if offset + i >= len(page):
            raise IndexError
        byte = page[offset + i]
        if i == 8:
            return (value << 8) | byte, offset + 9
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, offset + i + 1
    raise IndexError  # pragma: no cover


def schema_problem(read_page: Callable[[int], bytes], page_size: int, page_count: int) -> str:
    """``""`` when the schema table is small and sound, else ``TOO_BIG`` or ``DAMAGED``.

    ``read_page(n)`` gives page ``n`` (1-based) whole. Page 1 is a leaf, or an interior
    page whose children are all leaves; every leaf cell's payload (one definition, with
    its overflow) is bounded, and so is their sum.
    """
    try:
        first = read_page(1)
        kind = first[100]
        if kind == TABLE_LEAF:
            leaves = [(first, 100)]
        elif kind == TABLE_INTERIOR:
            cells = int.from_bytes(first[103:105], "big")
            if cells + 1 > MAX_SCHEMA_PAGES:
                return TOO_BIG
            if 112 + 2 * cells > page_size:
                return DAMAGED
            children = [int.from_bytes(first[108:112], "big")]
            for i in range(cells):
                offset = int.from_bytes(first[112 + 2 * i: 114 + 2 * i], "big")
                if not 112 <= offset <= page_size - 4:
                    return DAMAGED
                children.append(int.from_bytes(first[offset: offset + 4], "big"))
            leaves = []
            for child in children:
                if not 2 <= child <= page_count:
                    return DAMAGED
                page = read_page(child)
                if page[0] != TABLE_LEAF:
                    return TOO_BIG
                leaves.append((page, 0))
        else:
            return DAMAGED
        total = 0
        for page, start in leaves:
            cells = int.from_bytes(page[start + 3: start + 5], "big")
            if start + 8 + 2 * cells > page_size:
                return DAMAGED
            for i in range(cells):
                offset = int.from_bytes(page[start + 8 + 2 * i: start + 10 + 2 * i], "big")
                if not start + 8 <= offset < page_size:
                    return DAMAGED
                size, _ = _varint(page, offset)
                if size > MAX_DEFINITION_BYTES:
                    return TOO_BIG
                total += size
                if total > MAX_SCHEMA_BYTES:
                    return TOO_BIG
    except IndexError:
        return DAMAGED
    return ""


def bytes_schema_problem(data: bytes) -> str:
    """``schema_problem`` of a whole file held in memory (its header already checked)."""
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = len(data) // page_size

    def read_page(n: int) -> bytes:
        return data[(n - 1) * page_size: n * page_size]

    return schema_problem(read_page, page_size, pages)


def file_schema_problem(path, size: int) -> str:
    """``schema_problem`` of a file on disk, reading only the schema's own pages."""
    with open(path, "rb") as handle:
        head = handle.read(100)
        if len(head) < 100:
            return DAMAGED
        page_size = int.from_bytes(head[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        if page_size < 512 or page_size & (page_size - 1):
            return DAMAGED
        pages = size // page_size

        def read_page(n: int) -> bytes:
            handle.seek((n - 1) * page_size)
            return handle.read(page_size)

        return schema_problem(read_page, page_size, pages)
