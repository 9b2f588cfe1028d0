/**
 * A ruled table read from a scan, end to end: extract() on 003-scan.pdf
 * (corpus 003's first two pages printed by LibreOffice, 150 dpi grey, 0.6°
 * skew, blur, noise, JPEG; scripts/make-scan-fixtures.sh). Its table has a
 * header row (ลำดับ | มาตรการ/กิจกรรม | ระยะเวลาในการดำเนินการ |
 * ผู้รับผิดชอบ | สรุปผล… | ผลลัพธ์…) and three measures with quarter periods;
 * measure ๑ runs on to page 2. One Tesseract worker, two pages, read as
 * extract() reads them by default: each page once, its words put in the
 * grid's cells, the cells read poorly read again (the period cell whose ๑
 * came out "e").
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import type { ItaDocument } from '../../src/model/schema.js';
import { type OcrEngine, createOcrEngine } from '../../src/ocr/engine.js';

const scan = new Uint8Array(readFileSync(new URL('../../fixtures/scans/003-scan.pdf', import.meta.url)));

let engine: OcrEngine;
let doc: ItaDocument;

beforeAll(async () => {
  engine = createOcrEngine({ workers: 1 });
  doc = await extract(scan, { fileName: '003-scan.pdf', ocrEngine: engine });
}, 300_000);

afterAll(async () => {
  await engine?.terminate();
});

describe('a ruled table from a scan (003-scan.pdf)', () => {
  it('gives one entry per measure, the row cut by the page break joined', () => {
    expect(doc.status).toBe('ok');
    expect(doc.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    // measure ๑'s cell ends on page 2 ("… มีความเท่าเทียมไม่เลือกปฏิบัติ …")
    expect(doc.entries[0]?.fields.measure).toMatch(/^การปฏิบัติ.*เทียม/);
  });

  it('gives the columns their roles from the header: the period column is the period', () => {
    for (const e of doc.entries) {
      // the period cell holds the period and nothing from the cell beside it ("ไตรมาสที่เ ๑ - ๒" when read as a page)
      expect(e.fields.period).toMatch(/^ไตรมาสที่ ๑(?:\s?-\s?๒)?$/);
      expect(Object.entries(e.fields).filter(([k, v]) => k !== 'period' && /ไตรมาส/.test(v ?? ''))).toEqual([]);
      expect(e.fields.responsible).toMatch(/นิติกร หัวหน้าสำนักปลัด ปลัด$/);
    }
  });

  it('reads the periods: quarters 1–2, 1 and 1–2 of fiscal 2567', () => {
    expect(doc.fiscalYear?.be).toBe(2567);
    expect(doc.entries.map((e) => e.periods.map((p) => `${p.start}..${p.end}`))).toEqual([
      ['2023-10..2024-03'],
      ['2023-10..2023-12'],
      ['2023-10..2024-03'],
    ]);
  });
});
