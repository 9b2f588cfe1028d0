import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  findItemCodes,
  toolFromText,
  CODE_CONFIDENCE_THRESHOLD,
  CODE_CONFIDENCE,
  ITEM_MAX,
  type CodeContext,
} from '../../src/ita/codes.js';
import { toThaiDigits } from '../../src/thai/digits.js';
import { ItemCodeSchema, type Tool } from '../../src/model/schema.js';

const codesOf = (text: string, ctx?: CodeContext): string[] => findItemCodes(text, ctx).codes.map((c) => c.code);

// Cells and paragraphs as written in fixtures/corpus (000, 001, 004).
describe('findItemCodes on corpus text', () => {
  it.each([
    // 000: explicit EIT codes, including "ข้อE๕" with no space and two codes in one bracket
    ['ประเด็น เจ้าหน้าที่ใน หน่วยงานของท่าน มีการ เรียก รับสินบนเพื่อแลก กับการปฏิบัติงานหรือ การให้บริการหรือไม่ (ข้อ 1๓) (ค่าคะแนน ๙๑.๑๘)', ['i3']],
    ['ประเด็น ผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางรายมีความเห็นว่าหน่วยงานยังขาดการเปิดโอกาสให้บุคคลภายนอกเข้าไปมีส่วนร่วมในการปรับปรุงพัฒนาการดำเนินงาน/การให้บริการของหน่วยงานให้ดีขึ้นเท่าที่ควร (ข้อ E๗)', ['e7']],
    ['ประเด็น มีผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางรายมีความเห็นว่าหน่วยงานยังไม่มีปรับปรุงการดำเนินงานหรือโครงการเพื่อตอบสนองต่อประชาชนและส่วนรวมเท่าที่ควร (ข้อ E๘)', ['e8']],
    ['ประเด็น มีผู้รับบริการ หรือผู้มาติดต่อราชการกับ หน่วยงานบางรายมี ความเห็นที่ไม่เคยใช้ ระบบการให้บริการ ออนไลน์ (E-Service) ของ หน่วยงาน (ข้อ E๙)', ['e9']],
    ['ประเด็น ช่องทางการเผยแพร่ ข้อมูลของหน่วยงานเข้าถึงได้ ยาก รวมถึงข้อมูลข่าวสารที่ เผยแพร่ให้ประชาชนยังขาด ความชัดเจน (ข้อ E๔ และข้อE๕)', ['e4', 'e5']],
    ['<p>ประเด็น ช่องทางการเผยแพร่ข้อมูลของหน่วยงานเข้าถึงได้ยาก รวมถึงข้อมูลข่าวสารที่เผยแพร่ให้ประชาชนยังขาดความชัดเจน (ข้อ E๔ และข้อ E๕)</p>', ['e4', 'e5']],
    ['ประเด็น มีผู้รับบริการ หรือผู้มาติดต่อราชการกับ หน่วยงานบางรายมี ความเห็นว่าการสื่อสาร ตอบข้อซักถาม หรือให้ คำอธิบายของหน่วยงาน ยังขาดความชัดเจน (ข้อ E๖)', ['e6']],
    ['<p>ประเด็น มี ผู้รับบริการหรือผู้ มาติดต่อราชการ กับหน่วยงานบาง รายมีความเห็นว่า หน่วยงานยังไม่มี การปรับปรุงการ ดำเนินงานหรือ โครงการเพื่อ ตอบสนองต่อ ประชาชนและ ส่วนรวมเท่าที่ควร (ข้อ E๘)</p>', ['e8']],
    ['<p>ประเด็น มี ผู้รับบริการหรือผู้ มาติดต่อราชการ กับหน่วยงานบาง รายมีความเห็นว่า การสื่อสาร ตอบ ข้อซักถาม หรือ ให้คำอธิบายของ หน่วยงานยังขาด ความชัดเจน (ข้อ E๖)</p>', ['e6']],
    // 000: Latin I read as the digit 1: the Thai digits after it are the item
    ['ประเด็น บุคลากรใน หน่วยงานบางรายมีการ ขอยืมทรัพย์สินของทาง ราชการไปใช้ปฏิบัติงาน อย่างไม่ถูกต้อง (ข้อ 1๑๐)', ['i10']],
    ['- ประเด็น บุคลากรบางราย ในหน่วยงานมีการเบิก จ่ายเงินที่เป็นเท็จ (ข้อ 1๕)', ['i5']],
    ['- ประเด็น ผู้บังคับบัญชา ในหน่วยงานบางรายเคย ให้เจ้าหน้าที่ของ หน่วยงานทำธุระส่วนตัว ของผู้บังคับบัญชา (ข้อ 1๗)', ['i7']],
    ['- ประเด็น ผู้บังคับบัญชา ในหน่วยงานบางรายเคย สั่งการให้เจ้าหน้าที่ของ หน่วยงานทำในสิ่งที่ไม่ ถูกต้อง หรือมีความเสี่ยง ต่อการทุจริต (ข้อ 1๘)', ['i8']],
    ['ประเด็น ท่านคิดว่า การดำเนินการเพื่อป้องกันการทุจริตและประพฤติมิชอบของหน่วยงานท่าน สามารถป้องกันการทุจริตและประพฤติมิชอบได้ มากน้อยเพียงใด (ข้อ 1๑๔) (ค่าคะแนน ๙๑.๑๘)', ['i14']],
    ['ประเด็น ท่านคิดว่า การดำเนินการเพื่อป้องกันการทุจริตและประพฤตินิ ชอบได้ มากน้อย เพียงใด (ข้อ 1๑๔) (ค่าคะแนน ๙๑.๑๘)', ['i14']],
    // 001: Latin O read as Thai zero, lower-case e at the start of a cell; indicators are not codes
    ['<p>ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยงเพื่อ การป้องกันการทุจริต ตัวชี้วัดย่อยที่ ๑๐.๑ การ ดำเนินการเพื่อป้องกันการ ทุจริต ข้อ ๐ ๓๗ การดำเนินการเพื่อ จัดการความเสี่ยงการทุจริต</p>', ['o37']],
    ['<p>ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการภายในเพื่อป้องกัน การทุจริต ข้อ ๐ ๔๓ การดำเนินการ ตามมาตรการส่งเสริม คุณธรรมและความโปร่งใส ภายในหน่วยงาน</p>', ['o43']],
    ['<p>e๖ การเผยแพร่ข้อมูลของหน่วยงานที่ท่านติดต่อ มีลักษณะดังต่อไปนี้</p> <p>มีลักษณะดังต่อไปนี้</p> <p>□ เข้าถึงง่าย ไม่ซับซ้อน</p> <p>□ มีช่องทางหลากหลาย</p>', ['e6']],
    ['<p>e๗ หน่วยงานที่ท่านติดต่อ มีการเผยแพร่ผลงานหรือข้อมูลที่สาธารณชนควรรับทราบอย่างชัดเจน มากน้อยเพียงใด</p>', ['e7']],
    ['e๘ หน่วยงานที่ท่านติดต่อ มีช่องทางรับฟังคำติชมหรือความคิดเห็นเกี่ยวกับการดำเนินงาน/การให้บริการ หรือไม่', ['e8']],
    ['e๙ หน่วยงานที่ท่านติดต่อ มีการชี้แจงและตอบคำถาม เมื่อมีข้อกังวลสงสัยเกี่ยวกับการดำเนินงานได้อย่างชัดเจน มากน้อยเพียงใด', ['e9']],
    // 004: lists after ตัวชี้วัดที่ / ข้อ, scores after the code
    ['ทั้งนี้ **ควรพัฒนา**และปรับปรุงการดำเนินการตามตัวชี้วัดที่ 1๗, 1๘ และ 1๙ ซึ่งผู้ตรวจประเมินมีข้อเสนอแนะในการปรับปรุง พัฒนาการดำเนินงานในตัวชี้วัดที่มีผลการประเมินต่ำ โดยแก้ไขอย่างเร่งด่วนภายในปีงบประมาณ พ.ศ.๒๕๖๖ โดยเฉพาะในข้อดังต่อไปนี้', ['i7', 'i8', 'i9']],
    ['ข้อ 1๗ ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากรในหน่วยงานบางรายไม่ทราบถึงแผนการใช้จ่ายงบประมาณในหน่วยงานเท่าที่ควร', ['i7']],
    ['ข้อ 1๘ ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากรในหน่วยงานบางรายไม่คำนึงถึงการใช้จ่ายงบประมาณเพื่อประโยชน์สูงสุด', ['i8']],
    ['ข้อ 1๙ ได้คะแนน ๙๒.๖๖ ประเด็น บุคลากรในหน่วยงานบางรายไม่คำนึงถึงการใช้จ่ายงบประมาณเพื่อประโยชน์สูงสุด', ['i9']],
    ['หน่วยงาน องค์การบริหารส่วนตำบลบ้านหม้อ ได้มีการดำเนินการตามตัวชี้วัดข้อ E๔ ในระยะเวลา ๑ ปีที่ผ่านมา ท่านเคยถูกเจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อร้องขอให้จ่ายหรือให้สิ่งดังต่อไปนี้ เพื่อแลกกับการปฏิบัติงาน การอนุมัติ อนุญาต หรือให้บริการ หรือไม่ ได้คะแนน ๑๐๐ ที่ดีเยี่ยม ควรรักษามาตรฐานไว้ ทั้งนี้ **ควรพัฒนา**และปรับปรุงการดำเนินการตามตัวชี้วัด ข้อ E๑๑ E๑๒ และ E๑๕ ซึ่งผู้ตรวจประเมินมีข้อเสนอแนะในการปรับปรุง', ['e4', 'e11', 'e12', 'e15']],
    ['ข้อ E๑๑ ได้คะแนน ๘๒.๒๕ ประเด็น เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ มีการปรับปรุงคุณภาพการปฏิบัติงาน/การให้บริการให้ดีขึ้นมากน้อยเพียงใด', ['e11']],
    ['ข้อ E๑๒ ได้คะแนน ๘๓.๖๘ ประเด็นหน่วยงานที่ทวนติดต่อ มีการปรับปรุงวิธีการและขั้นตอนการดำเนินงาน/การให้บริการดีขึ้น มากน้อยเพียงใด', ['e12']],
    ['ข้อ E๑๕ ได้คะแนน ๘๔.๕๘ ประเด็น การปรับปรุงการดำเนินงาน/การให้บริการของหน่วยงาน ให้มีความโปร่งใสมากขึ้น', ['e15']],
    ['ควรรักษามาตรฐานไว้และควรพัฒนาประสิทธิภาพของการทำงานอย่างต่อเนื่อง ส่วนข้อที่ไม่ได้คะแนน คือ ข้อ O๓๔ หน่วยงานต้องแสดงนโยบายว่าผู้บริหาร เจ้าหน้าที่และบุคลากรทุกคน จะต้องไม่มีการรับของขวัญ (No Gift Policy)', ['o34']],
  ])('%s', (text, expected) => {
    expect(codesOf(text)).toEqual(expected);
  });
});

describe('explicit codes', () => {
  it.each([
    ['ข้อ I13', 'i13'],
    ['ข้อ i13', 'i13'],
    ['i13', 'i13'],
    ['I 13', 'i13'],
    ['E9', 'e9'],
    ['ข้อ E๙', 'e9'],
    ['ข้อE๕', 'e5'],
    ['e๖', 'e6'],
    ['O๓๔', 'o34'],
    ['o34', 'o34'],
    ['ข้อ E ๙', 'e9'],
    ['ข้อที่ I๒๕', 'i25'],
    ['(ข้อ I1๓)', 'i13'], // mixed digits inside one number
    ['ข้อ O50', 'o50'],
    ['ข้อ E15', 'e15'],
    ['ข้อ I30', 'i30'],
    ['ข้อ I๑ ได้คะแนน ๑๐๐', 'i1'],
  ])('%s → %s with via "code" and high confidence', (text, code) => {
    const { codes, uncertain } = findItemCodes(text);
    expect(codes.map((c) => c.code)).toEqual([code]);
    expect(uncertain).toEqual([]);
    expect(codes[0]?.via).toBe('code');
    expect(codes[0]?.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ['(ข้อ E๔ และข้อE๕)', ['e4', 'e5']],
    ['ข้อ E๑๑ E๑๒ และ E๑๕', ['e11', 'e12', 'e15']],
    ['ข้อ I๑, I๒, I๓', ['i1', 'i2', 'i3']],
    ['ข้อ O๑๐/O๑๑', ['o10', 'o11']],
    ['ข้อ E๑ หรือ E๒', ['e1', 'e2']],
    ['ข้อ E๔ &amp; E๕', ['e4', 'e5']],
    ['E๔, ๕', ['e4', 'e5']], // bare number continuing an EIT list
    ['ข้อ E๙ … ข้อ E๙ อีกครั้ง', ['e9']], // deduplicated
    ['ข้อ E๙ ข้อ I๓ ข้อ O๑๒', ['e9', 'i3', 'o12']],
  ])('%s → %j', (text, expected) => {
    expect(codesOf(text)).toEqual(expected);
  });

  it('keeps raw and index of the first occurrence', () => {
    const text = '(ข้อ E๔ และข้อE๕) … (ข้อ E๔)';
    const { codes } = findItemCodes(text);
    expect(codes.map((c) => [c.code, c.raw, c.index])).toEqual([
      ['e4', 'ข้อ E๔', 1],
      ['e5', 'ข้อE๕', 11],
    ]);
    for (const c of codes) expect(text.slice(c.index, c.index + c.raw.length)).toBe(c.raw);
  });

  it('gives tool and item', () => {
    expect(findItemCodes('ข้อ O๓๔').codes[0]).toMatchObject({ code: 'o34', tool: 'OIT', item: 34, raw: 'ข้อ O๓๔', via: 'code', index: 0 });
    expect(findItemCodes('<p>e๖ การเผยแพร่').codes[0]).toMatchObject({ code: 'e6', tool: 'EIT', item: 6, raw: 'e๖', index: 3 });
  });
});

describe('OCR damage', () => {
  it.each([
    // Latin I read as the digit 1: the 1 is the letter, the Thai digits are the item
    ['(ข้อ 1๓) (ค่าคะแนน ๙๑.๑๘)', 'i3', 'ข้อ 1๓'],
    ['ข้อ 1๑๐', 'i10', 'ข้อ 1๑๐'],
    ['(ข้อ 1๑๔)', 'i14', 'ข้อ 1๑๔'],
    ['ข้อ 1๕', 'i5', 'ข้อ 1๕'],
    ['ตัวชี้วัดที่ 1๗', 'i7', '1๗'],
    ['ข้อ 1๓๐', 'i30', 'ข้อ 1๓๐'],
    // Latin O read as a zero
    ['ข้อ ๐ ๓๗', 'o37', 'ข้อ ๐ ๓๗'],
    ['ข้อ ๐ ๔๓', 'o43', 'ข้อ ๐ ๔๓'],
    ['ข้อ ๐๓๗', 'o37', 'ข้อ ๐๓๗'],
    ['ข้อ 012', 'o12', 'ข้อ 012'],
    ['ข้อ 0 12', 'o12', 'ข้อ 0 12'],
  ])('%s → %s (raw %s)', (text, code, raw) => {
    const { codes, uncertain } = findItemCodes(text);
    expect(codes.map((c) => c.code)).toEqual([code]);
    expect(codes[0]?.raw).toBe(raw);
    expect(codes[0]?.via).toBe('code');
    expect(codes[0]?.confidence).toBeLessThan(0.9);
    expect(codes[0]?.confidence).toBeGreaterThanOrEqual(CODE_CONFIDENCE_THRESHOLD);
    expect(uncertain).toEqual([]);
  });

  it.each([
    // the Thai model reads the I as the vowel โ (never before a digit in Thai), or as 1 and โ both
    ['ข้อ โ๑๑', 'i11', 'ข้อ โ๑๑'],
    ['ข้อ1โ๑๕', 'i15', 'ข้อ1โ๑๕'],
  ])('%s → %s (raw %s): I read as โ', (text, code, raw) => {
    const { codes } = findItemCodes(text);
    expect(codes.map((c) => [c.code, c.raw])).toEqual([[code, raw]]);
    expect(codes[0]?.confidence).toBe(CODE_CONFIDENCE.ocrI);
  });

  it('leaves โ in Thai words and a bare โ-less number alone', () => {
    expect(findItemCodes('ข้อ โครงการ ๑๑ แห่ง').codes).toEqual([]);
    expect(findItemCodes('โ๑๑ ครั้ง').codes).toEqual([]);
  });

  it('reads the cells of a code column as after ข้อ: codes of their own shape only', () => {
    const text = '๐๒๓\tบุคลากร\tโ๑๑, โ๑๒\t๑๒';
    const cells = [0, 12, 21];
    expect(findItemCodes(text, { codeCells: cells }).codes.map((c) => [c.code, c.raw])).toEqual([
      ['o23', '๐๒๓'],
      ['i11', 'โ๑๑'],
      ['i12', 'โ๑๒'],
    ]);
    // the bare number has no tool even with one in force: its letter is lost
    expect(findItemCodes(text, { codeCells: cells, tool: 'IIT' }).codes.map((c) => c.code)).toEqual(['o23', 'i11', 'i12']);
    // without the column, nothing anchors them
    expect(findItemCodes(text).codes).toEqual([]);
  });

  it.each([
    ['ตัวชี้วัดที่ 1๗, 1๘ และ 1๙ ซึ่ง', ['i7', 'i8', 'i9']],
    ['ข้อ 1๗, 1๘ และ 1๙', ['i7', 'i8', 'i9']],
    ['ข้อ ๐ ๓๗ และ ๐ ๓๘', ['o37', 'o38']],
    ['ตัวชี้วัดที่ 1๗, ๑๘', ['i7', 'i18']],
  ])('list %s → %j', (text, expected) => {
    expect(codesOf(text)).toEqual(expected);
  });

  it.each<[string, Tool, string]>([
    ['ข้อ 1๓', 'EIT', 'i3'],
    ['ข้อ 1๑๐', 'OIT', 'i10'],
    ['ข้อ ๐ ๓๗', 'IIT', 'o37'],
  ])('keeps %s under %s as %s, with less confidence', (text, tool, code) => {
    const { codes } = findItemCodes(text, { tool });
    expect(codes.map((c) => c.code)).toEqual([code]);
    expect(codes[0]?.confidence).toBeLessThan(findItemCodes(text).codes[0]?.confidence ?? 0);
    expect(codes[0]?.confidence).toBeGreaterThanOrEqual(CODE_CONFIDENCE_THRESHOLD);
  });

  it('keeps the OCR reading when the tool in force agrees', () => {
    expect(codesOf('ข้อ 1๗ ได้คะแนน ๙๘.๖๘', { tool: 'IIT' })).toEqual(['i7']);
    expect(codesOf('ข้อ ๐ ๓๗', { tool: 'OIT' })).toEqual(['o37']);
  });

  // the Thai model writes a letter for a digit it lacks (๗ → ซ): the damaged code is not read as o3 / i2
  it.each([['ข้อ ๐ ๓ซ การดำเนินการ', 'OIT'], ['ข้อ 1๒ซ ได้คะแนน', 'IIT']] as const)('%s (a Thai letter glued to an OCR-damaged code) gives no code', (text, tool) => {
    expect(codesOf(text, { tool })).toEqual([]);
    // the same code with the digit read right, or followed by a space, still reads
    expect(codesOf(text.replace('ซ', '๗'), { tool })).toEqual([tool === 'OIT' ? 'o37' : 'i27']);
  });

  // scans of corpus 004 (EIT heading): the Thai model writes the E of "ข้อ E ๑๑" as 5 or 6, or as a Thai digit
  it.each<[string, string[], string]>([
    ['ข้อ 5๑๑ ได้คะแนน ๘๒.๒๕ ประเด็น เจ้าหน้าที่ของหน่วยงาน', ['e11'], 'ข้อ 5๑๑'],
    ['ข้อ 6 ๑๕ ได้คะแนน ๘๔.๕๘', ['e15'], 'ข้อ 6 ๑๕'],
    ['ได้มีการดำเนินการตามตัวชี้วัดข้อ 5 ๔ ในระยะเวลา ๑ ปีที่ผ่านมา', ['e4'], 'ข้อ 5 ๔'],
    ['ตัวชี้วัด ข้อ 6 ๑๑ E ๑๒ และ E ๑๕ ซึ่งผู้ตรวจประเมิน', ['e11', 'e12', 'e15'], 'ข้อ 6 ๑๑'],
    ['ข้อ E๑๑, 6๑๒ และ 6๑๕', ['e11', 'e12', 'e15'], 'ข้อ E๑๑'],
    ['ข้อ ๒๑๒ ได้คะแนน ๘๓.๖๘ ประเด็น', ['e12'], 'ข้อ ๒๑๒'],
    // colour scan: the E as a Thai letter with a vowel mark, the next codes after a space or และ as a digit
    ['ตัวชี้วัด ข้อ ถี๑๑ 6๑๒ และ 6๑๕ ซึ่งผู้ตรวจประเมิน', ['e11', 'e12', 'e15'], 'ข้อ ถี๑๑'],
  ])('%s under an EIT heading → %j (the letter from the heading)', (text, expected, raw) => {
    const { codes, uncertain } = findItemCodes(text, { tool: 'EIT' });
    expect(codes.map((c) => c.code)).toEqual(expected);
    expect(codes[0]?.raw).toBe(raw);
    expect(uncertain).toEqual([]);
    // read from a damaged form, so below an explicit code, yet above the threshold
    const damaged = codes.filter((c) => !/E/.test(c.raw));
    for (const c of damaged) {
      expect(c.via).toBe('context');
      expect(c.confidence).toBeLessThan(CODE_CONFIDENCE.anchored);
      expect(c.confidence).toBeGreaterThanOrEqual(CODE_CONFIDENCE_THRESHOLD);
    }
  });

  // I comes out as 1 (or โ), O as 0: an Arabic 3, 5, 6 or 8 in a letter's place is an E with no tool in force, and
  // against another tool in force (q300 000: "(ข้อ 5 ๕ และข้อ 5 ๕)" for (ข้อ E๔ และข้อ E๕) under rows of IIT codes)
  it.each<[string, Tool | undefined, string[]]>([
    ['ข้อ 5๑๑ ได้คะแนน', undefined, ['e11']],
    ['ข้อ 6 ๑๕', undefined, ['e15']],
    ['ชัดเจน (ข้อ 5 ๕ และข้อ 5 ๕)', 'IIT', ['e5']],
    ['ยังขาดความ ชัดเจน (ข้อ 5๕ และข้อ5 ๕)', 'IIT', ['e5']],
  ])('%s (tool in force %s): the Arabic digit is the E → %j', (text, tool, expected) => {
    const { codes } = findItemCodes(text, tool ? { tool } : {});
    expect(codes.map((c) => c.code)).toEqual(expected);
    for (const c of codes) expect(c.confidence).toBeLessThan(CODE_CONFIDENCE.anchored);
  });

  // scans of 004's EIT lead-in (ข้อ E ๑๑ E ๑๒ และ E ๑๕): every letter damaged another way, the list's separators kept
  it.each<[string, string[]]>([
    // g4 (1-bit CCITT): the E as a Thai digit, as a quote mark, as a Thai letter and its mark before a space
    ['ควรพัฒนาและปรับปรุงการดำเนินการตามตัวชี้วัด ข้อ ๕๑๑ "๑๒ และ ถื ๑๕ ซึ่งผู้ตรวจประเมินมีข้อเสนอแนะ', ['e11', 'e12', 'e15']],
    // q300: the E as a Thai letter, as a quote mark with a digit, as a Thai and an Arabic digit
    ['ควรพัฒนาและปรับปรุงการดำเนินการตามตัวชี้วัด ข้อ ถี๑๑ "๑ ๑๒ และ ๒6 ๑๕ ซึงผู้ตรวจประเมินมีข้อเสนอแนะ', ['e11', 'e12', 'e15']],
  ])('%s: a list of damaged-letter codes → %j', (text, expected) => {
    const { codes, uncertain } = findItemCodes(text, { tool: 'EIT' });
    expect(codes.map((c) => c.code)).toEqual(expected);
    expect(uncertain).toEqual([]);
    for (const c of codes) expect(c.confidence).toBeLessThan(CODE_CONFIDENCE.anchored);
  });

  // what the same damaged forms must not become: a date after ข้อ, a Thai word and a number, a lone quoted number
  it.each<[string, Tool]>([
    ['ข้อ ณ ๓๐ ก.ย. ๖๖', 'EIT'],
    ['ข้อ E๑๑ คือ ๑๒ คะแนน', 'EIT'],
  ])('%s under %s gives no code beyond its own', (text, tool) => {
    expect(codesOf(text, { tool }).filter((c) => c !== 'e11')).toEqual([]);
  });

  // scans of 004 (g4): "ข้อ 1 ๗" / "ข้อ 1 ๙" with the Thai digit read as a letter or a sign: the I is there,
  // its number is not; never i1 (read as a bare number before)
  it.each([['ข้อ 1 « ได้คะแนน ๙๒.อ๑ ประเด็น บุค ลากรในหน่วยงาน'], ['ข้อ 1 ฒ ได้คะแนน ๙๘.๖๘ ประเด็น บุคลากร'], ['(ข้อ 1 ev) -']])(
    '%s under an IIT heading: an IIT code with its number unreadable, a doubt',
    (text) => {
      const { codes, uncertain } = findItemCodes(text, { tool: 'IIT' });
      expect(codes).toEqual([]);
      expect(uncertain).toHaveLength(1);
      expect(uncertain[0]?.reason).toMatch(/number unreadable/);
      // the same with a digit, or a step number, reads as before
      expect(codesOf(text.replace(/1 \S+/, '1 ๙'), { tool: 'IIT' })).toEqual(['i9']);
      expect(codesOf('ข้อ 1 ได้คะแนน', { tool: 'IIT' })).toEqual(['i1']);
    },
  );

  it.each([['ข้อ 2๑๑ ได้คะแนน'], ['ข้อ 4 ๑๕'], ['ข้อ ถี๑๑']])('%s with no tool in force is a doubt, not a code (which letter the digit was is unknown)', (text) => {
    const { codes, uncertain } = findItemCodes(text);
    expect(codes).toEqual([]);
    expect(uncertain).toHaveLength(1);
    expect(uncertain[0]?.reason).toMatch(/item letter damaged/);
  });

  it.each<[string, Tool]>([
    ['ข้อ ๑๒๓', 'EIT'], // the last two digits are no EIT item
    ['ข้อ ๒๐๒', 'EIT'], // "๐๒" is not how an item is written
    ['ข้อ ๔๒', 'EIT'], // two digits: an IIT/OIT number out of place, not a lost letter
  ])('%s under %s stays out of range, not read as a lost letter', (text, tool) => {
    const { codes, uncertain } = findItemCodes(text, { tool });
    expect(codes).toEqual([]);
    expect(uncertain[0]?.reason).toMatch(/outside/);
  });

  it.each([['ข้อ 1๐'], ['ข้อ 1๐๕']])('%s cannot be read as an IIT code', (text) => {
    const { codes, uncertain } = findItemCodes(text);
    expect(codes).toEqual([]);
    expect(uncertain).toHaveLength(1);
  });
});

describe('bare numbers after ข้อ', () => {
  it.each<[string, Tool, string[]]>([
    ['ข้อ ๒๕ ได้คะแนน ๑๐๐ ประเด็น บุคลากรในหน่วยงานบางรายเห็นว่าผู้บริหารสูงสุดของหน่วยงานยังไม่ให้ความสำคัญ', 'IIT', ['i25']],
    ['ข้อ ๒๖ ได้คะแนน ๑๐๐ ประเด็น หน่วยงานของท่านยังไม่มีบททวนนโยบายหรือมาตรการป้องกันการทุจริต', 'IIT', ['i26']],
    ['ข้อ ๒๗ ได้คะแนน ๑๐๐', 'IIT', ['i27']],
    ['ประเด็น เจ้าหน้าที่ของ หน่วยงานขาดการกำกับ ดูแลและตรวจสอบการ ใช้ทรัพย์สินเพื่อป้องกัน ไม่ให้นำไปใช้เพื่อ ประโยชน์ส่วนตัว (ข้อ ๑๒)', 'IIT', ['i12']],
    ['(ข้อ ๑๒)</p>', 'IIT', ['i12']],
    ['ข้อ ๑๒', 'EIT', ['e12']],
    ['ข้อ 12', 'OIT', ['o12']],
    ['ข้อ ๒๕, ๒๖ และ ๒๗', 'IIT', ['i25', 'i26', 'i27']],
  ])('%s under %s → %j (via context)', (text, tool, expected) => {
    const { codes } = findItemCodes(text, { tool });
    expect(codes.map((c) => c.code)).toEqual(expected);
    for (const c of codes) {
      expect(c.via).toBe('context');
      expect(c.tool).toBe(tool);
      expect(c.confidence).toBeLessThan(0.75);
    }
  });

  it.each([
    ['ข้อ ๑๒'],
    ['ข้อ ๒๕ ได้คะแนน ๑๐๐'],
    ['<p>- ประเด็น ผู้บังคับบัญชาใน หน่วยงานบางราย เคยให้เจ้าหน้าที่ ของหน่วยงานทำ ธุระส่วนตัวของ ผู้บังคับบัญชา (ข้อ ๑๗)</p>'],
  ])('%s without a tool → uncertain, guess null', (text) => {
    const { codes, uncertain } = findItemCodes(text);
    expect(codes).toEqual([]);
    expect(uncertain).toHaveLength(1);
    expect(uncertain[0]).toMatchObject({ guess: null });
    expect(uncertain[0]?.raw).toMatch(/^ข้อ /);
    expect(uncertain[0]?.reason).not.toBe('');
  });

  it.each([
    ['ผู้บริหารจะดำเนินการอย่างไรเพื่อป้องกันการทุจริตที่ สอดคล้องตามมาตรการข้อ ๓๖ และนำเผยแพร่บน เว็บไซต์หน่วยงาน'],
    ['ดำเนินการอย่างไรตามมาตรการที่กำหนดไว้ตามข้อ ๔๒ และเผยแพร่บนหน้าเว็บไซต์'],
  ])('cross-reference %s is not the entry\'s own item', (text) => {
    const { codes, uncertain } = findItemCodes(text, { tool: 'OIT' });
    expect(codes).toEqual([]);
    expect(uncertain[0]?.reason).toMatch(/cross-reference/);
  });

  it.each<[string, Tool]>([
    ['ข้อ ๔๐', 'EIT'],
    ['ข้อ ๓๑', 'IIT'],
    ['ข้อ ๐', 'IIT'],
  ])('%s under %s is out of range → uncertain with a guess', (text, tool) => {
    const { codes, uncertain } = findItemCodes(text, { tool });
    expect(codes).toEqual([]);
    expect(uncertain[0]?.reason).toMatch(/outside/);
  });
});

describe('codes of one tool run together', () => {
  // a code column one letter wide drawn as text (pandoc's plain and grid tables): "O", "๗", "O", "๙", "แ", "ล", "ะ", …
  // down the cell, joined without the spaces that were between the codes
  it.each([
    ['O๗O๙และO๑๙', ['o7', 'o9', 'o19']],
    ['i๒i๖ และ i๑๓', ['i2', 'i6', 'i13']],
    ['ข้อi๑๑i๑๓และi๑๔', ['i11', 'i13', 'i14']],
    ['E1E2', ['e1', 'e2']],
  ])('%s', (text, codes) => {
    expect(findItemCodes(text).codes.map((c) => c.code)).toEqual(codes);
  });

  it('reads no code where another tool\'s letter or a word follows the digits', () => {
    expect(findItemCodes('O๗E๙').codes).toEqual([]);
    expect(findItemCodes('ISO9001').codes).toEqual([]);
    expect(findItemCodes('i1i').codes).toEqual([]);
  });
});

describe('not item codes', () => {
  it.each([
    ['<p>ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยงเพื่อ การป้องกันการทุจริต'],
    ['ตัวชี้วัดย่อยที่ ๑๐.๑ การ ดำเนินการเพื่อป้องกันการ ทุจริต'],
    ['<p>ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการภายในเพื่อป้องกัน การทุจริต'],
    ['ตัวชี้วัดที่ 9'],
    ['หน่วยงาน องค์การบริหารส่วนตำบลบ้านหม้อ ได้มีการดำเนินการตามตัวชี้วัดที่ได้คะแนนสูงสุด คือ ๒๕, ๒๖ และ ๒๗ ที่ดีเยี่ยม'],
    ['๑. มีการกำหนดขั้นตอนการขอยืมทรัพย์สิน'],
    ['๑.เจ้าหน้าที่ผู้รับผิดชอบจัดให้มีช่องทางการติดต่อ'],
    ['(ค่าคะแนน ๙๑.๑๘)'],
    ['ได้คะแนน ๙๘.๖๘'],
    ['คะแนนเฉลี่ย ๙๖.๘๘ คะแนน'],
    ['ประจำปีงบประมาณ พ.ศ.๒๕๖๖'],
    ['วันพุธที่ 28 ธันวาคม 2565 อบต.บ้านหม้อ ประชุมสภาองค์การบริหารส่วนตำบลบ้านหม้อ สมัยสามัญ สมัยที่ 4/2565'],
    ['ต.ค. ๖๗-ก.ย.๖๘'],
    ['(๒) การให้บริการและระบบ E-Service'],
    ['ระบบ E-Service 2566'],
    ['E-Service ๒๕๖๗'],
    ['แบบวัด EIT 2565 และ OIT 2566'],
    ['Online 2566'],
    ['No Gift Policy 2567'],
    ['ISO 9001'],
    ['COVID-19'],
    ['https://www.e1.go.th/'],
    ['ข้อเสนอแนะ ๑ ข้อ'],
    ['ข้อมูล ๒๕๖๖'],
    ['ข้อบกพร่อง ๓ ประการ'],
    ['ตอบข้อซักถาม ๒ ครั้ง'],
    ['ข้อจำกัด ๑'],
    ['หัวข้อ ๑๒'],
    ['ส่วนข้อที่ไม่ได้คะแนน'],
    ['ทั้ง ๓ ฉบับ</p> <p>๘) มีการเผยแพร่ข้อมูลข้อ ๑) - ๗) บนหน้าเว็บไซต์หลักของหน่วยงาน'],
    ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ๑๒) มีการเผยแพร่ข้อมูลตามข้อ ๑) - ๑๑) เผยแพร่บนเว็บไซต์หลัก'],
    ['ข้อ ๑. มีการแต่งตั้ง'],
    ['ข้อ ๑๐.๑'],
    ['ข้อ ๑๒๓๔๕'],
    ['ไตรมาสที่ ๑ - ๒'],
  ])('%s', (text) => {
    expect(findItemCodes(text).codes).toEqual([]);
  });

  it.each([
    ['ข้อเสนอแนะ ๑ ข้อ'],
    ['ทั้ง ๓ ฉบับ</p> <p>๘) มีการเผยแพร่ข้อมูลข้อ ๑) - ๗) บนหน้าเว็บไซต์หลักของหน่วยงาน'],
    ['<p>ตัวชี้วัดที่ ๑๐ การประเมินความเสี่ยงเพื่อ การป้องกันการทุจริต'],
    ['E-Service ๒๕๖๗'],
  ])('%s gives nothing even with a tool in force', (text) => {
    expect(findItemCodes(text, { tool: 'OIT' })).toEqual({ codes: [], uncertain: [] });
  });

  it('leaves the garbled code "๑๐๐ หน่วยงานที่ท่าน…" alone', () => {
    const text = '๑๐๐ หน่วยงานที่ท่าน ติดต่อ มีช่องทางให้ผู้มา ติดต่อร้องเรียนการทุจริต ของเจ้าหน้าที่ในหน่วยงาน หรือไม่';
    expect(findItemCodes(text).codes).toEqual([]);
    expect(findItemCodes(text, { tool: 'EIT' }).codes).toEqual([]);
  });

  it.each([
    ['ข้อ E๒๐', 'e20'],
    ['ข้อ I๓๑', 'i31'],
    ['O๙๙', 'o99'],
    ['ข้อ E0', 'e0'],
    ['E2566', 'e2566'],
  ])('explicit %s is out of range → uncertain %s', (text, guess) => {
    const { codes, uncertain } = findItemCodes(text);
    expect(codes).toEqual([]);
    expect(uncertain).toEqual([expect.objectContaining({ guess })]);
    expect(uncertain[0]?.confidence).toBeLessThan(CODE_CONFIDENCE_THRESHOLD);
  });
});

describe('toolFromText', () => {
  it.each<[string, Tool | null]>([
    ['ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT)', 'IIT'],
    ['ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment: EIT)', 'EIT'],
    ['ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)', 'OIT'],
    ['หน่วยงาน องค์การบริหารส่วนตำบลบ้านหม้อ ได้คะแนนผลการประเมินตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) ที่ดีเยี่ยม', 'OIT'],
    ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', 'IIT'],
    ['แบบวัดการรับรู้ของผู้มีส่วนได้ ส่วนเสียภายนอก', 'EIT'],
    ['แบบวัดการเปิดเผยข้อมูลสาธารณะ', 'OIT'],
    ['(Internal Integrity and Transparency Assessment)', 'IIT'],
    ['ผลคะแนน IIT', 'IIT'],
    ['ผลคะแนน EIT ๘๘.๑๐', 'EIT'],
    ['รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', null],
    ['(๒) การให้บริการและระบบ E-Service', null],
    ['คะแนน IIT ๙๐ EIT ๘๘ OIT ๙๖', null],
    ['EITHER', null],
    ['ข้อเสนอแนะ /แนวทางดำเนินการตามข้อเสนอแนะ', null],
    ['', null],
  ])('%s → %s', (text, tool) => {
    expect(toolFromText(text)).toBe(tool);
  });
});

// ---- properties ------------------------------------------------------------

const LETTERS: Readonly<Record<Tool, readonly string[]>> = { IIT: ['I', 'i'], EIT: ['E', 'e'], OIT: ['O', 'o'] };
const toolArb = fc.constantFrom<Tool>('IIT', 'EIT', 'OIT');
const codeArb = toolArb.chain((tool) =>
  fc.record({
    tool: fc.constant(tool),
    letter: fc.constantFrom(...LETTERS[tool]),
    item: fc.integer({ min: 1, max: ITEM_MAX[tool] }),
    thai: fc.boolean(),
    space: fc.constantFrom('', ' '),
  }),
);
const written = (c: { letter: string; item: number; thai: boolean; space: string }): string =>
  `ข้อ${c.space}${c.letter}${c.thai ? toThaiDigits(String(c.item)) : String(c.item)}`;
const fillerArb = fc.array(
  fc.constantFrom('ประเด็น', 'หน่วยงาน', ' ', 'ข้อมูล', 'ข้อเสนอแนะ', 'E-Service', '<p>', '</p>', '(', ')', 'การให้บริการ'),
  { maxLength: 8 },
).map((parts) => parts.join(''));
/** Strings built from the pieces that matter, to reach the odd corners. */
const nastyArb = fc
  .array(
    fc.constantFrom('ข้อ', 'ตัวชี้วัดที่', 'ตัวชี้วัดย่อยที่', 'หัว', 'ตาม', ' ', 'E', 'I', 'O', 'e', 'i', 'o', '1', '0', '๐', '๑', '๓', '๙', '9', '2', ',', 'และ', '(', ')', '.', '-', 'ก', 'Service', '&amp;', '/'),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(nastyArb, fc.string({ unit: 'grapheme', maxLength: 60 }));
const ctxArb = fc.option(toolArb, { nil: undefined });

describe('findItemCodes properties', () => {
  it('reads back "ข้อ " + letter + n in Thai or Arabic digits as exactly that code', () => {
    fc.assert(
      fc.property(codeArb, (c) => {
        const text = written(c);
        const { codes, uncertain } = findItemCodes(text);
        expect(uncertain).toEqual([]);
        expect(codes).toEqual([
          expect.objectContaining({ code: `${c.letter.toLowerCase()}${c.item}`, tool: c.tool, item: c.item, raw: text, index: 0, via: 'code' }),
        ]);
      }),
    );
  });

  it('finds a written code inside surrounding text, whatever the tool in force', () => {
    fc.assert(
      fc.property(fillerArb, codeArb, fillerArb, ctxArb, (before, c, after, tool) => {
        const text = `${before} ${written(c)} ${after}`;
        expect(codesOf(text, { tool })).toEqual([`${c.letter.toLowerCase()}${c.item}`]);
      }),
    );
  });

  it('never throws, and every code it returns is valid, in range, confident, in order and unique', () => {
    fc.assert(
      fc.property(anyText, ctxArb, (text, tool) => {
        const { codes, uncertain } = findItemCodes(text, { tool });
        const seen = new Set<string>();
        let last = -1;
        for (const c of codes) {
          expect(ItemCodeSchema.safeParse(c).success).toBe(true);
          expect(c.item).toBeGreaterThanOrEqual(1);
          expect(c.item).toBeLessThanOrEqual(ITEM_MAX[c.tool]);
          expect(c.confidence).toBeGreaterThanOrEqual(CODE_CONFIDENCE_THRESHOLD);
          expect(text.slice(c.index, c.index + c.raw.length)).toBe(c.raw);
          // the codes of a range ("i1 – i6") all stand where the range starts; others each further on
          expect(c.index).toBeGreaterThanOrEqual(last);
          if (c.index === last) expect(c.raw).toMatch(/[-–—]|ถึง/);
          expect(seen.has(c.code)).toBe(false);
          seen.add(c.code);
          last = c.index;
        }
        for (const u of uncertain) {
          expect(u.confidence).toBeLessThan(CODE_CONFIDENCE_THRESHOLD);
          expect(text.slice(u.index, u.index + u.raw.length)).toBe(u.raw);
          expect(u.reason).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing in text without digits', () => {
    fc.assert(
      fc.property(anyText, ctxArb, (text, tool) => {
        const noDigits = text.replace(/[0-9๐-๙]/g, '');
        expect(findItemCodes(noDigits, { tool })).toEqual({ codes: [], uncertain: [] });
      }),
    );
  });

  it('reads explicit codes the same in Thai and Arabic digits', () => {
    fc.assert(
      fc.property(fc.array(codeArb, { minLength: 1, maxLength: 4 }), (cs) => {
        const arabic = cs.map((c) => written({ ...c, thai: false })).join(' และ');
        expect(codesOf(toThaiDigits(arabic))).toEqual(codesOf(arabic));
      }),
    );
  });

  it('repeating a text adds no codes', () => {
    fc.assert(
      fc.property(anyText, ctxArb, (text, tool) => {
        const once = findItemCodes(text, { tool }).codes;
        const twice = findItemCodes(`${text}\n${text}`, { tool }).codes;
        expect(twice.map((c) => c.code)).toEqual(
          expect.arrayContaining(once.map((c) => c.code)),
        );
        expect(new Set(twice.map((c) => c.code)).size).toBe(twice.length);
      }),
    );
  });

  it('an explicit code out of range is never a code', () => {
    fc.assert(
      fc.property(toolArb, fc.integer({ min: 0, max: 999 }), (tool, n) => {
        fc.pre(n === 0 || n > ITEM_MAX[tool]);
        const letter = LETTERS[tool][0] ?? 'I';
        const { codes, uncertain } = findItemCodes(`ข้อ ${letter}${toThaiDigits(String(n))}`);
        expect(codes).toEqual([]);
        expect(uncertain).toHaveLength(1);
      }),
    );
  });

  // No wall-clock threshold (a slow machine would fail it): the inputs are long enough that anything
  // quadratic would take hours, so the test's own time limit tells linear from not, whatever the machine.
  it('stays linear on long and pathological input', { timeout: 60_000 }, () => {
    const n = 80_000;
    expect(findItemCodes('ข้อ'.repeat(n), { tool: 'IIT' }).codes).toEqual([]);
    expect(findItemCodes(`${'E'.repeat(n)}๑`, { tool: 'IIT' }).codes.length).toBeLessThanOrEqual(1);
    const repeated = findItemCodes('1๓, '.repeat(n / 2), { tool: 'IIT' }).codes;
    expect(repeated.every((c) => c.code === 'i13')).toBe(true);
    expect(findItemCodes(`ตัวชี้วัดที่ ${'1๗, '.repeat(n / 2)}`, { tool: 'IIT' }).codes.length).toBeGreaterThan(0);
    const mixed = findItemCodes('(ข้อ E๔ และข้อE๕) ประเด็น ข้อมูล ๙๑.๑๘ '.repeat(n / 10), { tool: 'IIT' }).codes;
    expect(new Set(mixed.map((c) => c.code))).toEqual(new Set(['e4', 'e5']));
  });
});

describe('code ranges and lists in one cell or sentence', () => {
  it.each([
    ['ข้อ i1 - i5 ได้คะแนน', undefined, ['i1', 'i2', 'i3', 'i4', 'i5']],
    ['i1 – i6', undefined, ['i1', 'i2', 'i3', 'i4', 'i5', 'i6']],
    ['O1 ถึง O4', undefined, ['o1', 'o2', 'o3', 'o4']],
    ['ข้อ ๑-๓', 'IIT', ['i1', 'i2', 'i3']],
    ['ตัวชี้วัดที่ 1๗ - 1๙', undefined, ['i7', 'i8', 'i9']],
    ['ข้อ E๔ และ E๖ - E๘', undefined, ['e4', 'e6', 'e7', 'e8']],
    ['ข้อ ๑๐ , ๑๒', 'EIT', ['e10', 'e12']],
    // not ranges: backwards, across tools, beyond the tool's items, step numbers
    ['i5 - i3', undefined, ['i5', 'i3']],
    ['i1 - e5', undefined, ['i1', 'e5']],
    ['e1 - e40', undefined, ['e1']],
    ['ข้อ ๑) - ๑๑)', 'IIT', []],
  ] as Array<[string, Tool | undefined, string[]]>)('%s', (text, tool, expected) => {
    expect(codesOf(text, { tool })).toEqual(expected);
  });

  it('gives each code of a range the range as its raw text', () => {
    expect(findItemCodes('ข้อ o๑ – o๓').codes.map((c) => c.raw)).toEqual(['ข้อ o๑', 'ข้อ o๑ – o๓', 'ข้อ o๑ – o๓']);
  });
});

describe('findItemCodes: ข้อ with its tone mark lost to OCR ("ขอ")', () => {
  it('reads a code in a code\'s own shape after it (q300 001: "ขอ ๐ ๔๓" for ข้อ O๔๓)', () => {
    const scan = findItemCodes('ตัวชีวัดย่อยที่ ๑๐.๒ มาตรการภายในเพื่อป้องกันการทุจริต ขอ ๐ ๔๓ การดำเนนการตามมาตรการ');
    expect(scan.codes.map((c) => [c.code, c.raw])).toEqual([['o43', 'ขอ ๐ ๔๓']]);
    expect(findItemCodes('ขอ E๑๑ การตอบคำถาม').codes.map((c) => c.code)).toEqual(['e11']);
  });

  it('leaves ขอ "to ask" alone: a bare number after it, or ขอ inside a word', () => {
    expect(findItemCodes('ขอ ๒ ชุด').codes).toEqual([]);
    expect(findItemCodes('ขอ 10 ชุด', { tool: 'OIT' }).codes).toEqual([]);
    expect(findItemCodes('ขอความร่วมมือ ๐๑ ครั้ง').codes).toEqual([]);
    expect(findItemCodes('ข้อเสนอแนะ ขอบคุณ ๐๑').codes).toEqual([]);
  });
});

describe('a damaged letter is read only where a code stands', () => {
  it.each([['ข้อมูล๑'], ['ข้อ ก. การเผยแพร่ข้อมูล'], ['ข้อมูล ๑๒ รายการ']])('%s under an EIT heading gives no code', (text) => {
    const codes = findItemCodes(text, { tool: 'EIT' }).codes;
    expect(codes).toEqual([]);
  });

  it('a digit-for-letter code after a space needs a code before it: "๑๒ 6๑๕" alone is no list', () => {
    expect(codesOf('ได้คะแนน ๑๒ 6๑๕', { tool: 'EIT' })).toEqual([]);
  });
});

describe('codes as scans of generated reports read them (layout scans, 200 dpi)', () => {
  it('goes on with a list whose letters the Thai model read as the zero or the one of its tool', () => {
    // "ข้อ o๑๒ o๒๐ และ o๒๙" (seed 87100)
    expect(codesOf('ข้อ 0๑๒ ๐๒๐ และ ๐๒๙')).toEqual(['o12', 'o20', 'o29']);
    expect(codesOf('ข้อ 1๑๓ 1๑๔')).toEqual(['i13', 'i14']);
    // a Thai number after the list is no code of it
    expect(codesOf('ข้อ 0๑๒ ๑๒ คน')).toEqual(['o12']);
  });

  it('reads an Arabic "1" before two digits after ข้อ as the letter I: no tool has an item 100 or more', () => {
    // "ข้อ I13" in a report written in Arabic digits (seed 87103)
    expect(codesOf('ข้อ 113')).toEqual(['i13']);
    expect(codesOf('ข้อ 12')).toEqual([]);
    expect(codesOf('ข้อ 112 และ 115')).toEqual(['i12', 'i15']);
  });

  it('reads a code column cell opening with an E-shaped digit before Thai digits, not a Thai letter before them', () => {
    // "E๙ ช่องทาง…" read "6 ๙ ช่องทาง…" (seed 87108)
    expect(codesOf('6 ๙ ช่องทางการเผยแพร่ข้อมูล', { codeCells: [0] })).toEqual(['e9']);
    expect(codesOf('ถี๑๑ การเผยแพร่', { codeCells: [0] })).toEqual([]);
    expect(codesOf('7 ๙ ช่องทาง', { codeCells: [0] })).toEqual([]);
  });

  it('reads a code cell whose first code lost its letter by the tool of the codes after it', () => {
    // "i๔ i๕ และ i๑๔" in a code column of a scanned table, read "๔ 1๕ และ 1 ๑๔" (seed 84102)
    expect(codesOf('๔ 1๕ และ 1 ๑๔', { codeCells: [0] })).toEqual(['i4', 'i5', 'i14']);
    expect(codesOf('๕, E๑๓', { codeCells: [0] })).toEqual(['e5', 'e13']);
    // bare numbers alone are still no codes, nor a bare number before a date, nor outside a code cell
    expect(codesOf('๔ และ ๕', { codeCells: [0] })).toEqual([]);
    expect(codesOf('๒๕ และ ๓๐ ก.ย.', { codeCells: [0] })).toEqual([]);
    expect(codesOf('๔ 1๕ และ 1 ๑๔')).toEqual([]);
  });
});
