#!/usr/bin/env bash
# Builds the PDF reader's fixtures (fixtures/pdf/) from the corpus texts.
#
#   scripts/make-pdf-fixtures.sh
#
# Needs LibreOffice (soffice), poppler-utils (pdftoppm) and a Thai TLWG font
# (fonts-thai-tlwg: Garuda, Laksaman, …). Node turns each corpus text into
# HTML — tab-separated lines → <table> rows, `**…**` / `## …` lines →
# headings, other lines → <p> — and LibreOffice Writer prints it to PDF, so
# the PDFs have a real text layer with ruled tables, repeated table headers
# on new pages (where the corpus text repeats the header after a blank line,
# i.e. a page break in the original) and Thai glyph substitutions written as
# /ActualText marked content, as LibreOffice does for every Thai PDF.
#
# Outputs:
#   003.pdf          corpus 003 (seven issues, 10 rows, a row continued with
#                    "(ต่อ)"), ruled tables, running header + page numbers
#   004.pdf          corpus 004 (recommendation paragraphs + a small table),
#                    tables without rules
#   encrypted.pdf    the start of 003 (up to its first table), with an open
#                    password ("x")
#   corrupt.pdf      003.pdf cut off at 40 % of its bytes
#   image-only.pdf   page 1 of 003 rendered at 100 dpi (grey) and wrapped in
#                    a hand-made PDF: one image, no text layer at all
#
# The HTML is imported with the "HTML (StarWriter)" filter: LibreOffice's
# default Writer/Web import drops the first paragraph onto a blank page.
# PDF_FIXTURE_KEEP=1 keeps the work directory (HTML, intermediate PDFs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/fixtures/pdf"
CORPUS="$ROOT/fixtures/corpus"
WORK="$(mktemp -d)"
[ -n "${PDF_FIXTURE_KEEP:-}" ] && echo "work dir: $WORK" >&2 || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

FONT="${PDF_FIXTURE_FONT:-Garuda}"
if ! fc-list ":family=$FONT" | grep . >/dev/null; then
  echo "font $FONT not installed (apt-get install fonts-thai-tlwg)" >&2
  exit 1
fi

# corpus text → HTML
# to_html SRC DST [BORDER [HEADER]]: BORDER 1 draws ruled tables, 0 none;
# HEADER, when given, is a running header line and adds a "- n -" page-number
# footer.
to_html() {
  FONT="$FONT" BORDER="${3:-1}" HEADER="${4:-}" node --input-type=module - "$1" "$2" <<'EOF'
import { readFileSync, writeFileSync } from 'node:fs';
const [src, dst] = process.argv.slice(2);
const font = process.env.FONT;
const border = process.env.BORDER === '0' ? 0 : 1;
const header = process.env.HEADER ?? '';
const esc = (s) => s.replace(/&(?!amp;|lt;|gt;|quot;|#)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Cell text: keep <p> paragraphs and <b>, escape the rest.
const cellHtml = (raw) => {
  const parts = raw.split(/<\/?p(?:\s[^>]*)?>/i).map((p) => p.trim()).filter(Boolean);
  const inline = (p) => esc(p).replace(/&lt;(\/?)b&gt;/gi, '<$1b>').replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
  return parts.length > 1 ? parts.map((p) => `<p>${inline(p)}</p>`).join('') : inline(parts[0] ?? '');
};
const lines = readFileSync(src, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
// Pass 1: tables (runs of tab lines; a header repeated after a blank line —
// a page break in the original — starts a new table on a new page) and
// other lines.
const items = [];
let table = null;
let blank = false;
for (const line of lines) {
  if (line.trim() === '') { blank = true; continue; }
  if (line.includes('\t')) {
    const cells = line.split('\t');
    if (table && blank && line === table.rows[0].join('\t')) table = null, items.push({ pageBreak: true });
    if (!table) items.push((table = { rows: [] }));
    table.rows.push(cells);
  } else {
    table = null;
    items.push({ line: line.trim() });
  }
  blank = false;
}
// Column widths: proportional to the square root of the longest cell, at
// least 5 % (LibreOffice otherwise squeezes short columns letter by letter).
const widths = (rows) => {
  const n = Math.max(...rows.map((r) => r.length));
  const raw = Array.from({ length: n }, (_, k) => Math.sqrt(Math.max(1, ...rows.map((r) => (r[k] ?? '').length))));
  const sum = raw.reduce((a, b) => a + b, 0);
  const pct = raw.map((x) => Math.max(5, (100 * x) / sum));
  const total = pct.reduce((a, b) => a + b, 0);
  return pct.map((x) => Math.round((100 * x) / total));
};
const out = [];
for (const it of items) {
  if (it.pageBreak) { out.push('<p style="page-break-before: always; margin:0; font-size:1pt">&#8203;</p>'); continue; }
  if (it.rows) {
    const w = widths(it.rows);
    out.push(`<table border="${border}" cellspacing="0" cellpadding="3" width="100%">`);
    out.push('<colgroup>' + w.map((x) => `<col width="${x}%">`).join('') + '</colgroup><tbody>');
    it.rows.forEach((cells, r) => {
      out.push('<tr>' + cells.map((c, k) => `<td valign="top" width="${w[k]}%">${r === 0 ? `<b>${cellHtml(c)}</b>` : cellHtml(c)}</td>`).join('') + '</tr>');
    });
    out.push('</tbody></table>');
    continue;
  }
  const t = it.line;
  if (/^-{3,}$/.test(t)) continue;
  const md = /^(#{1,6})\s+(.*)$/.exec(t);
  if (md) { out.push(`<h2>${cellHtml(md[2])}</h2>`); continue; }
  const bold = /^\*\*(.+?)\*\*\s*$/.exec(t);
  if (bold) { out.push(`<p><b>${cellHtml(bold[1])}</b></p>`); continue; }
  out.push(`<p>${cellHtml(t)}</p>`);
}
writeFileSync(dst, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: 29.7cm 21cm; margin: 1.5cm; }
body, p, td, h2 { font-family: "${font}"; font-size: 11pt; }
h2 { font-size: 13pt; }
td { font-size: 10pt; }
</style></head><body>
${header ? `<div title="header"><p align="right" style="font-size:9pt">${esc(header)}</p></div>` : ''}
${out.join('\n')}
${header ? '<div title="footer"><p align="center" style="font-size:9pt">- <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>' : ''}
</body></html>`);
EOF
}

pdf_from_html() { # html → pdf in $WORK (same stem)
  soffice --headless --norestore --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$WORK" "$1" >/dev/null 2>&1
}

# 003: ruled tables, a running header (LibreOffice prints it on odd pages
# only) and a page-number footer. 004: tables without rules (column layout).
to_html "$CORPUS/003_592d1508f0de56c3.txt" "$WORK/003.html" 1 'รายงานผลการดำเนินการ ITA อบต.คลองประสัก ๒๕๖๗'
to_html "$CORPUS/004_d0cc15d3996b9fea.txt" "$WORK/004.html" 0
for dst in 003 004; do
  pdf_from_html "$WORK/$dst.html"
  cp "$WORK/$dst.pdf" "$OUT/$dst.pdf"
done

# Encrypted: page 1 of 003 with an open password.
to_html "$CORPUS/003_592d1508f0de56c3.txt" "$WORK/enc.html"
# keep it to the first table only
node -e "const fs=require('fs');const f=process.argv[1];let h=fs.readFileSync(f,'utf8');const i=h.indexOf('</table>');h=h.slice(0,i+8)+'</body></html>';fs.writeFileSync(f,h)" "$WORK/enc.html"
soffice --headless --norestore --infilter="HTML (StarWriter)" \
  --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}' \
  --outdir "$WORK" "$WORK/enc.html" >/dev/null 2>&1
cp "$WORK/enc.pdf" "$OUT/encrypted.pdf"

# Corrupt: 003.pdf truncated (no xref, no trailer, objects cut mid-stream).
size=$(stat -c %s "$OUT/003.pdf")
head -c $((size * 40 / 100)) "$OUT/003.pdf" > "$OUT/corrupt.pdf"

# Image only: page 1 rendered (100 dpi, grey PGM) and wrapped in a minimal
# hand-written PDF (one Flate-compressed image XObject, no fonts, no text).
pdftoppm -f 1 -l 1 -r 100 -gray "$OUT/003.pdf" "$WORK/page"
pgm="$(ls "$WORK"/page*.pgm | head -1)"
node --input-type=module - "$pgm" "$OUT/image-only.pdf" <<'EOF2'
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
const [src, dst] = process.argv.slice(2);
const buf = readFileSync(src);
// P5 header: magic, width, height, maxval, each followed by whitespace
const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
if (!m) throw new Error('not a binary PGM');
const [w, h] = [Number(m[1]), Number(m[2])];
const pixels = deflateSync(buf.subarray(m[0].length, m[0].length + w * h), { level: 9 });
const pw = (w * 72) / 100, ph = (h * 72) / 100; // 100 dpi → points
const content = Buffer.from(`q ${pw.toFixed(2)} 0 0 ${ph.toFixed(2)} 0 0 cm /Im0 Do Q\n`, 'latin1');
const objs = [
  Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
  Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
  Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw.toFixed(2)} ${ph.toFixed(2)}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`),
  Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
  Buffer.concat([
    Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`),
    pixels,
    Buffer.from('\nendstream'),
  ]),
];
const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
const offsets = [];
let pos = parts[0].length;
objs.forEach((o, i) => {
  const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
  offsets.push(pos);
  parts.push(b);
  pos += b.length;
});
const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`));
writeFileSync(dst, Buffer.concat(parts));
EOF2

ls -l "$OUT"
