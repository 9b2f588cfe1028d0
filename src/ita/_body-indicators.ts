/**
 * Indicator score tables in the body walk: each row's tool, indicator and
 * score (the tool carried down from a merged cell), the closing total and
 * level rows, and the rows a PDF reader set apart from their table (its
 * header printed as a table of its own, its last rows carried over a page
 * break onto the top of the next table).
 */
import { cellText, type TableBlock, type TableRow } from '../model/blocks.js';
import type { Tool } from '../model/schema.js';
import { looksLikeHeader } from './columns.js';
import { indicatorRow, summaryRow } from './indicators.js';
import type { State } from './_body-state.js';

const texts = (r: TableRow): string[] => r.cells.map(cellText);

/** The rows under the header row of an indicator score table; the table stays open for rows carried after it. */
export function walkIndicatorTable(t: TableBlock, st: State): void {
  st.indicatorWidth = t.rows[0]?.cells.length ?? null;
  let tool: Tool | null = null;
  for (const r of t.rows.slice(1)) {
    const score = indicatorRow(texts(r), tool);
    if (score) {
      tool = score.tool;
      st.out.indicatorScores.push(score);
      continue;
    }
    const summary = summaryRow(texts(r));
    st.out.tableAssessment.overallScore ??= summary.overallScore;
    st.out.tableAssessment.level ??= summary.level;
  }
}

function isSummaryRow(cells: string[]): boolean {
  const s = summaryRow(cells);
  return s.overallScore !== null || s.level !== null;
}

/**
 * Right after an indicator score table: the leading rows of `t` that are
 * indicator rows or its total and level rows (never header rows) are read as
 * that table's. The rest of `t`, or null when nothing is left.
 */
export function walkCarriedIndicatorRows(t: TableBlock, st: State): TableBlock | null {
  let k = 0;
  const carried = (r: TableRow) => !r.header && !looksLikeHeader(texts(r)) && (indicatorRow(texts(r), null) !== null || isSummaryRow(texts(r)));
  while (k < t.rows.length && carried(t.rows[k]!)) k++;
  if (k === 0) return t;
  walkIndicatorTable({ ...t, rows: [t.rows[0]!, ...t.rows.slice(0, k)] }, st);
  return k === t.rows.length ? null : { ...t, rows: t.rows.slice(k) };
}
