#!/usr/bin/env bash
# Checks a built Linux bundle (default dist/tailan) the way a user would meet it,
# with its own temporary data and settings folders (the real ones are never used):
#  1. `tailan --self-test` (offscreen: fonts, sample total, PDF, window, printing through
#     QPrinter, Word export and import, ranking .xlsx, Ed25519, the consolidation window,
#     data folder): every dependency the app uses, so that a part the spec left out
#     fails here and not on a user's PC weeks later;
#  2. the same with no system fonts at all (an empty fontconfig configuration), as on
#     a PC without Cyrillic fonts: the bundled Liberation fonts must carry everything;
#  3. `tailan-cli`: import the sample text, show the total, export the PDF.
set -euo pipefail
BUNDLE=${1:-dist/tailan}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export TAILAN_DATA_DIR="$tmp/data" XDG_CONFIG_HOME="$tmp/config"

echo "== $BUNDLE/tailan --self-test"
"$BUNDLE/tailan" --self-test

echo "== the same without any system font (empty fontconfig)"
cat > "$tmp/no-fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$tmp/fc-cache</cachedir></fontconfig>
CONF
FONTCONFIG_FILE="$tmp/no-fonts.conf" "$BUNDLE/tailan" --self-test > "$tmp/no-fonts.log" 2>&1 \
  || { cat "$tmp/no-fonts.log"; echo "check_bundle: self-test failed without system fonts" >&2; exit 1; }
grep -E "window font|passed" "$tmp/no-fonts.log"

echo "== $BUNDLE/tailan-cli import, show, export-pdf"
"$BUNDLE/tailan-cli" import "$ROOT"/resources/sample/*.txt --db "$tmp/x.tailan" --aimag Өвөрхангай > /dev/null
"$BUNDLE/tailan-cli" show "$tmp/x.tailan" | grep -q "Биелэлтийн нийт дүн: 80,9" \
  || { echo "check_bundle: tailan-cli show does not give the total 80,9" >&2; exit 1; }
"$BUNDLE/tailan-cli" export-pdf "$tmp/x.tailan" -o "$tmp/x.pdf"
head -c 4 "$tmp/x.pdf" | grep -q "%PDF" || { echo "check_bundle: tailan-cli wrote no PDF" >&2; exit 1; }
"$BUNDLE/tailan-cli" export-docx "$tmp/x.tailan" -o "$tmp/x.docx" > /dev/null
"$BUNDLE/tailan-cli" import "$tmp/x.docx" --db "$tmp/from-word.tailan" --aimag Өвөрхангай > /dev/null
"$BUNDLE/tailan-cli" show "$tmp/from-word.tailan" | grep -q "Биелэлтийн нийт дүн: 80,9" \
  || { echo "check_bundle: the .docx written by tailan-cli does not read back with the total 80,9" >&2; exit 1; }
echo "✓ tailan-cli: import, total 80,9, export-pdf ($(stat -c %s "$tmp/x.pdf") bytes), export-docx and back"
echo "== $BUNDLE/tailan-cli finalize (signs), export-submission, consolidate, decide, ranking --xlsx, receipt"
for m in 6.1 6.2; do "$BUNDLE/tailan-cli" set "$tmp/x.tailan" --measure $m --score 100 > /dev/null; done
"$BUNDLE/tailan-cli" set "$tmp/x.tailan" --measure 6.3 --score 70 > /dev/null
"$BUNDLE/tailan-cli" set "$tmp/x.tailan" --report-field organization --value "Нарийнтээл сум" > /dev/null
"$BUNDLE/tailan-cli" finalize "$tmp/x.tailan" > /dev/null 2>&1
mkdir -p "$tmp/out" "$tmp/receipts"
"$BUNDLE/tailan-cli" export-submission "$tmp/x.tailan" -o "$tmp/out/" > /dev/null 2>&1
set +e
"$BUNDLE/tailan-cli" consolidate "$tmp/out" --db "$tmp/aimag.tailan" --aimag Өвөрхангай --json > "$tmp/c.json"
code=$?
set -e
[ "$code" = 1 ] && grep -q '"new-organization"' "$tmp/c.json" \
  || { cat "$tmp/c.json"; echo "check_bundle: a first submission should wait for the reviewer (exit 1)" >&2; exit 1; }
"$BUNDLE/tailan-cli" decide "$tmp/aimag.tailan" --accept 1 > /dev/null
"$BUNDLE/tailan-cli" ranking "$tmp/aimag.tailan" --xlsx "$tmp/r.xlsx" --csv "$tmp/r.csv" --pdf "$tmp/r.pdf"
head -c 2 "$tmp/r.xlsx" | grep -q "PK" || { echo "check_bundle: no .xlsx written" >&2; exit 1; }
"$BUNDLE/tailan-cli" receipt "$tmp/aimag.tailan" --organization "Нарийнтээл сум" -o "$tmp/receipts" > /dev/null
"$BUNDLE/tailan-cli" receipt-open "$tmp/x.tailan" "$tmp"/receipts/*.tailan-receipt --accept-key > /dev/null
echo "✓ signed, consolidated after the reviewer's decision, ranking as .xlsx, receipt kept"
echo "== $BUNDLE/tailan-cli consolidate of 70 files: checked by worker processes (this executable started again)"
mkdir -p "$tmp/batch"
for i in $(seq 1 70); do cp "$tmp"/out/*.tailan "$tmp/batch/copy-$i.tailan"; done
set +e
"$BUNDLE/tailan-cli" consolidate "$tmp/batch" --db "$tmp/aimag.tailan" --json > "$tmp/b.json" 2> "$tmp/b.err"
code=$?
set -e
# the same signed file 70 times, already taken: each one skipped, none rejected, no worker's error
[ "$code" = 0 ] && [ "$(grep -o '"status": "skipped"' "$tmp/b.json" | wc -l)" = 70 ] && [ ! -s "$tmp/b.err" ] \
  && [ -z "$(ls -A "$tmp"/aimag-archive | grep checking)" ] \
  || { cat "$tmp/b.json" "$tmp/b.err"; echo "check_bundle: a batch checked by worker processes failed" >&2; exit 1; }
echo "✓ 70 files checked by worker processes, each skipped as already taken, no copy left behind"
echo "check_bundle: all passed"
