import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fieldText, fieldsOf, rowText, scoreOf, seqOf, seqOfNumberCell } from '../../src/ita/entry-fields.js';
import { cell } from '../../src/model/blocks.js';
import { toThaiDigits } from '../../src/thai/digits.js';
import type { FieldRole } from '../../src/model/schema.js';

describe('scoreOf: scores cited in corpus entries', () => {
  it.each<[string, number | null]>([
    // 000 issue cells
    ['ประเด็น เจ้าหน้าที่ใน หน่วยงานของท่าน มีการ เรียก รับสินบนเพื่อแลก กับการปฏิบัติงานหรือ การให้บริการหรือไม่ (ข้อ 1๓) (ค่าคะแนน ๙๑.๑๘)', 91.18],
    ['ประเด็น ท่านคิดว่า การดำเนินการเพื่อป้องกันการทุจริตและประพฤตินิ ชอบได้ มากน้อย เพียงใด (ข้อ 1๑๔) (ค่าคะแนน ๙๑.๑๘)', 91.18],
    ['ประเด็น มีผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางรายมีความเห็นว่าหน่วยงานยังไม่มีปรับปรุงการดำเนินงานหรือโครงการเพื่อตอบสนองต่อประชาชนและส่วนรวมเท่าที่ควร (ข้อ E๘)', null],
    // 004 paragraphs
    ['ข้อ ๒๕ ได้คะแนน ๑๐๐ ประเด็น บุคลากรในหน่วยงานบางรายเห็นว่าผู้บริหารสูงสุดของหน่วยงานยังไม่ให้ความสำคัญกับการดำเนินงานเรื่องการต่อต้านทุจริตภายในหน่วยงาน', 100],
    ['ข้อ 1๗ ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากรในหน่วยงานบางรายไม่ทราบถึงแผนการใช้จ่ายงบประมาณในหน่วยงานเท่าที่ควร', 98.68],
    ['ข้อ 1๙ ได้คะแนน ๙๒.๖๖ ประเด็น บุคลากรในหน่วยงานบางรายไม่คำนึงถึงการใช้จ่ายงบประมาณเพื่อประโยชน์สูงสุด', 92.66],
    ['ข้อ E๑๑ ได้คะแนน ๘๒.๒๕ ประเด็น เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ มีการปรับปรุงคุณภาพการปฏิบัติงาน/การให้บริการให้ดีขึ้นมากน้อยเพียงใด', 82.25],
    ['ข้อ E๑๒ ได้คะแนน ๘๓.๖๘ ประเด็นหน่วยงานที่ทวนติดต่อ มีการปรับปรุงวิธีการและขั้นตอนการดำเนินงาน/การให้บริการดีขึ้น มากน้อยเพียงใด', 83.68],
    // 004: E4 is discussed and scored after its question text
    [
      'หน่วยงาน องค์การบริหารส่วนตำบลบ้านหม้อ ได้มีการดำเนินการตามตัวชี้วัดข้อ E๔ ในระยะเวลา ๑ ปีที่ผ่านมา ท่านเคยถูกเจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อร้องขอให้จ่ายหรือให้สิ่งดังต่อไปนี้ เพื่อแลกกับการปฏิบัติงาน การอนุมัติ อนุญาต หรือให้บริการ หรือไม่ ได้คะแนน ๑๐๐ ที่ดีเยี่ยม ควรรักษามาตรฐานไว้',
      100,
    ],
    // 004: the OIT paragraph cites only the tool's average; O34 got no points
    [
      'หน่วยงาน องค์การบริหารส่วนตำบลบ้านหม้อ ได้คะแนนผลการประเมินตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) ที่ดีเยี่ยม คะแนนเฉลี่ย ๙๖.๘๘ คะแนน ควรรักษามาตรฐานไว้และควรพัฒนาประสิทธิภาพของการทำงานอย่างต่อเนื่อง ส่วนข้อที่ไม่ได้คะแนน คือ ข้อ O๓๔ หน่วยงานต้องแสดงนโยบายว่าผู้บริหาร',
      null,
    ],
    // 004: a lead-in listing items is not a score
    ['ทั้งนี้ **ควรพัฒนา**และปรับปรุงการดำเนินการตามตัวชี้วัดที่ 1๗, 1๘ และ 1๙ ซึ่งผู้ตรวจประเมินมีข้อเสนอแนะในการปรับปรุง', null],
  ])('%s → %s', (text, score) => {
    expect(scoreOf(text)).toBe(score);
  });
});

describe('scoreOf: other ways a score is written', () => {
  it.each<[string, number | null]>([
    ['(ค่าคะแนน ๙๑.๑๘)', 91.18],
    ['ค่าคะแนน = 75.5', 75.5],
    ['คะแนน: 88', 88],
    ['ข้อ i13 (คะแนน 87.50)', 87.5],
    ['คะแนนที่ได้ ๙๒.๖๙', 92.69],
    ['ได้คะแนน ๑๐๐.๐๐', 100],
    ['ได้คะแนน ๙๒.๖๖ (จาก ๑๐๐ คะแนน)', 92.66],
    ['ได้คะแนน ๘๒.๒๕%', 82.25],
    ['ค่าคะแนน ๐.๐๐', 0],
    // Arabic and Thai digits mixed in one number
    ['ค่าคะแนน 9๑.๑8', 91.18],
    // right after the item's code: in brackets with its decimals, or after "=" / ":"
    ['o๓ (๗๐.๙๑)', 70.91],
    ['ข้อ I๑๔ = ๙๙.๑๒ คะแนน', 99.12],
    ['e15: 65.66', 65.66],
    // not a score
    ['ข้อ o๓ (๒)', null],
    ['i4 = 80%', null],
    ['ไม่ได้คะแนน', null],
    ['คะแนน ๑๒๐', null],
    ['ปีงบประมาณ ๒๕๖๘', null],
    ['ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยงเพื่อการป้องกันการทุจริต', null],
    ['', null],
  ])('%s → %s', (text, score) => {
    expect(scoreOf(text)).toBe(score);
  });
});

describe('seqOf', () => {
  it.each<[string, number | null, number | null]>([
    // 003: the ลำดับ cell
    ['๑', null, 1],
    ['๒', 1, 2],
    ['๔', 1, 4],
    // 004: a leading number in the measure cell
    ['๑. ให้ความรู้วัตถุประสงค์ของการจัดทำงบประมาณประจำปี', null, 1],
    ['๒. ให้ความรู้การ พัฒนาปรับปรุง กระบวนการทำงาน', null, 2],
    ['๓. การเปิดเผยข้อมูล ข้อเท็จจริงแก่ผู้มาใช้บริการอย่างถูกต้อง', null, 3],
    ['๑.จัดประชุมพนักงาน ลูกจ้าง พนักงานจ้าง', null, 1],
    ['1. ประกาศเจตจำนงสุจริต และนโยบายไม่รับของขวัญ', null, 1],
    ['๑) มีรายงานผลการประเมินความเสี่ยง', null, 1],
    ['1)', null, 1],
    ['๑๐.', null, 10],
    ['๑๒.', null, 12],
    // "๒. ๙" under section 2 is item 9 of section 2
    ['๒. ๙', 2, 9],
    ['๒.๙', 2, 9],
    // no written sequence number
    ['. การสร้างความโปร่งใสเกี่ยวกับการดำเนินงานและการใช้จ่ายงบประมาณ', null, null], // 003 line 16
    ['ประเด็น เจ้าหน้าที่ใน หน่วยงานของท่าน', null, null],
    ['๑ ตุลาคม ๒๕๖๕', null, null],
    ['ไตรมาสที่ ๑', null, null],
    ['(๑)', null, null],
    ['ข้อ ๑', null, null],
    ['2567', null, null],
    ['๑.๕ ล้านบาท', null, null],
    ['e๖ การเผยแพร่ข้อมูลของหน่วยงานที่ท่านติดต่อ', null, null],
    ['๑๐๐ หน่วยงานที่ท่าน ติดต่อ มีช่องทางให้ผู้มา ติดต่อร้องเรียนการทุจริต', null, null], // 001: a garbled item code
    ['', null, null],
  ])('%j (section %s) → %s', (text, section, seq) => {
    expect(seqOf(text, section)).toBe(seq);
  });
});

describe('seqOfNumberCell', () => {
  it.each<[string, number | null]>([
    ['(๑)', 1],
    ['ข้อ ๓', 3],
    ['๒.', 2],
    ['ข้อ ๓ ผู้บริหาร', null],
    ['(๑) กระบวนการ', null],
    ['', null],
  ])('%j → %s (a ลำดับ cell may write its number "(๑)" or "ข้อ ๑")', (text, seq) => {
    expect(seqOfNumberCell(text, null)).toBe(seq);
  });
});

describe('fieldText', () => {
  it.each<[string[], string]>([
    // 000: wrapped cells, closed up
    [['ทุกส่วน ราชการ'], 'ทุกส่วนราชการ'],
    [
      ['ประเด็น บุคลากรใน หน่วยงานบางรายมีการ ขอยืมทรัพย์สินของทาง ราชการไปใช้ปฏิบัติงาน อย่างไม่ถูกต้อง (ข้อ 1๑๐)'],
      'ประเด็น บุคลากรในหน่วยงานบางรายมีการขอยืมทรัพย์สินของทางราชการไปใช้ปฏิบัติงานอย่างไม่ถูกต้อง (ข้อ 1๑๐)',
    ],
    // one line per paragraph
    [['- สำนักปลัดฯ', '- กองคลัง'], '- สำนักปลัดฯ\n- กองคลัง'],
    [['ต.ค. ๖๗-ก.ย.๖๘'], 'ต.ค. ๖๗-ก.ย.๖๘'],
    [[], ''],
  ])('%j', (paragraphs, expected) => {
    expect(fieldText(cell(paragraphs))).toBe(expected);
  });
});

describe('fieldsOf', () => {
  it('gives each role its cell, leaving out columns without a role and empty cells', () => {
    // 003 line 36, shortened
    const cells = [
      cell(['๑']),
      cell(['สร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง']),
      cell(['ไตรมาสที่ ๑-๒']),
      cell(['สำนักปลัด / ทุกกอง']),
      cell([]),
      cell(['๑) มีข้อมูลรายการการจัดซื้อจัดจ้าง']),
    ];
    const roles: Array<FieldRole | null> = ['seq', 'measure', 'period', 'responsible', 'result', null];
    expect(fieldsOf(cells, roles)).toEqual({
      seq: '๑',
      measure: 'สร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง',
      period: 'ไตรมาสที่ ๑-๒',
      responsible: 'สำนักปลัด / ทุกกอง',
    });
  });

  it('joins two columns of the same role, one per line', () => {
    expect(fieldsOf([cell(['ก']), cell(['ข']), cell(['ค'])], ['measure', 'issue', 'measure'])).toEqual({ measure: 'ก\nค', issue: 'ข' });
  });

  it('gives a skipped role its place in column order, empty, for the caller to fill', () => {
    const fields = fieldsOf([cell(['ก']), cell(['สำนัก ปลัด']), cell(['ค']), cell([])], ['measure', 'responsible', 'period', 'responsible'], 'responsible');
    expect(Object.entries(fields)).toEqual([
      ['measure', 'ก'],
      ['responsible', ''],
      ['period', 'ค'],
    ]);
    // an empty cell of that role holds no place
    expect(Object.keys(fieldsOf([cell(['ก']), cell([])], ['measure', 'responsible'], 'responsible'))).toEqual(['measure']);
  });

  it('ignores cells beyond the known roles', () => {
    expect(fieldsOf([cell(['ก']), cell(['ข'])], ['issue'])).toEqual({ issue: 'ก' });
  });
});

describe('rowText', () => {
  it.each<[string[][], string]>([
    [[['๑'], ['มาตรการ'], ['ไตรมาสที่ ๑']], '๑\tมาตรการ\tไตรมาสที่ ๑'],
    [[['- สำนักปลัดฯ', '- กองคลัง']], '- สำนักปลัดฯ - กองคลัง'],
    [[['ก'], [], ['ค']], 'ก\t\tค'],
  ])('%j', (cells, expected) => {
    expect(rowText(cells.map((p) => cell(p)))).toBe(expected);
  });
});

// ------------------------------------------------------------------ properties

describe('properties', () => {
  const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
  const written = (n: number, thai: boolean) => {
    const s = Number.isInteger(n) ? String(n) : n.toFixed(2);
    return thai ? toThaiDigits(s) : s;
  };

  it('reads back any score from 0 to 100 written after ค่าคะแนน or ได้คะแนน, in either digit set', () => {
    fc.assert(
      fc.property(score, fc.boolean(), fc.constantFrom('(ค่าคะแนน %)', 'ข้อ E๑๑ ได้คะแนน % ประเด็น', 'คะแนนที่ได้ %'), (n, thai, frame) => {
        expect(scoreOf(frame.replace('%', written(n, thai)))).toBe(n);
      }),
    );
  });

  it('a written sequence number is read back, in either digit set', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.boolean(), fc.constantFrom('%', '%. มาตรการ', '%) มาตรการ', '%.มาตรการ'), (n, thai, frame) => {
        expect(seqOf(frame.replace('%', thai ? toThaiDigits(String(n)) : String(n)), null)).toBe(n);
      }),
    );
  });
});
