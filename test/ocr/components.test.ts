import { describe, expect, it } from 'vitest';
import { EIGHT, FOUR, components, reachBox } from '../../src/ocr/_components.js';

/** A mask from rows of '#' (ink) and '.' (paper). */
function mask(rows: string[]): { width: number; height: number; ink: (i: number) => boolean } {
  const width = rows[0]?.length ?? 0;
  const cells = rows.join('');
  return { width, height: rows.length, ink: (i) => cells[i] === '#' };
}

describe('connected components', () => {
  const m = mask(['##....', '.#..#.', '..#.#.', '....#.', '.....#']);

  it('joins diagonal neighbours with EIGHT, not with FOUR', () => {
    expect(components(m.width, m.height, m.ink, EIGHT).parts).toEqual([
      { x0: 0, y0: 0, x1: 2, y1: 2, pixels: 4, sumX: 0 + 1 + 1 + 2 },
      { x0: 4, y0: 1, x1: 5, y1: 4, pixels: 4, sumX: 4 + 4 + 4 + 5 },
    ]);
    expect(components(m.width, m.height, m.ink, FOUR).parts.map((c) => c.pixels)).toEqual([3, 3, 1, 1]);
  });

  it('bridges a one-pixel gap with a wider reach, and labels pixels when asked', () => {
    const gap = mask(['#.#...#']);
    expect(components(gap.width, gap.height, gap.ink).parts).toHaveLength(3);
    const { parts, label } = components(gap.width, gap.height, gap.ink, reachBox(-2, 2, -1, 2), true);
    expect(parts.map((c) => [c.x0, c.x1])).toEqual([
      [0, 2],
      [6, 6],
    ]);
    expect([...(label ?? [])]).toEqual([0, -1, 0, -1, -1, -1, 1]);
    expect(components(gap.width, gap.height, gap.ink).label).toBeNull();
  });
});
