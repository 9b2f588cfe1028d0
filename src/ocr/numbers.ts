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
 */import { type GlyphReading, type ReadOptions, readTokenGlyphs } from './_number-glyphs.js';
import { MONTH_AFTER, type NumberToken, THAI_DIGIT, YEAR_CUE, findNumberTokens, lineGroups } from './_number-tokens.js';
import { monthOf, withMonthDots } from '../thai/_months.js';
import type { GreyImage, OcrWord } from './types.js';

export { type GlyphReading, type ReadOptions, readDigitsIn, readTokenGlyphs } from './_number-glyphs.js';
export { type NumberToken, findNumberTokens } from './_number-tokens.js';
export { applyDecisions } from './_number-apply.js';

/* ------------------------------------------------------------------------ */
/* Reading a token                                                           */
/* ------------------------------------------------------------------------ */

/** Digits the shipped Thai model can output (the raw reading of these is worth something). */
const MODEL_DIGITS = '๐๑๒๓๔๕';
const RAW_BONUS = 0.08;
const NOT_A_DIGIT_COST = 0.45;
/** A glyph whose best digit is this near (the net: p ≳ 0.6) may replace any digit the model wrote. */
const CLEAR_GLYPH = 0.1;

export type NumberKind = 'year' | 'day' | 'quarter' | 'number';

/** The text before a quarter's number: "ไตรมาสที่ ๑-๒", "ไตรมาส ๓" (a space OCR leaves inside the word too). */
const QUARTER_CUE = /ไตร\s?ม\s?าส(?:\s?ที่)?\s*$/;

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
  /** Why the reading is doubted, when it is not the ๔/๕ look-alike (a year far from the document's). */
  doubtReason?: string;
}

function toValue(s: string): number | null {
  const a = s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return /^\d+$/.test(a) ? Number(a) : null;
}

/** Thai marks OCR puts after a dot, a dash or a space ("ก.ุย."): no base to sit on, never text. */
const STRAY_MARKS = /(?<=[.\-–\s])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+/g;

/** The text without the stray marks (a month abbreviation stays readable). */
export function withoutStrayMarks(text: string): string {
  return withMonthDots(text.replace(STRAY_MARKS, ''));
}

/** The kind of number a token is, from its shape and its neighbours. */
export function kindOf(token: NumberToken): NumberKind {
  // a Thai letter in a token stands for a digit (a look-alike the model wrote: "๖ฒ" for ๖๗)
  const digits = token.raw.replace(/[^๐-๙0-9A-Za-z\u0e01-\u0e2e]/g, '');
  if (/^[๒2][๕5]/.test(token.raw) && digits.length >= 3 && digits.length <= 5) return 'year';
  const before = withoutStrayMarks(token.before);
  if (YEAR_CUE.test(before) && (digits.length === 4 || digits.length === 2 || digits.length === 3 || digits.length === 5)) return 'year';
  if (MONTH_AFTER.test(token.after) && digits.length <= 2) return 'day';
  // the quarters of a fiscal year, one or a range ("ไตรมาสที่ ๑-๒", "ไตรมาส ๑,๒"): each 1–4
  if (QUARTER_CUE.test(before) && digits.length >= 1 && digits.length <= 4 && /^[๐-๙0-9]([-–,\s]*[๐-๙0-9])*$/.test(token.raw.trim())) return 'quarter';
  return 'number';
}

/**
 * What the Thai model writes for a true digit it cannot (or often does
 * not) read right, as seen on rendered and scanned reports: ๖ → ๒, ๐ or
 * the letter อ, ๗ → ๒, ๐, ๓ (Laksaman) or a letter (ซ, ฆ, ฒ, ณ, ญ), ๘ → ๕, ๐ or
 * ๓, ๙ → ๓, ๕ or ๑ (Laksaman), ๔ ↔ ๕.
 */
const CONFUSED: Readonly<Record<string, string>> = {
  '๖': '๒๐อ',
  '๗': '๒๐ซ๓ฆฒณญ',
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
function positionOptions(g: GlyphReading, kind: NumberKind, place: number, thaiToken = false): Array<{ ch: string; cost: number }> {
  if (!g.scores || g.scores.length === 0) return [{ ch: g.raw, cost: 0 }];
  const dist = (t: string): number => Math.min(g.scores?.find((s) => s.digit === t)?.distance ?? 0.75, 0.75);
  const chars = new Set<string>();
  if (THAI_DIGIT.test(g.raw)) {
    // the model reads ๐–๕ well apart from its known confusions: those may change, and any digit the glyph is
    // clearly (๒๕๒๑ for ๒๕๖๖: ๖ read as ๑ is no known confusion; the unknown confusion's channel cost still applies)
    chars.add(g.raw);
    for (const [t, outs] of Object.entries(CONFUSED)) if (outs.includes(g.raw)) chars.add(t);
    const top = g.scores[0];
    if (top && top.distance < CLEAR_GLYPH) chars.add(top.digit);
  } else {
    // a letter, an Arabic digit, or no raw character lined up: the templates propose
    for (const sc of g.scores.slice(0, 3)) chars.add(sc.digit);
    for (const [t, outs] of Object.entries(CONFUSED)) if (outs.includes(g.raw)) chars.add(t);
    const want = kind === 'year' ? ['๒', '๕'][place] : undefined;
    if (want) chars.add(want);
  }
  const opts = [...chars].map((ch) => ({ ch, cost: dist(ch) + channel(g.raw, ch) }));
  if (!THAI_DIGIT.test(g.raw) && g.raw !== '?') {
    // an Arabic digit or a letter: keep it as an option, priced like a middling match; an Arabic digit among
    // Thai ones is the model's reading of a Thai glyph ("๒๕๒5" for ๒๕๖๖): worth what the glyph says of that digit
    const arabic = /[0-9]/.test(g.raw);
    const thaiTwin = String.fromCharCode(0x0e50 + Number(g.raw));
    opts.push({ ch: g.raw, cost: !arabic ? NOT_A_DIGIT_COST : thaiToken ? Math.max(0.25, 0.15 + dist(thaiTwin)) : 0.25 });
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
  const thaiToken = glyphs.some((g) => THAI_DIGIT.test(g.raw));
  for (const g of glyphs) {
    const opts = positionOptions(g, kind, place, thaiToken);
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
  if (kind === 'quarter') {
    // every number of the range a quarter: a ๑ read as ๖ ("ไตรมาสที่ ๖-๒") is no quarter
    const qs = text.split(/[^๐-๙0-9]+/).filter((x) => x !== '');
    return qs.length > 0 && qs.every((q) => q.length === 1 && (toValue(q) ?? 0) >= 1 && (toValue(q) ?? 0) <= 4) ? 0 : 0.6;
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
    const far = c.kind === 'year' ? farFromDocument(best.text, fiscalYears) : null;
    const kept = { candidate: c, text: best.text, best: best.text, changed: best.text !== raw, sure: true, reason: null, glyphCost: meanBest };
    if (far) {
      // read clearly, but years apart from every year the document agrees on: kept, and flagged with the nearer readings
      const nearer = rs.filter((r) => r.text.length === best.text.length && !farFromDocument(r.text, fiscalYears) && plausibility(r.text, 'year', fiscalYears) < 0.3);
      return { ...kept, doubt: nearer.slice(0, 2).map((r) => r.text), doubtReason: far };
    }
    return { ...kept, ...(doubt.length > 0 ? { doubt } : {}) };
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

/** A year this many years or more from every year the document agrees on is doubted: read, kept and flagged. */
const FAR_YEARS = 3;

/**
 * Why a year reading is doubtful against the document's years (the fiscal
 * year it agrees on and its neighbours, see {@link documentYears}): null
 * when it lies near one of them or the document agrees on none.
 */
function farFromDocument(text: string, fiscalYears: ReadonlySet<number>): string | null {
  const d = digitsOnly(text);
  const v = toValue(d);
  if (v === null || fiscalYears.size === 0 || (d.length !== 4 && d.length !== 2)) return null;
  const year = d.length === 2 ? 2500 + v : v;
  const gap = Math.min(...[...fiscalYears].map((f) => Math.abs(year - f)));
  if (gap < FAR_YEARS) return null;
  return `year ${year} is ${gap} years from the document's year ${[...fiscalYears].join('/')}`;
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
