/**
 * PDF reader, document assembly: page layouts → blocks, stage by stage.
 *
 * - Running headers and footers (the same text at the same height on most
 *   pages, or a page number near the top or bottom edge) are dropped
 *   (_pdf-running.ts).
 * - Lines laid out in aligned columns without rules become tables
 *   (_pdf-columns.ts, _pdf-gutters.ts).
 * - Other lines become paragraphs (consecutive lines of one paragraph
 *   merged) or headings (a larger font than the body text).
 * - A table continued at the top of the next page joins the table before
 *   it: a repeated header row is dropped, and a row split by the page break
 *   (its first cell empty on the new page) is joined to the row it continues.
 */
import { joinWrappedLines } from '../thai/wrap.js';
import {
  type Block,
  type HeadingBlock,
  type ParagraphBlock,
  type TableBlock,
  heading,
  paragraph,
  position,
  table,
} from '../model/blocks.js';
import type { PageLayout, TableItem } from './_pdf-layout.js';
import type { Line } from './_pdf-text.js';
import { paragraphBreak } from './_pdf-paragraphs.js';
import { appendContinuation, continues } from './_pdf-continuation.js';
import { joinSplitHeader } from './_pdf-split-header.js';
import { wrapped } from './_pdf-wrap.js';
import { dropRunningLines } from './_pdf-running.js';
import { columnRows, columnTables, keepsToColumns } from './_pdf-columns.js';
import { gutterRows, gutterTables, inkOf } from './_pdf-gutters.js';

/**
 * Lines at the top of a page that continue an aligned-column table from the
 * previous page: they keep to its columns and its font size. Taken out of
 * the page's items and returned as a table item (null when there are none).
 */
function takeContinuation(p: PageLayout, open: OpenTable): TableItem | null {
  const starts = open.xs.slice(0, -1);
  // a table found from gutters: no text may cross a column start
  const keeps = (l: Line): boolean =>
    open.gutter ? inkOf(l).every(([x0, x1]) => starts.every((s) => !(x0 < s - 1 && x1 > s + 1))) : keepsToColumns(l, starts);
  const lines: Line[] = [];
  let k = 0;
  for (; k < p.items.length; k++) {
    const it = p.items[k]!;
    if (it.kind !== 'line' || Math.abs(it.line.size - open.size) > 0.6 || !keeps(it.line)) break;
    const prev = lines[lines.length - 1];
    const gap = open.gutter ? 4 * it.line.size : 3 * p.pitch * it.line.size;
    if (prev && prev.y - it.line.y > gap) break;
    lines.push(it.line);
  }
  if (lines.length === 0) return null;
  p.items = p.items.slice(k);
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const rows = open.gutter ? gutterRows(lines, starts, p) : columnRows(lines, starts, p.pitch, p.page, p.pitch);
  return {
    kind: 'table',
    top: first.y + first.size,
    bottom: last.y - last.size * 0.3,
    xs: open.xs,
    rows,
    ruled: false,
    size: open.size,
    gutter: open.gutter,
  };
}

/* ------------------------------------------------------------------------ */
/* Blocks                                                                    */
/* ------------------------------------------------------------------------ */

/** A line that opens a list item or a numbered point: never the continuation of a paragraph. */
const LIST_START = /^(?:[-–•●○▪■◦*✓]\s|\(?[0-9๐-๙]{1,3}[.)](?![0-9๐-๙])|[ก-ฮ][.)]\s|ข้อ\s*[A-Za-z0-9๐-๙])/;

/** A line opening with a field's label ("ระยะเวลาดำเนินการ: …", "ผู้รับผิดชอบ :"): a paragraph of its own. */
const FIELD_LABEL = /^[\u0e01-\u0e4e]{2,30}(?: [\u0e01-\u0e4e]{2,30}){0,2} ?:/;

function weightedMode(values: Array<{ v: number; w: number }>): number | null {
  const acc = new Map<number, number>();
  for (const { v, w } of values) {
    const key = Math.round(v * 2) / 2;
    acc.set(key, (acc.get(key) ?? 0) + w);
  }
  let best: number | null = null;
  let bestW = -1;
  for (const [k, w] of acc) {
    if (w > bestW) {
      best = k;
      bestW = w;
    }
  }
  return best;
}

function percentile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(v.length * q))] ?? null;
}

interface OpenTable {
  block: TableBlock;
  xs: number[];
  ruled: boolean;
  /** Font size of an aligned-column table's text. */
  size: number;
  /** Found from gutters (gutterTables). */
  gutter: boolean;
}

interface OpenParagraph {
  block: ParagraphBlock | HeadingBlock;
  last: Line;
  pitch: number;
}

export function assemble(pages: PageLayout[]): Block[] {
  dropRunningLines(pages);

  const freeLines = pages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'line' ? [it.line] : [])));
  const body = weightedMode(freeLines.map((l) => ({ v: l.size, w: l.text.length }))) ?? 0;
  const longLines = freeLines.filter((l) => l.text.length >= 20);
  const right = percentile((longLines.length > 0 ? longLines : freeLines).map((l) => l.x1), 0.9) ?? 0;
  const left = percentile(freeLines.map((l) => l.x0), 0.1) ?? 0;
  // the right margin: where the longest lines end (the second longest: one line may stray past the margin,
  // but not the longest when it ends inside the margin the left one mirrors: with few lines of prose, the
  // second longest may be the paragraph's last line, and the line after it taken for its wrapped rest)
  const ends = freeLines.map((l) => l.x1).sort((a, b) => b - a);
  const box = pages[0]?.box;
  const mirrored = box ? box.right - (left - box.left) + body : -Infinity;
  const margin = (ends[0] !== undefined && ends[0] <= mirrored ? ends[0] : ends[Math.min(1, ends.length - 1)]) ?? 0;
  const fullWidth = (l: Line): boolean => l.x1 >= right - Math.max(3 * l.size, (right - left) * 0.15);
  const isHeading = (l: Line): boolean => body > 0 && l.size >= body * 1.12;

  const blocks: Block[] = [];
  let openTable: OpenTable | null = null;
  let openPara: OpenParagraph | null = null;
  const knownColumns: number[][] = [];

  for (const p of pages) {
    if (openTable && !openTable.ruled) {
      const cont = takeContinuation(p, openTable);
      if (cont) p.items.unshift(cont);
    }
    gutterTables(p, knownColumns);
    columnTables(p);
    let firstOnPage = true;
    for (const it of p.items) {
      const at = position(p.page, null);
      if (it.kind === 'table') {
        openPara = null;
        const cont = firstOnPage && openTable !== null && continues(openTable.block, openTable, it);
        if (cont && openTable) {
          appendContinuation(openTable.block, it.rows);
          openTable.xs = it.xs;
        } else if (firstOnPage && openTable?.ruled && it.ruled && joinSplitHeader(openTable.block, openTable.xs, it.rows, it.xs)) {
          // a two-row header the page break split: joined above (_pdf-split-header.ts)
          openTable.xs = it.xs;
        } else {
          const block = table(it.rows, at);
          blocks.push(block);
          openTable = { block, xs: it.xs, ruled: it.ruled, size: tableFontSize(it), gutter: it.gutter === true };
        }
        firstOnPage = false;
        continue;
      }
      const l = it.line;
      openTable = null;
      const kind = isHeading(l) ? 'heading' : 'paragraph';
      const open = openPara;
      const sameKind = open !== null && (open.block.type === 'heading') === (kind === 'heading');
      if (
        open &&
        sameKind &&
        open.last.bold === l.bold &&
        Math.abs(open.last.size - l.size) <= 0.5 &&
        (kind === 'heading' || (fullWidth(open.last) && wrapped(open.last, l, Math.max(margin, right), undefined, left))) &&
        !LIST_START.test(l.text) &&
        !FIELD_LABEL.test(l.text) &&
        (firstOnPage
          ? kind === 'paragraph' && l.x0 <= left + 2 * l.size // a paragraph running on from the previous page
          : open.last.y - l.y <= paragraphBreak(open.pitch, l.size))
      ) {
        // the next line of the same paragraph (or of a heading set on two lines)
        open.block.text = joinWrappedLines(open.block.text, l.text, { prose: true });
        open.last = l;
      } else {
        const block = kind === 'heading' ? heading(l.text, null, at) : paragraph(l.text, at, l.bold);
        blocks.push(block);
        openPara = { block, last: l, pitch: p.pitch };
      }
      firstOnPage = false;
    }
    // A table or paragraph runs on only into the very top of the next page.
    if (p.items.length === 0) {
      openTable = null;
      openPara = null;
    }
  }
  return blocks.filter((b) => b.type !== 'table' || b.rows.length > 0);
}

/** Most common font size of an aligned-column table (0 for ruled tables: unused). */
function tableFontSize(it: TableItem): number {
  return it.size ?? 0;
}
