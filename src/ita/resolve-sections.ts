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

/**
 * A section missing between its neighbours (1, 3 → 2): if the last rows
 * under the earlier heading are clearly about the missing issue, they move
 * to it.
 */
function inferMissing(
  entries: Entry[],
  entrySlots: Array<SectionSlot | null>,
  slots: SectionSlot[],
  numberOf: Map<SectionSlot, number | null>,
  diags: Diagnostic[],
): Section[] {
  const out: Section[] = [];
  for (let k = 0; k + 1 < slots.length; k++) {
    const a = numberOf.get(slots[k]!);
    const b = numberOf.get(slots[k + 1]!);
    if (a == null || b == null || b - a !== 2 || slots[k]!.part !== slots[k + 1]!.part) continue;
    const missing = a + 1;
    const idx = entries.map((_, i) => i).filter((i) => entrySlots[i] === slots[k]);
    let from = -1;
    for (let j = idx.length - 1; j >= 1; j--) {
      const s = sectionKeywordScores(entries[idx[j]!]!.text);
      if ((s[missing - 1] ?? 0) >= 2 && (s[missing - 1] ?? 0) > (s[a - 1] ?? 0)) from = j;
      else break;
    }
    if (from < 0) continue;
    const first = entries[idx[from]!]!;
    for (const i of idx.slice(from)) entries[i]!.section = missing;
    out.push({ number: missing, title: SECTION_TITLES[missing - 1]!, heading: null, confidence: 0.5, source: first.source });
    diags.push(
      diagnostic('warning', 'SECTION_INFERRED', `no heading for issue ${missing}; ${idx.length - from} row(s) after issue ${a} are about it`, first.source, ORIGIN),
    );
  }
  return out;
}
