/**
 * Tables printed one right under the other (readers/_pdf-stacked.ts): the
 * connected ruling lines are cut where the column boundaries change.
 */
import { describe, expect, it } from 'vitest';
import { splitStacked } from '../../src/readers/_pdf-stacked.js';

/** Horizontal rules at `ys` across [x0, x1], and verticals at `xs` from y `bottom` to `top` (PDF y grows upward). */
function grid(ys: number[], xs: number[], bottom: number, top: number, x0 = 0, x1 = 400) {
  return {
    h: ys.map((y) => ({ x1: x0, y1: y, x2: x1, y2: y })),
    v: xs.map((x) => ({ x1: x, y1: bottom, x2: x, y2: top })),
  };
}

describe('splitStacked', () => {
  it('cuts a two-column score table from the many-column table printed right under it', () => {
    // the score table: rows 700–600, one inner boundary at 300; the measure table: rows 600–500, four inner boundaries
    const a = grid([700, 680, 660, 640, 620, 600], [0, 300, 400], 600, 700);
    const b = grid([600, 580, 560, 540, 520, 500], [0, 80, 160, 240, 320, 400], 500, 600);
    const parts = splitStacked([...a.h, ...b.h], [...a.v, ...b.v]);
    expect(parts).toHaveLength(2);
    expect(new Set(parts[0]!.v.map((s) => s.x1))).toEqual(new Set([0, 300, 400]));
    expect(new Set(parts[1]!.v.map((s) => s.x1))).toEqual(new Set([0, 80, 160, 240, 320, 400]));
  });

  it('keeps one table whose top rows merge cells of the rows below (a two-row header)', () => {
    const top = grid([700, 680], [0, 160, 400], 680, 700);
    const body = grid([680, 660, 640, 620], [0, 80, 160, 240, 320, 400], 620, 680);
    expect(splitStacked([...top.h, ...body.h], [...top.v, ...body.v])).toHaveLength(1);
  });
});
