import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveSections } from '../../src/ita/resolve-sections.js';
import { walkBody, type SectionSlot } from '../../src/ita/body.js';
import { recognise } from '../../src/ita/recognise.js';
import { SECTION_TITLES, sectionKeywordScores } from '../../src/ita/sections.js';
import { normaliseBlocks } from '../../src/ita/normalise.js';
import { parseCell, readText } from '../../src/readers/text.js';
import { cell, paragraph, position, row, table, type Block } from '../../src/model/blocks.js';
import type { Diagnostic, Entry } from '../../src/model/schema.js';

// ------------------------------------------------------------------ fixtures

function corpusText(stem: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/corpus/${stem}.txt`, import.meta.url)), 'utf8');
}

/** A table line of a corpus file as an entry's text: cells joined by tabs, markup removed. */
function corpusRow(stem: string, line: number): string {
  const text = corpusText(stem).split(/\r?\n/)[line - 1] ?? '';
  return text
    .split('\t')
    .map((c) => parseCell(c).paragraphs.join(' '))
    .join('\t');
}

const S000 = '000_12d03613c0e47b57';
const S003 = '003_592d1508f0de56c3';

/** Rows of corpus 003, one per issue, as the document files them (line 31 is the issue-4 row under the misnumbered heading). */
const ROW = {
  1: corpusRow(S003, 11),
  '1b': corpusRow(S003, 14),
  2: corpusRow(S003, 21),
  '2b': corpusRow(S000, 28), // the E-Service row of 000
  3: corpusRow(S003, 26),
  4: corpusRow(S003, 31),
  5: corpusRow(S003, 36),
  6: corpusRow(S003, 41),
  7: corpusRow(S003, 46),
  neutral: '๑\tจัดประชุมพนักงานประจำเดือน\tไตรมาสที่ ๑\tปลัด',
} as const;

interface Heading {
  stated: number | null;
  matched: number | null;
  line: number;
  part?: number;
}
interface Row {
  /** Index of the heading the row sits under, or null before any heading. */
  under: number | null;
  line: number;
  text: string;
  /** The first row under a table's header (in corpus 003 every issue's rows start a table of their own). */
  afterHeader?: boolean;
  seq?: number;
  fields?: Entry['fields'];
}
interface Case {
  headings: Heading[];
  rows: Row[];
  /** Each row's section, in order. */
  sections: Array<number | null>;
  /** The document's sections. */
  list: number[];
  /** Diagnostics as code@line. */
  diagnostics: string[];
}

function headingText(h: Heading): string {
  const title = h.matched ? SECTION_TITLES[h.matched - 1] : '';
  return h.stated ? `ประเด็นที่ ${h.stated} ${title}` : `${title}`;
}

function build(c: Case): { entries: Entry[]; entrySlots: Array<SectionSlot | null>; slots: SectionSlot[]; afterHeader: boolean[] } {
  const slots: SectionSlot[] = c.headings.map((h) => ({
    stated: h.stated,
    matched: h.matched,
    confidence: 1,
    heading: headingText(h),
    source: position(null, h.line),
    part: h.part ?? 1,
  }));
  const entries: Entry[] = c.rows.map((r) => ({
    kind: 'row',
    text: r.text,
    section: null,
    part: r.under === null ? 1 : (c.headings[r.under]?.part ?? 1),
    seq: r.seq ?? null,
    itemCodes: [],
    score: null,
    periods: [],
    responsible: [],
    fields: r.fields ?? {},
    source: position(null, r.line),
  }));
  return { entries, entrySlots: c.rows.map((r) => (r.under === null ? null : slots[r.under]!)), slots, afterHeader: c.rows.map((r) => r.afterHeader ?? false) };
}

const at = (d: Diagnostic) => `${d.code}@${d.source?.line ?? '?'}`;

// ------------------------------------------------------------------ cases

const CASES: Array<[string, Case]> = [
  [
    'headings whose number and title agree',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 2, matched: 2, line: 18 }],
      rows: [{ under: 0, line: 11, text: ROW[1] }, { under: 0, line: 14, text: ROW['1b'] }, { under: 1, line: 21, text: ROW[2] }],
      sections: [1, 1, 2],
      list: [1, 2],
      diagnostics: [],
    },
  ],
  [
    'all seven issues',
    {
      headings: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ stated: n, matched: n, line: n * 10 })),
      rows: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ under: n - 1, line: n * 10 + 2, text: ROW[n as 1] })),
      sections: [1, 2, 3, 4, 5, 6, 7],
      list: [1, 2, 3, 4, 5, 6, 7],
      diagnostics: [],
    },
  ],
  [
    // corpus 003 line 28: "ประเด็นที่ ๔" with issue 3's title over a row about ทรัพย์สิน
    'number 4 with issue 3’s title over issue-4 content: 4, reported',
    {
      headings: [
        { stated: 3, matched: 3, line: 23 },
        { stated: 4, matched: 3, line: 28 },
        { stated: 5, matched: 5, line: 33 },
      ],
      rows: [{ under: 0, line: 26, text: ROW[3] }, { under: 1, line: 31, text: ROW[4] }, { under: 2, line: 36, text: ROW[5] }],
      sections: [3, 4, 5],
      list: [3, 4, 5],
      diagnostics: ['SECTION_TITLE_MISMATCH@28'],
    },
  ],
  [
    'number 4 with issue 3’s title over issue-3 content: the number is the typo, 3, reported',
    {
      headings: [
        { stated: 2, matched: 2, line: 10 },
        { stated: 4, matched: 3, line: 20 },
        { stated: 4, matched: 4, line: 30 },
      ],
      rows: [{ under: 0, line: 12, text: ROW[2] }, { under: 1, line: 22, text: ROW[3] }, { under: 2, line: 32, text: ROW[4] }],
      sections: [2, 3, 4],
      list: [2, 3, 4],
      diagnostics: ['SECTION_TITLE_MISMATCH@20'],
    },
  ],
  [
    'number and title disagree and the rows say nothing: the running order decides, reported',
    {
      headings: [
        { stated: 3, matched: 3, line: 10 },
        { stated: 4, matched: 3, line: 20 },
        { stated: 5, matched: 5, line: 30 },
      ],
      rows: [{ under: 0, line: 12, text: ROW[3] }, { under: 1, line: 22, text: ROW.neutral }, { under: 2, line: 32, text: ROW[5] }],
      sections: [3, 4, 5],
      list: [3, 4, 5],
      diagnostics: ['SECTION_TITLE_MISMATCH@20'],
    },
  ],
  [
    'a missing heading between 1 and 3, its row filed under 1: inferred as 2, reported',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 3, matched: 3, line: 23 }],
      rows: [{ under: 0, line: 11, text: ROW[1] }, { under: 0, line: 14, text: ROW[2], afterHeader: true }, { under: 1, line: 26, text: ROW[3] }],
      sections: [1, 2, 3],
      list: [1, 2, 3],
      diagnostics: ['SECTION_INFERRED@14'],
    },
  ],
  [
    'a missing heading with two rows: both move, one report at the first',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 3, matched: 3, line: 23 }],
      rows: [
        { under: 0, line: 11, text: ROW[1] },
        { under: 0, line: 13, text: ROW[2], afterHeader: true },
        { under: 0, line: 14, text: ROW['2b'] },
        { under: 1, line: 26, text: ROW[3] },
      ],
      sections: [1, 2, 2, 3],
      list: [1, 2, 3],
      diagnostics: ['SECTION_INFERRED@13'],
    },
  ],
  [
    'a missing heading between 5 and 7: the issue-6 row filed under 5 is inferred as 6',
    {
      headings: [{ stated: 5, matched: 5, line: 30 }, { stated: 7, matched: 7, line: 50 }],
      rows: [{ under: 0, line: 32, text: ROW[5] }, { under: 0, line: 42, text: ROW[6], afterHeader: true }, { under: 1, line: 52, text: ROW[7] }],
      sections: [5, 6, 7],
      list: [5, 6, 7],
      diagnostics: ['SECTION_INFERRED@42'],
    },
  ],
  [
    'the last heading missing: the issue-7 row after the issue-6 rows is inferred as 7',
    {
      headings: [{ stated: 5, matched: 5, line: 30 }, { stated: 6, matched: 6, line: 40 }],
      rows: [{ under: 0, line: 32, text: ROW[5] }, { under: 1, line: 42, text: ROW[6] }, { under: 1, line: 46, text: ROW[7], afterHeader: true }],
      sections: [5, 6, 7],
      list: [5, 6, 7],
      diagnostics: ['SECTION_INFERRED@46'],
    },
  ],
  [
    'the first heading missing: the issue-1 row before heading 2 is inferred as 1',
    {
      headings: [{ stated: 2, matched: 2, line: 18 }, { stated: 3, matched: 3, line: 23 }],
      rows: [{ under: null, line: 11, text: ROW[1] }, { under: 0, line: 21, text: ROW[2] }, { under: 1, line: 26, text: ROW[3] }],
      sections: [1, 2, 3],
      list: [1, 2, 3],
      diagnostics: ['SECTION_INFERRED@11'],
    },
  ],
  [
    'a gap in the numbering whose rows all belong where they are: no section invented',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 3, matched: 3, line: 23 }],
      rows: [{ under: 0, line: 11, text: ROW[1] }, { under: 0, line: 14, text: ROW['1b'] }, { under: 1, line: 26, text: ROW[3] }],
      sections: [1, 1, 3],
      list: [1, 3],
      diagnostics: [],
    },
  ],
  [
    'the same headings again in a second part (analysis, then results)',
    {
      headings: [
        { stated: 1, matched: 1, line: 14, part: 1 },
        { stated: 2, matched: 2, line: 19, part: 1 },
        { stated: 1, matched: 1, line: 68, part: 2 },
        { stated: 2, matched: 2, line: 73, part: 2 },
      ],
      rows: [
        { under: 0, line: 17, text: ROW[1] },
        { under: 1, line: 22, text: ROW[2] },
        { under: 2, line: 71, text: ROW[1] },
        { under: 3, line: 76, text: ROW[2] },
      ],
      sections: [1, 2, 1, 2],
      list: [1, 2],
      diagnostics: [],
    },
  ],
  [
    'a bare title with no number',
    {
      headings: [{ stated: null, matched: 4, line: 5 }],
      rows: [{ under: 0, line: 7, text: ROW[4] }],
      sections: [4],
      list: [4],
      diagnostics: [],
    },
  ],
  [
    'a document without the seven issues',
    {
      headings: [],
      rows: [{ under: null, line: 17, text: ROW[1] }, { under: null, line: 18, text: ROW[7] }],
      sections: [null, null],
      list: [],
      diagnostics: [],
    },
  ],
  [
    'rows before the first heading that say nothing of an issue',
    {
      headings: [{ stated: 1, matched: 1, line: 10 }],
      rows: [{ under: null, line: 5, text: ROW.neutral }, { under: 0, line: 12, text: ROW[1] }],
      sections: [null, 1],
      list: [1],
      diagnostics: [],
    },
  ],
  [
    'a row before heading 3 that says nothing of an issue stays outside the sections',
    {
      headings: [{ stated: 3, matched: 3, line: 18 }],
      rows: [{ under: null, line: 11, text: ROW.neutral }, { under: 0, line: 21, text: ROW[3] }],
      sections: [null, 3],
      list: [3],
      diagnostics: [],
    },
  ],
  [
    // 003 line 28 repeated on the next page, after a row of its own
    'a misnumbered heading met twice resolves the same way twice',
    {
      headings: [
        { stated: 3, matched: 3, line: 23 },
        { stated: 4, matched: 3, line: 28 },
        { stated: 4, matched: 3, line: 35 },
        { stated: 5, matched: 5, line: 40 },
      ],
      rows: [
        { under: 0, line: 26, text: ROW[3] },
        { under: 1, line: 31, text: ROW[4] },
        { under: 2, line: 36, text: ROW[4] },
        { under: 3, line: 41, text: ROW[5] },
      ],
      sections: [3, 4, 4, 5],
      list: [3, 4, 5],
      diagnostics: ['SECTION_TITLE_MISMATCH@28', 'SECTION_TITLE_MISMATCH@35'],
    },
  ],
  // ---- an explicit heading places its rows: content moves a row only when a heading was lost
  [
    'a row about issue 2 in the same table run under heading 1 (issue 2 has no heading): the heading placed it, it stays',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 3, matched: 3, line: 23 }],
      rows: [{ under: 0, line: 11, text: ROW[1] }, { under: 0, line: 12, text: ROW[2] }, { under: 1, line: 26, text: ROW[3] }],
      sections: [1, 1, 3],
      list: [1, 3],
      diagnostics: [],
    },
  ],
  [
    'the same row numbered anew ("๑" after "๒") is set apart: inferred as 2',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 3, matched: 3, line: 23 }],
      rows: [
        { under: 0, line: 11, text: ROW[1], seq: 1 },
        { under: 0, line: 12, text: ROW['1b'], seq: 2 },
        { under: 0, line: 13, text: ROW[2], seq: 1 },
        { under: 1, line: 26, text: ROW[3], seq: 1 },
      ],
      sections: [1, 1, 2, 3],
      list: [1, 2, 3],
      diagnostics: ['SECTION_INFERRED@13'],
    },
  ],
  [
    // held-out h2: the writer left out the row of heading 2 inside one table; its rows say nothing of issue 1
    'a row with nothing of issue 1 and much of issue 2, in the same run: inferred as 2 without a break',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 3, matched: 3, line: 23 }],
      rows: [{ under: 0, line: 11, text: ROW[1] }, { under: 0, line: 12, text: ROW['2b'] }, { under: 1, line: 26, text: ROW[3] }],
      sections: [1, 2, 3],
      list: [1, 2, 3],
      diagnostics: ['SECTION_INFERRED@12'],
    },
  ],
  [
    'a row about issue 4 under heading 1 when heading 4 follows: issue 4 has its heading, the row stays',
    {
      headings: [{ stated: 1, matched: 1, line: 8 }, { stated: 4, matched: 4, line: 28 }],
      rows: [{ under: 0, line: 11, text: ROW[1] }, { under: 0, line: 14, text: ROW[4], afterHeader: true }, { under: 1, line: 31, text: ROW[4] }],
      sections: [1, 1, 4],
      list: [1, 4],
      diagnostics: [],
    },
  ],
  [
    'a responsible unit named after another issue\'s work ("งานพัสดุ") says nothing of the row\'s issue',
    {
      headings: [{ stated: 4, matched: 4, line: 28 }],
      rows: [
        { under: 0, line: 31, text: ROW[4] },
        {
          under: 0,
          line: 33,
          text: 'จัดประชุมพนักงานประจำเดือน\tงานพัสดุ งานจัดซื้อจัดจ้าง',
          afterHeader: true,
          fields: { measure: 'จัดประชุมพนักงานประจำเดือน', responsible: 'งานพัสดุ งานจัดซื้อจัดจ้าง' },
        },
      ],
      sections: [4, 4],
      list: [4],
      diagnostics: [],
    },
  ],
];

function caseNamed(prefix: string): Case {
  const found = CASES.find(([name]) => name.startsWith(prefix));
  if (!found) throw new Error(`no case ${prefix}`);
  return found[1];
}

describe('resolveSections', () => {
  it('the fixture rows are about the issues they stand for', () => {
    const best = (t: string) => {
      const s = sectionKeywordScores(t);
      return s.indexOf(Math.max(...s)) + 1;
    };
    expect([ROW[1], ROW[2], ROW['2b'], ROW[3], ROW[4], ROW[5], ROW[6], ROW[7]].map(best)).toEqual([1, 2, 2, 3, 4, 5, 6, 7]);
    expect(sectionKeywordScores(ROW.neutral)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it.each(CASES)('%s', (_name, c) => {
    const { entries, entrySlots, slots, afterHeader } = build(c);
    const { sections, diagnostics } = resolveSections(entries, entrySlots, slots, afterHeader);
    expect(entries.map((e) => e.section)).toEqual(c.sections);
    expect(sections.map((s) => s.number)).toEqual(c.list);
    expect(diagnostics.map(at)).toEqual(c.diagnostics);
  });

  it('the misnumbered heading keeps its text, gets the canonical title and less confidence', () => {
    const c = caseNamed('number 4 with issue 3’s title over issue-4 content');
    const { entries, entrySlots, slots, afterHeader } = build(c);
    const { sections, diagnostics } = resolveSections(entries, entrySlots, slots, afterHeader);
    const four = sections.find((s) => s.number === 4)!;
    expect(four.title).toBe(SECTION_TITLES[3]);
    expect(four.heading).toBe(headingText(c.headings[1]!));
    expect(four.source).toEqual(position(null, 28));
    expect(four.confidence).toBeLessThan(sections.find((s) => s.number === 3)!.confidence);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'SECTION_TITLE_MISMATCH', expected: `4 ${SECTION_TITLES[3]}` });
  });

  it('an inferred section has no heading and starts at its first row', () => {
    const c = caseNamed('a missing heading between 1 and 3');
    const { entries, entrySlots, slots, afterHeader } = build(c);
    const { sections } = resolveSections(entries, entrySlots, slots, afterHeader);
    expect(sections.find((s) => s.number === 2)).toMatchObject({ number: 2, title: SECTION_TITLES[1], heading: null, source: position(null, 14) });
  });
});

describe('resolveSections: rows whose section is not inferred from content', () => {
  it('a sub-row stays under its measure\'s heading (the same row as a top-level row moves)', () => {
    const c = caseNamed('a missing heading between 1 and 3');
    const { entries, entrySlots, slots, afterHeader } = build(c);
    entries[1]!.parentSeq = 1;
    resolveSections(entries, entrySlots, slots, afterHeader);
    expect(entries.map((e) => e.section)).toEqual([1, 1, 3]);
  });

  it('rows under a section column keep the section it names', () => {
    const c = caseNamed('a missing heading between 1 and 3');
    const { entries, entrySlots, slots, afterHeader } = build(c);
    slots[0]!.fromColumn = true;
    const { diagnostics } = resolveSections(entries, entrySlots, slots, afterHeader);
    expect(entries.map((e) => e.section)).toEqual([1, 1, 3]);
    expect(diagnostics.map((d) => d.code)).not.toContain('SECTION_INFERRED');
  });
});

// ------------------------------------------------------------------ through the body walk

const p = (text: string, line: number): Block => paragraph(text, position(null, line));
const HEADER = ['ประเด็นที่เป็นข้อบกพร่อง/ จุดอ่อนจากการประเมิน', 'มาตรการ/โครงการ หรือกิจกรรม', 'ช่วงระยะเวลา ในการดำเนินการ', 'ผู้รับผิดชอบ'];
function measureTable(line: number, rows: string[][]): Block {
  return table(
    [HEADER, ...rows].map((cells, i) => row(cells.map((t) => cell([t])), position(null, line + i))),
    position(null, line),
  );
}
const E9 = ['ประเด็น ผู้รับบริการไม่เคยใช้ระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงาน (ข้อ E๙)', '- มีการพัฒนาระบบการให้บริการออนไลน์ (E-Service)', 'ต.ค. ๖๗-ก.ย.๖๘', 'สำนักปลัดฯ'];
const E7 = ['ประเด็น หน่วยงานยังขาดการเปิดโอกาสให้บุคคลภายนอกเข้าไปมีส่วนร่วม (ข้อ E๗)', '- มีการเปิดโอกาสให้บุคคลภายนอก เข้ามามีส่วนร่วม', 'ต.ค. ๖๗-ก.ย.๖๘', 'ทุกส่วนราชการ'];
const E4 = ['ประเด็น ช่องทางการเผยแพร่ข้อมูลของหน่วยงานเข้าถึงได้ยาก (ข้อ E๔)', '- มีการเผยแพร่และประชาสัมพันธ์ข้อมูลข่าวสารของเทศบาลฯ', 'ต.ค. ๖๗-ก.ย.๖๘', 'ทุกส่วนราชการ'];

describe('resolveSections after the body walk', () => {
  function run(blocks: Block[]) {
    const body = walkBody(normaliseBlocks(blocks), 2568);
    const resolved = resolveSections(body.entries, body.entrySlots, body.slots);
    return { entries: body.entries.map((e) => e.section), list: resolved.sections.map((s) => [s.number, s.source?.line]), diagnostics: resolved.diagnostics.map(at) };
  }

  it('a heading repeated on the next page continues the section', () => {
    expect(
      run([
        p('(๒) การให้บริการและระบบ E-Service', 1),
        measureTable(3, [E7]),
        p('(๒) การให้บริการและระบบ E-Service', 6),
        measureTable(8, [E9]),
        p('(๓) ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ', 11),
        measureTable(13, [E4]),
      ]),
    ).toEqual({ entries: [2, 2, 3], list: [[2, 1], [3, 11]], diagnostics: [] });
  });

  it('a heading written as a one-cell row inside the table', () => {
    const t = table(
      [
        row(HEADER.map((h) => cell([h])), position(null, 1)),
        row([cell(['๒. การให้บริการและระบบ E-Service'], { bold: true, colspan: 4 })], position(null, 2)),
        row(E9.map((c) => cell([c])), position(null, 3)),
        row([cell(['๓. ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ'], { bold: true, colspan: 4 })], position(null, 4)),
        row(E4.map((c) => cell([c])), position(null, 5)),
      ],
      position(null, 1),
    );
    expect(run([t])).toEqual({ entries: [2, 3], list: [[2, 2], [3, 4]], diagnostics: [] });
  });

  it('the same issue written in two heading styles is one section', () => {
    expect(
      run([p('(๒) การให้บริการและระบบ E-Service', 1), measureTable(3, [E7]), p('ประเด็นที่ ๒ การให้บริการและระบบ E-Service', 6), measureTable(8, [E9])]),
    ).toEqual({ entries: [2, 2], list: [[2, 1]], diagnostics: [] });
  });
});

// ------------------------------------------------------------------ whole corpus documents

function expectedSections(stem: string): { entries: Array<number | null>; sections: number[] } {
  const path = fileURLToPath(new URL(`../../fixtures/expected/${stem}.expected.json`, import.meta.url));
  const json = JSON.parse(readFileSync(path, 'utf8')) as { sections: number[]; entries: Array<{ section: number | null }> };
  return { entries: json.entries.map((e) => e.section), sections: json.sections };
}

describe('sections of the corpus documents', () => {
  it.each([
    ['000_12d03613c0e47b57', []], // every heading repeated on later pages, two parts
    ['001_52975bb7fc874981', []], // no seven-issue layout
    ['003_592d1508f0de56c3', ['SECTION_TITLE_MISMATCH@28']],
    ['004_d0cc15d3996b9fea', []],
  ])('%s', (stem, diagnostics) => {
    const doc = recognise(readText(corpusText(stem)).blocks);
    const want = expectedSections(stem);
    expect(doc.entries.map((e) => e.section)).toEqual(want.entries);
    expect(doc.sections.map((s) => s.number)).toEqual(want.sections);
    expect(doc.diagnostics.filter((d) => d.code.startsWith('SECTION_')).map(at)).toEqual(diagnostics);
  });
});
