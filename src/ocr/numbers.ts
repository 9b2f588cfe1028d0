/**
 * Number repair for OCR'd Thai pages.
 *
 * The shipped Thai model cannot produce ๖ ๗ ๘ ๙ (they come out as ๒, ๓, ๕,
 * ๐, ๒๕๐, or as Latin letters when English is loaded too: "come" for
 * ๘๗.๓๕), and it mixes up ๔ and ๕. The prose around numbers is nearly
 * right, so numbers are repaired, not trusted:
 *
 * 1. Tokens: runs of digit words on a line (Thai or Arabic digits with
 *    . , / - between them), and short Latin words where a number is
 *    expected (after คะแนน, ร้อยละ, พ.ศ., ปี…).
 * 2. Glyphs: each character of a token is cut from the page image (the
 *    word's box, split evenly when one word holds several characters, over
 *    the line's digit band with room for the hooks of ๕ ๗ ๙), its ink
 *    kept to the blobs that reach the line's body, and compared with the
 *    digit templates (digits.ts).
 * 3. Reading: each position costs its template distance, the raw OCR
 *    digit gets a small bonus where the model can read it, and a token
 *    that looks like a year (๒๕xx after พ.ศ./ปี or a month, or four digits
 *    starting ๒๕) is scored as a whole: BE years of ITA reports lie in
 *    2550–2580, and the fiscal year the document agrees on (the most
 *    frequent confident year, see {@link documentYears}) pulls the
 *    ambiguous ones. Days before a month must be 1–31.
 * 4. Decision: the best reading replaces the raw text when it is clearly
 *    better than the runner-up; a year or a date that stays unsure keeps
 *    its raw text and gets an OCR_NUMBER_UNCERTAIN diagnostic. Another
 *    number (a score, a percentage) whose ๔ and ๕ the glyphs cannot tell
 *    apart keeps its best reading and gets the diagnostic too, with the
 *    readings that swap them (`doubt`).
 */
import { type DigitScore, type GlyphFeatures, clampBox, classifyGlyph, glyphFeatures, otsu } from './digits.js';
import { monthOf } from '../thai/_months.js';
import type { BBox, GreyImage, OcrWord } from './types.js';

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */
/* ------------------------------------------------------------------------ */

const THAI_DIGIT = /[๐-๙]/;
const DIGITISH = /^[๐-๙0-9.,/\-–]+$/;
const THAI_LETTER = /[\u0e01-\u0e2e]/;
/** Words after which a number is expected (so a Latin "word" there may be a misread number). */
const NUMBER_CUE = /(?:คะแนน|ร้อยละ|พ\.?ศ\.?|ปี|จำนวน|ข้อที่|ข้อ|ที่|ครั้ง|ราย|วันที่|ถึง|ไตรมาส(?:ที่)?|ระดับ)\s*$/;
const MONTH_AFTER = /^\s*(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)/;
const YEAR_CUE = /(?:พ\.?\s?ศ\.?|ปี(?:งบประมาณ)?|ประจำปี(?:งบประมาณ)?|ปีงบ\.?|(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค)\.?|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)\s*$/;

export interface NumberToken {
  /** Tesseract line of the token. */
  line: number;
  /** Indices into the page's word list, left to right. */
  words: number[];
  raw: string;
  /** Text of the line before and after the token (for cues). */
  before: string;
  after: string;
  /** Found as a Latin word where a number was expected (not digits). */
  cued: boolean;
}

function lineGroups(words: readonly OcrWord[]): Map<number, number[]> {
  const by = new Map<number, number[]>();
  words.forEach((w, i) => {
    if (w.line === null) return;
    const list = by.get(w.line);
    if (list) list.push(i);
    else by.set(w.line, [i]);
  });
  for (const list of by.values()) list.sort((a, b) => (words[a] as OcrWord).bbox.x0 - (words[b] as OcrWord).bbox.x0);
  return by;
}

/** A glyph's worth of ink in the body band between x0 and x1 (a digit Tesseract skipped). */
function inkBetween(img: GreyImage, x0: number, x1: number, y0: number, y1: number): boolean {
  const h = y1 - y0;
  if (x1 - x0 < 0.4 * h) return false;
  let n = 0;
  let cols = 0;
  for (let x = Math.ceil(x0) + 1; x < Math.floor(x1) - 1; x++) {
    let c = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
      if ((img.data[y * img.width + x] ?? 255) < 140) c++;
    }
    n += c;
    if (c > 0) cols++;
  }
  return cols >= 0.3 * h && n >= 0.12 * (x1 - x0) * h;
}

/**
 * Number tokens of a page (see the module comment). With the image, two
 * digit runs whose gap holds a glyph Tesseract skipped are one token, and a
 * letter glued to the end of a run ("๒๕๒ซ") belongs to it.
 */
export function findNumberTokens(words: readonly OcrWord[], img: GreyImage | null = null): NumberToken[] {
  const out: NumberToken[] = [];
  for (const [line, idx] of lineGroups(words)) {
    const ws = idx.map((i) => words[i] as OcrWord);
    const h = median(ws.filter((w) => THAI_LETTER.test(w.text)).map((w) => w.bbox.y1 - w.bbox.y0)) || 16;
    const textOf = (a: number, b: number): string => ws.slice(a, b).map((w) => (w.spaceBefore ? ' ' : '') + w.text).join('');
    let k = 0;
    while (k < ws.length) {
      const w = ws[k] as OcrWord;
      const startsNumber = DIGITISH.test(w.text) && /[๐-๙0-9]/.test(w.text);
      const before = textOf(Math.max(0, k - 12), k);
      const latinCued = /^[A-Za-z0-9.]{1,7}$/.test(w.text) && !/^[0-9.]+$/.test(w.text) && NUMBER_CUE.test(before) && !/^(?:IIT|EIT|OIT|ITA|[A-Z]\d*)$/.test(w.text);
      if (!startsNumber && !latinCued) {
        k++;
        continue;
      }
      let e = k + 1;
      if (startsNumber) {
        const band = img ? bodyBand(words, idx) : null;
        while (e < ws.length) {
          const p = ws[e - 1] as OcrWord;
          const n = ws[e] as OcrWord;
          const gap = n.bbox.x0 - p.bbox.x1;
          const digits = ws.slice(k, e).map((x) => x.text).join('').replace(/[^๐-๙0-9]/g, '').length;
          if (DIGITISH.test(n.text) && gap <= 0.6 * h && !(n.spaceBefore && gap > 0.3 * h)) {
            e++;
            continue;
          }
          if (DIGITISH.test(n.text) && /[๐-๙]/.test(n.text) && gap <= 2 * h && img && band && inkBetween(img, p.bbox.x1, n.bbox.x0, band.top, band.bottom)) {
            e++;
            continue;
          }
          const after = ws[e + 1];
          // a letter glued to the digits may be a digit the model misread (๗ → ซ); not after a range dash ("๖๗-ก.ย.")
          // or a digit before a decimal point ("๘ฆ.๓๕": ๗ read as ฆ in a score)
          const decimalNext = !!after && /^\.$|^\.[๐-๙0-9]/.test(after.text) && after.bbox.x0 - n.bbox.x1 <= 0.4 * h;
          const glued = gap <= (decimalNext ? 0.3 : 0.15) * h && !(after && after.bbox.x0 - n.bbox.x1 <= 0.15 * h && THAI_LETTER.test(after.text));
          if ((digits >= 2 || (digits >= 1 && decimalNext)) && /^[\u0e01-\u0e2eA-Za-z]$/.test(n.text) && glued && !/[-–]$/.test(p.text)) {
            e++;
            continue;
          }
          break;
        }
      }
      // trailing punctuation is not part of the number
      while (e > k + 1 && /^[.,/\-–]+$/.test((ws[e - 1] as OcrWord).text)) e--;
      const raw = ws
        .slice(k, e)
        .map((x) => x.text)
        .join('');
      if (/[๐-๙]/.test(raw) || latinCued) {
        out.push({ line, words: idx.slice(k, e), raw, before, after: textOf(e, Math.min(ws.length, e + 8)), cued: latinCued });
      }
      k = e;
    }
  }
  return out;
}

/* ------------------------------------------------------------------------ */
/* Glyphs                                                                    */
/* ------------------------------------------------------------------------ */

export interface GlyphReading {
  /** The OCR character at this position. */
  raw: string;
  /** Template ranking (nearest first), or null for punctuation / nothing to read. */
  scores: DigitScore[] | null;
  /** The glyph's features, when read. */
  features?: GlyphFeatures;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Body band of a Tesseract line: median top and bottom of its Thai letters. */
function bodyBand(words: readonly OcrWord[], idx: readonly number[]): { top: number; bottom: number } | null {
  const ws = idx.map((i) => words[i] as OcrWord).filter((w) => /[\u0e01-\u0e2e]/.test(w.text) || THAI_DIGIT.test(w.text));
  if (ws.length === 0) return null;
  return { top: median(ws.map((w) => w.bbox.y0)), bottom: median(ws.map((w) => w.bbox.y1)) };
}

/**
 * One glyph's ink inside `box`: the blobs (darker than the region's Otsu
 * level) that reach the body band, others blanked; null when there is none.
 */
function glyphImage(
  img: GreyImage,
  box: BBox,
  body: { top: number; bottom: number },
  clipped = false,
): { crop: GreyImage; box: BBox } | null {
  const { x0, y0, x1, y1, w, h } = clampBox(img, box);
  if (w < 2 || h < 2) return null;
  const thr = Math.min(otsu(img, { x0, y0, x1, y1 }), 170);
  const label = new Int32Array(w * h).fill(-1);
  const keep: boolean[] = [];
  const stack: number[] = [];
  const dark = (x: number, y: number): boolean => (img.data[(y + y0) * img.width + x + x0] ?? 255) < thr;
  const bodyTop = body.top - y0 + 0.25 * (body.bottom - body.top);
  const bodyBottom = body.bottom - y0 - 0.1 * (body.bottom - body.top);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (label[y * w + x] !== -1 || !dark(x, y)) continue;
      const id = keep.length;
      let pixels = 0;
      let reaches = false;
      let cx = 0;
      label[y * w + x] = id;
      stack.push(y * w + x);
      while (stack.length > 0) {
        const j = stack.pop() as number;
        const jx = j % w;
        const jy = (j - jx) / w;
        pixels++;
        cx += jx;
        if (jy >= bodyTop && jy <= bodyBottom) reaches = true;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = jx + dx;
            const ny = jy + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            const k = ny * w + nx;
            if (label[k] !== -1 || !dark(nx, ny)) continue;
            label[k] = id;
            stack.push(k);
          }
        }
      }
      cx /= pixels;
      // a blob of this glyph: big enough, reaching the body, centred inside the box's inner part
      keep.push(pixels >= 6 && reaches && (clipped || (cx >= 0.1 * w && cx <= 0.9 * w)));
    }
  }
  let bx0 = w;
  let by0 = h;
  let bx1 = -1;
  let by1 = -1;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const l = label[y * w + x] as number;
      if (l < 0 || !keep[l]) continue;
      data[y * w + x] = img.data[(y + y0) * img.width + x + x0] ?? 255;
      bx0 = Math.min(bx0, x);
      by0 = Math.min(by0, y);
      bx1 = Math.max(bx1, x + 1);
      by1 = Math.max(by1, y + 1);
    }
  }
  if (bx1 < 0) return null;
  return { crop: { width: w, height: h, data }, box: { x0: bx0, y0: by0, x1: bx1, y1: by1 } };
}

/** Paper grey level near the box (90th percentile). */
function paperLevel(img: GreyImage, box: BBox): number {
  const vals: number[] = [];
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(img.height, Math.ceil(box.y1)); y += 2) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(img.width, Math.ceil(box.x1)); x += 2) {
      vals.push(img.data[y * img.width + x] ?? 255);
    }
  }
  vals.sort((a, b) => a - b);
  return vals[Math.floor(vals.length * 0.9)] ?? 255;
}

export interface ReadOptions {
  /** Leave out digit templates of these fonts (to measure on fonts the templates do not know). */
  excludeFonts?: RegExp;
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
  const x0 = Math.floor(Math.min(...ws.map((w) => w.bbox.x0)) - 1);
  const x1 = Math.ceil(Math.max(...ws.map((w) => w.bbox.x1)) + 1);
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
  const classify = (a: number, b: number): { f: GlyphFeatures; scores: DigitScore[] } | null => {
    const glyph = glyphImage(img, { x0: a, y0: top, x1: b, y1: bottom }, digitBody, true);
    if (!glyph) return null;
    const f = glyphFeatures(glyph.crop, glyph.box, paper);
    return { f, scores: classifyGlyph(f, { excludeFonts: options.excludeFonts }) };
  };
  // where the model put its digits and letters (a word of n characters: n equal parts)
  const centres: number[] = [];
  for (const w of ws) {
    const cs = [...w.text].filter((c) => !/[.,/\-–]/.test(c));
    cs.forEach((_, i) => centres.push(w.bbox.x0 + ((i + 0.5) * (w.bbox.x1 - w.bbox.x0)) / cs.length));
  }
  const glyphs: GlyphReading[] = [];
  for (const piece of inkPieces(img, x0, x1, top, bottom, thr)) {
    const ink = inkBox(img, piece.a, piece.b, top, bottom, thr);
    if (!ink) continue;
    const h = ink.y1 - ink.y0;
    if (h < 0.4 * bh && ink.y0 > digitBody.top + 0.45 * bh) {
      glyphs.push({ raw: '.', scores: null });
      continue;
    }
    if (h < 0.3 * bh && ink.x1 - ink.x0 > h) {
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
  const classify = (a: number, b: number): { f: GlyphFeatures; scores: DigitScore[] } | null => {
    const g = glyphImage(img, { x0: a, y0: run.top, x1: b, y1: run.bottom }, body, true);
    if (!g) return null;
    const f = glyphFeatures(g.crop, g.box, paper);
    return { f, scores: classifyGlyph(f, { excludeFonts: options.excludeFonts }) };
  };
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
    if (h < 0.3 * bh && ink.x1 - ink.x0 > h) {
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

/** Column ranges of [x0, x1) separated by columns without ink in rows [top, bottom). */
function inkPieces(img: GreyImage, x0: number, x1: number, top: number, bottom: number, thr: number): Array<{ a: number; b: number }> {
  const pieces: Array<{ a: number; b: number }> = [];
  let start = -1;
  for (let x = x0; x <= x1; x++) {
    let any = false;
    if (x < x1 && x >= 0 && x < img.width) {
      for (let y = Math.max(0, top); y < Math.min(img.height, bottom) && !any; y++) any = (img.data[y * img.width + x] ?? 255) < thr;
    }
    if (any && start < 0) start = x;
    if (!any && start >= 0) {
      if (x - start >= 2) pieces.push({ a: start, b: x });
      start = -1;
    }
  }
  return pieces;
}

/**
 * A piece cut into glyphs where the templates fit best: candidate cuts are
 * the local minima of the lower-band profile that are thin (at most a
 * third of the piece's median column), at least 0.35 digit widths from the
 * ends and from each other (up to 8); dynamic programming over them.
 */
function bestCuts(
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

/** The longest run of rows with ink in columns [x0, x1) (one empty row allowed) that meets the body band. */
function inkRows(
  img: GreyImage,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  thr: number,
  body: { top: number; bottom: number },
): { top: number; bottom: number } | null {
  const inked: boolean[] = [];
  for (let y = y0; y < y1; y++) {
    let any = false;
    if (y >= 0 && y < img.height) {
      for (let x = Math.max(0, x0); x < Math.min(img.width, x1) && !any; x++) any = (img.data[y * img.width + x] ?? 255) < thr;
    }
    inked.push(any);
  }
  let best: { top: number; bottom: number } | null = null;
  let start = -1;
  let gap = 0;
  for (let i = 0; i <= inked.length; i++) {
    if (i < inked.length && inked[i]) {
      if (start < 0) start = i;
      gap = 0;
      continue;
    }
    if (start >= 0 && i < inked.length && gap === 0) {
      gap++;
      continue;
    }
    if (start >= 0) {
      const top = y0 + start;
      const bottom = y0 + i - gap;
      const meets = bottom > body.top && top < body.bottom;
      if (meets && (!best || bottom - top > best.bottom - best.top)) best = { top, bottom };
      start = -1;
      gap = 0;
    }
  }
  return best;
}

/** Tight box of the ink in columns [a, b) and rows [top, bottom), or null. */
function inkBox(img: GreyImage, a: number, b: number, top: number, bottom: number, thr: number): BBox | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = -1;
  let y1 = -1;
  for (let y = Math.max(0, top); y < Math.min(img.height, bottom); y++) {
    for (let x = Math.max(0, a); x < Math.min(img.width, b); x++) {
      if ((img.data[y * img.width + x] ?? 255) < thr) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/* ------------------------------------------------------------------------ */
/* Reading a token                                                           */
/* ------------------------------------------------------------------------ */

/** Digits the shipped Thai model can output (the raw reading of these is worth something). */
const MODEL_DIGITS = '๐๑๒๓๔๕';
const RAW_BONUS = 0.08;
const NOT_A_DIGIT_COST = 0.45;

export type NumberKind = 'year' | 'day' | 'number';

export interface NumberCandidate {
  page: number;
  token: NumberToken;
  glyphs: GlyphReading[];
  kind: NumberKind;
}

export interface NumberDecision {
  candidate: NumberCandidate;
  /** The text to put in place of the token (the raw text when unsure). */
  text: string;
  /** Best reading, even when not applied. */
  best: string;
  changed: boolean;
  sure: boolean;
  /** Why it stays unsure, when it does. */
  reason: string | null;
  /** Mean cost per glyph of the best reading (template distance and channel; lower is clearer). */
  glyphCost: number;
  /**
   * A number (a score, a percentage) applied as read or re-read, but with ๔
   * and ๕ too alike to tell in some place: the close readings that swap
   * them, best first. The text stays; the reader is told.
   */
  doubt?: string[];
}

function toValue(s: string): number | null {
  const a = s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return /^\d+$/.test(a) ? Number(a) : null;
}

/** Thai marks OCR puts after a dot, a dash or a space ("ก.ุย."): no base to sit on, never text. */
const STRAY_MARKS = /(?<=[.\-–\s])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+/g;

/** The text without the stray marks (a month abbreviation stays readable). */
export function withoutStrayMarks(text: string): string {
  return text.replace(STRAY_MARKS, '');
}

/** The kind of number a token is, from its shape and its neighbours. */
export function kindOf(token: NumberToken): NumberKind {
  const digits = token.raw.replace(/[^๐-๙0-9A-Za-z]/g, '');
  if (/^[๒2][๕5]/.test(token.raw) && digits.length >= 3 && digits.length <= 5) return 'year';
  const before = withoutStrayMarks(token.before);
  if (YEAR_CUE.test(before) && (digits.length === 4 || digits.length === 2 || digits.length === 3 || digits.length === 5)) return 'year';
  if (MONTH_AFTER.test(token.after) && digits.length <= 2) return 'day';
  return 'number';
}

/**
 * What the Thai model writes for a true digit it cannot (or often does
 * not) read right, as seen on rendered and scanned reports: ๖ → ๒ or ๐,
 * ๗ → ๒, ๐, ๓ (Laksaman) or a letter (ซ, ฆ), ๘ → ๕, ๐ or ๓, ๙ → ๓, ๕ or ๑
 * (Laksaman), ๔ ↔ ๕.
 */
const CONFUSED: Readonly<Record<string, string>> = {
  '๖': '๒๐',
  '๗': '๒๐ซ๓',
  '๘': '๕๐๓',
  '๙': '๓๕๑',
  '๔': '๕',
  '๕': '๔',
};

/**
 * Cost of the model writing `raw` for the true digit `t`: 0 when equal,
 * 0.08 for a known confusion, 0.2 otherwise, 0.1 when the raw character is
 * unknown (the glyph count differs from what the model wrote).
 */
function channel(raw: string, t: string): number {
  if (raw === '?') return 0.1;
  if (raw === t) return MODEL_DIGITS.includes(t) ? -RAW_BONUS : 0;
  if ((CONFUSED[t] ?? '').includes(raw)) return 0.08;
  return 0.2;
}

/**
 * Per position: options (digit, cost = template distance + channel cost).
 * Where the model wrote a Thai digit: that digit and the digits it is a
 * known confusion of (so a well-read ๒ can only become ๖ or ๗, never ๐).
 * Elsewhere (a letter, an Arabic digit, or glyphs that do not line up with
 * the model's characters): the three nearest templates, and for a year's
 * first two places ๒ and ๕ (BE years are 25xx; a font the templates do not
 * know may hide them). Template distances are capped at 0.75 (a glyph
 * unlike every template says little).
 */
function positionOptions(g: GlyphReading, kind: NumberKind, place: number): Array<{ ch: string; cost: number }> {
  if (!g.scores || g.scores.length === 0) return [{ ch: g.raw, cost: 0 }];
  const dist = (t: string): number => Math.min(g.scores?.find((s) => s.digit === t)?.distance ?? 0.75, 0.75);
  const chars = new Set<string>();
  if (THAI_DIGIT.test(g.raw)) {
    // the model reads ๐–๕ well apart from its known confusions: only those may change
    chars.add(g.raw);
    for (const [t, outs] of Object.entries(CONFUSED)) if (outs.includes(g.raw)) chars.add(t);
  } else {
    // a letter, an Arabic digit, or no raw character lined up: the templates propose
    for (const sc of g.scores.slice(0, 3)) chars.add(sc.digit);
    for (const [t, outs] of Object.entries(CONFUSED)) if (outs.includes(g.raw)) chars.add(t);
    const want = kind === 'year' ? ['๒', '๕'][place] : undefined;
    if (want) chars.add(want);
  }
  const opts = [...chars].map((ch) => ({ ch, cost: dist(ch) + channel(g.raw, ch) }));
  if (!THAI_DIGIT.test(g.raw) && g.raw !== '?') {
    // an Arabic digit or a letter: keep it as an option, priced like a middling match
    opts.push({ ch: g.raw, cost: /[0-9]/.test(g.raw) ? 0.25 : NOT_A_DIGIT_COST });
  }
  return opts;
}

interface Reading {
  text: string;
  cost: number;
}

/** All readings (cartesian product of the top options, capped), cheapest first. */
function readings(glyphs: GlyphReading[], kind: NumberKind): Reading[] {
  let acc: Reading[] = [{ text: '', cost: 0 }];
  let place = 0;
  for (const g of glyphs) {
    const opts = positionOptions(g, kind, place);
    if (g.scores) place++;
    const next: Reading[] = [];
    for (const a of acc) for (const o of opts) next.push({ text: a.text + o.ch, cost: a.cost + o.cost });
    next.sort((x, y) => x.cost - y.cost);
    acc = next.slice(0, 64);
  }
  return acc;
}

function digitsOnly(s: string): string {
  return s.replace(/[^๐-๙0-9]/g, '');
}

/** Plausibility cost of a reading for its kind (0 = plausible). */
function plausibility(text: string, kind: NumberKind, fiscalYears: ReadonlySet<number>): number {
  const d = digitsOnly(text);
  const v = toValue(d);
  if (kind === 'year') {
    if (v === null) return 1;
    const year = d.length === 2 ? 2500 + v : v;
    if (d.length !== 4 && d.length !== 2) return 0.6;
    if (year < 2550 || year > 2580) return 0.6;
    if (fiscalYears.size === 0) return 0;
    if (fiscalYears.has(year)) return -0.08;
    // the year before (the assessment a report answers) and after are common
    if (fiscalYears.has(year + 1) || fiscalYears.has(year - 1)) return -0.02;
    return 0.1;
  }
  if (kind === 'day') {
    if (v === null || v < 1 || v > 31) return 0.6;
    return 0;
  }
  // other numbers: a letter left in a number is unlikely
  return /[A-Za-z]/.test(text) ? 0.3 : 0;
}

/** Chooses the reading of one candidate (see the module comment, step 4). */
/** The month (1–12) the text before a token ends with ("ต.ค.", "ก.ุย.", "ตุลาคม"), or null. */
export function monthBefore(before: string): number | null {
  const last = /([\u0e01-\u0e4e.]+)\s*$/.exec(withoutStrayMarks(before))?.[1];
  if (!last) return null;
  return monthOf(last.replace(/^เดือน/, ''));
}

/**
 * The years a year written after a month should be, given the document's
 * fiscal years: October–December belong to the calendar year before the
 * fiscal year (FY 2568 runs from ต.ค. ๖๗ to ก.ย. ๖๘).
 */
function yearsForMonth(month: number | null, fiscalYears: ReadonlySet<number>): ReadonlySet<number> {
  if (month === null || fiscalYears.size === 0) return fiscalYears;
  return new Set([...fiscalYears].map((f) => (month >= 10 ? f - 1 : f)));
}

export function decide(c: NumberCandidate, documentFiscalYears: ReadonlySet<number> = new Set()): NumberDecision {
  const fiscalYears = c.kind === 'year' ? yearsForMonth(monthBefore(c.token.before), documentFiscalYears) : documentFiscalYears;
  const raw = c.token.raw;
  // punctuation at the ends that the model did not put in the token belongs to the words around it
  const lead = /^[.,/\-–]/.test(raw);
  const trail = /[.,/\-–]$/.test(raw);
  const trim = (t: string): string => t.replace(lead ? /^$/ : /^[.,/\-–]+/, '').replace(trail ? /^$/ : /[.,/\-–]+$/, '');
  const rs = readings(c.glyphs, c.kind).map((r) => {
    const text = trim(r.text);
    return { text, cost: r.cost + plausibility(text, c.kind, fiscalYears) };
  });
  rs.sort((a, b) => a.cost - b.cost);
  const best = rs[0];
  if (!best) return { candidate: c, text: raw, best: raw, changed: false, sure: false, reason: 'nothing to read', glyphCost: 1 };
  const second = rs.find((r) => digitsOnly(r.text) !== digitsOnly(best.text));
  const margin = second ? second.cost - best.cost : 1;
  const readable = c.glyphs.filter((g) => g.scores).length;
  const meanBest = readable > 0 ? (best.cost - plausibility(best.text, c.kind, fiscalYears)) / readable : 1;
  const plausible = plausibility(best.text, c.kind, fiscalYears) < 0.3;
  const bestYear = toValue(digitsOnly(best.text));
  // a year the document already agrees on needs less from the glyphs
  const documentYear = c.kind === 'year' && bestYear !== null && fiscalYears.has(bestYear);
  // a year digit the model often writes for another (๕ for ๘, ๒ for ๖…) must be told apart by its glyph
  const ambiguous =
    c.kind === 'year' && !documentYear && ambiguousPlace(c.glyphs, best.text, (t) => plausibility(t, 'year', fiscalYears) < 0.3);
  const sure = margin >= 0.06 && plausible && !ambiguous && (meanBest < 0.42 || (documentYear && meanBest < 0.6));
  if (c.token.cued && (!sure || meanBest > 0.3)) {
    // a Latin word read as a number needs clear glyphs
    return { candidate: c, text: raw, best: best.text, changed: false, sure: false, reason: 'not clearly digits', glyphCost: meanBest };
  }
  if (sure || (c.kind === 'number' && meanBest < 0.3 && margin >= 0.03)) {
    const doubt = c.kind === 'number' ? fourOrFive(best, rs) : [];
    return {
      candidate: c,
      text: best.text,
      best: best.text,
      changed: best.text !== raw,
      sure: true,
      reason: null,
      glyphCost: meanBest,
      ...(doubt.length > 0 ? { doubt } : {}),
    };
  }
  const rawPlausible = plausibility(raw, c.kind, fiscalYears) < 0.3 && !/[A-Za-z]/.test(raw);
  const reason = !plausible
    ? `no plausible ${c.kind} reading`
    : ambiguous
      ? `a digit of ${best.text} could as well be another`
      : margin < 0.06
        ? `${best.text} or ${second?.text ?? '?'}`
        : 'glyphs unlike any digit';
  return { candidate: c, text: raw, best: best.text, changed: false, sure: rawPlausible && c.kind === 'number', reason, glyphCost: meanBest };
}

/** How close (in reading cost) a reading that swaps ๔ and ๕ must come to be a doubt: about the model's own bias towards what it wrote. */
const FOUR_FIVE_DOUBT = 0.1;

/** Readings within FOUR_FIVE_DOUBT of `best` that differ from it only by ๔ ↔ ๕ swaps (94.94 read as 95.94). */
function fourOrFive(best: { text: string; cost: number }, rs: ReadonlyArray<{ text: string; cost: number }>): string[] {
  const swapsOnly = (a: string, b: string): boolean =>
    a.length === b.length && a !== b && [...a].every((ch, i) => ch === b[i] || ((ch === '๔' || ch === '๕') && (b[i] === '๔' || b[i] === '๕')));
  return rs.filter((r) => r.cost - best.cost < FOUR_FIVE_DOUBT && swapsOnly(best.text, r.text)).map((r) => r.text);
}

/**
 * True when some digit of `text` is one the model also writes for another
 * digit (a confusion output: ๒ ๕ ๐ ๓ ๔), the other digit would make a
 * plausible reading too, and the glyph's templates do not tell the two
 * apart (within 0.02).
 */
function ambiguousPlace(glyphs: readonly GlyphReading[], text: string, plausible: (t: string) => boolean): boolean {
  const digits = [...digitsOnly(text)];
  const read = glyphs.filter((g) => g.scores);
  if (read.length !== digits.length) return false;
  return read.some((g, i) => {
    const d = digits[i] as string;
    const others = Object.entries(CONFUSED)
      .filter(([t, outs]) => t !== d && outs.includes(d))
      .map(([t]) => t)
      .filter((t) => plausible(digits.map((x, k) => (k === i ? t : x)).join('')));
    if (others.length === 0) return false;
    const dist = (t: string): number => g.scores?.find((s) => s.digit === t)?.distance ?? 1;
    return others.some((t) => dist(t) < dist(d) + 0.02);
  });
}

/**
 * The years the document agrees on: confident year readings (a clear
 * margin, plausible on their own), each counted once per page; the most
 * frequent and its neighbours. Empty when nothing is confident.
 */
export function documentYears(cands: readonly NumberCandidate[]): Set<number> {
  const votes = new Map<number, Set<number>>();
  for (const c of cands) {
    if (c.kind !== 'year') continue;
    const d = decide(c);
    // only clear readings teach the document its year (a wrong year agreed on would spread)
    if (!d.sure || d.glyphCost > 0.42) continue;
    const v = toValue(digitsOnly(d.best));
    if (v === null) continue;
    const year = v < 100 ? 2500 + v : v;
    if (year < 2550 || year > 2580) continue;
    const pages = votes.get(year) ?? new Set<number>();
    pages.add(c.page);
    votes.set(year, pages);
  }
  let top: number | null = null;
  let topVotes = 0;
  for (const [y, pages] of votes) {
    if (pages.size > topVotes || (pages.size === topVotes && top !== null && y > top)) {
      top = y;
      topVotes = pages.size;
    }
  }
  return top === null ? new Set() : new Set([top]);
}

/** Candidates of one page: tokens with their glyph readings and kinds. */
export function numberCandidates(
  page: number,
  words: readonly OcrWord[],
  img: GreyImage,
  options: ReadOptions = {},
): NumberCandidate[] {
  const groups = lineGroups(words);
  return findNumberTokens(words, img).map((token) => {
    const glyphs = readTokenGlyphs(img, words, token, groups.get(token.line) ?? [], options);
    let kind = kindOf(token);
    const read = glyphs.filter((g) => g.scores).length;
    if (kind !== 'year' && read === 4 && /^[๒2][๕5]/.test(token.raw)) kind = 'year';
    return { page, token, glyphs, kind };
  });
}

/**
 * Words with the decisions applied: a changed token's text goes to its
 * first word (box widened to the token), its other words are removed.
 */
export function applyDecisions(words: readonly OcrWord[], decisions: readonly NumberDecision[]): OcrWord[] {
  const replace = new Map<number, OcrWord>();
  const drop = new Set<number>();
  for (const d of decisions) {
    if (!d.changed) continue;
    const idx = d.candidate.token.words;
    const first = idx[0];
    if (first === undefined) continue;
    const ws = idx.map((i) => words[i] as OcrWord);
    replace.set(first, {
      ...(words[first] as OcrWord),
      text: d.text,
      bbox: {
        x0: Math.min(...ws.map((w) => w.bbox.x0)),
        y0: Math.min(...ws.map((w) => w.bbox.y0)),
        x1: Math.max(...ws.map((w) => w.bbox.x1)),
        y1: Math.max(...ws.map((w) => w.bbox.y1)),
      },
    });
    for (const i of idx.slice(1)) drop.add(i);
  }
  const out: OcrWord[] = [];
  words.forEach((w, i) => {
    if (drop.has(i)) return;
    out.push(replace.get(i) ?? w);
  });
  return out;
}
