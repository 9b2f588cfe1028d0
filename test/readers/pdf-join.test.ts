/**
 * How the PDF reader joins text: pdfjs's gaps inside a text item (worker
 * patch) and the pieces of a cell's text a line or page break cut
 * (joinCellText, brokenAcross).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { joinCellText, type Line } from '../../src/readers/_pdf-text.js';
import { WORKER_MODULE, patchWorkerSpaceGap } from '../../src/readers/_pdf-worker.js';
import { brokenAcross } from '../../src/readers/_pdf-wrap.js';

describe('patchWorkerSpaceGap', () => {
  it('applies once to the shipped worker, with the gap given', () => {
    const src = readFileSync(createRequire(import.meta.url).resolve(WORKER_MODULE), 'utf8');
    const patched = patchWorkerSpaceGap(src, 0.25);
    expect(patched).toContain('textContentItem.itaSpaceMin = fontSize * 0.25;');
    expect(patched).toContain('textOrientation * width < textContentItem.itaSpaceMin');
    expect(patchWorkerSpaceGap(patched!, 0.25)).toBeNull();
  });
});

describe('joinCellText', () => {
  it('joins a number broken between its digits without a space', () => {
    expect(joinCellText('๑๒๐,๐', '๐๐.-')).toBe('๑๒๐,๐๐๐.-');
    expect(joinCellText('๑๒๐,', '๐๐๐')).toBe('๑๒๐,๐๐๐');
    expect(joinCellText('๓๐ ก.ย.๒๕', '๖๖')).toBe('๓๐ ก.ย.๒๕๖๖');
    expect(joinCellText('50,00', '0')).toBe('50,000');
  });

  it("joins an index code's letter to its number, not a word to a number", () => {
    expect(joinCellText('ข้อ O', '๑๕')).toBe('ข้อ O๑๕');
    expect(joinCellText('(i', '๒)')).toBe('(i๒)');
    expect(joinCellText('ITA', '๒๕๖๖')).toBe('ITA ๒๕๖๖');
    expect(joinCellText('o๒', 'o๗')).toBe('o๒ o๗');
    expect(joinCellText('งบประมาณ', '๕๐,๐๐๐')).toBe('งบประมาณ ๕๐,๐๐๐');
  });
});

function line(text: string, x0: number, x1: number): Line {
  return { text, raw: text, x0, x1, y: 0, size: 11, bold: false, segments: [], runs: [{ text, x: x0, y: 0, w: x1 - x0, size: 11, bold: false }] };
}

describe('brokenAcross', () => {
  it('joins digits and letters of one code filling a narrow cell, not a number and the next code', () => {
    // a cell 20 pt wide, its lines full
    expect(brokenAcross(line('12,00', 100, 118), line('0', 100, 106), 120)).toBe(true);
    expect(brokenAcross(line('E-', 100, 118), line('Service', 100, 119), 120)).toBe(true);
    expect(brokenAcross(line('o๒', 100, 118), line('o๗', 100, 118), 120)).toBe(false);
  });
});
