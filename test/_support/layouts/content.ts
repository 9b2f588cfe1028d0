/**
 * Random choices for one generated document: its layout (which phenomena of
 * layouts.md it combines) and its measures (content from the pool), with
 * the expected entry of every measure.
 */
import { cellPhenomena } from './cells.js';
import { shadingPhenomena } from './shading.js';
import { assessmentPhenomena } from './assessment.js';
import { rowScorePhenomena } from './row-score.js';
import { formsPhenomena } from './forms.js';
import { borderlessPhenomena } from './borderless.js';
import { extraPhenomena, newPeriodForm } from './extra.js';
import { ISSUES, MEASURES, OUTCOMES, RESULTS, STEPS, UNITS } from './pool.js';
import { PERIOD_TEXT_FORMS, type Digits, type PeriodTextForm, bahtText, digits, spanFor, spanIso } from './thai.js';
import type { ExpectedEntry, Item, Layout, Status } from './types.js';

export type Random = () => number;

export const int = (random: Random, n: number): number => Math.floor(random() * n);
export const pick = <T>(random: Random, xs: readonly T[]): T => xs[int(random, xs.length)]!;
export const chance = (random: Random, p: number): boolean => random() < p;

export function shuffle<T>(random: Random, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(random, i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export function chooseLayout(random: Random, force: Partial<Layout> = {}): Layout {
  const body = chance(random, 0.15) ? 'paragraphs' : 'table';
  const sections =
    body === 'paragraphs'
      ? pick(random, ['none', 'heading-lines'] as const)
      : pick(random, ['none', 'heading-lines', 'section-rows', 'column-rowspan', 'column-repeated'] as const);
  const columnSection = sections === 'column-rowspan' || sections === 'column-repeated';
  const layout: Layout = {
    digits: chance(random, 0.6) ? 'thai' : 'arabic',
    body,
    sections,
    headingStyle: columnSection
      ? pick(random, ['prasen', 'dot', 'title-only'] as const)
      : pick(random, ['prasen', 'paren', 'dot', 'close-paren', 'number-only', 'truncated'] as const),
    seqStyle: pick(random, ['plain', 'plain', 'dot', 'paren', 'kho'] as const),
    seqRestart: chance(random, 0.3),
    period: body === 'paragraphs' ? 'text' : pick(random, ['text', 'text', 'start-end', 'months', 'quarters'] as const),
    monthMark: pick(random, ['✓', '✔', 'x', '●', '/', '→']),
    status: body === 'paragraphs' ? pick(random, ['none', 'word'] as const) : pick(random, ['none', 'none', 'word', 'checks'] as const),
    budget: chance(random, 0.35),
    codes: pick(random, ['none', 'column', 'in-issue'] as const),
    subRows: body === 'table' && chance(random, 0.3),
    continuations: body === 'table' && chance(random, 0.3),
    repeatedHeader: body === 'table' && chance(random, 0.3),
    pageFurniture: body === 'table' && chance(random, 0.3),
    templateRows: body === 'table' && chance(random, 0.2),
    noteRow: body === 'table' && chance(random, 0.3),
    cover: chance(random, 0.25),
    signatures: chance(random, 0.5),
    cellParagraphs: chance(random, 0.5),
    tablePerSection: chance(random, 0.5),
    codeFirst: false,
    spacer: false,
    subrowNumberCell: false,
    notesNumbered: false,
    periodLines: false,
    unitBullets: false,
    statusDated: false,
    shadedMarks: false,
    assessment: false,
    rowScore: false,
    forms: false,
    borderless: false,
    ...force,
  };
  if (layout.body === 'paragraphs' && layout.codes === 'column') layout.codes = 'in-issue';
  return layout;
}

/** Phenomena names of a layout (recorded on the document). */
export function layoutPhenomena(l: Layout): string[] {
  const out = [`format-digits:${l.digits}`, `body:${l.body}`, `sections:${l.sections}`];
  if (l.sections !== 'none') out.push(`heading:${l.headingStyle}`);
  if (l.body === 'table') out.push(`period:${l.period}`);
  if (l.body === 'table') out.push(`seq:${l.seqStyle}`);
  out.push(`status:${l.status}`, `codes:${l.codes}`);
  if (l.budget) out.push('budget');
  for (const k of ['subRows', 'continuations', 'repeatedHeader', 'pageFurniture', 'templateRows', 'noteRow', 'cover', 'signatures'] as const) {
    if (l[k]) out.push(k);
  }
  return [...out, ...extraPhenomena(l), ...cellPhenomena(l), ...shadingPhenomena(l), ...assessmentPhenomena(l), ...rowScorePhenomena(l), ...formsPhenomena(l), ...borderlessPhenomena(l)];
}

const TOOLS = [
  ['i', 15],
  ['e', 15],
  ['o', 30],
] as const;

/** Item codes of a row and how they are written: one, several, or a range. */
function codesFor(random: Random, d: Digits): { codes: string[]; text: string; phenomena: string[] } {
  const [tool, max] = pick(random, TOOLS);
  const letter = chance(random, 0.5) ? tool.toUpperCase() : tool;
  const code = (n: number): string => `${letter}${digits(n, d)}`;
  const prefix = chance(random, 0.5) ? 'ข้อ ' : '';
  const r = random();
  if (r < 0.6) {
    const n = 1 + int(random, max);
    return { codes: [`${tool}${n}`], text: `${prefix}${code(n)}`, phenomena: ['codes:one'] };
  }
  if (r < 0.85) {
    const count = 2 + int(random, 2);
    const ns = shuffle(random, Array.from({ length: max }, (_, i) => i + 1)).slice(0, count).sort((a, b) => a - b);
    const written = ns.map(code);
    const joined =
      chance(random, 0.5)
        ? written.join(', ')
        : `${written.slice(0, -1).join(' ')} และ ${written[written.length - 1]}`;
    return { codes: ns.map((n) => `${tool}${n}`), text: `${prefix}${joined}`, phenomena: ['codes:several'] };
  }
  const a = 1 + int(random, max - 3);
  // a range never runs past the last item of its tool (EIT has 15: "E12-E16" names no real item)
  const b = Math.min(max, a + 2 + int(random, 3));
  const sep = pick(random, [' – ', '-', ' ถึง ']);
  const codes = Array.from({ length: b - a + 1 }, (_, i) => `${tool}${a + i}`);
  return { codes, text: `${prefix}${code(a)}${sep}${code(b)}`, phenomena: ['codes:range'] };
}

/** Measures for the chosen sections: 1–3 per section (4–10 without sections), sub-rows and continuations marked. */
export function chooseItems(random: Random, layout: Layout, x: Random): Item[] {
  const sectionNumbers: Array<number | null> =
    layout.sections === 'none'
      ? [null]
      : [1, 2, 3, 4, 5, 6, 7].filter(() => chance(random, 0.6)).slice(0, 6);
  if (sectionNumbers.length === 0) sectionNumbers.push(1 + int(random, 7));
  const used = new Set<string>();
  const takeMeasure = (section: number | null): string => {
    const own = section === null ? MEASURES.flat() : MEASURES[section - 1]!;
    let free = own.filter((m) => !used.has(m));
    if (free.length === 0) free = MEASURES.flat().filter((m) => !used.has(m));
    const m = pick(random, free);
    used.add(m);
    return m;
  };
  const items: Item[] = [];
  let seq = 0;
  for (const section of sectionNumbers) {
    if (layout.seqRestart) seq = 0;
    const count = section === null ? 4 + int(random, 5) : 1 + int(random, 3);
    for (let k = 0; k < count && used.size < 33; k++) {
      seq++;
      const parent = makeItem(random, x, layout, section, seq, null, takeMeasure(section));
      items.push(parent);
      if (layout.subRows && (items.length === 1 || chance(random, 0.4))) {
        const subs = 2 + int(random, 2);
        for (let s = 0; s < subs && used.size < 33; s++) {
          items.push(makeItem(random, x, layout, section, null, seq, takeMeasure(section)));
        }
      }
    }
  }
  if (layout.continuations) {
    const rows = items.filter((i) => i.parentSeq === null);
    for (const it of shuffle(random, rows).slice(0, 1 + int(random, 2))) {
      it.continued = true;
      it.phenomena.push('continuation');
    }
  }
  return items;
}

const STATUSES: Status[] = ['done', 'in_progress', 'not_started'];

function makeItem(random: Random, x: Random, layout: Layout, section: number | null, seq: number | null, parentSeq: number | null, measure: string): Item {
  const d = layout.digits;
  const code = layout.codes === 'none' ? null : codesFor(random, d);
  const forms: readonly PeriodTextForm[] = layout.period === 'quarters' ? ['quarter'] : PERIOD_TEXT_FORMS;
  let periodForm: Item['periodForm'] = pick(random, forms);
  let span = layout.period === 'months' ? spanFor('abbr', random) : spanFor(periodForm, random);
  const phenomena: string[] = [...(code?.phenomena ?? [])];
  const written = layout.body !== 'table' || layout.period === 'text';
  const changed = written ? newPeriodForm(x, periodForm, span) : null;
  if (changed) ({ form: periodForm, span } = changed);
  if (written) phenomena.push(`period-form:${periodForm}`);
  if (parentSeq !== null && layout.subrowNumberCell) phenomena.push('subrow:number-cell');
  if (parentSeq !== null) phenomena.push('subrow');
  const units = shuffle(random, UNITS).slice(0, 1 + int(random, 3));
  return {
    section,
    seq,
    parentSeq,
    measure,
    steps: shuffle(random, STEPS).slice(0, 1 + int(random, 3)),
    result: pick(random, RESULTS),
    outcome: pick(random, OUTCOMES),
    issue: pick(random, ISSUES),
    codes: code?.codes ?? [],
    codeText: code?.text ?? '',
    span,
    periodForm,
    units,
    status: layout.status === 'none' ? null : pick(random, STATUSES),
    budget: layout.budget ? (chance(random, 0.4) ? 0 : pick(random, [5000, 12000, 20000, 35000, 50000, 120000, 250000])) : null,
    continued: false,
    phenomena,
  };
}

/** The written budget cell of an item (also the expected `raw`). */
export function budgetRaw(it: Item, d: Digits, random: Random): string {
  if (it.budget === null) return '';
  return it.budget === 0 ? 'ไม่ใช้งบประมาณ' : bahtText(it.budget, d, random);
}

export function expectedEntry(it: Item, layout: Layout, fy: number, budgetText: string): ExpectedEntry {
  return {
    kind: layout.body === 'table' ? 'row' : 'paragraph',
    section: it.section,
    seq: it.seq,
    parentSeq: it.parentSeq,
    itemCodes: it.codes,
    periods: [spanIso(fy, it.span)],
    responsible: it.units,
    status: it.status,
    budget: it.budget === null ? null : { baht: it.budget, raw: budgetText },
    measure: digits(it.measure, layout.digits),
    phenomena: it.phenomena,
    ...(it.score !== undefined ? { score: it.score } : {}),
  };
}
