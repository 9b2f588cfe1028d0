/**
 * tesseract.js's words read off Tesseract's result iterator in its worker
 * (src/ocr/tjs-words.ts) are the words of its TSV: same texts, boxes,
 * confidences, lines and spaces, on scanned pages of the fixtures.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from '../../src/ocr/engine.js';
import { takeLanguageDir } from '../../src/ocr/langdata.js';
import { openPdfRenderer, toPgm } from '../../src/ocr/render.js';
import { prepareRuledPage } from '../../src/ocr/tablepage.js';
import { WORDS_OUTPUT, wordRows, wordsWorker } from '../../src/ocr/tjs-words.js';
import { parseTesseractTsv, wordsFromRows } from '../../src/ocr/tsv.js';
import type { GreyImage } from '../../src/ocr/types.js';

const require = createRequire(import.meta.url);

async function page(file: string, n: number): Promise<GreyImage & { dpi: number }> {
  const r = await openPdfRenderer(new Uint8Array(readFileSync(new URL(`../../fixtures/scans/${file}`, import.meta.url))));
  try {
    return await r.render(n, 150);
  } finally {
    await r.close();
  }
}

describe('words off the result iterator (tjs-words.ts)', () => {
  let pages: Array<GreyImage & { dpi: number }> = [];
  beforeAll(async () => {
    // a page of text and a ruled table's page with its rules erased, as the PDF path reads them
    pages = [await page('003-scan.pdf', 1), prepareRuledPage(await page('004-scan.pdf', 1)).read as GreyImage & { dpi: number }];
  }, 60_000);

  it("is what tesseract.js's worker answers: the TSV's word rows, not the TSV", async () => {
    const url = wordsWorker();
    expect(url).not.toBeNull();
    const T = require('tesseract.js');
    const dir = takeLanguageDir('tha');
    const worker = await T.createWorker('tha', T.OEM.LSTM_ONLY, { langPath: dir.dir, gzip: true, cacheMethod: 'none', workerPath: url });
    try {
      const img = toPgm(pages[0] as GreyImage);
      const params = { tessedit_pageseg_mode: '4', user_defined_dpi: '150', preserve_interword_spaces: '1' };
      const rows = (await worker.recognize(img, params, { text: true, blocks: false, [WORDS_OUTPUT]: true })).data;
      const tsv = (await worker.recognize(img, params, { text: true, blocks: false, tsv: true })).data;
      expect(rows.tsv).toBeNull();
      const fromRows = wordsFromRows(wordRows(rows[WORDS_OUTPUT]) ?? [], rows.text);
      const fromTsv = parseTesseractTsv(tsv.tsv, tsv.text);
      expect(fromRows.words.length).toBeGreaterThan(200);
      expect(fromRows.words).toEqual(fromTsv.words);
      expect(fromRows.confidence).toBe(fromTsv.confidence);
    } finally {
      await worker.terminate();
      dir.release();
    }
  }, 120_000);

  describe('the engine', () => {
    let byRows: OcrEngine;
    let byTsv: OcrEngine;
    beforeAll(() => {
      byRows = createOcrEngine({ workers: 1 });
      byTsv = createOcrEngine({ workers: 1, tsvOutput: true });
    });
    afterAll(async () => {
      await Promise.all([byRows?.terminate(), byTsv?.terminate()]);
    });

    it('reads a scanned table page in Thai exactly as from the TSV (words, boxes, confidences, lines, spaces)', async () => {
      for (const img of pages.slice(1)) {
        const a = await byRows.recognise(img, { dpi: img.dpi, languages: 'tha' });
        const b = await byTsv.recognise(img, { dpi: img.dpi, languages: 'tha' });
        expect(a.words.length).toBeGreaterThan(100);
        expect(a).toEqual(b);
      }
    }, 240_000);

    it('reads a line in English with psm 7 exactly as from the TSV', async () => {
      const img = pages[0] as GreyImage;
      // the top band of the page
      const h = 60;
      const crop = { width: img.width, height: h, data: img.data.slice(100 * img.width, (100 + h) * img.width) };
      const a = await byRows.recognise(crop, { psm: 7, languages: 'eng' });
      const b = await byTsv.recognise(crop, { psm: 7, languages: 'eng' });
      expect(a).toEqual(b);
    }, 120_000);
  });
});
