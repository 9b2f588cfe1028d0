/**
 * A table's two-row header split by a page break: the caption and the
 * first header row end one page, the sub-titles (months) and the data start
 * the next, drawn as a coarser grid above a finer one.
 */
import { describe, expect, it } from 'vitest';
import { type TableCell, type TableRow, cell, position, row, table } from '../../src/model/blocks.js';
import { joinSplitHeader } from '../../src/readers/_pdf-split-header.js';
import { toGrid } from '../../src/ita/grid.js';

const c = (text: string, colspan = 1): TableCell => cell(text === '' ? [] : [text], { colspan });
const r = (...cells: Array<TableCell | string>): TableRow => row(cells.map((x) => (typeof x === 'string' ? c(x) : x)), position(1, null));
const texts = (rows: TableRow[]): string[][] => rows.map((x) => x.cells.map((k) => k.paragraphs.join(' ')));

// columns: ที่ | ต.ค. พ.ย. ธ.ค. (พ.ศ. ๒๕๖๗) | ม.ค. ก.พ. (พ.ศ. ๒๕๖๘) | มาตรการ
const fineXs = [0, 20, 30, 40, 50, 60, 70, 200];
const coarseXs = [0, 20, 50, 70, 200];

describe('joinSplitHeader', () => {
  it('joins the top of a header split from its sub-titles by a page break, titles reaching down, groups over their months', () => {
    const t = table([r(c('ประเด็นที่ ๔ กระบวนการกำกับดูแล', 4)), r('ที่', 'พ.ศ. ๒๕๖๗', 'พ.ศ. ๒๕๖๘', 'มาตรการ')], position(1, null));
    const next = [r('', 'ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', ''), r('ข้อ ๑', '', '✓', '✓', '', '', 'จัดทำทะเบียนคุม')];
    expect(joinSplitHeader(t, coarseXs, next, fineXs)).toBe(true);
    expect(t.rows.map((x) => x.header)).toEqual([false, true, true, false]);
    expect(t.rows[0]!.cells[0]!.colspan).toBe(7);
    expect(t.rows[1]!.cells.map((k) => [k.colspan, k.rowspan])).toEqual([[1, 2], [3, 1], [2, 1], [1, 2]]);
    expect(texts(t.rows.slice(2))).toEqual([['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.'], ['ข้อ ๑', '', '✓', '✓', '', '', 'จัดทำทะเบียนคุม']]);
    // as a grid: one header row, months under their years, the data row's marks under their months
    const g = toGrid(t);
    expect(texts(g.rows).slice(-2)).toEqual([
      ['ที่', 'พ.ศ. ๒๕๖๗ ต.ค.', 'พ.ย.', 'ธ.ค.', 'พ.ศ. ๒๕๖๘ ม.ค.', 'ก.พ.', 'มาตรการ'],
      ['ข้อ ๑', '', '✓', '✓', '', '', 'จัดทำทะเบียนคุม'],
    ]);
  });

  it('leaves tables that do not split a header apart', () => {
    // the page before ended with data: not a header's top
    const data = table([r('ที่', 'พ.ศ. ๒๕๖๗', 'พ.ศ. ๒๕๖๘', 'มาตรการ'), r('๑', 'ก', 'ข', 'ค'), r('๒', 'ก', 'ข', 'ค'), r('๓', 'ก', 'ข', 'ค')], position(1, null));
    expect(joinSplitHeader(data, coarseXs, [r('', 'ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', '')], fineXs)).toBe(false);
    // columns that do not line up
    const top = table([r('ที่', 'พ.ศ. ๒๕๖๗', 'พ.ศ. ๒๕๖๘', 'มาตรการ')], position(1, null));
    expect(joinSplitHeader(top, [0, 25, 50, 70, 200], [r('', 'ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', '')], fineXs)).toBe(false);
    // a first row with text under every title: no title reaches down
    expect(joinSplitHeader(top, coarseXs, [r('๑', 'ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'ก')], fineXs)).toBe(false);
    expect(top.rows).toHaveLength(1);
  });
});
