/**
 * What a measure table may say about the item it answers (layouts.md,
 * "Codes … with the item's score beside it or in its own column";
 * "Indicator column: ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ or IIT/EIT/OIT"):
 * the item's score in a column of its own or after its code, and the
 * indicator or tool the item belongs to in a column. Added in session 10,
 * drawn from a random stream of its own so that a document without it is
 * byte-identical to before it existed.
 */
import { rng } from '../variants.js';
import { type Random, chance, int, pick } from './content.js';
import { INDICATORS } from './assessment.js';
import { digits } from './thai.js';
import type { Item, Layout } from './types.js';

export const rowScoreRng = (seed: number): Random => rng((seed ^ 0x510e527f) >>> 0);

export interface RowScorePlan {
  /** The item's score: none, in a "คะแนน" column, or after its code in the code's cell. */
  score: 'none' | 'column' | 'beside-code';
  /** The item's indicator ("ตัวชี้วัดที่ ๒ การใช้งบประมาณ") or tool ("IIT") in a column. */
  indicator: 'none' | 'number-name' | 'tool';
  scoreName: string;
  indicatorName: string;
}

export function chooseRowScore(r: Random, l: Layout, force: Partial<Layout>): void {
  if ('rowScore' in force) return;
  if (l.body !== 'table' || !chance(r, 0.3)) {
    l.rowScore = false;
    return;
  }
  const score = l.codes !== 'none' && chance(r, 0.4) ? 'beside-code' : chance(r, 0.6) ? 'column' : 'none';
  const indicator = score === 'none' || chance(r, 0.4) ? pick(r, ['number-name', 'tool'] as const) : 'none';
  l.rowScore = {
    score,
    indicator,
    scoreName: pick(r, ['คะแนน', 'ผลคะแนน', 'คะแนนที่ได้', 'ค่าคะแนน']),
    indicatorName: pick(r, ['ตัวชี้วัดที่', 'ตัวชี้วัดการประเมิน', indicator === 'tool' ? 'เครื่องมือ' : 'ตัวชี้วัดหลัก']),
  };
}

export function rowScorePhenomena(l: Layout): string[] {
  const p = l.rowScore;
  if (!p) return [];
  return [...(p.score !== 'none' ? [`item-score:${p.score}`] : []), ...(p.indicator !== 'none' ? [`indicator-column:${p.indicator}`] : [])];
}

const NAMES = INDICATORS.map((x) => x.name);
/** Indicators of each tool (ita-primer.md): IIT 1–5, EIT 6–8, OIT 9–10. */
const OF_TOOL: Record<string, number[]> = { i: [1, 2, 3, 4, 5], e: [6, 7, 8], o: [9, 10] };

/**
 * Each item's score and indicator cell, and how its code cell reads with the
 * score after it. Only a data row with one code (or any data row, in a
 * score column) carries a score; sub-rows and code lists do not.
 */
export function writeRowScores(items: Item[], l: Layout, r: Random): void {
  const p = l.rowScore;
  if (!p) return;
  const d = l.digits;
  for (const it of items) {
    const tool = it.codes[0]?.[0] ?? pick(r, ['i', 'e', 'o']);
    const n = pick(r, OF_TOOL[tool]!);
    it.indicatorText =
      p.indicator === 'number-name'
        ? `ตัวชี้วัดที่ ${digits(n, d)} ${NAMES[n - 1]}`
        : p.indicator === 'tool'
          ? `${tool.toUpperCase()}IT`
          : undefined;
    const scored = it.parentSeq === null && (p.score === 'column' || (p.score === 'beside-code' && it.codes.length === 1));
    if (p.score === 'none') continue;
    it.score = scored ? (5000 + int(r, 4999)) / 100 : null;
    const s = it.score === null ? '' : digits(it.score.toFixed(2), d);
    if (p.score === 'column') it.scoreText = s;
    else if (it.score !== null) it.codeText = pick(r, [`${it.codeText} (${s})`, `${it.codeText} = ${s} คะแนน`, `${it.codeText} ได้ ${s} คะแนน`]);
  }
}
