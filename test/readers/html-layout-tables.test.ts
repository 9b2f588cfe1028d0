/**
 * Tables used for layout: the content, measure table and all, inside the one
 * column of an outer table (a bordered box in Word, an old web page's frame).
 */
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/model/blocks.js';
import { htmlToBlocks } from '../../src/readers/html.js';

const inner = `<table><tr><td>ที่</td><td>มาตรการ</td><td>ระยะเวลา</td><td>ผู้รับผิดชอบ</td></tr>
  <tr><td>๑</td><td>จัดทำคู่มือ (ข้อ i๑)</td><td></td><td>สำนักปลัด</td></tr>
  <tr><td>๒</td><td>ประกาศเจตนารมณ์</td><td>ม.ค. ๖๘</td><td>กองคลัง</td></tr></table>`;
const cells = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' ')));

describe('layout tables', () => {
  it('a one-column outer table is unwrapped: its paragraphs stay paragraphs, the table inside is a table, empty cells in place', () => {
    const blocks = htmlToBlocks(`<table border="1"><tr><td><p>ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ</p>${inner}<p>หมายเหตุ</p></td></tr></table>`);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(cells(blocks[1] as TableBlock)).toEqual([
      ['ที่', 'มาตรการ', 'ระยะเวลา', 'ผู้รับผิดชอบ'],
      ['๑', 'จัดทำคู่มือ (ข้อ i๑)', '', 'สำนักปลัด'],
      ['๒', 'ประกาศเจตนารมณ์', 'ม.ค. ๖๘', 'กองคลัง'],
    ]);
  });

  it('a table inside a cell of a real table (two columns) is still flattened into that cell, " | " between its cells', () => {
    const blocks = htmlToBlocks(`<table><tr><td>ข้อ ๑</td><td>${inner}</td></tr></table>`);
    expect(cells(blocks[0] as TableBlock)).toEqual([
      ['ข้อ ๑', 'ที่ | มาตรการ | ระยะเวลา | ผู้รับผิดชอบ ๑ | จัดทำคู่มือ (ข้อ i๑) | สำนักปลัด ๒ | ประกาศเจตนารมณ์ | ม.ค. ๖๘ | กองคลัง'],
    ]);
  });
});
