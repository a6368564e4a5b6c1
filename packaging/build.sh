#!/usr/bin/env bash
# Builds the Linux bundle dist/tailan/ from packaging/tailan.spec, then checks it
# (packaging/check_bundle.sh: self-test, self-test without system fonts, tailan-cli).
# `make package` runs this after installing PyInstaller into .venv.
#   PYTHON=path/to/python packaging/build.sh     (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build packaging/tailan.spec
bash packaging/check_bundle.sh dist/tailan
