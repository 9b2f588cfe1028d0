/**
 * Phenomena added in session 11 after held-out set 3 (fixtures/heldout3),
 * drawn from a random stream of their own so that a document without any of
 * them is byte-identical to before they existed:
 *   - status:tickboxes: the status column's cell holds all three options,
 *     each behind a box, the item's ticked ("☑ ดำเนินการแล้ว ☐ อยู่ระหว่าง…");
 *     no box ticked for an item without a status;
 *   - sections:column-number: a section column ("ประเด็นที่") beside the
 *     number column holding the number alone;
 *   - item-score:two-years: the item's score in two columns, the assessed
 *     year's and the year before ("คะแนนปี ๒๕๖๖ | คะแนนปี ๒๕๖๗", in either
 *     order); the item's score is the assessed year's;
 *   - period:shaded-class: in HTML, shaded cells painted by a class of a
 *     <style> block, the others by a white class (as Google Docs exports).
 */
import { rng } from '../variants.js';
import { type Random, chance, int, pick } from './content.js';
import { digits } from './thai.js';
import type { Item, Layout, Status } from './types.js';

export const formsRng = (seed: number): Random => rng((seed ^ 0x6a09e667) >>> 0);

export interface FormsPlan {
  tickboxes: false | { on: string; off: string; oneLine: boolean };
  sectionNumbers: boolean;
  /** The two score columns' names (earlier year, assessed year) and whether the earlier comes first. */
  twoYears: false | { prev: string; cur: string; prevFirst: boolean };
  classShading: boolean;
}

const BOXES: Array<[string, string]> = [
  ['☑', '☐'],
  ['☒', '☐'],
  ['■', '□'],
  ['[x]', '[ ]'],
];
const OPTIONS: Array<[Status, string]> = [
  ['done', 'ดำเนินการแล้ว'],
  ['in_progress', 'อยู่ระหว่างดำเนินการ'],
  ['not_started', 'ยังไม่ได้ดำเนินการ'],
];

export function chooseForms(f: Random, l: Layout, fy: number, force: Partial<Layout>): void {
  if ('forms' in force) return;
  const table = l.body === 'table';
  const boxes = pick(f, BOXES);
  const tick = table && l.status === 'word' && !l.statusDated && chance(f, 0.8);
  const numbers = (l.sections === 'column-rowspan' || l.sections === 'column-repeated') && chance(f, 0.4);
  const scoreCol = Boolean(l.rowScore && l.rowScore.score === 'column') && chance(f, 0.5);
  const name = pick(f, ['คะแนนปี', 'คะแนน ปี', 'ผลคะแนนปี']);
  const d = l.digits;
  // the year right after ปี ("คะแนนปี๒๕๖๖", "คะแนน ปี๒๕๖๖")
  const twoYears = scoreCol ? { prev: `${name}${digits(fy - 2, d)}`, cur: `${name}${digits(fy - 1, d)}`, prevFirst: chance(f, 0.7) } : false;
  const classShading = Boolean(l.shadedMarks) && chance(f, 0.5);
  l.forms = tick || numbers || twoYears || classShading ? { tickboxes: tick ? { on: boxes[0], off: boxes[1], oneLine: chance(f, 0.4) } : false, sectionNumbers: numbers, twoYears, classShading } : false;
}

export function formsPhenomena(l: Layout): string[] {
  const p = l.forms;
  if (!p) return [];
  return [
    ...(p.tickboxes ? ['status:tickboxes'] : []),
    ...(p.sectionNumbers ? ['sections:column-number'] : []),
    ...(p.twoYears ? ['item-score:two-years'] : []),
    ...(p.classShading ? ['period:shaded-class'] : []),
  ];
}

/** The items' tick-box status cells and earlier-year scores. */
export function writeForms(items: Item[], l: Layout, f: Random): void {
  const p = l.forms;
  if (!p) return;
  for (const it of items) {
    if (p.tickboxes) {
      const { on, off, oneLine } = p.tickboxes;
      const lines = OPTIONS.map(([s, word]) => `${s === it.status ? on : off} ${word}`);
      it.cells = { ...it.cells, status: oneLine ? [lines.join(' ')] : lines };
    }
    if (p.twoYears) it.prevScoreText = it.score == null ? '' : digits(((4000 + int(f, 5999)) / 100).toFixed(2), l.digits);
  }
}
