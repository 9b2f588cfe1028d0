/**
 * A document's result in the archive: the documents row (status, error,
 * header fields, the whole document as JSON text, its summary row) and its
 * entries, item codes, periods and diagnostics, written in one transaction
 * that first removes whatever an earlier try left, so a document has exactly
 * one result however often it ran. Every value is a parameter; the child
 * rows go in as one JSON parameter each (jsonb_to_recordset).
 */
import type pg from 'pg';
import type { SummaryRow } from '../batch/summary.js';
import type { ItaDocument } from '../model/schema.js';

/** Text PostgreSQL's jsonb and text columns accept: no NUL, no lone surrogate. */
function clean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/\u0000/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const param = (v: unknown) => JSON.stringify(v, (_k, x) => clean(x));

function entryRows(doc: ItaDocument) {
  return doc.entries.map((e, idx) => ({
    idx,
    seq: e.seq,
    section: e.section,
    part: e.part,
    kind: e.kind,
    text: e.text,
    fields: e.fields,
    score: e.score,
    budget: e.fields.budget ?? null,
    responsible: e.responsible,
    page: e.source.page,
    line: e.source.line,
    links_to: e.linksTo?.entry ?? null,
  }));
}

function codeRows(doc: ItaDocument) {
  return doc.entries.flatMap((e, idx) => e.itemCodes.map((c) => ({ idx, code: c.code, tool: c.tool, item: c.item, via: c.via, confidence: c.confidence })));
}

function periodRows(doc: ItaDocument) {
  return doc.entries.flatMap((e, idx) => e.periods.map((p) => ({ idx, start: p.start, end: p.end, precision: p.precision, raw: p.raw })));
}

function diagnosticRows(doc: ItaDocument) {
  return doc.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, origin: d.origin, page: d.source?.page ?? null, line: d.source?.line ?? null }));
}

const UPDATE_DOCUMENT = `
UPDATE ita.documents SET
  status = $2, error_code = $3, error_message = $4, format = $5, pages = $6, ocr = $7,
  organization_name = $8, organization_kind = $9, district = $10, province = $11,
  fiscal_year = $12, assessment_year = $13, overall_score = $14, level = $15,
  document = $16::json, summary = $17::jsonb, seconds = $18, updated_at = now()
WHERE id = $1 AND ($19::boolean OR status IN ('queued', 'running') OR error_code = 'WORKER_CRASHED')`;

const INSERT_ENTRIES = `
WITH e AS (
  INSERT INTO ita.entries (document_id, idx, seq, section, part, kind, text, fields, score, budget, responsible, page, line, links_to)
  SELECT $1, x.idx, x.seq, x.section, x.part, x.kind, x.text, x.fields, x.score, x.budget,
         ARRAY(SELECT jsonb_array_elements_text(x.responsible)), x.page, x.line, x.links_to
  FROM jsonb_to_recordset($2::jsonb) AS x(idx int, seq int, section int, part int, kind text, text text, fields jsonb,
                                          score double precision, budget text, responsible jsonb, page int, line int, links_to int)
  RETURNING id, idx
), c AS (
  INSERT INTO ita.item_codes (entry_id, document_id, code, tool, item, via, confidence)
  SELECT e.id, $1, c.code, c.tool, c.item, c.via, c.confidence
  FROM jsonb_to_recordset($3::jsonb) AS c(idx int, code text, tool text, item int, via text, confidence double precision)
  JOIN e ON e.idx = c.idx
  RETURNING 1
)
INSERT INTO ita.periods (entry_id, document_id, period_start, period_end, precision, raw)
SELECT e.id, $1, p.start, p."end", p.precision, p.raw
FROM jsonb_to_recordset($4::jsonb) AS p(idx int, start text, "end" text, precision text, raw text)
JOIN e ON e.idx = p.idx`;

const INSERT_DIAGNOSTICS = `
INSERT INTO ita.diagnostics (document_id, severity, code, message, origin, page, line)
SELECT $1, d.severity, d.code, d.message, d.origin, d.page, d.line
FROM jsonb_to_recordset($2::jsonb) AS d(severity text, code text, message text, origin text, page int, line int)`;

/**
 * Writes the result inside the caller's transaction. A worker's result
 * (`replace` false) goes in only while the document is unfinished, or over a
 * WORKER_CRASHED record: when a lapsed lease had two workers run one
 * document, the first result stays. Returns whether it was written.
 */
export async function writeResult(tx: pg.PoolClient, documentId: string, doc: ItaDocument, summary: SummaryRow, seconds: number, replace = false): Promise<boolean> {
  const o = doc.organization;
  const updated = await tx.query(UPDATE_DOCUMENT, [
    documentId,
    doc.status,
    doc.error?.code ?? null,
    clean(doc.error?.message ?? null),
    doc.source.format,
    doc.source.pages,
    doc.source.ocr,
    clean(o?.name ?? null),
    o?.kind ?? null,
    clean(o?.district ?? null),
    clean(o?.province ?? null),
    doc.fiscalYear?.be ?? null,
    doc.assessment.year,
    doc.assessment.overallScore,
    clean(doc.assessment.level),
    JSON.stringify(doc),
    param(summary),
    seconds,
    replace,
  ]);
  if (updated.rowCount === 0) return false;
  await tx.query('DELETE FROM ita.entries WHERE document_id = $1', [documentId]);
  await tx.query('DELETE FROM ita.diagnostics WHERE document_id = $1', [documentId]);
  if (doc.entries.length > 0) await tx.query(INSERT_ENTRIES, [documentId, param(entryRows(doc)), param(codeRows(doc)), param(periodRows(doc))]);
  if (doc.diagnostics.length > 0) await tx.query(INSERT_DIAGNOSTICS, [documentId, param(diagnosticRows(doc))]);
  return true;
}

/** `fn` in one transaction on one client. */
export async function inTransaction<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  let failed: Error | undefined;
  try {
    await tx.query('BEGIN');
    const out = await fn(tx);
    await tx.query('COMMIT');
    return out;
  } catch (e) {
    failed = e instanceof Error ? e : new Error(String(e));
    await tx.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    // a client that failed is not reused (its connection may be the one that broke)
    tx.release(failed);
  }
}
