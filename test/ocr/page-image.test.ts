/**
 * A scanned page's JPEG taken out of the PDF and decoded natively instead
 * of rendered by pdfjs (src/ocr/page-image.ts, render.ts). PDFs of other
 * shapes are made here with pdf-lib around a JPEG encoded by @napi-rs/canvas.
 */
import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPageImages, withoutExif } from '../../src/ocr/page-image.js';
import { openPdfRenderer } from '../../src/ocr/render.js';

const fixture = (p: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${p}`, import.meta.url)));

/** A colour JPEG of w × h (what @napi-rs/canvas encodes: three components) with a black bar in its top left quarter. */
async function colourJpeg(w: number, h: number): Promise<Uint8Array> {
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000000';
  ctx.fillRect(w / 8, h / 8, w / 4, h / 16);
  return new Uint8Array(await c.encode('jpeg', 95));
}

/** A one-page PDF drawing `img` at (x, y) size (iw, ih) on a page of w × h points. */
async function pdfWith(img: Uint8Array, w: number, h: number, draw: { x: number; y: number; iw: number; ih: number }, tweak?: (d: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([w, h]);
  const j = await doc.embedJpg(img);
  page.drawImage(j, { x: draw.x, y: draw.y, width: draw.iw, height: draw.ih });
  const saved = await doc.save({ useObjectStreams: true });
  if (!tweak) return saved;
  const again = await PDFDocument.load(saved);
  tweak(again);
  return again.save({ useObjectStreams: true });
}

/**
 * Page 1 rendered at `dpi` with the page-JPEG path and by pdfjs alone, and,
 * when `alsoAt` is given, with the page-JPEG path at that resolution too.
 */
async function bothWays(bytes: Uint8Array, dpi: number, alsoAt?: number) {
  const fast = await openPdfRenderer(bytes);
  const slow = await openPdfRenderer(bytes, { pageImages: false });
  try {
    const a = await fast.render(1, dpi);
    const b = await slow.render(1, dpi);
    return [a, b, alsoAt === undefined ? a : await fast.render(1, alsoAt)] as const;
  } finally {
    await fast.close();
    await slow.close();
  }
}

/** Mean absolute difference of two grey images of one size. */
function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff += Math.abs((a[i] as number) - (b[i] as number));
  return diff / a.length;
}

describe('page images', () => {
  // the grey JPEG of the committed scan (1762 × 1253 px), put on pages of other shapes
  let scanJpeg: Uint8Array;
  beforeAll(async () => {
    scanJpeg = (await openPageImages(fixture('scans/001-scan.pdf'))).jpegOf(1)?.jpeg ?? new Uint8Array();
  });

  it('takes a scanned page\'s JPEG out of the file: the committed 150 dpi scan, drawn natively at 96 dpi like pdfjs renders it, at 150 by pdfjs', async () => {
    const bytes = fixture('scans/001-scan.pdf');
    const found = (await openPageImages(bytes)).jpegOf(1);
    expect(found).toMatchObject({ width: 1762, height: 1253 });
    expect(found?.pageWidth).toBeCloseTo(845.76, 1);
    const [a, b, at150] = await bothWays(bytes, 96, 150);
    expect(at150.via).toBe('pdfjs');
    expect([a.via, b.via]).toEqual(['page-jpeg', 'pdfjs']);
    expect([a.width, a.height, a.dpi]).toEqual([b.width, b.height, b.dpi]);
    expect(meanDifference(a.data, b.data)).toBeLessThan(4);
  }, 60_000);

  it('scales the image to the page at the resolution asked, in pixels as pdfjs sizes them', async () => {
    // the scan on a page of 8 × 5.69 inches, drawn at 100 dpi: 800 × 569 px, as pdfjs draws it
    const bytes = await pdfWith(scanJpeg, 576, 409.6, { x: 0, y: 0, iw: 576, ih: 409.6 });
    const [a, b] = await bothWays(bytes, 100);
    expect([a.via, a.width, a.height, a.dpi]).toEqual(['page-jpeg', 800, 569, 100]);
    expect([b.width, b.height]).toEqual([800, 569]);
    expect(meanDifference(a.data, b.data)).toBeLessThan(4);
  }, 60_000);

  it('leaves to pdfjs a text page, a colour JPEG, a turned page, an image not covering the page, and an image that is not a JPEG', async () => {
    const text = fixture('pdf/003.pdf');
    const colour = await pdfWith(await colourJpeg(600, 400), 288, 192, { x: 0, y: 0, iw: 288, ih: 192 });
    const turned = await pdfWith(scanJpeg, 288, 192, { x: 0, y: 0, iw: 288, ih: 192 }, (d) => d.getPage(0).setRotation(degrees(90)));
    const part = await pdfWith(scanJpeg, 288, 192, { x: 20, y: 20, iw: 200, ih: 120 });
    const ccitt = await pdfWith(scanJpeg, 288, 192, { x: 0, y: 0, iw: 288, ih: 192 }, (d) => {
      const [, xo] = [...(d.getPage(0).node.Resources()?.lookup(PDFName.of('XObject')) as import('pdf-lib').PDFDict).entries()][0] ?? [];
      const s = d.context.lookup(xo as import('pdf-lib').PDFRef) as import('pdf-lib').PDFRawStream;
      s.dict.set(PDFName.of('Filter'), PDFName.of('CCITTFaxDecode'));
    });
    for (const bytes of [text, colour, turned, part, ccitt]) expect((await openPageImages(bytes)).jpegOf(1)).toBeNull();
    const r = await openPdfRenderer(colour);
    try {
      expect((await r.render(1, 72)).via).toBe('pdfjs');
    } finally {
      await r.close();
    }
  }, 60_000);

  it('finds nothing in bytes that are not a PDF, or a page out of range', async () => {
    expect((await openPageImages(new Uint8Array([1, 2, 3]))).jpegOf(1)).toBeNull();
    expect((await openPageImages(await pdfWith(scanJpeg, 288, 192, { x: 0, y: 0, iw: 288, ih: 192 }))).jpegOf(2)).toBeNull();
  });

  it('blanks an Exif block (a native decoder would turn the image by its orientation; PDF viewers do not)', () => {
    const exif = [0xff, 0xe1, 0x00, 0x10, ...Buffer.from('Exif\0\0', 'latin1'), 0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08];
    const rest = [0xff, 0xdb, 0x00, 0x03, 0x01, 0xff, 0xd9];
    const j = new Uint8Array([0xff, 0xd8, ...exif, ...rest]);
    const out = withoutExif(j);
    expect(Buffer.from(out.subarray(6, 12)).toString('latin1')).toBe('Exif\0\0');
    expect([...out.subarray(12, 20)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...out.subarray(20)]).toEqual(rest);
    expect([...j.subarray(12, 14)]).toEqual([0x4d, 0x4d]); // the input is left as it was
    const plain = new Uint8Array([0xff, 0xd8, ...rest]);
    expect(withoutExif(plain)).toBe(plain);
  });
});
