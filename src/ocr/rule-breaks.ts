/**
 * Rules broken by a stamp or a signature (rules.ts findRules, after the
 * pieces are chained).
 *
 * A round stamp or a signature over a table takes its rule with it: on a
 * colour scan ink.ts turns the stamp's ink to paper, and the rule's pixels
 * under it go too (they are the stamp's colour there); on any scan a
 * signature's stroke running along a rule makes the rule no thin line for a
 * while. The rule is then two lines with a gap as wide as the stamp (up to
 * 2 inches, 20 text heights): too far for rules.ts's bridge of 10 H, and
 * the stretch beyond the stamp, meeting only one rule across it, is taken
 * for a stroke and dropped. The grid loses the boundary there and merges
 * a table's header row with the row under it.
 *
 * What tells such a break from a boundary that is not drawn (a merged
 * cell): a merged cell's rule stops where a rule across it stands (the
 * sides of the merged cell) and starts again at the next, while a stamp
 * ends anywhere. So two lines at the same place (within 2 px along the
 * gap), the gap at most {@link MAX_BREAK_HEIGHTS} text heights, are one
 * rule drawn across the gap when neither end of the gap is at a rule
 * across it and one of them is a table's rule (it meets two rules across
 * it: bold letters' tops in line in two cells are no rule); the same inside
 * one line (its inked stretches' gaps). Both
 * directions: a vertical rule under a stamp is mended by the horizontal
 * ones.
 */
import type { RuleLine } from './rules.js';

/** The widest break mended, in text heights (a stamp is 1.5–2 inches, 15–20 H). */
export const MAX_BREAK_HEIGHTS = 25;

/** Position across the line at `t` along it. */
function posAt(l: RuleLine, t: number): number {
  return l.pos + l.slope * (t - (l.a + l.b) / 2);
}

/**
 * The lines of one direction with their breaks mended (see the module
 * comment); `across` are the lines of the other direction, `H` the text
 * height in pixels.
 */
export function mendBreaks(lines: readonly RuleLine[], across: readonly RuleLine[], H: number): RuleLine[] {
  const tol = Math.max(4, 0.5 * H);
  const maxGap = MAX_BREAK_HEIGHTS * H;
  // is there a rule across this line's course at t (a cell's side)?
  const crossed = (t: number, pos: number): boolean => across.some((c) => Math.abs(posAt(c, pos) - t) <= tol && pos >= c.a - tol && pos <= c.b + tol);
  const mendable = (l: RuleLine, from: number, to: number): boolean => to - from <= maxGap && !crossed(from, posAt(l, from)) && !crossed(to, posAt(l, to));
  // a table's rule meets two rules across it (a stretch of letters' tops in line with each other meets none)
  const meets = (l: RuleLine): number => across.filter((c) => c.pos >= l.a - tol && c.pos <= l.b + tol && l.pos >= c.a - tol && l.pos <= c.b + tol).length;
  const ruled = (l: RuleLine): boolean => meets(l) >= 2;
  const out = [...lines].sort((p, q) => p.a - q.a);
  // two lines in line with each other, the gap between them mendable: one line
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const p = out[i] as RuleLine;
      const q = out[j] as RuleLine;
      if (q.a <= p.b) continue;
      const mid = (p.b + q.a) / 2;
      if (Math.abs(posAt(p, mid) - posAt(q, mid)) > 2 || !mendable(p, p.b, q.a) || !(ruled(p) || ruled(q))) continue;
      const lp = p.b - p.a;
      const lq = q.b - q.a;
      const joined: RuleLine = {
        pos: (posAt(p, (p.a + q.b) / 2) * lp + posAt(q, (p.a + q.b) / 2) * lq) / Math.max(1, lp + lq),
        a: p.a,
        b: q.b,
        slope: (p.slope * lp + q.slope * lq) / Math.max(1, lp + lq),
        spans: [...p.spans, ...q.spans],
      };
      out[i] = joined;
      out.splice(j, 1);
      j = i; // the longer line may reach further ones
    }
  }
  // the gaps inside each line
  return out.map((l) => {
    if (!ruled(l)) return l;
    const spans: Array<[number, number]> = [];
    for (const s of [...l.spans].sort((x, y) => x[0] - y[0])) {
      const last = spans[spans.length - 1];
      if (last && (s[0] <= last[1] + 2 || mendable(l, last[1], s[0]))) last[1] = Math.max(last[1], s[1]);
      else spans.push([s[0], s[1]]);
    }
    return { ...l, spans };
  });
}
