/**
 * The checks every held-out report gets (header fields, then its entries
 * field by field), shared by the held-out suites. `check` is the suite's own
 * registrar (it may run a check as it.fails while a bug is known).
 */
import { expect } from 'vitest';
import type { ItaDocument } from '../../src/index.js';
import { f1, type Expected, type Score } from './expected.js';

export type DocumentCheck =
  | 'title'
  | 'organization'
  | 'fiscalYear'
  | 'assessment'
  | 'indicatorScores'
  | 'sections'
  | 'entries'
  | 'sectionPerEntry'
  | 'codes'
  | 'periods'
  | 'responsible'
  | 'seq'
  | 'score'
  | 'part'
  | 'statusBudget';

export interface CheckedDocument {
  doc: ItaDocument;
  s: Score;
  aligned: number[];
}

export function documentChecks(
  name: string,
  expected: Expected & { assessment: { indicatorScores: unknown[] } },
  get: () => CheckedDocument,
  check: (file: string, what: DocumentCheck, title: string, fn: () => void) => void,
): void {
  const doc = () => get().doc;
  const s = () => get().s;
  // -------------------------------------------------------------- header
  check(name, 'title', 'reads the title', () => {
    expect(doc().status).toBe('ok');
    expect(doc().title).toBe(expected.title);
  });
  check(name, 'organization', 'reads the organisation (name, kind, district, province)', () => {
    expect(doc().organization).toEqual(expected.organization);
  });
  check(name, 'fiscalYear', 'reads the fiscal year', () => {
    expect(doc().fiscalYear?.be ?? null).toBe(expected.fiscalYear);
  });
  check(name, 'assessment', 'reads the assessment year, overall score and level', () => {
    expect({ year: doc().assessment.year, overallScore: doc().assessment.overallScore, level: doc().assessment.level }).toEqual({
      year: expected.assessment.year,
      overallScore: expected.assessment.overallScore,
      level: expected.assessment.level,
    });
  });
  check(name, 'indicatorScores', 'reads the indicator score table (tool inherited from the row above)', () => {
    expect(doc().assessment.indicatorScores).toEqual(expected.assessment.indicatorScores);
  });
  check(name, 'sections', 'lists the seven-issue sections the document has', () => {
    expect(doc().sections.map((x) => x.number)).toEqual(expected.sections);
  });

  // -------------------------------------------------------------- entries
  // The per-field checks below judge the entries that were found; an entry
  // not found at all fails 'finds every entry and no others'.
  check(name, 'entries', 'finds every entry and no others', () => {
    expect({ matched: s().matchedEntries, actual: s().actualEntries }).toEqual({ matched: s().expectedEntries, actual: s().expectedEntries });
  });
  check(name, 'sectionPerEntry', 'puts every entry in its section', () => {
    expect(s().misses.filter((m) => m.startsWith('section'))).toEqual([]);
  });
  check(name, 'codes', 'reads every item code and no others (F1 = 1)', () => {
    expect(s().misses.filter((m) => m.startsWith('codes'))).toEqual([]);
    expect(f1(s().codes)).toBe(1);
  });
  check(name, 'periods', 'reads the periods (month/day precision, fiscal quarters, reversed kept as written)', () => {
    expect(s().misses.filter((m) => m.startsWith('periods'))).toEqual([]);
  });
  check(name, 'responsible', 'splits the responsible units (wrap spaces closed, names with และ kept)', () => {
    expect(s().misses.filter((m) => m.startsWith('responsible'))).toEqual([]);
  });
  check(name, 'seq', 'reads each entry’s written sequence number', () => {
    expect(s().misses.filter((m) => m.startsWith('seq'))).toEqual([]);
  });
  check(name, 'score', 'reads the score each entry cites', () => {
    expect(s().misses.filter((m) => m.startsWith('score'))).toEqual([]);
  });
  check(name, 'statusBudget', 'reads each entry’s status, budget and parent number', () => {
    expect(s().misses.filter((m) => /^(status|budget|parentSeq) /.test(m))).toEqual([]);
  });
  check(name, 'part', 'puts each entry in its part of the report', () => {
    const wrong = expected.entries.flatMap((e, k) => {
      const i = get().aligned[k]!;
      if (i < 0) return []; // a missing entry fails 'finds every entry'
      const got = doc().entries[i]!.part;
      return got === (e.part ?? 1) ? [] : [`${got} ≠ ${e.part ?? 1}: ${e.textStart}`];
    });
    expect(wrong).toEqual([]);
  });
}
