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
export function resolveSections(entries: Entry[], entrySlots: Array<SectionSlot | null>, slots: SectionSlot[]): Resolved {
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
  const inferred = inferMissing(entries, entrySlots, slots, numberOf, diagnostics);
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
 * Headings that are missing, inferred from content and order:
 *  - the last rows under a heading that are clearly about a later issue (up
 *    to the next heading's) belong to it: its heading was lost, or came late;
 *  - rows before the first heading of a part belong to the issues before
 *    that heading's: by content, or by order when only one issue is possible.
 * Every move is reported; an inferred section has confidence 0.5.
 */
function inferMissing(
  entries: Entry[],
  entrySlots: Array<SectionSlot | null>,
  slots: SectionSlot[],
  numberOf: Map<SectionSlot, number | null>,
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
    const upper = b === null ? Math.min(7, a + 1) : b;
    if (upper <= a) return;
    // no number is missing between the two headings: a row moves only when it has nothing of issue a and
    // plenty of the next issue (the first of two headings of the next issue was lost); otherwise the
    // writer's placement stands
    const strict = b === a + 1;
    const idx = entries.map((_, i) => i).filter((i) => entrySlots[i] === slot);
    // from the last row back: each row clearly about an issue after a (and not after the rows below it) moves
    const moved = new Map<number, number[]>();
    let ceiling = upper;
    for (let j = idx.length - 1; j >= 1; j--) {
      // a sub-row is part of the measure above it, under that measure's heading
      if ((entries[idx[j]!]!.parentSeq ?? null) !== null) break;
      const scores = sectionKeywordScores(entries[idx[j]!]!.text);
      const best = bestOf(scores, range(a + 1, ceiling));
      if (best === null || !clearlyAbout(scores, best, a)) break;
      if (strict && ((scores[a - 1] ?? 0) > 0 || (scores[best - 1] ?? 0) < 3)) break;
      moved.set(best, [idx[j]!, ...(moved.get(best) ?? [])]);
      ceiling = best;
    }
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
      const scores = sectionKeywordScores(entries[i]!.text);
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
