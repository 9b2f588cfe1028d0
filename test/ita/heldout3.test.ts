/**
 * Held-out reports, third set: six reports written for a BLIND measurement
 * (fixtures/heldout3/*), each in a layout that neither the corpus nor the
 * first held-out set has, with a hand-written `<name>.expected.json` in the
 * fixtures/expected format. The expected files were written before the
 * library was run on the reports; the figures of that single first run are
 * in fixtures/heldout3/FIRST_RUN.md.
 *
 * Every check asserts what a correct extractor must produce. A check the
 * library fails today is listed in KNOWN_BUGS: it runs as `it.fails(...)`
 * with the bug in its title, so it flips (fails) once the bug is fixed, and
 * its KNOWN_BUGS line must then go. Expectations are never weakened here.
 *
 * HELDOUT3_RAW=1 runs every check as a plain `it`, to see the raw pass/fail list.
 */
import { type DocumentCheck, documentChecks } from '../_support/heldout-checks.js';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorScore, ItaDocument } from '../../src/index.js';
import { extractFile } from '../../src/index.js';
import { alignEntries, compare, f1, fixturesDir, type Expected, type Score } from '../_support/expected.js';

interface Heldout2Expected extends Expected {
  assessment: Expected['assessment'] & { indicatorScores: IndicatorScore[] };
}

const dir = `${fixturesDir}heldout3/`;

const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => {
    const expected = JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as Heldout2Expected;
    return { name: expected.file, path: `${dir}${expected.file}`, expected };
  });

type Check = DocumentCheck | 'dates' | 'diagnostics';

/**
 * Checks that fail today, per file: check → the bug (with where it most
 * likely is).
 * The first run (fixtures/heldout3/FIRST_RUN.md) was at 8fa3534.
 */
const KNOWN_BUGS: Record<string, Partial<Record<Check, string>>> = {};

const RAW = Boolean(process.env.HELDOUT3_RAW);

function check(file: string, name: Check, title: string, fn: () => void): void {
  const bug = RAW ? undefined : KNOWN_BUGS[file]?.[name];
  if (bug) it.fails(`${title} [known bug: ${bug}]`, fn);
  else it(title, fn);
}

const figures: Array<{ file: string; s: Score }> = [];

afterAll(() => {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${a}/${b}`);
  const rows = figures.map(({ file, s }) => {
    const p = s.codes.found ? s.codes.correct / s.codes.found : 1;
    const r = s.codes.expected ? s.codes.correct / s.codes.expected : 1;
    const h = Object.values(s.header).filter(Boolean).length;
    return `| ${file} | ${s.matchedEntries}/${s.expectedEntries}/${s.actualEntries - s.matchedEntries} | ${s.codes.correct}/${s.codes.found}/${s.codes.expected} | ${p.toFixed(2)} | ${r.toFixed(2)} | ${f1(s.codes).toFixed(2)} | ${pct(s.sectionRight, s.expectedEntries)} | ${pct(s.periodsRight, s.expectedEntries)} | ${pct(s.responsibleRight, s.expectedEntries)} | ${pct(s.seqRight, s.expectedEntries)} | ${pct(s.scoreRight, s.expectedEntries)} | ${h}/${Object.keys(s.header).length} |`;
  });
  console.log(
    `\nHeld-out set 3 (entries matched/expected/extra; codes correct/found/expected; header = title, organization, fiscalYear, assessmentYear, overallScore, level, sections)\n` +
      `| file | entries | codes | P | R | F1 | section | periods | resp. | seq | score | header |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
});

describe.each(cases)('held-out 3 $name', ({ name, path, expected }) => {
  let doc: ItaDocument;
  let s: Score;
  let aligned: number[];

  beforeAll(async () => {
    doc = await extractFile(path);
    s = compare(doc, expected);
    aligned = alignEntries(doc.entries, expected.entries);
    figures.push({ file: name, s });
  });

  // -------------------------------------------------------------- header
  documentChecks(name, expected, () => ({ doc, s, aligned }), check);
  check(name, 'dates', 'lists the standalone dates, and only those', () => {
    expect(doc.dates.map((d) => d.iso)).toEqual(expected.dates.map((d) => d.iso));
  });

});
