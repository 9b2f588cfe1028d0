/**
 * Words a narrow column of a scanned table broke across lines, joined again
 * (src/ocr/cell-wrap.ts, used by ruled-table.ts gridTable). Words and rules
 * where the page reading put them on a 200 dpi scan of a generated report
 * printed by LibreOffice (seed 87103, page 2, H = 14): a code column
 * 61 px wide holding "E1" / "3" (E13) and "E4," / "E7", a score column 45 px
 * wide holding "7" / "4." / "6" / "5" (74.65), a row-number column holding
 * "(" / "3" / ")"; beside them a wide column whose lines wrap at spaces.
 */
import { describe, expect, it } from 'vitest';
import type { RuledGrid } from '../../src/ocr/grid.js';
import type { LayoutLine, LayoutWord } from '../../src/ocr/lines.js';
import { brokenInCell, cellTextRight } from '../../src/ocr/cell-wrap.js';
import { gridTable } from '../../src/ocr/ruled-table.js';

const H = 14;
const PITCH = 26;

function word(text: string, x0: number, x1: number, line: number, y0: number): LayoutWord {
  return { w: { text, bbox: { x0, y0, x1, y1: y0 + H }, confidence: 90, line, spaceBefore: false }, x0, x1, y0, y1: y0 + H, base: true };
}

/** One row: seq | code | score | wide text, as measured on the scan (x in page pixels). */
const grid: RuledGrid = {
  x0: 374.8,
  x1: 1017.9,
  y0: 409,
  y1: 628.4,
  xs: [374.8, 407.8, 687.9, 749.2, 793.9, 1017.9],
  ys: [409, 628.4],
  cells: [0, 1, 2, 3, 4].map((c) => ({ r: 0, c, rowspan: 1, colspan: 1 })),
};

const words = (): LayoutWord[] => {
  const at = (k: number) => 420 + k * PITCH;
  return [
    word('(', 387.6, 392.6, 1, at(0)),
    word('3', 387.6, 398.6, 2, at(1)),
    word(')', 387.5, 393.5, 3, at(2)),
    word('มีการจัดประชุมรับ', 425, 611, 1, at(0)),
    word('ฟังความคิดเห็นของ', 421, 624, 2, at(1)),
    word('E1', 700.6, 723.6, 1, at(0)),
    word('3', 700.6, 711.6, 2, at(1)),
    word('7', 767.6, 772.6, 1, at(0)),
    word('4.', 760.6, 778.6, 2, at(1)),
    word('6', 761.5, 772.5, 3, at(2)),
    word('5', 761.5, 772.5, 4, at(3)),
    word('กองการศึกษา', 810.6, 930, 1, at(0)),
    word('/', 940, 955.6, 1, at(0)),
    word('สำนักปลัด', 807.6, 900, 2, at(1)),
  ];
};

describe('gridTable: words a narrow column broke', () => {
  it('joins the pieces of a code, a score and a row number without a space, and leaves wrapped text spaced', () => {
    const { rows } = gridTable(grid, words(), H, PITCH, 1);
    expect(rows[0]?.cells.map((c) => c.paragraphs.join(' | '))).toEqual(['(3)', 'มีการจัดประชุมรับ ฟังความคิดเห็นของ', 'E13', '74.65', 'กองการศึกษา / สำนักปลัด']);
  });
});

const line = (text: string, x0: number, x1: number): LayoutLine => ({ words: [word(text, x0, x1, 1, 0)], x0, x1, top: 0, bottom: H, yc: H / 2, text });

describe('brokenInCell', () => {
  const rect = { x0: 687.9, y0: 0, x1: 749.2, y1: 200 };
  it('takes the text padding from the left rule as the right one', () => {
    expect(cellTextRight([line('E1', 700.6, 723.6), line('3', 700.6, 711.6)], rect, H)).toBeCloseTo(736.5, 1);
  });

  it('joins a line with no room left for the next word, not two codes one a line nor a line with room', () => {
    const right = 736.5;
    expect(brokenInCell(line('E1', 700.6, 723.6), line('3', 700.6, 711.6), right, H)).toBe(true);
    expect(brokenInCell(line('E4,', 701, 732), line('E7', 701, 727), right, H)).toBe(true);
    // a number ending a line and a letter opening the next: two codes
    expect(brokenInCell(line('E4', 701, 724), line('E7', 701, 727), right, H)).toBe(false);
    // room for the next word: it was not broken for want of room
    expect(brokenInCell(line('E1', 700.6, 712), line('3', 700.6, 711.6), right, H)).toBe(false);
    // a line with a space wrapped at the space
    expect(brokenInCell(line('ข้อ 1', 700.6, 735), line('3', 700.6, 711.6), right, H)).toBe(false);
  });
});
