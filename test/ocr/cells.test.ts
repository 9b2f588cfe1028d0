/**
 * Cells the page reading got wrong, read again on their own (cells.ts
 * poorCells, rereadPoorCells): synthetic words and grid, an engine that
 * records what it is sent. No Tesseract: fast.
 */
import { describe, expect, it } from 'vitest';
import { poorCells, rereadPoorCells } from '../../src/ocr/cells.js';
import type { OcrEngine, RecogniseOptions } from '../../src/ocr/engine.js';
import type { RuledGrid } from '../../src/ocr/grid.js';
import type { PreparedPage } from '../../src/ocr/tablepage.js';
import type { GreyImage, OcrResult, OcrWord } from '../../src/ocr/types.js';

/** Columns 0 | 100 | 300 | 500, rows 0 | 80 | 200: all cells one column wide. */
const grid: RuledGrid = {
  x0: 0,
  x1: 500,
  y0: 0,
  y1: 200,
  xs: [0, 100, 300, 500],
  ys: [0, 80, 200],
  cells: [0, 1].flatMap((r) => [0, 1, 2].map((c) => ({ r, c, rowspan: 1, colspan: 1 }))),
};

function w(text: string, x0: number, y0: number, spaceBefore = false, confidence = 90): OcrWord {
  return { text, bbox: { x0, y0, x1: x0 + 12 * [...text].length, y1: y0 + 20 }, confidence, line: Math.floor(y0 / 40), spaceBefore };
}

/** Row 1: "๑" | "ไตรมาสที่ e" (a ๑ the Thai model read as e) | "lo. จัดทำ" (a number, left to number repair). */
const words: OcrWord[] = [
  w('๑', 10, 100),
  w('ไต', 110, 100, true),
  w('รมาส', 134, 100),
  w('ที่', 182, 100),
  w('e', 230, 100, true),
  w('lo.', 310, 100, true),
  w('จัด', 346, 100, true),
  w('ทำ', 382, 100),
];

describe('poorCells', () => {
  it('picks the cell with a Latin letter standing alone among Thai words, not a number read as "lo."', () => {
    expect(poorCells(grid, words, 0)).toEqual([{ x0: 100, x1: 300, y0: 80, y1: 200 }]);
  });

  it('picks a cell read with low confidence', () => {
    const low = [w('กข', 110, 20, true, 30), w('คง', 150, 20, false, 40)];
    expect(poorCells(grid, low, 0)).toEqual([{ x0: 100, x1: 300, y0: 0, y1: 80 }]);
  });
});

describe('rereadPoorCells', () => {
  const image: GreyImage & { dpi: number } = { width: 520, height: 220, data: new Uint8Array(520 * 220).fill(250), dpi: 150 };
  const prepared: PreparedPage<GreyImage & { dpi: number }> = { image, original: image, read: image, grids: [grid], skew: 0 };
  const page: OcrResult = { words, confidence: 90, width: 520, height: 220 };

  it('reads the poor cell again (PSM 6, its cut-out) and puts its words in place of the page\'s', async () => {
    const sent: Array<{ image: GreyImage; options: RecogniseOptions | undefined }> = [];
    const engine: OcrEngine = {
      languages: 'tha',
      workers: 1,
      async recognise(img, options) {
        sent.push({ image: img as GreyImage, options });
        // the cut-out: the cell (200 × 120) less 2 px each side, on a 10 px margin
        return { words: [w('ไตรมาสที่', 12, 30, false, 92), w('๑', 140, 30, true, 92)], confidence: 92, width: 216, height: 136 };
      },
      terminate: async () => undefined,
    };
    const out = await rereadPoorCells(engine, prepared, page);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.options?.psm).toBe(6);
    expect([sent[0]?.image.width, sent[0]?.image.height]).toEqual([216, 136]);
    const inCell = out.words.filter((x) => x.bbox.x0 >= 100 && x.bbox.x1 <= 300 && x.bbox.y0 >= 80).map((x) => x.text);
    expect(inCell).toEqual(['ไตรมาสที่', '๑']);
    // the other cells keep the page's words
    expect(out.words.filter((x) => x.bbox.x0 >= 300).map((x) => x.text)).toEqual(['lo.', 'จัด', 'ทำ']);
    // back in page coordinates: the cut-out's x 12 is the page's 100 + 2 − 10 + 12
    expect(out.words.find((x) => x.text === 'ไตรมาสที่')?.bbox.x0).toBe(104);
  });

  it('reads the cells in the page\'s language when the page was read in one (Thai first: no workers for all languages)', async () => {
    const sent: Array<RecogniseOptions | undefined> = [];
    const engine: OcrEngine = {
      languages: 'tha+eng',
      workers: 1,
      languagesPerImage: true,
      async recognise(_img, options) {
        sent.push(options);
        return { words: [w('ไตรมาสที่', 12, 30, false, 92), w('๑', 140, 30, true, 92)], confidence: 92, width: 216, height: 136 };
      },
      terminate: async () => undefined,
    };
    await rereadPoorCells(engine, prepared, page, 6, 'tha');
    expect(sent.map((o) => o?.languages)).toEqual(['tha']);
  });

  it('keeps the page\'s words when the cell reads no better on its own', async () => {
    const engine: OcrEngine = {
      languages: 'tha',
      workers: 1,
      recognise: async () => ({ words: [w('ๆ', 12, 30, false, 20)], confidence: 20, width: 216, height: 136 }),
      terminate: async () => undefined,
    };
    const out = await rereadPoorCells(engine, prepared, page);
    expect(out.words.map((x) => x.text)).toEqual(words.map((x) => x.text));
  });
});
