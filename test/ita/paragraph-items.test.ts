/**
 * Measures written as numbered paragraphs (issue 13, layouts.md "Without
 * tables"): the stage that tells labels and measure heads apart
 * (src/ita/paragraph-items.ts), and the whole recogniser on reports written
 * for these tests (no corpus file): entries with their number, period,
 * units, status, budget, codes and section; the fiscal year behind a cover memo.
 */
import { describe, expect, it } from 'vitest';
import { findFiscalYear, type TextLine } from '../../src/ita/header.js';
import { findMeasureHeads, inlineLabels, labelLine, measureHead } from '../../src/ita/paragraph-items.js';
import { recognise } from '../../src/ita/recognise.js';
import { textToBlocks } from '../../src/readers/index.js';

const lines = (...texts: string[]): TextLine[] => texts.map((text, i) => ({ text, source: { page: null, line: i + 1 } }));
const run = (text: string) => recognise(textToBlocks(text));

describe('labelLine: a label from the column vocabulary, then a colon', () => {
  it.each([
    ['ระยะเวลาดำเนินการ: ไตรมาสที่ ๒', 'period', 'ไตรมาสที่ ๒'],
    ['ห้วงเวลา : ม.ค. - มี.ค. ๖๘', 'period', 'ม.ค. - มี.ค. ๖๘'],
    ['หน่วยงานที่รับผิดชอบ: กองคลัง', 'responsible', 'กองคลัง'],
    ['- งบประมาณ (บาท): ๒๐,๐๐๐', 'budget', '๒๐,๐๐๐'],
    ['สถานะ: อยู่ระหว่างดำเนินการ', 'status', 'อยู่ระหว่างดำเนินการ'],
    ['ขั้นตอนการดำเนินงาน: ประชุมชี้แจง', 'steps', 'ประชุมชี้แจง'],
    ['ประเด็นที่ต้องพัฒนา: ข้อ i๒ และ i๓', 'issue', 'ข้อ i๒ และ i๓'],
    ['ผลการดำเนินงาน: ดำเนินการแล้ว', 'result', 'ดำเนินการแล้ว'],
    // a hollow bullet (◦) as OCR reads it: a printed Markdown list scanned (held-out c4 at 200 dpi, 0 of 6 entries)
    ['๐ ระยะเวลา : ม.ค. - มิ.ย. 68', 'period', 'ม.ค. - มิ.ย. 68'],
    ['o ผู้รับผิดชอบ : กองคลัง', 'responsible', 'กองคลัง'],
    ['◦ ผู้รับผิดชอบ: กองคลัง', 'responsible', 'กองคลัง'],
  ])('%s → %s', (text, role, value) => {
    expect(labelLine(text)).toMatchObject({ role, value });
  });

  it('takes a plain field word without a colon for a label, but not a sentence that starts with one', () => {
    expect(labelLine('ระยะเวลาดำเนินการ ต.ค. ๖๗ - ก.ย. ๖๘')).toMatchObject({ role: 'period', value: 'ต.ค. ๖๗ - ก.ย. ๖๘' });
    expect(labelLine('หน่วยงานที่รับผิดชอบ สำนักปลัด')).toMatchObject({ role: 'responsible', value: 'สำนักปลัด' });
    expect(labelLine('ระยะเวลาที่ใช้ในการให้บริการลดลง ร้อยละ ๒๐')).toBeNull();
    expect(labelLine('ขั้นตอน ประชุมชี้แจง')).toBeNull(); // without a colon only period, unit, budget, status
  });

  it('takes ประจำปีงบประมาณ (the fiscal year, a title line or a wrapped sentence going on) for no budget label', () => {
    // pandoc's plain text wraps "จากผลการประเมิน… ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ …" before ประจำปีงบประมาณ: read as a budget
    // label, the line before it opened a measure
    expect(labelLine('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘')).toBeNull();
    expect(labelLine('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ เทศบาลตำบลหนองหาน ได้คะแนน ๘๘.๓๖ คะแนน')).toBeNull();
    expect(labelLine('งบประมาณ ๒๐,๐๐๐ บาท')).toMatchObject({ role: 'budget', value: '๒๐,๐๐๐ บาท' });
    expect(labelLine('งบประมาณปีงบประมาณ ๒๕๖๘: ๒๐,๐๐๐ บาท')).toMatchObject({ role: 'budget' });
  });

  it('knows a label it has no role for, and takes nothing with a number before the colon for a label', () => {
    expect(labelLine('เรื่อง: รายงานผล')).toMatchObject({ label: 'เรื่อง', role: null });
    expect(labelLine('ข้อ ๑: จัดทำคู่มือ')).toBeNull();
    expect(labelLine('จัดทำคู่มือการให้บริการประชาชน')).toBeNull();
  });
});

describe('inlineLabels: labels inside one line', () => {
  it('cuts the line at the labels the vocabulary knows, each value up to the next', () => {
    const r = inlineLabels('๖. ข้อ o๒๗ ได้ ๕๐ คะแนน แนวทาง: ปรับแบบรายงาน ระยะเวลา: เม.ย. - มิ.ย. ๖๘ ผู้รับผิดชอบ : สำนักปลัด/กองคลัง');
    expect(r.labels.map((l) => [l.role, l.value])).toEqual([
      ['period', 'เม.ย. - มิ.ย. ๖๘'],
      ['responsible', 'สำนักปลัด/กองคลัง'],
    ]);
    expect(inlineLabels('เวลา 10:30 น. จัดประชุม').labels).toEqual([]);
  });
});

describe('measureHead: the numbering a measure line starts with', () => {
  it.each([
    ['มาตรการที่ ๓ จัดทำคู่มือ', 'word', 3, null],
    ['กิจกรรมที่ 2: อบรมบุคลากร', 'word', 2, null],
    ['(๒) จัดระบบบัตรคิว', 'paren', 2, null],
    ['๔) เผยแพร่ข้อมูล', 'dot', 4, null],
    ['**๕. ประชาสัมพันธ์**', 'dot', 5, null],
    ['ข้อ ๖ จัดทำแผน', 'kho', 6, null],
    ['๑.๒ ประชุมชี้แจง', 'sub', 2, 1],
  ])('%s → %s %i', (text, mark, seq, parent) => {
    expect(measureHead(text)).toMatchObject({ mark, seq, parent });
  });

  it('is not an issue heading or an item code', () => {
    expect(measureHead('ประเด็นที่ ๒ การให้บริการ')).toBeNull();
    expect(measureHead('ข้อ i๔ มีการให้บริการ')).toBeNull();
    expect(measureHead('จัดทำคู่มือ')).toBeNull();
  });
});

describe('findMeasureHeads: a numbered line is a measure when field labels follow it', () => {
  it('takes the measure line under a numbered heading, not the heading', () => {
    const heads = findMeasureHeads([
      '(๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
      'มาตรการที่ ๑ จัดทำคู่มือการให้บริการ',
      'วิธีดำเนินงาน: ทบทวนขั้นตอน', // a label the vocabulary does not know may come first
      'ระยะเวลา: ไตรมาสที่ ๑',
    ]);
    expect([...heads.keys()]).toEqual([1]);
  });

  it('lets the measure text wrap over two lines before its labels, and stops at a table', () => {
    expect([...findMeasureHeads(['๑) จัดทำคู่มือ', 'การให้บริการประชาชน', 'ทุกงานบริการ', 'ผู้รับผิดชอบ: กองคลัง']).keys()]).toEqual([0]);
    expect([...findMeasureHeads(['๑) จัดทำคู่มือ', 'ก', 'ข', 'ค', 'ผู้รับผิดชอบ: กองคลัง']).keys()]).toEqual([]);
    expect([...findMeasureHeads(['๑) จัดทำคู่มือ', null, 'ผู้รับผิดชอบ: กองคลัง']).keys()]).toEqual([]);
  });

  it('reads "ข้อ N" as a measure number only where the text speaks of measures, never beside a score', () => {
    const measures = ['จึงกำหนดมาตรการ ดังนี้', 'ข้อ ๑ จัดทำคู่มือ', 'ระยะเวลา: ไตรมาสที่ ๑'];
    expect([...findMeasureHeads(measures).keys()]).toEqual([1]);
    const analysis = ['ผลการวิเคราะห์ ดังนี้', 'ข้อ ๒๕ ได้คะแนน ๑๐๐ ประเด็น บุคลากร', 'ระยะเวลา: ไตรมาสที่ ๑'];
    expect([...findMeasureHeads(analysis).keys()]).toEqual([]);
    expect([...findMeasureHeads(['สรุปผล ดังนี้', 'ข้อ ๑ จัดทำคู่มือ', 'ระยะเวลา: ไตรมาสที่ ๑']).keys()]).toEqual([]);
  });

  it('tells sub-measures with labels of their own from steps written as sub-numbered lines', () => {
    const subMeasures = ['๒) จัดระบบบัตรคิว', '๒.๑ จัดซื้อเครื่อง', 'ระยะเวลา: มกราคม ๒๕๖๘', '๒.๒ ติดตั้งป้าย', 'ระยะเวลา: ก.พ. ๖๘'];
    expect([...findMeasureHeads(subMeasures).keys()]).toEqual([0, 1, 3]);
    const steps = ['๑) จัดทำคู่มือ', '๑.๑ ประชุมชี้แจง', '๑.๒ ออกประกาศ', 'ระยะเวลา: ไตรมาสที่ ๑'];
    expect([...findMeasureHeads(steps).keys()]).toEqual([0]);
  });

  it('finds measures whose number the reader lost by their labels starting over, not a wrapped value', () => {
    const texts = [
      'จัดทำคู่มือการให้บริการประชาชน',
      'ระยะเวลา: ไตรมาสที่ ๑',
      'ผู้รับผิดชอบ: กองคลัง งาน',
      'พัสดุและครุภัณฑ์ทุกรายการ', // a wrapped value: งบประมาณ has not been given yet
      'งบประมาณ: ๕,๐๐๐',
      'จัดระบบบัตรคิวอัตโนมัติ',
      'ระยะเวลา: ไตรมาสที่ ๒', // a second period: a new measure
    ];
    const heads = findMeasureHeads(texts);
    expect([...heads.keys()].sort((a, b) => a - b)).toEqual([0, 5]);
    expect(heads.get(0)?.mark).toBe('none');
    // one block alone is no evidence
    expect([...findMeasureHeads(texts.slice(0, 5)).keys()]).toEqual([]);
  });

  it('takes a measure without labels numbered next after labelled ones', () => {
    const heads = findMeasureHeads(['๑) จัดทำคู่มือ', 'ระยะเวลา: ไตรมาสที่ ๑', '๒) อบรมบุคลากร', '๔) ไม่ต่อเนื่อง']);
    expect([...heads.keys()]).toEqual([0, 2]);
  });
});

const REPORT = `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน
องค์การบริหารส่วนตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี
ประจำปีงบประมาณ พ.ศ. ๒๕๖๘

ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ
มาตรการที่ ๑ จัดทำคู่มือการให้บริการประชาชนทุกงานบริการ
ประเด็นที่ต้องพัฒนา: ข้อ i๒ และ i๓ การให้บริการไม่เป็นไปตามลำดับ
วิธีดำเนินงาน: ทบทวนขั้นตอนและประกาศให้ประชาชนทราบ
ระยะเวลา: ไตรมาสที่ ๑ - ๒
ผู้รับผิดชอบ: สำนักปลัด กองคลัง
งบประมาณ: ไม่ใช้งบประมาณ
สถานะ: ดำเนินการแล้ว
มาตรการที่ ๒ จัดระบบบัตรคิวอัตโนมัติที่ศูนย์บริการร่วม
๒.๑ จัดซื้อเครื่องออกบัตรคิว
ระยะเวลา: มกราคม ๒๕๖๘
ผู้รับผิดชอบ: กองคลัง
งบประมาณ: ๑๘,๕๐๐
๒.๒ ติดตั้งป้ายบอกวิธีใช้บัตรคิว
ระยะเวลา: ก.พ. - มี.ค. ๖๘
ผู้รับผิดชอบ: งานธุรการ
ผลการดำเนินงาน: อยู่ระหว่างดำเนินการ
ประเด็นที่ ๗
มาตรการที่ ๓ ติดตั้งตู้รับเรื่องร้องเรียนการทุจริต
ห้วงเวลา: ตลอดปีงบประมาณ
หน่วยงานที่รับผิดชอบ: นิติกร
ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗
`;

describe('recognise: measures as numbered paragraphs become entries', () => {
  const doc = run(REPORT);
  const brief = doc.entries.map((e) => ({
    kind: e.kind,
    seq: e.seq,
    parentSeq: e.parentSeq,
    section: e.section,
    codes: e.itemCodes.map((c) => c.code),
    periods: e.periods.map((p) => `${p.start?.slice(0, 7)}..${p.end?.slice(0, 7)}`),
    responsible: e.responsible,
    status: e.status,
    baht: e.budget?.baht ?? null,
  }));

  it('gives one entry per measure and sub-measure, with the fields of its labels', () => {
    expect(brief).toEqual([
      { kind: 'paragraph', seq: 1, parentSeq: null, section: 1, codes: ['i2', 'i3'], periods: ['2024-10..2025-03'], responsible: ['สำนักปลัด', 'กองคลัง'], status: 'done', baht: 0 },
      { kind: 'paragraph', seq: 2, parentSeq: null, section: 1, codes: [], periods: [], responsible: [], status: null, baht: null },
      { kind: 'paragraph', seq: null, parentSeq: 2, section: 1, codes: [], periods: ['2025-01..2025-01'], responsible: ['กองคลัง'], status: null, baht: 18500 },
      { kind: 'paragraph', seq: null, parentSeq: 2, section: 1, codes: [], periods: ['2025-02..2025-03'], responsible: ["งานธุรการ"], status: 'in_progress', baht: null },
      { kind: 'paragraph', seq: 3, parentSeq: null, section: 7, codes: [], periods: ['2024-10..2025-09'], responsible: ['นิติกร'], status: null, baht: null },
    ]);
  });

  it('keeps the measure text with its labelled lines, and leaves the closing line out', () => {
    expect(doc.entries[0]!.text).toMatch(/^มาตรการที่ ๑ จัดทำคู่มือ.*ระยะเวลา: ไตรมาสที่ ๑ - ๒/);
    expect(doc.entries.at(-1)!.text).not.toContain('ประกาศ ณ');
    expect(doc.sections.map((s) => s.number)).toEqual([1, 7]);
  });

  it('reads steps written as sub-numbered lines as part of their measure', () => {
    const d = run(`ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
มาตรการที่ ๑ จัดทำคู่มือการให้บริการประชาชน
๑.๑ ประชุมชี้แจงบุคลากร
๑.๒ ออกประกาศให้ประชาชนทราบ
ระยะเวลา: ไตรมาสที่ ๒
ผู้รับผิดชอบ: สำนักปลัด
`);
    expect(d.entries.map((e) => [e.seq, e.parentSeq, e.periods.map((p) => p.start?.slice(0, 7)), e.responsible])).toEqual([[1, null, ['2025-01'], ['สำนักปลัด']]]);
    expect(d.entries[0]!.text).toContain('๑.๒ ออกประกาศ');
  });

  it('reads labels without colons, and a period wrapped onto the next line', () => {
    const d = run(`ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
๑) จัดทำคู่มือการให้บริการประชาชน
ระยะเวลาดำเนินการ ๑ ธันวาคม ๒๕๖๗ -
๓๑ มีนาคม ๒๕๖๘
ผู้รับผิดชอบ สำนักปลัด
งบประมาณ ๒๐,๐๐๐ บาท
`);
    expect(d.entries.map((e) => [e.seq, e.periods.map((p) => `${p.start}..${p.end}`), e.responsible, e.budget?.baht])).toEqual([
      [1, ['2024-12-01..2025-03-31'], ['สำนักปลัด'], 20000],
    ]);
  });

  it('numbers items under a numbered heading by their own number ("๑.๒" under "๑. …" is item 2, no sub-measure)', () => {
    const d = run(`ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
๑. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ
๑.๑ จัดทำคู่มือการให้บริการประชาชน
ระยะเวลา: ไตรมาสที่ ๒
๑.๒ จัดทำแบบขออนุญาตยืมพัสดุ
ระยะเวลา: ไตรมาสที่ ๓
`);
    expect(d.entries.map((e) => [e.seq, e.parentSeq, e.section, e.periods.map((p) => p.start?.slice(0, 7))])).toEqual([
      [1, null, 1, ['2025-01']],
      [2, null, 1, ['2025-04']],
    ]);
  });

  it('reads the value on the line under a label that stands alone', () => {
    const d = run(`ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
มาตรการที่ ๑ จัดทำคู่มือการให้บริการประชาชน
ระยะเวลา:
ไตรมาสที่ ๒
ผู้รับผิดชอบ:
สำนักปลัด กองคลัง
`);
    expect(d.entries.map((e) => [e.periods.map((p) => p.start?.slice(0, 7)), e.responsible])).toEqual([[['2025-01'], ['สำนักปลัด', 'กองคลัง']]]);
  });

  it('gives measures without a written number (a Word list) entries with seq null', () => {
    const d = run(`ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
จัดทำคู่มือการให้บริการประชาชน
ระยะเวลา: ไตรมาสที่ ๑
ผู้รับผิดชอบ: กองคลัง
จัดระบบบัตรคิวอัตโนมัติที่ศูนย์บริการร่วม
ระยะเวลา: ไตรมาสที่ ๒
ผู้รับผิดชอบ: สำนักปลัด
`);
    expect(d.entries.map((e) => [e.seq, e.periods.map((p) => p.start?.slice(0, 7)), e.responsible])).toEqual([
      [null, ['2024-10'], ['กองคลัง']],
      [null, ['2025-01'], ['สำนักปลัด']],
    ]);
  });

  it('ends a measure at a numbered line or an item line that is not its own', () => {
    const d = run(`ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
มาตรการที่ ๑ จัดทำคู่มือการให้บริการประชาชน
ระยะเวลา: ไตรมาสที่ ๒
สรุปผลการดำเนินงาน
๑. บุคลากรเข้าร่วมอบรมครบทุกคน
`);
    expect(d.entries).toHaveLength(1);
    expect(d.entries[0]!.text).not.toContain('บุคลากรเข้าร่วมอบรม');
  });

  it('leaves an item discussion ("ข้อ ๒๕ ได้คะแนน …") an item paragraph with its code', () => {
    const d = run(`ผลการวิเคราะห์ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)
ข้อ ๒๕ ได้คะแนน ๑๐๐ ประเด็น บุคลากรในหน่วยงานเห็นว่าผู้บริหารให้ความสำคัญ
ระยะเวลา: ตลอดปีงบประมาณ
`);
    expect(d.entries.map((e) => [e.seq, e.itemCodes.map((c) => c.code), e.score])).toEqual([[null, ['i25'], 100]]);
  });
});

describe('findFiscalYear behind a cover memo', () => {
  const memo = [
    'บันทึกข้อความ',
    'ส่วนราชการ สำนักปลัด',
    'ที่ อด ๗๘๔๐๑/๒๑๕',
    'วันที่ ๒๐ พฤศจิกายน ๒๕๖๗',
    'เรื่อง ขออนุมัติมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
    'เรียน นายกองค์การบริหารส่วนตำบลหนองบัว',
    'ด้วยสำนักปลัดได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปี พ.ศ. ๒๕๖๗ และจัดทำมาตรการตามแนบ',
    '(นายวีระ ชื่นชม)',
    'ปลัดองค์การบริหารส่วนตำบล',
    '- อนุมัติ -',
    '(นายสุรชัย วงศ์ใหญ่)',
    'นายกองค์การบริหารส่วนตำบลหนองบัว',
  ];

  it("takes the report's own statement, not the year of the assessment the memo cites", () => {
    const fy = findFiscalYear(lines(...memo, 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'องค์การบริหารส่วนตำบลหนองบัว', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'));
    expect(fy?.be).toBe(2568);
  });

  it('takes the notice that publishes the report for its head', () => {
    const fy = findFiscalYear(lines(...memo, 'ประกาศองค์การบริหารส่วนตำบลหนองบัว', 'เรื่อง มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'));
    expect(fy?.be).toBe(2568);
  });

  it('reads the memo when it is the whole document', () => {
    expect(findFiscalYear(lines(...memo))?.be).toBe(2567);
  });
});

describe('measures as an ordered list with line breaks (layout6)', () => {
  it('reads each list item as a numbered measure with its labelled lines', async () => {
    const { extract } = await import('../../src/index.js');
    const html =
      '<p>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p><h3>ประเด็นที่ ๒ การให้บริการและระบบ E-Service</h3>' +
      '<ol start="4"><li>จัดทำคู่มือการให้บริการประชาชนและเผยแพร่บนเว็บไซต์<br>ระยะเวลา: ม.ค. - มี.ค. ๒๕๖๘<br>ผู้รับผิดชอบ: สำนักปลัด</li>' +
      '<li>ประชาสัมพันธ์ช่องทางการให้บริการออนไลน์ผ่านเพจของหน่วยงาน<br>ระยะเวลา: ทุกไตรมาส<br>ผู้รับผิดชอบ: กองคลัง</li></ol>';
    const doc = await extract(html, { fileName: 'list.html' });
    expect(doc.entries.map((e) => [e.seq, e.section, e.periods.map((p) => `${p.start}..${p.end}`), e.responsible])).toEqual([
      [4, 2, ['2025-01..2025-03'], ['สำนักปลัด']],
      [5, 2, ['2024-10..2025-09'], ['กองคลัง']],
    ]);
  });
});
