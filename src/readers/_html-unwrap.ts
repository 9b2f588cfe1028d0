/**
 * Tables used for layout: a page or a Word document that puts its content,
 * the measure table included, inside the one column of an outer table (a
 * bordered box, an old web page's frame). The walker flattens a table inside
 * a cell into one paragraph per inner row, its cells joined by FLAT_CELL.
 * An outer table of one column whose cells hold such rows is unwrapped here:
 * its cells' paragraphs become blocks again and each run of flattened rows a
 * table of its own. Anywhere else a flattened row reads "a | b | c".
 */
import type { Block, ParagraphBlock, TableBlock, TableCell, TableRow } from '../model/blocks.js';
import { FLAT_CELL } from './_html-parts.js';

const isFlat = (p: string): boolean => p.includes(FLAT_CELL);
const joined = (p: string): string =>
  isFlat(p)
    ? p
        .split(FLAT_CELL)
        .filter((x) => x !== '')
        .join(' | ')
    : p;

function cell(text: string): TableCell {
  return { paragraphs: text === '' ? [] : [text], bold: false, colspan: 1, rowspan: 1 };
}

/** A one-column table with a table inside at least one of its cells (two flattened rows or more). */
function isLayout(t: TableBlock): boolean {
  return t.rows.length > 0 && t.rows.every((r) => r.cells.length === 1) && t.rows.some((r) => r.cells[0]!.paragraphs.filter(isFlat).length >= 2);
}

function unwrap(t: TableBlock): Block[] {
  const out: Block[] = [];
  for (const r of t.rows) {
    const c = r.cells[0]!;
    let rows: TableRow[] = [];
    const flush = () => {
      if (rows.length > 0) out.push({ type: 'table', rows, source: r.source });
      rows = [];
    };
    for (const p of c.paragraphs) {
      if (isFlat(p)) rows.push({ cells: p.split(FLAT_CELL).map(cell), header: false, source: r.source });
      else {
        flush();
        out.push({ type: 'paragraph', text: p, bold: c.bold, source: r.source } satisfies ParagraphBlock);
      }
    }
    flush();
  }
  return out;
}

export function unwrapLayoutTables(blocks: Block[]): Block[] {
  if (!blocks.some((b) => b.type === 'table' && b.rows.some((r) => r.cells.some((c) => c.paragraphs.some(isFlat))))) return blocks;
  return blocks.flatMap((b): Block[] => {
    if (b.type !== 'table') return [b];
    if (isLayout(b)) return unwrap(b);
    return [{ ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(joined) })) })) }];
  });
}
