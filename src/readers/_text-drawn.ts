/**
 * Tables drawn with characters, as pandoc writes them to its Markdown and
 * to plain text (and as many text tools draw them):
 *
 *   grid       +-----+-----+   rows between +---+ lines, the header above +===+,
 *              | a   | b   |   a cell's paragraphs separated by blank lines
 *   multiline  ------------    a full dash line, header lines, a line of one
 *              h1    h2        dash run per column, rows separated by blank
 *              ----- -----     lines (a cell's text wrapped over several lines),
 *              a     b         a closing dash line; headerless ones open with
 *                              the column line
 *   simple     h1    h2        one header line over the column line, one line
 *              ----- -----     a row, ending at a blank line or a dash line
 *              a     b
 *
 * Columns lie where the column line's dash runs start. Where that is
 * depends on how the writer counted a Thai letter's width: pandoc 2 counts
 * every code point (a tone mark or upper vowel is one column), newer
 * writers count combining marks as nothing. Both are tried on each table,
 * and the one that cuts fewer words at the column starts is taken.
 */

export interface DrawnRow {
  /** Each cell's paragraphs, raw (inline Markdown kept). */
  cells: string[][];
  header: boolean;
}

export interface DrawnTable {
  rows: DrawnRow[];
  /** Index of the table's last line. */
  end: number;
}

const DASHES = /^\s*-{2,}(?:\s+-{2,})*\s*$/;
const GRID_RULE = /^\s*\+(?:[-=:]+\+)+\s*$/;

/** Start of each dash run of a column line, in code points. */
function runs(line: string): number[] {
  return [...line.matchAll(/-+/g)].map((m) => m.index ?? 0);
}

function runWidths(line: string): number[] {
  return [...line.matchAll(/-+/g)].map((m) => m[0].length);
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** The code points of a line with the column each starts at, under one way of counting width. */
function placed(line: string, marksZero: boolean): Array<{ ch: string; at: number }> {
  const out: Array<{ ch: string; at: number }> = [];
  let at = 0;
  for (const ch of line) {
    out.push({ ch, at });
    if (!(marksZero && ZERO_WIDTH.test(ch))) at++;
  }
  return out;
}

/** A line cut at the column starts; each piece trimmed. */
function slice(line: string, starts: number[], marksZero: boolean): string[] {
  const pieces = starts.map(() => '');
  let k = 0;
  for (const { ch, at } of placed(line, marksZero)) {
    while (k + 1 < starts.length && at >= starts[k + 1]!) k++;
    pieces[k] += ch;
  }
  return pieces.map((p) => p.trim());
}

/** Column starts a line's text runs across (a letter just before the start and one at it). */
function cuts(line: string, starts: number[], marksZero: boolean): number {
  const p = placed(line, marksZero);
  let n = 0;
  for (const s of starts.slice(1)) {
    const i = p.findIndex((c) => c.at >= s);
    if (i > 0 && /\S/.test(p[i]!.ch) && /\S/.test(p[i - 1]!.ch)) n++;
  }
  return n;
}

function countsMarks(lines: string[], starts: number[]): boolean {
  const byCodePoint = lines.reduce((n, l) => n + cuts(l, starts, false), 0);
  const byWidth = lines.reduce((n, l) => n + cuts(l, starts, true), 0);
  return byWidth < byCodePoint;
}

/** Whether a cell line fills its column's width, by either way of counting. */
function fills(line: string, width: number): boolean {
  return [...line].length >= width || placed(line, true).length > 0 && [...line].filter((c) => !ZERO_WIDTH.test(c)).length >= width;
}

/**
 * Wrapped lines of one cell → its paragraphs (a blank line, or a line
 * opening with a list marker, starts one). Lines join with a space where
 * the writer wrapped at one; a line that fills the column's width is the
 * rest of a word too long for the column, cut without one (pandoc cuts a
 * long Thai run into full-width pieces after a shorter first one: "แ" |
 * "ละประชาสัมพันธ์"), and joins the line before it directly.
 */
function paragraphs(lines: string[], width = Infinity): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = (): void => {
    if (cur !== '') out.push(cur);
    cur = '';
  };
  for (const l of lines) {
    if (l === '') flush();
    else {
      if (/^(?:[-*+]|\d+[.)]|\(\d+\))\s/.test(l) && cur !== '') flush();
      cur = cur === '' ? l : `${cur}${fills(l, width) ? '' : ' '}${l}`;
    }
  }
  flush();
  return out;
}

/** Rows of lines cut into columns: one row per group of lines; `widths`, each column's dash run. */
function rowsOf(groups: string[][], starts: number[], widths: number[], marksZero: boolean, header: boolean): DrawnRow[] {
  return groups
    .filter((g) => g.some((l) => l.trim() !== ''))
    .map((g) => {
      const cut = g.map((l) => slice(l, starts, marksZero));
      return { cells: starts.map((_, k) => paragraphs(cut.map((c) => c[k] ?? ''), widths[k])), header };
    });
}

function gridTable(lines: string[], i: number): DrawnTable | null {
  const top = lines[i] ?? '';
  const starts = [...top.matchAll(/\+/g)].map((m) => m.index ?? 0);
  const n = starts.length - 1;
  // inside a cell's borders, less a space of padding on each side
  const widths = starts.slice(1).map((e, k) => e - starts[k]! - 3);
  const rows: DrawnRow[] = [];
  let block: string[][] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const l = lines[j] ?? '';
    if (GRID_RULE.test(l)) {
      const header = l.includes('=');
      if (block.length > 0) rows.push({ cells: block.map((c, k) => paragraphs(c, widths[k])), header });
      if (header) for (const r of rows) r.header = true;
      block = [];
      continue;
    }
    const t = l.trim();
    if (!t.startsWith('|') || !t.endsWith('|')) break;
    let parts = t.slice(1, -1).split('|');
    // a cell holding "|": cut at the rule's column starts instead
    if (parts.length !== n) parts = slice(l, starts, countsMarks([l], starts)).slice(0, n).map((p) => p.replace(/^\||\|$/g, ''));
    if (block.length === 0) block = Array.from({ length: n }, () => []);
    parts.forEach((p, k) => block[k]?.push(p.trim()));
  }
  if (rows.length === 0 || !GRID_RULE.test(lines[j - 1] ?? '')) return null;
  return { rows, end: j - 1 };
}

/**
 * The body after a column line. A table opened by a dash line (multiline,
 * or headerless) runs to its closing dash line, its rows split at blank
 * lines; a simple table (a header line over the column line) ends at its
 * first blank line or a dash line, one row a line.
 */
function body(lines: string[], from: number, closed: boolean): { groups: string[][]; end: number } | null {
  const raw: string[] = [];
  for (let j = from; j < lines.length; j++) {
    const l = lines[j] ?? '';
    if (DASHES.test(l)) return { groups: closed ? split(raw) : raw.map((x) => [x]), end: j };
    if (l.trim() === '') {
      if (!closed) return { groups: raw.map((x) => [x]), end: j - 1 };
      // two empty lines in a row: no closing line came (a line of spaces is an empty row, pandoc writes one)
      if (l === '' && lines[j + 1] === '') return null;
    }
    raw.push(l);
  }
  return closed ? null : { groups: raw.map((x) => [x]), end: lines.length - 1 };
}

function split(raw: string[]): string[][] {
  if (!raw.some((l) => l.trim() === '')) return raw.map((l) => [l]);
  const groups: string[][] = [[]];
  for (const l of raw) {
    if (l.trim() === '') groups.push([]);
    else groups[groups.length - 1]!.push(l);
  }
  return groups.filter((g) => g.length > 0);
}

function dashTable(lines: string[], headerLines: string[], colLine: number, closed: boolean): DrawnTable | null {
  const starts = runs(lines[colLine] ?? '');
  if (starts.length < 2) return null;
  const b = body(lines, colLine + 1, closed);
  // a table of one row that the writer took for its header (pandoc: a Word table's first row is its header)
  // has no body: the dash lines around it still make it a table
  if (!b || (b.groups.length === 0 && headerLines.length === 0)) return null;
  const all = [...headerLines, ...b.groups.flat()];
  const marksZero = countsMarks(all, starts);
  const widths = runWidths(lines[colLine] ?? '');
  const rows = [
    ...(headerLines.length > 0 ? rowsOf([headerLines], starts, widths, marksZero, true) : []),
    ...rowsOf(b.groups, starts, widths, marksZero, false),
  ];
  return { rows, end: b.end };
}

/** The drawn table starting at line i, or null. */
export function drawnTable(lines: string[], i: number): DrawnTable | null {
  const line = lines[i] ?? '';
  if (GRID_RULE.test(line) && !line.includes('=')) return gridTable(lines, i);
  if (DASHES.test(line)) {
    if (runs(line).length >= 2) return dashTable(lines, [], i, true);
    // a full dash line: header lines, then the column line (a rule between paragraphs has none)
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      const l = lines[j] ?? '';
      if (l.trim() === '') return null;
      if (DASHES.test(l)) return runs(l).length >= 2 ? dashTable(lines, lines.slice(i + 1, j), j, true) : null;
    }
    return null;
  }
  const next = lines[i + 1] ?? '';
  if (line.trim() !== '' && DASHES.test(next) && runs(next).length >= 2) return dashTable(lines, [line], i + 1, false);
  return null;
}
