/**
 * The suite every hand-written held-out set runs (fixtures/heldout2, heldout3, …): each
 * `<name>.expected.json` of the folder checked field by field (heldout-checks.ts), its standalone
 * dates, a figures table printed at the end, and the set's own extra checks. A check listed in
 * `knownBugs` runs as `it.fails` with the bug in its title (it flips once the bug is fixed);
 * `rawEnv` set in the environment runs every check as a plain `it`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorScore, ItaDocument } from '../../src/index.js';
import { extractFile } from '../../src/index.js';
import { type DocumentCheck, documentChecks } from './heldout-checks.js';
import { alignEntries, compare, f1, fixturesDir, type Expected, type Score } from './expected.js';

export interface HeldoutExpected extends Expected {
  assessment: Expected['assessment'] & { indicatorScores: IndicatorScore[] };
}

export type HeldoutCheck = DocumentCheck | 'dates' | 'diagnostics';
export type Register = (file: string, name: HeldoutCheck, title: string, fn: () => void) => void;

export function heldoutSuite(opts: {
  /** The folder under fixtures/. */
  folder: string;
  label: string;
  knownBugs: Record<string, Partial<Record<HeldoutCheck, string>>>;
  rawEnv: string;
  /** Checks only some files get. */
  extra?: (name: string, doc: () => ItaDocument, check: Register) => void;
}): void {
  const dir = `${fixturesDir}${opts.folder}/`;
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as HeldoutExpected;
      return { name: expected.file, path: `${dir}${expected.file}`, expected };
    });
  const raw = Boolean(process.env[opts.rawEnv]);
  const check: Register = (file, name, title, fn) => {
    const bug = raw ? undefined : opts.knownBugs[file]?.[name];
    if (bug) it.fails(`${title} [known bug: ${bug}]`, fn);
    else it(title, fn);
  };
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
      `\n${opts.label} (entries matched/expected/extra; codes correct/found/expected; header = title, organization, fiscalYear, assessmentYear, overallScore, level, sections)\n` +
        `| file | entries | codes | P | R | F1 | section | periods | resp. | seq | score | header |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
    );
  });

  describe.each(cases)(`${opts.label} $name`, ({ name, path, expected }) => {
    let doc: ItaDocument;
    let s: Score;
    let aligned: number[];

    beforeAll(async () => {
      doc = await extractFile(path);
      s = compare(doc, expected);
      aligned = alignEntries(doc.entries, expected.entries);
      figures.push({ file: name, s });
    });

    documentChecks(name, expected, () => ({ doc, s, aligned }), check);
    check(name, 'dates', 'lists the standalone dates, and only those', () => {
      expect(doc.dates.map((d) => d.iso)).toEqual(expected.dates.map((d) => d.iso));
    });
    opts.extra?.(name, () => doc, check);
  });
}
