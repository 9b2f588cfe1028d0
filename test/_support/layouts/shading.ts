/**
 * Month or quarter columns shaded instead of marked: the cells of an item's
 * months filled with a colour, empty of text (a Gantt chart drawn in Word's
 * table shading or a web page's cell background). Added after session 8,
 * drawn from a random stream of its own so that a document without it is
 * byte-identical to before it existed. Plain text cannot show shading:
 * the text format is not written for such documents (run.ts).
 */
import { rng } from '../variants.js';
import { type Random, chance, pick } from './content.js';
import type { Layout } from './types.js';

export const shadeRng = (seed: number): Random => rng((seed ^ 0x6a09e667) >>> 0);

/** Fills as word processors offer them: greys, and the theme's orange, green and blue. */
const FILLS = ['BFBFBF', 'A6A6A6', 'D9D9D9', 'FFC000', '92D050', '8DB3E2', 'F4B183'] as const;

export function chooseShading(s: Random, l: Layout, force: Partial<Layout>): void {
  if ('shadedMarks' in force) return;
  l.shadedMarks = l.body === 'table' && (l.period === 'months' || l.period === 'quarters') && chance(s, 0.35) ? pick(s, FILLS) : false;
}

export function shadingPhenomena(l: Layout): string[] {
  return l.shadedMarks ? ['period:shaded'] : [];
}
