/**
 * The recognition scale (src/ocr/scale.ts, render.ts): text height measured
 * on a page built here (letter bodies with smaller marks above and below,
 * a ruled frame, specks), the resolution chosen from it, and the resolution
 * of a scanned page's own image read from its operator list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { largestImageDpi, openPdfRenderer } from '../../src/ocr/render.js';
import { MAX_DPI, MIN_DPI, TARGET_TEXT_HEIGHT, chooseDpi, textHeight } from '../../src/ocr/scale.js';

/** A grey page of `lines` text lines whose letter bodies are `h` px high. */
function page(h: number, lines = 6) {
  const width = 60 * h;
  const height = (lines + 2) * 3 * h;
  const data = new Uint8Array(width * height).fill(235);
  const box = (x0: number, y0: number, w: number, hh: number) => {
    for (let y = y0; y < y0 + hh; y++) for (let x = x0; x < x0 + w; x++) if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = 25;
  };
  // a table frame round everything (a rule: not a letter)
  box(2, 2, width - 4, 2);
  box(2, height - 4, width - 4, 2);
  box(2, 2, 2, height - 4);
  let k = 0;
  for (let l = 0; l < lines; l++) {
    const base = (l + 1) * 3 * h + h;
    for (let x = h; x + h < width - h; x += Math.round(0.9 * h)) {
      k++;
      // a consonant body: an open loop (ring), as letters are drawn
      const w = Math.round(0.7 * h);
      box(x, base - h, w, 2);
      box(x, base - 2, w, 2);
      box(x, base - h, 2, h);
      box(x + w - 2, base - h, 2, h);
      // every third letter a mark above, every fifth a mark below (smaller), every seventh an ascender
      if (k % 3 === 0) box(x + 1, base - h - Math.round(0.45 * h), Math.round(0.4 * h), Math.round(0.3 * h));
      if (k % 5 === 0) box(x + 2, base + 2, Math.round(0.3 * h), Math.round(0.3 * h));
      if (k % 7 === 0) box(x + w - 2, base - Math.round(1.4 * h), 2, Math.round(0.4 * h));
    }
  }
  // specks
  for (let i = 0; i < 200; i++) data[(i * 7919) % data.length] = 20;
  return { width, height, data };
}

describe('textHeight', () => {
  it('measures the letter bodies, not the marks, the rules or the specks', () => {
    for (const h of [9, 13, 20, 26]) {
      const got = textHeight(page(h))!;
      expect(Math.abs(got - h)).toBeLessThanOrEqual(1);
    }
  });

  it('says nothing on a blank page', () => {
    expect(textHeight({ width: 200, height: 100, data: new Uint8Array(20000).fill(240) })).toBeNull();
  });
});

describe('chooseDpi', () => {
  it('keeps the probe when the text is near the height the model reads best', () => {
    expect(chooseDpi(textHeight(page(TARGET_TEXT_HEIGHT)), 150, 300)).toBe(150);
    // 10 and 20 px letters read as well as 13 px ones: no second rendering
    expect(chooseDpi(textHeight(page(10)), 150, 300)).toBe(150);
    expect(chooseDpi(textHeight(page(20)), 150, 300)).toBe(150);
  });

  it('renders small text finer and large text coarser, within the bounds', () => {
    const small = chooseDpi(textHeight(page(8)), 150, 600);
    expect(small).toBeCloseTo((150 * TARGET_TEXT_HEIGHT) / 8, -1);
    const large = chooseDpi(textHeight(page(30)), 150, 300);
    expect(large).toBeCloseTo(Math.max(MIN_DPI, (150 * TARGET_TEXT_HEIGHT) / 30), -1);
    expect(chooseDpi(textHeight(page(4)), 150, null)).toBeLessThanOrEqual(MAX_DPI);
  });

  it('does not go far above the resolution of the scan itself', () => {
    // small text on a 150 dpi scan: at most 1.25 × its own pixels
    expect(chooseDpi(textHeight(page(8)), 150, 150)).toBeLessThanOrEqual(188);
    // a vector page (no image) has only MAX_DPI as its bound
    expect(chooseDpi(textHeight(page(8)), 150, null)).toBeGreaterThan(200);
  });
});

describe('largestImageDpi', () => {
  const ops = { save: 10, restore: 11, transform: 12, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paintImageXObject: 85, paintInlineImageXObject: 86, paintImageMaskXObject: 83 };
  it('reads the pixels per inch of the largest image under its transform', () => {
    // an A4 landscape page (842 × 595 pt) filled by a 2339 × 1654 image (200 dpi), and a small logo at 72 dpi
    const fn = [10, 12, 85, 11, 10, 12, 85, 11];
    const args = [null, [842, 0, 0, 595, 0, 0], ['img1', 2339, 1654], null, null, [72, 0, 0, 72, 10, 10], ['img2', 72, 72], null];
    expect(largestImageDpi(fn, args, ops)).toBeCloseTo(200, 0);
    expect(largestImageDpi([12, 10], [[1, 0, 0, 1, 0, 0], null], ops)).toBeNull();
  });

  it('follows a form XObject’s matrix (a scan’s page image wrapped in a form), and leaves it at its end', () => {
    // the form scales its unit square to the page; the image inside is 300 dpi across an A4 portrait page
    const fn = [74, 85, 75, 10, 12, 85, 11];
    const args = [[[595, 0, 0, 842, 0, 0], null], ['scan', 2480, 3508], null, null, [72, 0, 0, 72, 0, 0], ['logo', 36, 36], null];
    expect(largestImageDpi(fn, args, ops)).toBeCloseTo(300, 0);
  });

  it('finds 150 and 200 dpi in the committed scans', async () => {
    for (const [file, dpi] of [['004-scan.pdf', 150], ['001-stamp-colour.pdf', 200]] as const) {
      const r = await openPdfRenderer(new Uint8Array(readFileSync(new URL(`../../fixtures/scans/${file}`, import.meta.url))));
      try {
        expect(await r.imageDpi(1)).toBeCloseTo(dpi, 0);
      } finally {
        await r.close();
      }
    }
  });

  it('says null for a vector page', async () => {
    const r = await openPdfRenderer(new Uint8Array(readFileSync(new URL('../../fixtures/pdf/003.pdf', import.meta.url))));
    try {
      expect(await r.imageDpi(1)).toBeNull();
    } finally {
      await r.close();
    }
  });
});
