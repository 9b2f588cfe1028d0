/**
 * Borderless tables of tall wrapped cells (a word processor's cells have no
 * top or bottom padding, so rows sit one line pitch apart like the lines
 * within them): rows told by the number column (_pdf-anchor-rows.ts), the
 * cells centred on the row number or starting on its baseline.
 */
import { describe, it, expect } from 'vitest';
import { assemble } from '../../src/readers/_pdf-assemble.js';
import type { PageLayout } from '../../src/readers/_pdf-layout.js';
import { type Run, runsToLines } from '../../src/readers/_pdf-text.js';
import type { TableBlock } from '../../src/model/blocks.js';

function run(text: string, x: number, y: number, w: number): Run {
  return { text, x, y, w, size: 10, bold: false };
}

function page(runs: Run[]): PageLayout {
  const lines = runsToLines(runs);
  return { page: 1, box: { left: 0, bottom: 0, right: 842, top: 595 }, items: lines.map((line) => ({ kind: 'line' as const, line })), raw: '', text: '', imageCoverage: 0, paths: 0, pitch: 1.4 };
}

const col = { no: 58, issue: 78, measure: 257, unit: 470 };
const header = [run('ลำดับ', col.no, 600, 14), run('ประเด็น', col.issue, 600, 40), run('มาตรการ', col.measure, 600, 40), run('ผู้รับผิดชอบ', col.unit, 600, 50)];

function rowsOf(runs: Run[]): string[][] {
  const tables = assemble([page(runs)]).filter((b): b is TableBlock => b.type === 'table');
  expect(tables).toHaveLength(1);
  return tables[0]!.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' / ')));
}

const expected = [
  ['ลำดับ', 'ประเด็น', 'มาตรการ', 'ผู้รับผิดชอบ'],
  ['1', 'บุคลากรไม่ทราบ', 'จัดทำคู่มือ แนวทางปฏิบัติ เผยแพร่ทาง เว็บไซต์ของ หน่วยงาน', 'สำนักปลัด กองคลัง'],
  ['2', 'การเปิดเผย ข้อมูลไม่ ครบถ้วน', 'ปรับปรุงเว็บไซต์', 'กองช่าง'],
  ['3', 'ขาดช่องทาง ร้องเรียน', 'จัดทำช่องทาง รับเรื่อง ร้องเรียน ออนไลน์', 'นิติกร'],
];

describe('rows told by the number column (cells without padding, one pitch between rows)', () => {
  it('cells centred on their row number', () => {
    const runs = [
      ...header,
      // row 1: the measure five lines, the unit two, centred on 552
      ...['จัดทำคู่มือ', 'แนวทางปฏิบัติ', 'เผยแพร่ทาง', 'เว็บไซต์ของ', 'หน่วยงาน'].map((t, k) => run(t, col.measure, 580 - 14 * k, 150)),
      run('1', col.no, 552, 6),
      run('บุคลากรไม่ทราบ', col.issue, 552, 150),
      run('สำนักปลัด', col.unit, 559, 50),
      run('กองคลัง', col.unit, 545, 40),
      // row 2: the issue three lines, centred on 496
      ...['การเปิดเผย', 'ข้อมูลไม่', 'ครบถ้วน'].map((t, k) => run(t, col.issue, 510 - 14 * k, 150)),
      run('2', col.no, 496, 6),
      run('ปรับปรุงเว็บไซต์', col.measure, 496, 150),
      run('กองช่าง', col.unit, 496, 40),
      // row 3: the measure four lines, centred on 447
      ...['จัดทำช่องทาง', 'รับเรื่อง', 'ร้องเรียน', 'ออนไลน์'].map((t, k) => run(t, col.measure, 468 - 14 * k, 150)),
      run('3', col.no, 447, 6),
      run('ขาดช่องทาง', col.issue, 454, 150),
      run('ร้องเรียน', col.issue, 440, 150),
      run('นิติกร', col.unit, 447, 40),
    ];
    expect(rowsOf(runs).map((r) => r.map((c) => c.replace(/ \/ /g, ' ')))).toEqual(expected);
  });

  it('cells starting on their row number', () => {
    const runs = [
      ...header,
      run('1', col.no, 580, 6),
      run('บุคลากรไม่ทราบ', col.issue, 580, 150),
      ...['จัดทำคู่มือ', 'แนวทางปฏิบัติ', 'เผยแพร่ทาง', 'เว็บไซต์ของ', 'หน่วยงาน'].map((t, k) => run(t, col.measure, 580 - 14 * k, 150)),
      run('สำนักปลัด', col.unit, 580, 50),
      run('กองคลัง', col.unit, 566, 40),
      run('2', col.no, 510, 6),
      ...['การเปิดเผย', 'ข้อมูลไม่', 'ครบถ้วน'].map((t, k) => run(t, col.issue, 510 - 14 * k, 150)),
      run('ปรับปรุงเว็บไซต์', col.measure, 510, 150),
      run('กองช่าง', col.unit, 510, 40),
      run('3', col.no, 468, 6),
      run('ขาดช่องทาง', col.issue, 468, 150),
      run('ร้องเรียน', col.issue, 454, 150),
      ...['จัดทำช่องทาง', 'รับเรื่อง', 'ร้องเรียน', 'ออนไลน์'].map((t, k) => run(t, col.measure, 468 - 14 * k, 150)),
      run('นิติกร', col.unit, 468, 40),
    ];
    expect(rowsOf(runs).map((r) => r.map((c) => c.replace(/ \/ /g, ' ')))).toEqual(expected);
  });
});

describe('the last row cut at the page foot', () => {
  it('takes its cells from its number down, the row above keeping its centred lines', () => {
    const runs = [
      ...header,
      ...['จัดทำคู่มือ', 'แนวทางปฏิบัติ', 'เผยแพร่ทาง', 'เว็บไซต์ของ', 'หน่วยงาน'].map((t, k) => run(t, col.measure, 580 - 14 * k, 150)),
      run('1', col.no, 552, 6),
      run('บุคลากรไม่ทราบ', col.issue, 552, 150),
      // the unit four lines, the lowest two below the row's number
      ...['สำนักปลัด', 'กองคลัง', 'กองการศึกษา', 'งานพัสดุ'].map((t, k) => run(t, col.unit, 573 - 14 * k, 50)),
      // row 2 printed from the top of what is left of the page: its number on its first line, the measure running to the foot
      run('2', col.no, 510, 6),
      ...['การเปิดเผย', 'ข้อมูลไม่', 'ครบถ้วน'].map((t, k) => run(t, col.issue, 510 - 14 * k, 150)),
      ...['ปรับปรุงเว็บไซต์', 'ให้เป็นปัจจุบัน', 'และครบถ้วน', 'ตามรายการ', 'ที่กำหนด', 'ทุกเดือน'].map((t, k) => run(t, col.measure, 510 - 14 * k, 150)),
      ...['กองช่าง', 'นิติกร', 'งานการเจ้าหน้าที่'].map((t, k) => run(t, col.unit, 510 - 14 * k, 50)),
    ];
    expect(rowsOf(runs).map((r) => r.map((c) => c.replace(/ \/ /g, ' ')))).toEqual([
      expected[0],
      ['1', 'บุคลากรไม่ทราบ', 'จัดทำคู่มือ แนวทางปฏิบัติ เผยแพร่ทาง เว็บไซต์ของ หน่วยงาน', 'สำนักปลัด กองคลัง กองการศึกษา งานพัสดุ'],
      ['2', 'การเปิดเผย ข้อมูลไม่ ครบถ้วน', 'ปรับปรุงเว็บไซต์ ให้เป็นปัจจุบัน และครบถ้วน ตามรายการ ที่กำหนด ทุกเดือน', 'กองช่าง นิติกร งานการเจ้าหน้าที่'],
    ]);
  });
});
