/**
 * An issue (ประเด็น) column in the measure table: the seven issues' numbers
 * or numbered titles written on each group's first row. It names the
 * section of the rows under it, never their sequence number.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const read = async (lines: string[]) => {
  const text = ['มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', ...lines].join('\n');
  const doc = await extract(new TextEncoder().encode(text), { fileName: 'r.txt' });
  return doc.entries.map((e) => ({ section: e.section, seq: e.seq, codes: e.itemCodes.map((c) => c.code) }));
};

describe('issue columns', () => {
  it('a "ประเด็นที่" column of bare numbers beside a number column gives each group its section', async () => {
    const rows = await read([
      'ประเด็นที่\tลำดับ\tมาตรการ\tระยะเวลา\tผู้รับผิดชอบ',
      '๒\t๑\tพัฒนาระบบรับคำร้องออนไลน์ (e๑๓)\tต.ค. ๖๗ - ธ.ค. ๖๗\tกองคลัง',
      '\t๒\tสำรวจความพึงพอใจผู้รับบริการ\tม.ค. ๖๘\tกองคลัง',
      '๔\t๓\tจัดทำทะเบียนการยืมครุภัณฑ์\tก.พ. ๖๘\tกองคลัง',
    ]);
    expect(rows.map((r) => [r.section, r.seq])).toEqual([[2, 1], [2, 2], [4, 3]]);
  });

  it('bare numbers under an indicator column (ตัวชี้วัดที่) are no sections', async () => {
    const rows = await read([
      'ตัวชี้วัดที่\tลำดับ\tมาตรการ\tระยะเวลา\tผู้รับผิดชอบ',
      '๒\t๑\tพัฒนาระบบรับคำร้องออนไลน์\tต.ค. ๖๗ - ธ.ค. ๖๗\tกองคลัง',
      '๔\t๒\tจัดทำทะเบียนการยืมครุภัณฑ์\tก.พ. ๖๘\tกองคลัง',
    ]);
    expect(rows.map((r) => r.section)).toEqual([null, null]);
  });

  it('an issue column of numbered titles without a number column gives sections and no seq', async () => {
    const rows = await read([
      'ประเด็น\tข้อ\tมาตรการ\tระยะเวลา',
      '๒. การให้บริการและระบบ E-Service\tE๕\tสำรวจความพึงพอใจของผู้รับบริการ\tก.ค. ๖๘',
      '\tE๖\tปรับปรุงระบบรับคำร้องออนไลน์\tม.ค. - ก.ย. ๖๘',
      '๕. กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง\ti๘\tเผยแพร่แผนการจัดซื้อจัดจ้าง\tต.ค. ๖๗',
    ]);
    expect(rows).toEqual([
      { section: 2, seq: null, codes: ['e5'] },
      { section: 2, seq: null, codes: ['e6'] },
      { section: 5, seq: null, codes: ['i8'] },
    ]);
  });
});
