/**
 * Reports made by hand to probe a phenomenon each (fixtures/probes, session 11): what a correct
 * extractor gives for them, written before the first run (bench/RESULTS.md, "probes by hand").
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/index.js';
import { fixturesDir } from '../_support/expected.js';

const rows = async (name: string) => {
  const doc = await extractFile(`${fixturesDir}probes/${name}`);
  return {
    doc,
    entries: doc.entries.map((e) => ({
      section: e.section,
      seq: e.seq,
      codes: e.itemCodes.map((c) => c.code),
      periods: e.periods.map((p) => `${p.start}..${p.end}`),
      responsible: e.responsible,
    })),
  };
};

describe('probes', () => {
  it("a spreadsheet exported as HTML: title and organisation in merged rows at the table's top, months shaded by a class", async () => {
    const { doc, entries } = await rows('excel-export-title-rows.html');
    expect(doc.title).toBe('แผนปฏิบัติการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(doc.organization).toEqual({ name: 'องค์การบริหารส่วนตำบลโนนสูง', kind: 'องค์การบริหารส่วนตำบล', district: 'โนนสูง', province: 'นครราชสีมา' });
    expect(doc.fiscalYear?.be).toBe(2568);
    expect(entries).toEqual([
      { section: 1, seq: 1, codes: ['i1'], periods: ['2024-10..2024-11'], responsible: ['สำนักปลัด'] },
      { section: 1, seq: 2, codes: [], periods: ['2025-03..2025-05'], responsible: ['กองการศึกษา'] },
    ]);
  });

  it('a DOCX whose table is typed with tab stops (python-docx)', async () => {
    const { entries } = await rows('docx-tab-stops.docx');
    expect(entries).toEqual([
      { section: 1, seq: 1, codes: ['i1'], periods: ['2024-10..2024-12'], responsible: ['สำนักปลัด'] },
      { section: 1, seq: 2, codes: ['i22'], periods: ['2025-01..2025-01'], responsible: ['กองคลัง'] },
      { section: 5, seq: 3, codes: ['o12'], periods: ['2024-10..2025-09'], responsible: ['กองคลัง'] },
    ]);
  });

  it('a DOCX whose table sits inside a one-cell layout table (python-docx)', async () => {
    const { entries } = await rows('docx-layout-table.docx');
    expect(entries).toEqual([
      { section: 1, seq: 1, codes: ['i1'], periods: ['2024-10..2024-12'], responsible: ['สำนักปลัด'] },
      { section: 1, seq: 2, codes: ['i22'], periods: ['2025-01..2025-01'], responsible: ['กองคลัง'] },
    ]);
  });
});
