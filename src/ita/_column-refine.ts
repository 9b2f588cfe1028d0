/**
 * Column roles refined by what the columns hold: headers can name the wrong
 * column, and a "ตัวชี้วัด…" header may stand over an indicator column.
 */
import { cellText, type TableRow } from '../model/blocks.js';
import type { FieldRole } from '../model/schema.js';
import { parseThaiPeriod } from '../thai/date.js';

/** Share of a column's non-empty cells that are essentially a period. */
function periodShare(rows: TableRow[], col: number): number {
  let n = 0;
  let hits = 0;
  for (const r of rows) {
    const c = r.cells[col];
    const text = c ? cellText(c) : '';
    if (!text) continue;
    n++;
    const covered = parseThaiPeriod(text, { fiscalYear: 2560 }).reduce((k, p) => k + p.raw.length, 0);
    if (covered >= text.length * 0.5) hits++;
  }
  return n === 0 ? 0 : hits / n;
}

/**
 * Headers can name the wrong column (corpus 001 labels its dates
 * "การดำเนินการ"): when the period column holds no periods and another
 * column holds little else, the two swap roles.
 */
export function refineRoles(roles: Array<FieldRole | null>, rows: TableRow[]): Array<FieldRole | null> {
  return periodRoles(indicatorRoles(roles, rows), rows);
}

/** "ตัวชี้วัดที่ ๒ การใช้งบประมาณ", "IIT": the indicator or tool an item belongs to, not its issue or code. */
const INDICATOR_CELL = /^\s*(?:ตัวชี้วัดที่\s*[0-9๐-๙]{1,2}(?![.0-9๐-๙])(?:\s+[^\n]{0,60})?|IIT|EIT|OIT)\s*$/;

/**
 * A column headed "ตัวชี้วัด…" reads as an issue column; when nearly all its
 * cells name an indicator or a tool, it is the indicator column, and the
 * items' codes are looked for in the other columns.
 */
function indicatorRoles(roles: Array<FieldRole | null>, rows: TableRow[]): Array<FieldRole | null> {
  return roles.map((role, col) => {
    if (role === 'period' || role === 'measure' || role === 'seq') return role;
    let n = 0;
    let hits = 0;
    for (const r of rows) {
      const c = r.cells[col];
      const text = c ? cellText(c) : '';
      // empty and template cells ("-", "…") say nothing
      if (!/[ก-๙A-Za-z0-9]/.test(text)) continue;
      n++;
      if (INDICATOR_CELL.test(text)) hits++;
    }
    return n >= 1 && hits >= n * 0.8 ? 'indicator' : role;
  });
}

function periodRoles(roles: Array<FieldRole | null>, rows: TableRow[]): Array<FieldRole | null> {
  if (roles.includes('start') || roles.includes('end')) return roles; // dates in their own start and end columns
  const p = roles.indexOf('period');
  const shares = roles.map((_, col) => periodShare(rows, col));
  const best = shares.reduce((b, s, col) => (s > (shares[b] ?? 0) ? col : b), 0);
  if ((p < 0 || (shares[p] ?? 0) < 0.3) && (shares[best] ?? 0) >= 0.6 && best !== p) {
    const next = [...roles];
    next[best] = 'period';
    if (p >= 0) next[p] = roles[best] ?? 'action';
    return next;
  }
  return roles;
}

