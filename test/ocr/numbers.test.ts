/** Number tokens of OCR'd lines and the clean-up of OCR text (src/ocr/numbers.ts, src/ocr/pdf.ts). */
import { describe, expect, it } from 'vitest';
import { position, table, paragraph, row, cell } from '../../src/model/blocks.js';
import { readFileSync } from 'node:fs';
import { applyDecisions, decide, findNumberTokens, kindOf, monthBefore, numberCandidates } from '../../src/ocr/numbers.js';
import { blockWithoutStrayMarks } from '../../src/ocr/pdf.js';
import type { OcrWord } from '../../src/ocr/types.js';

/** One line of words, each character a word (as Tesseract gives Thai), 20 px wide, glued unless a space is written. */
function line(text: string): OcrWord[] {
  const words: OcrWord[] = [];
  let x = 0;
  let space = false;
  for (const ch of text) {
    if (ch === ' ') {
      x += 12;
      space = true;
      continue;
    }
    words.push({ text: ch, bbox: { x0: x, y0: 0, x1: x + 20, y1: 30 }, confidence: 90, line: 0, spaceBefore: space });
    x += 21;
    space = false;
  }
  return words;
}

describe('findNumberTokens', () => {
  it('ends a number at a range dash: "ต.ค. ๒๓-ก.ย.๒๘" gives ๒๓ and ๒๘, the ก stays a month', () => {
    const tokens = findNumberTokens(line('ต.ค. ๒๓-ก.ย.๒๘'));
    expect(tokens.map((t) => t.raw)).toEqual(['๒๓', '๒๘']);
  });
  it('takes both as years after a month, even with a stray mark after the dot ("ก.ุย.")', () => {
    const tokens = findNumberTokens(line('ต.ค. ๒๓-ก.ุย.๒๘'));
    expect(tokens.map((t) => [t.raw, kindOf(t)])).toEqual([
      ['๒๓', 'year'],
      ['๒๘', 'year'],
    ]);
  });
});

describe('a number whose last digit shares its word with a closing bracket', () => {
  it('takes the digit and leaves the bracket: "มีนาคม ๒๕๒๑)" with "๑)" one word', () => {
    const ws = line('มีนาคม ๒๕๒');
    const last = ws[ws.length - 1] as OcrWord;
    ws.push({ text: '๑)', bbox: { x0: last.bbox.x1 + 1, y0: 0, x1: last.bbox.x1 + 41, y1: 30 }, confidence: 90, line: 0, spaceBefore: false });
    const [t] = findNumberTokens(ws);
    expect(t?.raw).toBe('๒๕๒๑');
    expect(t?.words).toHaveLength(4);
    // the number's ink ends halfway through the last word (two characters)
    expect(t?.x1).toBe(last.bbox.x1 + 21);
    // a re-read number keeps the bracket after it
    const d = { candidate: { page: 1, token: t as NonNullable<typeof t>, glyphs: [], kind: 'year' as const }, text: '๒๕๖๖', best: '๒๕๖๖', changed: true, sure: true, reason: null, glyphCost: 0.05 };
    expect(applyDecisions(ws, [d]).map((w) => w.text).join('')).toBe('มีนาคม๒๕๖๖)');
  });
});

describe('a year read as a Latin word after a month', () => {
  it('is a number token, its closing bracket left out ("มีนาคม ๒๕๖๖)" read as "มีนาคม lady)")', () => {
    const ws = line('เดือนตุลาคม ๒๕๒๕ - มีนาคม');
    const last = ws[ws.length - 1] as OcrWord;
    ws.push({ text: 'lady)', bbox: { x0: last.bbox.x1 + 12, y0: 0, x1: last.bbox.x1 + 112, y1: 30 }, confidence: 60, line: 0, spaceBefore: true });
    const t = findNumberTokens(ws).find((x) => x.cued);
    expect(t?.raw).toBe('lady');
    expect(t && kindOf(t)).toBe('year');
    expect(t?.x1).toBe(last.bbox.x1 + 92);
    // not after any word: a Latin word that is no year's length, or not after a month or year cue
    const withWord = (text: string, word: string): OcrWord[] => {
      const w = line(text);
      const end = (w[w.length - 1] as OcrWord).bbox.x1;
      return [...w, { text: word, bbox: { x0: end + 12, y0: 0, x1: end + 112, y1: 30 }, confidence: 60, line: 0, spaceBefore: true }];
    };
    expect(findNumberTokens(withWord('ตามแผน', 'lady)')).filter((x) => x.cued)).toEqual([]);
    expect(findNumberTokens(withWord('มีนาคม', 'ladybird)')).filter((x) => x.cued)).toEqual([]);
    expect(findNumberTokens(withWord('มีนาคม', 'lady)')).filter((x) => x.cued)).toHaveLength(1);
  });
});

describe('blockWithoutStrayMarks', () => {
  it('drops Thai marks OCR put after a dot or dash, in paragraphs and table cells, and nothing else', () => {
    const p = blockWithoutStrayMarks(paragraph('ต.ค. ๖๗-ก.ุย.๖๘ ที่ดำเนินการ', position(1, null)));
    expect(p).toMatchObject({ text: 'ต.ค. ๖๗-ก.ย.๖๘ ที่ดำเนินการ' });
    const t = blockWithoutStrayMarks(table([row([cell(['ก.ุย. ๖๘', 'ผู้รับผิดชอบ'])], position(1, null))], position(1, null)));
    expect(t.type === 'table' && t.rows[0]!.cells[0]!.paragraphs).toEqual(['ก.ย. ๖๘', 'ผู้รับผิดชอบ']);
  });
  it('undoes the letters and spaces OCR puts around a month and its year, in paragraphs and cells', () => {
    const p = blockWithoutStrayMarks(paragraph('ดต.ค. ๖๗ฒ- ก.ย.๖ ๘ เมื่อ ภายในต.ค. ๖๗', position(1, null)));
    expect(p).toMatchObject({ text: 'ต.ค. ๖๗- ก.ย.๖๘ เมื่อ ภายในต.ค. ๖๗' });
    const t = blockWithoutStrayMarks(table([row([cell(['เต.ค. ๖๗-ก.ย.๖๘'])], position(1, null))], position(1, null)));
    expect(t.type === 'table' && t.rows[0]?.cells[0]?.paragraphs).toEqual(['ต.ค. ๖๗-ก.ย.๖๘']);
  });

  it('gives back a month abbreviation the dot OCR read as ุ ("ต.ค. ๖๗-กุย.๖๘" of a 200 dpi scan), and leaves words with ุ alone', () => {
    const p = blockWithoutStrayMarks(paragraph('ต.ค. ๖๗-กุย.๖๘ กุยช่าย ทุกส่วน', position(1, null)));
    expect(p).toMatchObject({ text: 'ต.ค. ๖๗-ก.ย.๖๘ กุยช่าย ทุกส่วน' });
    const t = blockWithoutStrayMarks(table([row([cell(['ต.ค. ๖๗ - กุย. ๖๘'])], position(1, null))], position(1, null)));
    expect(t.type === 'table' && t.rows[0]!.cells[0]!.paragraphs).toEqual(['ต.ค. ๖๗ - ก.ย. ๖๘']);
  });
});

describe('monthBefore', () => {
  it('reads the month a year follows, abbreviated, with a stray mark, or written out', () => {
    expect(monthBefore('ดำเนินการ ต.ค.')).toBe(10);
    expect(monthBefore('๒๓-ก.ุย.')).toBe(9);
    expect(monthBefore('เดือนตุลาคม ')).toBe(10);
    // the dot read as ุ
    expect(monthBefore('๖๗-กุย.')).toBe(9);
    expect(monthBefore('ได้คะแนน')).toBeNull();
  });
});

describe('findNumberTokens: a digit misread as a letter before a decimal point', () => {
  it('keeps "๕ฆ.๓๕" (a score, ๗ read as ฆ) as one number to repair', () => {
    expect(findNumberTokens(line('ได้คะแนน ๕ฆ.๓๕ อยู่ในระดับ')).map((t) => t.raw)).toEqual(['๕ฆ.๓๕']);
    // a letter after a single digit without a decimal point is a word: "๑ ก"
    expect(findNumberTokens(line('ข้อ ๑ก อื่น')).map((t) => t.raw)).toEqual(['๑']);
  });
});

describe('findNumberTokens: a score whose ๗ was read as a letter, the decimal point set apart', () => {
  it('keeps "๕ฒ.๓๕" as one number (word boxes of a 300 dpi scan of "โดยภาพรวมได้คะแนน ๘๗.๓๕ อยู่ในระดับ")', () => {
    // [text, x0, y0, x1, y1, space before] as Tesseract gave them (scans-q q300, 003 page 1)
    const real: Array<[string, number, number, number, number, boolean]> = [
      ['ร', 91, 270, 102, 285, false], ['ว', 104, 270, 115, 285, false], ['ม', 119, 270, 131, 285, false], ['ได', 133, 262, 159, 285, false],
      ['้', 164, 270, 173, 285, false], ['ค', 172, 258, 185, 295, false], ['ะ', 184, 270, 198, 285, false], ['แน', 202, 270, 225, 285, false],
      ['น', 227, 270, 240, 285, false], ['๕', 255, 269, 269, 285, true], ['ฒ', 271, 270, 284, 285, false], ['.', 291, 282, 294, 285, false],
      ['๓', 297, 273, 309, 285, false], ['๕', 314, 269, 323, 285, false], ['อ', 334, 258, 346, 295, true], ['ย', 346, 270, 353, 285, false],
      ['ู', 357, 265, 367, 291, false], ['่', 371, 262, 379, 285, false], ['ใน', 378, 258, 399, 295, false], ['ร', 401, 270, 411, 285, false],
    ];
    const words: OcrWord[] = real.map(([text, x0, y0, x1, y1, spaceBefore]) => ({ text, bbox: { x0, y0, x1, y1 }, confidence: 80, line: 3, spaceBefore }));
    expect(findNumberTokens(words).map((t) => t.raw)).toEqual(['๕ฒ.๓๕']);
  });
});

/** A crop of a real scan (fixtures/ocr-crops: PGM and Tesseract's word boxes on it). */
function crop(stem: string): { img: { width: number; height: number; data: Uint8Array }; words: OcrWord[] } {
  const dir = new URL('../../fixtures/ocr-crops/', import.meta.url);
  const pgm = readFileSync(new URL(`${stem}.pgm`, dir));
  const [, w, h] = /^P5\n(\d+) (\d+)\n255\n/.exec(pgm.subarray(0, 20).toString('latin1')) ?? [];
  const img = { width: Number(w), height: Number(h), data: new Uint8Array(pgm.subarray(pgm.length - Number(w) * Number(h))) };
  const real = JSON.parse(readFileSync(new URL(`${stem}.words.json`, dir), 'utf8')) as Array<[string, number, number, number, number, boolean]>;
  return { img, words: real.map(([text, x0, y0, x1, y1, spaceBefore]) => ({ text, bbox: { x0, y0, x1, y1 }, confidence: 80, line: 0, spaceBefore })) };
}

describe('decide: a year read clearly but far from the document\'s year', () => {
  it('keeps the reading and doubts it, naming the nearer reading ("ปีงบประมาณ ๒๕๖๗" of a 300 dpi scan, its ๗ read as ๓)', () => {
    const { img, words } = crop('year-far');
    const c = numberCandidates(1, words, img).find((x) => x.kind === 'year');
    expect(c?.token.raw).toBe('๒๕๒ซ');
    if (!c) return;
    // alone, 2563 is a plausible year
    expect(decide(c)).toMatchObject({ text: '๒๕๖๓', sure: true });
    expect(decide(c).doubt).toBeUndefined();
    // in a document whose years are 2567–2568 it is five years off: flagged, ๒๕๖๗ offered
    const d = decide(c, new Set([2568]));
    expect(d.text).toBe('๒๕๖๓');
    expect(d.doubt?.[0]).toBe('๒๕๖๗');
    expect(d.doubtReason).toMatch(/2563 is 5 years from .* 2568/);
  });
});

describe('findNumberTokens: a year and the item number after it', () => {
  it('ends the year at four digits: "พ.ศ. ๒๕๖๘ ๒) มีการ" (crop of a 300 dpi scan) is ๒๕๖๘ and ๒, not ๒๕๒๕๒', () => {
    const { img, words } = crop('year-then-item');
    expect(findNumberTokens(words, img).map((t) => t.raw)).toEqual(['๒๕๒๕', '๒']);
    // and the glyphs read the year right (the model wrote ๒๕๒๕)
    const year = numberCandidates(1, words, img).find((c) => c.kind === 'year');
    expect(year && decide(year).text).toBe('๒๕๖๘');
  });
});

describe('decide: an Arabic digit the model wrote among Thai ones', () => {
  it('gives way to the glyph\'s clear Thai reading ("๒๕๖๖" of a 300 dpi scan, written ๒๕๒5 by the model, was kept ๒๕๖5 = 2565)', () => {
    const { img, words } = crop('year-arabic-digit');
    const c = numberCandidates(1, words, img).find((x) => x.kind === 'year');
    expect(c?.token.raw).toBe('๒๕๒5');
    if (c) expect(decide(c, new Set([2566])).text).toBe('๒๕๖๖');
  });
});

describe('a day read as a Latin word before a month', () => {
  it('is a number to read: "พ.ศ.๒๕๖๕ - ๓๐ กันยายน" of a 200 dpi scan, ๓๐ written "mo", reads ๓๐', () => {
    const { img, words } = crop('day-as-latin');
    const tokens = findNumberTokens(words, img);
    expect(tokens.map((t) => t.raw)).toEqual(['๒๕๒๕', 'mo']);
    const day = numberCandidates(1, words, img).find((c) => c.token.raw === 'mo');
    expect(day?.kind).toBe('day');
    if (day) expect(decide(day, new Set([2566])).text).toBe('๓๐');
  });
});

describe('a number read as a Latin letter after รอบ', () => {
  it('is read from its glyph: "รอบ ๖ เดือน" of a 150 dpi scan, ๖ written "b", reads ๖', () => {
    const { img, words } = crop('months-as-latin');
    const c = numberCandidates(1, words, img).find((x) => x.token.raw === 'b');
    expect(c?.token.cued).toBe(true);
    if (c) expect(decide(c).text).toBe('๖');
  });
});

describe('a thousands comma between the digits of an amount', () => {
  it('stays a comma: "๒๐,๐๐๐" in a budget cell of a 200 dpi scan was re-read ๒๐๑๐๐๐ (the comma, its tail below the line, taken for ๑)', () => {
    const { img, words } = crop('amount-comma');
    const c = numberCandidates(1, words, img).find((x) => x.token.raw === '๒๐,๐๐๐');
    expect(c?.glyphs.map((g) => (g.scores ? 'd' : g.raw)).join('')).toBe('dd,ddd');
    if (c) expect(decide(c).text).toBe('๒๐,๐๐๐');
  });
});

describe('a dash that blur thickened', () => {
  it('stays a dash: "ไตรมาสที่ ๑-๒" of a 200 dpi office scan (dash 3 px at a 9.6 px digit height) was re-read ๑๒๒', () => {
    const { img, words } = crop('quarter-range-dash');
    const c = numberCandidates(1, words, img).find((x) => x.token.raw === '๑-๒');
    expect(c?.glyphs.map((g) => g.raw)).toEqual(['๑', '-', '๒']);
    if (c) expect(decide(c).text).toBe('๑-๒');
  });

  it('lines the model\'s characters up with the glyphs when it wrote a digit for the dash ("๑-๒" of a 200 dpi colour scan written ๑๒๒, re-read ๖-๒)', () => {
    const { img, words } = crop('quarter-range-dash-as-digit');
    const c = numberCandidates(1, words, img).find((x) => x.token.raw === '๑๒๒');
    // the ๑'s own raw reading stays with its glyph (which the net alone takes for a poor ๖)
    expect(c?.glyphs.map((g) => g.raw)).toEqual(['๑', '-', '๒']);
    if (c) expect(decide(c).text).toBe('๑-๒');
  });
});

describe('a digit the model wrote as a guillemet', () => {
  it('is a place of the number: "มีนาคม ๒๕๖๖)" of a 1-bit scan written "๒๕9" "๒»)" reads ๒๕๖๖ (was kept ๒๕9, and the page read ๒๕9๒ = 2592)', () => {
    const { img, words } = crop('year-six-as-guillemet-g4');
    const [t] = findNumberTokens(words, img);
    expect(t?.raw).toBe('๒๕9๒»');
    const c = numberCandidates(1, words, img).find((x) => x.kind === 'year');
    if (c) expect(decide(c, new Set([2566]))).toMatchObject({ text: '๒๕๖๖', sure: true });
    expect(c).toBeDefined();
  });
});

describe('a quarter: the numbers after ไตรมาส are 1–4', () => {
  it('keeps ๑ the model read where the net alone takes the small glyph for ๖: "ไตรมาสที่ ๑-๒" of a 1-bit scan read at 150 dpi (re-read ๖-๒, the period lost)', () => {
    const { img, words } = crop('quarter-one-as-six-g4');
    const c = numberCandidates(1, words, img).find((x) => x.token.raw === '๑-๒');
    expect(c?.kind).toBe('quarter');
    // the net's best for the ๑ is ๖ (a 7 × 9 px glyph)
    expect(c?.glyphs[0]?.scores?.[0]?.digit).toBe('๖');
    if (c) expect(decide(c)).toMatchObject({ text: '๑-๒', sure: true });
  });
  it('is a quarter only after ไตรมาส, and a range of years is none', () => {
    const kinds = (text: string) => findNumberTokens(line(text)).map((t) => [t.raw, kindOf(t)]);
    expect(kinds('ไตรมาสที่ ๓')).toEqual([['๓', 'quarter']]);
    expect(kinds('ไตรมาส ๑,๒')).toEqual([['๑,๒', 'quarter']]);
    expect(kinds('รอบ ๖ เดือน')).toEqual([['๖', 'number']]);
  });
});

describe('a two-digit year after a month whose second digit was read as a letter', () => {
  it('is one year token and reads ๖๗: "ต.ค. ๖๗-ก.ย.๖๘" of a 200 dpi office scan, written "ต.ค. ๒ฒ-กุย.๒๕" (๗ as ฒ a third of a body apart)', () => {
    const { img, words } = crop('period-seven-as-letter');
    const cands = numberCandidates(1, words, img);
    expect(cands.map((c) => [c.token.raw, c.kind])).toEqual([
      ['๒ฒ', 'year'],
      ['๒๕', 'year'],
    ]);
    // October belongs to the year before the fiscal year 2568
    expect(cands.map((c) => decide(c, new Set([2568])).text)).toEqual(['๖๗', '๖๘']);
  });
  it('takes ๖ read as อ too: "ต.ค. ๖๗- ก.ย. ๖๘" written "ต.ค. อฒ- no. ๒๕"', () => {
    const { img, words } = crop('period-six-seven-as-letters');
    const cands = numberCandidates(1, words, img);
    const first = cands[0];
    expect(first && [first.token.raw, first.kind]).toEqual(['อฒ', 'year']);
    if (first) expect(decide(first, new Set([2568])).text).toBe('๖๗');
  });
  it('takes ๗ read as ณ ("ต.ค. ๒ณ-" of a 300 dpi scan) and as two letters, its loop and its tail ("ต.ค. ๒ฒณ-" of a 150 dpi scan)', () => {
    for (const [stem, raw] of [
      ['period-seven-as-no-nen', '๒ณ'],
      ['period-seven-split', '๒ฒณ'],
    ] as const) {
      const { img, words } = crop(stem);
      const c = numberCandidates(1, words, img)[0];
      expect(c && [c.token.raw, c.kind], stem).toEqual([raw, 'year']);
      if (c) expect(decide(c, new Set([2568])).text, stem).toBe('๖๗');
    }
  });
  it('leaves a letter after one digit alone outside a date ("ข้อ ๑ ก" and "๑ฒ" after no month)', () => {
    // a word that goes on (a vowel or tone mark on the letter) is a word, not a digit
    expect(findNumberTokens(line('ต.ค. ๖ซึ่ง')).map((t) => t.raw)).toEqual(['๖']);
    expect(findNumberTokens(line('ข้อ ๑ฒ-ก')).map((t) => t.raw)).toEqual(['๑']);
    expect(findNumberTokens(line('ต.ค. ๖ ก')).map((t) => t.raw)).toEqual(['๖']);
  });
});

describe('a code\'s Thai digit read as a symbol after ข้อ and the code\'s letter', () => {
  it('is read from its glyph: "ข้อ 1๙ ได้คะแนน" of a 300 dpi scan, ๙ written "«", reads ๙', () => {
    const { img, words } = crop('code-nine-as-symbol');
    const c = numberCandidates(1, words, img).find((x) => x.token.raw === '«');
    expect(c?.token.cued).toBe(true);
    if (c) expect(decide(c).text).toBe('๙');
  });
  it('leaves such a symbol alone elsewhere ("ราคา « ๑๐๐" has no code before it)', () => {
    expect(findNumberTokens(line('ราคา « ๑๐๐')).map((t) => t.raw)).toEqual(['๑๐๐']);
  });
});

describe('a code letter the model read as an Arabic digit before Thai digits', () => {
  it('is left out of the number: "6๕" (E๔ of a code column) is the token ๕, read from its glyph alone', () => {
    expect(findNumberTokens(line('ข้อ 6๕ และ 1๑๔')).map((t) => t.raw)).toEqual(['๕', '๑๔']);
  });
  it('stays in a year or a longer number (a Thai digit read as an Arabic one: "2๕๖๗", "1๒๐,๐๐๐")', () => {
    expect(findNumberTokens(line('พ.ศ. 2๕๖๗')).map((t) => t.raw)).toEqual(['2๕๖๗']);
    expect(findNumberTokens(line('งบ 1๒๐,๐๐๐ บาท')).map((t) => t.raw)).toEqual(['1๒๐,๐๐๐']);
  });
});
