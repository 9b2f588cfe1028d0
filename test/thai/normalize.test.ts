import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeThai, thaiTextQuality } from '../../src/thai/normalize.js';

const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/corpus');
const corpusFiles = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const readCorpus = (f: string): string => readFileSync(join(CORPUS_DIR, f), 'utf8');

/** Code points of a string as hex, for readable failure messages. */
const hex = (s: string): string =>
  [...s].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join(' ');

/** Thai text as TIS-620 bytes read as Latin-1 (the mojibake a wrong decoder makes). */
const asLatin1Mojibake = (s: string): string =>
  [...s]
    .map((c) => {
      const cp = c.codePointAt(0) ?? 0;
      return cp >= 0x0e01 && cp <= 0x0e5b ? String.fromCharCode(cp - 0x0e00 + 0xa0) : c;
    })
    .join('');

// ---------------------------------------------------------------------------
// PUA: every code point of HarfBuzz's table (hb-ot-shaper-thai.cc), one row each.
// ---------------------------------------------------------------------------

/** Windows fonts, U+F700–U+F71A. */
const PUA_WINDOWS: Array<[string, string]> = [
  ['\uF700าน', 'ฐาน'], // THO THAN without descender
  ['ป\uF701ด', 'ปิด'], // SARA I, shifted left
  ['ป\uF702', 'ปี'], // SARA II, shifted left
  ['ฝ\uF703ก', 'ฝึก'], // SARA UE, shifted left
  ['ฟ\uF704น', 'ฟืน'], // SARA UEE, shifted left
  ['ป\uF705า', 'ป่า'], // MAI EK, down-left
  ['ป\uF706า', 'ป้า'], // MAI THO, down-left
  ['ป\uF707อป', 'ป๊อป'], // MAI TRI, down-left
  ['ป\uF708า', 'ป๋า'], // MAI CHATTAWA, down-left
  ['ฟ\uF709', 'ฟ์'], // THANTHAKHAT, down-left
  ['ก\uF70Aอน', 'ก่อน'], // MAI EK, down
  ['น\uF70Bำ', 'น้ำ'], // MAI THO, down
  ['โต\uF70Cะ', 'โต๊ะ'], // MAI TRI, down
  ['จ\uF70Dา', 'จ๋า'], // MAI CHATTAWA, down
  ['จันทร\uF70E', 'จันทร์'], // THANTHAKHAT, down
  ['\uF70Fาติ', 'ญาติ'], // YO YING without descender
  ['ป\uF710ญหา', 'ปัญหา'], // MAI HAN-AKAT, shifted left
  ['ป\uF711', 'ปํ'], // NIKHAHIT, shifted left
  ['เป\uF712น', 'เป็น'], // MAITAIKHU, shifted left
  ['ป\uF702\uF713', 'ปี่'], // MAI EK, shifted left
  ['ฟ\uF704\uF714น', 'ฟื้น'], // MAI THO, shifted left
  ['ป\uF701\uF715', 'ปิ๊'], // MAI TRI, shifted left
  ['ป\uF701\uF716', 'ปิ๋'], // MAI CHATTAWA, shifted left
  ['ฟ\uF701\uF717', 'ฟิ์'], // THANTHAKHAT, shifted left
  ['ฎ\uF718', 'ฎุ'], // SARA U, down
  ['ฏ\uF719', 'ฏู'], // SARA UU, down
  ['ฏ\uF71A', 'ฏฺ'], // PHINTHU, down
];

/** Mac fonts, U+F884–U+F89E. */
const PUA_MAC: Array<[string, string]> = [
  ['ป\uF884ญหา', 'ปัญหา'], // MAI HAN-AKAT, shifted left
  ['ป\uF885ด', 'ปิด'], // SARA I, shifted left
  ['ป\uF886', 'ปี'], // SARA II, shifted left
  ['ฝ\uF887ก', 'ฝึก'], // SARA UE, shifted left
  ['ฟ\uF888น', 'ฟืน'], // SARA UEE, shifted left
  ['เป\uF889น', 'เป็น'], // MAITAIKHU, shifted left
  ['ป\uF886\uF88A', 'ปี่'], // MAI EK, shifted left
  ['ก\uF88Bอน', 'ก่อน'], // MAI EK, down
  ['ป\uF88Cา', 'ป่า'], // MAI EK, down-left
  ['ฟ\uF888\uF88Dน', 'ฟื้น'], // MAI THO, shifted left
  ['น\uF88Eำ', 'น้ำ'], // MAI THO, down
  ['ป\uF88Fา', 'ป้า'], // MAI THO, down-left
  ['ป\uF885\uF890', 'ปิ๊'], // MAI TRI, shifted left
  ['โต\uF891ะ', 'โต๊ะ'], // MAI TRI, down
  ['ป\uF892อป', 'ป๊อป'], // MAI TRI, down-left
  ['ป\uF885\uF893', 'ปิ๋'], // MAI CHATTAWA, shifted left
  ['จ\uF894า', 'จ๋า'], // MAI CHATTAWA, down
  ['ป\uF895า', 'ป๋า'], // MAI CHATTAWA, down-left
  ['ฟ\uF885\uF896', 'ฟิ์'], // THANTHAKHAT, shifted left
  ['จันทร\uF897', 'จันทร์'], // THANTHAKHAT, down
  ['ฟ\uF898', 'ฟ์'], // THANTHAKHAT, down-left
  ['ป\uF899', 'ปํ'], // NIKHAHIT, shifted left
  ['\uF89Aาติ', 'ญาติ'], // YO YING without descender
  ['ฎ\uF89B', 'ฎุ'], // SARA U, down
  ['ฏ\uF89C', 'ฏู'], // SARA UU, down
  ['ฏ\uF89D', 'ฏฺ'], // PHINTHU, down
  ['\uF89Eาน', 'ฐาน'], // THO THAN without descender
];

/** PUA in realistic combinations: HarfBuzz output for whole words. */
const PUA_WORDS: Array<[string, string]> = [
  // ป้ำ shaped by HarfBuzz: ำ → ํ + า, ํ moved before the tone, both shifted left.
  ['ป\uF711\uF714า', 'ป้ำ'],
  ['ป\uF899\uF88Dา', 'ป้ำ'],
  ['ป\uF711า', 'ปำ'],
  ['ประชาสัมพันธ\uF70E', 'ประชาสัมพันธ์'],
  ['เจ\uF70Bาหน\uF70Bาที\uF70A', 'เจ้าหน้าที่'],
  ['\uF70Fาณ\uF700านข\uF70Bอมูล', 'ญาณฐานข้อมูล'],
  // A PUA tone typed before the vowel is still reordered.
  ['ท\uF713\uF702', 'ที่'],
];

describe('normalizeThai: PUA glyphs', () => {
  it('the tables cover every Windows and Mac PUA code point once', () => {
    const pua = (rows: Array<[string, string]>): number[] =>
      rows.flatMap(([input]) =>
        [...input].map((c) => c.codePointAt(0) ?? 0).filter((cp) => cp >= 0xf700),
      );
    const all = [...pua(PUA_WINDOWS), ...pua(PUA_MAC)];
    const expected = [
      ...Array.from({ length: 0x1b }, (_, i) => 0xf700 + i),
      ...Array.from({ length: 0x1b }, (_, i) => 0xf884 + i),
    ];
    expect(new Set(all)).toEqual(new Set(expected));
  });

  it.each(PUA_WINDOWS)('Windows %s → %s', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });

  it.each(PUA_MAC)('Mac %s → %s', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });

  it.each(PUA_WORDS)('word %s → %s', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------
// Sara am
// ---------------------------------------------------------------------------

const SARA_AM: Array<[string, string]> = [
  ['ค\u0e4d\u0e32', 'คำ'], // ํ า (OCR)
  ['การด\u0e4d\u0e32เนินงาน', 'การดำเนินงาน'],
  ['ส\u0e4d\u0e32นักงาน ป.ป.ช.', 'สำนักงาน ป.ป.ช.'],
  // ํ + tone + า (cairo order) → tone + ำ, all four tones
  ['ค\u0e4d\u0e48\u0e32', 'ค่ำ'],
  ['น\u0e4d\u0e49\u0e32', 'น้ำ'],
  ['จ\u0e4d\u0e4a\u0e32', 'จ๊ำ'],
  ['ต\u0e4d\u0e4b\u0e32', 'ต๋ำ'],
  // tone + ํ + า → tone + ำ
  ['ค\u0e48\u0e4d\u0e32', 'ค่ำ'],
  ['น\u0e49\u0e4d\u0e32', 'น้ำ'],
  ['จ\u0e4a\u0e4d\u0e32', 'จ๊ำ'],
  ['ต\u0e4b\u0e4d\u0e32', 'ต๋ำ'],
  // ำ + tone (typed after) → tone + ำ
  ['ค\u0e33\u0e48', 'ค่ำ'],
  ['น\u0e33\u0e49', 'น้ำ'],
  ['จ\u0e33\u0e4a', 'จ๊ำ'],
  ['ต\u0e33\u0e4b', 'ต๋ำ'],
  ['น้ำท่วม', 'น้ำท่วม'],
  ['ต่ำกว่า', 'ต่ำกว่า'],
  // pdfjs on LibreOffice PDFs: "ดำ" as ด ำ ␠ า
  ['ด ำ า', 'ดำ'],
  ['การด ำ าเนินการ', 'การดำเนินการ'],
  ['ประจ ำ าปี', 'ประจำปี'],
  ['น ำ ้ า', 'น้ำ'],
  // duplicates around ำ
  ['ท\u0e4d\u0e32\u0e32', 'ทำ'],
  ['ท\u0e33\u0e33', 'ทำ'],
  ['ท\u0e4d\u0e33', 'ทำ'],
  ['ท\u0e33\u0e4d', 'ทำ'],
  ['ท\u0e4d \u0e32', 'ทำ'],
  // left alone
  ['ค าน า', 'ค าน า'],
  ['ค\u0e4d', 'ค\u0e4d'],
  ['ส\u0e4dสาร', 'ส\u0e4dสาร'],
  ['ทำ งาน', 'ทำ งาน'],
];

describe('normalizeThai: sara am', () => {
  it.each(SARA_AM)('%s → %s', (input, expected) => {
    expect(hex(normalizeThai(input))).toBe(hex(expected));
  });
});

// ---------------------------------------------------------------------------
// Mark order and duplicates
// ---------------------------------------------------------------------------

const MARK_ORDER: Array<[string, string]> = [
  ['ก\u0e48\u0e35', 'กี่'],
  ['ท\u0e48\u0e35', 'ที่'],
  ['ส\u0e48\u0e34ง', 'สิ่ง'],
  ['ก\u0e49\u0e31น', 'กั้น'],
  ['ก\u0e49\u0e38ง', 'กุ้ง'],
  ['หม\u0e48\u0e39', 'หมู่'],
  ['ต\u0e49\u0e37อง', 'ต้อง'.replace('้', '\u0e37\u0e49')], // ื before ้
  ['ศักด\u0e4c\u0e34', 'ศักดิ์'],
  ['ฤทธ\u0e4c\u0e34', 'ฤทธิ์'],
  ['ตัวช\u0e49\u0e35วัด', 'ตัวชี้วัด'],
  ['ก\u0e48\u0e48', 'ก่'],
  ['ที\u0e48\u0e48', 'ที่'],
  ['ก\u0e35\u0e35', 'กี'],
  ['ก\u0e48\u0e35\u0e48', 'กี่'],
  ['ก\u0e48\u0e49', 'ก\u0e48\u0e49'], // different tones: kept, in code point order
  ['ก\u0e49\u0e48', 'ก\u0e48\u0e49'],
  ['พ\u0e38\u0e3a', 'พ\u0e3a\u0e38'], // phinthu first (canonical class 9 < 103)
  ['ก็', 'ก็'],
  ['\u0e48\u0e35', '\u0e35\u0e48'], // orphan cluster is still ordered
];

describe('normalizeThai: mark order', () => {
  it.each(MARK_ORDER)('%s → %s', (input, expected) => {
    expect(hex(normalizeThai(input))).toBe(hex(expected));
  });
});

// ---------------------------------------------------------------------------
// Spaces, zero-width characters, เเ
// ---------------------------------------------------------------------------

const SPACES: Array<[string, string]> = [
  ['ถ ึง', 'ถึง'],
  ['ส ุ', 'สุ'],
  ['ส\u00a0ุข', 'สุข'],
  ['ท ี ่', 'ที่'],
  ['ท  \u0e35\u00a0\u0e48', 'ที่'],
  ['ป ระ โยชน ์', 'ป ระ โยชน์'], // spaces before letters stay (word repair is elsewhere)
  ['a  b', 'a b'],
  ['ก\u00a0\u00a0ข', 'ก ข'],
  ['ก\u00a0ข', 'ก ข'],
  ['ก\u2003ข', 'ก ข'],
  ['ก\u3000\u202f ข', 'ก ข'],
  ['ก \t ข', 'ก\t ข'],
  ['ก\t\tข', 'ก\t\tข'],
  ['ก  \nข', 'ก\nข'],
  ['ก \r\nข', 'ก\r\nข'],
  ['\n\n\n', '\n\n\n'],
  [' ก', ' ก'],
  ['ก ', 'ก '],
  ['ก   ', 'ก '],
];

const ZERO_WIDTH: Array<[string, string]> = [
  ['ก\u200bข', 'กข'],
  ['ก\u200cข', 'กข'],
  ['ก\u200dข', 'กข'],
  ['ก\u2060ข', 'กข'],
  ['\ufeffกข', 'กข'],
  ['ก\u00adข', 'กข'],
  ['ก \u200b ข', 'ก ข'],
  ['ท\u200b\u0e35\u200b\u0e48', 'ที่'],
  ['ค\u0e4d\u200b\u0e32', 'คำ'],
];

const SARA_AE: Array<[string, string]> = [
  ['เเปลก', 'แปลก'],
  ['เเละ', 'และ'],
  ['การเเก้ไข', 'การแก้ไข'],
  ['เเ', 'แ'],
  ['เเเ', 'แเ'],
  ['เ\u200bเนว', 'แนว'],
  ['เ เ', 'เ เ'],
  ['เป็น', 'เป็น'],
];

describe('normalizeThai: spaces, zero-width, เเ', () => {
  it.each(SPACES)('spaces %j → %j', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });
  it.each(ZERO_WIDTH)('zero-width %j → %j', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });
  it.each(SARA_AE)('เเ %s → %s', (input, expected) => {
    expect(normalizeThai(input)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------
// Corpus text
// ---------------------------------------------------------------------------

/** Lines copied from fixtures/corpus: already standard, must not change. */
const CORPUS_UNCHANGED: string[] = [
  'ทุกส่วนราชการ',
  'ต.ค. ๖๗-ก.ย.๖๘',
  'ทุกส่วน ราชการ',
  'ประพฤตินิ ชอบ',
  'ประจำปี พ.ศ. ๒๕๖๘',
  'เทศบาลตำบลบ่อพลับ',
  'อำเภอเมืองนครปฐม จังหวัดนครปฐม',
  '(๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
  'ประเด็น เจ้าหน้าที่ใน หน่วยงานของท่าน มีการ เรียก รับสินบนเพื่อแลก กับการปฏิบัติงานหรือ การให้บริการหรือไม่ (ข้อ 1๓) (ค่าคะแนน ๙๑.๑๘)',
  'ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อนจากการประเมิน\tมาตรการ/โครงการ หรือกิจกรรม\tขั้นตอนหรือวิธีการปฏิบัติ\tช่วงระยะเวลา ในการดำเนินการ\tผู้รับผิดชอบ\tข้อจำกัดของหน่วยงาน',
  'ตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
  'ประจำปีงบประมาณ พ.ศ.๒๕๖๖',
  'ข้อเสนอแนะ /แนวทางดำเนินการตามข้อเสนอแนะ',
  'No Gift Policy',
  '<p>- สำนักปลัด</p>\t&amp;',
];

/** Corpus phrases damaged the way PDF text layers and OCR damage them. */
const CORPUS_DAMAGED: Array<[string, string]> = [
  ['รายงานผลการด\u0e4d\u0e32เนินการ', 'รายงานผลการดำเนินการ'],
  ['ความส\u0e4d\u0e32คัญของนโยบาย', 'ความสำคัญของนโยบาย'],
  ['เจ\u0e49าหน\u0e49าท\u0e48\u0e35ใน หน\u0e48วยงาน', 'เจ้าหน้าที่ใน หน่วยงาน'],
  ['ตัวช\u0e49\u0e35วัดที\u0e48 ๑๐.๑', 'ตัวชี้วัดที่ ๑๐.๑'],
  ['ทุกส ่วนราชการ', 'ทุกส่วนราชการ'],
  ['ผู ้ร ับผิดชอบ', 'ผู้รับผิดชอบ'],
  ['เทศบาลต\u0e4d\u0e32บลบ\u0e48อพล\u0e31บ', 'เทศบาลตำบลบ่อพลับ'],
  ['การเเก\u0e49ไขป\uF710ญหา', 'การแก้ไขปัญหา'],
  ['ผู\uF70Bบริหาร\u00a0\u00a0ไม\uF70Aให\uF70Bรับทรัพย\uF70Eสิน', 'ผู้บริหาร ไม่ให้รับทรัพย์สิน'],
  ['ประจ ำ าปีงบประมาณ\u200b พ.ศ. ๒๕๖๘', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘'],
  ['ต.ค.\u00a0๖๗-ก.ย.๖๘ \tทุกส่วนราชการ', 'ต.ค. ๖๗-ก.ย.๖๘\tทุกส่วนราชการ'],
];

describe('normalizeThai: corpus text', () => {
  it.each(CORPUS_UNCHANGED.map((s) => [s]))('unchanged: %s', (s) => {
    expect(normalizeThai(s)).toBe(s);
  });

  it.each(CORPUS_DAMAGED)('repaired: %s → %s', (input, expected) => {
    expect(hex(normalizeThai(input))).toBe(hex(expected));
  });

  it.each(corpusFiles)('%s: only trailing spaces before a line break change', (f) => {
    const text = readCorpus(f);
    const out = normalizeThai(text);
    expect(out).toBe(text.replace(/ +(?=\n)/g, ''));
  });

  it.each(corpusFiles)('%s: damaged copy normalises to the same text', (f) => {
    const clean = normalizeThai(readCorpus(f));
    const damaged = clean
      .replace(/([\u0e34-\u0e39])([\u0e48-\u0e4b])/g, '$2$1') // tone typed before the vowel
      .replace(/([\u0e48-\u0e4b])\u0e33/g, '\u0e4d$1\u0e32') // cairo: ํ tone า
      .replace(/\u0e33/g, '\u0e4d\u0e32') // OCR: ํ า
      .replace(/\u0e49/g, '\uF70B') // Windows PUA mai tho
      .replace(/\u0e48/g, ' \u0e48') // space before the tone
      .replace(/ /g, '\u00a0 ') // NBSP + space
      .replace(/ก/g, 'ก\u200b') // zero-width space
      .replace(/แ/g, 'เเ'); // เ เ for แ
    expect(damaged).not.toBe(clean);
    expect(normalizeThai(damaged)).toBe(clean);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const THAI_MARKS = [
  '\u0e31', '\u0e34', '\u0e35', '\u0e36', '\u0e37', '\u0e38', '\u0e39', '\u0e3a',
  '\u0e47', '\u0e48', '\u0e49', '\u0e4a', '\u0e4b', '\u0e4c', '\u0e4d', '\u0e4e',
];
const PUA_CHARS = [
  ...Array.from({ length: 0x1b }, (_, i) => String.fromCharCode(0xf700 + i)),
  ...Array.from({ length: 0x1b }, (_, i) => String.fromCharCode(0xf884 + i)),
];
const ALPHABET = [
  ...'กขคงจญฐดตนบปผฝพฟมยรลวสหอฮฎฏ',
  ...'ะาำเแโใไๅ',
  ...'๐๑๙',
  ...THAI_MARKS,
  ...THAI_MARKS, // marks are frequent so that clusters form
  ...PUA_CHARS,
  ' ', ' ', ' ', '\u00a0', '\u2003', '\u3000', '\t', '\n', '\r',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
  'a', 'Z', '1', '.', '-', '(', ')', '<', '&',
];

/** Strings mixing Thai letters, marks, PUA, spaces, breaks and zero-width characters. */
const thaiMix = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 60 });
/** Arbitrary UTF-16, lone surrogates included. */
const anyUtf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
/** Arbitrary code points. */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 40 });

const PUA_RE = /[\uF700-\uF71A\uF884-\uF89E]/;
const MARK_CLASS = '\u0e31\u0e34-\u0e3a\u0e47-\u0e4e';
const BREAK_RE = /[\t\n\v\f\r\u0085\u2028\u2029]/;

describe('normalizeThai: properties', () => {
  const arbitraries = [
    ['Thai mix', thaiMix],
    ['any UTF-16', anyUtf16],
    ['any code points', anyUnicode],
  ] as const;

  it.each(arbitraries)('is idempotent (%s)', (_name, arb) => {
    fc.assert(
      fc.property(arb, (s) => {
        const once = normalizeThai(s);
        expect(hex(normalizeThai(once))).toBe(hex(once));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(arbitraries)('never makes the string longer (%s)', (_name, arb) => {
    fc.assert(
      fc.property(arb, (s) => normalizeThai(s).length <= s.length),
      { numRuns: 2000 },
    );
  });

  it('output has no PUA glyphs, no ํ + า, no zero-width characters', () => {
    fc.assert(
      fc.property(thaiMix, (s) => {
        const out = normalizeThai(s);
        expect(out).not.toMatch(PUA_RE);
        expect(out).not.toContain('\u0e4d\u0e32');
        expect(out).not.toMatch(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/);
      }),
      { numRuns: 3000 },
    );
  });

  it('output has no space runs, no space before a mark, ำ or line break', () => {
    const bad = new RegExp(`  | [${MARK_CLASS}\u0e33]| [\\t\\n\\r]|[\u00a0\u2003\u3000]`);
    fc.assert(
      fc.property(thaiMix, (s) => {
        expect(normalizeThai(s)).not.toMatch(bad);
      }),
      { numRuns: 3000 },
    );
  });

  it('output has every cluster in canonical order, without duplicates', () => {
    // A tone mark or thanthakhat never precedes a vowel mark; thanthakhat
    // never precedes a tone mark; no mark is doubled; nothing follows ำ's marks.
    const bad = /[\u0e48-\u0e4c][\u0e31\u0e34-\u0e3a\u0e47\u0e4d\u0e4e]|\u0e4c[\u0e48-\u0e4b]|([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\1|\u0e33[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
    fc.assert(
      fc.property(thaiMix, (s) => {
        expect(normalizeThai(s)).not.toMatch(bad);
      }),
      { numRuns: 3000 },
    );
  });

  it('Thai output is stable under NFC (mark order agrees with combining classes)', () => {
    fc.assert(
      fc.property(thaiMix, (s) => {
        const out = normalizeThai(s);
        expect(out.normalize('NFC')).toBe(out);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves text without Thai, PUA, zero-width or special spaces alone except spaces', () => {
    const plain = anyUnicode.filter(
      (s) => !/[\u0e00-\u0e7f\uF700-\uF71A\uF884-\uF89E\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/.test(s),
    );
    const withSpaces = fc
      .array(fc.oneof(plain, fc.constantFrom(' ', '  ', '\t', '\n', ' \n')), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(withSpaces, (s) => {
        const expected = s
          .replace(/ {2,}/g, ' ')
          .replace(new RegExp(` +(?=${BREAK_RE.source})`, 'g'), '');
        expect(normalizeThai(s)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the very same string when nothing changes', () => {
    const s = 'ทุกส่วนราชการ\tต.ค. ๖๗-ก.ย.๖๘';
    expect(normalizeThai(s)).toBe(s);
    expect(normalizeThai('')).toBe('');
  });

  // no wall-clock threshold (bench/ measures speed): on megabytes anything quadratic would take hours, so
  // the test's own time limit tells linear from not on any machine
  it('is linear on megabytes, including adversarial input', { timeout: 60_000 }, () => {
    const corpus = corpusFiles.map(readCorpus).join('\n');
    const big = corpus.repeat(Math.ceil(1_000_000 / corpus.length));
    const adversarial =
      'ก' + '\u0e48\u0e49\u0e35'.repeat(200_000) + ' '.repeat(500_000) + '\u0e4d'.repeat(100_000) + 'า';
    expect(normalizeThai(big).length).toBeGreaterThan(900_000);
    expect(thaiTextQuality(big).puaCount).toBe(0);
    expect(thaiTextQuality(adversarial).orphanMarks).toBeGreaterThan(0);
    expect(normalizeThai(adversarial)).toBe('ก\u0e35\u0e48\u0e49\u0e33');
  });
});

// ---------------------------------------------------------------------------
// thaiTextQuality
// ---------------------------------------------------------------------------

describe('thaiTextQuality', () => {
  it.each(corpusFiles)('%s: a clean text layer shows no damage', (f) => {
    const text = readCorpus(f);
    const q = thaiTextQuality(text);
    expect(q).toMatchObject({ puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0 });
    expect(q.thaiChars).toBeGreaterThan(text.length / 2);
  });

  it.each([
    ['', { puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 0 }],
    ['ทุกส่วนราชการ', { puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 13 }],
    // PUA glyphs (Windows and Mac)
    ['เจ\uF70Bาหน\uF70Aาที\uF70A', { puaCount: 3, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 8 }],
    ['ป\uF886\uF88A \uF89Eาน', { puaCount: 3, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 3 }],
    // orphan marks: at the start, after space, NBSP, tab, newline
    ['\u0e48ก', { puaCount: 0, orphanMarks: 1, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 2 }],
    ['ถ ึง', { puaCount: 0, orphanMarks: 1, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 3 }],
    ['ท ี่', { puaCount: 0, orphanMarks: 2, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 3 }],
    ['ส\u00a0ุ\tุ\nิ', { puaCount: 0, orphanMarks: 3, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 4 }],
    ['ก \uF70A', { puaCount: 1, orphanMarks: 1, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 1 }],
    ['a\u0e48', { puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 1 }],
    // split sara am
    ['ค าน า', { puaCount: 0, orphanMarks: 0, splitSaraAm: 2, latin1Mojibake: 0, thaiChars: 4 }],
    ['น้ า', { puaCount: 0, orphanMarks: 0, splitSaraAm: 1, latin1Mojibake: 0, thaiChars: 3 }],
    ['ด ำ า', { puaCount: 0, orphanMarks: 0, splitSaraAm: 1, latin1Mojibake: 0, thaiChars: 3 }],
    ['คำนำ', { puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 4 }],
    ['ทุกส่วน ราชการ', { puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 13 }],
    // TIS-620 read as Latin-1
    ['¡ÒÃ', { puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 3, thaiChars: 0 }],
    ['café ação résumé naïve', { puaCount: 0, orphanMarks: 0, splitSaraAm: 0, latin1Mojibake: 0, thaiChars: 0 }],
  ] as const)('%j', (input, expected) => {
    expect(thaiTextQuality(input)).toEqual(expected);
  });

  it('counts TIS-620-as-Latin-1 mojibake of corpus text', () => {
    const thai = 'การประเมินคุณธรรมและความโปร่งใส';
    expect(thaiTextQuality(asLatin1Mojibake(thai)).latin1Mojibake).toBe(thai.length);
    const line = 'ทุกส่วนราชการ\tต.ค. ๖๗-ก.ย.๖๘';
    const q = thaiTextQuality(asLatin1Mojibake(line));
    expect(q.thaiChars).toBe(0);
    // ทุกส่วนราชการ (13); the shorter runs "ต", "ค", "๖๗", "ก", "ย", "๖๘" are below the threshold
    expect(q.latin1Mojibake).toBe(13);
  });

  it('sees the damage that normalizeThai repairs, and none after', () => {
    const raw = 'ผู\uF70Bบริหาร ไม\uF70Aให\uF70Bรับ ถ ึง การด\u0e4d\u0e32เนินการ ด ำ า';
    const before = thaiTextQuality(raw);
    expect(before.puaCount).toBe(3);
    expect(before.orphanMarks).toBe(1);
    expect(before.splitSaraAm).toBe(1);
    const after = thaiTextQuality(normalizeThai(raw));
    expect(after).toMatchObject({ puaCount: 0, orphanMarks: 0, splitSaraAm: 0 });
  });

  it('counts a PUA glyph in any position and every Thai character', () => {
    fc.assert(
      fc.property(thaiMix, (s) => {
        const q = thaiTextQuality(s);
        expect(q.puaCount).toBe([...s].filter((c) => PUA_RE.test(c)).length);
        expect(q.thaiChars).toBe([...s].filter((c) => /[\u0e01-\u0e5b]/.test(c)).length);
      }),
      { numRuns: 1000 },
    );
  });
});
