/**
 * Bounds on what the text and HTML readers build from an input, in proportion
 * to its size, checked while the blocks are made: a hostile input (a row of
 * 300,000 tab-separated cells above 150,000 short rows, `<td rowspan=65534>`,
 * a quarter of a million empty `<td>`) is refused with TOO_LARGE before the
 * memory is spent, not after gigabytes.
 *
 * What is counted is what recognition will lay out: each table as a grid
 * (rows × its widest row, colspans and rowspans expanded the way ita/grid
 * expands them), summed over the document, and the characters of the cells
 * in that grid (a cell spanning rows counts once per row it covers: the
 * rowspan copies text, nothing else does).
 */
import type { TableCell } from '../model/blocks.js';
import { ReadError } from './errors.js';

export interface ReadLimits {
  /** Grid cells of all tables together. */
  gridCells: number;
  /** Characters of the table cells as laid out in the grid. */
  chars: number;
  /** Characters of the input the limits were derived from (for messages). */
  basis: number;
}

/**
 * Grid cells allowed per character of input, and the floor and ceiling of that
 * allowance. ITA reports have about one cell per 100 characters (the largest
 * seen: 324 cells); the pipeline spends roughly 1 KB of memory per cell, so
 * the ceiling keeps a document's tables to about half a gigabyte.
 */
const GRID_CELLS_PER_CHAR = 0.25;
const MIN_GRID_CELLS = 100_000;
export const MAX_GRID_CELLS = 500_000;
/** Characters of table text allowed per character of input, and the floor. */
const CHARS_PER_CHAR = 4;
const MIN_CHARS = 1_000_000;
/**
 * The largest colspan/rowspan a reader keeps (HTML allows colspan up to 1000),
 * and the span the meter lays out. ita/grid expands spans only up to 50, so for
 * spans above that the meter counts more than the grid holds: it may refuse
 * early, never late (the blocks, which carry spans up to this, are the API's
 * output too).
 */
export const MAX_SPAN = 1000;

/** The limits for an input of `length` characters. */
export function limitsFor(length: number): ReadLimits {
  return {
    gridCells: Math.min(MAX_GRID_CELLS, Math.max(MIN_GRID_CELLS, Math.floor(GRID_CELLS_PER_CHAR * length))),
    chars: Math.max(MIN_CHARS, CHARS_PER_CHAR * length),
    basis: length,
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string): string => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;

/** The running total for one document; `table()` meters one table against it. */
export class ReadBudget {
  cells = 0;
  chars = 0;

  constructor(readonly limits: ReadLimits) {}

  table(where: () => string): TableMeter {
    return new TableMeter(this, where);
  }

  tooLarge(what: string): ReadError {
    return new ReadError('TOO_LARGE', what);
  }
}

/** One table as the grid it will become: rows, widest row, and the columns rowspans still cover. */
export class TableMeter {
  private rows = 0;
  private width = 0;
  private charged = 0;
  /** Per column: rows a cell above still covers, and that cell's characters. */
  private readonly pending: Array<{ left: number; chars: number } | undefined> = [];
  /** Columns of the row being read so far (before rowspans), for `cell`. */
  private open = 0;

  constructor(
    private readonly budget: ReadBudget,
    private readonly where: () => string,
  ) {}

  /**
   * A cell of the row being read, before the row is complete: refuses a row
   * that alone would exceed the budget before all of its cells are in memory.
   */
  cell(colspan: number): void {
    this.open += clamp(colspan);
    this.check(Math.max(this.width, this.open));
  }

  /** `n` more cells of span 1 in the row being read (a tab-separated line, before it is split). */
  cells(n: number): void {
    this.open += n;
    this.check(Math.max(this.width, this.open));
  }

  /** The row being read is dropped (it has no text): it takes no place in the grid. */
  drop(): void {
    this.open = 0;
  }

  /** A row the table keeps: laid out as ita/grid does, and charged. */
  row(cells: readonly TableCell[]): void {
    this.open = 0;
    let col = 0;
    let chars = 0;
    const take = () => {
      for (let p = this.pending[col]; p && p.left > 0; p = this.pending[col]) {
        p.left--;
        chars += p.chars;
        col++;
      }
    };
    for (const c of cells) {
      take();
      const span = clamp(c.colspan);
      const down = clamp(c.rowspan);
      const n = c.paragraphs.reduce((sum, p) => sum + p.length, 0);
      chars += n;
      for (let k = 0; k < span; k++) {
        if (down > 1) this.pending[col] = { left: down - 1, chars: k === 0 ? n : 0 };
        col++;
      }
      this.check(Math.max(this.width, col));
    }
    take();
    this.rows++;
    this.width = Math.max(this.width, col);
    const area = this.rows * this.width;
    this.budget.cells += area - this.charged;
    this.charged = area;
    this.budget.chars += chars;
    if (this.budget.chars > this.budget.limits.chars) {
      throw this.budget.tooLarge(
        `${this.where()} is too large: its cells hold ${plural(this.budget.chars, 'character')} once row-spanning cells are repeated, where an input of ${plural(this.budget.limits.basis, 'character')} allows ${fmt(this.budget.limits.chars)}`,
      );
    }
  }

  /** Would the table, with the current row `width` wide, exceed the document's grid cells? */
  private check(width: number): void {
    const area = (this.rows + 1) * Math.max(this.width, width);
    const total = this.budget.cells - this.charged + area;
    if (total <= this.budget.limits.gridCells) return;
    throw this.budget.tooLarge(
      `${this.where()} is too large: ${plural(this.rows + 1, 'row')} × ${plural(Math.max(this.width, width), 'column')} make the document's tables ${plural(total, 'cell')}, where an input of ${plural(this.budget.limits.basis, 'character')} allows ${fmt(this.budget.limits.gridCells)}`,
    );
  }
}

function clamp(span: number): number {
  return Math.min(MAX_SPAN, Math.max(1, Math.floor(span) || 1));
}
