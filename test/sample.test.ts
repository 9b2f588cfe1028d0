/** The README's first command runs the CLI on the bundled sample archive: it must keep working. */
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { runCli } from '../src/cli/main.js';
import type { ItaDocument } from '../src/index.js';

const sample = fileURLToPath(new URL('../fixtures/sample/ita-reports.zip', import.meta.url));

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

// OCR of the scanned page takes 10–20 s
describe('the bundled sample archive', { timeout: 120_000 }, () => {
  it('gives one ok record per report: a text PDF, a scanned PDF (OCR), a DOCX and a text file, with their organisations and entries', async () => {
    const out = collect();
    const err = collect();
    const code = await runCli([sample, '-j', '1', '-f', 'jsonl'], { stdout: out.stream, stderr: err.stream });
    expect(code).toBe(0);
    const docs = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ItaDocument);
    expect(docs.map((d) => [d.source.format, d.source.ocr, d.status, d.organization?.name, d.fiscalYear?.be, d.entries.length])).toEqual([
      ['pdf', false, 'ok', 'องค์การบริหารส่วนตำบลคลองประสัก', 2567, 10],
      ['pdf', true, 'ok', 'องค์การบริหารส่วนตำบลดงมะไฟ', 2566, 1],
      ['docx', false, 'ok', 'องค์การบริหารส่วนตำบลบ้านหม้อ', 2566, 14],
      ['text', false, 'ok', 'เทศบาลตำบลบ่อพลับ', 2568, 24],
    ]);
    // the scan: its header read from the image, its one row with the OCR confidence
    expect(docs[1]?.organization).toMatchObject({ district: 'ทรายมูล', province: 'ยโสธร' });
    expect(docs[1]?.assessment.year).toBe(2565);
    // its reporting period, whose years Tesseract reads ๒๕๒๕ and ๒๕๒ + "๑)": re-read from the glyphs by the digit net
    expect(docs[1]?.reportingPeriod).toMatchObject({ start: '2022-10', end: '2023-03' });
    expect(docs[1]?.reportingPeriod?.reversed).toBeUndefined();
    expect(docs[1]?.entries[0]?.responsible).toEqual(['สำนักปลัด']);
    // "ข้อ ๐ ๓๗" came out of OCR as "ข้อ ๐ mw": the OIT item title after it names o37
    expect(docs[1]?.entries[0]?.itemCodes.map((c) => [c.code, c.via])).toEqual([['o37', 'catalogue']]);
    expect(docs[1]?.entries[0]?.source.ocrConfidence).toBeGreaterThan(0.6);
    expect(docs[0]?.source.path).toMatch(/ita-reports\.zip!\/2567\/อบต\.คลองประสัก\/รายงานผลการดำเนินการ\.pdf$/);
    expect(docs[0]?.source.pages).toBe(11);
  });
});
