/**
 * OCR smoke test: one real page through tesseract.js (offline), on a scan
 * made by scripts/make-scan-fixtures.sh from corpus 003 (LibreOffice print,
 * 150 dpi grey, 0.6° skew, blur, noise, JPEG). One worker, one page: about
 * 10–20 s.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../src/model/blocks.js';
import { type OcrEngine, OcrError, createOcrEngine } from '../../src/ocr/engine.js';
import { blocksText, cer, periodsIn, yearsIn } from '../../src/ocr/metrics.js';
import { type OcrPdfResult, ocrPdf } from '../../src/ocr/pdf.js';
import { renderPdfPage } from '../../src/ocr/render.js';

const dir = new URL('../../fixtures/scans/', import.meta.url).pathname;
const scan = new Uint8Array(readFileSync(`${dir}003-scan.pdf`));
const truth = readFileSync(`${dir}003-scan.p1.txt`, 'utf8');

let engine: OcrEngine;
let result: OcrPdfResult;

beforeAll(async () => {
  engine = createOcrEngine({ workers: 1 });
  result = await ocrPdf(scan, [1], engine);
}, 120_000);

afterAll(async () => {
  await engine?.terminate();
});

const text = (blocks: Block[]): string => blocksText(blocks);

describe('OCR of a scanned page (003-scan.pdf, page 1)', () => {
  it('renders the page at the asked resolution', async () => {
    const r = await renderPdfPage(scan, 1, 100);
    expect(r.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // the scan's page is its 1768 × 1261 px image at 150 dpi
    expect(Math.abs(r.width - 1179)).toBeLessThanOrEqual(2);
    expect(Math.abs(r.height - 841)).toBeLessThanOrEqual(2);
  });

  it('reads the organisation, the heading and the table', () => {
    const all = text(result.blocks);
    expect(all).toContain('องค์การบริหารส่วนตำบลคลองประสัก');
    expect(all).toContain('ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ');
    const tables = result.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0] as TableBlock;
    expect(t.rows[0]?.cells.map((c) => c.paragraphs.join(' '))).toEqual([
      'ลำดับ',
      expect.stringContaining('มาตรการ/'),
      expect.stringContaining('ระยะเวลา'),
      expect.stringContaining('ผู้รับผิด'),
      expect.stringContaining('สรุปผลการดำเนินการตามมาตรการหรือ'),
      'ผลลัพธ์หรือความสำเร็จในการดำเนินการ',
    ]);
    const row1 = t.rows[1]?.cells.map((c) => c.paragraphs.join(' ')) ?? [];
    expect(row1[0]).toBe('๑');
    expect(row1[2]).toMatch(/^ไตรมาสที่ .?๑ ?- ?๒$/);
    expect(periodsIn(row1[2] ?? '')).toEqual(['ไตรมาสที่๑-๒']);
    for (const b of result.blocks) expect(b.source).toEqual({ page: 1, line: null });
  });

  it('repairs the fiscal year the Thai model cannot read (๒๕๖๗) and the score ๘๗.๓๕', () => {
    const all = text(result.blocks);
    expect(all).toContain('ประจำปีงบประมาณ ๒๕๖๗');
    expect(all).toContain('๘๗.๓๕');
    expect(yearsIn(all).filter((y) => y === 2567).length).toBeGreaterThanOrEqual(2);
    // what stays unsure is said, not guessed
    for (const y of yearsIn(all)) if (y !== 2567) expect(result.diagnostics.some((d) => d.code === 'OCR_NUMBER_UNCERTAIN')).toBe(true);
  });

  it('has a character error rate under 8 % against the text version (measured ~3 %)', () => {
    expect(cer(text(result.blocks), truth)).toBeLessThan(0.08);
  });

  it('reports confidence per block and per page', () => {
    expect(result.confidence).toHaveLength(result.blocks.length);
    expect(result.meanConfidence).toBeGreaterThan(80);
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]?.confidence).toBeGreaterThan(80);
    expect(result.diagnostics.filter((d) => d.code === 'OCR_LOW_CONFIDENCE')).toEqual([]);
  });
});

describe('OCR engine', () => {
  it('reads nothing from a blank image, and the same workers serve the next image', async () => {
    const r = await engine.recognise({ width: 200, height: 80, data: new Uint8Array(200 * 80).fill(255) });
    expect(r.words).toEqual([]);
    expect([r.width, r.height]).toEqual([200, 80]);
  });

  it('reads an encoded image (JPEG) as the whole image, its words in whole-number confidences, in the languages asked for', async () => {
    // a line of the page as a JPEG: tesseract.js's TSV gives the image's own size (its blocks tree gave the text's extent)
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const page = await renderPdfPage(scan, 1, 150);
    const src = await loadImage(page.png);
    const canvas = createCanvas(760, 60);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 760, 60);
    ctx.drawImage(src, 60, 110, 760, 60, 0, 0, 760, 60);
    const jpeg = await canvas.encode('jpeg', 90);
    const r = await engine.recognise(jpeg, { psm: 7 });
    expect([r.width, r.height]).toEqual([760, 60]);
    expect(r.words.length).toBeGreaterThan(3);
    expect(r.words.every((w) => Number.isInteger(w.confidence))).toBe(true);
    expect(r.words.map((w) => w.text).join('')).toMatch(/[ก-ฮ]/);
    // the blocks tree (today's output, kept for the bench) gives the same words
    const old = createOcrEngine({ workers: 1, blocksOutput: true });
    try {
      const b = await old.recognise(jpeg, { psm: 7 });
      expect(b.words.map((w) => [w.text, w.bbox, w.confidence, w.spaceBefore])).toEqual(r.words.map((w) => [w.text, w.bbox, w.confidence, w.spaceBefore]));
    } finally {
      await old.terminate();
    }
    // the same line in English alone: no Thai letter (a worker of its own for that language)
    const eng = await engine.recognise(jpeg, { psm: 7, languages: 'eng' });
    expect(eng.words.map((w) => w.text).join('')).not.toMatch(/[ก-ฮ]/);
  }, 120_000);

  it('refuses a language whose data package is not installed, before starting any worker', () => {
    expect(() => createOcrEngine({ languages: 'tha+xyz' })).toThrow(OcrError);
  });

  it('rejects work after terminate()', async () => {
    const e = createOcrEngine({ workers: 1 });
    await e.terminate();
    await expect(e.recognise({ width: 8, height: 8, data: new Uint8Array(64) })).rejects.toThrow(/terminated/);
  });
});
