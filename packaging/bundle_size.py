"""Prints the bundle's size: unpacked, and compressed as zstd (tar) and as zip.

    .venv/bin/python packaging/bundle_size.py [dist/tailan]      (`make package-check`)

Budget (issue 24): at most 130 MB unpacked on Linux (it was 150 MB in issue 6).
``--components`` prints the size of each part (Qt, ICU, cryptography...), to see
where a change of size comes from; ``--json`` prints the numbers for the benchmark.
zstd needs the ``zstd`` program; zip is made with Python's zipfile (deflate level 9,
which is what a Windows user downloading a zip gets).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

BUDGET_MB = 130


def unpacked_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# What each part of the bundle is, by its path inside the bundle (first match wins),
# so that a change in size can be told apart: `bundle_size.py --components`.
COMPONENTS = [
    ("ICU (Qt Core's Unicode library and its data)", r"(^|/)(lib)?icu\w*[.\d]*\.(so|dll)"),
    ("Qt plugins", r"^_internal/pyside6/(qt/)?plugins/"),
    ("Qt libraries", r"^_internal/pyside6/(qt/lib/)?(lib)?qt6"),
    ("PySide6 and shiboken bindings", r"^_internal/(pyside6|shiboken6)/"),
    ("cryptography", r"^_internal/(cryptography|_cffi_backend)"),
    ("pypdfium2 (the preview)", r"^_internal/pypdfium2"),
    ("lxml", r"^_internal/lxml/"),
    ("Pillow", r"^_internal/(pil|pillow\.libs)/"),
    ("python-docx template", r"^_internal/docx/"),
    ("Tailan's resources (fonts, translation, icons, sample)", r"^_internal/resources/"),
    ("Python (libpython, extension modules, base library)",
     r"^_internal/(libpython|python3|base_library|lib-dynload|python\d+\.dll|_\w+\.pyd|\w+\.pyd)"),
    ("executables (with the compressed Python modules)", r"^[^/]+$"),
    ("other shared libraries (C++ runtime, X11/xcb, glib, fontconfig, dbus...)", r"^_internal/[^/]+\.(so[.\d]*|dll)$"),
    ("other", r""),
]


def component_bytes(folder: Path) -> dict[str, int]:
    import re

    patterns = [(name, re.compile(pattern)) for name, pattern in COMPONENTS]
    sizes = dict.fromkeys((name for name, _ in COMPONENTS), 0)
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(folder).as_posix().lower()
            name = next(name for name, pattern in patterns if pattern.search(relative))
            sizes[name] += path.stat().st_size
    return sizes


def zstd_bytes(folder: Path, level: int = 19) -> int | None:
    if shutil.which("zstd") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tar = Path(tmp) / "b.tar"
        with tarfile.open(tar, "w") as t:
            t.add(folder, arcname=folder.name)
        out = Path(tmp) / "b.tar.zst"
        subprocess.run(["zstd", "-q", f"-{level}", "-T0", str(tar), "-o", str(out)], check=True)
        return out.stat().st_size


def zip_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "b.zip"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for p in sorted(folder.rglob("*")):
                if p.is_file() and not p.is_symlink():
                    z.write(p, p.relative_to(folder.parent))
        return out.stat().st_size


def measure(folder: Path) -> dict:
    return {"unpacked": unpacked_bytes(folder), "zstd19": zstd_bytes(folder), "zip9": zip_bytes(folder)}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0] if args else "dist/tailan")
    if not folder.is_dir():
        print(f"bundle_size: no bundle at {folder}; build it with `make package`", file=sys.stderr)
        return 2
    if "--components" in argv:
        for name, size in sorted(component_bytes(folder).items(), key=lambda item: -item[1]):
            print(f"{size / 1e6:7.1f} MB  {name}")
        return 0
    sizes = measure(folder)
    if "--json" in argv:
        print(json.dumps(sizes))
        return 0
    mb = lambda n: "n/a (no zstd)" if n is None else f"{n / 1e6:.1f} MB"  # noqa: E731
    print(f"bundle {folder}: {mb(sizes['unpacked'])} unpacked (budget {BUDGET_MB} MB), "
          f"{mb(sizes['zstd19'])} as tar.zst (-19), {mb(sizes['zip9'])} as zip (-9)")
    return 0 if sizes["unpacked"] <= BUDGET_MB * 1e6 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
