/**
 * Reading the archive back: the finished documents in submission order (for
 * export and the report), and the state of a submission (for --wait). The
 * stored JSON text is parsed as data only; nothing read is ever evaluated.
 */
import type pg from 'pg';
import type { SummaryRow } from '../batch/summary.js';
import type { ItaDocument } from '../model/schema.js';

const PAGE = 200;

/** Finished documents (ok or error), in submission order, a page at a time. */
export async function* finishedDocuments(pool: pg.Pool): AsyncGenerator<ItaDocument> {
  let after = '0';
  for (;;) {
    const r = await pool.query<{ id: string; document: string }>(
      `SELECT id, document::text AS document FROM ita.documents
       WHERE status IN ('ok', 'error') AND document IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
      [after, PAGE],
    );
    for (const row of r.rows) yield JSON.parse(row.document) as ItaDocument;
    if (r.rows.length < PAGE) return;
    after = r.rows[r.rows.length - 1]!.id;
  }
}

export interface ArchiveCounts {
  queued: number;
  running: number;
  ok: number;
  error: number;
}

export async function counts(pool: pg.Pool, ids: string[] | null = null): Promise<ArchiveCounts> {
  const r = ids
    ? await pool.query<{ status: keyof ArchiveCounts; n: string }>('SELECT status, count(*) AS n FROM ita.documents WHERE id = ANY($1::bigint[]) GROUP BY status', [ids])
    : await pool.query<{ status: keyof ArchiveCounts; n: string }>('SELECT status, count(*) AS n FROM ita.documents GROUP BY status');
  const out: ArchiveCounts = { queued: 0, running: 0, ok: 0, error: 0 };
  for (const row of r.rows) out[row.status] = Number(row.n);
  return out;
}

/** Summary rows of the given documents that finished (for progress), in id order. */
export async function finishedRows(pool: pg.Pool, ids: string[]): Promise<Array<{ id: string; row: SummaryRow }>> {
  if (ids.length === 0) return [];
  const r = await pool.query<{ id: string; summary: SummaryRow }>(
    `SELECT id, summary FROM ita.documents WHERE id = ANY($1::bigint[]) AND status IN ('ok', 'error') AND summary IS NOT NULL ORDER BY id`,
    [ids],
  );
  return r.rows.map((x) => ({ id: x.id, row: x.summary }));
}
