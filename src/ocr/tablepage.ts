/**
 * A page image made ready for reading its ruled tables, before recognition:
 *
 * 0. Shaded cells (mid-grey fills) made paper, their ink kept (shading.ts):
 *    a rule between two shaded cells is otherwise no thin line. The grids
 *    keep the shading found, so their cells can say they were shaded.
 * 1. Skew from the page's long horizontal rules (rules.ts measureSkew).
 *    The image is not turned: grids and words are deskewed as coordinates
 *    (x' = x + s·y, y' = y − s·x), which keeps the glyphs as scanned for
 *    recognition and for the digit templates (resampling blurs them).
 * 2. Rules and grids found in deskewed coordinates (rules.ts, grid.ts);
 *    rows whose horizontal rules are lost (a 1-bit scan), and tables framed
 *    by vertical rules only, from the text (inferred-grid.ts).
 * 3. The rules of the grids erased: across each rule, the thin run of ink
 *    on it (and a pixel of its blurred edge) becomes background, so
 *    recognition sees cells of text on white instead of bars it reads as
 *    "|", "l", "ง" or "=" and glues to the words beside them. Where a
 *    letter touches the rule the ink across it is thick and is left alone.
 * 4. Large marks that are no text (a stamp, a signature on a scan whose
 *    colour is lost) become paper (marks.ts), on every page.
 *
 * A page without a ruled table or a mark is returned as it was (grids
 * empty): the word-geometry layout handles it.
 */
import { type RuledGrid, gridsWithLines } from './grid.js';
import { inferredGrids } from './inferred-grid.js';
import { withoutLargeMarks } from './marks.js';
import { type RuleLine, backgroundLevel, findRules, inkLevel, measureSkew } from './rules.js';
import { findShading, withoutShading } from './shading.js';
import type { GreyImage } from './types.js';

export interface PreparedPage<T extends GreyImage> {
  /** The image with the rules of its tables erased (the input itself when there is no ruled table). */
  image: T;
  /** The image as rendered. */
  original: T;
  /** The image the whole page is recognised from: as rendered, its large marks dropped (the original itself when it has none). */
  read: T;
  /** Ruled tables, in coordinates deskewed by `skew`. */
  grids: RuledGrid[];
  /** The page's tilt (dy/dx) measured on its rules. */
  skew: number;
}

/** Base height of body text expected at this resolution (about a tenth of an inch at 14–16 pt). */
export function expectedTextHeight(img: GreyImage & { dpi?: number }): number {
  const dpi = img.dpi && img.dpi > 0 ? img.dpi : Math.max(img.width, img.height) / 11.7;
  return Math.max(6, dpi / 10);
}

/** See the module comment. */
export function prepareRuledPage<T extends GreyImage & { dpi?: number }>(scanned: T): PreparedPage<T> {
  const H = expectedTextHeight(scanned);
  // shaded cells as paper, or their rules are lost in them (shading.ts)
  const paper = backgroundLevel(scanned);
  const shade = findShading(scanned, H, paper);
  const img = shade ? withoutShading(scanned, shade, paper) : scanned;
  const dark = inkLevel(img);
  const skew = measureSkew(img, H, dark) ?? 0;
  const rules = findRules(img, skew, H, dark);
  // rows (and tables) whose horizontal rules the scan lost, found from the text (inferred-grid.ts)
  const found = inferredGrids(img, skew, rules, gridsWithLines(rules, H), H, dark);
  // stamps and signatures no colour told apart (a 1-bit or grey scan): paper (marks.ts)
  const marked = withoutLargeMarks(img, H, dark, backgroundLevel(img), rules);
  if (found.length === 0) return { image: marked.image, original: scanned, read: marked.image, grids: [], skew: 0 };
  const out = { ...img, data: Uint8Array.from(marked.image.data) };
  const bg = Math.min(255, dark + 30);
  for (const { lines } of found) {
    for (const l of lines.horizontal) erase(out, l, true, skew, dark, bg, H);
    for (const l of lines.vertical) erase(out, l, false, skew, dark, bg, H);
  }
  const grids = found.map((f) => (shade ? { ...f.grid, shade: { map: shade, skew } } : f.grid));
  return { image: out, original: scanned, read: marked.image, grids, skew };
}

/**
 * Erases the thin ink across a rule along its inked spans (in place). The
 * rule is in deskewed coordinates: its points go back to the image's by
 * x = x' − s·y', y = y' + s·x'.
 */
function erase(img: GreyImage, l: RuleLine, horizontal: boolean, s: number, dark: number, bg: number, H: number): void {
  const { width: w, height: h, data } = img;
  const reach = Math.max(2, Math.round(0.15 * H));
  const maxRun = 2 * reach + 2;
  const edge = Math.min(255, dark + 20);
  const mid = (l.a + l.b) / 2;
  for (const [a, b] of l.spans) {
    for (let t = a - 1; t <= b + 1; t++) {
      const q = l.pos + l.slope * (t - mid);
      const X = horizontal ? t : q;
      const Y = horizontal ? q : t;
      // the image pixel on the rule: across it runs a column (horizontal rule) or a row (vertical)
      const x = X - s * Y;
      const y = Y + s * X;
      const fixed = Math.round(horizontal ? x : y);
      const centre = Math.round(horizontal ? y : x);
      const across = horizontal ? h : w;
      if (fixed < 0 || fixed >= (horizontal ? w : h)) continue;
      const idx = horizontal ? (p: number): number => p * w + fixed : (p: number): number => fixed * w + p;
      let best = -1;
      let bestV = dark;
      for (let p = centre - reach; p <= centre + reach; p++) {
        if (p < 0 || p >= across) continue;
        const v = data[idx(p)] as number;
        if (v < bestV) {
          bestV = v;
          best = p;
        }
      }
      if (best < 0) continue;
      let p0 = best;
      let p1 = best;
      while (p0 - 1 >= 0 && (data[idx(p0 - 1)] as number) < dark) p0--;
      while (p1 + 1 < across && (data[idx(p1 + 1)] as number) < dark) p1++;
      if (p1 - p0 + 1 > maxRun) continue; // a letter touching the rule
      // the blurred edge of the rule too
      if (p0 - 1 >= 0 && (data[idx(p0 - 1)] as number) < edge) p0--;
      if (p1 + 1 < across && (data[idx(p1 + 1)] as number) < edge) p1++;
      for (let p = p0; p <= p1; p++) data[idx(p)] = bg;
    }
  }
}
