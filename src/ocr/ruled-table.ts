/**
 * Words of a ruled table → its TableBlock rows, as the text-PDF reader
 * makes them (src/readers/_pdf-layout.ts): one row per grid row holding
 * the cells that start on it, each cell with its colspan and rowspan;
 * every word goes to the cell holding its centre; rules read as characters
 * ("|", a bracket beside a vertical rule, a dash or a mark lying on a
 * horizontal one) are dropped.
 */
import { type TableCell, type TableRow, cell, position, row } from '../model/blocks.js';
import { joinWrappedLines } from '../thai/wrap.js';
import { type RuledGrid, cellIndex, intervalOf } from './grid.js';
import { type LayoutLine, type LayoutWord, groupLines } from './lines.js';
import { shadedRect } from './shading.js';
import { brokenInCell, cellTextRight } from './cell-wrap.js';
import type { BBox, GreyImage } from './types.js';

/**
 * The inked part of a deskewed rectangle (rules trimmed off), in image
 * pixels, widened by half a character; null when it holds less than a
 * small character's worth of ink.
 */
export function inkedRegion(img: GreyImage, r: BBox, s: number, H: number): BBox | null {
  // back to image coordinates: x = x' − s·y', y = y' + s·x'
  const corners = [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x0, r.y1],
    [r.x1, r.y1],
  ].map(([x, y]) => [(x as number) - s * (y as number), (y as number) + s * (x as number)] as const);
  const margin = Math.max(3, 0.2 * H);
  const x0 = Math.max(0, Math.ceil(Math.max(corners[0]?.[0] ?? 0, corners[2]?.[0] ?? 0) + margin));
  const x1 = Math.min(img.width, Math.floor(Math.min(corners[1]?.[0] ?? 0, corners[3]?.[0] ?? 0) - margin));
  const y0 = Math.max(0, Math.ceil(Math.max(corners[0]?.[1] ?? 0, corners[1]?.[1] ?? 0) + margin));
  const y1 = Math.min(img.height, Math.floor(Math.min(corners[2]?.[1] ?? 0, corners[3]?.[1] ?? 0) - margin));
  if (x1 - x0 < 0.4 * H || y1 - y0 < 0.5 * H) return null;
  let n = 0;
  let ix0 = x1;
  let iy0 = y1;
  let ix1 = x0;
  let iy1 = y0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if ((img.data[y * img.width + x] ?? 255) < 128) {
        n++;
        ix0 = Math.min(ix0, x);
        iy0 = Math.min(iy0, y);
        ix1 = Math.max(ix1, x + 1);
        iy1 = Math.max(iy1, y + 1);
      }
    }
  }
  if (n < 0.12 * H * H || iy1 - iy0 < 0.4 * H) return null;
  const pad = 0.5 * H;
  return {
    x0: Math.max(0, ix0 - pad),
    y0: Math.max(0, iy0 - pad),
    x1: Math.min(img.width, ix1 + pad),
    y1: Math.min(img.height, iy1 + pad),
  };
}

/**
 * A word touching a vertical rule, with the rule read as part of it
 * ("(๑." for "๑.", "|e)"): the bracket or bar on the rule's side is
 * removed; a word that is nothing but that character is dropped (null).
 */
export function withoutRule(lw: LayoutWord, g: RuledGrid, H: number): LayoutWord | null {
  let text = lw.w.text;
  const near = (x: number): boolean => g.xs.some((r) => Math.abs(r - x) < 0.4 * H);
  if (/^[|()[\]{}!lI1/\\]$/.test(text)) return near((lw.x0 + lw.x1) / 2) || near(lw.x0) || near(lw.x1) ? null : lw;
  // the rule read as a leading vowel (a bar with a hook: "เ", "ใ"), centred on it; a real one opens
  // its cell a padding (about half a character) right of the rule
  if (/^[เใ]$/.test(text) && g.xs.some((r) => Math.abs(r - (lw.x0 + lw.x1) / 2) < 0.3 * H)) return null;
  // ... or glued to the word after it: the box then begins well left of the rule
  if (/^[เใ]./.test(text) && g.xs.some((r) => r - lw.x0 > 0.3 * H && lw.x1 - r > 0.3 * H)) {
    const r = g.xs.find((x) => x - lw.x0 > 0.3 * H && lw.x1 - x > 0.3 * H) as number;
    return { ...lw, x0: r + 1, w: { ...lw.w, text: text.slice(1), bbox: { ...lw.w.bbox, x0: lw.w.bbox.x0 + (r + 1 - lw.x0) } } };
  }
  // a bracket just right of a rule (cell padding is ~0.5 H), or just left of one
  const afterRule = g.xs.some((r) => lw.x0 - r > -0.4 * H && lw.x0 - r < 0.75 * H);
  const beforeRule = g.xs.some((r) => r - lw.x1 > -0.4 * H && r - lw.x1 < 0.75 * H);
  if (/^[|([{!]/.test(text) && afterRule && !/[)\]}]/.test(text)) text = text.slice(1);
  if (/[|)\]}!]$/.test(text) && beforeRule && !/[(]/.test(text)) text = text.slice(0, -1);
  if (text === lw.w.text) return lw;
  return text.trim() === '' ? null : { ...lw, w: { ...lw.w, text } };
}

/**
 * A word lying on a horizontal rule, no letter in it ("_", "—", "=", "~",
 * a stray mark): the rule read as text.
 */
function onHorizontalRule(lw: LayoutWord, g: RuledGrid, H: number): boolean {
  if (/[\u0e01-\u0e2e\u0e50-\u0e59A-Za-z0-9]/.test(lw.w.text)) return false;
  const cy = (lw.y0 + lw.y1) / 2;
  return lw.y1 - lw.y0 < 0.7 * H && g.ys.some((y) => Math.abs(y - cy) < 0.4 * H);
}

const MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;

/**
 * A word whose box runs across a column boundary (recognition read on
 * over an erased rule) clipped to the columns: its characters (a letter
 * with its marks) shared out in proportion to the width on each side.
 */
export function clipToColumns(lw: LayoutWord, g: RuledGrid, H: number): LayoutWord[] {
  const inner = g.xs.slice(1, -1).filter((x) => x - lw.x0 > 0.3 * H && lw.x1 - x > 0.3 * H);
  if (inner.length === 0) return [lw];
  const clusters: string[] = [];
  for (const ch of lw.w.text) {
    if (MARK.test(ch) && clusters.length > 0) clusters[clusters.length - 1] += ch;
    else clusters.push(ch);
  }
  const out: LayoutWord[] = [];
  let from = lw.x0;
  let taken = 0;
  for (const x of [...inner, lw.x1]) {
    const upto = x === lw.x1 ? clusters.length : Math.round(((x - lw.x0) / (lw.x1 - lw.x0)) * clusters.length);
    const text = clusters.slice(taken, upto).join('');
    if (text !== '') {
      const bbox = { ...lw.w.bbox, x0: lw.w.bbox.x0 + (from - lw.x0), x1: lw.w.bbox.x0 + (x - lw.x0) };
      out.push({ ...lw, x0: from, x1: x, w: { ...lw.w, text, bbox }, base: lw.base });
    }
    taken = Math.max(taken, upto);
    from = x;
  }
  return out.length > 0 ? out : [lw];
}

/**
 * A word whose box reaches over an inner vertical rule put on the side of
 * the word it is written with: Tesseract widens the box of a letter after a
 * space over the space (and the rule in it), and gives a letter touching a
 * rule a box of no width on it, so its centre says little ("นิติกรห" with
 * the "ห" of the next column's "หลัก"). A word after a space goes with the
 * next word when that one follows without a space; a word without a space
 * before it goes with the one before. The box is cut at the rule.
 */
export function besideRule(lw: LayoutWord, words: readonly LayoutWord[], i: number, g: RuledGrid): LayoutWord {
  const across = (o: LayoutWord, r: number): boolean => (o.x0 < r - 2 && o.x1 > r + 2) || (o.x1 - o.x0 <= 3 && Math.abs((o.x0 + o.x1) / 2 - r) <= 2);
  const x = g.xs.slice(1, -1).find((r) => across(lw, r));
  if (x === undefined) return lw;
  const next = words[i + 1];
  const prev = words[i - 1];
  // a neighbour on the same line that is neither the rule read as a character nor over the rule itself
  const sameLine = (o: LayoutWord | undefined): o is LayoutWord =>
    !!o &&
    o.w.line === lw.w.line &&
    !/^[|()[\]{}!lI1/\\เใ]$/.test(o.w.text) &&
    !across(o, x) &&
    Math.abs(o.y0 + o.y1 - lw.y0 - lw.y1) < lw.y1 - lw.y0 + (o.y1 - o.y0);
  let mate: LayoutWord | null = null;
  if (lw.w.spaceBefore && sameLine(next) && !next.w.spaceBefore) mate = next;
  else if (!lw.w.spaceBefore && sameLine(prev)) mate = prev;
  if (!mate) return lw;
  const mc = (mate.x0 + mate.x1) / 2;
  if (Math.abs(mc - x) < 2) return lw;
  const right = mc > x;
  const x0 = right ? Math.max(lw.x0, x + 1) : Math.min(lw.x0, x - 2);
  const x1 = right ? Math.max(lw.x1, x + 2) : Math.min(lw.x1, x - 1);
  const dx0 = x0 - lw.x0;
  const dx1 = x1 - lw.x1;
  return { ...lw, x0, x1, w: { ...lw.w, bbox: { ...lw.w.bbox, x0: lw.w.bbox.x0 + dx0, x1: lw.w.bbox.x1 + dx1 } } };
}

/** Words inside a ruled grid → rows of cells with their spans, and the cell lines. */
export function gridTable(
  g: RuledGrid,
  words: readonly LayoutWord[],
  H: number,
  pitch: number,
  page: number,
  onEmpty: (c: TableCell, rect: BBox, numbering: boolean) => void = () => undefined,
): { rows: TableRow[]; lines: LayoutLine[] } {
  const at = cellIndex(g);
  const inCell: LayoutWord[][] = g.cells.map(() => []);
  for (const [i, w] of words.entries()) {
    const kept = withoutRule(w, g, H);
    if (!kept || onHorizontalRule(kept, g, H)) continue;
    for (const lw of clipToColumns(besideRule(kept, words, i, g), g, H)) {
      const r = intervalOf(g.ys, (lw.y0 + lw.y1) / 2);
      const c = intervalOf(g.xs, (lw.x0 + lw.x1) / 2);
      const k = r >= 0 && c >= 0 ? at(r, c) : -1;
      if (k >= 0) (inCell[k] as LayoutWord[]).push(lw);
    }
  }
  // a boundary drawn across part of a row only, the cells it cuts off empty: no row (see withoutEmptySplit)
  const merged = withoutEmptySplit(g, (k) => (inCell[k] as LayoutWord[]).length > 0);
  if (merged !== g) return gridTable(merged, words, H, pitch, page, onEmpty);
  g.cells.forEach((gc, k) => {
    inCell[k] = withoutOpeningMarks(inCell[k] as LayoutWord[], g.xs[gc.c] as number, H);
  });
  const allLines: LayoutLine[] = [];
  const byRow: TableCell[][] = g.ys.slice(1).map(() => []);
  const made = g.cells.map((gc, k) => {
    const lines = groupLines(inCell[k] as LayoutWord[], H);
    allLines.push(...lines);
    const rect = { x0: g.xs[gc.c] as number, y0: g.ys[gc.r] as number, x1: g.xs[gc.c + gc.colspan] as number, y1: g.ys[gc.r + gc.rowspan] as number };
    const shaded = g.shade ? shadedRect(g.shade.map, rect, g.shade.skew) : false;
    const c = cell(linesToCellParagraphs(lines, pitch, cellTextRight(lines, rect, H), H), { colspan: gc.colspan, rowspan: gc.rowspan, shaded });
    (byRow[gc.r] as TableCell[]).push(c);
    return c;
  });
  g.cells.forEach((gc, k) => {
    if ((inCell[k] as LayoutWord[]).length > 0) return;
    const rect = { x0: g.xs[gc.c] as number, y0: g.ys[gc.r] as number, x1: g.xs[gc.c + gc.colspan] as number, y1: g.ys[gc.r + gc.rowspan] as number };
    onEmpty(made[k] as TableCell, rect, numberingColumn(g, made, k));
  });
  const rows = byRow.filter((cells) => cells.length > 0).map((cells) => row(cells, position(page, null)));
  return { rows, lines: allLines };
}

/**
 * The grid without its first row boundary that only some columns draw
 * while cells of other columns run across it, when every cell it cuts off
 * below is empty (one row tall, under a cell of the same columns): a
 * stroke across one cell (a signature or a stamp's ring over the table, a
 * faint remnant of one once its colour ink is dropped, a pen mark) taken
 * for a rule. As a row it would hold nothing of its own but repeat the
 * cells running across it: a row read twice. The grid itself when there
 * is no such boundary.
 */
export function withoutEmptySplit(g: RuledGrid, filled: (k: number) => boolean): RuledGrid {
  for (let r = 1; r + 1 < g.ys.length; r++) {
    const own = g.cells.filter((c) => c.r === r);
    const across = g.cells.some((c) => c.r < r && c.r + c.rowspan > r);
    if (!across || own.length === 0) continue;
    const cut = own.every((c) => c.rowspan === 1 && !filled(g.cells.indexOf(c)) && g.cells.some((a) => a.c === c.c && a.colspan === c.colspan && a.r + a.rowspan === r));
    if (!cut) continue;
    const cells = g.cells
      .filter((c) => c.r !== r)
      .map((c) => (c.r > r ? { ...c, r: c.r - 1 } : c.r + c.rowspan > r ? { ...c, rowspan: c.rowspan - 1 } : c));
    return { ...g, ys: g.ys.filter((_, k) => k !== r), cells };
  }
  return g;
}

/**
 * A cell's words without the opening bracket or bar Tesseract puts before
 * a line that starts at the cell's padding by the left rule ("ไตรมาสที่
 * (2-3", "ทุก (ไตรมาส", "(การปฏิบัติงาน" for lines beginning "2-3",
 * "ไตรมาส", "การ…"): a word opening with "(", "[", "{" or "|" within 1.2 H
 * of the rule, with nothing closing it in the word or after it in the cell.
 * A bracket closed later ("(1)", "(E-" / "Service)") is text.
 */
export function withoutOpeningMarks(ws: readonly LayoutWord[], left: number, H: number): LayoutWord[] {
  const closes = (o: LayoutWord, w: LayoutWord): boolean => /[)\]}]/.test(o.w.text) && (o === w || o.y0 + o.y1 > w.y0 + w.y1 + H || (Math.abs(o.y0 + o.y1 - w.y0 - w.y1) <= H && o.x0 >= w.x0));
  return ws.flatMap((w) => {
    if (!/^[([{|]/.test(w.w.text) || w.x0 - left < -0.4 * H || w.x0 - left > 1.2 * H || ws.some((o) => closes(o, w))) return [w];
    const text = w.w.text.replace(/^[([{|]+/, '');
    return text === '' ? [] : [{ ...w, w: { ...w.w, text } }];
  });
}

/** A row number opening a cell: "3", "๑.", "(๒)", "๑.๒". */
const ROW_NUMBER = /^[([]?[0-9๐-๙]{1,3}(?:[.)\]]|[.][0-9๐-๙]{1,2})?(?:\s|$)/;

/**
 * Whether the one-column cell k stands in a column that numbers the rows:
 * most of the other filled cells of its column (two at least) open with a
 * row number.
 */
function numberingColumn(g: RuledGrid, made: readonly TableCell[], k: number): boolean {
  const gc = g.cells[k];
  if (!gc || gc.colspan !== 1) return false;
  let filled = 0;
  let numbered = 0;
  g.cells.forEach((o, j) => {
    const text = made[j]?.paragraphs[0]?.trim() ?? '';
    if (j === k || o.c !== gc.c || o.colspan !== 1 || text === '') return;
    filled++;
    if (ROW_NUMBER.test(text)) numbered++;
  });
  return numbered >= 2 && numbered * 2 > filled;
}

/**
 * Lines of one cell → paragraphs (a gap of more than 1.6 line pitches starts a new one); a word the
 * cell's width broke across lines (cell-wrap.ts) is joined again without a space.
 */
function linesToCellParagraphs(lines: readonly LayoutLine[], pitch: number, right: number, H: number): string[] {
  const out: string[] = [];
  let cur = '';
  let prev: LayoutLine | null = null;
  for (const l of lines) {
    if (prev && cur !== '' && brokenInCell(prev, l, right, H)) {
      cur += l.text.trim();
      prev = l;
      continue;
    }
    if (prev && l.yc - prev.yc > 1.6 * pitch && cur !== '') {
      out.push(cur);
      cur = '';
    }
    cur = joinWrappedLines(cur, l.text);
    prev = l;
  }
  if (cur !== '') out.push(cur);
  return out;
}
