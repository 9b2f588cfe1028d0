import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  SECTION_TITLES,
  matchSectionTitle,
  parseHeading,
  recogniseSectionHeading,
  sectionKeywordScores,
  squashTitle,
} from '../../src/ita/sections.js';
import { toThaiDigits } from '../../src/thai/digits.js';

/** [stated number, matched issue] of a line, or null when it is not a section heading. */
function headingOf(text: string): [number | null, number | null] | null {
  const h = recogniseSectionHeading(text);
  return h ? [h.stated, h.match?.number ?? null] : null;
}

describe('recogniseSectionHeading: headings as written in the corpus', () => {
  it.each<[string, [number | null, number]]>([
    // 000: "(๑) …" style, each heading repeated on later pages
    ['(๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ', [1, 1]],
    ['(๒) การให้บริการและระบบ E-Service', [2, 2]],
    ['(๓) ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    ['(๔) กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ', [4, 4]],
    ['(๕) กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง', [5, 5]],
    ['(๖) กระบวนการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล', [6, 6]],
    ['(๗) กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน', [7, 7]],
    // 003: bold, "##" and plain "ประเด็นที่ ๑ …"
    ['**ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ**', [1, 1]],
    ['## ประเด็นที่ ๒ การให้บริการและระบบ E-Service', [2, 2]],
    ['ประเด็นที่ ๓ ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    // 003 line 28: the number says 4, the title is issue 3's (resolved later, by content)
    ['ประเด็นที่ ๔ ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [4, 3]],
    ['ประเด็นที่ ๕ กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง', [5, 5]],
    // 003 writes issue 6 without the space after ตรวจสอบ
    ['ประเด็นที่ ๖ กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล', [6, 6]],
    ['## ประเด็นที่ ๗ กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน', [7, 7]],
  ])('%s', (text, expected) => {
    expect(headingOf(text)).toEqual(expected);
  });
});

describe('recogniseSectionHeading: heading styles a report may use', () => {
  it.each<[string, [number | null, number]]>([
    ['ประเด็นที่ 3 ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    ['3) ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    ['## (๓) ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    ['๓. ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    ['3. ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    ['(2) การให้บริการและระบบ E-Service', [2, 2]],
    ['(๒)การให้บริการและระบบ E-Service', [2, 2]],
    ['ประเด็นที่๒ การให้บริการและระบบ e-service', [2, 2]],
    ['ประเด็น ๒: การให้บริการและระบบ E-Service', [2, 2]],
    ['ประเด็นที่ ๒. การให้บริการและระบบ E - Service', [2, 2]],
    ['- (๔) กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ', [4, 4]],
    ['ประเด็นที่ ๕ กระบวนการสร้างความโปร่งใสในการใช้งบประมาณ และการจัดซื้อจัดจ้าง', [5, 5]],
    // a heading carried over to the next page
    ['(๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ (ต่อ)', [1, 1]],
    // a bare title, no number
    ['กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ', [null, 4]],
    ['**กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ**', [null, 4]],
  ])('%s', (text, expected) => {
    expect(headingOf(text)).toEqual(expected);
  });
});

describe('recogniseSectionHeading: misspelt and truncated titles', () => {
  it.each<[string, [number | null, number]]>([
    // ช่องทาง misread as ข้อตกลง
    ['ประเด็นที่ ๓ ข้อตกลงและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [3, 3]],
    ['ข้อตกลงและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', [null, 3]],
    // cut off at the end of the line
    ['(๗) กลไกและมาตรการในการแก้ไขและป้องกัน', [7, 7]],
    ['ประเด็นที่ 7 กลไกและมาตรการในการแก้ไขและป้องกัน', [7, 7]],
    ['กลไกและมาตรการในการแก้ไขและป้องกัน', [null, 7]],
    // ำ written as ํ + า, โปร่งใส misspelt, a word added or dropped
    ['ประเด็นที่ ๖ กระบวนการควบคุม ตรวจสอบ การใช้อํานาจและการบริหารงานบุคคล', [6, 6]],
    ['ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งไสและมีประสิทธิภาพ', [1, 1]],
    ['ประเด็นที่ ๔ กระบวนการกำกับดูแลการใช้ทรัพย์สินของทางราชการ', [4, 4]],
    ['ประเด็นที่ ๖ การควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล', [6, 6]],
  ])('%s', (text, expected) => {
    expect(headingOf(text)).toEqual(expected);
  });
});

describe('recogniseSectionHeading: lines that are not section headings', () => {
  it.each([
    // 000: the report's part headings
    ['๑. การวิเคราะห์ผลการประเมินฯ ที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไข แยกเป็น ๗ ประเด็น เพื่อนำไปสู่การปฏิบัติ'],
    ['๒. ผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
    // sentences that merely contain a section title
    ['หน่วยงานได้ปรับปรุงกระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพตามข้อเสนอแนะของผู้ประเมินอย่างต่อเนื่อง'],
    ['มีการพัฒนาการให้บริการและระบบ E-Service ของหน่วยงานให้ประชาชนเข้าถึงได้ง่าย'],
    ['ส่งเสริมกลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงานให้มีประสิทธิภาพ'],
    // header cells and rows of the corpus tables
    ['ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อนจากการประเมิน'],
    ['ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา'],
    ['- มีการเผยแพร่และ ประชาสัมพันธ์ข้อมูลข่าวสารของ เทศบาลฯ'],
    ['การป้องกันการนำทรัพย์สินราชการไปใช้เพื่อประโยชน์ส่วนตัวหรือพวกพ้อง'],
    [
      'ประเด็น เจ้าหน้าที่ใน หน่วยงานของท่าน มีการ เรียก รับสินบนเพื่อแลก กับการปฏิบัติงานหรือ การให้บริการหรือไม่ (ข้อ 1๓) (ค่าคะแนน ๙๑.๑๘)',
    ],
    // 004: tool headings, item paragraphs, part headings
    ['ข้อเสนอแนะ /แนวทางดำเนินการตามข้อเสนอแนะ'],
    ['ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT)'],
    ['ข้อ 1๗ ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากรในหน่วยงานบางรายไม่ทราบถึงแผนการใช้จ่ายงบประมาณในหน่วยงานเท่าที่ควร'],
    ['ผลการดำเนินงานตามแนวทางข้อเสนอแนะ'],
    // 001: the measures' heading line
    ['มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ องค์การบริหารส่วนตำบลดงมะไฟ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'],
    // a bare number with no title (only "ประเด็นที่ N" says heading by itself), a number outside 1..7,
    // a fragment too short to tell
    ['(๒)'],
    ['๓.'],
    ['ประเด็นที่ ๘'],
    ['ประเด็นที่ ๘ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ'],
    ['(๑๐) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ'],
    ['การให้บริการ'],
  ])('%s', (text) => {
    expect(recogniseSectionHeading(text)).toBeNull();
  });
});

describe('recogniseSectionHeading: "ประเด็นที่ N" without a title (layouts.md: "sometimes with the number only")', () => {
  it.each<[string, number]>([
    ['ประเด็นที่ ๓', 3],
    ['**ประเด็นที่ 5**', 5],
    ['ประเด็น ๒ :', 2],
  ])('%s is issue %i, by its stated number, with less confidence than a matching title', (text, n) => {
    const h = recogniseSectionHeading(text);
    expect(h?.stated).toBe(n);
    expect(h?.match).toEqual({ number: n, confidence: 0.8 });
  });
});

describe('recogniseSectionHeading: the heading as written', () => {
  it.each([
    ['**ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ**', 'ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ'],
    ['## ประเด็นที่ ๗ กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน', 'ประเด็นที่ ๗ กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน'],
    ['(๒) การให้บริการและระบบ E-Service', '(๒) การให้บริการและระบบ E-Service'],
  ])('%s', (text, heading) => {
    expect(recogniseSectionHeading(text)?.heading).toBe(heading);
  });
});

describe('parseHeading', () => {
  it.each<[string, ReturnType<typeof parseHeading>]>([
    ['(๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ', { number: 1, title: 'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ', style: 'paren' }],
    ['ประเด็นที่ ๔ ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', { number: 4, title: 'ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', style: 'prefix' }],
    ['## ประเด็นที่ ๒ การให้บริการและระบบ E-Service', { number: 2, title: 'การให้บริการและระบบ E-Service', style: 'prefix' }],
    ['**ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ**', { number: 1, title: 'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ', style: 'prefix' }],
    ['ประเด็นที่ 3 ช่องทางและรูปแบบการประชาสัมพันธ์', { number: 3, title: 'ช่องทางและรูปแบบการประชาสัมพันธ์', style: 'prefix' }],
    ['3) ช่องทางและรูปแบบการประชาสัมพันธ์', { number: 3, title: 'ช่องทางและรูปแบบการประชาสัมพันธ์', style: 'dot' }],
    ['๕. กระบวนการสร้างความโปร่งใส', { number: 5, title: 'กระบวนการสร้างความโปร่งใส', style: 'dot' }],
    ['## (๓) ช่องทางและรูปแบบการประชาสัมพันธ์', { number: 3, title: 'ช่องทางและรูปแบบการประชาสัมพันธ์', style: 'paren' }],
    ['กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ', { number: null, title: 'กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ', style: 'none' }],
  ])('%s', (text, expected) => {
    expect(parseHeading(text)).toEqual(expected);
  });
});

describe('matchSectionTitle', () => {
  it.each(SECTION_TITLES.map((t, i) => [t, i + 1] as const))('canonical title %s → %i with full confidence', (title, n) => {
    expect(matchSectionTitle(title)).toEqual({ number: n, confidence: 1 });
  });

  it.each([
    ['กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล', 6],
    ['การให้บริการและระบบ e-service', 2],
    ['การให้บริการและระบบ E - Service', 2],
    ['ข้อตกลงและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', 3],
    ['กลไกและมาตรการในการแก้ไขและป้องกัน', 7],
    ['กระบวนการกำกับดูแลการใช้ทรัพย์สิน', 4],
    ['กระบวนการสร้างความโปร่งใสในการใช้งบประมาณ', 5],
  ])('%s → issue %i', (title, n) => {
    expect(matchSectionTitle(title)?.number).toBe(n);
  });

  it.each([[''], ['ประเด็น'], ['(๑)'], ['**']])('%j is too short to match', (title) => {
    expect(matchSectionTitle(title)).toBeNull();
  });

  it('a truncated title matches with less confidence than the whole one', () => {
    const whole = matchSectionTitle(SECTION_TITLES[6])!;
    const cut = matchSectionTitle('กลไกและมาตรการในการแก้ไขและป้องกัน')!;
    expect(cut.number).toBe(7);
    expect(cut.confidence).toBeLessThan(whole.confidence);
  });
});

describe('squashTitle', () => {
  it.each([
    ['(๖) กระบวนการควบคุม ตรวจสอบ การใช้อำนาจ', 'กระบวนการควบคุมตรวจสอบการใช้อำนาจ'],
    ['**การให้บริการและระบบ E-Service**', 'การให้บริการและระบบeservice'],
    ['## ประเด็นที่ ๒: ระบบ', 'ประเด็นที่ระบบ'],
    ['สำนักปลัดฯ', 'สำนักปลัด'],
    ['ต่าง ๆ', 'ต่าง'],
  ])('%s → %s', (input, expected) => {
    expect(squashTitle(input)).toBe(expected);
  });
});

describe('sectionKeywordScores: corpus 003 rows score highest for their own issue', () => {
  // the measure cell of each 003 row, whose issue the document states
  it.each([
    ['การปฏิบัติหรือให้บริการแก่บุคคลภายนอก เป็นไปตามขั้นตอนและระยะเวลาที่กำหนด มีความเท่าเทียมไม่เลือกปฏิบัติ มุ่งผลสัมฤทธิ์ ของงาน และรับผิดชอบต่อหน้าที่ ๑. จัดทำคู่มือหรือมาตรฐานการปฏิบัติงาน', 1],
    ['ปรับปรุงคุณภาพดำเนินงานหรือการบริการให้มีประสิทธิภาพ ๒. จัดให้มีการบริการในรูปแบบออนไลน์หรือ E-Service เพื่อลดการใช้ดุลยพินิจ', 2],
    ['สร้างการรับรู้ข้อมูลข่าวสารของหน่วยงานให้ประชาชนรับทราบอย่างครบถ้วน และเป็นปัจจุบัน ผ่านช่องทางที่หลากหลาย สะดวก เข้าถึงง่าย ไม่ซับซ้อน เผยแพร่บนเว็บไซต์', 3],
    ['การป้องกันการนำทรัพย์สินราชการไปใช้เพื่อประโยชน์ส่วนตัวหรือพวกพ้อง ๒. จัดให้มีการขออนุญาตในการยืมทรัพย์สินของราชการอย่างถูกต้อง ๓. จัดให้มีการตรวจสอบวัสดุและครุภัณฑ์', 4],
    ['สร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง ๑. จัดทำข้อมูลรายการการจัดซื้อจัดจ้างฯ ของหน่วยงานในประเภทงบรายจ่ายหมวดงบประมาณ', 5],
    ['การใช้อำนาจและการบริหารงานบุคคลอย่างโปร่งใสและเป็นธรรม ๑. จัดทำแผนการบริหารและพัฒนาทรัพยากรบุคคล ผู้บังคับบัญชา', 6],
    ['การป้องกันและแก้ไขการทุจริตของหน่วยงาน ๑. จัดทำคู่มือหรือแนวทางการดำเนินการต่อเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', 7],
  ])('%s → issue %i', (text, n) => {
    const scores = sectionKeywordScores(text);
    expect(scores).toHaveLength(7);
    const best = Math.max(...scores);
    expect(scores[n - 1]).toBe(best);
    expect(scores.filter((s) => s === best)).toHaveLength(1);
  });

  it('text with none of the words scores zero everywhere', () => {
    expect(sectionKeywordScores('ไม่มี')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

// ------------------------------------------------------------------ properties

const THAI_LETTERS = [...'กขคฆงจฉชซญฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะาิีึืุูเแโใไ่้๊๋็์'];

/** Indices of a title's Thai letters (not spaces, Latin letters or hyphens). */
function thaiPositions(title: string): number[] {
  return [...title].flatMap((ch, i) => (/[\u0e01-\u0e4c]/.test(ch) ? [i] : []));
}

const titleIndex = fc.integer({ min: 0, max: SECTION_TITLES.length - 1 });

describe('properties', () => {
  it('a canonical title with one Thai character changed still matches its issue', () => {
    fc.assert(
      fc.property(titleIndex, fc.nat(), fc.constantFrom(...THAI_LETTERS), (i, at, ch) => {
        const chars = [...SECTION_TITLES[i]!];
        const positions = thaiPositions(SECTION_TITLES[i]!);
        chars[positions[at % positions.length]!] = ch;
        const damaged = chars.join('');
        expect(matchSectionTitle(damaged)?.number).toBe(i + 1);
        expect(headingOf(`(${toThaiDigits(String(i + 1))}) ${damaged}`)).toEqual([i + 1, i + 1]);
        expect(headingOf(`ประเด็นที่ ${i + 1} ${damaged}`)).toEqual([i + 1, i + 1]);
      }),
      { numRuns: 300 },
    );
  });

  it('a canonical title with one Thai character dropped still matches its issue', () => {
    fc.assert(
      fc.property(titleIndex, fc.nat(), (i, at) => {
        const chars = [...SECTION_TITLES[i]!];
        const positions = thaiPositions(SECTION_TITLES[i]!);
        chars.splice(positions[at % positions.length]!, 1);
        expect(matchSectionTitle(chars.join(''))?.number).toBe(i + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('a title cut off after at least 70% of its letters still matches its issue', () => {
    fc.assert(
      fc.property(titleIndex, fc.double({ min: 0.7, max: 1, noNaN: true }), (i, keep) => {
        const title = SECTION_TITLES[i]!;
        const cut = title.slice(0, Math.ceil(title.length * keep));
        expect(matchSectionTitle(cut)?.number).toBe(i + 1);
      }),
    );
  });

  it('the stated number is read in every heading style, in Thai or Arabic digits', () => {
    const styles = [
      (n: string, t: string) => `(${n}) ${t}`,
      (n: string, t: string) => `ประเด็นที่ ${n} ${t}`,
      (n: string, t: string) => `ประเด็นที่${n} ${t}`,
      (n: string, t: string) => `${n}. ${t}`,
      (n: string, t: string) => `${n}) ${t}`,
      (n: string, t: string) => `## ${n}. ${t}`,
      (n: string, t: string) => `**ประเด็นที่ ${n} ${t}**`,
    ];
    fc.assert(
      fc.property(titleIndex, fc.constantFrom(...styles), fc.boolean(), (i, style, thai) => {
        const n = String(i + 1);
        const line = style(thai ? toThaiDigits(n) : n, SECTION_TITLES[i]!);
        expect(parseHeading(line).number).toBe(i + 1);
        expect(headingOf(line)).toEqual([i + 1, i + 1]);
      }),
    );
  });

  it('a sentence that merely contains a title is not a heading', () => {
    const before = ['หน่วยงานได้ดำเนินการปรับปรุง', 'ผู้บริหารมอบหมายให้ทุกกองทบทวน', 'มีการจัดประชุมชี้แจงเรื่อง'];
    const after = ['อย่างต่อเนื่องตลอดปีงบประมาณ พ.ศ. ๒๕๖๘', 'ให้บุคลากรทุกคนรับทราบและถือปฏิบัติโดยเคร่งครัด', 'ตามข้อเสนอแนะของผู้ตรวจประเมิน'];
    fc.assert(
      fc.property(titleIndex, fc.constantFrom(...before), fc.constantFrom(...after), (i, b, a) => {
        expect(recogniseSectionHeading(`${b}${SECTION_TITLES[i]}${a}`)).toBeNull();
        expect(recogniseSectionHeading(`${b} ${SECTION_TITLES[i]} ${a}`)).toBeNull();
      }),
    );
  });
});

describe('recogniseSectionHeading: "ประเด็นที่" with its number lost to OCR', () => {
  it('takes the issue from the title (q300 003: ๖ read as ©, ๗ dropped with the mark of ที่)', () => {
    const six = recogniseSectionHeading('ประเด็นที่ © กระบ วนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล');
    expect(six).toMatchObject({ stated: null, match: { number: 6 } });
    const seven = recogniseSectionHeading('ประเด็นที ก ลไกและมาตรการในกา รแก้ไขแล ะป้องก นการทุจริตภายในหน วยงาน');
    expect(seven).toMatchObject({ stated: null, match: { number: 7 } });
  });

  // q300 000 p6: the heading of issue 6 "(๖) กระบวนการควบคุม …" with ๖ read as 9; it was no heading, so the rows under it
  // stayed in issue 5
  it('a heading whose one digit OCR read as a number no issue has ("(9)") takes the issue from its title', () => {
    const h = recogniseSectionHeading('(9) กระ บวนการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล');
    expect(h).toMatchObject({ stated: null, match: { number: 6 } });
    // the title must still be close, and not a sentence that contains it; two digits are a number as written
    expect(recogniseSectionHeading('(9) การจัดทำแผนปฏิบัติการประจำปี')).toBeNull();
    expect(recogniseSectionHeading('๙. พัฒนากลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน ให้มีประสิทธิภาพยิ่งขึ้นต่อไปในปีงบประมาณถัดไป')).toBeNull();
    expect(recogniseSectionHeading('(๑๐) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ')).toBeNull();
  });

  it('still needs a title close to an issue\'s', () => {
    expect(recogniseSectionHeading('ประเด็นที่ต้องปรับปรุงแก้ไข')).toBeNull();
    expect(recogniseSectionHeading('ประเด็นที่ © การจัดทำแผนปฏิบัติการประจำปี')).toBeNull();
  });
});
