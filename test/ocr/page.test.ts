/**
 * Reading a page once (src/ocr/orientation.ts, src/ocr/page.ts): which way
 * up a page is, from its ink, before any recognition; only the inked part
 * sent to the engine; a page on its side read with one full recognition.
 * The engine here records what it is sent and answers with a fixed reading
 * (no OCR runs: these are about what is sent, not what is read); the real
 * engines read the turned page in extract-ocr.test.ts and native.test.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine, RecogniseOptions } from '../../src/ocr/engine.js';
import { pageOrientation, rotateGrey } from '../../src/ocr/orientation.js';
import { type PageImage, inkBox, readPage } from '../../src/ocr/page.js';
import { type RenderedPage, openPdfRenderer } from '../../src/ocr/render.js';
import type { GreyImage, OcrResult, OcrWord } from '../../src/ocr/types.js';

const dir = new URL('../../fixtures/scans/', import.meta.url).pathname;

async function render(file: string, page: number): Promise<RenderedPage> {
  const r = await openPdfRenderer(new Uint8Array(readFileSync(`${dir}${file}`)));
  try {
    return await r.render(page, 150);
  } finally {
    await r.close();
  }
}

/** An engine that keeps every image it is sent and reads `words` confident words on each. */
function recorder(words = 60): { engine: OcrEngine; sent: Array<{ image: GreyImage; options: RecogniseOptions | undefined }> } {
  const sent: Array<{ image: GreyImage; options: RecogniseOptions | undefined }> = [];
  const engine: OcrEngine = {
    languages: 'tha',
    workers: 1,
    name: 'recorder',
    async recognise(image, options) {
      const img = image as GreyImage;
      sent.push({ image: img, options });
      const ws: OcrWord[] = Array.from({ length: words }, (_, i) => ({
        text: 'ก',
        bbox: { x0: 10 + i, y0: 10, x1: 20 + i, y1: 30 },
        confidence: 90,
        line: 0,
        spaceBefore: false,
      }));
      const r: OcrResult = { words: ws, confidence: 90, width: img.width, height: img.height };
      return r;
    },
    terminate: async () => undefined,
  };
  return { engine, sent };
}

let upright004: RenderedPage;
let upright003: RenderedPage;
let onItsSide: RenderedPage;

beforeAll(async () => {
  upright004 = await render('004-scan.pdf', 1);
  upright003 = await render('003-scan.pdf', 1);
  // 004-scan's page turned 90° clockwise (scripts/make-scan-fixtures.sh)
  onItsSide = await render('004-scan-rot90.pdf', 1);
}, 60_000);

describe('pageOrientation', () => {
  it('tells lines across from lines down on scanned pages turned every way, tables included', () => {
    for (const page of [upright004, upright003]) {
      expect(pageOrientation(page, 150).direction).toBe('across');
      expect(pageOrientation(rotateGrey(page, 180), 150).direction).toBe('across');
      expect(pageOrientation(rotateGrey(page, 90), 150).direction).toBe('down');
      expect(pageOrientation(rotateGrey(page, 270), 150).direction).toBe('down');
    }
  });

  it('tells which side is up from the marks above the lines (or abstains, never wrong)', () => {
    const o = pageOrientation(upright004, 150);
    expect(o.side).toBe('up');
    expect(o.up).toBeGreaterThan(1.5);
    expect(pageOrientation(rotateGrey(upright004, 180), 150).side).toBe('down');
    // a page on its side, turned a quarter clockwise, stands up: side "up" (lines down, glyph tops to the left)
    expect(pageOrientation(rotateGrey(upright004, 270), 150)).toMatchObject({ direction: 'down', side: 'up' });
    expect(pageOrientation(rotateGrey(upright004, 90), 150)).toMatchObject({ direction: 'down', side: 'down' });
    for (const d of [0, 90, 180, 270] as const) {
      const o3 = pageOrientation(d === 0 ? upright003 : rotateGrey(upright003, d), 150);
      const wrongSide = d === 0 || d === 270 ? 'down' : 'up';
      expect(o3.side).not.toBe(wrongSide);
    }
  });

  it('has no opinion on a blank page', () => {
    const blank = { width: 600, height: 400, data: new Uint8Array(600 * 400).fill(240) };
    expect(pageOrientation(blank, 150)).toMatchObject({ direction: null, side: null });
  });
});

describe('readPage', () => {
  it('reads a page lying on its side with one recognition, of the page turned upright', async () => {
    const { engine, sent } = recorder();
    const r = await readPage(engine, onItsSide);
    expect(r.degrees).toBe(270);
    expect(sent).toHaveLength(1);
    // the page as read is the scan turned back: the upright page's size, and what was sent is inside it
    expect([r.image.width, r.image.height]).toEqual([onItsSide.height, onItsSide.width]);
    const got = sent[0]?.image as GreyImage;
    expect(got.width).toBeLessThanOrEqual(r.image.width);
    expect(got.height).toBeLessThanOrEqual(r.image.height);
    expect(got.width).toBeGreaterThan(got.height);
    expect(sent[0]?.options?.dpi).toBe(onItsSide.dpi);
  });

  it('reads an upright page once, and does not turn it', async () => {
    const { engine, sent } = recorder();
    const r = await readPage(engine, upright004);
    expect(r.degrees).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('today\'s path (legacy) reads the page on its side whole, twice or more', async () => {
    const { engine, sent } = recorder(0);
    await readPage(engine, onItsSide, { legacy: true });
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const s of sent) expect(s.image.width * s.image.height).toBe(onItsSide.width * onItsSide.height);
  });

  it('with cropToInk, sends only the inked part: blank margins cropped off, words moved back to page coordinates', async () => {
    // the 004 page set in a page twice as large, at (500, 300), the rest blank
    const W = upright004.width * 2;
    const H = upright004.height * 2;
    const data = new Uint8Array(W * H).fill(245);
    for (let y = 0; y < upright004.height; y++) data.set(upright004.data.subarray(y * upright004.width, (y + 1) * upright004.width), (y + 300) * W + 500);
    const big: PageImage = { width: W, height: H, data, dpi: 150 };
    const { engine, sent } = recorder();
    const r = await readPage(engine, big, { cropToInk: true });
    expect(sent).toHaveLength(1);
    const got = sent[0]?.image as GreyImage;
    // no more than the page's own size plus the white margin (1/8 inch each side)
    expect(got.width).toBeLessThanOrEqual(upright004.width + 2 * 19);
    expect(got.height).toBeLessThanOrEqual(upright004.height + 2 * 19);
    expect(got.width * got.height).toBeLessThan((W * H) / 3);
    const box = inkBox(big, 19);
    expect(box).not.toBeNull();
    expect(box?.x0).toBeGreaterThanOrEqual(500 - 19);
    expect(box?.y0).toBeGreaterThanOrEqual(300 - 19);
    // the recorder put its first word at (10, 10) of what it was sent
    expect(r.result.words[0]?.bbox).toEqual({ x0: 10 + (box?.x0 ?? 0), y0: 10 + (box?.y0 ?? 0), x1: 20 + (box?.x0 ?? 0), y1: 30 + (box?.y0 ?? 0) });
    expect([r.result.width, r.result.height]).toEqual([W, H]);
  });

  it('does not send a blank page at all', async () => {
    const { engine, sent } = recorder();
    const blank: PageImage = { width: 800, height: 600, data: new Uint8Array(800 * 600).fill(250), dpi: 150 };
    const r = await readPage(engine, blank);
    expect(sent).toHaveLength(0);
    expect(r.result.words).toEqual([]);
    expect(r.degrees).toBe(0);
  });

  it('settles a page read poorly upright with a small sample, not whole-page retries', async () => {
    // the engine reads nothing anywhere: the sample decides nothing is better, the page stays as read
    const { engine, sent } = recorder(0);
    const r = await readPage(engine, upright004);
    expect(r.degrees).toBe(0);
    const whole = sent.filter((s) => s.image.width * s.image.height >= (upright004.width * upright004.height) / 4);
    expect(whole).toHaveLength(1);
    // the samples: square, a few inches, the same crop turned
    const samples = sent.slice(1);
    expect(samples.length).toBeGreaterThanOrEqual(1);
    for (const s of samples) expect(s.image.width * s.image.height).toBeLessThanOrEqual(450 * 450);
  });
});
