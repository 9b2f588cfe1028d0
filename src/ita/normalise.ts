/**
 * The normalise stage: every text of every block through normalizeThai
 * (PUA glyphs, sara am, mark order, zero-width characters, spaces). Wrap
 * repair is left to the recognisers, which know which cells were wrapped.
 */
import { normalizeThai } from '../thai/normalize.js';
import type { Block, TableCell } from '../model/blocks.js';

function norm(s: string): string {
  return normalizeThai(s).replace(/\s+/g, ' ').trim();
}

function normCell(c: TableCell): TableCell {
  return { ...c, paragraphs: c.paragraphs.map(norm).filter((p) => p !== '') };
}

export function normaliseBlocks(blocks: Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case 'table':
        return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(normCell) })) };
      default:
        return { ...b, text: norm(b.text) };
    }
  });
}
