/**
 * Hostile PDFs (issue 12): damaged bytes, exponential nested forms, image
 * bombs, lost text. Each yields one record in bounded work and memory, and
 * leaves no unhandled rejection behind. The PDFs are generated here
 * (test/_support/hostile-pdf.ts) or damaged from fixtures by a seeded PRNG.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { blindOcr as blind } from '../_support/blind-ocr.js';
import { renderPdfPage } from '../../src/ocr/render.js';
import { ErrorCodeSchema } from '../../src/model/schema.js';
import { hugeImagePdf, lostTextPdf, nestedFormsPdf, stream, writePdf } from '../_support/hostile-pdf.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = async (path: string) => new Uint8Array(await readFile(new URL(`../../fixtures/${path}`, import.meta.url)));

/** Runs a script of hostile/ in a fresh Node process; its last stdout line is JSON. */
function subprocess(script: string, args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./hostile/${script}`, import.meta.url)), ...args], { cwd: root, timeout: 500_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${script}: ${err.message}\n${stderr.slice(-2000)}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
    });
  });
}


describe('byte-damaged PDFs', () => {
  it('give one record each and leave no unhandled rejection (200 seeded variants of a text PDF and two scans)', async () => {
    const out = await subprocess('damage.ts', ['pdf/003.pdf:100', 'scans/001-scan.pdf:60', 'pdf/image-only.pdf:40']);
    expect(out.records).toHaveLength(200);
    for (const r of out.records) {
      expect(['ok', 'error']).toContain(r.status);
      if (r.status === 'error') expect(ErrorCodeSchema.options).toContain(r.code);
    }
    // most damage to the text PDF leaves it readable: the variants are not all refused alike
    expect(out.records.filter((r: { file: string; status: string }) => r.file === 'pdf/003.pdf' && r.status === 'ok').length).toBeGreaterThan(50);
    expect(out.unhandled).toEqual([]);
  }, 600_000);
});

describe('nested form XObjects (work doubling with each level)', () => {
  it('refuse a page of 40 levels, each drawing the next twice, with TOO_LARGE in bounded work', async () => {
    const bytes = nestedFormsPdf(40);
    expect(bytes.length).toBeLessThan(10_000);
    const doc = await extract(new Uint8Array(bytes), { fileName: 'nested.pdf', ocrEngine: blind });
    expect(doc.status).toBe('error');
    expect(doc.error?.code).toBe('TOO_LARGE');
    expect(doc.error?.message).toMatch(/^page 1: draws more than the limit of 500,000 operations \(form XObjects drawn within each other\?\)/);
  }, 300_000);

  it('stop OCR rendering of such a page at the budget too (pdfjs draws what it has), instead of running on', async () => {
    const png = await renderPdfPage(new Uint8Array(nestedFormsPdf(40)), 1, 50);
    expect([png.width, png.height]).toEqual([414, 585]);
  }, 300_000);

  it('leave a page of 8 levels (510 forms drawn) readable', async () => {
    const doc = await extract(new Uint8Array(nestedFormsPdf(8)), { fileName: 'nested8.pdf', ocr: 'never' });
    expect(doc.error?.code).not.toBe('TOO_LARGE');
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('PAGE_TOO_LARGE');
  }, 120_000);
});

describe('an image declaring more pixels than it carries bytes', () => {
  it('is refused with TOO_LARGE from its declared size, the process’s peak memory not raised (subprocess, maxRSS)', async () => {
    // 12,000 × 12,000 RGB: 432 MB decoded, 576 MB as RGBA, from 66 KB of compressed zeros
    const out = await subprocess('memory.ts', ['12000', '12000']);
    expect(out.bytes).toBeLessThan(100_000);
    expect(out.error.code).toBe('TOO_LARGE');
    expect(out.error.message).toMatch(/image of 12,000 × 12,000 pixels is over the limit of 40,000,000: not decoded, not OCRed/);
    expect(out.peakGrowthMB).toBeLessThan(200);
  }, 300_000);

  it('is refused before OCR with ocr "always" too', async () => {
    const doc = await extract(new Uint8Array(hugeImagePdf(9000, 9000, { colorSpace: 'DeviceGray', dataBytes: 1 << 20 })), { ocr: 'always', ocrEngine: blind });
    expect(doc.error?.code).toBe('TOO_LARGE');
    expect(doc.error?.message).toMatch(/9,000 × 9,000 pixels/);
  }, 120_000);
});

describe('PDFs without usable text: messages that say why', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `Integrity and Transparency Assessment item ${i + 1}`);

  it('a scan read with OCR off says the page has no text layer and OCR was off', async () => {
    const doc = await extract(await fixture('pdf/image-only.pdf'), { ocr: 'never' });
    expect(doc.error?.code).toBe('EMPTY_INPUT');
    expect(doc.error?.message).toBe("no text to read: page 1: no text layer (an image of text?), and OCR was off (ocr: 'never', --ocr never)");
  }, 120_000);

  it('a scan OCR reads nothing on says so', async () => {
    const doc = await extract(await fixture('pdf/image-only.pdf'), { ocrEngine: blind });
    expect(doc.error?.code).toBe('EMPTY_INPUT');
    expect(doc.error?.message).toBe('no text to read: page 1: no text layer (an image of text?), and OCR read no text there');
  }, 120_000);

  it('text in a font with no Unicode map is "lost", not "no text" (CORRUPT_FILE), and with OCR off NOT_ITA_REPORT says why', async () => {
    const bytes = new Uint8Array(lostTextPdf('unmapped', lines));
    const ocrd = await extract(bytes, { ocrEngine: blind });
    expect(ocrd.error?.code).toBe('CORRUPT_FILE');
    expect(ocrd.error?.message).toMatch(/^the PDF's text is lost: page 1: \d+ private-use characters the font does not map to Unicode, and OCR read no text there$/);
    const off = await extract(bytes, { ocr: 'never' });
    expect(off.error?.code).toBe('NOT_ITA_REPORT');
    expect(off.error?.message).toMatch(/\(page 1: \d+ private-use characters the font does not map to Unicode, and OCR was off \(ocr: 'never', --ocr never\)\)$/);
  }, 120_000);

  it('a damaged content stream is CORRUPT_FILE naming the damage', async () => {
    const doc = await extract(new Uint8Array(lostTextPdf('damaged', lines)), { ocrEngine: blind });
    expect(doc.error?.code).toBe('CORRUPT_FILE');
    expect(doc.error?.message).toBe('no page of the PDF could be read (page 1: Bad encoding in flate stream)');
  }, 120_000);

  it('a blank PDF is EMPTY_INPUT, said to be blank', async () => {
    const blank = writePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      stream('', ''),
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    ]);
    const doc = await extract(new Uint8Array(blank), { ocrEngine: blind });
    expect(doc.error).toEqual({ code: 'EMPTY_INPUT', message: 'the document has no text: its 2 pages are blank' });
  }, 120_000);
});
