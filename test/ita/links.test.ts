/** Linked parts: corpus 000 holds the analysis (part ๑) and the results (part ๒) of the same twelve rows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { linkParts } from '../../src/ita/links.js';
import type { Entry } from '../../src/model/schema.js';

const text = readFileSync(new URL('../../fixtures/corpus/000_12d03613c0e47b57.txt', import.meta.url), 'utf8');

describe('linking results to their analysis rows (corpus 000)', async () => {
  const doc = await extract(text, { fileName: '000.txt' });
  const part1 = doc.entries.filter((e) => e.part === 1);
  const part2 = doc.entries.filter((e) => e.part === 2);

  it('links every result row to the analysis row with the same measure, one to one, in order', () => {
    expect(part1).toHaveLength(12);
    expect(part2).toHaveLength(12);
    for (const e of part1) expect(e.linksTo).toBeNull();
    const targets = part2.map((e) => e.linksTo?.entry);
    // the twelve analysis rows are entries 0–11, reported on in the same order
    expect(targets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const e of part2) {
      const t = doc.entries[e.linksTo!.entry]!;
      expect(t.section).toBe(e.section);
      expect(e.linksTo!.part).toBe(1);
      expect(e.linksTo!.confidence).toBeGreaterThan(0.6);
    }
  });

  it('reads the results\' "ข้อ ๑๗" as i7, the linked analysis row\'s item, and says so', () => {
    const e = part2.find((x) => x.itemCodes.some((c) => c.raw.includes('๑๗')))!;
    expect(e.itemCodes.map((c) => [c.code, c.via])).toEqual([['i7', 'context']]);
    expect(doc.entries[e.linksTo!.entry]!.itemCodes.map((c) => c.code)).toEqual(['i7']);
    const d = doc.diagnostics.find((x) => x.origin === 'ita/links');
    expect(d).toMatchObject({ code: 'ITEM_CODE_FROM_CONTEXT', actual: 'i17', expected: 'i7' });
  });

  it('links nothing in a one-part report, and leaves a row with no text in common unlinked', () => {
    expect(linkParts(part1).every((l) => l === null)).toBe(true);
    const stranger: Entry = { ...part2[0]!, text: 'จัดซื้อรถบรรทุกน้ำ', fields: { measure: 'จัดซื้อรถบรรทุกน้ำขนาดหกล้อ' }, itemCodes: [] };
    const links = linkParts([...part1, stranger]);
    expect(links[12]).toBeNull();
  });
});
