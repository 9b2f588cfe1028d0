/**
 * extract() on a scanned PDF: the OCR stage wired into the pipeline. One
 * page (004-scan.pdf, a rasterised rendering of corpus 004's first page in
 * Garuda, blurred, skewed and JPEG'd by scripts/make-scan-fixtures.sh), one
 * Tesseract worker shared by the calls: about 10–15 s.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, pagesToOcr } from '../../src/extract.js';
import type { ItaDocument } from '../../src/model/schema.js';
import { type OcrEngine, createOcrEngine } from '../../src/ocr/engine.js';
import { rotateGrey } from '../../src/ocr/pdf.js';
import { readPdf } from '../../src/readers/pdf.js';

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${p}`, import.meta.url)));
const scan = fixture('scans/004-scan.pdf');
const truth = readFileSync(new URL('../../fixtures/scans/004-scan.p1.txt', import.meta.url), 'utf8');

let engine: OcrEngine;
let doc: ItaDocument;
let engineCalls = 0;

beforeAll(async () => {
  engine = createOcrEngine({ workers: 1 });
  doc = await extract(scan, {
    fileName: '004-scan.pdf',
    ocrEngine: () => {
      engineCalls++;
      return engine;
    },
  });
}, 180_000);

afterAll(async () => {
  await engine?.terminate();
});

describe('rotateGrey', () => {
  it('turns a 3×2 image a quarter, half and three quarters clockwise', () => {
    // 1 2 3
    // 4 5 6
    const img = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    expect(rotateGrey(img, 90)).toMatchObject({ width: 2, height: 3, data: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
    expect(rotateGrey(img, 180)).toMatchObject({ width: 3, height: 2, data: Uint8Array.from([6, 5, 4, 3, 2, 1]) });
    expect(rotateGrey(img, 270)).toMatchObject({ width: 2, height: 3, data: Uint8Array.from([3, 6, 2, 5, 1, 4]) });
  });
});

describe('pagesToOcr', () => {
  it('auto takes the pages without a text layer; always every page; never none; text PDFs need none', async () => {
    const scanned = await readPdf(scan);
    expect(pagesToOcr(scanned, 'auto')).toEqual([1]);
    expect(pagesToOcr(scanned, 'never')).toEqual([]);
    const text = await readPdf(fixture('pdf/003.pdf'));
    expect(pagesToOcr(text, 'auto')).toEqual([]);
    expect(pagesToOcr(text, 'always')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('extract() with OCR (004-scan.pdf)', () => {
  it('reads the page by OCR, with the engine it was given', () => {
    expect(engineCalls).toBe(1);
    expect(doc.status).toBe('ok');
    expect(doc.source).toMatchObject({ format: 'pdf', pages: 1, ocr: true });
  });

  it('gets the header right from the image: organisation, fiscal year (a repaired ๒๕๖๖), assessment year', () => {
    expect(truth).toContain('องค์การบริหารส่วนตำบลบ้านหม้อ');
    expect(doc.organization).toMatchObject({ name: 'องค์การบริหารส่วนตำบลบ้านหม้อ', kind: 'องค์การบริหารส่วนตำบล' });
    expect(doc.fiscalYear?.be).toBe(2566);
    expect(doc.assessment.year).toBe(2565);
    // the model has no ๖: the year was read from its glyphs, and said so
    const repaired = doc.diagnostics.filter((d) => d.code === 'OCR_NUMBER_REPAIRED');
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired[0]?.message).toMatch(/→๒๕๖๖/);
  });

  it('finds the three IIT items of the page, each with its OCR confidence', () => {
    // the text version: ข้อ ๒๕, ข้อ ๒๖, ข้อ ๒๗, each "ได้คะแนน ๑๐๐"
    expect(doc.entries).toHaveLength(3);
    for (const e of doc.entries) {
      expect(e.itemCodes.map((c) => c.tool)).toEqual(['IIT']);
      expect(e.score).toBe(100);
      expect(e.source.page).toBe(1);
      expect(e.source.ocrConfidence).toBeGreaterThan(0.6);
      expect(e.source.ocrConfidence).toBeLessThanOrEqual(1);
    }
    expect(doc.entries[0]?.text).toContain('บุคลากรในหน่วยงาน');
    // the model writes ๒ for ๖ and ๕ for ๗ ("ข้อ ๒๒", "ข้อ ๒๕"); the digit net reads the glyphs ๒๖ and ๒๗
    // back, so the item catalogue has nothing to put right (it did, with a warning each, under the templates)
    expect(doc.entries.map((e) => e.itemCodes[0]?.code)).toEqual(['i25', 'i26', 'i27']);
    expect(doc.diagnostics.filter((d) => d.code === 'ITEM_CODE_FROM_CATALOGUE')).toEqual([]);
  });

  it('reads a scan lying on its side (the same page turned 90°) with one recognition, and says it turned it', async () => {
    const sizes: number[] = [];
    // languagesPerImage forwarded: the page is read as extract() reads it by default (Thai first)
    const counting: OcrEngine = {
      languages: engine.languages,
      workers: engine.workers,
      languagesPerImage: engine.languagesPerImage,
      recognise: (image, o) => {
        if ('width' in image && 'data' in image && !Buffer.isBuffer(image)) sizes.push(image.width * image.height);
        return engine.recognise(image, o);
      },
      terminate: () => engine.terminate(),
    };
    const turned = await extract(fixture('scans/004-scan-rot90.pdf'), { fileName: '004-scan-rot90.pdf', ocrEngine: counting });
    // one page-sized image sent (≥ 1 Mpx of the 2.2 Mpx page), the page turned upright and cropped to
    // its ink: no upright reading, no other turn tried (smaller crops, e.g. of empty cells, may follow)
    expect(sizes.filter((n) => n >= 1_000_000)).toHaveLength(1);
    expect(turned.status).toBe('ok');
    expect(turned.diagnostics.find((d) => d.code === 'OCR_PAGE_ROTATED')?.message).toMatch(/270°/);
    expect(turned.organization?.name).toBe('องค์การบริหารส่วนตำบลบ้านหม้อ');
    expect(turned.fiscalYear?.be).toBe(2566);
    expect(turned.entries.length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('without OCR the same file has no text at all', async () => {
    const none = await extract(scan, { fileName: '004-scan.pdf', ocr: 'never', ocrEngine: () => Promise.reject(new Error('not to be called')) });
    expect(none.status).toBe('error');
    expect(none.error?.code).toBe('EMPTY_INPUT');
    expect(none.source.ocr).toBe(false);
  });
});
