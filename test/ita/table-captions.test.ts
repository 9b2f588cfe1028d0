/**
 * One table per issue with the issue's heading as a caption row above the
 * column header (layout6's sections:caption-rows): the caption is the
 * section, and the header under it still gives the columns.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const head = '<p>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>';
const table = (caption: string, rows: string[][]) =>
  `<table><tr><td colspan="4"><b>${caption}</b></td></tr>` +
  '<tr><th>ลำดับ</th><th>มาตรการ</th><th>ระยะเวลาดำเนินการ</th><th>ผู้รับผิดชอบ</th></tr>' +
  rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
  '</table>';

describe('caption rows over a table of their own', () => {
  it('HTML: the spanning caption names the section, the header below it the columns', async () => {
    const html =
      head +
      table('(๒) การให้บริการและระบบ E-Service', [['๑', 'จัดทำคู่มือการให้บริการประชาชนและเผยแพร่บนเว็บไซต์', 'ม.ค. - มี.ค. ๒๕๖๘', 'สำนักปลัด']]) +
      table('(๓) ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [['๒', 'ประชาสัมพันธ์ข้อมูลข่าวสารผ่านเพจของหน่วยงานอย่างสม่ำเสมอ', 'ไตรมาส ๓', 'กองคลัง']]);
    const doc = await extract(html, { fileName: 'captions.html' });
    expect(doc.entries.map((e) => [e.seq, e.section, e.periods[0]?.start, e.responsible])).toEqual([
      [1, 2, '2025-01', ['สำนักปลัด']],
      [2, 3, '2025-04', ['กองคลัง']],
    ]);
  });

  it('text: a caption row is one filled cell before the header', async () => {
    const text = [
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
      '',
      '(๒) การให้บริการและระบบ E-Service\t\t\t',
      'ลำดับ\tมาตรการ\tระยะเวลาดำเนินการ\tผู้รับผิดชอบ',
      '๑\tจัดทำคู่มือการให้บริการประชาชนและเผยแพร่บนเว็บไซต์\tม.ค. - มี.ค. ๒๕๖๘\tสำนักปลัด',
      '',
    ].join('\n');
    const doc = await extract(text, { fileName: 'captions.txt' });
    expect(doc.entries.map((e) => [e.seq, e.section, e.periods[0]?.start])).toEqual([[1, 2, '2025-01']]);
  });
});
