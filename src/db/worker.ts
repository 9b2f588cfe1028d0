/**
 * The worker: N slots, each fetching one job at a time from the queue,
 * claiming its document (status running, attempts + 1), running it through
 * the same runner as file mode (worker threads with heap caps and the
 * timeout; the thread's OCR engine reused across documents), and writing the
 * result in one transaction before completing the job. The document row, not
 * the job, decides: a job for a finished document is completed without
 * running, and a document started more than maxAttempts times without a
 * result (its workers were killed: a crash that takes the process down) gets
 * WORKER_CRASHED instead of another try. While the database is unreachable
 * (a restart) fetching pauses and writes are retried; a result not written
 * in time is left to the lease, which gives the job to a worker again.
 *
 * stop(): no new jobs; a running job is finished if it ends within the
 * grace period, else released (its document back to queued, its job failed
 * so pg-boss retries it at once) and dropped.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { errorDocument } from '../extract.js';
import type { Task } from '../batch/job.js';
import type { Runner } from '../batch/runners.js';
import { summaryRow, type SummaryRow } from '../batch/summary.js';
import type { DocumentSource, ItaDocument } from '../model/schema.js';
import { sniffFormat } from '../readers/sniff.js';
import { errorText, isTransient, withReconnect } from './connection.js';
import { type JobData, QUEUE } from './queue.js';
import { inTransaction, writeResult } from './results.js';

export interface WorkerOptions {
  slots: number;
  /** Idle wait between fetches, ms. */
  pollMs: number;
  /** How long a running job may still finish after stop(), ms. */
  graceMs: number;
  /** Where inputs stored as shared paths are read (this machine's mount of --shared-root); null: none. */
  sharedRoot: string | null;
  /** For messages that may name the URL. */
  url: string | null;
  /** Each slot ends when a fetch finds the queue empty (scripts, benchmarks). */
  exitWhenIdle?: boolean;
}

export interface WorkerHooks {
  onStart?(path: string, documentId: string): void;
  onDone?(row: SummaryRow, documentId: string): void;
  onNote?(text: string): void;
}

export interface WorkerStats {
  done: number;
  failed: number;
  released: number;
  /** Time spent on the database for the jobs (fetch, claim, input, result, completion), seconds. */
  dbSeconds: number;
}

interface Claimed {
  attempts: number;
  source_path: string;
  sha256: string | null;
  format: string | null;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((r) => {
    if (signal.aborted) return r();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      r();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export class DbWorker {
  private readonly stopping = new AbortController();
  private readonly releasing = new AbortController();
  private nextIndex = 0;
  private readonly stats: WorkerStats = { done: 0, failed: 0, released: 0, dbSeconds: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly boss: PgBoss,
    private readonly runner: Runner,
    private readonly o: WorkerOptions,
    private readonly hooks: WorkerHooks = {},
  ) {}

  /** Runs until stop(); resolves once every slot has finished or released its job. */
  async run(): Promise<WorkerStats> {
    await Promise.all(Array.from({ length: this.o.slots }, () => this.slot()));
    return this.stats;
  }

  stop(): void {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    const t = setTimeout(() => this.releasing.abort(), this.o.graceMs);
    t.unref();
  }

  private note(text: string): void {
    this.hooks.onNote?.(text);
  }

  private async slot(): Promise<void> {
    let down = false;
    while (!this.stopping.signal.aborted) {
      let jobs: PgBoss.Job<JobData>[];
      const t0 = performance.now();
      try {
        jobs = await this.boss.fetch<JobData>(QUEUE, { batchSize: 1 });
        if (jobs.length > 0) this.stats.dbSeconds += (performance.now() - t0) / 1000;
        if (down) this.note('the database is back; fetching jobs again');
        down = false;
      } catch (e) {
        if (!down) this.note(`cannot fetch jobs (${errorText(e, this.o.url)}); retrying`);
        down = true;
        await sleep(Math.max(this.o.pollMs, 1000), this.stopping.signal);
        continue;
      }
      const job = jobs[0];
      if (!job) {
        if (this.o.exitWhenIdle) return;
        await sleep(this.o.pollMs, this.stopping.signal);
        continue;
      }
      try {
        await this.handle(job);
      } catch (e) {
        // the job stays active; its lease runs out and it is fetched again
        this.note(`job for document ${job.data.documentId} left to its lease: ${errorText(e, this.o.url)}`);
      }
    }
  }

  private async claim(documentId: string): Promise<Claimed | null> {
    const r = await this.pool.query<Claimed>(
      `UPDATE ita.documents SET status = 'running', attempts = attempts + 1, updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING attempts, source_path, sha256, format`,
      [documentId],
    );
    return r.rows[0] ?? null;
  }

  private async handle(job: PgBoss.Job<JobData>): Promise<void> {
    const id = String(job.data.documentId);
    const retry = async <T>(fn: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      try {
        return await withReconnect(fn, { patienceMs: 300_000, onWait: () => this.note('the database is unreachable; waiting for it') });
      } finally {
        this.stats.dbSeconds += (performance.now() - t0) / 1000;
      }
    };
    const claimed = await retry(() => this.claim(id));
    if (!claimed) {
      // finished already (a lapsed lease ran it twice, or the job outlived its document)
      await retry(() => this.boss.complete(QUEUE, job.id));
      return;
    }
    const source: DocumentSource = { path: claimed.source_path, sha256: claimed.sha256, format: (claimed.format as Task['format']) ?? null, pages: null, ocr: false };
    this.hooks.onStart?.(claimed.source_path, id);
    const renewal = this.renewLease(job);
    try {
      await this.finish(job, id, claimed, source, retry);
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Keeps the job's lease while it runs, so only a worker that is gone (killed,
   * its machine lost) lets it lapse, not a document that takes long. pg-boss 10
   * has no heartbeat of its own: the lease runs from the job's started_on,
   * which this moves on every third of the lease.
   */
  private renewLease(job: PgBoss.Job<JobData>): NodeJS.Timeout {
    const every = Math.max(500, (Number(job.expireInSeconds) * 1000) / 3);
    return setInterval(() => {
      this.pool.query(`UPDATE pgboss.job SET started_on = now() WHERE name = $1 AND id = $2 AND state = 'active'`, [QUEUE, job.id]).catch(() => {});
    }, every);
  }

  private async finish(job: PgBoss.Job<JobData>, id: string, claimed: Claimed, source: DocumentSource, retry: <T>(fn: () => Promise<T>) => Promise<T>): Promise<void> {
    let doc: ItaDocument;
    let seconds = 0;
    if (claimed.attempts > job.data.maxAttempts) {
      const crashes = claimed.attempts - 1;
      doc = errorDocument(source, 'WORKER_CRASHED', `started ${crashes} times and every worker running it stopped without a result (killed or crashed); not tried again`);
    } else {
      const input = await retry(() => this.input(id, claimed));
      if ('code' in input) doc = errorDocument(source, 'READ_FAILED', input.message);
      else {
        const task: Task = { index: this.nextIndex++, path: claimed.source_path, bytes: input.bytes, sha256: input.sha256, format: sniffFormat(input.bytes, claimed.source_path) };
        const outcome = await Promise.race([this.runner.run(task), this.released]);
        if (outcome === 'released' || outcome === null) {
          await this.release(job, id);
          return;
        }
        doc = JSON.parse(outcome.record) as ItaDocument;
        seconds = Number(outcome.row.seconds) || 0;
      }
    }
    let row = summaryRow(doc, seconds);
    try {
      await retry(() => inTransaction(this.pool, (tx) => writeResult(tx, id, doc, row, seconds)));
    } catch (e) {
      if (isTransient(e)) throw e;
      // the database refused this result (not the connection): one error record instead, never a loop
      doc = errorDocument(source, 'INTERNAL_ERROR', `the database refused the result: ${errorText(e, this.o.url)}`);
      row = summaryRow(doc, seconds);
      await retry(() => inTransaction(this.pool, (tx) => writeResult(tx, id, doc, row, seconds)));
    }
    await retry(() => this.boss.complete(QUEUE, job.id));
    if (doc.status === 'ok') this.stats.done++;
    else this.stats.failed++;
    this.hooks.onDone?.(row, id);
  }

  /** Settles once the grace period after stop() is over (one promise for every job: no listener per job). */
  private readonly released = new Promise<'released'>((r) => this.releasing.signal.addEventListener('abort', () => r('released'), { once: true }));

  /** Back to the queue: the start does not count as an attempt, and pg-boss hands the job out again at once. */
  private async release(job: PgBoss.Job<JobData>, id: string): Promise<void> {
    await this.pool.query(`UPDATE ita.documents SET status = 'queued', attempts = greatest(attempts - 1, 0), updated_at = now() WHERE id = $1 AND status = 'running'`, [id]);
    await this.boss.fail(QUEUE, job.id, { message: 'released by a stopping worker' });
    this.stats.released++;
    this.note(`released document ${id} (the worker is stopping)`);
  }

  private async input(id: string, c: Claimed): Promise<{ bytes: Uint8Array; sha256: string } | { code: 'READ_FAILED'; message: string }> {
    const r = await this.pool.query<{ bytes: Buffer | null; shared_path: string | null }>('SELECT bytes, shared_path FROM ita.inputs WHERE document_id = $1', [id]);
    const row = r.rows[0];
    if (!row) return { code: 'READ_FAILED', message: 'the stored input is missing' };
    let bytes: Uint8Array;
    if (row.bytes) bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
    else {
      if (!this.o.sharedRoot) return { code: 'READ_FAILED', message: `stored as a path under the shared root (${row.shared_path}); run the workers with --shared-root` };
      const root = resolve(this.o.sharedRoot);
      const path = resolve(root, row.shared_path ?? '');
      if (!path.startsWith(root + sep)) return { code: 'READ_FAILED', message: 'the stored path leaves the shared root' };
      try {
        const b = await readFile(path);
        bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      } catch (e) {
        return { code: 'READ_FAILED', message: `cannot read ${row.shared_path} under the shared root: ${(e as Error).message}` };
      }
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (c.sha256 && sha256 !== c.sha256) return { code: 'READ_FAILED', message: 'the input changed since it was submitted (its sha256 differs)' };
    return { bytes, sha256 };
  }
}
