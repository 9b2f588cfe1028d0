/**
 * PDF renderings of held-out reports (layouts the recognisers were not
 * written for, printed with ruled tables by LibreOffice: scripts/
 * make-heldout-renderings.sh) against the expected outputs written for the
 * text versions.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { extractFile } from '../../src/index.js';
import { compare, f1, fixturesDir, type Expected } from '../_support/expected.js';

/** [folder of the expected file, report id, rendering]: ruled tables, or tables without rules (see pdf-borderless.test.ts). */
const cases = [
  ['heldout', 'h1_tessaban_mueang_measures_2568', 'heldout'],
  ['heldout2', 'r1_obt_item_code_column_2568', 'heldout'],
  ['heldout2', 'r5_tessaban_nakhon_mixed_digits_2568', 'heldout'],
  ['heldout', 'h1_tessaban_mueang_measures_2568', 'borderless'],
  ['heldout2', 'r2_tessaban_tambon_12month_results_2568', 'borderless'],
] as const;

describe.each(cases)('%s/%s.pdf (%s)', (dir, id, rendering) => {
  const expected = JSON.parse(readFileSync(`${fixturesDir}${dir}/${id}.expected.json`, 'utf8')) as Expected;

  it('gives the same entries, codes, sections, periods and header as the text', async () => {
    const doc = await extractFile(`${fixturesDir}pdf/${rendering}-${id}.pdf`);
    expect(doc.status).toBe('ok');
    expect(doc.source.format).toBe('pdf');
    const s = compare(doc, expected);
    expect(s.matchedEntries).toBe(s.expectedEntries);
    expect(s.actualEntries).toBe(s.expectedEntries);
    expect(f1(s.codes)).toBe(1);
    expect(s.sectionRight).toBe(s.expectedEntries);
    expect(s.periodsRight).toBe(s.expectedEntries);
    expect(s.seqRight).toBeGreaterThanOrEqual(s.expectedEntries - 1); // r5 (ruled): one ลำดับ cell lost
    expect(s.scoreRight).toBe(s.expectedEntries);
    // r2 (borderless) misses the ITA year today; every other header field is right everywhere
    expect(Object.entries(s.header).filter(([, ok]) => !ok).length).toBeLessThanOrEqual(1);
    expect(s.header.title && s.header.organization && s.header.fiscalYear && s.header.sections).toBe(true);
    // unit names wrapped inside narrow cells stay ambiguous in a PDF
    expect(s.responsibleRight).toBeGreaterThanOrEqual(s.expectedEntries - 2);
  });
});
