import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItaDocument } from '../../src/model/schema.js';
import { aggregate, buildReport, parseJsonl, readJsonl, runReport, type ReportModel } from '../../src/report/index.js';
import { SECTION_TITLES } from '../../src/ita/sections.js';
import { expectedOf, fixtureRecords } from './_records.js';

// temporary folders made by these tests, removed when they end
const made: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ita-report-'));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

let records: ItaDocument[];
let model: ReportModel;

beforeAll(async () => {
  records = await fixtureRecords();
  model = aggregate(records);
}, 120_000);

/** Counts computed straight from the records, without the module's code. */
function independent(recs: ItaDocument[]) {
  const ok = recs.filter((r) => r.status === 'ok');
  const itemDocs = new Map<string, Set<number>>();
  const itemEntries = new Map<string, number>();
  const sectionEntries = new Map<number, number>();
  const sectionDocs = new Map<number, Set<number>>();
  ok.forEach((r, d) => {
    for (const e of r.entries) {
      if (e.part !== 1) continue;
      if (e.section !== null) {
        sectionEntries.set(e.section, (sectionEntries.get(e.section) ?? 0) + 1);
        if (!sectionDocs.has(e.section)) sectionDocs.set(e.section, new Set());
        sectionDocs.get(e.section)!.add(d);
      }
      // the year a record's codes belong to: stated, else the year before its fiscal year
      const year = r.assessment.year ?? (r.fiscalYear ? r.fiscalYear.be - 1 : null);
      for (const key of new Set(e.itemCodes.map((c) => `${c.code}@${year ?? 'unknown'}`))) {
        itemEntries.set(key, (itemEntries.get(key) ?? 0) + 1);
        if (!itemDocs.has(key)) itemDocs.set(key, new Set());
        itemDocs.get(key)!.add(d);
      }
    }
  });
  const orgYears = new Map<string, ItaDocument[]>();
  let loose = 0;
  for (const r of recs) {
    if (r.status !== 'ok' || !r.organization) {
      loose++;
      continue;
    }
    const k = `${r.organization.name}|${r.fiscalYear?.be ?? ''}`;
    orgYears.set(k, [...(orgYears.get(k) ?? []), r]);
  }
  const errors = new Map<string, number>();
  for (const r of recs) if (r.status === 'error') errors.set(r.error!.code, (errors.get(r.error!.code) ?? 0) + 1);
  return { ok, itemDocs, itemEntries, sectionEntries, sectionDocs, orgYears, loose, errors };
}

describe('aggregate, on records from the real extractor', () => {
  it('has the fixtures it is meant to test: ok and error records, several provinces and kinds', () => {
    expect(records.length).toBeGreaterThan(15);
    expect(records.some((r) => r.status === 'error')).toBe(true);
    expect(model.provinces.filter((p) => p !== null).length).toBeGreaterThan(5);
    expect(model.kinds.filter((k) => k !== null).length).toBeGreaterThan(3);
  });

  it('counts records, entries and organisation-years as the records say', () => {
    const x = independent(records);
    expect(model.totals.records).toBe(records.length);
    expect(model.totals.ok).toBe(x.ok.length);
    expect(model.totals.error).toBe(records.length - x.ok.length);
    expect(model.totals.entries).toBe(x.ok.reduce((n, r) => n + r.entries.length, 0));
    expect(model.totals.weaknessEntries).toBe(x.ok.flatMap((r) => r.entries).filter((e) => e.part === 1 && e.itemCodes.length > 0).length);
    expect(model.totals.organisations).toBe(new Set(x.ok.filter((r) => r.organization).map((r) => r.organization!.name)).size);
    expect(model.rows.length).toBe(x.orgYears.size + x.loose);
    expect(model.totals.rows).toBe(model.rows.length);
    for (const [key, docs] of x.orgYears) {
      const [name, fy] = key.split('|');
      const row = model.rows.find((r) => r.name === name && String(r.fiscalYear ?? '') === fy)!;
      expect(row, key).toBeDefined();
      expect(row.documents).toBe(docs.length);
      expect(row.entries).toBe(docs.reduce((n, d) => n + d.entries.length, 0));
      expect(row.score).toBe(docs.find((d) => d.assessment.overallScore !== null)?.assessment.overallScore ?? null);
    }
    // the same report as .txt and .docx: one organisation-year, two documents
    expect(model.rows.some((r) => r.documents === 2)).toBe(true);
  });

  it('counts the items cited as weaknesses per code and assessment year', () => {
    const x = independent(records);
    expect(model.items.length).toBe(x.itemDocs.size);
    for (const i of model.items) {
      expect(i.documents, i.key).toBe(x.itemDocs.get(i.key)!.size);
      expect(i.entries, i.key).toBe(x.itemEntries.get(i.key));
      expect(i.organisations).toBeLessThanOrEqual(i.documents);
    }
    // most cited first
    for (let k = 1; k < model.items.length; k++) expect(model.items[k - 1]!.documents).toBeGreaterThanOrEqual(model.items[k]!.documents);
    // part 2 (measures or results after an analysis) repeats part 1's codes and is not counted
    const twoParts = structuredClone(records.find((r) => r.status === 'ok' && r.entries.some((e) => e.part === 2))!);
    const later = twoParts.entries.find((e) => e.part === 2)!;
    const code = { code: 'o49', tool: 'OIT' as const, item: 49, raw: 'o49', confidence: 0.9, via: 'code' as const };
    later.itemCodes.push(code);
    const key = `o49@${twoParts.assessment.year ?? (twoParts.fiscalYear ? twoParts.fiscalYear.be - 1 : 'unknown')}`;
    expect(aggregate([twoParts]).items.find((i) => i.key === key)).toBeUndefined();
    twoParts.entries.find((e) => e.part === 1)!.itemCodes.push(code);
    expect(aggregate([twoParts]).items.find((i) => i.key === key)).toMatchObject({ documents: 1, entries: 1 });
  });

  it('counts sections (the seven issues, Thai titles) per entry and per document', () => {
    const x = independent(records);
    expect(model.sections.map((s) => s.number).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const s of model.sections) {
      expect(s.title).toBe(SECTION_TITLES[s.number - 1]);
      expect(s.entries).toBe(x.sectionEntries.get(s.number) ?? 0);
      expect(s.documents).toBe(x.sectionDocs.get(s.number)?.size ?? 0);
    }
    expect(model.sections[0]!.entries).toBe(Math.max(...model.sections.map((s) => s.entries)));
  });

  it('bins scores and counts levels over organisation-years', () => {
    const scores = model.rows.filter((r) => r.status !== 'error' && r.score !== null).map((r) => r.score!);
    expect(model.totals.scored).toBe(scores.length);
    expect(model.scoreBins.reduce((n, b) => n + b.count, 0)).toBe(scores.length);
    for (const b of model.scoreBins) expect(b.count).toBe(scores.filter((s) => s >= b.from && (s < b.to || (b.to === 100 && s === 100))).length);
    const okRows = model.rows.filter((r) => r.status !== 'error');
    expect(model.levels.reduce((n, l) => n + l.count, 0)).toBe(okRows.length);
    for (const l of model.levels) expect(l.count).toBe(okRows.filter((r) => r.level === l.level).length);
  });

  it('counts errors by code', () => {
    const x = independent(records);
    expect(Object.fromEntries(model.errors.map((e) => [e.code, e.count]))).toEqual(Object.fromEntries(x.errors));
    expect(model.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['NOT_ITA_REPORT', 'ENCRYPTED_PDF', 'CORRUPT_FILE']));
  });

  it('shows the organisations and scores the hand-checked expected files give', () => {
    for (const rel of ['expected/003_592d1508f0de56c3.expected.json', 'heldout/h1_tessaban_mueang_measures_2568.expected.json', 'heldout/h3_tessaban_nakhon_analysis_2567.expected.json']) {
      const want = expectedOf(rel);
      const row = model.rows.find((r) => r.name === want.organization!.name)!;
      expect(row, rel).toBeDefined();
      expect(row.province).toBe(want.organization!.province);
      expect(row.kind).toBe(want.organization!.kind);
      expect(row.fiscalYear).toBe(want.fiscalYear);
      expect(row.assessmentYear).toBe(want.assessment.year);
      expect(row.score).toBe(want.assessment.overallScore);
      expect(row.level).toBe(want.assessment.level);
      expect(row.status).toBe('ok');
    }
  });
});

describe('aggregate, tolerance', () => {
  it('leaves out duplicate records (same sha256) and non-objects', () => {
    const twice = aggregate([...records, ...records, 42, 'x', null, [1]]);
    expect(twice.totals.duplicates).toBe(records.length);
    expect(twice.totals.ignored).toBe(4);
    expect(twice.totals.records).toBe(model.totals.records);
    expect(twice.items).toEqual(model.items);
    expect(twice.rows).toEqual(model.rows);
  });

  it('accepts unknown fields, partial records, and question/indicator on item codes', () => {
    const base = structuredClone(records.find((r) => r.source.path?.endsWith('h1_tessaban_mueang_measures_2568.txt'))!);
    const withQuestion = {
      ...base,
      futureField: { anything: true },
      entries: base.entries.map((e) => ({ ...e, itemCodes: e.itemCodes.map((c) => ({ ...c, question: `คำถามข้อ ${c.code}`, indicator: 3, extra: 1 })) })),
    };
    const m = aggregate([withQuestion, { status: 'error' }, { status: 'ok' }, {}]);
    const first = m.items[0]!;
    expect(first.question).toBe(`คำถามข้อ ${first.code}`);
    expect(first.indicator).toBe('3');
    expect(m.totals.records).toBe(4);
    expect(m.errors).toEqual([{ code: 'UNKNOWN', count: 1, records: [{ path: null, message: null }] }]);
    expect(m.rows.length).toBe(4);
  });

  it('keys item codes by assessment year: the same code in two years is two items', () => {
    const doc = (year: number | null, sha: string) => ({
      status: 'ok',
      source: { sha256: sha.repeat(64), path: null },
      organization: { name: `อบต.${sha}`, kind: 'other', province: null, district: null },
      assessment: { year, overallScore: null, level: null },
      entries: [
        { part: 1, section: 1, itemCodes: [{ code: 'i13' }, { code: 'i13' }] },
        { part: 2, section: 1, itemCodes: [{ code: 'i13' }] },
      ],
    });
    const m = aggregate([doc(2566, 'a'), doc(2567, 'b'), doc(2567, 'c'), doc(null, 'd')]);
    expect(m.items.map((i) => [i.key, i.documents, i.entries, i.label])).toEqual([
      ['i13@2567', 2, 2, 'i13 (ITA 2567)'],
      ['i13@2566', 1, 1, 'i13 (ITA 2566)'],
      ['i13@unknown', 1, 1, 'i13 (ITA ไม่ระบุปี)'],
    ]);
  });
});

describe('readJsonl', () => {
  it('skips blank and invalid lines, counting them', async () => {
    const lines = records.slice(0, 3).map((r) => JSON.stringify(r));
    const text = `\uFEFF${lines[0]}\r\n\r\n${lines[1]}\nnot json\n[1,2]\n  \n{"cut": \n${lines[2]}\n`;
    const r = parseJsonl(text);
    expect(r.records.length).toBe(3);
    expect(r.blank).toBe(2);
    expect(r.invalid).toBe(3);
    expect(r.invalidLines).toEqual([4, 5, 7]);
    const dir = tempDir();
    writeFileSync(join(dir, 'out.jsonl'), text);
    expect(await readJsonl(join(dir, 'out.jsonl'))).toEqual(r);
    expect(await readJsonl(text)).toEqual(r);
    expect(parseJsonl('').records).toEqual([]);
    expect(parseJsonl('').blank).toBe(0);
  });

  it('reads the --format json array too', () => {
    expect(parseJsonl(JSON.stringify(records.slice(0, 2), null, 2)).records.length).toBe(2);
  });
});

describe('runReport', () => {
  it('reads several JSONL files, writes the page, returns 0', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const half = Math.floor(records.length / 2);
    writeFileSync(a, records.slice(0, half).map((r) => `${JSON.stringify(r)}\n`).join(''));
    writeFileSync(b, `${records.slice(half).map((r) => JSON.stringify(r)).join('\n')}\noops\n`);
    let err = '';
    const io = { stdout: process.stdout, stderr: { write: (s: string) => (err += s) } };
    const out = join(dir, 'report.html');
    expect(await runReport({ input: [a, b], output: out, title: 'รายงาน <ทดสอบ>' }, io)).toBe(0);
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>รายงาน &lt;ทดสอบ&gt;</title>');
    expect(html).toContain(`<output id="row-count">${model.rows.length}</output>`);
    expect(err).toMatch(/skipped 1 line/);
    expect(err).toMatch(new RegExp(`${records.length} document`));
  });

  it('writes to stdout without -o; 2 for a missing input', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.jsonl');
    writeFileSync(a, `${JSON.stringify(records[0])}\n`);
    let out = '';
    let err = '';
    const stdout = { write: (s: string, cb?: (e?: Error | null) => void) => ((out += s), cb?.(), true) } as unknown as NodeJS.WritableStream;
    const io = { stdout, stderr: { write: (s: string) => (err += s) } };
    expect(await runReport({ input: [a], output: null }, io)).toBe(0);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(await runReport({ input: [join(dir, 'missing.jsonl')], output: null }, io)).toBe(2);
    expect(err).toMatch(/cannot read/);
    expect(await runReport({ input: [], output: null }, io)).toBe(2);
  });

  it('buildReport returns the model it rendered', async () => {
    const { html, model: m } = await buildReport(records, { generatedAt: '2025-01-01' });
    expect(m).toEqual(model);
    expect(html).toContain('2025-01-01');
  });
});
