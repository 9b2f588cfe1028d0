#!/usr/bin/env bash
# Make fixtures/docx/*.docx from the corpus texts with LibreOffice (Debian: libreoffice-writer-nogui,
# fonts-thai-tlwg). The DOCX files are committed; this script documents how they were made.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
for f in fixtures/corpus/*.txt; do
  id=$(basename "$f" .txt)
  python3 scripts/corpus-to-html.py "$f" "$tmp/$id.html"
  soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$tmp/$id.html" >/dev/null 2>&1
  cp "$tmp/$id.docx" "fixtures/docx/$id.docx"
done
rm -rf "$tmp"
ls -la fixtures/docx
