#!/usr/bin/env bash
# Builds the OCR fixtures (fixtures/scans/): image-only "scanned" PDFs made
# from the corpus texts, plus the text each page really holds.
#
#   scripts/make-scan-fixtures.sh               committed fixtures (fixtures/scans/)
#   scripts/make-scan-fixtures.sh --bench DIR   every page of every corpus text, for bench/ocr.ts
#   scripts/make-scan-fixtures.sh --bench-q DIR [QUALITY…]   every page in several scan
#                 qualities (q300 q300g q200 q150 colour g4), DIR/QUALITY/NAME.pdf +
#                 NAME.text.pdf + NAME.pN.txt, for `npm run bench -- --only scans`
#                 (scripts/make-scan-qualities.py says what each quality is)
#   scripts/make-scan-fixtures.sh --digit-templates   src/ocr/_digit-templates.ts (see below)
#
# Needs LibreOffice (soffice), poppler-utils (pdftoppm, pdftotext), a Thai
# TLWG font (fonts-thai-tlwg: Laksaman is metric-compatible with TH
# SarabunPSK, the font of most real reports; Garuda, Loma, …), ImageMagick
# (apt-get install imagemagick) and img2pdf (apt-get install img2pdf).
#
# Per corpus text: Python turns it into HTML (tab lines → ruled <table>
# with column widths, `**…**` / `## …` lines → bold/heading paragraphs,
# other lines → <p>), LibreOffice prints it to an A4 landscape PDF with a
# real text layer (the "text version"); pdftoppm renders the pages at
# 150 dpi in grey; ImageMagick adds what a scanner adds (a small rotation,
# a little blur, Gaussian noise, a grey background) and encodes JPEG; img2pdf
# wraps the JPEGs into a PDF without any text layer. The text version of
# every page is kept as NNN.pN.txt (pdftotext -raw), for the character error
# rate: that text is what a perfect OCR would read.
#
# Outputs (committed; each < 400 KB):
#   003-scan.pdf   corpus 003, pages 1–2: title with the fiscal year ๒๕๖๗,
#                  the organisation, "ประเด็นที่ ๑" heading, a ruled table
#                  with "ไตรมาสที่ ๑ - ๒" periods (Laksaman 15 pt, 0.6° skew)
#   004-scan.pdf   corpus 004, page 1: prose with years ๒๕๖๕/๒๕๖๖, scores,
#                  item numbers ๒๕, 1๗, E๑๑ (Garuda 12 pt, −0.4° skew)
#   001-scan.pdf   corpus 001, page 1: a six-month report (ต.ค. ๒๕๖๕ –
#                  มี.ค. ๒๕๖๖), organisation, the start of its table (Loma
#                  14 pt, 0.3° skew); the scan in the sample archive
#   004-scan-rot90.pdf   004-scan's page turned 90° clockwise (read turned back by OCR)
#   003-scan.p1.txt, 003-scan.p2.txt, 004-scan.p1.txt, 001-scan.p1.txt   text versions
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="$ROOT/fixtures/corpus"
WORK="$(mktemp -d)"
[ -n "${SCAN_FIXTURE_KEEP:-}" ] && echo "work dir: $WORK" >&2 || trap 'rm -rf "$WORK"' EXIT

MODE=fixtures
OUT="$ROOT/fixtures/scans"
if [ "${1:-}" = "--bench" ]; then
  MODE=bench
  OUT="${2:?usage: $0 --bench DIR}"
fi
# --bench-q DIR [QUALITY…]: every corpus text scanned in several qualities
# (scripts/make-scan-qualities.py: q300 colour stamps, q300g, q200 office,
# q150 noisy, colour, g4), one folder per quality under DIR
QUALITIES=()
if [ "${1:-}" = "--bench-q" ]; then
  MODE=bench-q
  OUT="${2:?usage: $0 --bench-q DIR [QUALITY...]}"
  QUALITIES=("${@:3}")
fi

# --digit-templates: (re)writes src/ocr/_digit-templates.ts, the Thai digit
# shapes the OCR number repair compares glyphs with: ๐–๙ drawn by
# @napi-rs/canvas with every TLWG family (regular and bold), through the
# same feature code the classifier uses (src/ocr/digits.ts).
if [ "${1:-}" = "--digit-templates" ]; then
  # the digits as LibreOffice prints them (glyph choices differ from a plain
  # canvas drawing for some fonts, e.g. Laksaman Bold's ๒): one line per
  # font and weight, printed to PDF and rendered at 300 dpi
  FAMS="Garuda Kinnari Laksaman Loma Norasi Sawasdee Umpush Waree TlwgTypo TlwgTypist TlwgMono"
  {
    echo '<!DOCTYPE html><html><head><meta charset="utf-8"><style>p{font-size:20pt;margin:0 0 12pt 0}</style></head><body>'
    for f in $FAMS; do
      fam="$(fc-list ":file=/usr/share/fonts/truetype/tlwg/$f.ttf" family | head -1 | cut -d, -f1)"
      echo "<p style=\"font-family:'$fam'\">๐ ๑ ๒ ๓ ๔ ๕ ๖ ๗ ๘ ๙</p>"
      echo "<p style=\"font-family:'$fam'\"><b>๐ ๑ ๒ ๓ ๔ ๕ ๖ ๗ ๘ ๙</b></p>"
    done
    echo '</body></html>'
  } > "$WORK/digits.html"
  soffice --headless --norestore --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$WORK" "$WORK/digits.html" >/dev/null 2>&1
  pdftoppm -r 300 -gray "$WORK/digits.pdf" "$WORK/digits"
  echo "$FAMS" > "$WORK/fams.txt"
  cat > "$WORK/gen.ts" <<GEN
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encodeTemplate, glyphFeatures } from '$ROOT/src/ocr/digits.ts';
import { rgbaToGrey } from '$ROOT/src/ocr/render.ts';
const { GlobalFonts, createCanvas } = createRequire('$ROOT/package.json')('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
const dir = '/usr/share/fonts/truetype/tlwg/';
const families = ['Garuda', 'Kinnari', 'Laksaman', 'Loma', 'Norasi', 'Sawasdee', 'Umpush', 'Waree', 'TlwgTypo', 'TlwgTypist', 'TlwgMono'];
const rows: Array<[string, string, number, string]> = [];
for (const fam of families) {
  for (const style of ['', '-Bold']) {
    const name = fam + style;
    if (!GlobalFonts.registerFromPath(dir + name + '.ttf', 'T_' + name)) { console.error('missing', name); continue; }
    for (const d of '๐๑๒๓๔๕๖๗๘๙') {
      const size = 64;
      const c = createCanvas(size * 2, size * 2);
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, c.width, c.height);
      ctx.fillStyle = '#000'; ctx.font = size + 'px "T_' + name + '"'; ctx.textBaseline = 'alphabetic';
      ctx.fillText(d, size / 2, size * 1.4);
      const img = { width: c.width, height: c.height, data: rgbaToGrey(ctx.getImageData(0, 0, c.width, c.height).data, c.width * c.height) };
      let x0 = c.width, y0 = c.height, x1 = 0, y1 = 0;
      for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) if (img.data[y * c.width + x]! < 128) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + 1); y1 = Math.max(y1, y + 1); }
      if (x1 <= x0) { console.error('blank glyph', name, d); continue; }
      rows.push(encodeTemplate(d, name, glyphFeatures(img, { x0, y0, x1, y1 })));
    }
  }
}
// LibreOffice's rendering: digit lines of the 300 dpi pages, 10 blobs each, in font order
const { blobsIn } = await import('$ROOT/src/ocr/digits.ts');
const { readdirSync, readFileSync } = await import('node:fs');
const names = readFileSync('$WORK/fams.txt', 'utf8').trim().split(/\\s+/).flatMap((f) => [f, f + '-Bold']);
let n = 0;
for (const file of readdirSync('$WORK').filter((f) => /^digits-\\d+\\.pgm$/.test(f)).sort()) {
  const buf = readFileSync('$WORK/' + file);
  const m = /^P5\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s/.exec(buf.subarray(0, 40).toString('latin1'));
  if (!m) continue;
  const img = { width: Number(m[1]), height: Number(m[2]), data: new Uint8Array(buf.subarray(m[0].length)) };
  // rows with ink, grouped into lines
  const rowInk = Array.from({ length: img.height }, (_, y) => { let k = 0; for (let x = 0; x < img.width; x++) if (img.data[y * img.width + x]! < 128) k++; return k; });
  let y = 0;
  while (y < img.height) {
    while (y < img.height && rowInk[y] === 0) y++;
    const top = y;
    while (y < img.height && rowInk[y]! > 0) y++;
    if (y - top < 10) continue;
    const blobs = blobsIn(img, { x0: 0, y0: Math.max(0, top - 2), x1: img.width, y1: Math.min(img.height, y + 2) }, 128).filter((b) => b.pixels > 30);
    const name = names[n++];
    if (!name || blobs.length !== 10) { console.error('skipped line', n, name, blobs.length); continue; }
    blobs.forEach((b, i) => rows.push(encodeTemplate('๐๑๒๓๔๕๖๗๘๙'[i]!, name + '/lo', glyphFeatures(img, b))));
  }
}
const out = [
  '/**',
  ' * Thai digit templates for the OCR number repair (src/ocr/digits.ts):',
  ' * [digit, font, width/height, 16×16 ink bytes in base64]. Generated by',
  ' * scripts/make-scan-fixtures.sh --digit-templates from the TLWG fonts',
  ' * (fonts-thai-tlwg); do not edit.',
  ' */',
  'export const DIGIT_TEMPLATES: ReadonlyArray<readonly [string, string, number, string]> = [',
  ...rows.map((r) => '  ' + JSON.stringify(r) + ','),
  '];',
  '',
].join('\n');
writeFileSync('$ROOT/src/ocr/_digit-templates.ts', out);
console.log(rows.length + ' templates');
GEN
  cd "$ROOT" && node_modules/.bin/tsx "$WORK/gen.ts"
  exit 0
fi
mkdir -p "$OUT"

CONVERT=/usr/bin/convert
[ -x "$CONVERT" ] || CONVERT=convert
for tool in soffice pdftoppm pdftotext img2pdf "$CONVERT"; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
"$CONVERT" -version 2>/dev/null | grep ImageMagick >/dev/null || { echo "ImageMagick not installed (apt-get install imagemagick)" >&2; exit 1; }

# to_html SRC DST FONT SIZE_PT
to_html() {
  python3 - "$1" "$2" "$3" "$4" <<'EOF'
import html, math, re, sys
src, dst, font, size = sys.argv[1:5]
lines = open(src, encoding='utf-8').read().lstrip('\ufeff').split('\n')

def inline(t):
    t = html.escape(t, quote=False).replace('&lt;b&gt;', '<b>').replace('&lt;/b&gt;', '</b>')
    return re.sub(r'\*\*(.+?)\*\*', r'<b>\1</b>', t)

def cell(c):
    parts = [p.strip() for p in re.split(r'</?p(?:\s[^>]*)?>', c, flags=re.I) if p.strip()]
    if len(parts) > 1:
        return ''.join(f'<p>{inline(p)}</p>' for p in parts)
    return inline(parts[0]) if parts else ''

items, table = [], None
for line in lines:
    if '\t' in line:
        cells = line.split('\t')
        if table is not None and cells == table[0]:
            continue  # header repeated after a page break in the original
        if table is None:
            table = []
            items.append(('table', table))
        table.append(cells)
        continue
    if line.strip() == '':
        continue  # blank lines inside a table keep it open
    table = None
    items.append(('line', line.strip()))

def widths(rows):
    n = max(len(r) for r in rows)
    raw = [math.sqrt(max([1] + [len(r[k]) if k < len(r) else 0 for r in rows])) for k in range(n)]
    pct = [max(6.0, 100 * x / sum(raw)) for x in raw]
    return [round(100 * x / sum(pct)) for x in pct]

out = []
for kind, it in items:
    if kind == 'table':
        w = widths(it)
        out.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
        out.append('<colgroup>' + ''.join(f'<col width="{x}%">' for x in w) + '</colgroup><tbody>')
        for r, cells in enumerate(it):
            tds = []
            for k, c in enumerate(cells):
                body = cell(c)
                tds.append(f'<td valign="top" width="{w[k] if k < len(w) else 10}%">' + (f'<b>{body}</b>' if r == 0 else body) + '</td>')
            out.append('<tr>' + ''.join(tds) + '</tr>')
        out.append('</tbody></table>')
        continue
    t = it
    if re.fullmatch(r'-{3,}', t):
        continue
    m = re.match(r'^(#{1,6})\s+(.*)$', t)
    if m:
        out.append(f'<h2>{inline(m.group(2))}</h2>')
        continue
    b = re.fullmatch(r'\*\*(.+?)\*\*\s*', t)
    out.append(f'<p><b>{inline(b.group(1))}</b></p>' if b else f'<p>{inline(t)}</p>')

small = max(8, int(size) - 2)
open(dst, 'w', encoding='utf-8').write(f'''<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: 29.7cm 21cm; margin: 1.5cm; }}
body, p, td, h2 {{ font-family: "{font}"; font-size: {size}pt; }}
h2 {{ font-size: {int(size) + 2}pt; }}
td, td p {{ font-size: {small}pt; }}
</style></head><body>
''' + '\n'.join(out) + '\n</body></html>')
EOF
}

# scan STEM SRC FONT SIZE FIRST LAST ANGLE SEED QUALITY → $OUT/STEM.pdf (+ STEM.pN.txt)
scan() {
  local stem="$1" src="$2" font="$3" size="$4" first="$5" last="$6" angle="$7" seed="$8" quality="$9"
  to_html "$src" "$WORK/$stem.html" "$font" "$size"
  soffice --headless --norestore --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
    --outdir "$WORK" "$WORK/$stem.html" >/dev/null 2>&1
  local pages
  pages=$(pdfinfo "$WORK/$stem.pdf" | awk '/^Pages:/ {print $2}')
  [ "$last" = "all" ] && last="$pages"
  [ "$last" -gt "$pages" ] && last="$pages"
  rm -f "$WORK"/"$stem"-pg-*
  pdftoppm -f "$first" -l "$last" -r 150 -gray "$WORK/$stem.pdf" "$WORK/$stem-pg"
  local jpgs=() n=0 p
  for pgm in "$WORK/$stem"-pg-*.pgm; do
    p=$((first + n))
    # A scanner's marks: skew, a touch of blur, sensor noise, a grey paper.
    "$CONVERT" "$pgm" -background white -rotate "$angle" +repage \
      -blur 0x0.5 -seed "$((seed + n))" -attenuate 0.25 +noise Gaussian \
      -level 0%,100%,0.9 +level 4%,97% \
      -quality "$quality" -density 150 -units PixelsPerInch "$WORK/$stem-$p.jpg"
    jpgs+=("$WORK/$stem-$p.jpg")
    pdftotext -f "$p" -l "$p" -raw -enc UTF-8 "$WORK/$stem.pdf" "$OUT/$stem.p$p.txt"
    n=$((n + 1))
  done
  img2pdf --imgsize 150dpi -o "$OUT/$stem.pdf" "${jpgs[@]}"
  [ "$MODE" = bench ] && cp "$WORK/$stem.pdf" "$OUT/$stem.text.pdf"
  return 0
}

if [ "$MODE" = fixtures ]; then
  scan 003-scan "$CORPUS/003_592d1508f0de56c3.txt" Laksaman 15 1 2 0.6 3 45
  scan 004-scan "$CORPUS/004_d0cc15d3996b9fea.txt" Garuda 12 1 1 -0.4 4 45
  scan 001-scan "$CORPUS/001_52975bb7fc874981.txt" Loma 14 1 1 0.3 5 50
  # the 004 page lying on its side (a landscape page scanned portrait): OCR must turn it
  pdfimages -j "$OUT/004-scan.pdf" "$WORK/rot"
  "$CONVERT" "$WORK"/rot-000.jpg -rotate 90 -quality 45 "$WORK/rot90.jpg"
  img2pdf --imgsize 150dpi -o "$OUT/004-scan-rot90.pdf" "$WORK/rot90.jpg"
elif [ "$MODE" = bench-q ]; then
  # Every corpus text, rendered as in --bench (alternating fonts and sizes),
  # then scanned in each quality by make-scan-qualities.py (seeded).
  i=0
  fonts=(Laksaman Garuda Loma Laksaman)
  sizes=(15 12 12 16)
  for src in "$CORPUS"/*.txt; do
    stem="$(basename "$src" .txt | cut -d_ -f1)"
    to_html "$src" "$WORK/$stem.html" "${fonts[$i]}" "${sizes[$i]}"
    soffice --headless --norestore --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
      --outdir "$WORK" "$WORK/$stem.html" >/dev/null 2>&1
    python3 "$ROOT/scripts/make-scan-qualities.py" "$WORK/$stem.pdf" "$OUT" "$stem" "$((10 + i))" "${QUALITIES[@]}"
    echo "$stem ${fonts[$i]} ${sizes[$i]}pt" >> "$WORK/fonts.txt"
    i=$(( (i + 1) % 4 ))
  done
  for q in "$OUT"/*/; do cp "$WORK/fonts.txt" "$q/fonts.txt"; done
  ls -lR "$OUT"
  exit 0
else
  # Every page of every corpus text, alternating fonts, skews and noise.
  i=0
  fonts=(Laksaman Garuda Loma Laksaman)
  sizes=(15 12 12 16)
  angles=(0.6 -0.4 0.3 -0.8)
  : > "$OUT/fonts.txt"
  for src in "$CORPUS"/*.txt; do
    stem="$(basename "$src" .txt | cut -d_ -f1)"
    scan "$stem" "$src" "${fonts[$i]}" "${sizes[$i]}" 1 all "${angles[$i]}" "$((10 + i))" 50
    echo "$stem ${fonts[$i]}" >> "$OUT/fonts.txt"
    i=$(( (i + 1) % 4 ))
  done
fi
if [ "$MODE" = fixtures ]; then
  printf '003-scan Laksaman\n004-scan Garuda\n001-scan Loma\n' > "$OUT/fonts.txt"
fi

ls -l "$OUT"
