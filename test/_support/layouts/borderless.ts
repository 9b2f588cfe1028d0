/**
 * table:borderless (session 11): the measure table drawn without ruling
 * lines, as a web page whose borders came from CSS a converter ignores, or a
 * Word table with its borders turned off, prints it; cell text vertically
 * centred in some documents and top-aligned in others, so a row's number,
 * period and budget sit in the middle (or at the top) of a tall cell of
 * wrapped text. Only a PDF loses anything: HTML and DOCX keep the table's
 * structure. Drawn from a random stream of its own so that a document
 * without it is byte-identical to before it existed.
 */
import { rng } from '../variants.js';
import { type Random, chance, pick } from './content.js';
import type { GBlock, Layout } from './types.js';

export const borderlessRng = (seed: number): Random => rng((seed ^ 0x3c6ef372) >>> 0);

export interface BorderlessPlan {
  /** Vertical alignment of every cell's text. */
  valign: 'middle' | 'top';
}

export function chooseBorderless(b: Random, l: Layout, force: Partial<Layout>): void {
  if ('borderless' in force) return;
  l.borderless = l.body === 'table' && chance(b, 0.3) ? { valign: pick(b, ['middle', 'top'] as const) } : false;
}

export function borderlessPhenomena(l: Layout): string[] {
  const p = l.borderless;
  return p ? ['table:borderless', `table:borderless-${p.valign}`] : [];
}

/** The plan written on every table block (the writers draw no rules and align cells as it says). */
export function markBorderless(blocks: GBlock[], l: Layout): void {
  const p = l.borderless;
  if (!p) return;
  for (const b of blocks) if (b.t === 'table') b.borderless = p;
}
