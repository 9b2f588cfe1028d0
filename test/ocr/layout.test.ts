/**
 * OCR layout, rules, digits and number decisions on synthetic input (no
 * Tesseract: fast).
 */
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/blocks.js';
import { GLYPH_SIZE, classifyGlyph, digitTemplates } from '../../src/ocr/digits.js';
import { ocrLayout, ocrToBlocks } from '../../src/ocr/layout.js';
import { type NumberCandidate, decide, documentYears } from '../../src/ocr/numbers.js';
import { ruledGrids } from '../../src/ocr/grid.js';
import { findRules } from '../../src/ocr/rules.js';
import type { GreyImage, OcrWord } from '../../src/ocr/types.js';

/** Words of a text laid out one character a word, as Tesseract gives Thai. */
function wordsOf(text: string, x: number, y: number, line: number, opts: { h?: number; w?: number; conf?: number } = {}): OcrWord[] {
  const h = opts.h ?? 20;
  const w = opts.w ?? 12;
  const out: OcrWord[] = [];
  let cx = x;
  let space = false;
  for (const ch of text) {
    if (ch === ' ') {
      cx += w;
      space = true;
      continue;
    }
    const mark = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(ch);
    out.push({
      text: ch,
      bbox: mark ? { x0: cx - w + 2, y0: y - 8, x1: cx - 2, y1: y } : { x0: cx, y0: y, x1: cx + w - 1, y1: y + h },
      confidence: opts.conf ?? 93,
      line,
      spaceBefore: space,
    });
    space = false;
    if (!mark) cx += w;
  }
  return out;
}

describe('ocrToBlocks', () => {
  it('groups character words into lines and paragraphs, normalised, at { page, line: null }', () => {
    const words = [
      ...wordsOf('รายงานผลการดํา เนินงาน', 100, 100, 0),
      ...wordsOf('ประจําปีงบประมาณ พ.ศ. ๒๕๖๗', 100, 150, 1),
      ...wordsOf('องค์การบริหารส่วนตำบลบ้านหม้อ ได้นำข้อเสนอแนะมาปรับปรุง', 100, 260, 2),
    ];
    const blocks = ocrToBlocks(words, 3);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) expect(b.source).toEqual({ page: 3, line: null });
    const text = blocks.map((b) => (b.type === 'table' ? '' : b.text)).join('\n');
    expect(text).toContain('รายงานผลการดำ เนินงาน'); // ํ + า → ำ, Tesseract's space kept
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗');
    expect(text).not.toMatch(/\u0e4d\u0e32/);
  });

  it('drops the short "lines" of stray marks Tesseract makes above Thai lines', () => {
    const debris: OcrWord[] = ['A', '_', 'a', '4', 'ง', '1'].map((t, i) => ({
      text: t,
      bbox: { x0: 150 + i * 120, y0: 90, x1: 158 + i * 120, y1: 97 },
      confidence: 50,
      line: 0,
      spaceBefore: true,
    }));
    const words = [...debris, ...wordsOf('ตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใส', 100, 100, 1)];
    const blocks = ocrToBlocks(words, 1);
    const text = blocks.map((b) => (b.type === 'table' ? '' : b.text)).join(' ');
    expect(text).toBe('ตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใส');
  });

  it('drops a character Tesseract wrote twice, the copy a sliver touching the real glyph (q200 003 p5: "ไตรมาสที่ ๑-๒๒")', () => {
    // the real words of the period cell, page 5 of the 200 dpi scan of corpus 003: the second ๒ is 4 px wide at confidence 59
    const cell: Array<[string, number, number, number, number, number, number]> = [
      ['(ไต', 445, 1007, 474, 1044, 72, 1], ['ร', 480, 1020, 487, 1033, 96, 0], ['ม', 487, 1007, 497, 1044, 93, 0],
      ['า', 496, 1021, 511, 1033, 93, 0], ['ส', 510, 1007, 522, 1044, 96, 0], ['ท', 521, 1007, 529, 1044, 93, 0],
      ['ี', 528, 1012, 541, 1034, 90, 0], ['่', 540, 1007, 550, 1044, 93, 0], ['๑', 558, 1024, 568, 1034, 89, 1],
      ['-', 567, 1007, 575, 1044, 84, 0], ['๒', 574, 1022, 578, 1034, 59, 0], ['๒', 577, 1007, 589, 1044, 95, 0],
    ];
    const words: OcrWord[] = cell.map(([text, x0, y0, x1, y1, confidence, sp]) => ({ text, bbox: { x0, y0, x1, y1 }, confidence, line: 29, spaceBefore: sp === 1 }));
    const text = ocrToBlocks(words, 5).map((b) => (b.type === 'table' ? '' : b.text)).join('\n');
    expect(text).toContain('๑-๒');
    expect(text).not.toContain('๒๒');
    // a real double digit: two boxes of a glyph's width each
    const twice = ocrToBlocks([...wordsOf('ไตรมาสที่ ๒๒', 100, 100, 0)], 1).map((b) => (b.type === 'table' ? '' : b.text)).join('');
    expect(twice).toContain('๒๒');
  });

  it('finds a table from column alignment (x clusters across lines)', () => {
    const rows = [
      ['ลำดับ', 'มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'],
      ['๑', 'จัดทำคู่มือ', 'ไตรมาสที่ ๑', 'ปลัด'],
      ['๒', 'ประชาสัมพันธ์', 'ไตรมาสที่ ๒', 'นิติกร'],
      ['๓', 'รายงานผล', 'ไตรมาสที่ ๓-๔', 'หัวหน้าสำนักปลัด'],
    ];
    const xs = [100, 260, 560, 800];
    const words: OcrWord[] = [];
    rows.forEach((r, i) => r.forEach((c, k) => words.push(...wordsOf(c, xs[k] as number, 100 + i * 50, i))));
    // a paragraph above and below
    words.push(...wordsOf('ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ', 100, 20, 10));
    words.push(...wordsOf('หมายเหตุ รายงานนี้จัดทำโดยสำนักปลัด องค์การบริหารส่วนตำบล', 100, 400, 11));
    const layout = ocrLayout(words, 2);
    const tables = layout.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0] as TableBlock;
    expect(t.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' ')))).toEqual(rows);
    expect(layout.blocks[0]?.type).toBe('paragraph');
    expect(layout.blocks[layout.blocks.length - 1]?.type).toBe('paragraph');
    expect(layout.confidence).toHaveLength(layout.blocks.length);
  });

  it('does not make a table of prose whose spaces happen to line up once', () => {
    const words = [
      ...wordsOf('ข้อ ๒๕ ได้คะแนน ๑๐๐ ประเด็น บุคลากรในหน่วยงานบางรายเห็นว่า', 100, 100, 0),
      ...wordsOf('ทุจริตภายในหน่วยงาน หน่วยงานควรจัดให้มีกิจกรรมที่ผู้บริหาร', 100, 150, 1),
      ...wordsOf('ความโปร่งใสภายในหน่วยงานพร้อมทั้งประชาสัมพันธ์กิจกรรม', 100, 200, 2),
    ];
    expect(ocrToBlocks(words, 1).every((b) => b.type === 'paragraph')).toBe(true);
  });

  it('returns nothing for no words', () => {
    expect(ocrToBlocks([], 1)).toEqual([]);
  });
});

/** A white image with black rectangles. */
function image(w: number, h: number, rects: Array<[number, number, number, number]>): GreyImage {
  const data = new Uint8Array(w * h).fill(250);
  for (const [x0, y0, x1, y1] of rects) {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * w + x] = 20;
  }
  return { width: w, height: h, data };
}

describe('ruled tables', () => {
  it('finds rules and the grid they make', () => {
    // a 3-column, 2-row table: 4 vertical and 3 horizontal 2-px rules
    const rects: Array<[number, number, number, number]> = [];
    for (const x of [50, 250, 450, 650]) rects.push([x, 100, x + 2, 402]);
    for (const y of [100, 250, 400]) rects.push([50, y, 652, y + 2]);
    const rules = findRules(image(700, 450, rects), 0, 20);
    expect(rules.vertical).toHaveLength(4);
    expect(rules.horizontal).toHaveLength(3);
    const grids = ruledGrids(rules, 20);
    expect(grids).toHaveLength(1);
    const near = (got: number[] | undefined, want: number[]): void => {
      expect(got).toHaveLength(want.length);
      want.forEach((w, i) => expect(Math.abs((got?.[i] ?? -99) - w)).toBeLessThanOrEqual(1.5));
    };
    near(grids[0]?.xs, [51, 251, 451, 651]);
    near(grids[0]?.ys, [101, 251, 401]);
  });

  it('puts words into the cells of a ruled table, cells wrapped over several lines joined', () => {
    const rects: Array<[number, number, number, number]> = [];
    for (const x of [50, 250, 650]) rects.push([x, 100, x + 2, 402]);
    for (const y of [100, 250, 400]) rects.push([50, y, 652, y + 2]);
    const img = image(700, 450, rects);
    const words = [
      ...wordsOf('ลำดับ', 60, 120, 0),
      ...wordsOf('มาตรการ', 260, 120, 0),
      ...wordsOf('๑', 60, 270, 1),
      ...wordsOf('จัดทำคู่มือการ', 260, 270, 1),
      ...wordsOf('ปฏิบัติงาน', 260, 320, 2),
    ];
    const blocks = ocrToBlocks(words, 1, { image: img });
    expect(blocks).toHaveLength(1);
    const t = blocks[0] as TableBlock;
    expect(t.type).toBe('table');
    expect(t.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' ')))).toEqual([
      ['ลำดับ', 'มาตรการ'],
      ['๑', 'จัดทำคู่มือการ ปฏิบัติงาน'],
    ]);
  });
});

describe('digit templates', () => {
  it('ship every Thai digit for several fonts, and each template reads as its digit', () => {
    const ts = digitTemplates();
    expect(new Set(ts.map((t) => t.digit))).toEqual(new Set([...'๐๑๒๓๔๕๖๗๘๙']));
    expect(new Set(ts.map((t) => t.font)).size).toBeGreaterThanOrEqual(20);
    expect(ts[0]?.ink).toHaveLength(GLYPH_SIZE * GLYPH_SIZE);
    for (const t of ts.filter((x) => x.font === 'Laksaman/lo' || x.font === 'Garuda')) {
      expect(classifyGlyph(t)[0]?.digit).toBe(t.digit);
    }
  });

  it('read the digits of a font the templates leave out mostly right', () => {
    const held = digitTemplates().filter((t) => t.font === 'Norasi/lo');
    const right = held.filter((t) => classifyGlyph(t, { excludeFonts: /^Norasi/ })[0]?.digit === t.digit).length;
    expect(right).toBeGreaterThanOrEqual(7);
  });
});

/** A candidate whose glyphs have these (digit, distance) rankings. */
function cand(raw: string, kind: NumberCandidate['kind'], glyphs: Array<Array<[string, number]>>, before = ''): NumberCandidate {
  return {
    page: 1,
    kind,
    token: { line: 0, words: [0], raw, before, after: '', cued: false },
    // as readTokenGlyphs does: raw characters only where the counts agree
    glyphs: glyphs.map((g, i) => ({
      raw: [...raw].length === glyphs.length ? ([...raw][i] as string) : '?',
      scores: g.map(([digit, distance]) => ({ digit, distance })),
    })),
  };
}

describe('number decisions', () => {
  it('re-reads a year the Thai model cannot write (๒๕๖๗ read as ๒๕๒ซ)', () => {
    const c = cand('๒๕๒ซ', 'year', [
      [['๒', 0.12], ['๖', 0.4], ['๐', 0.5]],
      [['๕', 0.2], ['๔', 0.3], ['๘', 0.5]],
      [['๖', 0.14], ['๒', 0.34], ['๕', 0.7]],
      [['๗', 0.06], ['๘', 0.41], ['๙', 0.48]],
    ]);
    const d = decide(c);
    expect(d.text).toBe('๒๕๖๗');
    expect(d.sure).toBe(true);
  });

  it('prefers a plausible BE year (2550–2580) and the year the document agrees on', () => {
    // third digit: ๖ or ๒ about equally; 2522 is not an ITA year
    const c = cand('๒๕๒๖', 'year', [
      [['๒', 0.1], ['๖', 0.5]],
      [['๕', 0.1], ['๔', 0.3]],
      [['๒', 0.3], ['๖', 0.32]],
      [['๖', 0.1], ['๒', 0.4]],
    ]);
    expect(decide(c).text).toBe('๒๕๖๖');
    // last digit ๖ or ๕ about equally (Tesseract gave three digits: no raw to lean on):
    // unsure alone, the document's fiscal year decides
    const c2 = cand('๒๕๒', 'year', [
      [['๒', 0.1], ['๖', 0.5]],
      [['๕', 0.1], ['๔', 0.3]],
      [['๖', 0.1], ['๒', 0.4]],
      [['๕', 0.3], ['๖', 0.29]],
    ]);
    expect(decide(c2).sure).toBe(false);
    expect(decide(c2, new Set([2566])).text).toBe('๒๕๖๖');
  });

  it('says when ๔ and ๕ are too alike to tell in a score, keeping the reading (004 scan: 94.94 read as ๓๕.๓๕)', () => {
    // the glyph distances of 004-scan.pdf page 1's overall score: its second glyph is nearer ๔, but
    // Tesseract wrote ๕ there and the model's bias towards what it wrote wins by a hair
    const c = cand('๓๕.๓๕', 'number', [
      [['๙', 0.091], ['๘', 0.348], ['๕', 0.461]],
      [['๔', 0.483], ['๕', 0.561], ['๘', 0.572]],
      [],
      [['๙', 0.117], ['๘', 0.384], ['๔', 0.484]],
      [['๔', 0.161], ['๕', 0.354], ['๙', 0.394]],
    ]);
    const d = decide(c);
    expect(d.text).toBe('๙๕.๙๔');
    expect(d.doubt).toEqual(['๙๕.๙๕', '๙๔.๙๔']);
    // a clear ๔ raises no doubt
    const clear = cand('๓๔.๓๔', 'number', [
      [['๙', 0.09], ['๘', 0.35]],
      [['๔', 0.12], ['๕', 0.45]],
      [],
      [['๙', 0.1], ['๘', 0.38]],
      [['๔', 0.15], ['๕', 0.4]],
    ]);
    expect(decide(clear).text).toBe('๙๔.๙๔');
    expect(decide(clear).doubt).toBeUndefined();
  });

  it('keeps the raw text and says so when a year stays unsure', () => {
    const c = cand('๒๕๒๐', 'year', [
      [['๕', 0.7], ['๐', 0.74]],
      [['๘', 0.68], ['๗', 0.69]],
      [['๕', 0.69], ['๑', 0.76]],
    ]);
    const d = decide(c);
    expect(d.text).toBe('๒๕๒๐');
    expect(d.sure).toBe(false);
    expect(d.reason).not.toBeNull();
  });

  it('learns the document year from confident readings on several pages', () => {
    const sure = (page: number): NumberCandidate => ({
      ...cand('๒๕๒๒', 'year', [[['๒', 0.1]], [['๕', 0.1]], [['๖', 0.1], ['๒', 0.5]], [['๖', 0.1], ['๒', 0.5]]]),
      page,
    });
    expect([...documentYears([sure(1), sure(2)])]).toEqual([2566]);
  });
});

describe('mergeOcr', () => {
  it('puts OCR blocks in place of the text layer of their pages, in page order', async () => {
    const { mergeOcr } = await import('../../src/ocr/merge.js');
    const { paragraph, position } = await import('../../src/model/blocks.js');
    const doc = {
      format: 'pdf' as const,
      pages: 3,
      ocr: false,
      diagnostics: [],
      blocks: [paragraph('p1', position(1, null)), paragraph('broken', position(2, null)), paragraph('p3', position(3, null))],
    };
    const ocr = {
      blocks: [paragraph('ocr2a', position(2, null)), paragraph('ocr2b', position(2, null))],
      confidence: [91, 88],
      diagnostics: [],
      meanConfidence: 90,
      pages: [],
      numbers: [],
      unrepairedBlocks: null,
    };
    const m = mergeOcr(doc, [2], ocr);
    expect(m.doc.blocks.map((b) => (b.type === 'table' ? '' : b.text))).toEqual(['p1', 'ocr2a', 'ocr2b', 'p3']);
    expect(m.confidence).toEqual([null, 91, 88, null]);
    expect(m.doc.ocr).toBe(true);
  });
});
