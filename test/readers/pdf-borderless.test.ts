/**
 * PDF renderings of held-out reports printed with tables WITHOUT ruling
 * lines (corpus-to-html.py, the table borders removed, then LibreOffice:
 * `soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf`)
 * against the expected outputs written for the text versions. The columns
 * sit a few points apart and short cells are centred in their rows, so the
 * tables must come from the gutters between the columns' texts and the
 * bands between the rows.
 */
import { describe, it, expect } from 'vitest';
import { assemble } from '../../src/readers/_pdf-assemble.js';
import type { PageLayout } from '../../src/readers/_pdf-layout.js';
import { type Run, runsToLines } from '../../src/readers/_pdf-text.js';
import type { TableBlock } from '../../src/model/blocks.js';

// the end-to-end checks of the borderless renderings are in pdf-heldout.test.ts

/* Synthetic pages: runs placed as LibreOffice prints a borderless table. */

function run(text: string, x: number, y: number, w: number): Run {
  return { text, x, y, w, size: 12, bold: false };
}

function page(runs: Run[]): PageLayout {
  const lines = runsToLines(runs);
  return {
    page: 1,
    box: { left: 0, bottom: 0, right: 595, top: 842 },
    items: lines.map((line) => ({ kind: 'line' as const, line })),
    raw: '',
    text: '',
    imageCoverage: 0,
    paths: 0,
    pitch: 1.5,
  };
}

describe('gutter tables (columns a few points apart, no rules)', () => {
  it('splits the columns at the gutters and groups the lines of a row, its centred number included', () => {
    const runs = [
      // header, three columns ("ลำดับ" centred between two lines)
      run('ประเด็นที่ต้องพัฒนา', 78, 600, 96),
      run('มาตรการ', 257, 600, 60),
      run('ลำดับ', 58, 590, 12),
      run('ผู้รับผิดชอบ', 470, 590, 56),
      // row 1: three lines, the number and the unit centred on the middle one
      run('บุคลากรบางส่วนเห็นว่า', 78, 550, 170),
      run('จัดทำคู่มือมาตรฐาน', 257, 550, 190),
      run('1', 58, 540, 7),
      run('สำนักปลัด', 470, 540, 50),
      run('(ข้อ i1)', 78, 530, 40),
      run('แต่ละงาน', 257, 530, 60),
      // row 2, after a wider gap
      run('เจ้าหน้าที่บางราย', 78, 490, 150),
      run('ประชุมชี้แจง', 257, 490, 150),
      run('2', 58, 480, 7),
      run('กองคลัง', 470, 480, 40),
      run('(ข้อ I2)', 78, 470, 40),
    ];
    const blocks = assemble([page(runs)]);
    const tables = blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows.map((r) => r.cells.map((c) => c.paragraphs.join(' / ')));
    expect(rows).toEqual([
      ['ลำดับ', 'ประเด็นที่ต้องพัฒนา', 'มาตรการ', 'ผู้รับผิดชอบ'],
      ['1', 'บุคลากรบางส่วนเห็นว่า (ข้อ i1)', 'จัดทำคู่มือมาตรฐาน แต่ละงาน', 'สำนักปลัด'],
      ['2', 'เจ้าหน้าที่บางราย (ข้อ I2)', 'ประชุมชี้แจง', 'กองคลัง'],
    ]);
  });

  it('leaves prose with aligned word gaps as paragraphs', () => {
    const runs = [
      run('ตามที่หน่วยงานได้นำผลการประเมิน', 57, 700, 200),
      run('มาจัดทำมาตรการส่งเสริมคุณธรรม', 262, 700, 290),
      run('และความโปร่งใสภายในหน่วยงาน', 57, 676, 200),
      run('แยกตามประเด็นการประเมินเจ็ดประเด็น', 262, 676, 290),
      run('ดังนี้', 57, 652, 40),
    ];
    const blocks = assemble([page(runs)]);
    expect(blocks.some((b) => b.type === 'table')).toBe(false);
  });
});
