#!/usr/bin/env bash
# PDF renderings of some held-out reports (fixtures/heldout*/): a ruled-table HTML page from the text
# (scripts/corpus-to-html.py) printed by LibreOffice (Debian: libreoffice-writer-nogui, fonts-thai-tlwg).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
for f in fixtures/heldout/h1_tessaban_mueang_measures_2568.txt fixtures/heldout2/r1_obt_item_code_column_2568.txt fixtures/heldout2/r5_tessaban_nakhon_mixed_digits_2568.txt; do
  id=$(basename "$f" .txt)
  python3 scripts/corpus-to-html.py "$f" "$tmp/$id.html"
  soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$tmp" "$tmp/$id.html" >/dev/null 2>&1
  cp "$tmp/$id.pdf" "fixtures/pdf/heldout-$id.pdf"
done
rm -rf "$tmp"
