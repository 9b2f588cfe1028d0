/**
 * How the PDF reader joins text: pdfjs's gaps inside a text item (worker
 * patch) and the pieces of a cell's text a line or page break cut
 * (joinCellText, brokenAcross).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cell, position, row, table, type TableRow } from '../../src/model/blocks.js';
import { appendContinuation } from '../../src/readers/_pdf-continuation.js';
import { joinCellText } from '../../src/readers/_pdf-paragraphs.js';
import { runsToLines, type Line, type Run } from '../../src/readers/_pdf-text.js';
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

  it('joins a year broken between its digits, not a date ending a line to the day opening the next', () => {
    expect(joinCellText('๓๐ ก.ย.๒๕', '๖๖')).toBe('๓๐ ก.ย.๒๕๖๖');
    expect(joinCellText('1 ต.ค. 25', '66')).toBe('1 ต.ค. 2566');
    // a short year broken after its first digit (a narrow cell: "ต.ค.6" / "6")
    expect(joinCellText('ต.ค.6', '6')).toBe('ต.ค.66');
    expect(joinCellText('มี.ค. ๖', '๗')).toBe('มี.ค. ๖๗');
    // a period's start on one line and its end on the next ("๑ ก.ค. ๖๘" / "๓๑ สิงหาคม ๒๕๖๘")
    expect(joinCellText('๑ กรกฎาคม ๒๕๖๗', '๓๐ กันยายน ๒๕๖๗')).toBe('๑ กรกฎาคม ๒๕๖๗ ๓๐ กันยายน ๒๕๖๗');
    expect(joinCellText('๑ ก.ค. ๖๘', '๓๑ สิงหาคม ๒๕๖๘')).toBe('๑ ก.ค. ๖๘ ๓๑ สิงหาคม ๒๕๖๘');
    expect(joinCellText('1 Oct 2023 ต.ค. 2566', '30 ก.ย.')).toBe('1 Oct 2023 ต.ค. 2566 30 ก.ย.');
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

describe('runsToLines', () => {
  it('puts a tone mark drawn a hair right of the sara aa after its consonant back before the vowel', () => {
    // as LibreOffice draws "ระหว่าง": the า in an ActualText span of its own, the mark with no advance
    const run = (text: string, x: number, w: number): Run => ({ text, x, y: 700, w, size: 11, bold: false });
    const [l] = runsToLines([run('ระหว', 133, 25.17), run('า', 158.17, 6.2), run('\u0e48', 158.2, 0), run('ง', 164.4, 5.37)]);
    expect(l!.text).toBe('ระหว่าง');
  });
});

describe('appendContinuation', () => {
  const r = (...cs: string[]): TableRow => row(cs.map((c) => cell(c === '' ? [] : [c])), position(1, null));
  it('drops a repeated header the page clipped and takes the text it lost out of the row below', () => {
    const t = table([r('ลำดับ', 'มาตรการ', 'ผลการดำเนินงาน'), r('1', 'จัดทำคู่มือ', 'ดำเนิน')], position(1, null));
    // page 2: the header cut ("ลำ", "ผลการดำเนิน"), what it lost drawn into the row cut by the page break
    appendContinuation(t, [r('ลำ', 'มาตรการ', 'ผลการ ดำเนิน'), r('ดั', 'การให้บริการ', 'งานการแล้ว เสร็จ'), r('2', 'ประชาสัมพันธ์', 'ยังไม่ได้ดำเนินการ')]);
    expect(t.rows.map((x) => x.cells.map((c) => c.paragraphs.join(' ')))).toEqual([
      ['ลำดับ', 'มาตรการ', 'ผลการดำเนินงาน'],
      ['1', 'จัดทำคู่มือ การให้บริการ', 'ดำเนิน การแล้ว เสร็จ'],
      ['2', 'ประชาสัมพันธ์', 'ยังไม่ได้ดำเนินการ'],
    ]);
  });

  it('drops the part of a clipped header cell drawn on one line with the row\u2019s own text ("ดั" + "ข้อ๒")', () => {
    const t = table([r('ลำดับที่', 'มาตรการ'), r('ข้อ๑', 'จัดทำคู่มือ')], position(1, null));
    appendContinuation(t, [r('ลำ', 'มาตรการ'), r('ดัข้อ๒', 'ประชาสัมพันธ์'), r('ข้อ๓', 'สำรวจ')]);
    expect(t.rows.map((x) => x.cells.map((c) => c.paragraphs.join(' ')))).toEqual([
      ['ลำดับที่', 'มาตรการ'],
      ['ข้อ๑', 'จัดทำคู่มือ'],
      ['ข้อ๒', 'ประชาสัมพันธ์'],
      ['ข้อ๓', 'สำรวจ'],
    ]);
    // the row's own words are kept, even when they start as what the header lost ("ดำเนินงาน" / "ดำเนินการแล้ว")
    const u = table([r('ลำดับ', 'ผลการดำเนินงาน'), r('๑', 'ยังไม่ได้ดำเนินการ')], position(1, null));
    appendContinuation(u, [r('ลำดับ', 'ผลการ'), r('๒', 'ดำเนินการแล้ว')]);
    expect(u.rows[2]!.cells[1]!.paragraphs).toEqual(['ดำเนินการแล้ว']);
  });

  it('takes the lost text out of the row below also when the clipped header passes for a repeat with a typo (a wide header)', () => {
    const head = (n: string) => r('ประเด็นการประเมิน', n, 'ประเด็นที่ต้องพัฒนา', 'มาตรการดำเนินงานของหน่วยงาน', 'ผู้ดำเนินการ', 'ผลการดำเนินงาน');
    const t = table([head('ลำดับ'), r('๑. กระบวนการ', '๔.', 'ข้อมูลเข้าถึงได้ยาก', 'ประชาสัมพันธ์', 'กองคลัง', 'ดำเนินการแล้ว')], position(1, null));
    appendContinuation(t, [head('ลำ'), r('๒. การให้บริการ', 'ดั๕.', 'ผู้รับบริการบางราย', 'เผยแพร่ผลการดำเนินงาน', 'ทุกส่วนราชการ', 'อยู่ระหว่างดำเนินการ')]);
    expect(t.rows.map((x) => x.cells[1]!.paragraphs.join(' '))).toEqual(['ลำดับ', '๔.', '๕.']);
  });

  it('takes a mark drawn on one line inside the text a clipped header lost ("ด✔ำเนิน") for the cell\u2019s mark', () => {
    const t = table([r('ลำดับ', 'มาตรการ', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้ว'), r('๑', 'จัดทำคู่มือ', '', '✔')], position(1, null));
    // page 2: the header cut after "อยู่ระหว่าง", its lost "ดำเนิน" drawn where the first row's centred mark is
    appendContinuation(t, [r('ลำดับ', 'มาตรการ', 'อยู่ระหว่าง', 'ดำเนินการแล้ว'), r('๒', 'เผยแพร่ข้อมูล', 'ด✔ำเนิน', '')]);
    expect(t.rows.map((x) => x.cells.map((c) => c.paragraphs.join(' ')))).toEqual([
      ['ลำดับ', 'มาตรการ', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้ว'],
      ['๑', 'จัดทำคู่มือ', '', '✔'],
      ['๒', 'เผยแพร่ข้อมูล', '✔', ''],
    ]);
  });

  it('keeps a first row that only looks like the start of the header', () => {
    const t = table([r('ลำดับ', 'มาตรการ'), r('1', 'จัดทำคู่มือ')], position(1, null));
    appendContinuation(t, [r('2', 'มา')]);
    expect(t.rows).toHaveLength(3);
  });
});
