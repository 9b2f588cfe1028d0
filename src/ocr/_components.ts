/**
 * Connected components of ink: the one flood fill the image stages share
 * (glyph ink, digit blobs, stamp marks, letter heights). Which pixels are
 * ink, and which neighbours join them, is the caller's.
 */

/** A component's bounds (inclusive pixel coordinates), its pixel count and the sum of its x. */
export interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
  sumX: number;
}

/** Neighbour offsets [dx, dy]. */
export type Reach = ReadonlyArray<readonly [number, number]>;

export const FOUR: Reach = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];

export const EIGHT: Reach = [...FOUR, [-1, -1], [1, -1], [-1, 1], [1, 1]];

/** Every offset in the box dx0..dx1 × dy0..dy1 but (0, 0): a reach that bridges gaps. */
export function reachBox(dx0: number, dx1: number, dy0: number, dy1: number): Reach {
  const out: Array<[number, number]> = [];
  for (let dy = dy0; dy <= dy1; dy++) for (let dx = dx0; dx <= dx1; dx++) if (dx !== 0 || dy !== 0) out.push([dx, dy]);
  return out;
}

export interface Components {
  parts: Component[];
  /** Per pixel, the index of its component or -1; only when asked for (it costs 4 bytes a pixel). */
  label: Int32Array | null;
}

/**
 * The components of the pixels `ink(i)` says are ink (i = y * width + x),
 * in the order their first pixel comes in reading order.
 */
export function components(width: number, height: number, ink: (i: number) => boolean, reach: Reach = EIGHT, withLabels = false): Components {
  const n = width * height;
  const seen = new Uint8Array(n);
  const label = withLabels ? new Int32Array(n).fill(-1) : null;
  const parts: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start] || !ink(start)) continue;
    const id = parts.length;
    const c: Component = { x0: width, y0: height, x1: -1, y1: -1, pixels: 0, sumX: 0 };
    parts.push(c);
    seen[start] = 1;
    if (label) label[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      c.pixels++;
      c.sumX += x;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (const [dx, dy] of reach) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
        const q = yy * width + xx;
        if (seen[q] || !ink(q)) continue;
        seen[q] = 1;
        if (label) label[q] = id;
        stack.push(q);
      }
    }
  }
  return { parts, label };
}
