/**
 * Generated layouts (issue 13): a seeded generator writes whole ITA reports
 * in layouts.md's phenomena with the expected output known by construction
 * (test/_support/layouts); extract() is scored per phenomenon and per format.
 *
 * The figures asserted here are FLOORS: the recogniser's figures on this
 * slice at the last measurement (see FLOORS), set one point below, so that a
 * regression fails. They are NOT the targets: issue 13
 * asks for recall and precision >= 0.97, periods >= 0.95, sections >= 0.97 and
 * item-code F1 >= 0.98 in every bucket; raise these floors as the recogniser
 * improves. Buckets whose figure is 0 today are not asserted (a floor of 0
 * cannot fail); they are printed with the rest. status, budget and parentSeq
 * are printed only (not emitted by the recogniser yet).
 *
 * The full run (300+ documents, DOCX and PDF too) is `npm run bench -- --only layouts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry, ItaDocument } from '../../src/index.js';
import { extract, extractFile } from '../../src/index.js';
import { fixturesDir } from '../_support/expected.js';
import { generate } from '../_support/layouts/generate.js';
import { type LayoutRun, runLayouts } from '../_support/layouts/run.js';
import { type Tally, figures, formatTallies, judge, squash, tallyDoc } from '../_support/layouts/score.js';
import type { ExpectedDoc } from '../_support/layouts/types.js';
import { writeDocx } from '../_support/layouts/write-docx.js';
import { writeHtml, writeText } from '../_support/layouts/write-text.js';

type Metric = 'recall' | 'precision' | 'periods' | 'sections' | 'codeF1';

/**
 * Floors: one point below the figures of this slice measured on the merged recogniser (table semantics: mark
 * columns, row classification, section columns, sub-rows; and numbered paragraphs becoming entries). First-run floors (before any recogniser change) were e.g. all recall 0.69 / periods 0.65 /
 * sections 0.69, period:months periods 0 (unasserted), body:paragraphs recall 0.
 */
const FLOORS: Record<string, Partial<Record<Metric, number>>> = {
  'all': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'body:paragraphs': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'body:table': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'budget': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'codes:column': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.98 },
  'codes:in-issue': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'codes:none': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'codes:one': { recall: 0.99, periods: 0.99, sections: 0.98, codeF1: 0.98 },
  'codes:range': { recall: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'codes:several': { recall: 0.99, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'continuation': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'continuations': { recall: 0.99, precision: 0.97, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'cover': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.99, codeF1: 0.98 },
  'format-digits:arabic': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'format-digits:thai': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'format:html': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'format:text': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.98 },
  'heading:close-paren': { recall: 0.98, precision: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'heading:dot': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'heading:number-only': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.96, codeF1: 0.99 },
  'heading:paren': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'heading:prasen': { recall: 0.99, precision: 0.97, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'heading:title-only': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'heading:truncated': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'noteRow': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.98 },
  'pageFurniture': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'period-form:abbr': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'period-form:dates': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'period-form:full': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'period-form:quarter': { recall: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'period-form:within': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'period-form:year': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'period:months': { recall: 0.99, precision: 0.97, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'period:quarters': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'period:start-end': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.98 },
  'period:text': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'repeatedHeader': { recall: 0.99, precision: 0.97, periods: 0.99, sections: 0.99, codeF1: 0.98 },
  'sections:column-repeated': { recall: 0.99, precision: 0.97, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'sections:column-rowspan': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'sections:heading-lines': { recall: 0.98, precision: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'sections:none': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.99, codeF1: 0.98 },
  'sections:section-rows': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'seq:dot': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'seq:kho': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.98 },
  'seq:paren': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'seq:plain': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'signatures': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'status:checks': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'status:none': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'status:word': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.98 },
  'subRows': { recall: 0.98, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'subrow': { recall: 0.98, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'templateRows': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  // layout6's new phenomena (test/_support/layouts/extra.ts); blind first run on seeds 93000–93149 in bench/RESULTS.md
  // (e.g. body:list recall 0.62, sections:caption-rows sections 0.10, every-quarter periods 0.54, status:percent status 0.02)
  'body:list': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'codeFirst': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'notesNumbered': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  'period-form:every-quarter': { recall: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'period-form:month-range': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'period-form:quarter-short': { recall: 0.99, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'sections:caption-rows': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'spacer': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.97, codeF1: 0.99 },
  'status:percent': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'subrow:number-cell': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'subrowNumberCell': { recall: 0.99, precision: 0.98, periods: 0.99, sections: 0.98, codeF1: 0.99 },
  // sect7's cell phenomena (test/_support/layouts/cells.ts); blind first run on seeds 98000–98149 in bench/RESULTS.md
  // (period-form:two-lines periods 0.25, units:bullets responsible 0.50; a text header of status columns lost every row)
  'period-form:two-lines': { recall: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'status:dated': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  'units:bullets': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
  // blind first (HTML and DOCX, seeds 93000–93299, 37 documents each): periods 0.000, recall 0.973, code F1 0.973
  'period:shaded': { recall: 0.99, precision: 0.99, periods: 0.99, sections: 0.99, codeF1: 0.99 },
};

// plain text cannot show shaded month columns: such documents go as HTML
const SLICE = Array.from({ length: 160 }, (_, i) => ({
  seed: i + 1,
  format: i % 2 === 0 && !generate(i + 1).phenomena.includes('period:shaded') ? ('text' as const) : ('html' as const),
}));

describe('layout generator', () => {
  it('is deterministic: a seed gives the same document and expected output every time', () => {
    for (const seed of [3, 17, 101]) {
      const a = generate(seed);
      const b = generate(seed);
      expect(writeText(a.blocks)).toBe(writeText(b.blocks));
      expect(writeHtml(a.blocks)).toBe(writeHtml(b.blocks));
      expect(a.expected).toEqual(b.expected);
    }
    expect(writeText(generate(1).blocks)).not.toBe(writeText(generate(2).blocks));
  });

  it('writes every expected measure, organisation and fiscal year into the text and the HTML', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const g = generate(seed);
      for (const written of [squash(writeText(g.blocks)), squash(writeHtml(g.blocks).replace(/&amp;/g, '&'))]) {
        expect(written).toContain(squash(g.expected.organization.name));
        for (const e of g.expected.entries) {
          // a continued row has its measure split by the page break: its start is there
          const key = squash(e.measure).slice(0, e.phenomena.includes('continuation') ? 12 : undefined);
          expect(written, `seed ${seed}: ${e.measure}`).toContain(key);
        }
      }
    }
  });

  it('gives periods inside the fiscal year, sections in order, and codes only in documents with codes', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const g = generate(seed);
      const fy = g.expected.fiscalYear;
      const first = `${fy - 544}-10`;
      const last = `${fy - 543}-09`;
      for (const e of g.expected.entries) {
        for (const p of e.periods) {
          expect(p.start >= first && p.end <= last && p.start <= p.end, `seed ${seed} ${JSON.stringify(p)}`).toBe(true);
        }
        if (g.phenomena.includes('codes:none')) expect(e.itemCodes).toEqual([]);
        if (e.parentSeq !== null) expect(e.seq).toBeNull();
      }
      const sections = g.expected.entries.map((e) => e.section).filter((s) => s !== null);
      expect([...sections].sort((a, b) => a! - b!)).toEqual(sections);
      expect(g.expected.sections).toEqual([...new Set(sections)]);
    }
  });

  it('covers the phenomena of layouts.md across the test slice', () => {
    const seen = new Set(SLICE.flatMap(({ seed }) => {
      const g = generate(seed);
      return [...g.phenomena, ...g.expected.entries.flatMap((e) => e.phenomena)];
    }));
    for (const p of [
      'body:paragraphs', 'sections:heading-lines', 'sections:section-rows', 'sections:column-rowspan', 'sections:column-repeated',
      'period:text', 'period:start-end', 'period:months', 'period:quarters', 'status:word', 'status:checks', 'budget',
      'codes:column', 'codes:in-issue', 'codes:several', 'codes:range', 'subrow', 'continuation', 'repeatedHeader',
      'pageFurniture', 'templateRows', 'noteRow', 'cover', 'signatures', 'format-digits:thai', 'format-digits:arabic',
      // added after the first blind run of layout6 (test/_support/layouts/extra.ts)
      'codeFirst', 'spacer', 'subrowNumberCell', 'subrow:number-cell', 'status:percent', 'body:list', 'sections:caption-rows',
      'notesNumbered', 'period-form:month-range', 'period-form:quarter-short', 'period-form:every-quarter',
      // added after the second blind run (sect7, test/_support/layouts/cells.ts)
      'period-form:two-lines', 'units:bullets', 'status:dated',
      // the assessment (session 10, test/_support/layouts/assessment.ts)
      'assessment:level-prose', 'assessment:level-table', 'indicators:table', 'indicators:tool-rowspan', 'indicators:numbered',
      'indicators:two-years', 'indicators:lines', 'indicators:total-row',
      // the item's score and indicator in the measure table (session 10, test/_support/layouts/row-score.ts)
      'item-score:column', 'item-score:beside-code', 'indicator-column:number-name', 'indicator-column:tool',
    ]) {
      expect(seen, p).toContain(p);
    }
  });

  it('writes DOCX that a DOCX reader opens, with every measure and merged cells for a section column', async () => {
    const seed = SLICE.find(({ seed: s }) => generate(s).phenomena.includes('sections:column-rowspan'))!.seed;
    const g = generate(seed);
    const bytes = await writeDocx(g.blocks);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toMatch(/rowspan="[2-9]"/);
    const text = squash((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
    for (const e of g.expected.entries) expect(text).toContain(squash(e.measure).slice(0, 12));
  });
});

describe('layout scorer', () => {
  const g = generate(11);
  const perfect = (exp: ExpectedDoc): ItaDocument =>
    ({
      fiscalYear: { be: exp.fiscalYear },
      organization: exp.organization,
      assessment: {
        year: exp.assessment!.year,
        overallScore: exp.assessment!.overallScore,
        level: exp.assessment!.level,
        indicatorScores: exp.assessment!.indicators.map((x) => ({ ...x, name: null })),
      },
      entries: exp.entries.map(
        (e) =>
          ({
            text: `${e.seq ?? ''}\t${e.measure}`,
            section: e.section,
            itemCodes: e.itemCodes.map((code) => ({ code })),
            periods: e.periods.map((p) => ({ ...p, raw: '', precision: 'month' })),
            responsible: e.responsible,
            status: e.status,
            budget: e.budget,
            parentSeq: e.parentSeq,
          }) as unknown as Entry,
      ),
    }) as unknown as ItaDocument;

  const score = (doc: ItaDocument) => {
    const t = new Map<string, Tally>();
    tallyDoc(t, ['all'], doc, g.expected);
    return figures(t.get('all')!);
  };

  it('gives 1 everywhere for an output equal to the expected one', () => {
    const f = score(perfect(g.expected));
    expect(f).toMatchObject({ recall: 1, precision: 1, periods: 1, sections: 1, codeF1: 1, responsible: 1, assessment: 1, indicatorF1: 1 });
  });

  it('counts a lost entry against recall, an extra one against precision, and wrong fields against their figure', () => {
    const doc = perfect(g.expected);
    const n = doc.entries.length;
    const lost = { ...doc, entries: doc.entries.slice(1) };
    expect(score(lost).recall).toBeCloseTo((n - 1) / n);
    const extra = { ...doc, entries: [...doc.entries, { ...doc.entries[0]!, text: 'หมายเหตุ ข้อความที่ไม่ใช่มาตรการใด ๆ ทั้งสิ้น' }] };
    expect(score(extra).precision).toBeCloseTo(n / (n + 1));
    const wrong = { ...doc, entries: doc.entries.map((e, i) => (i === 0 ? { ...e, section: 9, periods: [], itemCodes: [{ code: 'x1' }] } : e)) };
    const f = score(wrong as ItaDocument);
    expect(f.sections).toBeCloseTo((n - 1) / n);
    expect(f.periods).toBeCloseTo((n - 1) / n);
    expect(f.codeF1).toBeLessThan(1);
    expect(judge(wrong as ItaDocument, g.expected).verdicts[0]!.codes.fp).toBe(1);
  });

  it('counts a wrong level against the assessment and a lost indicator score against indicator F1', () => {
    const seed = Array.from({ length: 200 }, (_, i) => i + 1).find((s) => generate(s).phenomena.includes('indicators:table'))!;
    const exp = generate(seed).expected;
    const doc = perfect(exp);
    const t = new Map<string, Tally>();
    tallyDoc(t, ['all'], { ...doc, assessment: { ...doc.assessment, level: 'F', indicatorScores: doc.assessment.indicatorScores.slice(1) } }, exp);
    const f = figures(t.get('all')!);
    expect(f.assessment).toBe(0);
    expect(f.indicatorF1).toBeCloseTo((2 * 9) / (9 + 10));
  });
});

describe('generated layouts: current figures (floors, not targets)', () => {
  let run: LayoutRun;
  beforeAll(async () => {
    run = await runLayouts(extract, SLICE);
    console.log(`\nGenerated layouts, ${SLICE.length} documents (floors; issue 13 targets: recall/precision >= 0.97, periods >= 0.95, sections >= 0.97, code F1 >= 0.98)\n${formatTallies(run.tallies)}\n`);
  }, 120_000);

  it('extracts every document without an error', () => {
    expect(run.errors).toEqual([]);
    expect(run.counts.text + run.counts.html).toBe(SLICE.length);
  });

  // blind first (seeds 91000–91299, 864 text/HTML/DOCX documents): all three fields right 0.859, indicator F1 0.878;
  // a level in the score table 0.000, indicator scores written as lines 0.000
  it('reads the assessment: year, overall score and level together, and the indicator scores (floors)', () => {
    const all = figures(run.tallies.get('all')!);
    expect(all.assessment).toBeGreaterThanOrEqual(0.99);
    expect(all.indicatorF1).toBeGreaterThanOrEqual(0.99);
    for (const b of ['assessment:level-table', 'indicators:lines', 'indicators:two-years']) {
      const t = run.tallies.get(b);
      expect(t, b).toBeDefined();
      expect(figures(t!).assessment, b).toBeGreaterThanOrEqual(0.99);
      expect(figures(t!).indicatorF1, b).toBeGreaterThanOrEqual(0.99);
    }
  });

  // blind first (seeds 90000–90299, 869 text/HTML/DOCX documents): indicator-column:number-name recall 0.668, code F1
  // 0.726 (an indicator score table's header taken for the measure table's; the column taken for the issue column);
  // item-score:column recall 0.757; item-score:beside-code score 0.675 ("o๓ (๗๐.๙๑)", "I๑๔ = ๙๙.๑๒ คะแนน")
  it('reads the item score beside the code or in its column, and an indicator column is neither issue nor code (floors)', () => {
    for (const b of ['item-score:column', 'item-score:beside-code', 'indicator-column:number-name', 'indicator-column:tool']) {
      const t = run.tallies.get(b);
      expect(t, b).toBeDefined();
      const f = figures(t!);
      expect(f.recall, `${b} recall`).toBeGreaterThanOrEqual(0.99);
      expect(f.codeF1, `${b} code F1`).toBeGreaterThanOrEqual(0.99);
      if (b.startsWith('item-score')) expect(f.score, `${b} score`).toBeGreaterThanOrEqual(0.99);
    }
  });

  it.each(Object.entries(FLOORS))('%s stays at or above its floor', (bucket, floor) => {
    const t = run.tallies.get(bucket);
    expect(t, bucket).toBeDefined();
    const f = figures(t!);
    for (const [m, min] of Object.entries(floor) as Array<[Metric, number]>) {
      expect(f[m] ?? 0, `${bucket} ${m}`).toBeGreaterThanOrEqual(min);
    }
  });
});

describe('held-out layouts (hand-written, blind first run in bench/RESULTS.md)', () => {
  const dir = `${fixturesDir}heldout-layouts/`;
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as ExpectedDoc & { file: string });

  // floors, one point below the figures after the table-semantics and numbered-paragraph work (blind first run:
  // recall 0.795, precision 0.775, periods 0.548, code F1 0.654)
  it('keeps the figures over the six files (floors)', async () => {
    const t = new Map<string, Tally>();
    for (const exp of cases) tallyDoc(t, ['all'], await extractFile(`${dir}${exp.file}`), exp);
    const f = figures(t.get('all')!);
    expect(cases.length).toBeGreaterThanOrEqual(6);
    // raised after the table-semantics work and numbered paragraphs (b3 6/6, its fiscal year read past the cover memo)
    // (both together: recall 1, precision 1, periods 0.974, sections 1, code F1 1, parentSeq 1; tuned on after the blind run)
    expect(f.recall).toBeGreaterThanOrEqual(0.99);
    expect(f.precision).toBeGreaterThanOrEqual(0.99);
    expect(f.periods).toBeGreaterThanOrEqual(0.96);
    expect(f.sections).toBeGreaterThanOrEqual(0.99);
    expect(f.codeF1).toBeGreaterThanOrEqual(0.99);
    expect(f.parentSeq).toBeGreaterThanOrEqual(0.99);
  });
});
