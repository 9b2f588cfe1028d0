/**
 * A period whose end came out before its start, or whose year is far from
 * the report's fiscal year (OCR reading ๒๕๖๖ as ๒๕๒๑), is flagged wherever it
 * is read: the reporting period in the header and the entries' periods, from
 * text and from OCR.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { paragraph, position } from '../../src/model/blocks.js';
import { recognise } from '../../src/ita/recognise.js';
import { implausibleYears } from '../../src/thai/date.js';

const CORPUS = readFileSync('fixtures/corpus/001_52975bb7fc874981.txt', 'utf8');
const HEADER = 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)';

const codes = (d: { diagnostics: Array<{ code: string }> }) => d.diagnostics.map((x) => x.code);

describe('implausibleYears', () => {
  it('names the years more than 5 from the fiscal year, and those outside 2550–2580 always', () => {
    expect(implausibleYears({ start: '2022-10', end: '1978-03' }, 2566)).toEqual([2521]);
    expect(implausibleYears({ start: '2022-10', end: '2023-03' }, 2566)).toEqual([]);
    expect(implausibleYears({ start: '2022-10', end: '2029-09' }, 2566)).toEqual([2572]);
    expect(implausibleYears({ start: '1978-03', end: '1978-09' }, null)).toEqual([2521]);
    expect(implausibleYears({ start: '2022-10', end: '2023-03' }, null)).toEqual([]);
    // outside 2550–2580: a misread ๒๕๖x (๒๕๔๗ for ๒๕๖๗), with or without a fiscal year near it
    expect(implausibleYears({ start: '2003-10', end: '2004-09' }, null)).toEqual([2546, 2547]);
    expect(implausibleYears({ start: '2037-10', end: '2038-09' }, 2579)).toEqual([2581]);
    expect(implausibleYears({ start: '2036-10', end: '2037-09' }, 2580)).toEqual([]);
  });
});

describe('the reporting period', () => {
  it('as written it raises nothing', async () => {
    const doc = await extract(CORPUS, { fileName: 'r.txt' });
    expect(doc.reportingPeriod).toEqual({ raw: 'ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖', start: '2022-10', end: '2023-03', precision: 'month' });
    expect(codes(doc)).not.toContain('PERIOD_YEAR_IMPLAUSIBLE');
    expect(codes(doc)).not.toContain('PERIOD_REVERSED');
  });

  it('an end 44 years before its start: reversed, PERIOD_REVERSED and PERIOD_YEAR_IMPLAUSIBLE on the header line', async () => {
    const doc = await extract(CORPUS.replace(HEADER, HEADER.replace('มีนาคม ๒๕๖๖', 'มีนาคม ๒๕๒๑')), { fileName: 'r.txt' });
    expect(doc.status).toBe('ok');
    expect(doc.reportingPeriod).toEqual({ raw: 'ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๒๑', start: '2022-10', end: '1978-03', precision: 'month', reversed: true });
    const mine = doc.diagnostics.filter((x) => x.origin === 'ita/header');
    expect(mine.map((x) => [x.code, x.source?.line, x.actual])).toEqual([
      ['PERIOD_REVERSED', 6, 'ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๒๑'],
      ['PERIOD_YEAR_IMPLAUSIBLE', 6, '2521'],
    ]);
  });

  it('a year far ahead (not reversed) gets PERIOD_YEAR_IMPLAUSIBLE alone', async () => {
    const doc = await extract(CORPUS.replace(HEADER, HEADER.replace('มีนาคม ๒๕๖๖', 'มีนาคม ๒๕๙๖')), { fileName: 'r.txt' });
    expect(doc.reportingPeriod?.reversed).toBeUndefined();
    expect(doc.diagnostics.filter((x) => x.origin === 'ita/header').map((x) => [x.code, x.actual, x.expected])).toEqual([
      ['PERIOD_YEAR_IMPLAUSIBLE', '2596', '2561–2571'],
    ]);
  });

  it('read by OCR (blocks with a confidence) the same holds', () => {
    const ocr = (text: string, line: number) => {
      const b = paragraph(text, position(1, line));
      return { ...b, source: { ...b.source, ocrConfidence: 0.8 } };
    };
    const got = recognise([
      ocr('รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 1),
      ocr('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๒๑)', 2),
    ]);
    expect(got.reportingPeriod?.reversed).toBe(true);
    expect(codes(got)).toEqual(expect.arrayContaining(['PERIOD_REVERSED', 'PERIOD_YEAR_IMPLAUSIBLE']));
  });
});

describe('entry periods', () => {
  it('an entry period ending 45 years early: reversed, with both diagnostics on its row', async () => {
    const text = CORPUS.replace('๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖', '๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๒๑');
    const doc = await extract(text, { fileName: 'r.txt' });
    const bad = doc.entries.flatMap((e) => e.periods).filter((p) => p.end === '1978-09-30');
    expect(bad).toEqual([{ raw: '๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๒๑', start: '2022-10-01', end: '1978-09-30', precision: 'day', reversed: true }]);
    const onRow = doc.diagnostics.filter((x) => x.origin === 'ita/body' && x.actual !== undefined && /๒๕๒๑|2521/.test(`${x.actual} ${x.message}`));
    expect(onRow.map((x) => [x.code, x.source?.line])).toEqual([
      ['PERIOD_REVERSED', 29],
      ['PERIOD_YEAR_IMPLAUSIBLE', 29],
    ]);
  });
});

describe('header years outside 2550–2580', () => {
  it('a fiscal year read as ๒๕๔๖ (๖ for ๔) is kept and flagged on its line; as written nothing is said', async () => {
    const doc = await extract(CORPUS.replace(HEADER, HEADER.replace('พ.ศ. ๒๕๖๖', 'พ.ศ. ๒๕๔๖')), { fileName: 'r.txt' });
    expect(doc.fiscalYear?.be).toBe(2546);
    const fy = doc.diagnostics.filter((x) => x.origin === 'ita/header' && x.code === 'PERIOD_YEAR_IMPLAUSIBLE' && x.actual === '2546');
    expect(fy.map((x) => [x.source?.line, x.expected])).toEqual([[6, '2550–2580']]);
    const clean = await extract(CORPUS, { fileName: 'r.txt' });
    expect(clean.diagnostics.filter((x) => x.origin === 'ita/header' && x.code === 'PERIOD_YEAR_IMPLAUSIBLE')).toEqual([]);
  });
});

describe('a range that lost one end', () => {
  const report = (cell: string) =>
    ['รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', 'เทศบาลตำบลบ่อพลับ', '', 'ลำดับ\tมาตรการ\tระยะเวลา\tผู้รับผิดชอบ', `๑\tจัดทำคู่มือการปฏิบัติงาน\t${cell}\tสำนักปลัด`, ''].join('\n');

  it.each([
    // OCR wrote ๗ as ฒ: only the end parses, and it must not pass for the whole period
    ['ต.ค. ๖ฒ-ก.ย.๖๘', 'ก.ย.๖๘'],
    ['ตุลาคม ๒๕๖ฒ - กันยายน ๒๕๖๘', 'กันยายน ๒๕๖๘'],
    // the end unreadable
    ['๑ ตุลาคม ๒๕๖๗ ถึง ๓๐ กุยฯ ๒๕ฒ๘', '๑ ตุลาคม ๒๕๖๗'],
    // the end's month read as Latin letters (ก.ย. as "no." on a 200 dpi scan), its year still there
    ['ต.ค. ๖๗- no. ๖๘', 'ต.ค. ๖๗'],
    // … and its year as two look-alike letters (๖๖ as "ออ" on a 300 dpi scan)
    ['ต.ค. ๖๕ ถึง ne. ออ', 'ต.ค. ๖๕'],
    // a letter glued to the start's year before the dash, the end's year split: the end is lost
    ['ต.ค. ๖๗ฒ- ก.ย.๖ ๘', 'ต.ค. ๖๗'],
  ])('flags "%s", read as "%s" alone', async (cell, raw) => {
    const doc = await extract(report(cell), { fileName: 'r.txt' });
    expect(doc.entries[0]?.periods.map((p) => p.raw)).toEqual([raw]);
    const d = doc.diagnostics.find((x) => x.code === 'PERIOD_UNPARSED');
    expect(d?.severity).toBe('warning');
    expect(d?.actual).toBe(raw);
  });

  it('leaves whole ranges and lists of periods alone', async () => {
    for (const cell of ['ต.ค. ๖๗-ก.ย.๖๘', '๑ ต.ค. ๖๗ ถึง ๓๐ ก.ย. ๖๘', 'ไตรมาสที่ ๑ - ๒', 'ต.ค. ๖๗ และ มี.ค. ๖๘', 'ก.ย. ๖๘ - เป็นต้นไป', 'ประชุม ๓ ครั้ง - ต.ค. ๖๗', 'ต.ค. ๖๗ - ทุก ๓ เดือน']) {
      const doc = await extract(report(cell), { fileName: 'r.txt' });
      expect(doc.entries[0]?.periods.length, cell).toBeGreaterThan(0);
      expect(codes(doc), cell).not.toContain('PERIOD_UNPARSED');
    }
  });
});
