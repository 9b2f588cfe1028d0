import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract, ItaDocumentSchema, type ItaDocument } from '../../src/index.js';
import { repairToSchema } from '../../src/model/repair.js';

const corpus = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/corpus/${name}`, import.meta.url)));

async function real(): Promise<ItaDocument> {
  const doc = await extract(corpus('004_d0cc15d3996b9fea.txt'), { fileName: '004.txt' });
  expect(doc.status).toBe('ok');
  expect(doc.entries.length).toBeGreaterThan(5);
  return doc;
}

describe('repairToSchema: a recogniser slip costs the element, not the document', () => {
  it('a valid document comes back equal, with no diagnostic added', async () => {
    const doc = await real();
    expect(repairToSchema(doc)).toEqual(ItaDocumentSchema.parse(doc));
  });

  it('an indicator numbered 0 and an entry with a negative seq are dropped, each with OUTPUT_FIELD_DROPPED', async () => {
    const doc = await real();
    const broken = structuredClone(doc);
    broken.assessment.indicatorScores = [
      { tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 90 },
      { tool: 'OIT', indicator: 0, name: null, score: 92.57 },
    ];
    (broken.entries[2] as { seq: number | null }).seq = -3;
    expect(ItaDocumentSchema.safeParse(broken).success).toBe(false);
    const fixed = repairToSchema(broken)!;
    expect(fixed.status).toBe('ok');
    expect(fixed.assessment.indicatorScores).toEqual([{ tool: 'IIT', indicator: 1, name: 'การปฏิบัติหน้าที่', score: 90 }]);
    expect(fixed.entries).toHaveLength(doc.entries.length - 1);
    expect(fixed.entries[2]!.text).toBe(doc.entries[3]!.text);
    expect(doc.entries[3]!.text).not.toBe(doc.entries[2]!.text);
    const dropped = fixed.diagnostics.filter((d) => d.code === 'OUTPUT_FIELD_DROPPED');
    expect(dropped.map((d) => d.message.split(' ')[0])).toEqual(['assessment.indicatorScores.1', 'entries.2']);
    expect(dropped.every((d) => d.severity === 'error')).toBe(true);
    expect(broken.entries).toHaveLength(doc.entries.length); // the input is not changed
  });

  it('a broken scalar outside any array is set to null when the schema allows it', async () => {
    const doc = await real();
    const broken = structuredClone(doc);
    (broken.assessment as { year: number | null }).year = 2567.5;
    const fixed = repairToSchema(broken);
    expect(fixed).not.toBeNull();
    expect(fixed!.assessment.year).toBeNull();
    expect(fixed?.assessment.overallScore).toBe(doc.assessment.overallScore);
    expect(fixed?.diagnostics.at(-1)?.message).toMatch(/^assessment\.year /);
  });

  it('what no drop can mend is null (the caller makes it an error record)', async () => {
    const doc = await real();
    const broken = structuredClone(doc) as unknown as { schemaVersion: unknown };
    broken.schemaVersion = 99;
    expect(repairToSchema(broken as unknown as ItaDocument)).toBeNull();
  });
});
