/**
 * Comparison of an extracted document with a hand-written expected file
 * (fixtures/expected/*.expected.json): entries are aligned in document order
 * by the start of their text, then compared field by field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Entry, ItaDocument } from '../../src/model/schema.js';
import { normalizeThai } from '../../src/thai/normalize.js';
import { substringDistance } from '../../src/thai/distance.js';

export interface ExpectedEntry {
  kind: 'row' | 'paragraph';
  section: number | null;
  seq: number | null;
  itemCodes: string[];
  score: number | null;
  periods: Array<{ start: string; end: string }>;
  responsible: string[];
  textStart: string;
  part?: number;
  /** Added with issue 13; an expected file that has them is checked on them (budget in baht). */
  status?: 'done' | 'in_progress' | 'not_started' | null;
  budget?: number | null;
  parentSeq?: number | null;
  comment?: string;
}

export interface Expected {
  file: string;
  title: string | null;
  organization: { name: string; kind: string; district: string | null; province: string | null } | null;
  fiscalYear: number | null;
  assessment: { year: number | null; overallScore: number | null; level: string | null; indicatorScores: unknown[] };
  hasSevenSections: boolean;
  sections: number[];
  entries: ExpectedEntry[];
  dates: Array<{ raw: string; iso: string }>;
}

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function expectedFiles(): Array<{ corpus: string; expected: Expected }> {
  return readdirSync(`${fixturesDir}expected`)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(`${fixturesDir}expected/${f}`, 'utf8')) as Expected;
      return { corpus: `${fixturesDir}corpus/${expected.file}`, expected };
    });
}

function squash(s: string): string {
  return normalizeThai(s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')).replace(/[\s*]/g, '');
}

/**
 * For each expected entry, the index of the actual entry it is (or -1), in order. `fuzzy` (OCR'd
 * documents): an entry whose text holds the key within a quarter of its characters misread.
 */
export function alignEntries(actual: Entry[], expected: ExpectedEntry[], fuzzy = false): number[] {
  const out: number[] = [];
  let from = 0;
  for (const e of expected) {
    const key = squash(e.textStart).slice(0, 20);
    let found = -1;
    for (let i = from; i < actual.length; i++) {
      const text = squash(actual[i]!.text);
      if (text.includes(key) || (fuzzy && key.length >= 8 && substringDistance(key, text.slice(0, 100)) <= Math.floor(key.length / 4))) {
        found = i;
        break;
      }
    }
    out.push(found);
    if (found >= 0) from = found + 1;
  }
  return out;
}

export interface Score {
  expectedEntries: number;
  actualEntries: number;
  matchedEntries: number;
  codes: { expected: number; found: number; correct: number };
  sectionRight: number;
  periodsRight: number;
  responsibleRight: number;
  seqRight: number;
  scoreRight: number;
  header: Record<string, boolean>;
  misses: string[];
}

function periodKey(p: { start: string | null; end: string | null }): string {
  return `${p.start}..${p.end}`;
}

export function compare(doc: ItaDocument, exp: Expected, fuzzy = false): Score {
  const idx = alignEntries(doc.entries, exp.entries, fuzzy);
  const s: Score = {
    expectedEntries: exp.entries.length,
    actualEntries: doc.entries.length,
    matchedEntries: idx.filter((i) => i >= 0).length,
    codes: { expected: 0, found: 0, correct: 0 },
    sectionRight: 0,
    periodsRight: 0,
    responsibleRight: 0,
    seqRight: 0,
    scoreRight: 0,
    header: {
      title: doc.title === exp.title,
      organization: JSON.stringify(doc.organization) === JSON.stringify(exp.organization),
      fiscalYear: (doc.fiscalYear?.be ?? null) === exp.fiscalYear,
      assessmentYear: doc.assessment.year === exp.assessment.year,
      overallScore: doc.assessment.overallScore === exp.assessment.overallScore,
      level: doc.assessment.level === exp.assessment.level,
      sections: JSON.stringify(doc.sections.map((x) => x.number)) === JSON.stringify(exp.sections),
    },
    misses: [],
  };
  exp.entries.forEach((e, k) => {
    const i = idx[k]!;
    s.codes.expected += e.itemCodes.length;
    if (i < 0) {
      s.misses.push(`entry not found: ${e.textStart}`);
      return;
    }
    const a = doc.entries[i]!;
    const got = a.itemCodes.map((c) => c.code);
    s.codes.correct += got.filter((c) => e.itemCodes.includes(c)).length;
    const codesOk = got.length === e.itemCodes.length && got.every((c) => e.itemCodes.includes(c));
    if (!codesOk) s.misses.push(`codes ${JSON.stringify(got)} ≠ ${JSON.stringify(e.itemCodes)}: ${e.textStart}`);
    if (a.section === e.section) s.sectionRight++;
    else s.misses.push(`section ${a.section} ≠ ${e.section}: ${e.textStart}`);
    const pa = a.periods.map(periodKey).join(' ');
    const pe = e.periods.map(periodKey).join(' ');
    if (pa === pe) s.periodsRight++;
    else s.misses.push(`periods ${pa} ≠ ${pe}: ${e.textStart}`);
    if (JSON.stringify(a.responsible) === JSON.stringify(e.responsible)) s.responsibleRight++;
    else s.misses.push(`responsible ${JSON.stringify(a.responsible)} ≠ ${JSON.stringify(e.responsible)}: ${e.textStart}`);
    if (a.seq === e.seq) s.seqRight++;
    else s.misses.push(`seq ${a.seq} ≠ ${e.seq}: ${e.textStart}`);
    if (a.score === e.score) s.scoreRight++;
    else s.misses.push(`score ${a.score} ≠ ${e.score}: ${e.textStart}`);
    if (e.status !== undefined && (a.status ?? null) !== e.status) s.misses.push(`status ${a.status} ≠ ${e.status}: ${e.textStart}`);
    if (e.budget !== undefined && (a.budget?.baht ?? null) !== e.budget) s.misses.push(`budget ${a.budget?.baht} ≠ ${e.budget}: ${e.textStart}`);
    if (e.parentSeq !== undefined && (a.parentSeq ?? null) !== e.parentSeq) s.misses.push(`parentSeq ${a.parentSeq} ≠ ${e.parentSeq}: ${e.textStart}`);
  });
  // codes found on all actual entries (for precision), including unmatched ones
  s.codes.found = doc.entries.reduce((n, a) => n + a.itemCodes.length, 0);
  return s;
}

export function f1(c: Score['codes']): number {
  const p = c.found ? c.correct / c.found : 1;
  const r = c.expected ? c.correct / c.expected : 1;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
