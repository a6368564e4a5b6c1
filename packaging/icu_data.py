"""A smaller ICU data library for the Linux bundle: only the items Qt can ask for in Tailan.

Qt Core on Linux is linked against ICU (``libicuuc``, ``libicui18n``), and ICU against
``libicudata.so.NN``: 32 MB holding every locale of the world, every legacy character
set, time zone names, break-iterator dictionaries. Qt uses ICU for very little: in
Tailan only collation (``QCollator``: the file dialog's natural sort of names, in the
user's language) and locale-aware case mapping, whose rules are compiled into
``libicuuc`` itself. Tracing the real program (``ICU_DATA`` pointed at an empty folder
makes ICU look there first for each item it opens, so ``strace`` lists them) showed
exactly these three items: ``coll/ucadata.icu``, ``coll/root.res``, ``coll/mn.res``.

This module rebuilds the library with those items, the collation of the interface's
other language (English = root) and the files ICU opens to resolve a locale's name and
its parents (``res_index``, ``root``, ``pool``, ``likelySubtags``...): 1.5 MB.
An item left out is not a crash: ICU returns an error, and Qt falls back to its own
tables (``QCollator`` compares code points, ``QLocale::toUpper`` uses ``QString``).

The library is a shared object with one exported symbol, ``icudtNN_dat``, the data in
ICU's "common data" format (a table of contents of named items). It is written as an
assembler file that includes the data (``.incbin``) and linked with ``cc -shared``, so
building the Linux bundle needs a C compiler (``build-essential``); without one, the
bundle keeps the full library and ``bundle_size.py`` reports it over its budget.

    python packaging/icu_data.py LIBICUDATA OUT.so    (trims; prints the sizes)
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# Items kept, as names inside the package (``icudt73l/`` is added), with why.
KEPT_ITEMS = (
    # Locale resolution: the index of locales, the root locale, its shared string pool,
    # likely subtags (mn -> mn_Cyrl_MN) and locale aliases. Also kept in the coll tree.
    "res_index.res", "root.res", "pool.res", "likelySubtags.res", "metadata.res",
    "mn.res", "mn_MN.res", "en.res", "en_US.res",
    # Collation: the root (also English) order, Mongolian Cyrillic's tailoring
    # (Ө after О, Ү after У), and the tree's index.
    "coll/ucadata.icu", "coll/res_index.res", "coll/root.res",
    "coll/mn.res", "coll/en.res", "coll/en_US.res",
)

COMMON_DATA_FORMAT = b"CmnD"
ALIGNMENT = 16  # ICU's items start on 16-byte boundaries (they hold 64-bit tables)


# ------------------------------------------------------------------ the ELF library
def _elf_sections(elf: bytes) -> list[tuple[int, int, int, int, int, int]]:
    """(type, addr, offset, size, link, entsize) of each section of a 64-bit little-endian ELF."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = []
    for i in range(shnum):
        _name, kind, _flags, addr, offset, size, link, _info, _align, entsize = struct.unpack_from(
            "<IIQQQQIIQQ", elf, shoff + i * shentsize)
        sections.append((kind, addr, offset, size, link, entsize))
    return sections


def data_symbol(elf: bytes) -> tuple[str, bytes]:
    """The name (``icudt73_dat``) and the bytes of the data symbol of a ``libicudata`` library."""
    sections = _elf_sections(elf)
    SHT_DYNSYM = 11
    for kind, _addr, offset, size, link, entsize in sections:
        if kind != SHT_DYNSYM:
            continue
        strtab_offset = sections[link][2]
        for at in range(offset, offset + size, entsize):
            name_at, _info, _other, shndx, value, length = struct.unpack_from("<IBBHQQ", elf, at)
            end = elf.index(b"\0", strtab_offset + name_at)
            name = elf[strtab_offset + name_at:end].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name) and shndx != 0:
                _k, section_addr, section_offset, *_ = sections[shndx]
                start = value - section_addr + section_offset
                return name, elf[start:start + length]
    raise ValueError("no icudtNN_dat symbol: not an ICU data library")


# ------------------------------------------------------------------ ICU common data
def read_items(blob: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The header and the named items of ICU common data (names like ``icudt73l/coll/mn.res``)."""
    header_size, = struct.unpack_from("<H", blob, 0)
    if blob[2:4] != b"\xda\x27" or blob[12:16] != COMMON_DATA_FORMAT or blob[8] != 0:
        raise ValueError("not little-endian ICU common data")
    toc = header_size
    count, = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = {}
    for i, (name_offset, data_offset) in enumerate(entries):
        name = blob[toc + name_offset:blob.index(b"\0", toc + name_offset)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        items[name] = blob[toc + data_offset:toc + end]
    return blob[:header_size], items


def _padded(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % ALIGNMENT)


def write_items(header: bytes, items: dict[str, bytes]) -> bytes:
    """ICU common data holding ``items``; ICU finds an item by binary search, so names are sorted."""
    names = sorted(items, key=lambda n: n.encode("ascii"))
    table_size = 4 + 8 * len(names)
    name_bytes = b"".join(n.encode("ascii") + b"\0" for n in names)
    names_end = len(_padded(bytes(len(header) + table_size + len(name_bytes)))) - len(header)
    entries, data, offset, name_offset = [], [], names_end, table_size
    for name in names:
        entries.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name.encode("ascii")) + 1
        chunk = _padded(items[name])
        data.append(chunk)
        offset += len(chunk)
    toc = struct.pack("<I", len(names)) + b"".join(entries) + name_bytes
    toc += b"\0" * (names_end - len(toc))
    return header + toc + b"".join(data)


def trimmed(blob: bytes, kept: tuple[str, ...] = KEPT_ITEMS) -> bytes:
    """The common data with only the ``kept`` items; one missing (a newer ICU renamed it) stops the build."""
    header, items = read_items(blob)
    package = next(iter(items)).split("/", 1)[0]  # icudt73l
    missing = [name for name in kept if f"{package}/{name}" not in items]
    if missing:
        raise ValueError(f"ICU data {package} lacks {', '.join(missing)}: check KEPT_ITEMS against this ICU")
    return write_items(header, {f"{package}/{name}": items[f"{package}/{name}"] for name in kept})


# ------------------------------------------------------------------ the new library
def compiler() -> str | None:
    return shutil.which("cc") or shutil.which("gcc")


def build_library(original: Path, target: Path, kept: tuple[str, ...] = KEPT_ITEMS) -> Path:
    """Writes ``target``: the library ``original`` with only the ``kept`` items, same soname and symbol."""
    cc = compiler()
    if cc is None:
        raise RuntimeError("no C compiler (cc): install build-essential to trim the ICU data")
    elf = original.read_bytes()
    symbol, blob = data_symbol(elf)
    soname = original.name
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "icudata.dat"
        data.write_bytes(trimmed(blob, kept))
        source = Path(tmp) / "icudata.s"
        source.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {ALIGNMENT}\n'
            f'{symbol}:\n\t.incbin "{data}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run([cc, "-shared", "-nostdlib", "-s", f"-Wl,-soname,{soname}", "-o", str(target), str(source)],
                       check=True)
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    original, target = Path(argv[0]), Path(argv[1])
    build_library(original, target)
    _symbol, blob = data_symbol(target.read_bytes())
    _header, items = read_items(blob)
    print(f"{target}: {target.stat().st_size / 1e6:.2f} MB (was {original.stat().st_size / 1e6:.1f} MB), "
          f"{len(items)} items: {', '.join(n.split('/', 1)[1] for n in items)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
