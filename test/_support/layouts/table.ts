/**
 * Measures laid out as a table: a random column set in a random order under
 * random names, one- or two-row headers, sections as heading lines, section
 * rows or a section column, sub-rows, continuations across page breaks,
 * repeated headers, template and note rows.
 */
import { type Random, chance, int, pick, shuffle } from './content.js';
import { NOTES, SECTION_TITLES } from './pool.js';
import { PERCENT_NAMES, anyPeriodText, numberedNotes, percentText } from './extra.js';
import { MONTH_ABBR, type Digits, digits, periodCells } from './thai.js';
import type { GBlock, GCell, GRow, Item, Layout, Status } from './types.js';

type Role = 'seq' | 'section' | 'code' | 'issue' | 'measure' | 'steps' | 'period' | 'responsible' | 'result' | 'outcome' | 'status' | 'budget' | 'spacer' | 'score' | 'indicator' | 'score-prev';

interface Column {
  role: Role;
  /** Header: one name, or a group over sub-names (two-row header). */
  name: string;
  subs: string[] | null;
}

const NAMES: Record<Exclude<Role, 'period' | 'status' | 'spacer' | 'score' | 'indicator' | 'score-prev'>, string[]> = {
  seq: ['ลำดับ', 'ที่', 'ลำดับที่'],
  section: ['ประเด็น', 'ประเด็นการประเมิน', 'ประเด็นที่'],
  code: ['ข้อ', 'ตัวชี้วัด', 'ข้อคำถาม'],
  issue: ['ประเด็นที่ต้องพัฒนา', 'ข้อบกพร่อง/ประเด็นที่ต้องแก้ไข', 'สาเหตุ'],
  measure: ['มาตรการ', 'แนวทาง', 'กิจกรรม', 'โครงการ', 'มาตรการ/กิจกรรม', 'แนวทางการพัฒนา'],
  steps: ['ขั้นตอน', 'วิธีการ', 'วิธีดำเนินงาน', 'ขั้นตอนหรือวิธีการ'],
  responsible: ['ผู้รับผิดชอบ', 'หน่วยงานที่รับผิดชอบ', 'ผู้ดำเนินการ', 'หน่วยงานรับผิดชอบ'],
  result: ['ผลการดำเนินการ', 'สรุปผลการดำเนินงาน'],
  outcome: ['ผลลัพธ์', 'ผลสำเร็จ', 'ผลลัพธ์ที่คาดว่าจะได้รับ'],
  budget: ['งบประมาณ (บาท)', 'งบประมาณ', 'งบประมาณที่ใช้'],
};
const PERIOD_NAMES = ['ระยะเวลาดำเนินการ', 'ห้วงเวลา', 'กรอบระยะเวลา', 'ช่วงเวลา', 'ระยะเวลา'];
const STATUS_WORDS: Record<Status, string[]> = {
  done: ['ดำเนินการแล้ว', 'ดำเนินการแล้วเสร็จ'],
  in_progress: ['อยู่ระหว่างดำเนินการ'],
  not_started: ['ยังไม่ได้ดำเนินการ', 'ยังไม่ดำเนินการ'],
};
const STATUS_ORDER: Status[] = ['done', 'in_progress', 'not_started'];

function columns(random: Random, l: Layout, d: Digits, x: Random): Column[] {
  const col = (role: Exclude<Role, 'period' | 'status' | 'spacer' | 'score' | 'indicator' | 'score-prev'>): Column => ({ role, name: pick(random, NAMES[role]), subs: null });
  const rest: Column[] = [col('measure'), col('responsible')];
  if (l.codes === 'column') rest.push(col('code'));
  if (l.codes === 'in-issue' || chance(random, 0.3)) rest.push(col('issue'));
  if (chance(random, 0.5)) rest.push(col('steps'));
  if (chance(random, 0.4)) rest.push(col('result'));
  if (chance(random, 0.3)) rest.push(col('outcome'));
  if (l.budget) rest.push(col('budget'));
  const two = chance(random, 0.6);
  const period: Column =
    l.period === 'text'
      ? { role: 'period', name: pick(random, PERIOD_NAMES), subs: null }
      : l.period === 'start-end'
        ? two
          ? { role: 'period', name: pick(random, PERIOD_NAMES), subs: ['เริ่ม', 'สิ้นสุด'] }
          : { role: 'period', name: '', subs: ['วันเริ่มต้น', 'วันสิ้นสุด'] }
        : l.period === 'months'
          ? { role: 'period', name: two ? 'years' : '', subs: MONTH_ABBR.map((m) => m) }
          : two
            ? { role: 'period', name: 'ไตรมาส', subs: [1, 2, 3, 4].map((q) => digits(q, d)) }
            : { role: 'period', name: '', subs: [1, 2, 3, 4].map((q) => `ไตรมาส ${digits(q, d)}`) };
  rest.push(period);
  if (l.status === 'word') rest.push({ role: 'status', name: pick(random, ['สถานะ', 'สถานะการดำเนินการ', 'ผลการดำเนินงาน']), subs: null });
  if (l.status === 'percent') rest.push({ role: 'status', name: pick(x, PERCENT_NAMES), subs: null });
  if (l.status === 'checks')
    rest.push({ role: 'status', name: chance(random, 0.7) ? 'สถานะการดำเนินการ' : '', subs: ['ดำเนินการแล้ว', 'อยู่ระหว่างดำเนินการ', 'ยังไม่ได้ดำเนินการ'] });
  const ordered = shuffle(random, rest);
  const out = chance(random, 0.9) ? [col('seq'), ...ordered] : [...ordered.slice(0, 1), col('seq'), ...ordered.slice(1)];
  if (l.sections === 'column-rowspan' || l.sections === 'column-repeated') out.unshift(col('section'));
  if (l.codeFirst) {
    const at = out.findIndex((c) => c.role === 'code');
    out.unshift(...out.splice(at, 1));
  }
  if (l.spacer) out.splice(1 + int(x, out.length - 1), 0, { role: 'spacer', name: '', subs: null });
  return out;
}

/** row-score.ts's columns: the indicator before the code (or after the number), the score after the code (or the measure). */
function withRowScoreColumns(cols: Column[], l: Layout): Column[] {
  const p = l.rowScore;
  if (!p) return cols;
  const out = [...cols];
  const code = out.findIndex((c) => c.role === 'code');
  const two = l.forms ? l.forms.twoYears : false;
  const scoreCols: Column[] = !two
    ? [{ role: 'score', name: p.scoreName, subs: null }]
    : two.prevFirst
      ? [{ role: 'score-prev', name: two.prev, subs: null }, { role: 'score', name: two.cur, subs: null }]
      : [{ role: 'score', name: two.cur, subs: null }, { role: 'score-prev', name: two.prev, subs: null }];
  if (p.score === 'column') out.splice((code >= 0 ? code : out.findIndex((c) => c.role === 'measure')) + 1, 0, ...scoreCols);
  if (p.indicator !== 'none') {
    const at = out.findIndex((c) => c.role === 'code');
    out.splice(at >= 0 ? at : out.findIndex((c) => c.role === 'seq') + 1, 0, { role: 'indicator', name: p.indicatorName, subs: null });
  }
  return out;
}

const width = (c: Column): number => c.subs?.length ?? 1;

/** Header rows: one, or two when any column has sub-names under a group name. */
function headerRows(cols: Column[], d: Digits, fy: number): GRow[] {
  const two = cols.some((c) => c.subs && c.name);
  if (!two) {
    return [{ header: true, cells: cols.flatMap((c) => (c.subs ?? [c.name]).map((n) => ({ lines: [n] }))) }];
  }
  const top: Array<GCell | null> = [];
  const bottom: Array<GCell | null> = [];
  for (const c of cols) {
    if (!c.subs) {
      top.push({ lines: [c.name], rowSpan: 2 });
      bottom.push(null);
    } else if (!c.name) {
      // sub-names without a group: each spans both rows
      for (const s of c.subs) {
        top.push({ lines: [s], rowSpan: 2 });
        bottom.push(null);
      }
    } else if (c.name === 'years') {
      top.push({ lines: [`พ.ศ. ${digits(fy - 1, d)}`], colSpan: 3 }, null, null);
      top.push({ lines: [`พ.ศ. ${digits(fy, d)}`], colSpan: 9 }, ...Array<null>(8).fill(null));
      bottom.push(...c.subs.map((s) => ({ lines: [s] })));
    } else {
      top.push({ lines: [c.name], colSpan: c.subs.length }, ...Array<null>(c.subs.length - 1).fill(null));
      bottom.push(...c.subs.map((s) => ({ lines: [s] })));
    }
  }
  return [
    { header: true, cells: top },
    { header: true, cells: bottom },
  ];
}

export function sectionHeading(n: number, l: Layout, random: Random): string {
  const d = l.digits;
  const title = SECTION_TITLES[n - 1]!;
  const num = digits(n, d);
  switch (l.headingStyle) {
    case 'prasen':
      return `ประเด็นที่ ${num} ${title}`;
    case 'paren':
      return `(${num}) ${title}`;
    case 'dot':
      return `${num}. ${title}`;
    case 'close-paren':
      return `${num}) ${title}`;
    case 'number-only':
      return `ประเด็นที่ ${num}`;
    case 'title-only':
      return title;
    case 'truncated': {
      // cut before a consonant so no mark is left hanging
      const cuts = [...title.matchAll(/[ก-ฮ]/g)].map((m) => m.index!).filter((i) => i >= title.length * 0.5);
      return `ประเด็นที่ ${num} ${title.slice(0, cuts.length ? pick(random, cuts) : title.length)}`;
    }
  }
}

function seqText(n: number, l: Layout): string {
  const s = digits(n, l.digits);
  return l.seqStyle === 'dot' ? `${s}.` : l.seqStyle === 'paren' ? `(${s})` : l.seqStyle === 'kho' ? `ข้อ ${s}` : s;
}

/** Split text before a consonant near its middle (a page break inside a cell). */
export function splitText(text: string, random: Random): [string, string] {
  const cuts = [...text.matchAll(/[ก-ฮA-Za-z]/g)].map((m) => m.index!).filter((i) => i > text.length * 0.35 && i < text.length * 0.7);
  const at = cuts.length ? pick(random, cuts) : Math.floor(text.length / 2);
  return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
}

interface Ctx {
  random: Random;
  /** extra.ts's stream (new phenomena). */
  x: Random;
  l: Layout;
  fy: number;
  cols: Column[];
  budgets: Map<Item, string>;
  sep: string;
}

function roleCells(c: Column, it: Item, x: Ctx, subIndex: number): GCell[] {
  const { l, random } = x;
  const d = l.digits;
  const one = (s: string): GCell[] => [{ lines: s ? [s] : [] }];
  switch (c.role) {
    case 'seq':
      if (it.parentSeq !== null && l.subrowNumberCell) return one(`${digits(it.parentSeq, d)}.${digits(subIndex, d)}`);
      return one(it.seq === null ? '' : seqText(it.seq, l));
    case 'spacer':
      return one('');
    case 'section':
      return one(''); // filled by the section pass
    case 'code':
      return one(it.codeText);
    case 'score':
      return one(it.scoreText ?? '');
    case 'indicator':
      return one(it.indicatorText ?? '');
    case 'score-prev':
      return one(it.prevScoreText ?? '');
    case 'issue':
      if (l.codes !== 'in-issue') return one(digits(it.issue, d));
      return one(chance(random, 0.5) ? `${it.codeText} ${digits(it.issue, d)}` : `${digits(it.issue, d)} (${it.codeText})`);
    case 'measure': {
      const m = digits(it.measure, d);
      if (it.parentSeq === null || l.subrowNumberCell) return one(m);
      const mark = pick(random, ['num', '-', '•']);
      const prefix = mark === 'num' ? `${digits(it.parentSeq, d)}.${digits(subIndex, d)} ` : `${mark} `;
      return one(prefix + m);
    }
    case 'steps': {
      const steps = it.steps.map((s, i) => (it.steps.length > 1 ? `${digits(i + 1, d)}. ${s}` : s));
      return [{ lines: l.cellParagraphs ? steps : [steps.join(' ')] }];
    }
    case 'responsible':
      if (it.cells?.responsible) return [{ lines: it.cells.responsible }];
      return [{ lines: x.sep === '\n' ? it.units : [it.units.join(x.sep)] }];
    case 'result':
      return one(digits(it.result, d));
    case 'outcome':
      return one(digits(it.outcome, d));
    case 'budget':
      return one(x.budgets.get(it) ?? '');
    case 'status':
      if (l.status === 'percent') return one(percentText(it.status, d, x.x));
      if (it.cells?.status) return [{ lines: it.cells.status }];
      if (!c.subs) return one(it.status ? pick(random, STATUS_WORDS[it.status]) : '');
      return STATUS_ORDER.map((s) => ({ lines: s === it.status ? [pick(random, ['✓', '✔', '/'])] : [] }));
    case 'period': {
      if (l.period === 'text' && it.cells?.period) return [{ lines: it.cells.period }];
      if (l.period === 'text') return one(anyPeriodText(x.fy, it.span, it.periodForm, d, random));
      if (l.period === 'start-end') return periodCells(x.fy, it.span, d, chance(random, 0.5)).map((s) => ({ lines: [s] }));
      const byClass = Boolean(l.forms && l.forms.classShading);
      const on = (yes: boolean): GCell =>
        !yes ? { lines: [], ...(byClass ? { shadedByClass: true } : {}) } : l.shadedMarks ? { lines: [], shaded: l.shadedMarks, ...(byClass ? { shadedByClass: true } : {}) } : { lines: [l.monthMark] };
      if (l.period === 'months') return MONTH_ABBR.map((_, k) => on(k >= it.span.first && k <= it.span.last));
      return [0, 1, 2, 3].map((q) => on(q * 3 >= it.span.first && q * 3 <= it.span.last));
    }
  }
}

function itemRow(it: Item, x: Ctx, subIndex: number): GRow {
  return { cells: x.cols.flatMap((c) => roleCells(c, it, x, subIndex)) };
}

/** A continued row: its first part, and the part after the page break. */
function splitRow(row: GRow, x: Ctx): [GRow, GRow] {
  const first: GRow = { cells: row.cells.map((c) => (c ? { ...c, lines: [...c.lines] } : c)) };
  const second: GRow = { cells: row.cells.map(() => ({ lines: [] })) };
  let at = 0;
  for (const c of x.cols) {
    const splittable = c.role === 'measure' || ((c.role === 'steps' || c.role === 'result') && chance(x.random, 0.5));
    const cell = first.cells[at];
    if (splittable && cell && cell.lines.length > 0) {
      const last = cell.lines.length - 1;
      const [a, b] = splitText(cell.lines[last]!, x.random);
      cell.lines[last] = a;
      second.cells[at] = { lines: [b] };
    }
    at += width(c);
  }
  return [first, second];
}

const TEMPLATE_ROW = (n: number, dash: boolean): GRow => ({ cells: Array.from({ length: n }, () => ({ lines: dash ? ['-'] : [] })) });

/**
 * Table blocks for the items. Page breaks (with the header repeated or not,
 * page furniture between) come before every continuation and, with
 * repeatedHeader, at random rows.
 */
export function tableBlocks(
  items: Item[],
  l: Layout,
  fy: number,
  budgets: Map<Item, string>,
  random: Random,
  extra: Random,
): { blocks: GBlock[]; pages: number } {
  const d = l.digits;
  const cols = withRowScoreColumns(columns(random, l, d, extra), l);
  const x: Ctx = { random, x: extra, l, fy, cols, budgets, sep: pick(random, [' ', ' / ', ', ', '\n']) };
  const header = headerRows(cols, d, fy);
  const n = header[0]!.cells.length;
  const seqAt = cols.slice(0, cols.findIndex((c) => c.role === 'seq')).reduce((w, c) => w + width(c), 0);
  const blocks: GBlock[] = [];
  let rows: GRow[] = [];
  let page = 1;
  const sectionOf = new Map<GRow, number | null>();
  const flush = () => {
    if (rows.length > 0) blocks.push({ t: 'table', rows: withSectionColumn(rows, sectionOf, l, random) });
    rows = [];
  };
  const pageBreak = (repeat: boolean) => {
    flush();
    blocks.push({ t: 'page' });
    page++;
    if (l.pageFurniture) blocks.push({ t: 'line', text: chance(random, 0.5) ? `- ${digits(page, d)} -` : `หน้า ${digits(page, d)}`, style: 'center' });
    if (repeat) rows.push(...header);
  };
  let section: number | null | undefined;
  let subIndex = 0;
  if (l.sections !== 'caption-rows') rows.push(...header);
  // with repeatedHeader, at least one page break between rows (more at random)
  const breakAt = 1 + int(random, Math.max(1, items.length - 1));
  items.forEach((it, at) => {
    if (it.section !== section) {
      section = it.section;
      if (it.section !== null && l.sections === 'heading-lines') {
        const line: GBlock = { t: 'line', text: sectionHeading(it.section, l, random), style: 'heading', bold: chance(random, 0.5) };
        if (blocks.length === 0 && rows.length === header.length) {
          // nothing written yet: the heading goes above the first table
          blocks.push(line);
        } else {
          flush();
          blocks.push(line);
          if (l.tablePerSection) rows.push(...header);
        }
      }
      if (it.section !== null && l.sections === 'caption-rows') {
        // one table per issue: its heading merged over the columns, above the header
        flush();
        const caption: GRow = { cells: [{ lines: [sectionHeading(it.section, l, random)], colSpan: n, bold: chance(extra, 0.5) }, ...Array<null>(n - 1).fill(null)] };
        rows.push(caption, ...header);
      }
      if (it.section !== null && l.sections === 'section-rows') {
        rows.push({ cells: [{ lines: [sectionHeading(it.section, l, random)], colSpan: n, bold: chance(random, 0.5) }, ...Array<null>(n - 1).fill(null)] });
      }
    }
    subIndex = it.parentSeq === null ? 0 : subIndex + 1;
    if (l.repeatedHeader && !it.continued && (at === breakAt || (rows.length > header.length + 2 && chance(random, 0.15)))) pageBreak(true);
    const row = itemRow(it, x, subIndex);
    sectionOf.set(row, it.section);
    if (it.continued) {
      const [a, b] = splitRow(row, x);
      sectionOf.set(a, it.section);
      sectionOf.set(b, it.section);
      rows.push(a);
      pageBreak(l.repeatedHeader);
      if (chance(random, 0.3)) b.cells[seqAt] = { lines: ['(ต่อ)'] };
      rows.push(b);
    } else {
      rows.push(row);
    }
  });
  if (l.templateRows) {
    const dash = chance(random, 0.5);
    for (let k = 0, m = 1 + int(random, 2); k < m; k++) rows.push(TEMPLATE_ROW(n, dash));
  }
  if (l.noteRow) {
    if (chance(random, 0.5)) rows.push({ cells: [{ lines: [digits(pick(random, NOTES), d)], colSpan: n }, ...Array<null>(n - 1).fill(null)] });
    else {
      flush();
      blocks.push({ t: 'line', text: digits(pick(random, NOTES), d), style: 'plain' });
    }
  }
  if (l.notesNumbered) {
    flush();
    for (const t of numberedNotes(d, extra)) blocks.push({ t: 'line', text: t, style: 'plain' });
  }
  flush();
  return { blocks, pages: page };
}

/** Fill the section column: the heading on every row, or once per run with a rowspan. */
function withSectionColumn(rows: GRow[], sectionOf: Map<GRow, number | null>, l: Layout, random: Random): GRow[] {
  if (l.sections !== 'column-rowspan' && l.sections !== 'column-repeated') return rows;
  const text = new Map<number, string>();
  const heading = (s: number) => text.get(s) ?? (text.set(s, l.forms && l.forms.sectionNumbers ? digits(s, l.digits) : sectionHeading(s, l, random)), text.get(s)!);
  let runStart = -1;
  let runSection: number | null | undefined;
  rows.forEach((r, i) => {
    const s = sectionOf.get(r);
    if (s === undefined || s === null) {
      runSection = undefined;
      return;
    }
    if (l.sections === 'column-repeated' || s !== runSection) {
      r.cells[0] = { lines: [heading(s)] };
      runStart = i;
      runSection = s;
    } else {
      r.cells[0] = null;
      rows[runStart]!.cells[0]!.rowSpan = i - runStart + 1;
    }
  });
  return rows;
}

