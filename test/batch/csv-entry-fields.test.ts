/** The entry CSV carries status, budget and parent number (issue 13). */
import { describe, it, expect } from 'vitest';
import { extractFile } from '../../src/index.js';
import { CSV_COLUMNS, documentRows } from '../../src/batch/csv.js';
import { fixturesDir } from '../_support/expected.js';

describe('CSV entry fields', () => {
  it('gives each entry its status, budget in baht and parent number', async () => {
    expect(CSV_COLUMNS).toEqual(expect.arrayContaining(['entry_status', 'budget_baht', 'parent_seq']));
    const doc = await extractFile(`${fixturesDir}heldout2/r2_tessaban_tambon_12month_results_2568.txt`);
    const rows = documentRows(doc);
    // r2: ๑๕,๐๐๐ and "แล้วเสร็จ" on row ๑, "ไม่ใช้งบประมาณ" on row ๒, "-" on the row of issue ๔
    expect(rows.slice(0, 2).map((r) => [r.entry_status, r.budget_baht, r.parent_seq])).toEqual([
      ['done', 15000, null],
      [null, 0, null],
    ]);
    expect(rows.map((r) => r.budget_baht)).toContain(null);
  });
});
