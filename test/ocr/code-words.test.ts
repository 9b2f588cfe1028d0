/**
 * Letter-and-digit codes the Thai reading wrote as digits, read again in
 * English from tight cut-outs (src/ocr/code-words.ts). Words are shaped as
 * the Thai model gave them on a 200 dpi scan of a generated report (Loma):
 * "E4 และ E13" read "๒" "4" "และ" "๒" "13", "i5" read "15". The engine is a
 * stand-in that reads the stacked cut-outs as English did there.
 */
import { describe, expect, it } from 'vitest';
import { codeLikeTokens, lettered, letteredThai, readCodeWordsAgain, thaiCodeTokens } from '../../src/ocr/code-words.js';
import type { OcrEngine, RecogniseOptions } from '../../src/ocr/engine.js';
import type { GreyImage, OcrResult, OcrWord } from '../../src/ocr/types.js';

const H = 14;
const word = (text: string, x0: number, x1: number, spaceBefore = false, line = 15, confidence = 93): OcrWord => ({
  text,
  bbox: { x0, y0: 531, x1, y1: 548 },
  confidence,
  line,
  spaceBefore,
});

/** "E4 และ E13 ช่อง" as the Thai model read it. */
const e4e13 = (): OcrWord[] => [
  word('๒', 1135, 1144, true, 15, 82),
  word('4', 1149, 1161, false, 15, 94),
  word('แล', 1170, 1190, true),
  word('ะ', 1190, 1200),
  word('๒', 1219, 1227, true, 15, 86),
  word('13', 1236, 1252, true),
  word('ช่', 1262, 1275, true),
  word('อ', 1275, 1285),
];

describe('codeLikeTokens', () => {
  it('glues the digits the Thai model split a letter and digit into, with or without a space, and leaves Thai words out', () => {
    const words = e4e13();
    expect(codeLikeTokens(words, H).map((t) => t.text)).toEqual(['๒4', '13']);
  });

  it('takes bracketed tokens with a bar, not years, dates with dots, lone digits or Thai numbers', () => {
    const words = [word('(|15)', 100, 140), word('2569', 200, 240, true), word('88.22', 300, 340, true), word('1', 400, 408, true), word('๒๕', 500, 520, true), word('(0๐07', 600, 650, true)];
    expect(codeLikeTokens(words, H).map((t) => t.text)).toEqual(['(|15)', '(0๐07']);
  });
});

describe('lettered', () => {
  it('takes a letter and digits that end what the Thai model read', () => {
    expect(lettered('๒4', 'E4')).toBe('E4');
    expect(lettered('15', 'i5')).toBe('i5');
    expect(lettered('69', 'E9')).toBe('E9');
    expect(lettered('612)', 'E12)')).toBe('E12)');
    expect(lettered('15', 'l5')).toBe('I5');
  });

  it('reads a bar between a bracket and digits as I when English reads it as a one', () => {
    expect(lettered('(|15)', '(115)')).toBe('(I15)');
    expect(lettered('(15)', '(115)')).toBeNull();
  });

  it('keeps numbers: English digits, other digits than the Thai reading, or a letter where the Thai model read more', () => {
    expect(lettered('15', '15')).toBeNull();
    expect(lettered('68', '68')).toBeNull();
    expect(lettered('14', 'ia')).toBeNull();
    expect(lettered('15', 'E7')).toBeNull();
    expect(lettered('315', 'E5')).toBeNull();
  });
});

describe('readCodeWordsAgain', () => {
  const img: GreyImage & { dpi: number } = { width: 1700, height: 800, data: new Uint8Array(1700 * 800).fill(255), dpi: 200 };
  // ink of the printed words ("E4", "และ", "E13", "ช่อง": the Thai model's boxes leave gaps inside "E13"),
  // so the cut-outs end at the blank gaps between them
  for (const [a, b] of [[1135, 1161], [1170, 1200], [1219, 1252], [1262, 1285]] as const) for (let y = 531; y < 548; y++) img.data.fill(0, y * 1700 + a, y * 1700 + b);

  /** Reads the stacked cut-outs as English words, one per run of ink between blank gaps of 4 px or more, `texts` in order. */
  function english(texts: string[]): { engine: OcrEngine; sent: Array<RecogniseOptions | undefined> } {
    const sent: Array<RecogniseOptions | undefined> = [];
    const engine: OcrEngine = {
      languages: 'tha+eng',
      workers: 1,
      languagesPerImage: true,
      terminate: async () => undefined,
      async recognise(image, options) {
        sent.push(options);
        const g = image as GreyImage;
        const ink = (x: number, y: number): boolean => (g.data[y * g.width + x] ?? 255) < 128;
        const words: OcrWord[] = [];
        let y = 0;
        while (y < g.height) {
          const row = (yy: number): boolean => Array.from({ length: g.width }, (_, x) => ink(x, yy)).some(Boolean);
          if (!row(y)) {
            y++;
            continue;
          }
          const y0 = y;
          while (y < g.height && row(y)) y++;
          const col = (x: number): boolean => Array.from({ length: y - y0 }, (_, k) => ink(x, y0 + k)).some(Boolean);
          for (let x = 0; x < g.width; ) {
            if (!col(x)) {
              x++;
              continue;
            }
            const x0 = x;
            let blank = 0;
            let x1 = x;
            for (; x < g.width && blank < 4; x++) (col(x) ? ((blank = 0), (x1 = x + 1)) : blank++);
            words.push({ text: texts[words.length] ?? '', bbox: { x0, y0, x1, y1: y }, confidence: 90, line: 0, spaceBefore: false });
          }
        }
        return { words, confidence: 90, width: g.width, height: g.height };
      },
    };
    return { engine, sent };
  }

  it('puts the English letter and digits in place of the digits the Thai model read, one word each, Thai text kept', async () => {
    const read: OcrResult = { words: e4e13(), confidence: 90, width: 1700, height: 800 };
    const { engine, sent } = english(['E4', 'uae', 'E13', 'fos']);
    const out = await readCodeWordsAgain(engine, img, read, 'eng');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.languages).toBe('eng');
    expect(out.words.map((w) => w.text)).toEqual(['E4', 'แล', 'ะ', 'E13', 'ช่', 'อ']);
  });

  it('changes nothing when English reads digits', async () => {
    const read: OcrResult = { words: e4e13(), confidence: 90, width: 1700, height: 800 };
    const out = await readCodeWordsAgain(english(['64', 'uae', '13', 'fos']).engine, img, read, 'eng');
    expect(out.words.map((w) => w.text)).toEqual(e4e13().map((w) => w.text));
  });

  it('places the code where English read it, not over a rule the Thai reading glued to it ("|61" for E1 beside a cell rule)', async () => {
    const page: GreyImage & { dpi: number } = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), dpi: 200 };
    // "E1" inked at 200-223; the Thai reading's word "|61" begins at the rule, 16 px to its left
    for (let y = 40; y < 54; y++) page.data.fill(0, y * 400 + 200, y * 400 + 223);
    const read: OcrResult = { words: [{ text: '|61', bbox: { x0: 184, y0: 40, x1: 223, y1: 54 }, confidence: 80, line: 1, spaceBefore: true }], confidence: 80, width: 400, height: 100 };
    const out = await readCodeWordsAgain(english(['E1']).engine, page, read, 'eng');
    expect(out.words.map((w) => [w.text, w.bbox.x0, w.bbox.x1])).toEqual([['E1', 200, 223]]);
  });
});

describe('Thai-digit codes whose letter the Thai model misread', () => {
  // "E๖, E๑๐, E๑๒ ข้อมูล…" as the Thai model read it on a 200 dpi scan (seed 87108): glyph by glyph
  const glyphs = (): OcrWord[] =>
    [
      ['๒', 100, 110],
      ['ซิ', 110, 120],
      ['๑,', 120, 132],
      ['๒', 140, 150],
      ['ซี', 150, 160],
      ['๑', 160, 168],
      ['๐,', 168, 180],
      ['๒', 190, 200],
      ['๑', 200, 208],
      ['๒', 208, 216],
      ['ข้อมูล', 230, 290],
    ].map(([text, x0, x1]) => word(text as string, x0 as number, x1 as number));

  it('glues the place of a letter and one or two Thai digits into a token; Thai numbers that can be one and Thai words stay out', () => {
    expect(thaiCodeTokens(glyphs(), new Set(), H).map((t) => t.text)).toEqual(['๒ซิ๑,', '๒ซี๑๐,', '๒๑๒']);
    const plain = [word('๑๕', 100, 120), word('๒๕', 140, 160, true), word('ที่๑', 180, 210, true), word('๐๙', 230, 250, true), word('๑๒๓๔', 270, 310, true)];
    expect(thaiCodeTokens(plain, new Set(), H).map((t) => t.text)).toEqual(['๐๙']);
  });

  it('takes the letter English read and the Thai digits, an item of the tool of that letter; a round glyph only as an O', () => {
    expect(letteredThai('๒๑๒', 'Eou')).toBe('E๑๒');
    expect(letteredThai('๒ซี๑๐,', 'E#0,')).toBe('E๑๐,');
    expect(letteredThai('๐๙', 'o9')).toBe('o๙');
    expect(letteredThai('อ๑๓', 'eom')).toBeNull();
    expect(letteredThai('๒๑๙', 'Eou')).toBeNull(); // e19: EIT has 15 items
    expect(letteredThai('๒๑๒', 'o')).toBeNull(); // a letter alone is no reading of the digits
    expect(letteredThai('๒๑๒', '@u')).toBeNull();
  });
});

