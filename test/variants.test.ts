/**
 * Robustness: synthetic variants of the corpus texts (see _support/variants.ts)
 * must give the same header fields and entries as the originals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';
import type { ItaDocument } from '../src/model/schema.js';
import {
  CORPUS_STEMS,
  type CorpusStem,
  addWhitespace,
  arabicDigits,
  deleteLine,
  entriesView,
  headerView,
  headingNumber,
  isTableLine,
  misspellHeadings,
  permuteColumns,
  readCorpus,
  readExpected,
  sectionHeadingLines,
  splitLines,
  toHtml,
} from './_support/variants.js';

const TEXT = Object.fromEntries(CORPUS_STEMS.map((s) => [s, readCorpus(s)])) as Record<CorpusStem, string>;
const WITH_SECTIONS = ['000_12d03613c0e47b57', '003_592d1508f0de56c3'] as const;
const short = (s: CorpusStem) => s.slice(0, 3);

/** A variant case (the key names it in failure output). */
function test(_key: string, name: string, fn: () => Promise<void>): void {
  it(name, fn);
}

const originals = new Map<CorpusStem, ItaDocument>();

beforeAll(async () => {
  for (const s of CORPUS_STEMS) originals.set(s, await extract(TEXT[s], { fileName: `${s}.txt` }));
});

function original(s: CorpusStem): ItaDocument {
  const d = originals.get(s);
  if (!d) throw new Error(`no original for ${s}`);
  return d;
}

async function extractOk(text: string, fileName = 'variant.txt'): Promise<ItaDocument> {
  const d = await extract(text, { fileName });
  expect(d.status, JSON.stringify(d.error)).toBe('ok');
  return d;
}

function expectSame(variant: ItaDocument, orig: ItaDocument): void {
  expect(headerView(variant)).toEqual(headerView(orig));
  expect(entriesView(variant)).toEqual(entriesView(orig));
}

describe('the originals (the baseline the variants are compared with)', () => {
  it.each(CORPUS_STEMS)('%s: ok, with the expected organisation, sections and entry kinds', (s) => {
    const d = original(s);
    const exp = readExpected(s);
    expect(d.status).toBe('ok');
    expect(d.organization?.name).toBe(exp.organization?.name);
    expect(d.sections.map((x) => x.number)).toEqual(exp.sections);
    expect(d.entries.map((e) => e.kind)).toEqual(exp.entries.map((e) => e.kind));
    expect(d.entries.map((e) => e.section)).toEqual(exp.entries.map((e) => e.section));
  });
});

describe('(a) section headings misspelt', () => {
  for (const s of WITH_SECTIONS) {
    for (const seed of [1, 2, 3, 4, 5]) {
      it(`${short(s)} seed ${seed}: same sections, same section per entry`, async () => {
        const { text, changed } = misspellHeadings(TEXT[s], seed);
        const headings = sectionHeadingLines(TEXT[s]);
        const before = splitLines(TEXT[s]);
        const after = splitLines(text);
        expect(headings.length).toBeGreaterThanOrEqual(7);
        expect(changed).toHaveLength(headings.length);
        after.forEach((line, i) => (headings.includes(i) ? expect(line).not.toBe(before[i]) : expect(line).toBe(before[i])));

        const d = await extractOk(text);
        const o = original(s);
        expect(d.sections.map((x) => x.number)).toEqual(o.sections.map((x) => x.number));
        expect(d.entries.map((e) => e.section)).toEqual(o.entries.map((e) => e.section));
        expectSame(d, o);
      });
    }
  }
});

describe('(b) one section heading deleted', () => {
  interface Case {
    s: CorpusStem;
    index: number;
    line: number;
    /** Line of the next section heading, or Infinity. */
    next: number;
    /** Another heading of the same issue comes right before: nothing is missing without it. */
    repeat: boolean;
    /** Another heading of the same issue comes right after: the issue is still announced, later. */
    repeatedAfter: boolean;
  }
  const cases: Case[] = WITH_SECTIONS.flatMap((s) => {
    const lines = splitLines(TEXT[s]);
    const idx = sectionHeadingLines(TEXT[s]);
    return idx.map((h, k) => ({
      s,
      index: h,
      line: h + 1,
      next: idx[k + 1] !== undefined ? idx[k + 1]! + 1 : Infinity,
      repeat: k > 0 && headingNumber(lines[idx[k - 1]!]!) === headingNumber(lines[h]!),
      repeatedAfter: idx[k + 1] !== undefined && headingNumber(lines[idx[k + 1]!]!) === headingNumber(lines[h]!),
    }));
  });
  const orphaned = (c: Case, o: ItaDocument) => o.entries.map((e) => e.source.line! > c.line && e.source.line! < c.next);

  it('has cases for every heading of both files', () => {
    expect(cases.filter((c) => c.s === '000_12d03613c0e47b57')).toHaveLength(22);
    expect(cases.filter((c) => c.s === '003_592d1508f0de56c3')).toHaveLength(7);
  });

  for (const c of cases) {
    it(`${short(c.s)} without line ${c.line}: no crash, same entries, other entries keep their sections`, async () => {
      const d = await extractOk(deleteLine(TEXT[c.s], c.index));
      const o = original(c.s);
      const orphan = orphaned(c, o);
      const v = entriesView(d);
      const ov = entriesView(o);
      expect(v).toHaveLength(ov.length);
      v.forEach((e, i) => {
        if (orphan[i]) expect({ ...e, section: null }).toEqual({ ...ov[i]!, section: null });
        else expect(e).toEqual(ov[i]);
      });
    });
  }

  for (const c of cases.filter((x) => x.repeat)) {
    it(`${short(c.s)} without repeated heading at line ${c.line}: nothing changes`, async () => {
      const d = await extractOk(deleteLine(TEXT[c.s], c.index));
      expectSame(d, original(c.s));
    });
  }

  // Losing the first of two headings of issue N leaves its rows under issue N−1 with no number missing; they
  // move to N only when they have nothing of N−1 and plenty of N (the writer's placement otherwise stands),
  // and a move is always reported.
  for (const c of cases.filter((x) => !x.repeat && x.repeatedAfter)) {
    it(`${short(c.s)} without the first of two headings at line ${c.line}: rows stay or move to their issue, reported`, async () => {
      const d = await extractOk(deleteLine(TEXT[c.s], c.index));
      const o = original(c.s);
      const orphan = orphaned(c, o);
      expect(orphan.some(Boolean)).toBe(true);
      let moved = false;
      d.entries.forEach((e, i) => {
        const was = o.entries[i]!.section;
        if (!orphan[i]) return expect(e.section).toBe(was);
        const before = o.entries.slice(0, i).filter((x, k) => !orphan[k] && x.part === e.part).pop()?.section ?? null;
        expect([was, before]).toContain(e.section);
        if (e.section === was) moved = true;
      });
      if (moved) expect(d.diagnostics.map((x) => x.code)).toContain('SECTION_INFERRED');
    });
  }

  for (const c of cases.filter((x) => !x.repeat && !x.repeatedAfter)) {
    test(`delete ${short(c.s)}:${c.line}`, `${short(c.s)} without heading at line ${c.line}: its rows keep their section, with a diagnostic`, async () => {
      const d = await extractOk(deleteLine(TEXT[c.s], c.index));
      const o = original(c.s);
      const orphan = orphaned(c, o);
      expect(orphan.some(Boolean)).toBe(true);
      expect(d.entries.map((e) => e.section)).toEqual(o.entries.map((e) => e.section));
      const fresh = d.diagnostics.filter((x) => !o.diagnostics.some((y) => y.code === x.code && y.message === x.message));
      expect(fresh.map((x) => x.code)).toContainEqual(expect.stringMatching(/^SECTION_/));
    });
  }
});

describe('(c) table columns reordered', () => {
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
  const withoutSeq = (d: ItaDocument) => entriesView(d).map(({ seq: _seq, ...rest }) => rest);

  it('permutes every table line and keeps each line’s cells', () => {
    const before = splitLines(TEXT['003_592d1508f0de56c3']);
    const after = splitLines(permuteColumns(TEXT['003_592d1508f0de56c3'], 1));
    before.forEach((line, i) => {
      if (!isTableLine(line)) return expect(after[i]).toBe(line);
      expect(after[i]).not.toBe(line);
      expect(after[i]!.split('\t').sort()).toEqual(line.split('\t').sort());
    });
  });

  for (const s of CORPUS_STEMS) {
    for (const seed of SEEDS) {
      test(`permute ${short(s)} seed ${seed}`, `${short(s)} seed ${seed}: same entries, codes, periods, responsible, scores`, async () => {
        const d = await extractOk(permuteColumns(TEXT[s], seed));
        const o = original(s);
        expect(headerView(d)).toEqual(headerView(o));
        expect(withoutSeq(d)).toEqual(withoutSeq(o));
      });
      test(`permute-seq ${short(s)} seed ${seed}`, `${short(s)} seed ${seed}: same seq`, async () => {
        const d = await extractOk(permuteColumns(TEXT[s], seed));
        expect(d.entries.map((e) => e.seq)).toEqual(original(s).entries.map((e) => e.seq));
      });
    }
  }
});

describe('(d) Arabic digits instead of Thai', () => {
  it('leaves no Thai digit but the OCR-read "1๓" runs', () => {
    for (const s of CORPUS_STEMS) {
      const t = arabicDigits(TEXT[s]);
      expect(t.replace(/(?<![0-9๐-๙])1[๐-๙]+/g, '')).not.toMatch(/[๐-๙]/);
    }
    expect(arabicDigits('ข้อ 1๓ ได้คะแนน ๙๑.๑๘ ต.ค. ๖๗-ก.ย.๖๘ ข้อ ๐ ๓๗')).toBe('ข้อ 1๓ ได้คะแนน 91.18 ต.ค. 67-ก.ย.68 ข้อ 0 37');
  });

  for (const s of CORPUS_STEMS) {
    it(`${short(s)}: same codes, periods, scores, fiscal year and the rest`, async () => {
      const d = await extractOk(arabicDigits(TEXT[s]));
      const o = original(s);
      expect(d.fiscalYear).toEqual(o.fiscalYear);
      expect(d.assessment.overallScore).toBe(o.assessment.overallScore);
      expectSame(d, o);
    });
  }
});

describe('(e) extra whitespace', () => {
  const VARIANTS = {
    'double spaces': { doubleSpaces: true },
    'trailing spaces': { trailingSpaces: true },
    'blank lines between rows': { blankLinesBetweenRows: true },
    'CRLF line endings': { crlf: true },
    'all of them': { doubleSpaces: true, trailingSpaces: true, blankLinesBetweenRows: true, crlf: true },
  } as const;

  for (const [name, options] of Object.entries(VARIANTS)) {
    for (const s of CORPUS_STEMS) {
      it(`${short(s)}, ${name}: same result`, async () => {
        const text = addWhitespace(TEXT[s], options);
        expect(text).not.toBe(TEXT[s]);
        expectSame(await extractOk(text), original(s));
      });
    }
  }
});

describe('(f) the same document as HTML', () => {
  it('builds headings, paragraphs and tables from the text lines', () => {
    const html = toHtml(['## ประเด็นที่ ๒ การให้บริการ', '**ตัวหนา**', 'ข้อความ', '', 'ก\tข', '๑\t<p>๒</p>', '', 'ก\tข', '-----'].join('\n'));
    expect(html).toContain('<h2>ประเด็นที่ ๒ การให้บริการ</h2>');
    expect(html).toContain('<p><b>ตัวหนา</b></p>');
    expect(html).toContain('<p>ข้อความ</p>');
    expect(html).toContain('<table>\n<tr><td>ก</td><td>ข</td></tr>\n<tr><td>๑</td><td><p>๒</p></td></tr>\n</table>\n<table>\n<tr><td>ก</td><td>ข</td></tr>\n</table>');
    expect(toHtml('ก\tข\n\nค\tง', { mergeTables: true })).toContain('<table>\n<tr><td>ก</td><td>ข</td></tr>\n<tr><td>ค</td><td>ง</td></tr>\n</table>');
  });

  for (const s of CORPUS_STEMS) {
    it(`${short(s)}: a table per page, same entries, codes and sections as the text`, async () => {
      const d = await extractOk(toHtml(TEXT[s]), 'x.html');
      expect(d.source.format).toBe('html');
      expectSame(d, original(s));
    });
    test(`html-merged ${short(s)}`, `${short(s)}: one table with its header repeated inside, same result as the text`, async () => {
      const d = await extractOk(toHtml(TEXT[s], { mergeTables: true }), 'x.html');
      expectSame(d, original(s));
    });
  }
});
