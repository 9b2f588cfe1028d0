/**
 * Marks that are no text, taken off a page before recognition: a round
 * stamp, a signature, a drawn emblem. On a colour scan ink.ts drops
 * them by their colour; a 1-bit scan (CCITT, JBIG2) or a grey one has
 * none, and there a stamp's ring over a paragraph is a dark mark ten
 * letters wide and tall through which Tesseract's page segmentation sees
 * no text lines: whole lines beside it were lost, not only the letters
 * under it.
 *
 * A mark is a connected patch of ink at least {@link MARK_HEIGHTS} text
 * heights wide and as tall (a letter, a word, a line of text is never that
 * tall, nor two lines whose letters touch), at most {@link MAX_MARK_HEIGHTS}
 * wide (lines run together by a heavy scan span the text's width), with
 * no ruling line in it (a table, a frame, a box around text keep their
 * rules and are left to the grid). Its pixels become paper; the letters that touch it go
 * with it (they are a few, against the lines kept). Smaller ink inside the
 * ring (its own lettering, an emblem) is left: it is letter-sized.
 */
import { EIGHT, components } from './_components.js';
import type { RuleLine, Rules } from './rules.js';
import type { GreyImage } from './types.js';

/** A mark is at least this many text heights wide and tall (0.6 inch for body text a tenth of an inch high)... */
export const MARK_HEIGHTS = 6;
/** ... and at most this many wide (3 inches: a stamp, a signature). */
export const MAX_MARK_HEIGHTS = 30;

/** Pixels of the image dropped as marks, and how many marks. */
export interface MarksResult<T extends GreyImage> {
  image: T;
  marks: number;
}

/**
 * Does a ruling line (deskewed coordinates, a skew small enough to leave boxes nearly as they are) lie
 * inside the box, over half its extent (a frame's or a table's rules run along it; the side of a
 * stamp's ring is found as a short upright "rule" too)?
 */
function ruleInside(l: RuleLine, horizontal: boolean, x0: number, y0: number, x1: number, y1: number, pad: number): boolean {
  const [a0, a1, p0, p1] = horizontal ? [x0, x1, y0, y1] : [y0, y1, x0, x1];
  return l.pos >= p0 - pad && l.pos <= p1 + pad && l.b >= a0 - pad && l.a <= a1 + pad && l.b - l.a >= 0.5 * (a1 - a0);
}

/**
 * The image with its large marks turned to paper (see the module comment);
 * the image itself when it has none. `dark` is the grey under which a
 * pixel is ink, `paper` the level it becomes, `H` the text height in
 * pixels, `rules` the page's ruling lines.
 */
export function withoutLargeMarks<T extends GreyImage>(img: T, H: number, dark: number, paper: number, rules: Rules): MarksResult<T> {
  const { width, height, data } = img;
  if (H <= 0 || width < 1 || height < 1) return { image: img, marks: 0 };
  const big = MARK_HEIGHTS * H;
  const pad = 0.5 * H;
  const found = components(width, height, (i) => (data[i] as number) < dark, EIGHT, true);
  const drop = new Set<number>();
  found.parts.forEach((c, k) => {
    if (c.x1 - c.x0 + 1 < big || c.y1 - c.y0 + 1 < big || c.x1 - c.x0 + 1 > MAX_MARK_HEIGHTS * H) return;
    if (rules.horizontal.some((l) => ruleInside(l, true, c.x0, c.y0, c.x1, c.y1, pad))) return;
    if (rules.vertical.some((l) => ruleInside(l, false, c.x0, c.y0, c.x1, c.y1, pad))) return;
    drop.add(k);
  });
  if (drop.size === 0) return { image: img, marks: 0 };
  const out = Uint8Array.from(data);
  const label = found.label as Int32Array;
  for (let i = 0; i < out.length; i++) if (drop.has(label[i] as number)) out[i] = paper;
  return { image: { ...img, data: out }, marks: drop.size };
}
