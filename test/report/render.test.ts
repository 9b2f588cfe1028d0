import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildReport, escapeHtml } from '../../src/report/index.js';

const HOSTILE = `<img src=x onerror="alert(1)"><script>alert(2)</script>'"&`;

/** A record made by hand: every string a document can put in the report is hostile. */
function hostileRecord(i: number) {
  return {
    schemaVersion: 1,
    status: 'ok',
    error: null,
    source: { path: `evil/${HOSTILE}${i}.txt`, sha256: String(i).repeat(64).slice(0, 64), format: 'text', pages: null, ocr: false },
    organization: { name: `เทศบาลตำบล${HOSTILE}`, kind: 'เทศบาลตำบล', district: `"><svg onload=alert(3)>`, province: `จังหวัด"'><b>x</b>` },
    fiscalYear: { be: 2568, ce: 2025, start: '2024-10-01', end: '2025-09-30' },
    assessment: { year: 2567, overallScore: 90 + i, level: `<i>${HOSTILE}</i>`, indicatorScores: [] },
    entries: [
      {
        kind: 'row',
        text: HOSTILE,
        section: 1,
        part: 1,
        itemCodes: [{ code: 'i13', tool: 'IIT', item: 13, raw: 'i13', confidence: 0.9, via: 'code', question: `ข้อคำถาม ${HOSTILE}`, indicator: HOSTILE }],
        fields: {},
      },
    ],
  };
}

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
}
function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children ?? []) yield* walk(c);
}

describe('render', () => {
  it('escapes text from the documents: no element, attribute or script gets in', async () => {
    const records = [hostileRecord(1), hostileRecord(2), { status: 'error', error: { code: 'CORRUPT_FILE', message: HOSTILE }, source: { path: HOSTILE } }];
    const { html } = await buildReport(records, { title: HOSTILE, generatedAt: HOSTILE });
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain(escapeHtml(`เทศบาลตำบล${HOSTILE}`));
    expect(html.match(/<script/g)).toHaveLength(1);
    const doc = parseDocument(html) as unknown as Node;
    const elements = [...walk(doc)].filter((n) => n.type === 'tag' || n.type === 'script' || n.type === 'style');
    expect(elements.filter((n) => n.name === 'script')).toHaveLength(1);
    expect(elements.filter((n) => ['img', 'b', 'i', 'iframe', 'object', 'embed', 'link'].includes(n.name!))).toEqual([]);
    for (const n of elements) for (const a of Object.keys(n.attribs ?? {})) expect(a.startsWith('on'), `${n.name} ${a}`).toBe(false);
    // the hostile strings survive as text, whole
    const texts = [...walk(doc)].filter((n) => n.type === 'text').map((n) => n.data!).join('\n');
    const { decodeHTML } = await import('entities');
    expect(decodeHTML(texts)).toContain(`เทศบาลตำบล${HOSTILE}`);
  });

  it('is self-contained: no external resource, a CSP that allows no network', async () => {
    const { html } = await buildReport([hostileRecord(1)], { generatedAt: '2025-01-01' });
    const doc = parseDocument(html) as unknown as Node;
    for (const n of walk(doc)) {
      for (const [k, v] of Object.entries(n.attribs ?? {})) {
        if (['src', 'href', 'xlink:href', 'srcset', 'poster', 'data', 'action'].includes(k)) expect.fail(`${n.name} has ${k}=${v}`);
      }
      if (n.name === 'link') expect.fail('a <link> element');
    }
    expect(html).not.toMatch(/@import|url\((?!#)/); // url(#clip1): a clip path in the same SVG
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toMatch(/<html lang="th">/);
  });

  it('renders an empty archive without charts', async () => {
    const { html, model } = await buildReport([], { generatedAt: '2025-01-01' });
    expect(model.rows).toEqual([]);
    expect(html).not.toContain('<svg');
    expect(html).toContain('ไม่มีข้อมูล');
  });
});
