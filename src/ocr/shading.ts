/**
 * Shaded table cells on a scan (a Gantt chart of month columns drawn with
 * cell shading, a shaded header row): areas of flat mid-grey, lighter than
 * ink, darker than paper. Taken as ink they hide the rules between shaded
 * cells (a rule is found as a thin dark line between light pixels) and
 * recognition reads them as blots; as paper the grid comes out whole.
 *
 * The page is cut into tiles about half a letter high. A tile is shade
 * when nearly all of it is mid-grey; a tile next to one that is mostly
 * mid-grey and ink (a rule or a letter crossing the shade, the shade's
 * edge) is shade too. Its mid-grey pixels become paper; its ink (rules,
 * text written on the shade) stays. The map stays with the page's grids
 * so that their cells can say they were shaded (TableCell.shaded: under a
 * month column the domain reads that as a mark).
 */
import type { BBox, GreyImage } from './types.js';

export interface ShadeMap {
  /** Tile side, pixels. */
  tile: number;
  cols: number;
  rows: number;
  /** Per tile (row-major): 1 when shaded. */
  on: Uint8Array;
  /** Per shaded tile: the fill's grey (the mean of its own mid-grey, or of the core tile beside it). */
  level: Uint8Array;
}

/** The darkest grey a fill is taken for: darker is ink. */
const FILL_FLOOR = 110;
/** How far under the fill's grey a pixel is still fill (scan noise), not ink. */
const FILL_DEPTH = 28;
/** Share of a tile that must be mid-grey for the tile to be shade. */
const CORE = 0.85;
/** Fewer joined core tiles than this are no fill (a blurred bold letter may make one or two). */
const MIN_PATCH = 4;
/** Fewer core tiles than this on a page: no shading. */
const MIN_TILES = 6;

/**
 * The page's shading (null when it has none): `bg` its paper grey, `H` the
 * expected text height. Mid-grey is from FILL_FLOOR up to 18 levels under
 * the paper.
 */
export function findShading(img: GreyImage, H: number, bg: number): ShadeMap | null {
  const { width: w, height: h, data } = img;
  const tile = Math.max(4, Math.round(0.5 * H));
  const cols = Math.floor(w / tile);
  const rows = Math.floor(h / tile);
  const top = bg - 18;
  if (cols < 1 || rows < 1 || top <= FILL_FLOOR) return null;
  const mid = new Float32Array(cols * rows);
  const inked = new Float32Array(cols * rows);
  const level = new Uint8Array(cols * rows);
  const area = tile * tile;
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) {
      let m = 0;
      let d = 0;
      let sum = 0;
      for (let y = ty * tile; y < (ty + 1) * tile; y++) {
        const row = y * w;
        for (let x = tx * tile; x < (tx + 1) * tile; x++) {
          const v = data[row + x] as number;
          if (v < FILL_FLOOR) d++;
          else if (v < top) {
            m++;
            sum += v;
          }
        }
      }
      mid[ty * cols + tx] = m / area;
      level[ty * cols + tx] = m > 0 ? Math.round(sum / m) : 0;
      inked[ty * cols + tx] = d / area;
    }
  }
  const on = new Uint8Array(cols * rows);
  for (let i = 0; i < on.length; i++) if ((mid[i] as number) >= CORE) on[i] = 2;
  // a fill is a patch of core tiles (a blurred bold letter may make one or two)
  const core = keepPatches(on, cols, rows);
  if (core < MIN_TILES) return null;
  // the tiles beside the core where a rule, a letter or the fill's edge crosses it
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) {
      const i = ty * cols + tx;
      if (on[i] !== 0 || (mid[i] as number) < 0.3 || (mid[i] as number) + (inked[i] as number) < 0.6) continue;
      let near = -1;
      for (let dy = -1; dy <= 1 && near < 0; dy++) {
        for (let dx = -1; dx <= 1 && near < 0; dx++) {
          const x = tx + dx;
          const y = ty + dy;
          if (x >= 0 && y >= 0 && x < cols && y < rows && on[y * cols + x] === 2) near = y * cols + x;
        }
      }
      if (near >= 0) {
        on[i] = 1;
        level[i] = level[near] as number;
      }
    }
  }
  for (let i = 0; i < on.length; i++) if (on[i] !== 0) on[i] = 1;
  return { tile, cols, rows, on, level };
}

/** Core tiles (2) in patches of fewer than MIN_PATCH cleared (in place); returns how many are left. */
function keepPatches(on: Uint8Array, cols: number, rows: number): number {
  const seen = new Uint8Array(on.length);
  let left = 0;
  for (let start = 0; start < on.length; start++) {
    if (on[start] !== 2 || seen[start]) continue;
    const patch = [start];
    seen[start] = 1;
    for (let k = 0; k < patch.length; k++) {
      const i = patch[k] as number;
      const x = i % cols;
      const y = (i - x) / cols;
      for (const [nx, ny] of [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]] as const) {
        const j = ny * cols + nx;
        if (nx >= 0 && ny >= 0 && nx < cols && ny < rows && on[j] === 2 && !seen[j]) {
          seen[j] = 1;
          patch.push(j);
        }
      }
    }
    if (patch.length < MIN_PATCH) for (const i of patch) on[i] = 0;
    else left += patch.length;
  }
  return left;
}

/**
 * A copy of the image with the fill of its shaded tiles turned to paper
 * (`bg`): pixels down to FILL_DEPTH under the fill's grey. Ink stays, and
 * so does the core of a thin rule, which the scan blurs to little darker
 * than the fill (a rule's edges go: the rule is left as thin as on paper).
 */
export function withoutShading<T extends GreyImage>(img: T, m: ShadeMap, bg: number): T {
  const { width: w, data } = img;
  const out = Uint8Array.from(data);
  for (let ty = 0; ty < m.rows; ty++) {
    for (let tx = 0; tx < m.cols; tx++) {
      const i = ty * m.cols + tx;
      if (m.on[i] !== 1) continue;
      const from = Math.max(FILL_FLOOR, (m.level[i] as number) - FILL_DEPTH);
      for (let y = ty * m.tile; y < (ty + 1) * m.tile; y++) {
        for (let x = tx * m.tile; x < (tx + 1) * m.tile; x++) if ((out[y * w + x] as number) >= from) out[y * w + x] = bg;
      }
    }
  }
  return { ...img, data: out };
}

/**
 * Whether most of a rectangle in deskewed coordinates (skew `s`: image
 * x = x' − s·y', y = y' + s·x') lies on shade: its inner part (a quarter of
 * a tile in from each side, clear of the rules and the fill's blurred edge)
 * sampled every half tile.
 */
export function shadedRect(m: ShadeMap, r: BBox, s: number): boolean {
  const inset = 0.75 * m.tile;
  const step = 0.5 * m.tile;
  let n = 0;
  let hit = 0;
  for (let Y = r.y0 + inset; Y <= r.y1 - inset; Y += step) {
    for (let X = r.x0 + inset; X <= r.x1 - inset; X += step) {
      const tx = Math.floor((X - s * Y) / m.tile);
      const ty = Math.floor((Y + s * X) / m.tile);
      n++;
      if (tx >= 0 && ty >= 0 && tx < m.cols && ty < m.rows && m.on[ty * m.cols + tx] === 1) hit++;
    }
  }
  return n >= 2 && hit >= 0.6 * n;
}
