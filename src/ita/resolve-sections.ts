/**
 * Section numbers, once the content under each heading is known. A heading
 * whose stated number and title disagree is settled by its rows' words
 * (then by order) and reported; a heading missing between two others is
 * inferred from content when the evidence is strong, and reported.
 */
import type { Diagnostic, Entry, Section } from '../model/schema.js';
import { diagnostic } from './_diagnostics.js';
import type { SectionSlot } from './body.js';
import { SECTION_TITLES, sectionKeywordScores } from './sections.js';

const ORIGIN = 'ita/sections';

export interface Resolved {
  sections: Section[];
  diagnostics: Diagnostic[];
}

function contentScores(entries: Entry[]): number[] {
  return sectionKeywordScores(entries.map((e) => e.text).join(' '));
}

function resolveSlot(slot: SectionSlot, entries: Entry[], previous: number | null, diags: Diagnostic[]): number | null {
  const { stated, matched } = slot;
  if (stated === null || matched === null || stated === matched) return stated ?? matched;
  const scores = contentScores(entries);
  const forStated = scores[stated - 1] ?? 0;
  const forMatched = scores[matched - 1] ?? 0;
  let chosen: number;
  let why: string;
  if (forStated !== forMatched) {
    chosen = forStated > forMatched ? stated : matched;
    why = `content matches issue ${chosen}`;
  } else {
    chosen = previous === matched || (previous !== null && stated === previous + 1) ? stated : matched;
    why = `content is undecided; order gives issue ${chosen}`;
  }
  diags.push(
    diagnostic('warning', 'SECTION_TITLE_MISMATCH', `heading says issue ${stated} but its title is issue ${matched}'s; ${why}`, slot.source, ORIGIN, {
      actual: slot.heading,
      expected: `${chosen} ${SECTION_TITLES[chosen - 1]}`,
    }),
  );
  return chosen;
}

/** Set each entry's section and build the document's section list. */
export function resolveSections(
  entries: Entry[],
  entrySlots: Array<SectionSlot | null>,
  slots: SectionSlot[],
  afterHeader: boolean[] = [],
): Resolved {
  const diagnostics: Diagnostic[] = [];
  const numberOf = new Map<SectionSlot, number | null>();
  let previous: number | null = null;
  for (const slot of slots) {
    const under = entries.filter((_, i) => entrySlots[i] === slot);
    const n = resolveSlot(slot, under, previous, diagnostics);
    numberOf.set(slot, n);
    if (n !== null) previous = n;
  }
  entries.forEach((e, i) => {
    const slot = entrySlots[i];
    e.section = slot ? (numberOf.get(slot) ?? null) : null;
  });
  const inferred = inferMissing(entries, entrySlots, slots, numberOf, afterHeader, diagnostics);
  const sections: Section[] = [];
  for (const slot of slots) {
    const n = numberOf.get(slot);
    if (n === null || n === undefined || sections.some((s) => s.number === n)) continue;
    const mismatch = slot.stated !== null && slot.matched !== null && slot.stated !== slot.matched;
    sections.push({
      number: n,
      title: SECTION_TITLES[n - 1]!,
      heading: slot.heading,
      confidence: round(mismatch ? slot.confidence * 0.8 : slot.confidence),
      source: slot.source,
    });
  }
  for (const s of inferred) if (!sections.some((x) => x.number === s.number)) sections.push(s);
  sections.sort((a, b) => a.number - b.number);
  return { sections, diagnostics };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Is `text` clearly about issue `m` rather than issue `a` (keyword hits)? */
function clearlyAbout(scores: number[], m: number, a: number | null): boolean {
  const sm = scores[m - 1] ?? 0;
  const sa = a === null ? 0 : (scores[a - 1] ?? 0);
  return sm >= 2 && sm >= sa + 2;
}

/** Keyword weight a row needs to move without anything setting it apart (one distinctive word is not enough). */
const STRONG = 4;

/** Is row idx[j] set apart from the row above it under the same heading: the first under a header, or numbered anew? */
function setApart(entries: Entry[], idx: number[], j: number, afterHeader: boolean[]): boolean {
  if (afterHeader[idx[j]!]) return true;
  const seq = entries[idx[j]!]!.seq;
  const above = idx
    .slice(0, j)
    .map((i) => entries[i]!)
    .filter((e) => (e.parentSeq ?? null) === null)
    .pop();
  return seq !== null && above?.seq !== null && above?.seq !== undefined && seq <= above.seq;
}

function bestOf(scores: number[], candidates: number[]): number | null {
  let best: number | null = null;
  for (const c of candidates) if (best === null || (scores[c - 1] ?? 0) > (scores[best - 1] ?? 0)) best = c;
  return best;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

/**
 * What a row is about, for content inference: its cells but those that say
 * who, when, how much or how far (a unit called "งานพัสดุ" or
 * "งานประชาสัมพันธ์" says nothing of issue 5 or 3); its whole text when the
 * table named no columns.
 */
const NOT_ABOUT = new Set(['seq', 'responsible', 'period', 'start', 'end', 'budget', 'code', 'score']);
export function aboutText(e: Entry): string {
  const about = Object.entries(e.fields)
    .filter(([role, t]) => t && !NOT_ABOUT.has(role))
    .map(([, t]) => t)
    .join(' ');
  return about || e.text;
}

/**
 * Headings that are missing, inferred from content and order:
 *  - the last rows under a heading that are clearly about a later issue
 *    whose heading appears nowhere in the part belong to it: its heading
 *    was lost. An issue that has its own heading in the part was not lost:
 *    the explicit heading placed its rows, and rows the writer put under
 *    another heading stay there;
 *  - rows before the first heading of a part belong to the issues before
 *    that heading's: by content, or by order when only one issue is possible.
 * Every move is reported; an inferred section has confidence 0.5.
 */
function inferMissing(
  entries: Entry[],
  entrySlots: Array<SectionSlot | null>,
  slots: SectionSlot[],
  numberOf: Map<SectionSlot, number | null>,
  afterHeader: boolean[],
  diags: Diagnostic[],
): Section[] {
  const out: Section[] = [];
  const known = new Set([...numberOf.values()].filter((n): n is number => n !== null));
  const note = (m: number, moved: number[], why: string) => {
    const first = entries[moved[0]!]!;
    for (const i of moved) entries[i]!.section = m;
    if (!known.has(m) && !out.some((s) => s.number === m)) {
      out.push({ number: m, title: SECTION_TITLES[m - 1]!, heading: null, confidence: 0.5, source: first.source });
    }
    diags.push(diagnostic('warning', 'SECTION_INFERRED', `${moved.length} row(s) ${why}: assigned to issue ${m}`, first.source, ORIGIN));
  };

  slots.forEach((slot, k) => {
    const a = numberOf.get(slot) ?? null;
    // a section column names the section on its rows (written or spanned): no heading of theirs was lost
    if (a === null || slot.fromColumn) return;
    const next = slots[k + 1];
    const b = next && next.part === slot.part ? (numberOf.get(next) ?? null) : null;
    // after the last heading of a part only the very next issue can have lost its heading
    const upper = b === null ? Math.min(7, a + 1) : b - 1;
    // issues whose heading the part has: not lost, so no row moves to them
    const headed = new Set(slots.filter((s) => s.part === slot.part).map((s) => numberOf.get(s) ?? null));
    const open = range(a + 1, upper).filter((n) => !headed.has(n));
    if (open.length === 0) return;
    const idx = entries.map((_, i) => i).filter((i) => entrySlots[i] === slot);
    // from the last row back: each row clearly about an open issue after a (and not after the rows below it) may move
    const run: Array<{ j: number; to: number; strong: boolean }> = [];
    let ceiling = upper;
    for (let j = idx.length - 1; j >= 1; j--) {
      // a sub-row is part of the measure above it, under that measure's heading
      if ((entries[idx[j]!]!.parentSeq ?? null) !== null) break;
      const scores = sectionKeywordScores(aboutText(entries[idx[j]!]!));
      const best = bestOf(scores, open.filter((n) => n <= ceiling));
      if (best === null || !clearlyAbout(scores, best, a)) break;
      run.unshift({ j, to: best, strong: (scores[a - 1] ?? 0) === 0 && (scores[best - 1] ?? 0) >= STRONG });
      ceiling = best;
    }
    // the rows the heading placed move only from where they are set apart from the rows above (a header
    // begins them, or their numbering starts again), or where every row from there on is strongly about
    // the other issue and has nothing of issue a
    const from = run.findIndex(({ j }, k) => setApart(entries, idx, j, afterHeader) || run.slice(k).every((r) => r.strong));
    const moved = new Map<number, number[]>();
    for (const { j, to } of from < 0 ? [] : run.slice(from)) moved.set(to, [...(moved.get(to) ?? []), idx[j]!]);
    for (const m of [...moved.keys()].sort((x, y) => x - y)) note(m, moved.get(m)!, `after the heading of issue ${a} are about issue ${m}`);
  });

  const parts = [...new Set(slots.map((s) => s.part))];
  for (const part of parts) {
    const first = slots.find((s) => s.part === part);
    const b = first ? (numberOf.get(first) ?? null) : null;
    if (b === null || b <= 1) continue;
    const candidates = range(1, b - 1);
    const before = entries
      .map((e, i) => ({ e, i }))
      .filter(({ e, i }) => e.part === part && entrySlots[i] === null && e.section === null)
      .map(({ i }) => i);
    if (before.length === 0) continue;
    const byContent = before.map((i) => {
      const scores = sectionKeywordScores(aboutText(entries[i]!));
      const best = bestOf(scores, candidates);
      return best !== null && (scores[best - 1] ?? 0) >= 2 && candidates.every((c) => c === best || (scores[c - 1] ?? 0) < (scores[best - 1] ?? 0)) ? best : null;
    });
    const m = candidates.length === 1 ? candidates[0]! : null;
    const groups = new Map<number, number[]>();
    before.forEach((i, k) => {
      const n = byContent[k] ?? m;
      if (n !== null) groups.set(n, [...(groups.get(n) ?? []), i]);
    });
    for (const [n, moved] of groups) note(n, moved, `before the first heading (issue ${b}) of part ${part}`);
  }
  return out;
}
