/**
 * The PDF reader on fixtures made by scripts/make-pdf-fixtures.sh (corpus
 * texts printed to PDF by LibreOffice with a Thai TLWG font), compared with
 * what the text reader makes of the same corpus text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import type { Block, ReadDocument, TableBlock, TableRow } from '../../src/model/blocks.js';
import type { ItaDocument } from '../../src/model/schema.js';
import { assemble } from '../../src/readers/_pdf-assemble.js';
import { dropRunningLines } from '../../src/readers/_pdf-running.js';
import type { PageLayout } from '../../src/readers/_pdf-layout.js';
import { pageQuality } from '../../src/readers/_pdf-quality.js';
import { findGrids } from '../../src/readers/_pdf-grid.js';
import { splitRun } from '../../src/readers/_pdf-split.js';
import { type Run, itemsToRuns, pdfjsNormalize, runsToLines } from '../../src/readers/_pdf-text.js';
import { WORKER_MODULE, patchWorkerSource } from '../../src/readers/_pdf-worker.js';
import { ReadError } from '../../src/readers/errors.js';
import { loadPdfjs, pagesNeedingOcr, readPdf } from '../../src/readers/pdf.js';
import { readText } from '../../src/readers/text.js';
import { normalizeThai } from '../../src/thai/normalize.js';
import { type Expected, compare, f1, fixturesDir } from '../_support/expected.js';

const pdf = (name: string): Uint8Array => new Uint8Array(readFileSync(`${fixturesDir}pdf/${name}`));
const corpus = (stem: string): string => readFileSync(`${fixturesDir}corpus/${stem}.txt`, 'utf8');
const expectedOf = (stem: string): Expected =>
  JSON.parse(readFileSync(`${fixturesDir}expected/${stem}.expected.json`, 'utf8')) as Expected;

const squash = (s: string): string => normalizeThai(s).replace(/\s+/g, '');
const tables = (blocks: Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.type === 'table');
const cellTexts = (r: TableRow): string[] => r.cells.map((c) => c.paragraphs.join(' '));
const allText = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap(cellTexts) : [b.text]));

async function readError(bytes: Uint8Array): Promise<ReadError> {
  try {
    await readPdf(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return e as ReadError;
  }
  throw new Error('readPdf did not throw');
}

describe('readPdf: corpus 003 (ruled tables, running header, page numbers)', () => {
  let doc: ReadDocument;
  beforeAll(async () => {
    doc = await readPdf(pdf('003.pdf'));
  });

  it('reads every page, with no broken text layer', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(11);
    expect(doc.ocr).toBe(false);
    expect(doc.diagnostics).toEqual([]);
    expect(pagesNeedingOcr(doc)).toEqual([]);
  });

  it('gives each block its page, and no line', () => {
    for (const b of doc.blocks) {
      expect(b.source.line).toBeNull();
      expect(b.source.page).toBeGreaterThanOrEqual(1);
      expect(b.source.page).toBeLessThanOrEqual(11);
    }
    expect(doc.blocks[0]?.source.page).toBe(1);
    expect(doc.blocks[doc.blocks.length - 1]?.source.page).toBe(8); // the last table starts on page 8
  });

  it('reads the title lines as bold paragraphs and the larger section titles as headings', () => {
    expect(doc.blocks[0]).toMatchObject({
      type: 'paragraph',
      bold: true,
      text: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๗',
    });
    expect(doc.blocks).toContainEqual(
      expect.objectContaining({ type: 'heading', text: 'ประเด็นที่ ๒ การให้บริการและระบบ E-Service', source: { page: 4, line: null } }),
    );
    expect(doc.blocks).toContainEqual(
      expect.objectContaining({ type: 'paragraph', bold: false, text: 'ประเด็นที่ ๓ ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ' }),
    );
  });

  it('joins the lines of a wrapped paragraph', () => {
    const intro = doc.blocks.find((b) => b.type === 'paragraph' && b.text.startsWith('จากการประเมินผล'));
    expect(intro?.type === 'paragraph' && intro.text).toContain('โดยภาพรวมได้คะแนน ๘๗.๓๕ อยู่ในระดับ ผ่าน');
    expect(intro?.type === 'paragraph' && intro.text).toMatch(/ดังนี้$/);
  });

  it('drops the running header and the page numbers', () => {
    const texts = allText(doc.blocks);
    expect(texts.filter((t) => t.includes('รายงานผลการดำเนินการ ITA'))).toEqual([]);
    expect(texts.filter((t) => /^-\s*\d+\s*-$/.test(t))).toEqual([]);
  });

  it('reads the ruled tables with the cells of the text version, page breaks mended', () => {
    const text = tables(readText(corpus('003_592d1508f0de56c3')).blocks);
    const got = tables(doc.blocks);
    // one table per issue; the header repeated on a new page is dropped, the
    // rows continued from the previous page joined
    expect(got.map((t) => t.rows.length)).toEqual(text.map((t) => t.rows.length));
    expect(got.map((t) => t.rows.length)).toEqual([5, 2, 2, 2, 2, 2, 3]);
    got.forEach((t, i) => {
      t.rows.forEach((r, j) => {
        expect(r.cells.map((c) => squash(c.paragraphs.join(' ')))).toEqual(
          text[i]!.rows[j]!.cells.map((c) => squash(c.paragraphs.join(' '))),
        );
      });
    });
  });

  it('keeps cell texts as written', () => {
    const [first] = tables(doc.blocks);
    expect(cellTexts(first!.rows[0]!)).toEqual([
      'ลำดับ',
      'มาตรการ/กิจกรรม',
      'ระยะเวลาใน การดำเนิน การ', // wrapped in a narrow cell: joined with spaces
      'ผู้รับผิดชอบ',
      'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม',
      'ผลลัพธ์หรือความสำเร็จในการดำเนินการ',
    ]);
    expect(first!.rows[0]!.cells.every((c) => c.bold)).toBe(true);
    const rows = first!.rows.map(cellTexts);
    expect(rows[1]![2]).toBe('ไตรมาสที่ ๑ - ๒');
    expect(rows[2]!.slice(0, 3)).toEqual(['๒', 'การป้องกันการขัดกัน ระหว่างประโยชน์ส่วนตน และประโยชน์ส่วนรวม', 'ไตรมาสที่ ๑']);
    expect(rows[2]![3]).toMatch(/^นักวิเคราะห์ฯ /);
    // row ๑ runs over pages 1–2: its last words come from page 2
    expect(rows[1]![4]).toMatch(/ส่งเสริม จริยธรรม$/);
  });

  it('keeps a cell\'s separate paragraphs apart', () => {
    const last = tables(doc.blocks)[6]!;
    const measures = last.rows[1]!.cells[4]!.paragraphs;
    expect(measures.length).toBeGreaterThan(1);
    expect(measures[0]).toMatch(/^๑\. จัดทำคู่มือ/);
  });

  it('applies the ActualText spans LibreOffice writes for Thai glyph substitutions', () => {
    const text = allText(doc.blocks).join('\n');
    // ู and ่ drawn as one glyph whose ToUnicode says ่: only ActualText has "อยู่"
    expect(text).toContain('อยู่ในระดับ ผ่าน');
    expect(text).toContain('ประจำปีงบประมาณ');
    expect(text).not.toMatch(/ำ ?า/);
  });
});

describe('readPdf: corpus 004 (tables without rules)', () => {
  let doc: ReadDocument;
  beforeAll(async () => {
    doc = await readPdf(pdf('004.pdf'));
  });

  it('reads the pages and the numbered recommendation paragraphs', () => {
    expect(doc.pages).toBe(6);
    expect(doc.diagnostics).toEqual([]);
    const paras = doc.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
    expect(paras.filter((t) => /^ข้อ (E|๒)/.test(t))).toHaveLength(6);
    expect(paras.some((t) => t.startsWith('ข้อ ๒๗ ได้คะแนน ๑๐๐ ประเด็น') && t.endsWith('ผ่านช่องทางต่างๆ อย่างต่อเนื่อง'))).toBe(true);
  });

  it('finds the table from its aligned columns, continued over three pages', () => {
    const got = tables(doc.blocks);
    expect(got).toHaveLength(1);
    const t = got[0]!;
    expect(t.rows.map((r) => r.cells.length)).toEqual([6, 6, 6, 6]);
    expect(cellTexts(t.rows[0]!)).toEqual(['มาตรการ', 'ขั้นตอนหรือวิธีการ', 'ผู้รับผิด ชอบ', 'ระยะเวลา ดำเนินการ', 'ผลการดำเนินการ', 'ข้อเสนอแนะ']);
    // the data rows hold exactly the text version's cells
    const text = tables(readText(corpus('004_d0cc15d3996b9fea')).blocks)
      .flatMap((x) => x.rows)
      .filter((r) => /^[๑-๙]\./.test(r.cells[0]?.paragraphs[0] ?? ''));
    expect(text).toHaveLength(3);
    t.rows.slice(1).forEach((r, j) => {
      expect(r.cells.map((c) => squash(c.paragraphs.join(' ')))).toEqual(
        text[j]!.cells.map((c) => squash(c.paragraphs.join(' '))),
      );
    });
    expect(cellTexts(t.rows[1]!)[3]).toBe('ต.ค. ๖๕ ถึง ก.ย. ๖๖');
  });
});

describe('readPdf: unusable files', () => {
  it('refuses an encrypted PDF', async () => {
    expect((await readError(pdf('encrypted.pdf'))).code).toBe('ENCRYPTED_PDF');
  });

  it('refuses a truncated PDF, and bytes that are no PDF at all', async () => {
    expect((await readError(pdf('corrupt.pdf'))).code).toBe('CORRUPT_FILE');
    expect((await readError(new TextEncoder().encode('%PDF-1.4\nhello'))).code).toBe('CORRUPT_FILE');
    expect((await readError(new Uint8Array())).code).toBe('CORRUPT_FILE');
  });

  it('refuses a PDF without pages', async () => {
    const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    objs.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 3\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    expect((await readError(new TextEncoder().encode(out))).code).toBe('EMPTY_INPUT');
  });

  it('leaves the caller\'s bytes usable', async () => {
    const bytes = pdf('004.pdf');
    const copy = bytes.slice();
    await readPdf(bytes);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(copy))).toBe(0);
  });

  it('marks a page without a text layer for OCR', async () => {
    const doc = await readPdf(pdf('image-only.pdf'));
    expect(doc.pages).toBe(1);
    expect(doc.blocks).toEqual([]);
    expect(doc.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'TEXT_LAYER_BROKEN',
        message: expect.stringContaining('no text layer') as unknown as string,
        origin: 'readers/pdf',
        source: { page: 1, line: null },
      },
    ]);
    expect(pagesNeedingOcr(doc)).toEqual([1]);
  });
});

describe('extract() on the PDFs, against the expected outputs of the corpus texts', () => {
  const cases = [
    { file: '003.pdf', stem: '003_592d1508f0de56c3' },
    { file: '004.pdf', stem: '004_d0cc15d3996b9fea' },
  ];
  const docs = new Map<string, ItaDocument>();
  beforeAll(async () => {
    for (const c of cases) docs.set(c.file, await extract(pdf(c.file), { fileName: c.file }));
  });

  it('reads 003.pdf: header, seven sections, every entry with its section, seq and periods', () => {
    const doc = docs.get('003.pdf')!;
    const exp = expectedOf('003_592d1508f0de56c3');
    expect(doc.status).toBe('ok');
    expect(doc.source).toMatchObject({ format: 'pdf', pages: 11, ocr: false });
    expect(doc.title).toBe(exp.title);
    expect(doc.organization).toEqual(exp.organization);
    expect(doc.fiscalYear?.be).toBe(exp.fiscalYear);
    expect(doc.assessment).toMatchObject({ year: 2567, overallScore: 87.35, level: 'ผ่าน' });
    expect(doc.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const s = compare(doc, exp);
    expect(s.actualEntries).toBe(10);
    expect(s.matchedEntries).toBe(10);
    expect(s.sectionRight).toBe(10);
    expect(s.periodsRight).toBe(10);
    expect(s.seqRight).toBe(10);
    expect(s.scoreRight).toBe(10);
    // responsible units: cell lines joined with spaces leave wrap spaces
    // ("หัวหน้าสำนัก ปลัด") that the splitter takes for separators
    expect(s.responsibleRight).toBeGreaterThanOrEqual(5);
  });

  it('reads 004.pdf: recommendation paragraphs and result rows', () => {
    const doc = docs.get('004.pdf')!;
    const exp = expectedOf('004_d0cc15d3996b9fea');
    expect(doc.status).toBe('ok');
    expect(doc.fiscalYear?.be).toBe(exp.fiscalYear);
    expect(doc.assessment).toMatchObject({ year: 2565, overallScore: 94.94, level: 'A' });
    const s = compare(doc, exp);
    expect(s.actualEntries).toBe(14);
    expect(s.matchedEntries).toBe(14);
    expect(s.sectionRight).toBe(14);
    expect(s.periodsRight).toBe(14);
    // "ข้อ 1๗" is printed with a gap pdfjs reads as a space ("ข้อ 1 ๗"): i1, not i7
    expect(f1(s.codes)).toBeGreaterThanOrEqual(0.7);
  });
});

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

const item = (str: string, x: number, y: number, w: number, size = 10, fontName = 'f1') => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width: w,
  height: size,
  fontName,
  dir: 'ltr',
  hasEOL: false,
});

describe('itemsToRuns / runsToLines', () => {
  it('lets an ActualText span replace the glyph text inside it', () => {
    const items = [
      item('อย', 10, 100, 12),
      { type: 'beginMarkedContentProps', id: null, tag: 'Span', actualText: 'ู' },
      item('่', 22, 100, 0),
      { type: 'endMarkedContent' },
      item('่', 22, 100, 0),
      item(' ', 21.9, 100, 0.05),
      item('ในระดับ', 22, 100, 35),
    ];
    const lines = runsToLines(itemsToRuns(items, 0, () => false));
    expect(lines.map((l) => l.text)).toEqual(['อยู่ในระดับ']);
  });

  it('repairs ำ ␠ า without ActualText', () => {
    const items = [
      item('ประจ', 10, 100, 20),
      { type: 'beginMarkedContentProps', id: null, tag: 'Span' },
      item('ำ', 30, 100, 0),
      item(' ', 29.9, 100, 0.1),
      item('า', 30, 100, 5),
      { type: 'endMarkedContent' },
      item('ปี', 35, 100, 8),
    ];
    expect(runsToLines(itemsToRuns(items, 0, () => false)).map((l) => l.text)).toEqual(['ประจำปี']);
  });

  it('orders lines top to bottom, spaces wide gaps, segments very wide ones', () => {
    const items = [item('ล่าง', 10, 50, 20), item('บน', 10, 100, 10), item('ขวา', 24, 100, 15), item('ไกล', 100, 100, 15)];
    const lines = runsToLines(itemsToRuns(items, 0, () => false));
    expect(lines.map((l) => l.text)).toEqual(['บน ขวา ไกล', 'ล่าง']);
    expect(lines[0]!.segments.map((s) => s.text)).toEqual(['บน ขวา', 'ไกล']);
  });

  it('reads rotated pages along their text direction and drops text at other angles', () => {
    const rot = (str: string, x: number, y: number, w: number) => ({ ...item(str, x, y, w), transform: [0, 10, -10, 0, x, y] });
    // text running upwards: the glyphs' tops point to −x, so the first line is the leftmost
    const items = [rot('หนึ่ง', 80, 10, 20), rot('สอง', 100, 10, 15), item('ลายน้ำ', 0, 0, 30)];
    const lines = runsToLines(itemsToRuns(items, 1, () => false));
    expect(lines.map((l) => l.text)).toEqual(['หนึ่ง', 'สอง']);
  });
});

describe('patchWorkerSource', () => {
  const src = readFileSync(createRequire(import.meta.url).resolve(WORKER_MODULE), 'utf8');
  it('makes the installed pdfjs worker keep ActualText on marked-content items, once', () => {
    const patched = patchWorkerSource(src);
    expect(patched).not.toBeNull();
    expect(patched).toContain('actualText = itaUtf16be(at) ?? stringToPDFString(at);');
    expect(patched!.length - src.length).toBeLessThan(2000);
    expect(patchWorkerSource(patched!)).toBeNull();
  });
  it('leaves a source of another shape alone', () => {
    expect(patchWorkerSource('export const WorkerMessageHandler = {};')).toBeNull();
  });
});

describe('splitRun', () => {
  const run: Run = { text: 'มาตรการ/กิจกรรม ระยะเวลาใน', x: 100, y: 0, w: 130, size: 10, bold: false };
  it('cuts a run joined across a column boundary at the space nearest to it', () => {
    const parts = splitRun(run, 178);
    expect(parts?.map((p) => p.text)).toEqual(['มาตรการ/กิจกรรม', 'ระยะเวลาใน']);
    expect(parts?.[1].x).toBeGreaterThanOrEqual(178);
  });
  it('returns null with no space or a position outside the run', () => {
    expect(splitRun({ ...run, text: 'ระยะเวลา' }, 150)).toBeNull();
    expect(splitRun(run, 50)).toBeNull();
  });
});

describe('findGrids', () => {
  const h = (y: number, x1: number, x2: number) => ({ x1, y1: y, x2, y2: y });
  const v = (x: number, y1: number, y2: number) => ({ x1: x, y1, x2: x, y2 });
  it('builds rows and columns from ruling lines, merging cells where a border is missing', () => {
    // 3 columns × 2 rows; the top row's first two cells are one (no border at x=50 there)
    const graphics = {
      horizontals: [h(100, 0, 150), h(50, 0, 150), h(0, 0, 75), h(0, 75, 150)],
      verticals: [v(0, 0, 100), v(50, 0, 50), v(100, 0, 100), v(150, 0, 100)],
      imageArea: 0,
      paths: 0,
    };
    const [grid] = findGrids(graphics);
    expect(grid?.xs).toEqual([0, 50, 100, 150]);
    expect(grid?.ys).toEqual([100, 50, 0]);
    expect(grid?.cells).toEqual([
      { r: 0, c: 0, rowspan: 1, colspan: 2 },
      { r: 0, c: 2, rowspan: 1, colspan: 1 },
      { r: 1, c: 0, rowspan: 1, colspan: 1 },
      { r: 1, c: 1, rowspan: 1, colspan: 1 },
      { r: 1, c: 2, rowspan: 1, colspan: 1 },
    ]);
  });
  it('ignores lone rules and single boxes', () => {
    expect(findGrids({ horizontals: [h(10, 0, 500)], verticals: [], imageArea: 0, paths: 0 })).toEqual([]);
    expect(findGrids({ horizontals: [h(0, 0, 10), h(10, 0, 10)], verticals: [v(0, 0, 10), v(10, 0, 10)], imageArea: 0, paths: 0 })).toEqual([]);
  });
});

function layout(page: number, lines: Array<[string, number]>, raw = ''): PageLayout {
  return {
    page,
    box: { left: 0, bottom: 0, right: 600, top: 800 },
    items: lines.map(([text, y]) => ({
      kind: 'line' as const,
      line: { text, raw: text, x0: 50, x1: 300, y, size: 10, bold: false, segments: [], runs: [] },
    })),
    raw,
    text: normalizeThai(raw),
    imageCoverage: 0,
    paths: 0,
    pitch: 1.2,
  };
}

describe('dropRunningLines', () => {
  it('drops text repeated at the same height on most pages and page numbers at the edges', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      layout(n, [
        ['รายงานผล ITA ประจำปี ๒๕๖๗', 780],
        [`เนื้อหาหน้า ${n}`, 400],
        [`- ${n} -`, 20],
      ]),
    );
    pages[1]!.items.splice(0, 1); // the header missing on one page
    dropRunningLines(pages);
    expect(pages.map((p) => p.items.map((it) => (it.kind === 'line' ? it.line.text : '')))).toEqual([
      ['เนื้อหาหน้า 1'],
      ['เนื้อหาหน้า 2'],
      ['เนื้อหาหน้า 3'],
      ['เนื้อหาหน้า 4'],
    ]);
  });
  it('keeps a page number in the middle of the page', () => {
    const pages = [layout(1, [['12', 400]])];
    dropRunningLines(pages);
    expect(pages[0]!.items).toHaveLength(1);
  });
});

describe('assemble: paragraphs and headings', () => {
  const line = (text: string, y: number, x1 = 540, size = 10, bold = false) => ({
    kind: 'line' as const,
    line: { text, raw: text, x0: 50, x1, y, size, bold, segments: [], runs: [] },
  });
  const page = (n: number, items: PageLayout['items']): PageLayout => ({ ...layout(n, []), items, pitch: 1.5 });

  // Thai lines wrap between words without a space: a Thai–Thai join in prose closes up
  it('joins the lines of a paragraph that reach the right margin, not list items or short lines', () => {
    const blocks = assemble([
      page(1, [
        line('ประเด็นที่ ๑ กระบวนการปฏิบัติงาน', 700, 300, 14),
        line('ส่วนหัวเรื่องตัวหนา', 670, 200, 10, true),
        line('จากการประเมินผล ได้คะแนน', 650),
        line('๘๗.๓๕ อยู่ในระดับ ผ่าน', 635),
        line('ดังนี้', 620, 100),
        line('๑. จัดทำคู่มือ', 605),
        line('๒. เผยแพร่', 590),
        line('ต่อท้ายรายการที่สอง', 575, 300),
        line('ย่อหน้าถัดไปยาวถึงขอบ', 100),
      ]),
      page(2, [line('ต่อจากหน้าก่อน', 700, 300)]),
    ]);
    expect(blocks.map((b) => [b.type, b.type === 'table' ? '' : b.text, b.source.page])).toEqual([
      ['heading', 'ประเด็นที่ ๑ กระบวนการปฏิบัติงาน', 1],
      ['paragraph', 'ส่วนหัวเรื่องตัวหนา', 1],
      ['paragraph', 'จากการประเมินผล ได้คะแนน ๘๗.๓๕ อยู่ในระดับ ผ่าน ดังนี้', 1],
      ['paragraph', '๑. จัดทำคู่มือ', 1],
      ['paragraph', '๒. เผยแพร่ต่อท้ายรายการที่สอง', 1],
      ['paragraph', 'ย่อหน้าถัดไปยาวถึงขอบต่อจากหน้าก่อน', 1],
    ]);
    expect(blocks[1]).toMatchObject({ bold: true });
  });
});

describe('pageQuality', () => {
  const q = (raw: string, imageCoverage = 0, paths = 0) => pageQuality({ ...layout(1, [], raw), imageCoverage, paths });
  it('accepts ordinary Thai, and what normalizeThai repairs (PUA marks, ำ ␠ า)', () => {
    expect(q('การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ')).toBeNull();
    expect(q('ประจ\u0e33 \u0e32ปีงบประมาณ น\uf70b\u0e33 ที\uf70a')).toBeNull();
  });
  it('leaves a blank page (no text, no image, next to no drawing) alone: nothing to OCR', () => {
    expect(q('')).toBeNull();
    expect(q('', 0.01, 12)).toBeNull();
  });
  it('flags no text, text over a page-size image, split sara am, orphan marks, Latin-1 mojibake, unmapped PUA', () => {
    expect(q('', 1)).toMatch(/no text layer \(an image/);
    expect(q('', 0, 1500)).toMatch(/outlines/);
    expect(q('หน้า ๑', 0.9)).toMatch(/almost no text/);
    expect(q('ค าน า ก าหนด ด าเนินการ จ านวน')).toMatch(/sara am/);
    expect(q('การประเม ิน ค ุณธรรม และความโปร ่งใส ท ี ่ ส ุ ด ข ้ อ')).toMatch(/marks/);
    expect(q('¡ÒÃ»ÃÐàÁÔ¹¤Ø³¸ÃÃÁáÅÐ¤ÇÒÁâ»Ãè§ãÊ')).toMatch(/Latin-1/);
    expect(q('\uf021\uf022\uf023\uf024\uf025\uf026\uf027\uf028\uf029\uf030 abc')).toMatch(/private-use/);
  });
});

describe('pdfjsNormalize', () => {
  it('gives what pdfjs’s normalizeUnicode gives, for every BMP character and for runs', async () => {
    const { pdfjs } = await loadPdfjs();
    const theirs = (pdfjs as unknown as { normalizeUnicode: (s: string) => string }).normalizeUnicode;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `ก${String.fromCharCode(c)}ข`;
      if (pdfjsNormalize(s) !== theirs(s)) throw new Error(`U+${c.toString(16)}: ${pdfjsNormalize(s)} vs ${theirs(s)}`);
    }
    for (const s of ['ﬁﬂ ﬃ', 'a\u00a0\u00a0b', 'ﬅ', 'ที่ตั้ง\u2003สำนักงาน', 'ไม่มีอะไร', '']) expect(pdfjsNormalize(s)).toBe(theirs(s));
  });
});
