/**
 * OCR words → blocks: lines by geometry, ruled tables from the rules in the
 * page image, other tables by column alignment, paragraphs from the
 * remaining lines.
 *
 * Tesseract returns Thai text almost one character a "word" (combining
 * marks often on their own), groups them into its own lines, and makes
 * short extra "lines" of the marks above a Thai line it could not attach
 * (read as "a", "_", "4", "ซี่"…). The steps:
 *
 * 1. Scale: H, the median height of words holding a base letter or digit.
 * 2. Debris: a Tesseract line is dropped when it is very unsure (mean
 *    confidence under 35), or its words are small (median height under
 *    0.62 H) and it is unsure (under 80), sparse (under 0.4 words per H of
 *    width, where Thai text has ~1.1) or mostly not Thai letters, or it is
 *    both unsure (under 70) and sparse; so are lone "|" (table rules read
 *    as text) and words taller than 3.5 H (rules, frames).
 * 3. Skew: the median slope of long lines; coordinates are rotated back by
 *    it, so rows are horizontal and columns vertical.
 * 4. Ruled tables (with the page image): rules found in the image
 *    (rules.ts) make grids; words go to cells by their centre (a bracket or
 *    bar touching a rule is the rule, read as a character, and is dropped);
 *    a cell missing an inner rule spans columns; a cell with ink but no
 *    word is reported (emptyCells) for a second reading.
 * 5. Lines: Tesseract's lines (fragments on one row are merged), words in x
 *    order; a space where Tesseract put one or where the gap exceeds 0.6 H;
 *    text through normalizeThai.
 * 6. Tables without rules: cell text is left-aligned, so a column shows as many segments
 *    (runs of words split at gaps of 0.45 H or more) starting at one x, with
 *    ink on the same line to their left, after a blank wider than a word
 *    space (median 0.9 H or more). Such x clusters are candidate column
 *    starts; each is followed up and down over the lines that do not
 *    cross it (a word straddling it ends the run). The strongest run and the
 *    boundaries whose runs cover most of it make a table; its lines are the
 *    ones all accepted boundaries run through. Words go to columns by their
 *    centre; a new row starts where two or more cells, or the first one,
 *    get text after an empty line (cells are top-aligned), where every
 *    cell is filled on this line and the one before, where the first cell
 *    is a number or a bullet, or after a gap larger than 1.45 line pitches.
 * 7. The other lines: paragraphs. A new one starts after a gap of
 *    1.22 line pitches (the lower quartile of line distances), after a
 *    line ending short of the right margin (by 12 % of the text width), at
 *    a centred line, and where boldness changes.
 *    Bold: with the page image, a line whose mean stroke width (dark runs
 *    across and along its letters) is 1.2× the page's median.
 *
 * Stages live in lines.ts (1–3, 5), ruled-table.ts with rules.ts and
 * grid.ts (4), aligned.ts (6); this file has the paragraphs and the whole.
 */
import { type Block, type TableCell, paragraph, position, table } from '../model/blocks.js';
import { joinWrappedLines } from '../thai/wrap.js';
import { buildTable, findTables } from './aligned.js';
import { rememberGrid } from './continued.js';
import { type RuledGrid, ruledGrids } from './grid.js';
import { type LayoutLine, type LayoutWord, baseHeight, deskew, dropDebris, estimateSkew, groupLines, linePitch, mean, median } from './lines.js';
import { gridTable, inkedRegion } from './ruled-table.js';
import { findRules } from './rules.js';
import type { BBox, GreyImage, OcrWord } from './types.js';

export { type LayoutLine, type LayoutWord, baseHeight, dropDebris, estimateSkew, wordsText } from './lines.js';

export interface OcrLayout {
  blocks: Block[];
  /** Mean word confidence of each block (0–100), same order as blocks. */
  confidence: number[];
  /** All text lines, top to bottom (tables included), for diagnostics and number repair. */
  lines: LayoutLine[];
  /** Median height of a base character, pixels. */
  scale: number;
  /** Skew the page was corrected for (slope dy/dx). */
  skew: number;
  /**
   * Cells of ruled tables that hold ink but no recognised word (Tesseract
   * skips a lone digit in a narrow cell): their box in image pixels, for a
   * second reading (ocrPdf fills them in).
   */
  emptyCells: Array<{ cell: TableCell; bbox: BBox; numbering: boolean }>;
}

export interface OcrLayoutOptions {
  /** The page image, when at hand: used to tell bold lines (ink density) and find ruled tables. */
  image?: GreyImage | null;
  /**
   * The page's ruled tables, found before recognition in coordinates
   * deskewed by `skew` (tablepage.ts: the image's rules are erased, so
   * there are none left to find). Without them, rules are looked for in
   * the image.
   */
  grids?: RuledGrid[] | null;
  /** The skew the grids were found with (measured on the rules). */
  skew?: number;
}


/* ------------------------------------------------------------------------ */
/* 6. Paragraphs                                                             */
/* ------------------------------------------------------------------------ */

/** The start of a numbered item: "ข้อ ๒๗", "๓.", "๒)", "(๒)" (Thai or Arabic digits). */
const ITEM_START = /^(?:ข้อ\s*[0-9๐-๙]{1,3}(?![0-9๐-๙])|[0-9๐-๙]{1,3}[.)](?![0-9๐-๙])|\([0-9๐-๙]{1,3}\))/u;

// OCR splits words inside Thai syllables ("ข้" "อ"): the line's words joined without spaces
const lineText = (l: LayoutLine): string => l.words.map((w) => w.w.text).join('');

function paragraphsOf(
  lines: readonly LayoutLine[],
  H: number,
  left: number,
  right: number,
  isBold: (l: LayoutLine) => boolean,
): LayoutLine[][] {
  const out: LayoutLine[][] = [];
  let cur: LayoutLine[] = [];
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = (lines[i] as LayoutLine).yc - (lines[i - 1] as LayoutLine).yc;
    if (d > 0.8 * H && d < 5 * H) pitches.push(d);
  }
  // the lower quartile: paragraph gaps must not count as the line pitch
  pitches.sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 4)] ?? 2.5 * H;
  for (const l of lines) {
    const prev = cur[cur.length - 1];
    if (prev) {
      const gap = l.yc - prev.yc;
      const prevShort = prev.x1 < right - 0.12 * (right - left);
      // a numbered item ("ข้อ ๒๗ …", "๓. …", "(๒) …") after a line that is not quite full, or after a
      // gap a little wider than the pitch, starts its own paragraph (the bare thresholds are borderline there)
      const item = ITEM_START.test(lineText(l)) && (prev.x1 < right - 0.03 * (right - left) || gap > 1.1 * pitch);
      const centred = Math.abs(l.x0 - left - (right - l.x1)) < 2 * H && l.x0 > left + 3 * H;
      if (gap > 1.22 * pitch || gap < 0 || prevShort || item || centred || isBold(l) !== isBold(prev)) {
        out.push(cur);
        cur = [];
      }
    }
    cur.push(l);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/* ------------------------------------------------------------------------ */
/* Bold                                                                      */
/* ------------------------------------------------------------------------ */

/**
 * Mean stroke width of a line: the mean length of the dark runs, across
 * and along, inside its base words' boxes (bold strokes are ~1.4× wider).
 * Null without an image.
 */
function strokeWidth(words: readonly LayoutWord[], image: GreyImage | null | undefined): number | null {
  if (!image) return null;
  const { width, height, data } = image;
  let runs = 0;
  let len = 0;
  const dark = (x: number, y: number): boolean => (data[y * width + x] ?? 255) < 140;
  for (const lw of words) {
    if (!lw.base) continue;
    const b = lw.w.bbox;
    const x0 = Math.max(0, Math.floor(b.x0));
    const x1 = Math.min(width, Math.ceil(b.x1));
    const y0 = Math.max(0, Math.floor(b.y0));
    const y1 = Math.min(height, Math.ceil(b.y1));
    for (let y = y0; y < y1; y++) {
      let cur = 0;
      for (let x = x0; x <= x1; x++) {
        if (x < x1 && dark(x, y)) cur++;
        else if (cur > 0) {
          runs++;
          len += cur;
          cur = 0;
        }
      }
    }
    for (let x = x0; x < x1; x++) {
      let cur = 0;
      for (let y = y0; y <= y1; y++) {
        if (y < y1 && dark(x, y)) cur++;
        else if (cur > 0) {
          runs++;
          len += cur;
          cur = 0;
        }
      }
    }
  }
  return runs >= 20 ? len / runs : null;
}


/* ------------------------------------------------------------------------ */
/* Entry points                                                              */
/* ------------------------------------------------------------------------ */

/** Words of one page → blocks with their confidences, and the lines found. */
export function ocrLayout(words: readonly OcrWord[], page: number, options: OcrLayoutOptions = {}): OcrLayout {
  const H0 = baseHeight(words);
  if (words.length === 0 || H0 <= 0) return { blocks: [], confidence: [], lines: [], scale: 0, skew: 0, emptyCells: [] };
  const kept = dropDebris(words, H0);
  const H = baseHeight(kept) || H0;
  const given = options.grids ?? null;
  const skew = given ? (options.skew ?? 0) : estimateSkew(kept, H);
  const lws = deskew(kept, skew);

  // ruled tables (from the image), then the remaining words as lines
  const grids = given ?? (options.image ? ruledGrids(findRules(options.image, skew, H), H) : []);
  const claimed: LayoutWord[][] = grids.map(() => []);
  const free: LayoutWord[] = [];
  for (const lw of lws) {
    const cx = (lw.x0 + lw.x1) / 2;
    const cy = (lw.y0 + lw.y1) / 2;
    const g = grids.findIndex((t) => cx > t.x0 && cx < t.x1 && cy > t.y0 && cy < t.y1);
    if (g >= 0) (claimed[g] as LayoutWord[]).push(lw);
    else free.push(lw);
  }
  const lines = groupLines(free, H);
  const pitch = linePitch(lines, H);
  type Item = { y: number; block: Block; conf: number; lines: LayoutLine[] };
  const items: Item[] = [];
  const emptyCells: OcrLayout['emptyCells'] = [];
  grids.forEach((g, k) => {
    const ws = claimed[k] as LayoutWord[];
    if (ws.length === 0) return;
    const { rows, lines: tl } = gridTable(g, ws, H, pitch, page, (c, rect, numbering) => {
      const bbox = options.image ? inkedRegion(options.image, rect, skew, H) : null;
      if (bbox) emptyCells.push({ cell: c, bbox, numbering });
    });
    // a grid without any text is a drawing (a frame, a form), not a table
    if (!rows.some((r) => r.cells.some((c) => c.paragraphs.length > 0))) return;
    const block = table(rows, position(page, null));
    rememberGrid(block, g, options.image?.width ?? g.x1);
    items.push({ y: g.y0, block, conf: mean(ws.map((w) => w.w.confidence)), lines: tl });
  });

  const left = median(lines.map((l) => l.x0).sort((a, b) => a - b).slice(0, Math.max(1, Math.ceil(lines.length / 4))));
  const right = median(lines.map((l) => l.x1).sort((a, b) => b - a).slice(0, Math.max(1, Math.ceil(lines.length / 4))));
  const regions = findTables(lines, H);
  const inTable = new Set<number>();
  for (const r of regions) {
    const { rows, words: tw } = buildTable(lines, r, H, page);
    // ragged prose (a header of left-aligned lines) leaves gutters too: a table has rows with two filled cells
    const filled = rows.filter((row) => row.cells.filter((c) => c.paragraphs.length > 0).length >= 2).length;
    if (filled < 2) continue;
    for (let i = r.from; i <= r.to; i++) inTable.add(i);
    items.push({
      y: (lines[r.from] as LayoutLine).top,
      block: table(rows, position(page, null)),
      conf: mean(tw.map((w) => w.w.confidence)),
      lines: lines.slice(r.from, r.to + 1),
    });
  }
  // the other lines, in runs between tables
  let run: LayoutLine[] = [];
  const strokes = new Map(lines.map((l) => [l, strokeWidth(l.words, options.image)] as const));
  const known = [...strokes.values()].filter((d): d is number => d !== null);
  const bodyStroke = median(known);
  const isBold = (l: LayoutLine): boolean => {
    const sw = strokes.get(l);
    return known.length >= 3 && sw !== null && sw !== undefined && sw > bodyStroke * 1.2;
  };
  const flush = (): void => {
    if (run.length === 0) return;
    for (const para of paragraphsOf(run, H, left, right, isBold)) {
      const text = para.reduce((acc, l) => joinWrappedLines(acc, l.text, { prose: true }), '');
      const bold = para.every(isBold);
      items.push({
        y: (para[0] as LayoutLine).top,
        block: paragraph(text, position(page, null), bold),
        conf: mean(para.flatMap((l) => l.words.map((w) => w.w.confidence))),
        lines: para,
      });
    }
    run = [];
  };
  lines.forEach((l, i) => {
    if (inTable.has(i)) {
      flush();
      return;
    }
    // a ruled table between two lines ends the run
    const prev = run[run.length - 1];
    if (prev && items.some((it) => it.block.type === 'table' && it.y > prev.top && it.y < l.top)) flush();
    run.push(l);
  });
  flush();
  items.sort((a, b) => a.y - b.y);
  return {
    blocks: items.map((x) => x.block),
    confidence: items.map((x) => Math.round(x.conf * 10) / 10),
    lines: items.flatMap((x) => x.lines),
    scale: H,
    skew,
    emptyCells,
  };
}

/**
 * Words of one page → blocks: paragraphs and tables, every block at
 * { page, line: null }, text normalised. See the module comment.
 */
export function ocrToBlocks(words: readonly OcrWord[], page: number, options: OcrLayoutOptions = {}): Block[] {
  return ocrLayout(words, page, options).blocks;
}

/** Union of boxes. */
export function unionBox(boxes: readonly BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
