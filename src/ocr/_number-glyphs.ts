/**
 * Glyphs of a number token (step 2 of the number repair, numbers.ts): the
 * token's region cut into glyphs where the digit recogniser fits best, each
 * glyph ranked by the recogniser (digits.ts).
 */
import { type DigitScore, type GlyphFeatures, clampBox, classifyGlyph, glyphFeatures, otsu } from './digits.js';
import { digitNet, netForward, netInput, netScores } from './digit-net.js';
import { glyphImage, inkBox, inkPieces, inkRows, paperLevel } from './_glyph-ink.js';
import { type NumberToken, bodyBand } from './_number-tokens.js';
import type { BBox, GreyImage, OcrWord } from './types.js';

export interface GlyphReading {
  /** The OCR character at this position. */
  raw: string;
  /** Template ranking (nearest first), or null for punctuation / nothing to read. */
  scores: DigitScore[] | null;
  /** The glyph's features, when read. */
  features?: GlyphFeatures;
}

export interface ReadOptions {
  /** Leave out digit templates of these fonts (to measure on fonts the templates do not know). */
  excludeFonts?: RegExp;
  /** What reads the glyphs: the trained net (default) or the glyph templates it replaced (for comparison). */
  recogniser?: 'net' | 'templates';
}

/** A glyph's scores from the chosen recogniser (body: the digits' band in image coordinates). */
function recognise(
  img: GreyImage,
  box: BBox,
  body: { top: number; bottom: number },
  paper: number,
  options: ReadOptions,
): { f: GlyphFeatures; scores: DigitScore[] } | null {
  const glyph = glyphImage(img, box, body, true);
  if (!glyph) return null;
  const f = glyphFeatures(glyph.crop, glyph.box, paper);
  if (options.recogniser === 'templates') return { f, scores: classifyGlyph(f, { excludeFonts: options.excludeFonts }) };
  const y0 = clampBox(img, box).y0;
  const input = netInput(glyph.crop, glyph.box, paper, { top: body.top - y0, bottom: body.bottom - y0 });
  return { f, scores: netScores(netForward(digitNet(), input)) };
}

/**
 * A flat bar of ink: a dash ("๑-๒", "๒๕๖๕-๒๕๖๖"), never a digit (none is
 * under 0.4 of the digit height). Blur thickens it: on a 200 dpi office
 * scan read at 150 dpi the dash of "ไตรมาสที่ ๑-๒" is 3 px at a 9.6 px
 * digit height, over the 0.3 that sharp scans keep to.
 */
function isDashInk(ink: BBox, bh: number): boolean {
  const h = ink.y1 - ink.y0;
  const w = ink.x1 - ink.x0;
  return (h < 0.3 * bh && w > h) || (h < 0.4 * bh && w > 1.5 * h);
}

/** The middle value (the upper one of an even count), or null for none. */
function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * Reads a token's glyphs from the image. The token's x range (from its
 * first word to its last, gaps included: Tesseract sometimes drops a digit
 * altogether), over the rows its ink occupies, is cut into pieces at
 * columns without ink; small pieces are punctuation ("." low, "-" in the
 * middle). A piece may hold several touching digits (or a digit whose hook
 * reaches over the next one): it is cut where the templates fit best, by
 * dynamic programming over the thin columns of its lower part (each glyph
 * costs its template distance plus 0.12, so a cut must pay for itself, plus
 * 2 per digit height of width beyond 1.3), and 0.3 per glyph more or fewer
 * than the characters Tesseract put over the piece.
 */
export function readTokenGlyphs(
  img: GreyImage,
  words: readonly OcrWord[],
  token: NumberToken,
  lineWords: readonly number[],
  options: ReadOptions = {},
): GlyphReading[] {
  const body = bodyBand(words, lineWords);
  const raw = [...token.raw];
  if (!body) return raw.map((c) => ({ raw: c, scores: null }));
  const lineBh = Math.max(4, body.bottom - body.top);
  const ws = token.words.map((i) => words[i] as OcrWord);
  let x0 = Math.floor(Math.min(...ws.map((w) => w.bbox.x0)) - 1);
  let x1 = Math.ceil((token.x1 ?? Math.max(...ws.map((w) => w.bbox.x1))) + 1);
  const searchTop = Math.floor(body.top - 0.9 * lineBh);
  const searchBottom = Math.ceil(body.bottom + 0.6 * lineBh);
  const thr = Math.min(otsu(img, { x0, y0: searchTop, x1, y1: searchBottom }), 170);
  // the digits' own rows: the run of inked rows (gaps of a pixel allowed) that meets the line's body
  const run = inkRows(img, x0, x1, searchTop, searchBottom, thr, body);
  if (!run) return raw.map((c) => ({ raw: c, scores: null }));
  const top = run.top;
  const bottom = run.bottom;
  // x-height of the digits: the lower part of their rows (hooks of ๕ ๗ ๙ rise above)
  const bh = Math.max(4, Math.min(bottom - top, 1.05 * lineBh) * 0.8);
  const digitBody = { top: bottom - bh, bottom };
  // Tesseract's box may start or end inside a glyph (the loop of ๒ left out): widen it to the ink that runs on
  const inked = (x: number): boolean => {
    if (x < 0 || x >= img.width) return false;
    for (let y = Math.max(0, top); y < Math.min(img.height, bottom); y++) if ((img.data[y * img.width + x] ?? 255) < thr) return true;
    return false;
  };
  const reach = Math.round(0.6 * bh);
  for (let k = 0; k < reach && inked(x0); k++) x0--;
  for (let k = 0; k < reach && inked(x1 - 1); k++) x1++;
  const paper = paperLevel(img, { x0: x0 - 20, y0: top, x1: x1 + 20, y1: bottom });
  const lowTop = Math.floor(bottom - 0.7 * bh);
  const lowProfile: number[] = [];
  for (let x = x0; x < x1; x++) {
    let n = 0;
    for (let y = Math.max(0, lowTop); y < Math.min(img.height, bottom); y++) {
      if (x >= 0 && x < img.width && (img.data[y * img.width + x] ?? 255) < thr) n++;
    }
    lowProfile.push(n);
  }
  const classify = (a: number, b: number): { f: GlyphFeatures; scores: DigitScore[] } | null =>
    recognise(img, { x0: a, y0: top, x1: b, y1: bottom }, digitBody, paper, options);
  // where the model put its digits and letters (a word of n characters: n equal parts)
  const centres: number[] = [];
  for (const w of ws) {
    const cs = [...w.text].filter((c) => !/[.,/\-–]/.test(c));
    cs.forEach((_, i) => centres.push(w.bbox.x0 + ((i + 0.5) * (w.bbox.x1 - w.bbox.x0)) / cs.length));
  }
  const glyphs: GlyphReading[] = [];
  // the points and commas the model wrote, in order: a low mark found in the image takes the next one
  const marks = raw.filter((c) => c === '.' || c === ',');
  let mark = 0;
  const pieces = inkPieces(img, x0, x1, top, bottom, thr).map((piece) => ({ piece, ink: inkBox(img, piece.a, piece.b, top, bottom, thr) }));
  // the digits' own baseline and height, from the tall pieces (a comma's tail below the line moves `bottom`)
  const tallest = Math.max(0, ...pieces.map((p) => (p.ink ? p.ink.y1 - p.ink.y0 : 0)));
  const tall = pieces.flatMap((p) => (p.ink && p.ink.y1 - p.ink.y0 >= 0.6 * tallest ? [p.ink] : []));
  const baseline = median(tall.map((b) => b.y1)) ?? bottom;
  const digitH = median(tall.map((b) => b.y1 - b.y0)) ?? bh;
  for (const { piece, ink } of pieces) {
    if (!ink) continue;
    const h = ink.y1 - ink.y0;
    const low = ink.y0 > digitBody.top + 0.45 * bh && h < 0.4 * bh;
    // no Thai digit starts in the lower half of the digits: a narrow mark there is a point, or a comma whose
    // tail runs below the line (it was read as ๑: "๒๐,๐๐๐" → ๒๐๑๐๐๐)
    const w = ink.x1 - ink.x0;
    const comma = ink.y0 > baseline - 0.55 * digitH && w < 0.45 * digitH && h >= w; // a hyphen is wider than high
    if (low || comma) {
      glyphs.push({ raw: marks[mark++] ?? '.', scores: null });
      continue;
    }
    if (isDashInk(ink, bh)) {
      glyphs.push({ raw: '-', scores: null });
      continue;
    }
    const expected = centres.filter((c) => c >= piece.a && c < piece.b).length;
    for (const part of bestCuts(piece, lowProfile, x0, bh, expected, classify)) {
      glyphs.push({ raw: '?', scores: part.scores, features: part.f });
    }
  }
  // raw characters line up with the glyphs only when the counts agree
  const rawDigits = raw.filter((c) => !/[.,/\-–]/.test(c));
  const readDigits = glyphs.filter((g) => g.scores);
  // the model wrote a digit for a dash or a point the image shows ("๑๒๒" for ๑-๒): one character a glyph, in order
  if (rawDigits.length !== readDigits.length && glyphs.length === raw.length && glyphs.every((g, i) => !g.scores || /[๐-๙0-9]/.test(raw[i] as string))) {
    glyphs.forEach((g, i) => {
      if (g.scores) g.raw = raw[i] as string;
    });
    return glyphs;
  }
  if (rawDigits.length === readDigits.length) {
    readDigits.forEach((g, i) => {
      g.raw = rawDigits[i] as string;
    });
    // punctuation the image did not show apart (a point touching a digit): put it back where the model saw it
    if (!glyphs.some((g) => !g.scores) && rawDigits.length < raw.length) {
      const out: GlyphReading[] = [];
      let k = 0;
      for (const c of raw) {
        if (/[.,/\-–]/.test(c)) out.push({ raw: c, scores: null });
        else out.push(readDigits[k++] as GlyphReading);
      }
      return out;
    }
  }
  return glyphs;
}

/**
 * Reads a short run of digits from a region by the templates alone (a lone
 * number Tesseract skipped or read as Latin letters, as in a narrow "ลำดับ"
 * cell): the digits, "." and "-" found, and the mean template distance of
 * the digits (1 when there are none).
 */
export function readDigitsIn(img: GreyImage, box: BBox, options: ReadOptions = {}): { text: string; distance: number } {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(img.height, Math.ceil(box.y1));
  const thr = Math.min(otsu(img, { x0, y0, x1, y1 }), 170);
  const run = inkRows(img, x0, x1, y0, y1, thr, { top: y0, bottom: y1 });
  if (!run) return { text: '', distance: 1 };
  const bh = Math.max(4, (run.bottom - run.top) * 0.8);
  const body = { top: run.bottom - bh, bottom: run.bottom };
  const paper = paperLevel(img, { x0, y0, x1, y1 });
  const low: number[] = [];
  for (let x = x0; x < x1; x++) {
    let n = 0;
    for (let y = Math.floor(run.bottom - 0.7 * bh); y < run.bottom; y++) if ((img.data[y * img.width + x] ?? 255) < thr) n++;
    low.push(n);
  }
  const classify = (a: number, b: number): { f: GlyphFeatures; scores: DigitScore[] } | null =>
    recognise(img, { x0: a, y0: run.top, x1: b, y1: run.bottom }, body, paper, options);
  let text = '';
  const ds: number[] = [];
  for (const piece of inkPieces(img, x0, x1, run.top, run.bottom, thr)) {
    const ink = inkBox(img, piece.a, piece.b, run.top, run.bottom, thr);
    if (!ink) continue;
    const h = ink.y1 - ink.y0;
    if (h < 0.4 * bh && ink.y0 > body.top + 0.45 * bh) {
      text += '.';
      continue;
    }
    if (isDashInk(ink, bh)) {
      text += '-';
      continue;
    }
    for (const part of bestCuts(piece, low, x0, bh, 0, classify)) {
      const top = part.scores[0];
      if (!top) continue;
      text += top.digit;
      ds.push(top.distance);
    }
  }
  return { text, distance: ds.length > 0 ? ds.reduce((a, b) => a + b, 0) / ds.length : 1 };
}

/**
 * A piece cut into glyphs where the templates fit best: candidate cuts are
 * the local minima of the lower-band profile that are thin (at most a
 * third of the piece's median column), at least 0.35 digit widths from the
 * ends and from each other (up to 8); dynamic programming over them.
 */
export function bestCuts(
  piece: { a: number; b: number },
  lowProfile: readonly number[],
  x0: number,
  bh: number,
  expected: number,
  classify: (a: number, b: number) => { f: GlyphFeatures; scores: DigitScore[] } | null,
): Array<{ f: GlyphFeatures; scores: DigitScore[] }> {
  const minW = 0.35 * bh;
  const w = piece.b - piece.a;
  const cols = lowProfile.slice(piece.a - x0, piece.b - x0);
  const nonzero = cols.filter((n) => n > 0).sort((p, q) => p - q);
  const thin = Math.max(2, (nonzero[Math.floor(nonzero.length / 2)] ?? 0) / 3);
  let cuts: number[] = [];
  if (w > 1.1 * bh) {
    for (let i = 1; i < cols.length - 1; i++) {
      const n = cols[i] as number;
      if (n > thin || n > (cols[i - 1] as number) || n > (cols[i + 1] as number)) continue;
      const x = piece.a + i;
      if (x - piece.a < minW || piece.b - x < minW) continue;
      if (cuts.length > 0 && x - (cuts[cuts.length - 1] as number) < minW) {
        // keep the thinner of two close minima
        const last = cuts[cuts.length - 1] as number;
        if (n < (cols[last - piece.a] as number)) cuts[cuts.length - 1] = x;
        continue;
      }
      cuts.push(x);
    }
    if (cuts.length > 8) cuts = cuts.sort((p, q) => (cols[p - piece.a] as number) - (cols[q - piece.a] as number)).slice(0, 8).sort((p, q) => p - q);
    // digits pressed together leave no thin column: offer the emptiest column near equal parts
    const parts = Math.round(w / bh);
    for (let k = 1; k < parts && w > 1.3 * bh; k++) {
      const target = piece.a + (k * w) / parts;
      let bestX = -1;
      let bestN = Number.POSITIVE_INFINITY;
      for (let x = Math.round(target - 0.3 * bh); x <= Math.round(target + 0.3 * bh); x++) {
        const n = cols[x - piece.a];
        if (n !== undefined && n < bestN && x - piece.a >= minW && piece.b - x >= minW) {
          bestN = n;
          bestX = x;
        }
      }
      if (bestX >= 0 && !cuts.some((c) => Math.abs(c - bestX) < minW)) cuts.push(bestX);
    }
    cuts.sort((p, q) => p - q);
  }
  const points = [piece.a, ...cuts, piece.b];
  const memo = new Map<string, { f: GlyphFeatures; scores: DigitScore[] } | null>();
  const seg = (i: number, j: number): { f: GlyphFeatures; scores: DigitScore[] } | null => {
    const key = `${i},${j}`;
    if (!memo.has(key)) memo.set(key, classify(points[i] as number, points[j] as number));
    return memo.get(key) ?? null;
  };
  const segCost = (i: number, j: number): number => {
    const r = seg(i, j);
    // no Thai digit is much wider than it is tall: a wide piece is several
    const wide = Math.max(0, ((points[j] as number) - (points[i] as number)) / bh - 1.3) * 2;
    return r ? (r.scores[0]?.distance ?? 1) + 0.12 + wide : 1.2;
  };
  // best[j][k]: cheapest reading of points[0..j] in k glyphs
  const n = points.length;
  const INF = Number.POSITIVE_INFINITY;
  const best: Array<Array<{ cost: number; from: number }>> = Array.from({ length: n }, () =>
    Array.from({ length: n }, () => ({ cost: INF, from: -1 })),
  );
  (best[0] as Array<{ cost: number; from: number }>)[0] = { cost: 0, from: -1 };
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) {
      const c = segCost(i, j);
      for (let k = 1; k <= j; k++) {
        const prev = (best[i] as Array<{ cost: number }>)[k - 1] as { cost: number };
        if (!Number.isFinite(prev.cost)) continue;
        const cell = (best[j] as Array<{ cost: number; from: number }>)[k] as { cost: number; from: number };
        if (prev.cost + c < cell.cost) (best[j] as Array<{ cost: number; from: number }>)[k] = { cost: prev.cost + c, from: i };
      }
    }
  }
  // the model's own count of characters here is a good hint even when its labels are wrong
  let bestK = 1;
  let bestCost = INF;
  for (let k = 1; k < n; k++) {
    const c = ((best[n - 1] as Array<{ cost: number }>)[k] as { cost: number }).cost + (expected > 0 ? 0.3 * Math.abs(k - expected) : 0);
    if (c < bestCost) {
      bestCost = c;
      bestK = k;
    }
  }
  const parts: Array<{ f: GlyphFeatures; scores: DigitScore[] }> = [];
  let j = n - 1;
  let k = bestK;
  while (j > 0 && k > 0) {
    const i = ((best[j] as Array<{ from: number }>)[k] as { from: number }).from;
    if (i < 0) break;
    const r = seg(i, j);
    if (r) parts.unshift(r);
    j = i;
    k--;
  }
  return parts;
}
