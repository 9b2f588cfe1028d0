/**
 * Linked parts: a report that holds the analysis (part ๑: weakness →
 * measure) and the results (part ๒: measure → what was done → outcome) of
 * the same rows. Each entry of a later part is linked to the entry of an
 * earlier part it reports on, so that a user gets plan and outcome together.
 *
 * Rows are matched on what the parts share: the text of the issue, measure
 * and steps columns (character bigrams of the text without spaces, so line
 * wrapping and re-typed spacing do not matter), the item codes and the
 * section. One to one, best pairs first; a pair needs text in common, codes
 * alone are not enough (two rows may cite the same item).
 *
 * A linked pair whose codes differ only by an OCR'd I ("ข้อ ๑๗" read i17
 * where the analysis row says i7: an I misread as 1/๑) has the code taken
 * from the analysis row, with a diagnostic.
 */
import type { Diagnostic, Entry, ItemCode } from '../model/schema.js';
import { toArabicDigits } from '../thai/digits.js';
import { diagnostic } from './_diagnostics.js';

const ORIGIN = 'ita/links';

export interface EntryLink {
  /** Index (in the document's entries) of the entry this one reports on. */
  entry: number;
  /** Its part. */
  part: number;
  /** 0–1. */
  confidence: number;
}

/** Text the parts share: the issue, measure and steps columns when the row has them, else the whole text. */
function sharedText(e: Entry): string {
  const f = e.fields;
  const parts = [f.issue, f.measure, f.steps].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : e.text;
}

function bigrams(text: string): Set<string> {
  const t = toArabicDigits(text)
    .toLowerCase()
    .replace(/[\s\-–—.,:;()[\]"'“”/•*ฯ]+/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let n = 0;
  for (const x of sa) if (sb.has(x)) n++;
  return n / (sa.size + sb.size - n);
}

const MIN_TEXT = 0.45;
const MIN_SCORE = 0.5;

/**
 * For every entry, the entry of an earlier part it reports on, or null
 * (entries of the first part, and rows nothing earlier matches).
 */
export function linkParts(entries: readonly Entry[]): Array<EntryLink | null> {
  const links: Array<EntryLink | null> = entries.map(() => null);
  const parts = [...new Set(entries.map((e) => e.part))].sort((a, b) => a - b);
  if (parts.length < 2) return links;
  const grams = entries.map((e) => bigrams(sharedText(e)));
  const codes = entries.map((e) => e.itemCodes.map((c) => c.code));
  // every later part links back to the nearest earlier part that has entries
  for (let k = 1; k < parts.length; k++) {
    const later = entries.flatMap((e, i) => (e.part === parts[k] ? [i] : []));
    const earlier = entries.flatMap((e, i) => (e.part === parts[k - 1] ? [i] : []));
    const pairs: Array<{ from: number; to: number; score: number }> = [];
    for (const i of later) {
      for (const j of earlier) {
        const text = dice(grams[i]!, grams[j]!);
        if (text < MIN_TEXT) continue;
        const a = entries[i]!;
        const b = entries[j]!;
        const code = jaccard(codes[i]!, codes[j]!);
        const section = a.section !== null && a.section === b.section ? 1 : 0;
        const score = 0.65 * text + 0.2 * code + 0.15 * section;
        if (score >= MIN_SCORE) pairs.push({ from: i, to: j, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score || x.from - y.from || x.to - y.to);
    const fromUsed = new Set<number>();
    const toUsed = new Set<number>();
    for (const p of pairs) {
      if (fromUsed.has(p.from) || toUsed.has(p.to)) continue;
      fromUsed.add(p.from);
      toUsed.add(p.to);
      links[p.from] = { entry: p.to, part: entries[p.to]!.part, confidence: Math.round(Math.min(1, p.score) * 100) / 100 };
    }
  }
  return links;
}

/** "ข้อ ๑๗" / "ข้อ 1๗" read as i17 where the item is i7: the raw number starts with a 1 that may be an I. */
function ocrIVariant(c: ItemCode, target: ItemCode): boolean {
  if (c.tool !== target.tool || c.tool !== 'IIT') return false;
  const digits = toArabicDigits(c.raw).replace(/\D/g, '');
  return digits.startsWith('1') && digits.slice(1) === String(target.item) && c.item === Number(digits);
}

/**
 * Codes of linked entries that disagree only by an I read as 1 take the
 * analysis row's reading. Returns the entries (changed ones copied) and a
 * diagnostic per change.
 */
export function reconcileLinkedCodes(entries: readonly Entry[], links: ReadonlyArray<EntryLink | null>): { entries: Entry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out = entries.map((e, i) => {
    const link = links[i];
    if (!link) return e;
    const target = entries[link.entry]!;
    let changed = false;
    const itemCodes = e.itemCodes.map((c) => {
      if (target.itemCodes.some((t) => t.code === c.code)) return c;
      const t = target.itemCodes.find((x) => ocrIVariant(c, x));
      if (!t) return c;
      changed = true;
      diagnostics.push(
        diagnostic('info', 'ITEM_CODE_FROM_CONTEXT', `"${c.raw}" read as ${t.code}, as in the linked row of part ${target.part} (the leading 1 is an I)`, e.source, ORIGIN, {
          actual: c.code,
          expected: t.code,
        }),
      );
      return { ...c, code: t.code, item: t.item, via: 'context' as const, confidence: Math.min(c.confidence, link.confidence) };
    });
    return changed ? { ...e, itemCodes } : e;
  });
  return { entries: out, diagnostics };
}
