/**
 * The database commands (see db-args.ts for their command lines):
 *
 *   ita-extract INPUT... --db URL [--wait]     store and queue (submitter)
 *   ita-extract worker --db URL [-j N]         run queued jobs until stopped
 *   ita-extract export --db URL [-f F] [-o X]  the records, as file mode writes them
 *   ita-extract report --db URL [-o X]         the archive report page
 *
 * Every command applies the schema's migrations first. Messages never carry
 * credentials (redact), and text from documents is escaped before it
 * reaches the terminal.
 */
import { CommanderError, type Command } from 'commander';
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { openInputs, planInputs } from '../batch/inputs.js';
import { formatRecord, type JobSettings, type OutFormat } from '../batch/job.js';
import { inProcessRunner, workerRunner } from '../batch/runners.js';
import { summaryRow, type SummaryRow } from '../batch/summary.js';
import { DEFAULT_LIMITS } from '../batch/types.js';
import { counts, finishedDocuments, finishedRows } from '../db/archive.js';
import { createPool, describeTarget, errorText, redact } from '../db/connection.js';
import { migrate } from '../db/migrations.js';
import { startBoss } from '../db/queue.js';
import { submit } from '../db/submit.js';
import { DbWorker } from '../db/worker.js';
import type { ItaDocument } from '../model/schema.js';
import { dbReportProgram, defaultConcurrency, exportProgram, submitProgram, type WorkerArgs, workerProgram } from './db-args.js';
import { fileSink, recordWriter, streamSink } from './_output.js';
import { forTerminal } from './_escape.js';
import { progress } from './_progress.js';
import type { CliIo } from './main.js';

const MiB = 2 ** 20;
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };


interface Ctx {
  io: CliIo;
  url: string | null;
  quiet: boolean;
  say(text: string): void;
}

function context(io: CliIo, db: string | true | undefined, quiet: boolean | undefined, prefix = 'ita-extract'): Ctx {
  const url = typeof db === 'string' ? db : null;
  return {
    io,
    url,
    quiet: quiet === true,
    say: (text) => {
      if (!quiet) io.stderr.write(`${prefix}: ${forTerminal(redact(text, url))}\n`);
    },
  };
}

function parse(cmd: Command, argv: string[]): number | null {
  try {
    cmd.parse(argv, { from: 'user' });
    return null;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}

/** The pool with the schema current, or null (said why) when the database cannot be used. */
async function connect(c: Ctx, max: number): Promise<pg.Pool | null> {
  const pool = createPool({ url: c.url, max }, (m) => c.say(`database connection: ${m}`));
  try {
    const applied = await migrate(pool);
    if (applied.length) c.say(`schema migrated to version ${applied[applied.length - 1]} (${describeTarget(c.url)})`);
    return pool;
  } catch (e) {
    c.say(`cannot use the database at ${describeTarget(c.url)}: ${errorText(e, c.url)}`);
    await pool.end().catch(() => {});
    return null;
  }
}

async function boss(c: Ctx, pool: pg.Pool, maintenanceSeconds: number): Promise<PgBoss | null> {
  try {
    return await startBoss(pool, { maintenanceSeconds, onError: (m) => c.say(`queue: ${m}`) });
  } catch (e) {
    c.say(`cannot start the job queue: ${errorText(e, c.url)}`);
    return null;
  }
}

const writeErr = (io: CliIo) => ({ out: (s: string) => io.stdout.write(s), err: (s: string) => io.stderr.write(s) });

async function runSubmit(argv: string[], io: CliIo): Promise<number> {
  const cmd = submitProgram(writeErr(io));
  const bad = parse(cmd, argv);
  if (bad !== null) return bad;
  const o = cmd.opts<{ db?: string | true; quiet?: boolean; wait?: boolean; sharedRoot?: string; storeLimit: number; maxSize: number; lease: number; attempts: number }>();
  const c = context(io, o.db, o.quiet);
  const report = progress(io.stderr, { quiet: c.quiet, tty: io.stderr.isTTY === true });
  const hooks = { onSkip: report.skipped, onRecount: report.addTotal };
  const maxBytes = Math.floor(o.maxSize * MiB);
  const plan = await planInputs(cmd.processedArgs[0] as string[], { hooks });
  const pool = await connect(c, 3);
  if (!pool) return 2;
  const b = await boss(c, pool, 0);
  try {
    if (!b) return 2;
    const r = await submit(
      pool,
      b,
      openInputs(plan, { ...DEFAULT_LIMITS, maxBytes }, hooks),
      {
        maxBytes,
        storeLimit: Math.floor(o.storeLimit * MiB),
        sharedRoot: o.sharedRoot ?? null,
        queue: { leaseSeconds: Math.floor(o.lease), maxAttempts: Math.floor(o.attempts) },
        signal: io.signal,
      },
    );
    const parts = [`${r.queued} queued`, `${r.already} already stored`];
    if (r.requeued) parts.push(`${r.requeued} queued again (their jobs had ended without a result)`);
    if (r.failed) parts.push(`${r.failed} stored as error records (never read)`);
    c.say(`${r.ids.length} inputs: ${parts.join(', ')} (${describeTarget(c.url)})`);
    if (r.interrupted) {
      c.say('interrupted: the inputs stored so far are queued; run the same command again to store the rest');
      return SIGNAL_EXIT[String(io.signal?.reason)] ?? 130;
    }
    if (!o.wait) return 0;
    return await waitFor(c, pool, [...new Set(r.ids)], report);
  } catch (e) {
    c.say(`submission failed: ${errorText(e, c.url)}`);
    return 1;
  } finally {
    await b?.stop({ graceful: false, close: false }).catch(() => {});
    await pool.end().catch(() => {});
  }
}

/** --wait: progress fed by the database until every document of the submission is finished. */
async function waitFor(c: Ctx, pool: pg.Pool, ids: string[], report: ReturnType<typeof progress>): Promise<number> {
  report.setTotal(ids.length);
  let pending = ids;
  let ok = 0;
  let failed = 0;
  const stopped = () => c.io.signal?.aborted === true;
  while (pending.length > 0 && !stopped()) {
    let done: Array<{ id: string; row: SummaryRow }> = [];
    try {
      done = await finishedRows(pool, pending);
    } catch (e) {
      c.say(`cannot read progress (${errorText(e, c.url)}); retrying`);
    }
    const finished = new Set(done.map((d) => d.id));
    for (const d of done) {
      if (d.row.status === 'ok') ok++;
      else failed++;
      // the row's text comes from the archive: no control characters reach the terminal
      report.record(Object.fromEntries(Object.entries(d.row).map(([k, v]) => [k, typeof v === 'string' ? forTerminal(v) : v])) as SummaryRow);
    }
    pending = pending.filter((id) => !finished.has(id));
    if (pending.length > 0) await new Promise<void>((r) => setTimeout(r, 1000));
  }
  report.finish({ ok, failed, resumedOk: 0, resumedFailed: 0, interrupted: stopped() });
  if (stopped()) return SIGNAL_EXIT[String(c.io.signal?.reason)] ?? 130;
  return failed > 0 ? 1 : 0;
}

async function runWorker(argv: string[], io: CliIo): Promise<number> {
  const cmd = workerProgram(writeErr(io));
  const bad = parse(cmd, argv);
  if (bad !== null) return bad;
  const o = cmd.opts<WorkerArgs>();
  const c = context(io, o.db, o.quiet, 'ita-extract worker');
  const size = Math.floor(o.concurrency ?? defaultConcurrency());
  const timeoutMs = o.timeout > 0 ? o.timeout * 1000 : null;
  const settings: JobSettings = {
    format: 'jsonl',
    pretty: false,
    maxBytes: Math.floor(o.maxSize * MiB),
    ocr: o.ocr,
    ocrWorkers: Math.floor(o.ocrWorkers ?? Math.max(1, Math.floor(defaultConcurrency() / size))),
    ocrDpi: o.ocrDpi ? Math.floor(o.ocrDpi) : null,
    ocrEngine: o.ocrEngine,
    ocrJobTimeoutMs: timeoutMs,
  };
  const pool = await connect(c, size + 3);
  if (!pool) return 2;
  const b = await boss(c, pool, Math.floor(o.maintenance));
  if (!b) {
    await pool.end().catch(() => {});
    return 2;
  }
  const runner = io.workerScript
    ? workerRunner({ settings, timeoutMs, size, script: io.workerScript, maxMemoryMb: Math.floor(o.maxMemory), onOutput: (t) => c.say(t.trimEnd()) })
    : inProcessRunner({ settings, timeoutMs });
  const worker = new DbWorker(
    pool,
    b,
    runner,
    { slots: runner.capacity, pollMs: o.poll * 1000, graceMs: o.grace * 1000, sharedRoot: o.sharedRoot ?? null, url: c.url, exitWhenIdle: o.exitWhenIdle === true },
    {
      onStart: (path, id) => c.say(`started ${path} (document ${id})`),
      onDone: (row, id) => c.say(`${row.path}: ${row.status === 'ok' ? `ok, ${row.entries} entries` : `${row.error_code}: ${row.error_message}`} (document ${id}, ${row.seconds} s)`),
      onNote: c.say,
    },
  );
  const onSignal = () => {
    c.say(`stopping: running jobs may finish for ${o.grace} s, then they are released`);
    worker.stop();
  };
  io.signal?.addEventListener('abort', onSignal, { once: true });
  c.say(`running ${runner.capacity} slot(s) against ${describeTarget(c.url)}`);
  let stats;
  try {
    stats = await worker.run();
  } finally {
    io.signal?.removeEventListener('abort', onSignal);
    runner.abort();
    await runner.close();
    await b.stop({ graceful: false, close: false }).catch(() => {});
    await pool.end().catch(() => {});
  }
  const jobs = stats.done + stats.failed;
  const dbMs = jobs ? ` (database ${((stats.dbSeconds * 1000) / jobs).toFixed(1)} ms per document)` : '';
  c.say(`stopped: ${stats.done} ok, ${stats.failed} failed${stats.released ? `, ${stats.released} released` : ''}${dbMs}`);
  return 0;
}

async function runExport(argv: string[], io: CliIo): Promise<number> {
  const cmd = exportProgram(writeErr(io));
  const bad = parse(cmd, argv);
  if (bad !== null) return bad;
  const o = cmd.opts<{ db?: string | true; quiet?: boolean; format?: OutFormat; output?: string }>();
  const c = context(io, o.db, o.quiet);
  const toTerminal = !o.output && io.stdout.isTTY === true;
  const format: OutFormat = o.format ?? (toTerminal ? 'json' : 'jsonl');
  const settings: JobSettings = { format, pretty: toTerminal, maxBytes: 0 };
  const pool = await connect(c, 2);
  if (!pool) return 2;
  let ok = 0;
  let failed = 0;
  try {
    let sink;
    try {
      sink = o.output ? fileSink(o.output, false) : streamSink(io.stdout);
    } catch (e) {
      c.say(`cannot open the output: ${(e as Error).message}`);
      return 2;
    }
    const writer = recordWriter(format, sink);
    try {
      await writer.begin();
      let index = 0;
      for await (const doc of finishedDocuments(pool)) {
        const row = summaryRow(doc, 0);
        if (doc.status === 'ok') ok++;
        else failed++;
        await writer.record({ index: index++, record: formatRecord(doc, settings), row });
      }
      await writer.end();
    } finally {
      await sink.close();
    }
    const n = await counts(pool);
    const unfinished = n.queued + n.running;
    c.say(`${ok + failed} documents: ${ok} ok, ${failed} failed${unfinished ? `; ${unfinished} not finished yet (left out)` : ''}`);
    return failed > 0 || unfinished > 0 ? 1 : 0;
  } catch (e) {
    c.say(`export failed: ${errorText(e, c.url)}`);
    return 1;
  } finally {
    await pool.end().catch(() => {});
  }
}

/** What the report reads of a document (src/report/aggregate.ts readRecord): the rest stays in the database. */
function forReport(d: ItaDocument): unknown {
  return {
    status: d.status,
    error: d.error,
    source: { path: d.source.path, sha256: d.source.sha256 },
    organization: d.organization,
    fiscalYear: d.fiscalYear,
    assessment: { year: d.assessment.year, overallScore: d.assessment.overallScore, level: d.assessment.level },
    entries: d.entries.map((e) => ({ part: e.part, section: e.section, itemCodes: e.itemCodes.map((x) => ({ code: x.code, question: x.question, indicator: x.indicator })) })),
  };
}

async function runDbReport(argv: string[], io: CliIo): Promise<number> {
  const cmd = dbReportProgram(writeErr(io));
  const bad = parse(cmd, argv);
  if (bad !== null) return bad;
  const o = cmd.opts<{ db?: string | true; quiet?: boolean; output?: string; title?: string }>();
  const c = context(io, o.db, o.quiet, 'ita-extract report');
  const pool = await connect(c, 2);
  if (!pool) return 2;
  try {
    const records: unknown[] = [];
    for await (const doc of finishedDocuments(pool)) records.push(forReport(doc));
    const { buildReport } = await import('../report/index.js');
    const { html, model } = await buildReport(records, { title: o.title, inputs: [{ name: describeTarget(c.url), records: records.length, invalid: 0, blank: 0 }] });
    const sink = o.output ? fileSink(o.output, false) : streamSink(io.stdout);
    await sink.write(html);
    await sink.close();
    const t = model.totals;
    c.say(`${t.records} document(s): ${t.ok} ok, ${t.error} failed, ${t.rows} organisation-year row(s)${o.output ? ` → ${o.output}` : ''}`);
    return 0;
  } catch (e) {
    c.say(`report failed: ${errorText(e, c.url)}`);
    return 1;
  } finally {
    await pool.end().catch(() => {});
  }
}

export async function runDbCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'worker') return runWorker(argv.slice(1), io);
  if (argv[0] === 'export') return runExport(argv.slice(1), io);
  if (argv[0] === 'report') return runDbReport(argv.slice(1), io);
  return runSubmit(argv, io);
}
