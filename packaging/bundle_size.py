"""Prints the bundle's size: unpacked, and compressed as zstd (tar) and as zip.

    .venv/bin/python packaging/bundle_size.py [dist/tailan]      (`make package-check`)

Budget (issue 6): at most 150 MB unpacked on Linux. ``--json`` prints the numbers
for the benchmark. zstd needs the ``zstd`` program; zip is made with Python's
zipfile (deflate level 9, which is what a Windows user downloading a zip gets).
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

BUDGET_MB = 150


def unpacked_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


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
