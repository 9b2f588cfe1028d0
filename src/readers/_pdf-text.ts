/**
 * PDF reader, text side: pdfjs text-content items → positioned runs (with
 * /ActualText spans applied) → lines (the lines of a text area become
 * paragraphs in _pdf-paragraphs.ts).
 *
 * Coordinates are PDF user space of the page (y grows upwards), rotated so
 * that the page's dominant text direction runs along +x. A run's (x, y) is
 * the start of its baseline.
 */
import { normalizeThai } from '../thai/normalize.js';
import { SPACE_GAP } from './_pdf-wrap.js';

/** A piece of text at one position, as pdfjs reports it (or an ActualText span). */
export interface Run {
  text: string;
  x: number;
  y: number;
  /** Advance width along the baseline (≥ 0). */
  w: number;
  size: number;
  bold: boolean;
}

/** Runs on one baseline, ordered by x. */
export interface Line {
  /** Normalised text (normalizeThai). */
  text: string;
  /** Text as assembled, before normalisation (for text-layer quality checks). */
  raw: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Largest font size on the line. */
  size: number;
  /** Every non-blank run is in a bold font. */
  bold: boolean;
  /** Pieces of the line separated by wide gaps (table columns laid out without rules). */
  segments: Segment[];
  /** The runs, ordered by x. */
  runs: Run[];
}

export interface Segment {
  /** As assembled, not normalised (trimmed). */
  text: string;
  x0: number;
  x1: number;
  bold: boolean;
}

/** A rotation by a multiple of 90° mapping text direction onto +x. */
export type Quarter = 0 | 1 | 2 | 3;

/** (x, y) rotated by −q × 90°. */
export function rotatePoint(x: number, y: number, q: Quarter): [number, number] {
  switch (q) {
    case 0:
      return [x, y];
    case 1:
      return [y, -x];
    case 2:
      return [-x, -y];
    case 3:
      return [-y, x];
  }
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

interface MarkLike {
  type: string;
  actualText?: unknown;
}

function isTextItem(it: unknown): it is TextItemLike {
  return typeof it === 'object' && it !== null && typeof (it as TextItemLike).str === 'string';
}

function quarterOf(t: number[]): Quarter | -1 {
  const a = t[0] ?? 0;
  const b = t[1] ?? 0;
  const ang = Math.atan2(b, a) / (Math.PI / 2);
  const q = Math.round(ang);
  if (Math.abs(ang - q) > 0.05) return -1; // skewed or diagonal text (watermarks)
  return (((q % 4) + 4) % 4) as Quarter;
}

/** The quarter-turn most of the page's text runs in (0 when there is no text). */
export function dominantQuarter(items: readonly unknown[]): Quarter {
  const weight = [0, 0, 0, 0];
  for (const it of items) {
    if (!isTextItem(it) || it.str.trim() === '') continue;
    const q = quarterOf(it.transform);
    if (q >= 0) weight[q] = (weight[q] ?? 0) + it.str.length;
  }
  let best: Quarter = 0;
  for (const q of [1, 2, 3] as const) if ((weight[q] ?? 0) > (weight[best] ?? 0)) best = q;
  return best;
}

/**
 * pdfjs's own normalisation of text items (normalizeUnicode: NFKC of
 * compatibility spaces, µ, Ω, ligatures and Hebrew/Arabic presentation
 * forms), done here instead: the reader asks getTextContent to skip it
 * (disableNormalization), since pdfjs runs a Unicode regex over every item
 * and next to none needs it. Same characters, same result.
 */
const PDFJS_NORMALIZE_SRC =
  '[\\u00a0\\u00b5\\u037e\\u0eb3\\u2000-\\u200a\\u202f\\u2126\\ufb00-\\ufb04\\ufb06\\ufb20-\\ufb36\\ufb38-\\ufb3c\\ufb3e\\ufb40-\\ufb41\\ufb43-\\ufb44\\ufb46-\\ufba1\\ufba4-\\ufba9\\ufbae-\\ufbb1\\ufbd3-\\ufbdc\\ufbde-\\ufbe7\\ufbea-\\ufbf8\\ufbfc-\\ufbfd\\ufc00-\\ufc5d\\ufc64-\\ufcf1\\ufcf5-\\ufd3d\\ufd88\\ufdf4\\ufdfa-\\ufdfb\\ufe71\\ufe77\\ufe79\\ufe7b\\ufe7d]';
const PDFJS_NEEDS = new RegExp(`${PDFJS_NORMALIZE_SRC}|\\ufb05`);
const PDFJS_NORMALIZE = new RegExp(`(${PDFJS_NORMALIZE_SRC}+)|\\ufb05`, 'g');

export function pdfjsNormalize(s: string): string {
  return PDFJS_NEEDS.test(s) ? s.replace(PDFJS_NORMALIZE, (_m, run?: string) => (run ? run.normalize('NFKC') : '\u017ft')) : s;
}

/**
 * Text items (getTextContent with includeMarkedContent) → runs, in content
 * order. Inside a marked-content span carrying /ActualText (a pdfjs patched
 * to report it: `actualText` on the beginMarkedContentProps item) the glyph
 * items give way to one run holding the ActualText, placed where the glyphs
 * were. Blank items are dropped: spaces are decided from geometry later,
 * except that a blank item wider than a fifth of the font size is kept as a
 * space hint on the run before it. Text at another angle than `q` is dropped.
 */
export function itemsToRuns(items: readonly unknown[], q: Quarter, boldOf: (fontName: string) => boolean): Run[] {
  const runs: Run[] = [];
  // Marked-content depth, and the ActualText span being collected (outermost wins).
  let depth = 0;
  let span: { depth: number; text: string; runs: Run[] } | null = null;

  for (const it of items) {
    if (!isTextItem(it)) {
      const m = it as MarkLike;
      if (m.type === 'beginMarkedContent' || m.type === 'beginMarkedContentProps') {
        depth++;
        if (span === null && typeof m.actualText === 'string') span = { depth, text: m.actualText, runs: [] };
      } else if (m.type === 'endMarkedContent') {
        if (span !== null && span.depth === depth) {
          const r = spanRun(span.text, span.runs);
          if (r) runs.push(r);
          span = null;
        }
        depth = Math.max(0, depth - 1);
      }
      continue;
    }
    const t = it.transform;
    if (quarterOf(t) !== q) continue;
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || Math.hypot(t[0] ?? 0, t[1] ?? 0);
    if (!(size > 0)) continue;
    const [x, y] = rotatePoint(t[4] ?? 0, t[5] ?? 0, q);
    const run: Run = { text: pdfjsNormalize(it.str), x, y, w: Math.max(0, it.width), size, bold: boldOf(it.fontName) };
    if (span !== null) {
      span.runs.push(run);
      continue;
    }
    if (it.str.trim() === '') {
      // pdfjs inserts blank items for jumps in the text position; a real space glyph is wider.
      const prev = runs[runs.length - 1];
      if (prev && run.w > size * 0.2 && Math.abs(prev.y - y) < size * 0.5 && !prev.text.endsWith(' ')) prev.text += ' ';
      continue;
    }
    runs.push(run);
  }
  if (span !== null) {
    const r = spanRun(span.text, span.runs);
    if (r) runs.push(r);
  }
  return runs;
}

function spanRun(text: string, inner: Run[]): Run | null {
  const first = inner.find((r) => r.text.trim() !== '') ?? inner[0];
  if (!first) return null;
  // the span's glyphs and spaces, not a blank wider than a space: pdfjs's jump across the cells in between (Chromium opens a span, then moves)
  const jump = (r: Run) => r.text.trim() === '' && r.w > r.size * 0.6;
  const glyphs = inner.some((r) => !jump(r)) ? inner.filter((r) => !jump(r)) : inner;
  // a space drawn first inside the span (Chromium's "ณ⎵วันที่" puts it there) stays a space
  const lead = glyphs[0];
  if (lead && glyphs.length > 1 && lead.text !== '' && lead.text.trim() === '' && lead.w > lead.size * 0.1 && !text.startsWith(' ')) text = ` ${text}`;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const r of glyphs) {
    if (Math.abs(r.y - first.y) > first.size) continue;
    x0 = Math.min(x0, r.x);
    x1 = Math.max(x1, r.x + r.w);
  }
  return { text, x: x0, y: first.y, w: Math.max(0, x1 - x0), size: first.size, bold: first.bold };
}

/* ------------------------------------------------------------------------ */
/* Runs → lines                                                              */
/* ------------------------------------------------------------------------ */

/** Thai combining marks, ำ and า: a run starting with one continues the previous cluster. */
const CLUSTER_CONT = /^[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]/;
/** Leading vowels: a run ending with one continues into the next. */
export const LEADING_VOWEL = /[\u0e40-\u0e44]$/;

/** Gap (in font sizes) above which a line is cut into segments (columns without rules). */
export const SEGMENT_GAP = 1.6;

/**
 * Groups runs into lines by baseline (tolerance half the font size), orders
 * each line by x, and joins the runs: a space where the gap exceeds a quarter
 * of the font size, none inside a Thai cluster. Lines come top to bottom.
 */
export function runsToLines(runs: readonly Run[]): Line[] {
  if (runs.length === 0) return [];
  const order = runs.map((r, i) => ({ r, i }));
  // Top to bottom; content order among equal baselines.
  order.sort((a, b) => b.r.y - a.r.y || a.i - b.i);
  const groups: Array<Array<{ r: Run; i: number }>> = [];
  let cur: Array<{ r: Run; i: number }> = [];
  let refY = 0;
  let refSize = 0;
  for (const o of order) {
    if (cur.length > 0 && refY - o.r.y <= Math.min(refSize, o.r.size) * 0.5) {
      cur.push(o);
      continue;
    }
    if (cur.length > 0) groups.push(cur);
    cur = [o];
    refY = o.r.y;
    refSize = o.r.size;
  }
  if (cur.length > 0) groups.push(cur);
  return groups.map((g) => {
    g.sort((a, b) => a.r.x - b.r.x || a.i - b.i);
    return buildLine(marksBeforeVowel(g.map((o) => o.r)));
  });
}

/** Sara aa (also ำ's second half when drawn alone), which takes no tone mark of its own. */
const SARA_AA = /^[\u0e32\u0e45]/;
/** A run of marks drawn with no advance (tone marks, above and below vowels). */
const MARKS_ONLY = /^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$/;

/**
 * A mark drawn with no advance sits where the glyph it belongs to ends,
 * which is where the next glyph starts: when that glyph is sara aa (drawn
 * apart, as LibreOffice does inside ActualText spans) the mark may come a
 * hair to its right and sort after it ("ระหวา่ง"). A tone mark never
 * follows sara aa: such a mark goes back before it ("ระหว่าง").
 */
function marksBeforeVowel(rs: Run[]): Run[] {
  for (let k = 0; k + 1 < rs.length; k++) {
    const a = rs[k]!;
    const m = rs[k + 1]!;
    if (SARA_AA.test(a.text) && MARKS_ONLY.test(m.text) && m.w < m.size * 0.05 && m.x - a.x < m.size * 0.1) {
      rs[k] = m;
      rs[k + 1] = a;
    }
  }
  return rs;
}

function buildLine(rs: Run[]): Line {
  const segments: Segment[] = [];
  let raw = '';
  let segRaw = '';
  let segX0 = rs[0]?.x ?? 0;
  let segBold = true;
  let end = -Infinity; // right edge of the text so far
  let size = 0;
  let boldAll = true;
  let prev: Run | null = null;
  let y = 0;
  let maxSize = 0;
  for (const r of rs) {
    size = Math.max(size, r.size);
    if (r.size >= maxSize) {
      maxSize = r.size;
      y = r.y;
    }
    const blank = r.text.trim() === '';
    if (!blank) boldAll &&= r.bold;
    if (prev) {
      const gap = r.x - end;
      const em = Math.max(prev.size, r.size);
      const glued = CLUSTER_CONT.test(r.text) || LEADING_VOWEL.test(prev.text);
      if (!glued && gap > SEGMENT_GAP * em) {
        segments.push({ text: segRaw.trim(), x0: segX0, x1: end, bold: segBold });
        segRaw = '';
        segX0 = r.x;
        segBold = true;
        raw += ' ';
      } else if (!glued && gap > SPACE_GAP * em && !segRaw.endsWith(' ') && !r.text.startsWith(' ')) {
        segRaw += ' ';
        raw += ' ';
      }
    }
    segRaw += r.text;
    raw += r.text;
    if (!blank) segBold &&= r.bold;
    end = Math.max(end, r.x + r.w);
    prev = r;
  }
  segments.push({ text: segRaw.trim(), x0: segX0, x1: end, bold: segBold });
  return new BuiltLine(raw, rs[0]?.x ?? 0, end, y, size, boldAll, segments.filter((s) => s.text !== ''), rs);
}

/**
 * A line as buildLine makes it. Its normalised text is worked out when first
 * read: the reader groups a page's runs into lines before it knows whether
 * the page has ruled tables, and then regroups the runs of each cell and
 * those outside the tables, so the first lines of such a page are never read.
 */
class BuiltLine implements Line {
  #text: string | undefined;
  constructor(
    readonly raw: string,
    readonly x0: number,
    readonly x1: number,
    readonly y: number,
    readonly size: number,
    readonly bold: boolean,
    readonly segments: Segment[],
    readonly runs: Run[],
  ) {}

  get text(): string {
    this.#text ??= normalizeThai(this.raw).trim();
    return this.#text;
  }
}

/* ------------------------------------------------------------------------ */
/* Splitting a run at a column boundary                                      */
/* ------------------------------------------------------------------------ */

/** Characters that take no width of their own (Thai above/below marks). */
export const ZERO_ADVANCE = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
