/**
 * `ita-extract INPUT... [options]`: one record per document on stdout (or
 * -o), messages on stderr. Exit 0 when every document is ok, 1 when any
 * failed, 2 for usage errors, 130/143 when interrupted (SIGINT/SIGTERM:
 * the output then holds whole records only). `runCli` is the only entry;
 * the bin file wires signals and the worker script, and sets process.exitCode.
 */
import { existsSync, statSync } from 'node:fs';
import { CommanderError } from 'commander';
import type { JobSettings } from '../batch/job.js';
import { inProcessRunner, type Runner, workerRunner } from '../batch/runners.js';
import { openInputs, planInputs } from '../batch/inputs.js';
import { loadResume, ResumeError, type ResumeState } from '../batch/resume.js';
import { runBatch } from '../batch/run.js';
import { summaryHeader, summaryLine } from '../batch/summary.js';
import { DEFAULT_LIMITS } from '../batch/types.js';
import { counted } from '../batch/_words.js';
import { isDbCommand } from './db-args.js';
import { type CliOptions, cliOptions, program, reportProgram, UsageError } from './_options.js';
import { fileSink, type OutStream, recordWriter, type Sink, streamSink } from './_output.js';
import { type ErrStream, progress } from './_progress.js';
import { dataForTerminal, terminalLine, terminalLines } from './_escape.js';
import { SIGNAL_EXIT } from './_signals.js';

export interface CliIo {
  stdout: OutStream;
  stderr: ErrStream;
  /** The script worker threads run (the CLI's entry file); without it everything runs in-process. */
  workerScript?: URL;
  /** Aborted (with reason 'SIGINT' or 'SIGTERM') to stop the run cleanly. */
  signal?: AbortSignal;
}

function jobSettings(o: CliOptions): JobSettings {
  return { format: o.format, pretty: o.pretty, maxBytes: o.maxBytes, ocr: o.ocr, ocrWorkers: o.ocrWorkers, ocrDpi: o.ocrDpi, ocrEngine: o.ocrEngine, ocrJobTimeoutMs: o.timeoutMs, csvFormulas: o.csvFormulas };
}

/**
 * Worker threads for any -j, 1 included: only a thread gives a time limit
 * that stops synchronous work and a heap cap. In-process only without a
 * worker script (tests that call runCli), or when threads fail to start.
 */
function runnerFor(o: CliOptions, io: CliIo, total: number, note: (t: string) => void): Runner {
  const settings = jobSettings(o);
  const size = Math.min(o.concurrency, Math.max(total, 1));
  if (!io.workerScript) return inProcessRunner({ settings, timeoutMs: o.timeoutMs });
  return workerRunner({ settings, timeoutMs: o.timeoutMs, size, script: io.workerScript, maxMemoryMb: o.maxMemoryMb, onOutput: note });
}

/** `ita-extract report OUTPUT.jsonl... [-o report.html] [--title T]`: the archive report page. */
async function runReportCli(argv: string[], io: CliIo): Promise<number> {
  const cmd = reportProgram({ out: (s) => io.stdout.write(s), err: (s) => io.stderr.write(terminalLines(s)) });
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const o = cmd.opts<{ output?: string; title?: string }>();
  const { runReport } = await import('../report/index.js');
  return runReport({ input: cmd.processedArgs[0] as string[], output: o.output ?? null, title: o.title }, {
    stdout: io.stdout,
    stderr: { write: (s: string) => io.stderr.write(terminalLine(s)) },
    stdin: process.stdin,
  });
}

/** Records on a terminal: no control character from a document reaches it raw. */
function toTerminal(sink: Sink, tty: boolean, format: CliOptions['format']): Sink {
  return tty ? { write: (text) => sink.write(dataForTerminal(text, format)), close: () => sink.close() } : sink;
}

const nonEmpty = (path: string) => existsSync(path) && statSync(path).size > 0;

export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  // the PostgreSQL archive (`INPUT... --db`, `worker`, `export`, `report --db`): loaded only when asked for
  if (isDbCommand(argv)) return (await import('./db.js')).runDbCli(argv, io);
  if (argv[0] === 'report') return runReportCli(argv.slice(1), io);
  const cmd = program({ out: (s) => io.stdout.write(s), err: (s) => io.stderr.write(terminalLines(s)) });
  let o: CliOptions;
  try {
    cmd.parse(argv, { from: 'user' });
    o = cliOptions(cmd, io.stdout.isTTY === true);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.stderr.write(terminalLine(`ita-extract: ${e.message}\n`));
      return 2;
    }
    throw e;
  }

  if (o.ocr !== 'never' && o.ocrEngine === 'native') {
    const { nativeTesseractAvailable } = await import('../ocr/native.js');
    if (!(await nativeTesseractAvailable())) {
      io.stderr.write('ita-extract: --ocr-engine native: the tesseract command with Thai data is not installed (apt-get install tesseract-ocr tesseract-ocr-tha), or use --ocr-engine js\n');
      return 2;
    }
  }
  const report = progress(io.stderr, {
    quiet: o.quiet,
    tty: io.stderr.isTTY === true,
    sharedScreen: !o.output && io.stdout.isTTY === true,
    toFile: o.output !== null,
  });
  const hooks = { onSkip: report.skipped, onRecount: report.addTotal };
  const limits = { ...DEFAULT_LIMITS, maxBytes: o.maxBytes };
  const plan = await planInputs(o.inputs, { exclude: [o.output, o.summary].filter((p): p is string => p !== null), hooks, followSymlinks: o.followSymlinks });
  report.setTotal(plan.total);

  let resume: ResumeState | null = null;
  let out: Sink;
  let summary: Sink | null = null;
  const appendSummary = o.resume && o.summary !== null && nonEmpty(o.summary);
  try {
    if (o.resume && o.output) {
      resume = await loadResume(o.output);
      if (resume.truncated) report.note(`ita-extract: ${o.output}: removed a cut-short last record (${counted(resume.truncated, 'byte')})`);
    }
    out = o.output ? fileSink(o.output, o.resume) : report.around(toTerminal(streamSink(io.stdout), io.stdout.isTTY === true, o.format));
    if (o.summary) summary = fileSink(o.summary, appendSummary);
  } catch (e) {
    io.stderr.write(terminalLine(`ita-extract: ${e instanceof ResumeError ? e.message : `cannot open the output: ${(e as Error).message}`}\n`));
    return 2;
  }

  const writer = recordWriter(o.format, out, { append: o.resume });
  const runner = runnerFor(o, io, plan.total, report.note);
  const stopping = () => report.note(`ita-extract: ${String(io.signal?.reason)}: stopping once the documents under way are done (again to stop at once)`);
  io.signal?.addEventListener('abort', stopping, { once: true });
  let result;
  try {
    await writer.begin();
    if (summary && !appendSummary) await summary.write(`\uFEFF${summaryHeader()}`);
    result = await runBatch(
      openInputs(plan, limits, hooks),
      { settings: jobSettings(o), runner, signal: io.signal, resume },
      {
        onRecord: async (outcome) => {
          await writer.record(outcome);
          await summary?.write(summaryLine(outcome.row, { formulas: o.csvFormulas }));
          report.record(outcome.row);
        },
        onResumed: report.resumed,
      },
    );
    await writer.end();
  } finally {
    io.signal?.removeEventListener('abort', stopping);
    await runner.close();
    await out.close();
    await summary?.close();
  }
  report.finish(result);
  if (result.interrupted) return io.signal?.reason === 'SIGTERM' ? SIGNAL_EXIT.SIGTERM : SIGNAL_EXIT.SIGINT;
  return result.failed + result.resumedFailed > 0 ? 1 : 0;
}
