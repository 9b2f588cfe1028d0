/**
 * entry.status, entry.budget and entry.parentSeq: the readers alone, and
 * whole reports laid out the ways layouts.md lists (a สถานะ column of words,
 * mark columns under a two-row header, a budget column, sub-rows, a
 * continuation that is not a sub-row, a labelled paragraph).
 */
import { describe, it, expect } from 'vitest';
import { extract } from '../../src/index.js';
import { budgetFromCell, budgetFromText, statusFromColumns, statusFromLabel, statusFromTickBoxes, statusFromWords, statusOfHeader } from '../../src/ita/entry-status.js';

describe('statusFromWords', () => {
  it.each([
    ['ดำเนินการแล้ว', 'done'],
    ['ดำเนินการแล้วเสร็จ', 'done'],
    ['ดำเนินการเสร็จสิ้นแล้ว', 'done'],
    ['จัดทำคู่มือแล้วเสร็จ ๑๔ งานบริการ', 'done'],
    ['เสร็จสิ้น', 'done'],
    ['อยู่ระหว่างดำเนินการ', 'in_progress'],
    ['อยู่ระหว่างการดำเนินการ', 'in_progress'],
    ['อยู่ในระหว่างดำเนินการ (ได้รับแบบสำรวจแล้ว ๔๑ ชุด)', 'in_progress'],
    ['ยังไม่ได้ดำเนินการ', 'not_started'],
    ['ยังไม่ดำเนินการ เนื่องจากรองบประมาณ', 'not_started'],
    // a narrow cell's lines joined with the spaces of their wraps (PDF)
    ['ดำเนิน การแล้ว เสร็จ', 'done'],
    ['อยู่ ระหว่าง ดำเนิน การ', 'in_progress'],
    ['ยังไม่ได้ ดำเนิน การ', 'not_started'],
    // a plan, a deadline, a summary of mixed results, nothing: no status
    ['ผู้บริหารติดตามทุกเดือนเพื่อให้เจ้าหน้าที่เร่งดำเนินการให้แล้วเสร็จตามระยะเวลา', null],
    ['กำหนดแล้วเสร็จ มีนาคม ๒๕๖๘', null],
    ['สรุป ดำเนินการแล้ว ๘ มาตรการ อยู่ระหว่างดำเนินการ ๔ มาตรการ', null],
    ['จัดอบรมเจ้าหน้าที่ ๓๐ คน', null],
  ])('%s → %s', (text, status) => {
    expect(statusFromWords(text)).toBe(status);
  });

  it('reads a paragraph only under a label: analysis prose describing a weakness is not a status', () => {
    expect(statusFromLabel('๑) จัดทำคู่มือ ระยะเวลา: ต.ค. ๖๗ สถานะ: อยู่ระหว่างดำเนินการ')).toBe('in_progress');
    expect(statusFromLabel('ผลการดำเนินการ : ดำเนินการแล้วเสร็จ')).toBe('done');
    expect(statusFromLabel('ข้อ O๓๔ หน่วยงานยังไม่ได้ดำเนินการเผยแพร่นโยบาย No Gift Policy')).toBeNull();
  });
});

describe('tick boxes in one cell', () => {
  it('the one ticked option is the status; none or two ticked is none; a single box is no list', () => {
    const opts = (a: string, b: string, c: string) => `${a} ดำเนินการแล้ว\n${b} อยู่ระหว่างดำเนินการ\n${c} ยังไม่ได้ดำเนินการ`;
    expect(statusFromWords(opts('☑', '☐', '☐'))).toBe('done');
    expect(statusFromWords(opts('☐', '☒', '☐'))).toBe('in_progress');
    expect(statusFromWords(opts('□', '□', '■'))).toBe('not_started');
    expect(statusFromWords(opts('[ ]', '[x]', '[ ]'))).toBe('in_progress');
    expect(statusFromWords(opts('☐', '☐', '☐'))).toBeNull();
    expect(statusFromWords(opts('☑', '☑', '☐'))).toBeNull();
    expect(statusFromTickBoxes('☑ ดำเนินการแล้ว')).toBeUndefined();
    expect(statusFromWords('☑ ดำเนินการแล้ว')).toBe('done');
  });
});

describe('status columns', () => {
  it('mark columns under a สถานะ group (merged "สถานะการดำเนินการ ดำเนินการแล้ว") are mark columns; a column naming several statuses holds words', () => {
    expect(['สถานะการดำเนินการ ดำเนินการแล้ว', 'สถานะการดำเนินการ อยู่ระหว่างดำเนินการ', 'สถานะการดำเนินการ ยังไม่ได้ดำเนินการ', 'สถานะการดำเนินการ', 'สถานะ (ดำเนินการแล้ว/อยู่ระหว่างดำเนินการ)'].map(statusOfHeader)).toEqual([
      'done',
      'in_progress',
      'not_started',
      'word',
      'word',
    ]);
  });

  it('tells the mark columns and the word column from their headers; a deadline column is none', () => {
    expect(['ผลการดำเนินการ ดำเนินการแล้ว', 'ผลการดำเนินการ อยู่ระหว่าง', 'ยังไม่ได้ดำเนินการ', 'สถานะ', 'กำหนดเวลาแล้วเสร็จ', 'ผู้รับผิดชอบ'].map(statusOfHeader)).toEqual([
      'done',
      'in_progress',
      'not_started',
      'word',
      null,
      null,
    ]);
  });

  it('reads the marked column, and refuses two marks', () => {
    const cols = [null, 'done', 'in_progress', 'not_started'] as const;
    expect(statusFromColumns(['x', '', '✓', ''], cols)).toBe('in_progress');
    expect(statusFromColumns(['x', 'ü', '', ''], cols)).toBe('done'); // a Wingdings tick exported from Word
    expect(statusFromColumns(['x', '✓', '✓', ''], cols)).toBeNull();
    expect(statusFromColumns(['x', '', '', ''], cols)).toBeNull();
    expect(statusFromColumns(['๑', 'ดำเนินการแล้ว'], [null, 'word'])).toBe('done');
  });
});

describe('budgets', () => {
  it.each([
    ['๒๐,๐๐๐', { baht: 20000, raw: '๒๐,๐๐๐' }],
    ['20,000.-', { baht: 20000, raw: '20,000.-' }],
    ['๑๕,๕๐๐.๕๐ บาท', { baht: 15500.5, raw: '๑๕,๕๐๐.๕๐ บาท' }],
    ['๑.๕ ล้านบาท', { baht: 1500000, raw: '๑.๕ ล้านบาท' }],
    ['ไม่ใช้งบประมาณ', { baht: 0, raw: 'ไม่ใช้งบประมาณ' }],
    ['ไม่มีค่าใช้จ่าย', { baht: 0, raw: 'ไม่มีค่าใช้จ่าย' }],
    ['๕,๐๐๐ บาท (ข้อบัญญัติ ๒๕๖๘)', { baht: 5000, raw: '๕,๐๐๐ บาท (ข้อบัญญัติ ๒๕๖๘)' }],
    // several amounts: the total; a long cell's raw is the amount read
    ['กิจกรรม ๑ ๓,๐๐๐ บาท กิจกรรม ๒ ๒,๐๐๐ บาท รวม ๕,๐๐๐ บาท', { baht: 5000, raw: '๕,๐๐๐ บาท' }],
    ['กิจกรรม ๑ ๓,๐๐๐ บาท กิจกรรม ๒ ๒,๐๐๐ บาท', null],
  ])('cell %s', (cell, budget) => {
    expect(budgetFromCell(cell)).toEqual(budget);
  });

  it.each(['-', '–', '…', '', 'ตามข้อบัญญัติ'])('cell "%s" states no amount', (cell) => {
    expect(budgetFromCell(cell)).toBeNull();
  });

  it('reads a phrase in running text, not a fiscal year nor a shortage', () => {
    expect(budgetFromText('จัดอบรมคุณธรรมจริยธรรม ใช้งบประมาณ ๒๐,๐๐๐ บาท')).toEqual({ baht: 20000, raw: 'งบประมาณ ๒๐,๐๐๐ บาท' });
    expect(budgetFromText('งบประมาณทั้งสิ้น 1.2 ล้านบาท')).toEqual({ baht: 1200000, raw: 'งบประมาณทั้งสิ้น 1.2 ล้านบาท' });
    expect(budgetFromText('ประชาสัมพันธ์ผ่านเพจ ไม่ใช้งบประมาณ')).toEqual({ baht: 0, raw: 'ไม่ใช้งบประมาณ' });
    expect(budgetFromText('ภายในปีงบประมาณ ๒๕๖๘')).toBeNull();
    expect(budgetFromText('ไม่มีงบประมาณเพียงพอ')).toBeNull();
  });
});

const HEAD = '<p>รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p><p>เทศบาลตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี</p>';

async function entriesOf(html: string) {
  const doc = await extract(`<html><body>${HEAD}${html}</body></html>`, { fileName: 'report.html' });
  expect(doc.status).toBe('ok');
  return doc.entries.map((e) => ({ seq: e.seq, parentSeq: e.parentSeq, status: e.status, budget: e.budget?.baht ?? null, codes: e.itemCodes.map((c) => c.code) }));
}

describe('in whole reports', () => {
  it('mark columns under a two-row header, a budget column and numbered sub-rows', async () => {
    const got = await entriesOf(`<table>
<tr><th rowspan="2">ที่</th><th rowspan="2">มาตรการ/กิจกรรม</th><th rowspan="2">ระยะเวลา</th><th rowspan="2">งบประมาณ (บาท)</th><th rowspan="2">ผู้รับผิดชอบ</th><th colspan="3">ผลการดำเนินการ</th></tr>
<tr><th>ดำเนินการแล้ว</th><th>อยู่ระหว่างดำเนินการ</th><th>ยังไม่ได้ดำเนินการ</th></tr>
<tr><td>๑</td><td>จัดทำคู่มือการให้บริการประชาชน (ข้อ i๒)</td><td>ต.ค. ๖๗ – ธ.ค. ๖๗</td><td>๒๐,๐๐๐</td><td>สำนักปลัด</td><td>✓</td><td></td><td></td></tr>
<tr><td></td><td>๑.๑ อบรมเจ้าหน้าที่ผู้ให้บริการ</td><td>พ.ย. ๖๗</td><td>20,000.-</td><td>สำนักปลัด</td><td></td><td>✓</td><td></td></tr>
<tr><td></td><td>๑.๒ เผยแพร่คู่มือบนเว็บไซต์</td><td>ธ.ค. ๖๗</td><td>ไม่ใช้งบประมาณ</td><td>งานประชาสัมพันธ์</td><td></td><td></td><td>✓</td></tr>
<tr><td>๒</td><td>เผยแพร่แผนการจัดซื้อจัดจ้าง (ข้อ o๑๔ – o๑๖)</td><td>ตลอดปีงบประมาณ</td><td>-</td><td>กองคลัง</td><td></td><td>/</td><td></td></tr>
</table>`);
    expect(got).toEqual([
      { seq: 1, parentSeq: null, status: 'done', budget: 20000, codes: ['i2'] },
      { seq: 1, parentSeq: 1, status: 'in_progress', budget: 20000, codes: [] },
      { seq: 2, parentSeq: 1, status: 'not_started', budget: 0, codes: [] },
      { seq: 2, parentSeq: null, status: 'in_progress', budget: null, codes: ['o14', 'o15', 'o16'] },
    ]);
  });

  it('mark columns leave the result role to the column that holds the results, and stay after a page break', async () => {
    const head = `<tr><th rowspan="2">ที่</th><th rowspan="2">มาตรการ</th><th rowspan="2">ระยะเวลา</th><th colspan="3">ผลการดำเนินการ</th><th rowspan="2">ผลการดำเนินงาน</th></tr>
<tr><th>ดำเนินการแล้ว</th><th>อยู่ระหว่าง</th><th>ยังไม่ดำเนินการ</th></tr>`;
    const doc = await extract(
      `<html><body>${HEAD}<table>${head}
<tr><td>๑</td><td>จัดทำคู่มือการให้บริการ (ข้อ i๒)</td><td>ต.ค. ๖๗</td><td>✔</td><td></td><td></td><td>จัดทำคู่มือ ๑๒ งานบริการ</td></tr>
</table><table><tr><th>ที่</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผลการดำเนินการ</th><th></th><th></th><th>ผลการดำเนินงาน</th></tr>
<tr><td>๒</td><td>ประกาศเจตจำนงสุจริต (ข้อ i๒๕)</td><td>ธ.ค. ๖๗</td><td></td><td></td><td>✔</td><td>รอผู้บริหารลงนาม</td></tr>
</table></body></html>`,
      { fileName: 'report.html' },
    );
    expect(doc.entries.map((e) => [e.seq, e.status, e.fields.result])).toEqual([
      [1, 'done', 'จัดทำคู่มือ ๑๒ งานบริการ'],
      [2, 'not_started', 'รอผู้บริหารลงนาม'],
    ]);
  });

  it('a สถานะ column of words; bulleted sub-rows with their own period; a continuation without one merges', async () => {
    const got = await entriesOf(`<table>
<tr><th>ลำดับ</th><th>มาตรการ</th><th>ระยะเวลาดำเนินการ</th><th>ผู้รับผิดชอบ</th><th>สถานะ</th></tr>
<tr><td>๑</td><td>ส่งเสริมการใช้ระบบ E-Service (ข้อ e๙)</td><td>ไตรมาสที่ ๑</td><td>กองช่าง</td><td>ดำเนินการแล้วเสร็จ</td></tr>
<tr><td></td><td>- ประชาสัมพันธ์ช่องทางออนไลน์</td><td>ไตรมาสที่ ๒</td><td>งานประชาสัมพันธ์</td><td>อยู่ระหว่างดำเนินการ</td></tr>
<tr><td></td><td>(๒) สำรวจความพึงพอใจผู้ใช้บริการ</td><td>ไตรมาสที่ ๓</td><td>กองช่าง</td><td>ยังไม่ดำเนินการ</td></tr>
<tr><td>๒</td><td>เปิดเผยหลักเกณฑ์การเลื่อนขั้นเงินเดือน (ข้อ i๑๔)</td><td>ไตรมาสที่ ๑</td><td>กองการเจ้าหน้าที่</td><td>อยู่ระหว่างการดำเนินการ</td></tr>
<tr><td></td><td>และเวียนแจ้งให้พนักงานทุกคนทราบ</td><td></td><td></td><td></td></tr>
</table>`);
    expect(got).toEqual([
      { seq: 1, parentSeq: null, status: 'done', budget: null, codes: ['e9'] },
      { seq: null, parentSeq: 1, status: 'in_progress', budget: null, codes: [] },
      { seq: 2, parentSeq: 1, status: 'not_started', budget: null, codes: [] },
      { seq: 2, parentSeq: null, status: 'in_progress', budget: null, codes: ['i14'] },
    ]);
  });

  it('"๒.๙" rows of a section 2 whose rows are all numbered so are items, not sub-rows', async () => {
    const got = await entriesOf(`<table>
<tr><th>ที่</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>
<tr><td colspan="4"><b>ประเด็นที่ ๒ การให้บริการและระบบ E-Service</b></td></tr>
<tr><td>๒.๑</td><td>พัฒนาระบบคำร้องออนไลน์ (ข้อ e๙)</td><td>ไตรมาสที่ ๑</td><td>กองช่าง</td></tr>
<tr><td>๒.๒</td><td>ประชาสัมพันธ์ระบบคำร้องออนไลน์</td><td>ไตรมาสที่ ๒</td><td>สำนักปลัด</td></tr>
</table>`);
    expect(got.map((e) => [e.seq, e.parentSeq])).toEqual([
      [1, null],
      [2, null],
    ]);
  });

  it('a paragraph: status under its label, budget from its phrase', async () => {
    const doc = await extract(
      `${HEAD.replace(/<\/?p>/g, '\n')}\nข้อ i๑๓ ได้คะแนน ๗๘.๕๐ ประเด็น ผู้บริหารควรประกาศเจตจำนงสุจริต จัดกิจกรรมใช้งบประมาณ ๕,๐๐๐ บาท สถานะ: ดำเนินการแล้ว\n`,
      { fileName: 'report.txt' },
    );
    const e = doc.entries[0]!;
    expect([e.kind, e.status, e.budget, e.parentSeq]).toEqual(['paragraph', 'done', { baht: 5000, raw: 'งบประมาณ ๕,๐๐๐ บาท' }, null]);
  });
});

describe('status as a percentage, and status columns told by their cells (layout6)', () => {
  it('reads a progress column in per cent: 100 done, 0 not started, between in progress', async () => {
    const { statusFromPercent } = await import('../../src/ita/entry-status.js');
    expect(statusOfHeader('ร้อยละความสำเร็จ')).toBe('percent');
    expect(statusOfHeader('ความก้าวหน้า (%)')).toBe('percent');
    expect(statusOfHeader('ค่าเป้าหมาย (ร้อยละ)')).toBeNull();
    const cols = [null, 'percent'] as const;
    expect(statusFromColumns(['ก', '๑๐๐%'], cols)).toBe('done');
    expect(statusFromColumns(['ก', '50 %'], cols)).toBe('in_progress');
    expect(statusFromColumns(['ก', '๐'], cols)).toBe('not_started');
    expect(statusFromColumns(['ก', '120%'], cols)).toBeNull();
    // in a column of words the sign must be there: a bare number is no status
    expect(statusFromPercent('๑๐๐%', true)).toBe('done');
    expect(statusFromPercent('100', true)).toBeNull();
  });

  it('a column of status phrases under a header naming none is a status column', async () => {
    const { statusColumnsByContent } = await import('../../src/ita/entry-status.js');
    const rows = [
      ['๑', 'จัดทำคู่มือแล้วเสร็จและเผยแพร่ให้บุคลากร', 'อยู่ระหว่างดำเนินการ'],
      ['๒', 'มีการประชุมชี้แจงแล้ว', 'ดำเนินการแล้วเสร็จ'],
      ['๓', 'รายงานผลการประเมินเสนอผู้บริหาร', 'ยังไม่ได้ดำเนินการ'],
    ];
    const cols = statusColumnsByContent(rows, null);
    expect(cols).toEqual([null, null, 'word']);
    expect(statusFromColumns(rows[0]!, cols!)).toBe('in_progress');
    // results that merely use the words are no status column
    expect(statusColumnsByContent(rows.map((r) => r.slice(0, 2)), null)).toBeNull();
  });

  it('a column of tick-box lists under a header naming none is a status column, read by the ticked box', async () => {
    const { statusColumnsByContent } = await import('../../src/ita/entry-status.js');
    const box = (k: number) => ['ดำเนินการแล้ว', 'อยู่ระหว่างดำเนินการ', 'ยังไม่ได้ดำเนินการ'].map((w, i) => `${i === k ? '☑' : '☐'} ${w}`).join('\n');
    const rows = [
      ['๑', 'มีการประชุมชี้แจงแล้ว', box(1)],
      ['๒', 'รายงานผลการประเมินเสนอผู้บริหาร', box(2)],
    ];
    const cols = statusColumnsByContent(rows, null);
    expect(cols).toEqual([null, null, 'word']);
    expect(statusFromColumns(rows[1]!, cols!)).toBe('not_started');
  });

  it('a table of one row (the rest after a page break) still shows its status column by content', async () => {
    const { statusColumnsByContent } = await import('../../src/ita/entry-status.js');
    const one = [['๑', 'ประชาสัมพันธ์ผ่านเสียงตามสาย', 'ยังไม่ได้ดำเนินการ', 'มีการปรับปรุงข้อมูลพื้นฐานในเว็บไซต์ให้ครบถ้วน']];
    const cols = statusColumnsByContent(one, null);
    expect(cols).toEqual([null, null, 'word', null]);
    expect(statusFromColumns(one[0]!, cols!)).toBe('not_started');
    // a cut row's rest above it leaves the column empty: still one phrase of one
    expect(statusColumnsByContent([['(ต่อ)', 'บติดตามและรายงานผู้บริหาร', '', ''], ['๒', 'ทบทวนคู่มือ', 'อยู่ระหว่างดำเนินการ', 'รายงานผลเสนอผู้บริหารแล้ว']], null)).toEqual([null, null, 'word', null]);
    // a result sentence alone is not
    expect(statusColumnsByContent([['๑', 'ทบทวนคู่มือ', 'ดำเนินการจัดประชุมชี้แจงบุคลากรแล้ว']], null)).toBeNull();
  });

  it('a status phrase with the date it was reached is still a status phrase', async () => {
    const { statusColumnsByContent } = await import('../../src/ita/entry-status.js');
    const rows = [
      ['๑', 'มีการประชุมชี้แจงแล้ว', 'ดำเนินการแล้ว (มี.ค. ๖๖)'],
      ['๒', 'รายงานผลการประเมินเสนอผู้บริหาร', 'อยู่ระหว่างดำเนินการ ณ วันที่ ๑๖ กันยายน ๒๕๖๖'],
      ['๓', 'จัดทำคู่มือแล้วเสร็จ', 'ดำเนินการแล้วเสร็จ เมื่อวันที่ ๑๔ ก.พ. ๖๖'],
      ['๔', 'เผยแพร่บนเว็บไซต์', 'ยังไม่ได้ดำเนินการ\n(ข้อมูล ณ ๕ ธันวาคม ๒๕๖๕)'],
    ];
    const cols = statusColumnsByContent(rows, null);
    expect(cols).toEqual([null, null, 'word']);
    expect(rows.map((r) => statusFromColumns(r, cols!))).toEqual(['done', 'in_progress', 'done', 'not_started']);
    // a sentence about the work with a date in it is not
    const results = rows.map((r, i) => [r[0]!, r[1]!, `ดำเนินการจัดประชุมชี้แจงบุคลากรทุกส่วนราชการแล้ว ครั้งที่ ${i + 1} (มี.ค. ๖๖)`]);
    expect(statusColumnsByContent(results, null)).toBeNull();
  });

  it('extract: status from a "ร้อยละความสำเร็จ" column', async () => {
    const html =
      '<p>รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>' +
      '<table><tr><th>ลำดับ</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ร้อยละความสำเร็จ</th></tr>' +
      '<tr><td>๑</td><td>จัดทำคู่มือการให้บริการประชาชนและเผยแพร่บนเว็บไซต์</td><td>ม.ค. - มี.ค. ๒๕๖๘</td><td>๑๐๐%</td></tr>' +
      '<tr><td>๒</td><td>ประชาสัมพันธ์ช่องทางการให้บริการออนไลน์ผ่านเพจของหน่วยงาน</td><td>ไตรมาส ๓</td><td>๕๐%</td></tr></table>';
    const doc = await extract(html, { fileName: 'percent.html' });
    expect(doc.entries.map((e) => e.status)).toEqual(['done', 'in_progress']);
  });
});
