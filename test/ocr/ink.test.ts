/**
 * Colour ink (src/ocr/ink.ts) on an image built here: black text strokes,
 * a red ring stamp with red "ring text" inside it over them, a blue
 * signature stroke, and one small red letter on its own; then OCR of a
 * real colour scan (fixtures/scans/001-stamp-colour.pdf: a 1000×640 crop of
 * the 200 dpi colour scan of corpus 001's first page, made by
 * scripts/make-scan-fixtures.sh --bench-q, with a red round stamp whose ring
 * reads "เทศบาลตำบลบ้านใหม่สามัคคี * จังหวัดนครสวรรค์ *" and a blue
 * signature over a table header): one page, about 10 s.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OcrEngine, createOcrEngine } from '../../src/ocr/engine.js';
import { greyWithoutColourInk } from '../../src/ocr/ink.js';
import { blocksText, comparable } from '../../src/ocr/metrics.js';
import { ocrPdf } from '../../src/ocr/pdf.js';
import { rgbaToGrey } from '../../src/ocr/render.js';

const W = 400;
const H = 300;
const DPI = 150;

function page() {
  const rgba = new Uint8Array(W * H * 4).fill(255);
  const set = (x: number, y: number, [r, g, b]: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    const j = (y * W + x) * 4;
    // the scanner sees ink over ink as the product (multiply), as on paper
    rgba[j] = (rgba[j]! * r) / 255;
    rgba[j + 1] = (rgba[j + 1]! * g) / 255;
    rgba[j + 2] = (rgba[j + 2]! * b) / 255;
  };
  const black: [number, number, number] = [20, 20, 20];
  const red: [number, number, number] = [228, 62, 80];
  const blue: [number, number, number] = [28, 52, 178];
  // text: three rows of short black strokes ("letters") crossing the page
  for (const y0 of [100, 140, 180]) for (let x0 = 20; x0 < 380; x0 += 12) for (let y = y0; y < y0 + 14; y++) for (let x = x0; x < x0 + 3; x++) set(x, y, black);
  // a stamp: a ring of radius 80 (5 px thick) round (200, 150), and small red blocks inside it (its ring text)
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const d = Math.hypot(x - 200, y - 150);
    if (d >= 78 && d <= 83) set(x, y, red);
  }
  for (let a = 0; a < 360; a += 30) {
    const cx = Math.round(200 + 65 * Math.cos((a * Math.PI) / 180));
    const cy = Math.round(150 + 65 * Math.sin((a * Math.PI) / 180));
    for (let y = cy - 4; y < cy + 4; y++) for (let x = cx - 3; x < cx + 3; x++) set(x, y, red);
  }
  // a signature: a blue wavy stroke 150 px long
  for (let x = 100; x < 250; x++) {
    const y = Math.round(230 + 10 * Math.sin(x / 8));
    for (let t = 0; t < 3; t++) set(x, y + t, blue);
  }
  // a red letter on its own (coloured text, not a stamp)
  for (let y = 20; y < 34; y++) for (let x = 30; x < 36; x++) set(x, y, red);
  return rgba;
}

describe('greyWithoutColourInk', () => {
  const rgba = page();
  const { grey, dropped } = greyWithoutColourInk(rgba, W, H, DPI);
  const plain = rgbaToGrey(rgba, W * H);
  const at = (img: Uint8Array, x: number, y: number) => img[y * W + x]!;

  it('turns the stamp ring, its ring text and the signature into paper', () => {
    expect(dropped).toBeGreaterThan(0);
    // on the ring, away from text (plain luma there is a mid grey)
    expect(at(plain, 200, 69)).toBeLessThan(140);
    expect(at(grey, 200, 69)).toBeGreaterThan(230);
    // a ring-text block inside the ring
    expect(at(plain, 265, 150)).toBeLessThan(140);
    expect(at(grey, 265, 150)).toBeGreaterThan(230);
    // the signature
    const sy = Math.round(230 + 10 * Math.sin(160 / 8)) + 1;
    expect(at(plain, 160, sy)).toBeLessThan(100);
    expect(at(grey, 160, sy)).toBeGreaterThan(200);
  });

  it('keeps black text where the stamp lies over it, and text beside it', () => {
    // every text-stroke pixel the ring crosses
    let crossed = 0;
    for (const y0 of [100, 140, 180]) for (let x0 = 20; x0 < 380; x0 += 12) for (let y = y0; y < y0 + 14; y++) for (let x = x0; x < x0 + 3; x++) {
      const d = Math.hypot(x - 200, y - 150);
      if (d < 78 || d > 83) continue;
      crossed++;
      expect(at(grey, x, y)).toBeLessThan(40);
    }
    expect(crossed).toBeGreaterThan(10);
    expect(at(grey, 21, 105)).toBe(at(plain, 21, 105));
    expect(at(grey, 21, 105)).toBeLessThan(40);
  });

  it('keeps a small red letter standing alone (coloured text) as grey ink', () => {
    expect(at(grey, 32, 26)).toBe(at(plain, 32, 26));
    expect(at(grey, 32, 26)).toBeLessThan(140);
  });

  it('changes nothing on a page without colour', () => {
    const bw = new Uint8Array(W * H * 4).fill(255);
    for (let i = 0; i < 5000; i++) bw.fill(30, i * 4 * 7, i * 4 * 7 + 3);
    const r = greyWithoutColourInk(bw, W, H, DPI);
    expect(r.dropped).toBe(0);
    expect(Buffer.from(r.grey).equals(Buffer.from(rgbaToGrey(bw, W * H)))).toBe(true);
  });
});

describe('OCR of a colour scan with a red stamp and a blue signature over a table header', () => {
  let engine: OcrEngine;
  let text = '';
  beforeAll(async () => {
    engine = createOcrEngine({ workers: 1 });
    const pdf = new Uint8Array(readFileSync(new URL('../../fixtures/scans/001-stamp-colour.pdf', import.meta.url)));
    text = comparable(blocksText((await ocrPdf(pdf, [1], engine)).blocks));
  }, 180_000);
  afterAll(async () => {
    await engine?.terminate();
  });

  it('reads the words under the stamp', () => {
    // the header cell the stamp's ring and star cover, and the cell under its lower edge
    expect(text).toContain(comparable('การรายงานผลและการกำกับ'));
    expect(text).toContain(comparable('รับผิดชอบดำเนิน'));
    expect(text).toContain(comparable('รายงานผู้บริหาร'));
  });

  it('does not read the ring text', () => {
    for (const w of ['เทศบาล', 'บ้านใหม่', 'สามัคคี', 'นครสวรรค์']) expect(text).not.toContain(comparable(w));
  });
});
