/**
 * The code words read again in English are cut from the image `cutFrom` gives
 * (page.ts readPage): the PDF path gives the page with its table rules
 * erased, so a code in a narrow cell is not read with the cell's rules. The
 * wider suspects are cut from the page as rendered (cut from the rule-free
 * page, a held-out layout scan lost all its rows).
 * A stand-in engine: the Thai reading gives a code-like word, the English
 * readings record the pixels they were sent.
 */
import { describe, expect, it } from 'vitest';
import type { OcrEngine } from '../../src/ocr/engine.js';
import { type PageImage, readPage } from '../../src/ocr/page.js';
import type { GreyImage, OcrWord } from '../../src/ocr/types.js';

function page(level: number): PageImage {
  const img: PageImage = { width: 600, height: 400, data: new Uint8Array(600 * 400).fill(255), dpi: 200 };
  // "E1" at 300-323, and a rule to its left at 284-286 (in the original only)
  for (let y = 100; y < 114; y++) img.data.fill(level, y * 600 + 300, y * 600 + 323);
  return img;
}

describe('readPage: cutFrom', () => {
  it('cuts the code words read again in English from the image cutFrom gives (the suspects from the page as rendered)', async () => {
    const original = page(40);
    for (let y = 60; y < 160; y++) original.data.fill(40, y * 600 + 284, y * 600 + 286);
    const clean = page(0);
    const english: GreyImage[] = [];
    const word: OcrWord = { text: '|61', bbox: { x0: 284, y0: 100, x1: 323, y1: 114 }, confidence: 80, line: 1, spaceBefore: true };
    const thai: OcrWord = { text: 'การ', bbox: { x0: 100, y0: 100, x1: 140, y1: 114 }, confidence: 90, line: 1, spaceBefore: false };
    const engine: OcrEngine = {
      languages: 'tha+eng',
      workers: 1,
      languagesPerImage: true,
      terminate: async () => undefined,
      async recognise(image, options) {
        const g = image as GreyImage;
        if (options?.languages === 'eng') {
          english.push(g);
          return { words: [], confidence: 0, width: g.width, height: g.height };
        }
        return { words: [thai, word], confidence: 85, width: g.width, height: g.height };
      },
    };
    await readPage(engine, original, { rotations: false, cutFrom: (img) => (img === original ? clean : undefined) });
    expect(english.length).toBeGreaterThan(0);
    // the code word "|61" is cut from the clean image: its ink, none of the original's rule
    expect(english.some((g) => g.data.includes(0) && !g.data.includes(40))).toBe(true);
  });
});
