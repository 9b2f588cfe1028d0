/**
 * Row starts of a table read from its text, where the horizontal rules are
 * lost (inferred-grid.ts): the text lines of each column and the table's
 * line pitch.
 *
 * A column's text lines are its runs of ink rows (marks a pixel or two
 * off their letters joined to them; runs lower than 0.6 H, a line of marks
 * alone, are no line), each placed at its centre of ink (marks above and
 * below weigh little against the letters' bodies, so the centre stays put
 * where a blank gap would grow or shrink with the marks). Two lines run
 * together by their marks (a run taller than 1.7 lines) are cut at their
 * thinnest row.
 *
 * Inside a cell, lines follow at the pitch of the text; a row boundary
 * adds the cell's padding (and the rule) to it. So a row starts where the
 * first column's next line lies at least the pitch plus 0.4 H below the
 * one before (the pitch: the lower third of the distances between lines
 * following each other in a column, over the whole page's tables) and the
 * other columns agree: those with a line at that height (within 0.8 H)
 * start it after such a distance too, or start their text there. A column
 * whose lines run on at the pitch there disagrees (a paragraph break in
 * one cell is no row); one disagreeing for three agreeing is allowed (a
 * stamp or a signature over the rule), and "lines" closer together than
 * the pitch or a blot taller than two lines (pieces of a stamp's ring
 * over two columns) say nothing either way. A measure of blank rows between
 * lines would not do: on a 1-bit scan the blank between two lines of one
 * cell is as tall as across a lost rule, give or take a line of marks.
 */
import type { RuleLine } from './rules.js';
import type { GreyImage } from './types.js';

/** One text line of a column: its ink rows [top, bottom) and centre of ink, offsets from the segment's top. */
export interface TextLine {
  top: number;
  bottom: number;
  centre: number;
}

/** The text of one column of a stretch of table. */
export interface ColumnText {
  /** Per row of the stretch: 1 where the column holds ink (see {@link columnText}). */
  ink: Uint8Array;
  lines: TextLine[];
}

/** A stretch of table [y0, y1) between column boundaries, its columns' text. */
export interface TextStretch {
  y0: number;
  cols: ColumnText[];
}

/**
 * Per column of [y0, y1): rows holding ink (two dark pixels or more, the
 * rules' own pixels and the dashes of horizontal rules left out; so is
 * ink no more than a quarter of H tall, the dashes of a rule too broken to
 * be found) and the text lines (see the module comment).
 */
export function columnText(img: GreyImage, s: number, xs: readonly number[], y0: number, y1: number, horizontal: readonly RuleLine[], dark: number, H: number): TextStretch {
  const { width: w, height: h, data } = img;
  const m = Math.max(3, Math.round(0.3 * H));
  const cols: ColumnText[] = [];
  const Y0 = Math.round(y0);
  const n = Math.max(0, Math.round(y1) - Y0);
  for (let c = 0; c + 1 < xs.length; c++) {
    const a = Math.round((xs[c] as number) + m);
    const b = Math.round((xs[c + 1] as number) - m);
    const rules = horizontal.filter((l) => l.b >= a && l.a <= b && l.pos >= Y0 - 3 && l.pos <= Y0 + n + 3);
    const row = new Uint8Array(n);
    const count = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const Y = Y0 + i;
      const onRule = rules.filter((l) => Math.abs(l.pos - Y) <= 2);
      let k = 0;
      for (let X = a; X < b; X++) {
        const x = Math.round(X - s * Y);
        const y = Math.round(Y + s * X);
        if (x < 0 || y < 0 || x >= w || y >= h || (data[y * w + x] as number) >= dark) continue;
        if (onRule.length > 0 && onRule.some((l) => l.spans.some(([p, q]) => X >= p - 1 && X <= q + 1))) continue;
        k++;
      }
      count[i] = k;
      row[i] = k >= 2 ? 1 : 0;
    }
    // ink a few rows tall is no text line: a rule's dashes, specks
    const thin = Math.max(3, Math.round(0.25 * H));
    for (let i = 0; i < n; ) {
      if (!row[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && row[j]) j++;
      if (j - i <= thin) row.fill(0, i, j);
      i = j;
    }
    cols.push({ ink: row, lines: textLines(row, count, H) });
  }
  return { y0: Y0, cols };
}

/** Text lines of a column from its ink rows and the dark pixels per row (see the module comment). */
function textLines(row: Uint8Array, count: Uint32Array, H: number): TextLine[] {
  const join = Math.max(2, Math.round(0.25 * H));
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < row.length; ) {
    if (!row[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < row.length && row[j]) j++;
    const last = runs[runs.length - 1];
    if (last && i - last[1] <= join) last[1] = j;
    else runs.push([i, j]);
    i = j;
  }
  const tall = runs.filter(([a, b]) => b - a >= 0.6 * H);
  const heights = tall.map(([a, b]) => b - a).sort((p, q) => p - q);
  const usual = heights[Math.floor(heights.length / 2)] ?? H;
  const out: TextLine[] = [];
  const add = (a: number, b: number): void => {
    // two lines run together by their marks: cut at the thinnest row of the middle
    if (b - a >= 1.7 * usual && b - a >= 2 * H) {
      let cut = -1;
      for (let i = Math.round(a + 0.3 * (b - a)); i < Math.round(b - 0.3 * (b - a)); i++) if (cut < 0 || (count[i] as number) < (count[cut] as number)) cut = i;
      if (cut > a && cut < b) {
        add(a, cut);
        add(cut + 1, b);
        return;
      }
    }
    let mass = 0;
    let sum = 0;
    for (let i = a; i < b; i++) {
      mass += count[i] as number;
      sum += i * (count[i] as number);
    }
    out.push({ top: a, bottom: b, centre: mass > 0 ? sum / mass : (a + b) / 2 });
  };
  for (const [a, b] of tall) add(a, b);
  return out;
}

/**
 * The distance from one line of a cell to the next (the lower third of
 * those in the stretches, between lines at most 4 H apart), null when
 * there are fewer than four to tell.
 */
export function linePitch(stretches: readonly TextStretch[], H: number): number | null {
  const d: number[] = [];
  for (const st of stretches) {
    for (const c of st.cols) {
      for (let k = 1; k < c.lines.length; k++) {
        const v = (c.lines[k] as TextLine).centre - (c.lines[k - 1] as TextLine).centre;
        if (v >= 0.8 * H && v <= 4 * H) d.push(v);
      }
    }
  }
  if (d.length < 4) return null;
  d.sort((p, q) => p - q);
  return d[Math.floor(d.length / 3)] as number;
}

/** How far apart two lines of different rows lie at least, for a line pitch (null: unknown). */
export interface RowStep {
  pitch: number | null;
  /** The pitch and a cell's padding: 2.4 H when the pitch is unknown. */
  step: number;
}

export function rowStep(pitch: number | null, H: number): RowStep {
  return { pitch, step: pitch === null ? 2.4 * H : pitch + Math.max(3, 0.4 * H) };
}

/** Row boundaries (absolute) inside a stretch, the column at index 0 numbering or naming the rows; see the module comment. */
export function rowBoundaries(st: TextStretch, H: number, { pitch, step }: RowStep): number[] {
  const first = st.cols[0];
  if (!first || first.lines.length === 0) return []; // no row starts here: one row (a row continued from the page before)
  const near = 0.8 * H;
  const len = first.ink.length;
  const out: number[] = [];
  first.lines.forEach((line, k) => {
    if (line.top > len - H) return; // no row starts in the last line's height (a rule's edge)
    const prev = first.lines[k - 1];
    if (prev) {
      if (line.centre - prev.centre < step) return;
    } else if (!st.cols.some((c) => c.lines.some((l) => l.centre < line.centre - Math.max(near, 0.8 * (pitch ?? 2 * H))))) return; // the stretch's top: text starts
    let agree = 0;
    let disagree = 0;
    const blank: ColumnText[] = [first]; // columns that must leave a blank between the rows
    let above = prev ? prev.centre : 0; // the lowest line before this one among the agreeing columns
    const tall = 2 * (pitch ?? 2 * H);
    st.cols.forEach((c, i) => {
      if (i === 0) return;
      const m = c.lines.findIndex((l) => Math.abs(l.centre - line.centre) <= near);
      if (m >= 0) {
        const before = c.lines[m - 1];
        const d = before ? (c.lines[m] as TextLine).centre - before.centre : Infinity;
        if (d >= step) {
          agree++;
          blank.push(c);
          if (before) above = Math.max(above, before.centre);
        } else if (pitch === null || d >= 0.8 * pitch) disagree++; // its text runs on (closer lines are no text: a stamp's ring)
        return;
      }
      // ink there, of a line of text off this one's height, runs on; a taller blot (a stamp) says nothing
      const from = Math.max(0, Math.round(line.centre - near));
      const to = Math.min(len, Math.round(line.centre + near));
      const over = c.lines.filter((l) => l.top < to && l.bottom > from);
      if (over.some((l) => l.bottom - l.top <= tall)) disagree++;
      else if (over.length === 0 && c.ink.subarray(from, to).some((v) => v)) disagree++;
      else if (over.length === 0) blank.push(c); // no text here: its text above must end before the row does
    });
    if (agree === 0 || 3 * disagree > agree) return;
    // the boundary: the middle of the longest blank those columns share between the lines; none (a
    // paragraph break in one column, the text of another ending below where it starts) is no row
    const to = Math.round(line.centre);
    let best: [number, number] | null = null;
    for (let i = Math.round(above); i < to; ) {
      if (blank.some((c) => c.ink[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < to && !blank.some((c) => c.ink[j])) j++;
      if (!best || j - i > best[1] - best[0]) best = [i, j];
      i = j;
    }
    if (!best || best[1] - best[0] < Math.max(2, 0.25 * H)) return;
    const at = Math.round((best[0] + best[1]) / 2);
    // every cell's text starts at the row's top: a line of those columns between the boundary and this one says otherwise
    if (blank.some((c) => c.lines.some((l) => l.centre > at && l.centre < line.centre - near && l.bottom - l.top <= tall))) return;
    out.push(st.y0 + at);
  });
  return out;
}
