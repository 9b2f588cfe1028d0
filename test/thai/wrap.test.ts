import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { repairWrappedThai, segmentThai } from '../../src/index.js';
import { WordBreaks, segmentsOf } from '../../src/thai/segment.js';
import { wrapGold, scoreRepair, removedSpaces } from '../_support/wrap-gold.js';

const corpus000 = fileURLToPath(new URL('../../fixtures/corpus/000_12d03613c0e47b57.txt', import.meta.url));

describe('repairWrappedThai', () => {
  it.each([
    // the issue's own examples
    ['ทุกส่วน ราชการ', 'ทุกส่วนราชการ'],
    ['ประพฤตินิ ชอบ', 'ประพฤตินิชอบ'],
    ['ประเด็น เจ้าหน้าที่', 'ประเด็น เจ้าหน้าที่'],
    // wrapped cells of corpus 000 part ๑, read against their unwrapped twins in part ๒
    ['หน่วยงานขาดบุคลากรที่มี ความเชี่ยวชาญด้าน เทคโนโลยี', 'หน่วยงานขาดบุคลากรที่มีความเชี่ยวชาญด้านเทคโนโลยี'],
    [
      'ประเด็น บุคลากรใน หน่วยงานบางรายมีการ ขอยืมทรัพย์สินของทาง ราชการไปใช้ปฏิบัติงาน อย่างไม่ถูกต้อง (ข้อ 1๑๐)',
      'ประเด็น บุคลากรในหน่วยงานบางรายมีการขอยืมทรัพย์สินของทางราชการไปใช้ปฏิบัติงานอย่างไม่ถูกต้อง (ข้อ 1๑๐)',
    ],
    [
      '- มีการประเมินความเสี่ยงในการ ทุจริตในประเด็นการเบิกจ่ายเงิน และกำหนดมาตรการสำหรับการ ป้องกันการทุจริตจากการเบิก จ่ายเงินที่เป็นเท็จ',
      '- มีการประเมินความเสี่ยงในการทุจริตในประเด็นการเบิกจ่ายเงิน และกำหนดมาตรการสำหรับการป้องกันการทุจริตจากการเบิกจ่ายเงินที่เป็นเท็จ',
    ],
    ['กระบวนงานบางงานอาจต้อง ใช้บุคลากรที่มีความรู้', 'กระบวนงานบางงานอาจต้องใช้บุคลากรที่มีความรู้'],
    ['ช่วงระยะเวลา ในการดำเนินการ', 'ช่วงระยะเวลาในการดำเนินการ'],
    ['ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อนจากการประเมิน', 'ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อนจากการประเมิน'],
    ['มาตรการ/โครงการ หรือกิจกรรม', 'มาตรการ/โครงการ หรือกิจกรรม'],
    // corpus 001 and 004 wrapped cells
    [
      '๑๐๐ หน่วยงานที่ท่าน ติดต่อ มีช่องทางให้ผู้มา ติดต่อร้องเรียนการทุจริต ของเจ้าหน้าที่ในหน่วยงาน หรือไม่',
      '๑๐๐ หน่วยงานที่ท่านติดต่อ มีช่องทางให้ผู้มาติดต่อร้องเรียนการทุจริตของเจ้าหน้าที่ในหน่วยงาน หรือไม่',
    ],
    [
      'ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยงเพื่อ การป้องกันการทุจริต',
      'ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยงเพื่อการป้องกันการทุจริต',
    ],
    ['ให้ความรู้การ พัฒนาปรับปรุง กระบวนการทำงาน', 'ให้ความรู้การพัฒนาปรับปรุงกระบวนการทำงาน'],
    // spaces the writer meant stay
    ['กิจกรรมต่าง ๆ และเผยแพร่', 'กิจกรรมต่าง ๆ และเผยแพร่'],
    ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'],
    ['ได้คะแนน ๘๗.๓๕ อยู่ในระดับ ผ่าน', 'ได้คะแนน ๘๗.๓๕ อยู่ในระดับ ผ่าน'],
    ['ต.ค. ๖๗-ก.ย.๖๘', 'ต.ค. ๖๗-ก.ย.๖๘'],
    ['นโยบาย No Gift Policy ให้กับบุคลากร', 'นโยบาย No Gift Policy ให้กับบุคลากร'],
    ['(ข้อ E๔ และข้อE๕)', '(ข้อ E๔ และข้อE๕)'],
    ['- สำนักปลัดฯ', '- สำนักปลัดฯ'],
    ['สำนักปลัด / ทุกกอง', 'สำนักปลัด / ทุกกอง'],
    ['ดำเนินการตลอดทั้งปี', 'ดำเนินการตลอดทั้งปี'],
    ['', ''],
    // cells and lines are repaired one by one; tabs and newlines stay
    ['ทุกส่วน ราชการ\tประเด็น เจ้าหน้าที่', 'ทุกส่วนราชการ\tประเด็น เจ้าหน้าที่'],
    ['ทุกส่วน ราชการ\nต.ค. ๖๗-ก.ย.๖๘', 'ทุกส่วนราชการ\nต.ค. ๖๗-ก.ย.๖๘'],
  ])('%s', (input, expected) => {
    expect(repairWrappedThai(input)).toBe(expected);
  });

  it('removes most wrap spaces and keeps most real ones on corpus 000 (wrapped vs unwrapped rows)', () => {
    const gold = wrapGold(corpus000);
    expect(gold.length).toBeGreaterThan(100);
    const s = scoreRepair(gold, repairWrappedThai);
    expect(s.tp + s.fn).toBeGreaterThan(300); // wrap spaces in the gold set
    expect(s.precision).toBeGreaterThan(0.8);
    expect(s.recall).toBeGreaterThan(0.85);
    // and it beats both trivial strategies
    const keepAll = scoreRepair(gold, (x) => x);
    const dropAll = scoreRepair(gold, (x) => x.replace(/(?<=[\u0e01-\u0e4e]) +(?=[\u0e01-\u0e4e])/g, ''));
    expect(keepAll.recall).toBe(0);
    expect(s.precision).toBeGreaterThan(dropAll.precision + 0.1);
  });

  const thaiText = fc.string({
    unit: fc.constantFrom(...'กขคงจฉชซดตทนบปผพมยรลวสหอะาิีึืุู่้๊๋็์ำเแโใไๆ๑๒ 1a-.\t'.split('')),
    maxLength: 80,
  });

  it('only ever removes spaces', () => {
    fc.assert(
      fc.property(thaiText, (s) => {
        const out = repairWrappedThai(s);
        expect(out.replace(/ /g, '')).toBe(s.replace(/ /g, ''));
      }),
    );
  });

  it('never touches a space with a non-Thai character beside it', () => {
    fc.assert(
      fc.property(thaiText, (s) => {
        const out = repairWrappedThai(s);
        const removed = removedSpaces(s, out);
        let k = 0;
        for (let i = 0; i < s.length; i++) {
          if (s[i] !== ' ' || s[i - 1] === ' ') continue;
          let e = i;
          while (s[e] === ' ') e++;
          const thaiBoth = /[\u0e01-\u0e4e]/.test(s[i - 1] ?? '') && /[\u0e01-\u0e2e\u0e40-\u0e46]/.test(s[e] ?? '');
          if (!thaiBoth) expect(removed[k]).toBe(false);
          k++;
        }
      }),
    );
  });

  it('leaves text without spaces alone', () => {
    fc.assert(fc.property(thaiText, (s) => {
      const t = s.replace(/ /g, '');
      return repairWrappedThai(t) === t;
    }));
  });
});

describe('segmentThai', () => {
  it.each([
    ['ทุกส่วนราชการ', ['ทุก', 'ส่วน', 'ราชการ']],
    ['ประเด็น เจ้าหน้าที่', ['ประเด็น', 'เจ้า', 'หน้าที่']],
    ['จำนวน๑๒บาท', ['จำนวน', '๑๒', 'บาท']],
    ['ข้อ 1๓', ['ข้อ', '1๓']],
    ['ไตรมาสที่๑', ['ไตรมาส', 'ที่', '๑']],
    ['', []],
  ])('%s', (input, expected) => {
    expect(segmentThai(input)).toEqual(expected);
  });

  it('keeps every character of the input, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(segmentThai(s).join('')).toBe(s.replace(/\s/g, ''));
      }),
    );
  });

  it('handles long text in pieces without losing characters', () => {
    const line = 'มีการเปิดโอกาสให้บุคคลภายนอกเข้ามามีส่วนร่วมในการดำเนินงานตามภารกิจของหน่วยงาน ';
    const long = line.repeat(500); // 42,000 characters
    const words = segmentThai(long);
    expect(words.join('')).toBe(long.replace(/ /g, ''));
    expect(words.filter((w) => w === 'ภารกิจ').length).toBe(500);
  });
});

describe('WordBreaks', () => {
  const agrees = (s: string) => {
    const words = new WordBreaks(s);
    for (const g of segmentsOf(s)) {
      for (let k = g.index; k < g.index + g.text.length; k++) expect(words.segmentAt(k)).toEqual(g);
    }
  };

  it('gives, at every offset, the segment segmentsOf gives there', () => {
    agrees('ทุกส่วน ราชการจำนวน๑๒บาท ข้อ 1๓ ไตรมาสที่๑');
    // real lines: the report's own text, letters, digits, Latin and punctuation mixed
    for (const line of readFileSync(corpus000, 'utf8').split('\n').slice(0, 120)) agrees(line);
  });

  it('agrees with segmentsOf across its 2,000-character pieces', () => {
    agrees('มีการเปิดโอกาสให้บุคคลภายนอกเข้ามามีส่วนร่วมในการดำเนินงาน '.repeat(90));
  });

  it('agrees with segmentsOf on any string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ก-ฮะ-ฺเ-๙0-9 a-z.]{1,80}$/), (s) => {
        agrees(s);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an offset outside the string', () => {
    expect(() => new WordBreaks('ทุก').segmentAt(3)).toThrow(RangeError);
  });
});
