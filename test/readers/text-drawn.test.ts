/**
 * Tables other producers draw in Markdown and plain text (fixtures/producers:
 * pandoc 2.17's output for one small Thai table, as pandoc-md, pandoc-plain
 * and pandoc-gfm write it in the layout bench's producer formats).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../src/model/blocks.js';
import { readText } from '../../src/readers/text.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/producers/${name}`, import.meta.url), 'utf8');

function tables(blocks: Block[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.type === 'table');
}

const cells = (t: TableBlock): string[][][] => t.rows.map((r) => r.cells.map((c) => c.paragraphs));

const HEADER = [['ลำดับ'], ['มาตรการ'], ['ระยะเวลาดำเนินการ'], ['ผู้รับผิดชอบ']];
const FIRST = [['1'], ['จัดทำประกาศและเผยแพร่บนเว็บไซต์ของหน่วยงาน และประชาสัมพันธ์ผ่านเสียงตามสาย เพจเฟซบุ๊ก และบอร์ดประชาสัมพันธ์'], ['ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙'], ['สำนักปลัด']];

describe('tables drawn with dashes and spaces', () => {
  it.each(['multiline.md', 'plain.txt'])('reads a multiline table (%s): wrapped cell lines joined, rows split at blank lines', (name) => {
    const doc = readText(fixture(name), 'markdown');
    const [t, ...rest] = tables(doc.blocks);
    expect(rest).toHaveLength(0);
    expect(t!.rows.map((r) => r.header)).toEqual([true, false, false]);
    expect(cells(t!)).toEqual([HEADER, FIRST, [['2'], ['ผู้บริหารกำกับติดตามการดำเนินการทุกเดือน'], ['ทุกไตรมาส'], ['กองการศึกษา, กองช่าง']]]);
    // the paragraphs around it stay paragraphs
    expect(doc.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text)).toEqual([
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      'ประกาศ ณ วันที่ ๒๘ ธันวาคม ๒๕๖๘',
    ]);
  });

  it('reads a simple table: a header line over the column line, one row a line', () => {
    const [t] = tables(readText(fixture('simple.txt'), 'text').blocks);
    expect(cells(t!)).toEqual([HEADER, FIRST, [['2'], ['ผู้บริหารกำกับติดตามการดำเนินการทุกเดือน'], ['ทุกไตรมาส'], ['กองการศึกษา, กองช่าง']]]);
  });

  it('reads a grid table: paragraphs at blank lines, Thai runs cut at the column width joined without a space', () => {
    const [t] = tables(readText(fixture('grid.md'), 'markdown').blocks);
    expect(t!.rows.map((r) => r.header)).toEqual([true, false, false]);
    // "ผ" | "ู้รับผิดชอบ", "จัดทำประ" | "กาศและ…": pieces that fill the column are the rest of a word
    expect(cells(t!)).toEqual([
      HEADER,
      FIRST,
      [['2'], ['ผู้บริหารกำกับติดตามการดำเนินการทุกเดือน', 'รวบรวมสถิติและสรุปผลเสนอผู้บริหาร'], ['ทุกไตรมาส'], ['กองการศึกษา, กองช่าง']],
    ]);
  });

  it('reads an HTML table written inside Markdown (pandoc gfm, where a pipe table cannot hold a cell) as a table', () => {
    const doc = readText(fixture('gfm.md'), 'markdown');
    const [t] = tables(doc.blocks);
    expect(cells(t!)[2]).toEqual([['2'], ['ผู้บริหารกำกับติดตามการดำเนินการทุกเดือน', 'รวบรวมสถิติและสรุปผลเสนอผู้บริหาร'], ['ทุกไตรมาส'], ['กองการศึกษา, กองช่าง']]);
    // no tag text left as paragraphs
    expect(doc.blocks.some((b) => b.type === 'paragraph' && /<|col style/.test((b as { text: string }).text))).toBe(false);
  });

  it('leaves rules between paragraphs alone: a dash line with no column line under it is no table', () => {
    const doc = readText('ข้อความแรก\n\n-----\n\nข้อความที่สอง\n\n-----\n', 'markdown');
    expect(tables(doc.blocks)).toHaveLength(0);
    expect(doc.blocks.map((b) => (b as { text: string }).text)).toEqual(['ข้อความแรก', 'ข้อความที่สอง']);
  });
});
