/**
 * Thai first, English only where the Thai reading shows Latin script
 * (src/ocr/second-pass.ts, readPage in src/ocr/page.ts). The structural
 * tests use an engine that records what it is sent (no OCR runs); the last
 * reads the committed scan 004-scan with tesseract.js.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OcrEngine, type RecogniseOptions, createOcrEngine, imageLanguages } from '../../src/ocr/engine.js';
import { readPage } from '../../src/ocr/page.js';
import { type RenderedPage, openPdfRenderer } from '../../src/ocr/render.js';
import { blankColumn, capitalOverThaiDigits, languageSplit, overThaiDigits, leadingCapital, readSuspectsAgain, stack, suspects, textHeight, withoutSpecks } from '../../src/ocr/second-pass.js';
import type { GreyImage, OcrResult, OcrWord } from '../../src/ocr/types.js';

const word = (text: string, x: number, confidence = 93, line = 0): OcrWord => ({
  text,
  bbox: { x0: x, y0: 100, x1: x + 12, y1: 120 },
  confidence,
  line,
  spaceBefore: false,
});

/** A line as the Thai model reads "ขอแนะนำ Dos & Don'ts ที่ พ.ศ. ๒๕๖๗": Latin as digits and stray letters. */
const thaiReading = (): OcrWord[] => [
  word('ข', 10),
  word('อ', 24),
  word('แน', 38),
  word('0', 70, 96),
  word('๐', 84, 57),
  word('05', 98, 87),
  word('8', 120, 79),
  word('ก', 134, 92),
  word('ไ', 148, 65),
  word('ท', 200),
  word('ี', 214),
  word('่', 228),
  word('ว', 242),
  word('ย', 256),
  word('พ', 300),
  word('.', 314),
  word('ศ', 328),
  word('.', 342),
  word('๒๕๖๗', 370, 95),
];

describe('suspects', () => {
  it('marks the run of ASCII and low-confidence words a Latin word became, not Thai text, dots or Thai numbers', () => {
    const words = thaiReading();
    const places = suspects(words);
    expect(places.map((p) => words.slice(p.from, p.to).map((w) => w.text).join(' '))).toEqual(['0 ๐ 05 8']);
  });

  it('does not join suspects of different lines', () => {
    const words = [word('0', 10, 96, 0), word('5', 30, 96, 1)];
    expect(suspects(words)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
  });

  it('makes no place of a table rule read as bars and brackets, beside Thai text or a Thai number', () => {
    // "| ๑." (a rule, then the item number), "(|" and "[ด" (a rule's corner glued to a letter), a bar read at low confidence
    const rules = [word('|', 10, 87), word('๑', 30, 91), word('.', 44, 93), word('(|', 100, 61), word('[ด', 140, 25), word('|', 200, 44), word('ก', 214)];
    expect(suspects(rules)).toEqual([]);
    // a Latin word read as digits beside a rule is still a place
    const words = [word('|', 10, 87), ...thaiReading().slice(3, 8)];
    expect(suspects(words).map((p) => words.slice(p.from, p.to).map((w) => w.text).join(' '))).toEqual(['| 0 ๐ 05 8']);
  });

  it('finds nothing in a confident Thai reading', () => {
    const words = [word('ข', 10), word('อ', 24), word('พ', 300), word('.', 314), word('ศ', 328), word('.', 342), word('๒๕๖๗', 370, 95), word('(', 400), word('ก', 414), word(')', 428)];
    expect(suspects(words)).toEqual([]);
  });
});

describe('stack and blankColumn', () => {
  // a white page with two ink blocks ("words") on one line, 30 px apart
  const img: GreyImage = { width: 300, height: 60, data: new Uint8Array(300 * 60).fill(255) };
  for (let y = 20; y < 40; y++) for (const [a, b] of [[50, 100], [130, 200]] as const) for (let x = a; x < b; x++) img.data[y * 300 + x] = 0;

  it('widens a cut-out to the nearest blank gap, never through a word', () => {
    // from inside the second block going right: out past its end
    expect(blankColumn(img, 150, 15, 45, 1, 6, 100)).toBeGreaterThanOrEqual(200);
    // from inside the first block going left: out before its start
    expect(blankColumn(img, 60, 15, 45, -1, 6, 100)).toBeLessThanOrEqual(50);
  });

  it('stacks the cut-outs one below the other on white, their ink copied', () => {
    const words = [{ ...word('0', 60), bbox: { x0: 60, y0: 20, x1: 90, y1: 40 } }];
    const { image, bands } = stack(img, words, [{ from: 0, to: 1 }], 20);
    expect(bands).toHaveLength(1);
    const b = bands[0] as (typeof bands)[number];
    // the first block whole (50–100), not the second
    expect(b.x0).toBeLessThanOrEqual(50);
    expect(b.x0 + b.width).toBeLessThan(130);
    let ink = 0;
    for (const v of image.data) if (v === 0) ink++;
    expect(ink).toBe(50 * 20);
  });

  it('cuts whole pixels from a word whose box is fractional (cut at a cell side): Tesseract cannot read an image 344.22 px high', () => {
    // colour 000 p34: the English re-reading of such a cut-out failed, and with it the whole page
    const words = [{ ...word('0', 60), bbox: { x0: 60.4, y0: 20.22, x1: 90.7, y1: 39.6 } }];
    const { image, bands } = stack(img, words, [{ from: 0, to: 1 }], 20);
    expect(Number.isInteger(image.width) && Number.isInteger(image.height)).toBe(true);
    expect(image.data.length).toBe(image.width * image.height);
    for (const b of bands) for (const v of [b.x0, b.y0, b.width, b.height, b.top, b.left]) expect(Number.isInteger(v)).toBe(true);
    let ink = 0;
    for (const v of image.data) if (v === 0) ink++;
    expect(ink).toBe(50 * 20);
  });
});

describe('stack: whole pixels from fractional word boxes', () => {
  // word boxes mapped back from a cell read at its own scale are fractional (held-out scan: a 170 × 690.94
  // cut-out, which the engine could not read: "pixReadStreamPnm: header read failed", the page's header lost)
  it('gives an image of whole width and height, its data that size', () => {
    const img: GreyImage = { width: 300, height: 80, data: new Uint8Array(300 * 80).fill(255) };
    for (let y = 21; y < 39; y++) for (let x = 51; x < 99; x++) img.data[y * 300 + x] = 0;
    const words = [{ ...word('i5', 0), bbox: { x0: 50.37, y0: 20.61, x1: 98.94, y1: 39.28 } }, { ...word('e9', 0), bbox: { x0: 50.37, y0: 45.5, x1: 98.2, y1: 60.77 } }];
    const { image, bands } = stack(img, words, [{ from: 0, to: 1 }, { from: 1, to: 2 }], 18.4);
    expect(Number.isInteger(image.width) && Number.isInteger(image.height)).toBe(true);
    expect(image.data.length).toBe(image.width * image.height);
    for (const b of bands) for (const v of [b.x0, b.y0, b.left, b.top, b.width, b.height]) expect(Number.isInteger(v)).toBe(true);
    let ink = 0;
    for (const v of image.data) if (v === 0) ink++;
    expect(ink).toBe(48 * 18);
  });
});

/** An engine that records what it is sent and reads `reading` on the first image, nothing after. */
function recorder(reading: OcrWord[], languagesPerImage = true): { engine: OcrEngine; sent: Array<{ image: GreyImage; options: RecogniseOptions | undefined }> } {
  const sent: Array<{ image: GreyImage; options: RecogniseOptions | undefined }> = [];
  const engine: OcrEngine = {
    languages: 'tha+eng',
    workers: 1,
    name: 'recorder',
    languagesPerImage,
    async recognise(image, options) {
      const img = image as GreyImage;
      sent.push({ image: img, options });
      const words = sent.length === 1 ? reading : [];
      const r: OcrResult = { words, confidence: 90, width: img.width, height: img.height };
      return r;
    },
    terminate: async () => undefined,
  };
  return { engine, sent };
}

/** An engine that reads the words of `eng` (filled in by the test) for English, nothing for any other language. */
function englishReader(eng: OcrWord[], confidence = 60): OcrEngine {
  return {
    ...recorder([]).engine,
    async recognise(image, options) {
      const img = image as GreyImage;
      return { words: options?.languages === 'eng' ? eng : [], confidence, width: img.width, height: img.height };
    },
  };
}

/** A page-sized white image with some ink (readPage does not send a blank page). */
function page(): RenderedPage {
  const img = { width: 1240, height: 1754, dpi: 150, data: new Uint8Array(1240 * 1754).fill(255) };
  for (let y = 100; y < 1600; y += 40) for (let x = 100; x < 1100; x++) if (x % 7 < 4) img.data[(y + (x % 11)) * img.width + x] = 0;
  return img;
}

describe('withoutSpecks', () => {
  // the sample archive's scan, read in Thai: beside the table rule at x≈372 a box 1 px wide and
  // 4 px high read "7" (confidence 66) among letters 11–20 px high (their words as read)
  const at = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 93): OcrWord => ({ text, bbox: { x0, y0, x1, y1 }, confidence, line: 21, spaceBefore: false });
  const cell = (): OcrWord[] => [
    at('ก', 286, 957, 299, 971),
    at('า', 305, 957, 316, 971),
    at('ร', 312, 944, 332, 982, 94),
    at('7', 372, 960, 373, 964, 66),
    at('ข้', 523, 951, 552, 973, 96),
    at('อ', 544, 947, 558, 988, 96),
    at('๓', 570, 961, 578, 973, 96),
    at('.', 580, 970, 582, 972),
    // the line above, as read ("สำนักงาน": bodies 14–15 px, with marks 20–40)
    ...['ส', 'น', 'ก', 'ง', 'า', 'น'].map((t, i) => at(t, 400 + 14 * i, 839, 411 + 14 * i, 853)),
    at('ำ', 414, 824, 424, 853),
    at('ั', 440, 822, 448, 862),
  ];

  it('drops a Latin letter or ASCII digit far smaller than the text, keeping Thai words, marks and dots', () => {
    const r = withoutSpecks({ words: cell(), confidence: 90, width: 1762, height: 1253 });
    expect(r.words.map((w) => w.text).slice(0, 7)).toEqual(['ก', 'า', 'ร', 'ข้', 'อ', '๓', '.']);
    expect(r.words).toHaveLength(cell().length - 1);
  });

  it('keeps a digit of the text\'s height', () => {
    const words = cell().map((w) => (w.text === '7' ? at('7', 372, 958, 380, 972, 66) : w));
    expect(withoutSpecks({ words, confidence: 90, width: 1762, height: 1253 }).words.map((w) => w.text)).toContain('7');
  });

  it('is applied to the Thai reading before the second pass', async () => {
    const { engine } = recorder([]);
    const img = { width: 1762, height: 1253, dpi: 150, data: new Uint8Array(1762 * 1253).fill(255) };
    const { result } = await readSuspectsAgain(engine, img, { words: cell(), confidence: 90, width: 1762, height: 1253 }, 'eng');
    expect(result.words.map((w) => w.text)).not.toContain('7');
  });
});

describe('leadingCapital', () => {
  // scanbench 004 p3, "ข้อ E ๑๑" and "ข้อ E ๔": read in Thai "6 ๑๑" and "5 ๕", in English "Eoo" (50) and "Ec" (66) (boxes as read)
  const w = (text: string, x0: number, y0: number, x1: number, y1: number, confidence: number): OcrWord => ({ text, bbox: { x0, y0, x1, y1 }, confidence, line: 10, spaceBefore: true });
  const thaiE11 = [w('6', 665, 496, 672, 521, 78), w('๑', 692, 506, 699, 521, 91), w('๑', 705, 505, 720, 521, 97)];
  const thaiE4 = [w('5', 1234, 354, 1251, 379, 81), w('๕', 1274, 358, 1283, 379, 94)];

  it('finds the ASCII digit the capital became, before Thai digits', () => {
    expect(leadingCapital(w('Eoo', 656, 496, 720, 521, 51), thaiE11, 20)).toBe(0);
    expect(leadingCapital(w('Ec', 1234, 354, 1283, 379, 66), thaiE4, 20)).toBe(0);
  });

  it('leaves Thai text, a capital that is not at the digit, and capitals a digit may rightly be', () => {
    // "X" over "ส ณั" (the same page)
    expect(leadingCapital(w('X', 1349, 431, 1368, 447, 40), [w('ส', 1346, 427, 1352, 456, 84), w('ณั', 1349, 431, 1368, 447, 53)], 20)).toBeNull();
    expect(leadingCapital(w('Eoo', 620, 496, 720, 521, 51), thaiE11, 20)).toBeNull();
    expect(leadingCapital(w('Ioo', 656, 496, 720, 521, 51), thaiE11, 20)).toBeNull();
    expect(leadingCapital(w('Eoo', 656, 496, 720, 521, 51), [...thaiE11, w('ab', 722, 496, 740, 521, 60)], 20)).toBeNull();
  });

  it('puts the capital in place of the digit in the second pass, keeping the Thai digits', async () => {
    const eng = [w('Eoo', 0, 0, 0, 0, 51)];
    // the English reading of the stacked cut-out: the word where the place was put (its band's left and top)
    const engine = englishReader(eng, 50);
    const img = { width: 1000, height: 600, dpi: 150, data: new Uint8Array(1000 * 600).fill(255) };
    const first = { words: [w('ข้', 600, 490, 630, 521, 95), w('อ', 630, 496, 645, 521, 95), ...thaiE11], confidence: 90, width: 1000, height: 600 };
    const places = suspects(first.words);
    expect(places).toHaveLength(1);
    // the text height readSuspectsAgain measures: the median of the consonant words (ข้ 31 px, อ 25 px)
    const { image, bands } = stack(img, first.words, places, 31);
    const b = bands[0] as (typeof bands)[number];
    // the English word over the digit and the Thai digits, in the stacked image's coordinates
    eng[0] = w('Eoo', 656 - b.x0 + b.left, 496 - b.y0 + b.top, 720 - b.x0 + b.left, 521 - b.y0 + b.top, 51);
    expect(image.height).toBeGreaterThan(0);
    const { result } = await readSuspectsAgain(engine, img, first, 'eng');
    expect(result.words.map((x) => x.text).join(' ')).toBe('ข้ อ E ๑ ๑');
  });

  it('keeps the Thai digits under a capital English read surely ("ข้อ E ๔" of a 300 dpi scan: "6 ๕" in Thai, "Ee" at 71 in English)', async () => {
    // q300 004 p4 (boxes as read): the English word, sure enough to be taken whole, had thrown the digit away
    const thai = [w('ข้', 1086, 183, 1110, 216, 96), w('อ', 1110, 170, 1126, 232, 96), w('6', 1131, 192, 1144, 216, 83), w('๕', 1154, 195, 1175, 217, 96), w('ใน', 1191, 183, 1217, 217, 96)].map((x) => ({ ...x, line: 1 }));
    const eng: OcrWord[] = [];
    const engine = englishReader(eng);
    const img = { width: 1758, height: 400, dpi: 150, data: new Uint8Array(1758 * 400).fill(255) };
    const first = { words: thai, confidence: 90, width: 1758, height: 400 };
    const H = textHeight(thai);
    const { bands } = stack(img, thai, suspects(thai), H);
    const b = bands[0] as (typeof bands)[number];
    eng.push({ ...w('Ee', 1131 - b.x0 + b.left, 192 - b.y0 + b.top, 1175 - b.x0 + b.left, 217 - b.y0 + b.top, 71), line: 1 });
    // in page coordinates: the capital over the digit, the rest over Thai digits only (not over a Thai word)
    expect(capitalOverThaiDigits(w('Ee', 1131, 192, 1175, 217, 71), thai.slice(2, 4), H)).toBe(true);
    expect(capitalOverThaiDigits(w('Ee', 1131, 192, 1217, 217, 71), thai.slice(2, 5), H)).toBe(false);
    const { result } = await readSuspectsAgain(engine, img, first, 'eng');
    expect(result.words.map((x) => x.text).join(' ')).toBe('ข้ อ E ๕ ใน');
  });
});

describe('a code of an ASCII character and Thai digits under a sure English word', () => {
  const w = (text: string, x0: number, y0: number, x1: number, y1: number, confidence: number): OcrWord => ({ text, bbox: { x0, y0, x1, y1 }, confidence, line: 21, spaceBefore: true });
  // layout scan g84107 p3 (boxes as read): "ข้อ i๒ i๓ และ i๑๓" read "ข้อ 1๒ 1๓ และ 1๑๓" in Thai, the first "Te" at 76 in English
  const thai = [w('ข้', 320, 918, 342, 963, 96), w('อ', 342, 918, 354, 963, 96), w('1', 361, 931, 374, 948, 64), w('๒', 373, 918, 385, 963, 93), w('แล', 426, 936, 463, 949, 93), w('ะ', 465, 937, 474, 949, 93), w('ข', 700, 932, 712, 949, 93), w('ม', 714, 932, 726, 949, 93)];
  it('keeps the Thai reading: English has no Thai digits, and a "T" is no code letter', async () => {
    const eng: OcrWord[] = [];
    const engine = englishReader(eng);
    const img = { width: 1771, height: 1265, dpi: 150, data: new Uint8Array(1771 * 1265).fill(255) };
    const H = textHeight(thai);
    const { bands } = stack(img, thai, suspects(thai), H);
    const b = bands[0] as (typeof bands)[number];
    eng.push({ ...w('Te', 361 - b.x0 + b.left, 931 - b.y0 + b.top, 387 - b.x0 + b.left, 948 - b.y0 + b.top, 76), line: 21 });
    expect(overThaiDigits(w('Te', 361, 931, 387, 948, 76), thai.slice(2, 4), H)).toBe(true);
    // a Latin word over Thai letters is no code
    expect(overThaiDigits(w('Te', 361, 931, 463, 948, 76), thai.slice(2, 5), H)).toBe(false);
    const { result } = await readSuspectsAgain(engine, img, { words: thai, confidence: 90, width: 1771, height: 1265 }, 'eng');
    expect(result.words.map((x) => x.text).join(' ')).toBe('ข้ อ 1 ๒ แล ะ ข ม');
  });
});

describe('readPage, Thai first', () => {
  it('reads the page in Thai alone, then the suspect places once, in English, as one small image', async () => {
    const { engine, sent } = recorder(thaiReading());
    await readPage(engine, page(), { rotations: false, thaiFirst: true });
    expect(sent.map((s) => s.options?.languages)).toEqual(['tha', 'eng']);
    const [whole, again] = sent.map((s) => s.image) as [GreyImage, GreyImage];
    expect(whole.width * whole.height).toBe(1240 * 1754);
    expect(again.width * again.height).toBeLessThan((whole.width * whole.height) / 50);
    expect(sent[1]?.options?.psm).toBe(6);
  });

  it('reads nothing again when the Thai reading has no suspect place', async () => {
    const { engine, sent } = recorder(thaiReading().filter((w) => /[ก-ฮ]/.test(w.text) && w.confidence >= 90));
    await readPage(engine, page(), { rotations: false, thaiFirst: true });
    expect(sent.map((s) => s.options?.languages)).toEqual(['tha']);
  });

  it('keeps the Thai reading when reading a suspect place again fails (an engine error costs the refinement, not the page)', async () => {
    const { engine, sent } = recorder(thaiReading());
    const failing: OcrEngine = {
      ...engine,
      async recognise(image, options) {
        if (sent.length >= 1) {
          sent.push({ image: image as GreyImage, options });
          throw new Error('pixReadStreamPnm: header read failed');
        }
        return engine.recognise(image, options);
      },
    };
    const { result } = await readPage(failing, page(), { rotations: false, thaiFirst: true });
    expect(sent.map((s) => s.options?.languages)).toEqual(['tha', 'eng']);
    expect(result.words.map((w) => w.text).join('')).toBe(thaiReading().map((w) => w.text).join(''));
  });

  it('reads Thai first by default', async () => {
    const { engine, sent } = recorder(thaiReading());
    await readPage(engine, page(), { rotations: false });
    expect(sent.map((s) => s.options?.languages)).toEqual(['tha', 'eng']);
  });

  it('reads with every language at once when asked, or when the engine cannot choose per image', async () => {
    for (const [perImage, thaiFirst] of [[true, false], [false, true], [false, undefined]] as const) {
      const { engine, sent } = recorder(thaiReading(), perImage);
      await readPage(engine, page(), { rotations: false, thaiFirst });
      expect(sent.map((s) => s.options?.languages)).toEqual([undefined]);
    }
  });

  it('splits only engines whose first language is Thai', () => {
    const e = (languages: string): OcrEngine => ({ ...recorder([]).engine, languages });
    expect(languageSplit(e('tha+eng'))).toEqual({ first: 'tha', rest: 'eng' });
    expect(languageSplit(e('tha'))).toBeNull();
    expect(languageSplit(e('eng+tha'))).toBeNull();
  });

  it('imageLanguages keeps a subset of the engine\'s languages, else all of them', () => {
    expect(imageLanguages('tha+eng', 'tha')).toBe('tha');
    expect(imageLanguages('tha+eng', 'eng+tha')).toBe('tha+eng');
    expect(imageLanguages('tha+eng', 'fra')).toBe('tha+eng');
    expect(imageLanguages('tha+eng', undefined)).toBe('tha+eng');
  });
});

describe('readPage, Thai first, with tesseract.js (one page)', () => {
  let scan: RenderedPage;
  beforeAll(async () => {
    const r = await openPdfRenderer(new Uint8Array(readFileSync(new URL('../../fixtures/scans/004-scan.pdf', import.meta.url))));
    try {
      scan = await r.render(1, 150);
    } finally {
      await r.close();
    }
  }, 60_000);

  it('finds the English of the page (the IIT heading, "Social Network") and puts no Latin garbage into Thai lines', async () => {
    const real = createOcrEngine({ workers: 1 });
    const sent: Array<RecogniseOptions | undefined> = [];
    const engine: OcrEngine = { ...real, languagesPerImage: true, languages: real.languages, recognise: (img, o) => (sent.push(o), real.recognise(img, o)) };
    try {
      const { result } = await readPage(engine, scan, { rotations: false, thaiFirst: true });
      // the page in Thai, its suspect places in English, then its short digit tokens (code-words.ts) in English
      expect(sent.map((o) => o?.languages)).toEqual(['tha', 'eng', 'eng']);
      const latin = result.words.filter((w) => /[A-Za-z]/.test(w.text)).map((w) => w.text);
      expect(latin).toEqual(expect.arrayContaining(['Integrity', 'Transparency', 'Social', 'Network']));
      expect(latin.some((t) => /^IIT/.test(t))).toBe(true);
      // every Latin word is one of the page's (read together with tha+eng, Tesseract writes dozens of Latin fragments into Thai lines)
      const page = readFileSync(new URL('../../fixtures/scans/004-scan.p1.txt', import.meta.url), 'utf8');
      for (const t of latin) expect(page).toContain(t.replace(/[^A-Za-z]/g, ''));
    } finally {
      await real.terminate();
    }
  }, 120_000);
});
