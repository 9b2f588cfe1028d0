/**
 * The submitter: each input stored once (by sha256) with its job, in one
 * transaction, so a document is never stored without a job nor queued
 * twice. Two submitters of the same archive at once: the second one's
 * INSERT waits on the first's row and then does nothing (ON CONFLICT DO
 * NOTHING), and only a submitter that inserted enqueues. An input already
 * stored whose job is gone (its retries ran out while no worker could finish
 * it) is queued again. Inputs that never had bytes (unreadable, unsafe
 * archive entries, too large) are stored as their error record at once,
 * known by their path.
 */
import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { errorDocument } from '../extract.js';
import { load, placeholder } from '../batch/run.js';
import { summaryRow } from '../batch/summary.js';
import type { Input } from '../batch/types.js';
import type { ErrorCode } from '../model/schema.js';
import { sniffFormat } from '../readers/sniff.js';
import { enqueue, QUEUE, type QueueSettings } from './queue.js';
import { inTransaction, writeResult } from './results.js';

export interface SubmitOptions {
  /** Largest document the readers take (file mode's --max-size). */
  maxBytes: number;
  /** Largest input stored in the database as bytes (default 64 MiB); larger ones need --shared-root. */
  storeLimit: number;
  /** Inputs under this folder are stored as paths relative to it (workers mount the same files); null: bytes. */
  sharedRoot: string | null;
  queue: QueueSettings;
  signal?: AbortSignal;
}

export type Stored = 'queued' | 'already' | 'requeued' | 'failed';

export interface SubmitHooks {
  onStored?(path: string, how: Stored, documentId: string): void;
}

export interface SubmitResult {
  queued: number;
  already: number;
  requeued: number;
  /** Inputs stored as an error record now (never read). */
  failed: number;
  /** The documents of this submission, in input order (for --wait). */
  ids: string[];
  interrupted: boolean;
}

const MiB = 2 ** 20;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Payload {
  path: string;
  sha256: string;
  size: number;
  bytes: Uint8Array | null;
  sharedPath: string | null;
}

async function storeUnread(pool: pg.Pool, path: string, code: ErrorCode, message: string): Promise<{ id: string; inserted: boolean }> {
  return inTransaction(pool, async (tx) => {
    const ins = await tx.query<{ id: string }>(
      `INSERT INTO ita.documents (source_path, sha256, status) VALUES ($1, NULL, 'error')
       ON CONFLICT (source_path) WHERE sha256 IS NULL DO NOTHING RETURNING id`,
      [path],
    );
    const id = ins.rows[0]?.id;
    if (id === undefined) {
      const found = await tx.query<{ id: string }>('SELECT id FROM ita.documents WHERE source_path = $1 AND sha256 IS NULL', [path]);
      return { id: found.rows[0]!.id, inserted: false };
    }
    const doc = errorDocument(placeholder(path), code, message);
    await writeResult(tx, id, doc, summaryRow(doc, 0), 0, true);
    return { id, inserted: true };
  });
}

async function storeInput(pool: pg.Pool, boss: PgBoss, p: Payload, q: QueueSettings): Promise<{ id: string; how: Exclude<Stored, 'failed'> }> {
  return inTransaction(pool, async (tx) => {
    const format = p.bytes ? sniffFormat(p.bytes, p.path) : null;
    const ins = await tx.query<{ id: string }>(
      `INSERT INTO ita.documents (source_path, sha256, status, format) VALUES ($1, $2, 'queued', $3)
       ON CONFLICT (sha256) DO NOTHING RETURNING id`,
      [p.path, p.sha256, format],
    );
    const id = ins.rows[0]?.id;
    if (id !== undefined) {
      await tx.query('INSERT INTO ita.inputs (document_id, size, bytes, shared_path) VALUES ($1, $2, $3, $4)', [
        id,
        p.size,
        p.bytes ? Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength) : null,
        p.sharedPath,
      ]);
      await enqueue(boss, tx, id, p.sha256, q);
      return { id, how: 'queued' };
    }
    // stored before: by an earlier run or another submitter right now (its row is committed once we get here)
    const found = await tx.query<{ id: string; status: string }>('SELECT id, status FROM ita.documents WHERE sha256 = $1 FOR UPDATE', [p.sha256]);
    const row = found.rows[0]!;
    if (row.status === 'ok' || row.status === 'error') return { id: row.id, how: 'already' };
    const live = await tx.query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1`, [QUEUE, p.sha256]);
    if (live.rowCount) return { id: row.id, how: 'already' };
    await tx.query(`UPDATE ita.documents SET status = 'queued', attempts = 0, updated_at = now() WHERE id = $1`, [row.id]);
    await enqueue(boss, tx, row.id, p.sha256, q);
    return { id: row.id, how: 'requeued' };
  });
}

/** The path below the shared root, or null when the file is not under it. */
async function sharedPathOf(path: string, root: string): Promise<string | null> {
  const real = await realpath(path).catch(() => null);
  if (!real) return null;
  const rel = relative(root, real);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

type Prepared = Payload | { code: ErrorCode; message: string };

async function prepare(input: Input, o: SubmitOptions, root: string | null): Promise<Prepared> {
  if (input.kind === 'failed') return input;
  const tooBig = (size: number) => ({
    code: 'TOO_LARGE' as const,
    message: `${size} bytes; the database stores inputs up to ${o.storeLimit} bytes (--store-limit ${Math.round(o.storeLimit / MiB)} MiB): use --shared-root for larger files`,
  });
  if (input.kind === 'bytes') {
    if (input.bytes.byteLength > o.storeLimit) return tooBig(input.bytes.byteLength);
    return { path: input.path, sha256: sha256(input.bytes), size: input.bytes.byteLength, bytes: input.bytes, sharedPath: null };
  }
  const shared = root ? await sharedPathOf(input.path, root) : null;
  if (!shared) {
    const size = (await stat(input.path).catch(() => null))?.size ?? 0;
    if (size > o.storeLimit && size <= o.maxBytes) return tooBig(size);
  }
  const loaded = await load(input.path, shared ? o.maxBytes : Math.min(o.maxBytes, o.storeLimit));
  if (!(loaded instanceof Uint8Array)) return loaded;
  if (shared) return { path: input.path, sha256: sha256(loaded), size: loaded.byteLength, bytes: null, sharedPath: shared };
  return { path: input.path, sha256: sha256(loaded), size: loaded.byteLength, bytes: loaded, sharedPath: null };
}

export async function submit(pool: pg.Pool, boss: PgBoss, inputs: AsyncIterable<Input>, o: SubmitOptions, hooks: SubmitHooks = {}): Promise<SubmitResult> {
  const result: SubmitResult = { queued: 0, already: 0, requeued: 0, failed: 0, ids: [], interrupted: false };
  const root = o.sharedRoot ? await realpath(resolve(o.sharedRoot)) : null;
  for await (const input of inputs) {
    if (o.signal?.aborted) break;
    const p = await prepare(input, o, root);
    let id: string;
    let how: Stored;
    if ('code' in p) {
      const r = await storeUnread(pool, input.path, p.code, p.message);
      id = r.id;
      how = r.inserted ? 'failed' : 'already';
    } else ({ id, how } = await storeInput(pool, boss, p, o.queue));
    result[how]++;
    result.ids.push(id);
    hooks.onStored?.(input.path, how, id);
  }
  result.interrupted = o.signal?.aborted === true;
  return result;
}
