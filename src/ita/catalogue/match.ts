/**
 * Fuzzy matching of report text against catalogue wordings.
 *
 * Text is normalised to a "skeleton": standard Thai (normalizeThai), Arabic
 * digits, Latin lower-cased, and only letters/marks/digits kept — spaces go
 * too, because line wrapping in table cells puts spaces inside Thai words.
 *
 * For each catalogue wording (question, sub-points, alt texts) the skeleton and
 * its character-bigram codes are precomputed, with an IDF weight per bigram
 * over all wordings, so boilerplate shared by many questions ("หน่วยงานของท่าน",
 * "มากน้อยเพียงใด", "ผู้รับบริการ…มีความเห็นว่า") counts for little.
 *
 * Scoring one wording P against a text T:
 *  1. bigram pre-filter: the window of T (about |P| long) holding the most
 *     IDF weight of P's bigrams; skip P when that is under a third of P's weight;
 *  2. local alignment (Smith–Waterman, bounded to that window) finds the part
 *     of P present in T and where, so a question embedded in a longer cell, or
 *     quoted truncated, is located;
 *  3. fast-levenshtein between the two aligned segments gives the similarity
 *     (OCR damage, dropped or changed words);
 *  4. confidence = similarity^1.5 × coverage factor (share of P found: mean of
 *     the IDF-weighted and the plain character share, full at 80%) × a length
 *     factor (very short wordings such as "Q&A" or "โครงสร้าง" are never trusted
 *     alone). Wordings under 40 characters and titles (OIT item names, which
 *     reports also use as ordinary words) must be found nearly whole (× share³);
 *     a title buried in a much longer text is discounted.
 *
 * Cost: an inverted bigram index picks the candidate wordings in one pass over
 * the text's distinct bigrams; only candidates get the window scan (O(|T|)) and
 * the O(|P|·1.3|P|) alignment.
 */
import levenshtein from 'fast-levenshtein';
import { normalizeThai } from '../../thai/normalize.js';
import { toArabicDigits } from '../../thai/digits.js';

/* ----------------------------------------------------------- normalising */

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The matching skeleton of a text: HTML tags and entities dropped, Thai
 * normalised, Thai digits → Arabic, Latin lower-cased, then everything but
 * Thai letters/vowels/marks, Latin letters and digits removed.
 */
export function skeleton(text: string): string {
  let s = text.replace(/<[^>]{0,200}>/g, ' ').replace(/&(#\d{1,6}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)) || 32);
    return ENTITY[e.toLowerCase()] ?? m;
  });
  s = toArabicDigits(normalizeThai(s)).toLowerCase();
  // Keep Thai U+0E01–U+0E4E (letters, vowels, tone marks, ฯ ๆ), a–z, 0–9.
  return s.replace(/[^\u0E01-\u0E4Ea-z0-9]+/g, '');
}

const bigramCode = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

function bigrams(s: string): Int32Array {
  const n = Math.max(0, s.length - 1);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = bigramCode(s, i);
  return out;
}

/* ----------------------------------------------------------- pattern index */

export interface Pattern<K> {
  key: K;
  /** Multiplier on the confidence (1 for the question itself, lower for sub-points). */
  weight: number;
  /** A title (OIT item names, question sub-points): must be quoted whole, and not buried in a long text. */
  title: boolean;
  skel: string;
  grams: Int32Array;
  /** IDF weight per bigram position of `grams`. */
  gramWeight: Float64Array;
  /** Bigram code → IDF weight, for the pre-filter. */
  gramSet: Map<number, number>;
  totalWeight: number;
}

export interface PatternInput<K> {
  key: K;
  text: string;
  weight: number;
  title?: boolean;
}

/** Pre-filter: share of a wording's (IDF-weighted) bigrams that must appear in the text, and in one window of it. */
const PREFILTER = 0.45;

export interface PatternIndex<K> {
  patterns: Pattern<K>[];
  /** Bigram code → [pattern index, IDF weight] for every pattern holding it. */
  postings: Map<number, Array<[number, number]>>;
}

export function buildPatterns<K>(inputs: readonly PatternInput<K>[]): PatternIndex<K> {
  const prepared = inputs
    .map((inp) => ({ inp, skel: skeleton(inp.text) }))
    .filter((p) => p.skel.length >= 2);
  const df = new Map<number, number>();
  const gramsOf = prepared.map((p) => bigrams(p.skel));
  for (const grams of gramsOf) {
    for (const g of new Set(grams)) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const N = prepared.length;
  const postings = new Map<number, Array<[number, number]>>();
  const patterns = prepared.map((p, idx) => {
    const grams = gramsOf[idx]!;
    const gramWeight = new Float64Array(grams.length);
    const gramSet = new Map<number, number>();
    let total = 0;
    for (let i = 0; i < grams.length; i++) {
      const g = grams[i]!;
      const w = Math.log((N + 1) / ((df.get(g) ?? 0) + 0.5));
      gramWeight[i] = w;
      if (!gramSet.has(g)) {
        gramSet.set(g, w);
        let list = postings.get(g);
        if (!list) postings.set(g, (list = []));
        list.push([idx, w]);
      }
      total += w;
    }
    return { key: p.inp.key, weight: p.inp.weight, title: p.inp.title ?? false, skel: p.skel, grams, gramWeight, gramSet, totalWeight: total };
  });
  return { patterns, postings };
}

/**
 * Indices of the patterns worth aligning against the text: those whose distinct
 * bigrams, IDF-weighted, appear in the text for at least PREFILTER of their weight.
 */
export function candidates<K>(index: PatternIndex<K>, t: PreparedText): number[] {
  const hit = new Float64Array(index.patterns.length);
  for (const g of new Set(t.grams)) {
    const list = index.postings.get(g);
    if (list) for (const [pi, w] of list) hit[pi]! += w;
  }
  const out: number[] = [];
  for (let i = 0; i < hit.length; i++) {
    const p = index.patterns[i]!;
    if (p.totalWeight > 0 && hit[i]! >= PREFILTER * p.totalWeight) out.push(i);
  }
  return out;
}

/* ----------------------------------------------------------- scoring */

export interface PreparedText {
  skel: string;
  grams: Int32Array;
  /** Bigram code → its start positions in `skel`, ascending. */
  positions: Map<number, number[]>;
}

export function prepareText(text: string): PreparedText {
  const skel = skeleton(text);
  const grams = bigrams(skel);
  const positions = new Map<number, number[]>();
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i]!;
    const list = positions.get(g);
    if (list) list.push(i);
    else positions.set(g, [i]);
  }
  return { skel, grams, positions };
}

let scratch = new Float64Array(1024);

/**
 * Best window (`len` characters) of the text for pattern p: its first and last
 * hit (character positions, end exclusive) and the share of p's bigram weight
 * found in it. Only the span between the first and last
 * occurrence of p's bigrams in the text is scanned.
 */
function bestWindow(p: Pattern<unknown>, t: PreparedText, len: number): { start: number; end: number; share: number } {
  if (p.totalWeight <= 0) return { start: 0, end: 0, share: 0 };
  const n = t.grams.length;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const hit = scratch;
  let lo = n;
  let hi = -1;
  for (const [g, w] of p.gramSet) {
    const pos = t.positions.get(g);
    if (!pos) continue;
    for (const x of pos) {
      hit[x] = w;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  if (hi < 0) return { start: 0, end: 0, share: 0 };
  // Sliding window counting each of p's bigrams once however often it recurs in
  // the window (a measure text repeating a phrase must not outweigh the quote).
  const inWindow = new Map<number, number>();
  const grams = t.grams;
  let sum = 0;
  let best = 0;
  let bestEnd = lo;
  for (let x = lo; x <= hi; x++) {
    const w = hit[x]!;
    if (w > 0) {
      const g = grams[x]!;
      const c = inWindow.get(g) ?? 0;
      inWindow.set(g, c + 1);
      if (c === 0) sum += w;
    }
    const out = x - len;
    if (out >= lo && hit[out]! > 0) {
      const g = grams[out]!;
      const c = inWindow.get(g)!;
      inWindow.set(g, c - 1);
      if (c === 1) sum -= hit[out]!;
    }
    if (sum > best) {
      best = sum;
      bestEnd = x;
    }
  }
  // Trim the best window to its first and last hit.
  let start = Math.max(lo, bestEnd - len + 1);
  while (start < bestEnd && hit[start] === 0) start++;
  hit.fill(0, lo, hi + 1);
  return { start, end: bestEnd + 2, share: Math.min(1, best / p.totalWeight) };
}

const MATCH = 2;
const MISMATCH = -2;
const GAP = -2;

interface Alignment {
  pStart: number;
  pEnd: number;
  tStart: number;
  tEnd: number;
}

/** Smith–Waterman local alignment of a (pattern) in b (text window); returns the best segment pair. */
function localAlign(a: string, b: string): Alignment | null {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return null;
  let prevH = new Int32Array(n + 1);
  let curH = new Int32Array(n + 1);
  let prevSa = new Int32Array(n + 1); // start row in a
  let curSa = new Int32Array(n + 1);
  let prevSb = new Int32Array(n + 1); // start column in b
  let curSb = new Int32Array(n + 1);
  let best = 0;
  let bi = 0;
  let bj = 0;
  let bsa = 0;
  let bsb = 0;
  for (let i = 1; i <= m; i++) {
    const ca = a.charCodeAt(i - 1);
    curH[0] = 0;
    for (let j = 1; j <= n; j++) {
      const diag = prevH[j - 1]! + (ca === b.charCodeAt(j - 1) ? MATCH : MISMATCH);
      const up = prevH[j]! + GAP;
      const left = curH[j - 1]! + GAP;
      let h = 0;
      let sa = i;
      let sb = j;
      if (diag > h) {
        h = diag;
        if (prevH[j - 1]! > 0) {
          sa = prevSa[j - 1]!;
          sb = prevSb[j - 1]!;
        } else {
          sa = i - 1;
          sb = j - 1;
        }
      }
      if (up > h) {
        h = up;
        sa = prevSa[j]!;
        sb = prevSb[j]!;
      }
      if (left > h) {
        h = left;
        sa = curSa[j - 1]!;
        sb = curSb[j - 1]!;
      }
      curH[j] = h;
      curSa[j] = sa;
      curSb[j] = sb;
      if (h > best) {
        best = h;
        bi = i;
        bj = j;
        bsa = sa;
        bsb = sb;
      }
    }
    [prevH, curH] = [curH, prevH];
    [prevSa, curSa] = [curSa, prevSa];
    [prevSb, curSb] = [curSb, prevSb];
  }
  if (best <= 0) return null;
  return { pStart: bsa, pEnd: bi, tStart: bsb, tEnd: bj };
}

/** Below this many skeleton characters a matched segment is not trusted on its own. */
const FULL_TRUST_LENGTH = 16;
/** Share of a wording's content that counts as a full quote. */
const FULL_COVERAGE = 0.8;
/** Wordings shorter than this must be quoted nearly whole. */
const SHORT_PATTERN = 40;
/** A title may sit in a text this much longer than itself before it counts as an incidental mention. */
const TITLE_CONTEXT = 60;

export interface PatternScore {
  confidence: number;
  similarity: number;
  coverage: number;
  /** Length of the matched part of the wording (skeleton characters): ranks ties. */
  evidence: number;
  /** The aligned parts of the wording and of the text (skeletons). */
  matched: { pattern: string; text: string };
}

/**
 * Score one wording against a prepared text; null when it cannot reach `minConfidence`
 * (checked first on the bigram window, an upper bound of the coverage, before aligning).
 */
export function scorePattern(p: Pattern<unknown>, t: PreparedText, minConfidence = 0): PatternScore | null {
  const plen = p.skel.length;
  if (t.skel.length < 2 || plen < 2) return null;
  const winLen = Math.ceil(plen * 1.3) + 8;
  const win = bestWindow(p, t, winLen);
  if (win.share < PREFILTER) return null;
  // Coverage is the mean of a weighted share (≤ the window share) and a character share (≤ 1).
  const upperBound = Math.min(1, (win.share + 1) / 2 / FULL_COVERAGE) * Math.min(1, plen / FULL_TRUST_LENGTH) * p.weight;
  if (upperBound < minConfidence) return null;
  // Align against the window (trimmed to its first and last hit) plus margins for
  // the part of the wording that lies beyond them.
  const margin = Math.ceil(plen * 0.25) + 6;
  const from = Math.max(0, win.start - margin);
  const to = Math.min(t.skel.length, win.end + margin);
  const tw = t.skel.slice(from, to);
  const al = localAlign(p.skel, tw);
  if (!al) return null;
  const pSeg = p.skel.slice(al.pStart, al.pEnd);
  const tSeg = tw.slice(al.tStart, al.tEnd);
  const segLen = Math.max(pSeg.length, tSeg.length);
  if (segLen === 0) return null;
  const similarity = 1 - levenshtein.get(pSeg, tSeg) / segLen;
  // Share of the wording found: the IDF-weighted share of its bigrams inside the aligned
  // segment (discounts boilerplate) averaged with the plain character share (so a
  // distinctive fragment alone is not a full quote).
  let covered = 0;
  for (let i = al.pStart; i < al.pEnd - 1; i++) covered += p.gramWeight[i]!;
  const charShare = pSeg.length / plen;
  const weighted = p.totalWeight > 0 ? Math.min(1, covered / p.totalWeight) : 0;
  const coverage = (weighted + charShare) / 2;
  const coverageFactor = Math.min(1, coverage / FULL_COVERAGE);
  const lengthFactor = Math.min(1, pSeg.length / FULL_TRUST_LENGTH);
  const shortFactor = p.title || plen < SHORT_PATTERN ? Math.pow(charShare, 3) : 1;
  const contextFactor = p.title ? Math.sqrt(Math.min(1, (plen + TITLE_CONTEXT) / t.skel.length)) : 1;
  const confidence = Math.max(
    0,
    Math.min(1, Math.pow(similarity, 1.5) * coverageFactor * lengthFactor * shortFactor * contextFactor * p.weight),
  );
  return { confidence, similarity, coverage, evidence: pSeg.length, matched: { pattern: pSeg, text: tSeg } };
}
