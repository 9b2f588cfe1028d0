/**
 * `npm run bench -- --only db`: the PostgreSQL archive against file mode on
 * the same generated documents (bench/scale.ts's generator; 500 by default,
 * --db-docs N). Uses ITA_TEST_DATABASE_URL when set, else starts a
 * throwaway server (scripts/pg-test-server.sh, its own state folder) and
 * stops it afterwards. For 1, 2 and 4 worker processes (each -j 1, one
 * worker thread), on a fresh database each time: the submission's time, the
 * workers' time from start to the queue drained (jobs/s), the overhead per
 * document against file mode -j 1, the export's time and that its bytes
 * equal file mode's, and what the database holds (table sizes).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildCli, generateDocuments, runCli } from './scale.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

export interface DbBenchRow {
  processes: number;
  submitSeconds: number;
  workSeconds: number;
  jobsPerSecond: number;
  overheadMsPerDoc: number;
  /** The workers' own measure: time on the database per document (fetch, claim, input, result, completion). */
  dbMsPerDoc: number;
  exportSeconds: number;
  exportEqual: boolean;
}

export interface DbBench {
  docs: number;
  /** Distinct contents among them (the archive stores each once). */
  unique: number;
  /** The 1-minute load average at the end. */
  load: number;
  fileSeconds: number;
  fileJ2Seconds: number;
  rows: DbBenchRow[];
  sizes: Array<{ table: string; mb: number; rows: number }>;
  databaseMb: number;
  inputMb: number;
}

async function timedRun(cli: string, args: string[]): Promise<{ seconds: number; stderr: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0 && code !== 1) throw new Error(`${args[0]} exited with ${code}: ${err.slice(-2000)}`);
  return { seconds: (performance.now() - t0) / 1000, stderr: err };
}

const timed = async (cli: string, args: string[]) => (await timedRun(cli, args)).seconds;

/** File mode's records less those whose sha256 came earlier: the archive stores a content once. */
function firstOfEachContent(jsonl: Buffer): Buffer {
  const seen = new Set<string>();
  const keep = jsonl
    .toString('utf8')
    .split('\n')
    .filter((line) => {
      if (!line) return false;
      const sha = (JSON.parse(line) as { source: { sha256: string | null } }).source.sha256;
      if (sha === null) return true;
      if (seen.has(sha)) return false;
      seen.add(sha);
      return true;
    });
  return Buffer.from(keep.map((l) => `${l}\n`).join(''), 'utf8');
}

async function withDatabase<T>(admin: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `ita_bench_${process.pid}_${Date.now()}`;
  const q = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await q(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await q(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function sizes(url: string): Promise<{ tables: DbBench['sizes']; databaseMb: number; inputMb: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t = await c.query<{ table: string; bytes: string; rows: string }>(
      `SELECT c.relname AS table, pg_total_relation_size(c.oid) AS bytes, c.reltuples::bigint AS rows
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'ita' AND c.relkind = 'r' AND c.relname <> 'schema_version' ORDER BY 2 DESC`,
    );
    await c.query('ANALYZE');
    const counts = await c.query<{ table: string; rows: string }>(
      `SELECT 'documents' AS table, count(*) AS rows FROM ita.documents UNION ALL SELECT 'entries', count(*) FROM ita.entries
       UNION ALL SELECT 'item_codes', count(*) FROM ita.item_codes UNION ALL SELECT 'periods', count(*) FROM ita.periods
       UNION ALL SELECT 'diagnostics', count(*) FROM ita.diagnostics UNION ALL SELECT 'inputs', count(*) FROM ita.inputs`,
    );
    const rows = new Map(counts.rows.map((r) => [r.table, Number(r.rows)]));
    const db = await c.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    const input = await c.query<{ bytes: string }>('SELECT coalesce(sum(size), 0) AS bytes FROM ita.inputs');
    return {
      tables: t.rows.map((r) => ({ table: r.table, mb: Number(r.bytes) / 2 ** 20, rows: rows.get(r.table) ?? Number(r.rows) })),
      databaseMb: Number(db.rows[0]!.bytes) / 2 ** 20,
      inputMb: Number(input.rows[0]!.bytes) / 2 ** 20,
    };
  } finally {
    await c.end();
  }
}

export async function benchDb(opts: { docs?: number; processes?: number[] } = {}): Promise<DbBench> {
  const n = opts.docs ?? 500;
  const work = await mkdtemp(join(tmpdir(), 'ita-bench-db-'));
  let state: string | null = null;
  let admin = process.env.ITA_TEST_DATABASE_URL ?? '';
  try {
    if (!admin) {
      state = join(work, 'pg');
      const out = (await run('bash', [join(ROOT, 'scripts/pg-test-server.sh'), 'start'], { env: { ...process.env, ITA_PG_STATE: state } })).stdout;
      admin = /ITA_TEST_DATABASE_URL='([^']+)'/.exec(out)![1]!;
    }
    const cli = await buildCli();
    const docs = join(work, 'docs');
    generateDocuments(docs, n);
    const fileOut = join(work, 'file.jsonl');
    const file = await runCli(cli, [docs, '-j', '1', '-q', '-o', fileOut]);
    const fileJ2 = await runCli(cli, [docs, '-j', '2', '-q', '-o', join(work, 'file2.jsonl')]);
    const expected = firstOfEachContent(await readFile(fileOut));
    const unique = expected.toString('utf8').split('\n').filter(Boolean).length;
    const rows: DbBenchRow[] = [];
    let held: Awaited<ReturnType<typeof sizes>> | null = null;
    for (const p of opts.processes ?? [1, 2, 4]) {
      await withDatabase(admin, async (url) => {
        const submitSeconds = await timed(cli, [docs, '--db', url, '-q']);
        const t0 = performance.now();
        const ws = await Promise.all(Array.from({ length: p }, () => timedRun(cli, ['worker', '--db', url, '-j', '1', '--poll', '0.5', '--exit-when-idle'])));
        const workSeconds = (performance.now() - t0) / 1000;
        let dbMs = 0;
        let jobs = 0;
        for (const w of ws) {
          const m = /stopped: (\d+) ok, (\d+) failed.*\(database ([\d.]+) ms per document\)/.exec(w.stderr);
          if (!m) continue;
          const k = Number(m[1]) + Number(m[2]);
          jobs += k;
          dbMs += k * Number(m[3]);
        }
        const exportOut = join(work, `export-${p}.jsonl`);
        const exportSeconds = await timed(cli, ['export', '--db', url, '-q', '-o', exportOut]);
        const exportEqual = (await readFile(exportOut)).equals(expected);
        rows.push({
          processes: p,
          submitSeconds,
          workSeconds,
          jobsPerSecond: unique / workSeconds,
          overheadMsPerDoc: ((submitSeconds + workSeconds - file.seconds) / n) * 1000,
          dbMsPerDoc: jobs ? dbMs / jobs : 0,
          exportSeconds,
          exportEqual,
        });
        held ??= await sizes(url);
      });
    }
    return { docs: n, unique, load: os.loadavg()[0] ?? 0, fileSeconds: file.seconds, fileJ2Seconds: fileJ2.seconds, rows, sizes: held!.tables, databaseMb: held!.databaseMb, inputMb: held!.inputMb };
  } finally {
    if (state) await run('bash', [join(ROOT, 'scripts/pg-test-server.sh'), 'stop'], { env: { ...process.env, ITA_PG_STATE: state } }).catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

export function printDb(r: DbBench): void {
  console.log(`  file mode -j 1: ${r.fileSeconds.toFixed(1)} s (${(r.docs / r.fileSeconds).toFixed(1)} docs/s); -j 2: ${r.fileJ2Seconds.toFixed(1)} s (${(r.docs / r.fileJ2Seconds).toFixed(1)} docs/s)`);
  console.log(`  ${r.unique} distinct contents among the ${r.docs} documents (the archive stores each once); load at the end ${r.load.toFixed(1)}`);
  console.log(`  ${'workers'.padEnd(8)} ${'submit s'.padStart(9)} ${'work s'.padStart(8)} ${'jobs/s'.padStart(7)} ${'overhead ms/doc'.padStart(16)} ${'db ms/doc'.padStart(10)} ${'export s'.padStart(9)}  export = file mode`);
  for (const x of r.rows) {
    console.log(
      `  ${String(x.processes).padEnd(8)} ${x.submitSeconds.toFixed(1).padStart(9)} ${x.workSeconds.toFixed(1).padStart(8)} ${x.jobsPerSecond.toFixed(1).padStart(7)} ${x.overheadMsPerDoc.toFixed(1).padStart(16)} ${x.dbMsPerDoc.toFixed(1).padStart(10)} ${x.exportSeconds.toFixed(1).padStart(9)}  ${x.exportEqual ? 'yes' : 'NO'}`,
    );
  }
  console.log(`  the database after ${r.docs} documents: ${r.databaseMb.toFixed(1)} MB (inputs ${r.inputMb.toFixed(1)} MB as bytes)`);
  for (const s of r.sizes) console.log(`    ita.${s.table.padEnd(14)} ${s.mb.toFixed(2).padStart(8)} MB  ${String(s.rows).padStart(8)} rows`);
}
