/**
 * Faults, each made by construction (test/db/_fault-bin.ts: documents whose
 * marker kills their worker process, hangs, or waits for a gate file), on a
 * PostgreSQL server of this file's own (it is restarted here, which must not
 * touch the other files' server): a worker SIGKILLed mid-job, a document that
 * kills every worker, PostgreSQL restarted mid-job, SIGTERM with a job that
 * finishes and one that does not, an interrupted submitter run again, and two
 * submitters of the same folder at once.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInputs, planInputs } from '../../src/batch/inputs.js';
import { DEFAULT_LIMITS } from '../../src/batch/types.js';
import { createPool } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrations.js';
import { startBoss } from '../../src/db/queue.js';
import { submit } from '../../src/db/submit.js';
import { type CorpusStem, readCorpus } from '../_support/variants.js';
import { type Child, cli, HAVE_DB, query, removeFaultCli, ROOT, spawnCli, until } from './_support.js';

const run = promisify(execFile);
const server = (cmd: string, state: string) => run('bash', [join(ROOT, 'scripts/pg-test-server.sh'), cmd], { env: { ...process.env, ITA_PG_STATE: state } });

interface Doc {
  source_path: string;
  status: string;
  attempts: number;
  error_code: string | null;
  entries: number;
  n_entries: number;
}

describe.skipIf(!HAVE_DB)('faults', () => {
  let state = '';
  let url = '';
  let dir = '';
  let n = 0;
  /** A new database on this file's server. */
  const database = async () => {
    const name = `ita_f${n++}`;
    await query(url, `CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const docs = (db: string) =>
    query<Doc>(
      db,
      `SELECT source_path, status, attempts, error_code, (SELECT count(*)::int FROM ita.entries e WHERE e.document_id = d.id) AS entries,
              coalesce(json_array_length(d.document->'entries'), 0) AS n_entries
       FROM ita.documents d ORDER BY id`,
    );
  const allDone = (db: string) => async () => (await docs(db)).every((d) => d.status === 'ok' || d.status === 'error');
  const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const worker = (db: string, extra: string[] = [], env: Record<string, string> = {}) =>
    spawnCli(['worker', '--db', db, '-j', '1', '--poll', '0.5', '--maintenance', '1', ...extra], env);
  /** A new folder of this file's temporary directory holding the given files (name → text). */
  const folder = async (sub: string, files: Record<string, string>) => {
    const input = join(dir, sub);
    await mkdir(input);
    for (const [file, text] of Object.entries(files)) await writeFile(join(input, file), text);
    return input;
  };
  /** A corpus document with one more line (a fault marker, or text that makes its hash its own). */
  const withLine = (stem: CorpusStem, line: string | number) => `${readCorpus(stem)}\n${line}\n`;
  const stopAll = async (ws: Child[]) => {
    for (const w of ws) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGTERM');
    return Promise.all(ws.map((w) => w.exited));
  };

  beforeAll(async () => {
    state = await mkdtemp(join(tmpdir(), 'ita-pg-faults-'));
    await rm(state, { recursive: true });
    const out = (await server('start', state)).stdout;
    url = /ITA_TEST_DATABASE_URL='([^']+)'/.exec(out)![1]!;
    dir = await mkdtemp(join(tmpdir(), 'ita-db-faults-'));
  }, 60_000);
  afterAll(async () => {
    removeFaultCli();
    if (state) await server('stop', state).catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 30_000);

  it('a worker killed mid-job: the job is run again after its lease; a document that kills every worker gets WORKER_CRASHED', async () => {
    const db = await database();
    const input = await folder('crash', {
      'a-hang.txt': withLine('003_592d1508f0de56c3', 'ITA-TEST-HANG'),
      'b-crash.txt': withLine('004_d0cc15d3996b9fea', 'ITA-TEST-CRASH'),
      'c.txt': readCorpus('000_12d03613c0e47b57'),
      'd.txt': readCorpus('001_52975bb7fc874981'),
    });
    expect((await cli([input, '--db', db, '--lease', '4', '--attempts', '2'])).stderr).toMatch(/4 inputs: 4 queued/);

    // this worker hangs on a-hang.txt (the first job); killed while it holds it
    const first = await worker(db, [], { ITA_TEST_HANG: '1' });
    await first.waitFor(/started .*a-hang\.txt/);
    first.proc.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // two workers, each replaced when it dies (as a service manager would), until every document is finished
    const all: Child[] = [];
    const live = new Set<Child>();
    let crashes = 0;
    const keep = async () => {
      const w = await worker(db);
      all.push(w);
      live.add(w);
      void w.exited.then((e) => {
        live.delete(w);
        if (e.signal === 'SIGKILL') crashes++;
        if (!finished) void keep();
      });
    };
    let finished = false;
    await Promise.all([keep(), keep()]);
    try {
      await until(allDone(db), 60_000, 'every document finished');
    } finally {
      finished = true;
      await stopAll(all);
    }
    const rows = await docs(db);
    expect(rows.map((d) => [name(d.source_path), d.status, d.error_code, d.attempts])).toEqual([
      ['a-hang.txt', 'ok', null, 2],
      ['b-crash.txt', 'error', 'WORKER_CRASHED', 3],
      ['c.txt', 'ok', null, 1],
      ['d.txt', 'ok', null, 1],
    ]);
    expect(crashes).toBe(2);
    for (const d of rows) expect(d.entries).toBe(d.n_entries);
    expect(rows[0]!.entries).toBe(10);
    expect(await query(db, `SELECT count(*)::int AS n FROM pgboss.job WHERE state <> 'completed'`)).toEqual([{ n: 0 }]);
  }, 90_000);

  it('a job that runs longer than its lease keeps it: its worker renews the lease, and an idle worker beside it does not take it', async () => {
    const db = await database();
    const input = await folder('long', { 'a-wait.txt': withLine('003_592d1508f0de56c3', 'ITA-TEST-WAIT') });
    await cli([input, '--db', db, '--lease', '3']);
    const gate = join(dir, 'long-gate');
    const holder = await worker(db, [], { ITA_TEST_GATE: gate });
    await holder.waitFor(/started .*a-wait\.txt/);
    const idle = await worker(db);
    await idle.waitFor(/running 1 slot/);
    // three leases long, by the clock, before the job may end
    await new Promise((r) => setTimeout(r, 9_000));
    await writeFile(gate, '');
    try {
      await until(allDone(db), 60_000, 'the long job finished');
    } finally {
      await stopAll([holder, idle]);
    }
    expect((await docs(db)).map((d) => [name(d.source_path), d.status, d.attempts])).toEqual([['a-wait.txt', 'ok', 1]]);
    expect(idle.stderr()).not.toMatch(/started/);
  }, 90_000);

  it('PostgreSQL restarted while a worker holds a job: the worker waits, writes the result and goes on', async () => {
    const db = await database();
    const input = await folder('restart', {
      'a-wait.txt': withLine('003_592d1508f0de56c3', 'ITA-TEST-WAIT'),
      'b.txt': readCorpus('000_12d03613c0e47b57'),
      'c.txt': readCorpus('001_52975bb7fc874981'),
    });
    await cli([input, '--db', db]);
    const gate = join(dir, 'restart-gate');
    const w = await worker(db, [], { ITA_TEST_GATE: gate });
    await w.waitFor(/started .*a-wait\.txt/);
    await server('restart', state);
    await writeFile(gate, '');
    try {
      await until(allDone(db), 60_000, 'every document finished after the restart');
    } finally {
      await stopAll([w]);
    }
    expect((await w.exited).code).toBe(0);
    expect(w.stderr()).toMatch(/stopped: 3 ok, 0 failed/);
    const rows = await docs(db);
    expect(rows.map((d) => [name(d.source_path), d.status, d.attempts, d.entries === d.n_entries])).toEqual([
      ['a-wait.txt', 'ok', 1, true],
      ['b.txt', 'ok', 1, true],
      ['c.txt', 'ok', 1, true],
    ]);
  }, 90_000);

  it('SIGTERM: a running job that ends within the grace period is finished; one that does not is released and taken at once by another worker', async () => {
    const db = await database();
    const input = await folder('term', {
      'a-wait.txt': withLine('003_592d1508f0de56c3', 'ITA-TEST-WAIT'),
      'b-hang.txt': withLine('000_12d03613c0e47b57', 'ITA-TEST-HANG'),
    });
    await cli([input, '--db', db]);
    // finishes: the job waits for a gate that opens only after the signal
    const gate = join(dir, 'term-gate');
    const first = await worker(db, ['--grace', '600'], { ITA_TEST_GATE: gate });
    await first.waitFor(/started .*a-wait\.txt/);
    first.proc.kill('SIGTERM');
    await first.waitFor(/stopping/);
    await writeFile(gate, '');
    expect((await first.exited).code).toBe(0);
    expect(first.stderr()).toMatch(/stopped: 1 ok, 0 failed \(database/);
    expect(first.stderr()).not.toMatch(/b-hang/);
    // released: the job never ends, and there is no grace
    const second = await worker(db, ['--grace', '0'], { ITA_TEST_HANG: '1' });
    await second.waitFor(/started .*b-hang\.txt/);
    second.proc.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(second.stderr()).toMatch(/stopped: 0 ok, 0 failed, 1 released/);
    expect((await docs(db)).map((d) => [name(d.source_path), d.status, d.attempts])).toEqual([
      ['a-wait.txt', 'ok', 1],
      ['b-hang.txt', 'queued', 0],
    ]);
    // released, not left to its lease (900 s): the next worker (here, in this process) takes it now
    const next = await cli(['worker', '--db', db, '--poll', '0.5', '--exit-when-idle']);
    expect(next.code).toBe(0);
    expect((await docs(db)).map((d) => [name(d.source_path), d.status, d.attempts, d.entries === d.n_entries])).toEqual([
      ['a-wait.txt', 'ok', 1, true],
      ['b-hang.txt', 'ok', 1, true],
    ]);
  }, 90_000);

  it('a submitter interrupted and run again: nothing lost, nothing doubled', async () => {
    const db = await database();
    const input = await folder('resubmit', Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`r${i}.txt`, withLine('003_592d1508f0de56c3', i)])));
    const pool = createPool({ url: db, max: 2 }, () => {});
    const stop = new AbortController();
    try {
      await migrate(pool);
      const boss = await startBoss(pool, { maintenanceSeconds: 0, onError: () => {} });
      const plan = await planInputs([input]);
      const r = await submit(
        pool,
        boss,
        openInputs(plan, DEFAULT_LIMITS),
        { maxBytes: DEFAULT_LIMITS.maxBytes, storeLimit: 64 * 2 ** 20, sharedRoot: null, queue: { leaseSeconds: 60, maxAttempts: 3 }, signal: stop.signal },
        { onStored: (_p, _how, _id) => void (_id === '2' && stop.abort('SIGINT')) },
      );
      await boss.stop({ graceful: false, close: false });
      expect(r).toMatchObject({ queued: 2, interrupted: true });
    } finally {
      await pool.end();
    }
    const again = await cli([input, '--db', db]);
    expect(again.stderr).toMatch(/6 inputs: 4 queued, 2 already stored/);
    expect(await query(db, 'SELECT count(*)::int AS docs, count(DISTINCT sha256)::int AS distinct FROM ita.documents')).toEqual([{ docs: 6, distinct: 6 }]);
    expect(await query(db, 'SELECT count(*)::int AS jobs, count(DISTINCT singleton_key)::int AS keys FROM pgboss.job')).toEqual([{ jobs: 6, keys: 6 }]);
    // a job that ended without a result (its retries spent while no worker could finish it): the next submission queues it again
    await query(db, `UPDATE pgboss.job SET state = 'failed' WHERE singleton_key = (SELECT sha256 FROM ita.documents WHERE source_path LIKE '%/r3.txt')`);
    const third = await cli([input, '--db', db]);
    expect(third.stderr).toMatch(/6 inputs: 0 queued, 5 already stored, 1 queued again/);
    expect(await query(db, `SELECT count(*)::int AS live FROM pgboss.job WHERE state < 'completed'`)).toEqual([{ live: 6 }]);
  }, 60_000);

  it('two submitters of the same folder at once store one copy and queue one job per input', async () => {
    const db = await database();
    const input = await folder('twice', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`t${String(i).padStart(2, '0')}.txt`, withLine('004_d0cc15d3996b9fea', i)])));
    await cli(['export', '--db', db, '-q']); // the schema first, so both submitters race on the rows, not on the migration
    const [a, b] = await Promise.all([cli([input, '--db', db]), cli([input, '--db', db])]);
    const counts = [a, b].map((r) => /12 inputs: (\d+) queued, (\d+) already stored/.exec(r.stderr)!.slice(1).map(Number));
    expect(counts[0]![0]! + counts[1]![0]!).toBe(12);
    expect(counts[0]![1]! + counts[1]![1]!).toBe(12);
    expect(await query(db, 'SELECT count(*)::int AS docs FROM ita.documents')).toEqual([{ docs: 12 }]);
    expect(await query(db, 'SELECT count(*)::int AS jobs, count(DISTINCT singleton_key)::int AS keys FROM pgboss.job')).toEqual([{ jobs: 12, keys: 12 }]);
  }, 60_000);
});
