/**
 * Records read back from JSONL are untrusted: names that are also names of
 * Object.prototype's members (constructor, __proto__, toString, …) are plain
 * text to the report, in every field it reads, and values of the wrong type
 * are ignored rather than rendered.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, buildReport, escapeHtml } from '../../src/report/index.js';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

function record(i: number, word: string) {
  // JSON.parse, as the JSONL reader does: "__proto__" becomes an own key, not the prototype
  return JSON.parse(
    JSON.stringify({
      schemaVersion: 1,
      status: 'ok',
      error: null,
      source: { path: `${word}/${i}.txt`, sha256: word, format: 'text', pages: null, ocr: false },
      organization: { name: word, kind: word, district: word, province: word },
      fiscalYear: { be: 2567 },
      assessment: { year: 2567, overallScore: 80 + i, level: word, indicatorScores: [] },
      entries: [{ kind: 'row', text: word, section: 1, part: 1, itemCodes: [{ code: 'i13', question: word, indicator: word }], fields: {} }],
    }),
  ) as unknown;
}

describe('report: prototype names in the records', () => {
  it('renders records whose organisation, kind, province, level and codes are Object.prototype names', async () => {
    const records = PROTO_NAMES.map((w, i) => record(i, w));
    const errors = PROTO_NAMES.map((w) => JSON.parse(JSON.stringify({ status: 'error', error: { code: w, message: w }, source: { path: `err-${w}`, sha256: `e-${w}` } })) as unknown);
    const { html, model } = await buildReport([...records, ...errors], { generatedAt: '2025-01-01' });
    expect(model.rows.filter((r) => r.status === 'ok').map((r) => r.name).sort()).toEqual([...PROTO_NAMES].sort());
    for (const w of PROTO_NAMES) {
      expect(model.kinds).toContain(w);
      expect(model.provinces).toContain(w);
      expect(html).toContain(`data-kind="${escapeHtml(w)}"`);
      expect(html).toContain(`data-province="${escapeHtml(w)}"`);
      expect(html).toContain(`<code>${escapeHtml(w)}</code>`); // the error code
    }
    expect(html).not.toContain('[native code]'); // no inherited function rendered as a label
    expect(html).toContain('>constructor (1)</option>');
    expect(html.match(/<svg/g)).toHaveLength(4); // every chart drawn, labels and all
    expect(model.errors.map((e) => e.code).sort()).toEqual([...PROTO_NAMES].sort());
    expect(model.levels.map((l) => l.level).sort()).toEqual([...PROTO_NAMES].sort());
    // every prototype name is its own row; no record was merged into another
    expect(model.totals.records).toBe(PROTO_NAMES.length * 2);
  });

  it('ignores fields of the wrong type instead of failing on them', async () => {
    const odd = JSON.parse(
      '{"status":"ok","source":{"path":["a"],"sha256":{"x":1}},"organization":{"name":{"__proto__":1},"kind":["constructor"],"province":7,"district":true},' +
        '"fiscalYear":{"be":"2567"},"assessment":{"year":{},"overallScore":"90","level":[]},"entries":{"length":3},"error":{"code":["x"]}}',
    ) as unknown;
    const m = aggregate([odd]);
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]).toMatchObject({ name: null, kind: null, province: null, district: null, fiscalYear: null, score: null, level: null, entries: 0 });
    const { html } = await buildReport([odd], { generatedAt: '2025-01-01' });
    expect(html).toContain('(ไม่พบชื่อหน่วยงาน)');
  });
});
