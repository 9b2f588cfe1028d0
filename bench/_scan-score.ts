/**
 * Scores extract() of a scan against extract() of the text version it was
 * made from (bench/ocr-extract.ts): entries matched by their text (character
 * bigram Dice ≥ 0.6, so OCR errors do not break a match), then per matched
 * entry its section, periods and item codes; header fields compared whole.
 */
import type { Entry, ItaDocument } from '../src/model/schema.js';
import { comparable } from '../src/ocr/metrics.js';

export interface ScanTally {
  docs: number;
  pages: number;
  /** Entries of the text version / of the scan / matched. */
  textEntries: number;
  scanEntries: number;
  matchedEntries: number;
  /** Text entries whose match has the same section / the same periods. */
  sections: number;
  periods: number;
  codes: { tp: number; fp: number; fn: number };
  /** Documents whose field equals the text version's (both null counts as equal). */
  organization: number;
  district: number;
  province: number;
  fiscalYear: number;
  overallScore: number;
  /** Character error rate: edit distance and truth length summed over pages. */
  cerErrors: number;
  cerChars: number;
  /** The characters compared as multisets (bench/ocr-extract.ts bagErrors): reading order does not count. */
  sortedErrors: number;
  sortedChars: number;
  cpuSeconds: number;
  wallSeconds: number;
}

export const emptyScanTally = (): ScanTally => ({
  docs: 0,
  pages: 0,
  textEntries: 0,
  scanEntries: 0,
  matchedEntries: 0,
  sections: 0,
  periods: 0,
  codes: { tp: 0, fp: 0, fn: 0 },
  organization: 0,
  district: 0,
  province: 0,
  fiscalYear: 0,
  overallScore: 0,
  cerErrors: 0,
  cerChars: 0,
  sortedErrors: 0,
  sortedChars: 0,
  cpuSeconds: 0,
  wallSeconds: 0,
});

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of two texts' character bigram multisets (0–1). */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of a.values()) na += v;
  for (const [g, v] of b) {
    nb += v;
    both += Math.min(v, a.get(g) ?? 0);
  }
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
}

/** Pairs [textIndex, scanIndex] of entries whose texts match (best first, each used once). */
export function matchEntriesByText(text: readonly Entry[], scan: readonly Entry[], threshold = 0.6): Array<[number, number]> {
  const key = (e: Entry) => bigrams(comparable(e.text).slice(0, 240));
  const tk = text.map(key);
  const sk = scan.map(key);
  const cands: Array<[number, number, number]> = [];
  tk.forEach((a, i) =>
    sk.forEach((b, j) => {
      const d = dice(a, b);
      if (d >= threshold) cands.push([d, i, j]);
    }),
  );
  cands.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedT = new Set<number>();
  const usedS = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of cands) {
    if (usedT.has(i) || usedS.has(j)) continue;
    usedT.add(i);
    usedS.add(j);
    out.push([i, j]);
  }
  return out;
}

const periodKey = (e: Entry) => e.periods.map((p) => `${p.start}..${p.end}`).sort().join(' ');

/** Adds one document pair to the tally (pages, CER and time are added by the caller). */
export function scoreScan(t: ScanTally, scan: ItaDocument, text: ItaDocument): void {
  t.docs++;
  t.textEntries += text.entries.length;
  t.scanEntries += scan.entries.length;
  const pairs = matchEntriesByText(text.entries, scan.entries);
  t.matchedEntries += pairs.length;
  const matchedScan = new Set(pairs.map(([, j]) => j));
  const matchedText = new Set(pairs.map(([i]) => i));
  for (const [i, j] of pairs) {
    const a = text.entries[i]!;
    const b = scan.entries[j]!;
    if (a.section === b.section) t.sections++;
    if (periodKey(a) === periodKey(b)) t.periods++;
    const want = a.itemCodes.map((c) => c.code);
    const got = b.itemCodes.map((c) => c.code);
    const pool = [...want];
    for (const c of got) {
      const k = pool.indexOf(c);
      if (k >= 0) {
        pool.splice(k, 1);
        t.codes.tp++;
      } else t.codes.fp++;
    }
    t.codes.fn += pool.length;
  }
  scan.entries.forEach((e, j) => {
    if (!matchedScan.has(j)) t.codes.fp += e.itemCodes.length;
  });
  text.entries.forEach((e, i) => {
    if (!matchedText.has(i)) t.codes.fn += e.itemCodes.length;
  });
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  if (same(scan.organization?.name, text.organization?.name)) t.organization++;
  if (same(scan.organization?.district, text.organization?.district)) t.district++;
  if (same(scan.organization?.province, text.organization?.province)) t.province++;
  if (same(scan.fiscalYear?.be, text.fiscalYear?.be)) t.fiscalYear++;
  if (same(scan.assessment.overallScore, text.assessment.overallScore)) t.overallScore++;
}

export function addTally(into: ScanTally, t: ScanTally): void {
  for (const k of Object.keys(t) as Array<keyof ScanTally>) {
    if (k === 'codes') {
      into.codes.tp += t.codes.tp;
      into.codes.fp += t.codes.fp;
      into.codes.fn += t.codes.fn;
    } else into[k] += t[k];
  }
}

export interface ScanFigures {
  docs: number;
  pages: number;
  entryRecall: number;
  entryPrecision: number;
  sections: number;
  codeF1: number;
  organization: number;
  district: number;
  province: number;
  fiscalYear: number;
  periods: number;
  overallScore: number;
  cer: number;
  /** Character errors without the reading order (multisets; a lower bound of the CER). */
  cerSorted: number;
  cpuPerPage: number;
  wallPerPage: number;
}

const ratio = (a: number, b: number, none = 1) => (b === 0 ? none : a / b);

export function figures(t: ScanTally): ScanFigures {
  const p = ratio(t.codes.tp, t.codes.tp + t.codes.fp);
  const r = ratio(t.codes.tp, t.codes.tp + t.codes.fn);
  return {
    docs: t.docs,
    pages: t.pages,
    entryRecall: ratio(t.matchedEntries, t.textEntries),
    entryPrecision: ratio(t.matchedEntries, t.scanEntries, 0),
    sections: ratio(t.sections, t.textEntries),
    // no item code on either side: nothing to score (NaN, printed as –)
    codeF1: t.codes.tp + t.codes.fp + t.codes.fn === 0 ? Number.NaN : p + r === 0 ? 0 : (2 * p * r) / (p + r),
    organization: ratio(t.organization, t.docs),
    district: ratio(t.district, t.docs),
    province: ratio(t.province, t.docs),
    fiscalYear: ratio(t.fiscalYear, t.docs),
    periods: ratio(t.periods, t.textEntries),
    overallScore: ratio(t.overallScore, t.docs),
    cer: ratio(t.cerErrors, t.cerChars, 0),
    cerSorted: ratio(t.sortedErrors, t.sortedChars, 0),
    cpuPerPage: ratio(t.cpuSeconds, t.pages, 0),
    wallPerPage: ratio(t.wallSeconds, t.pages, 0),
  };
}
