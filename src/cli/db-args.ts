/**
 * The database commands' command lines (no database code here, so file mode
 * never loads pg): `INPUT... --db`, `worker`, `export`, `report --db`.
 */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { count } from './_options.js';

type Write = { out(s: string): void; err(s: string): void };

/** Is this command line one of the database commands? */
export function isDbCommand(argv: string[]): boolean {
  const db = argv.some((a) => a === '--db' || a.startsWith('--db='));
  if (argv[0] === 'worker' || argv[0] === 'export') return true;
  return db;
}

function dbUrl(v: string): string {
  if (!/^postgres(ql)?:\/\//i.test(v)) throw new InvalidArgumentError('expected a postgres:// URL (or --db alone for the PG* environment variables)');
  return v;
}

const DB_HELP = 'postgres://user:password@host:port/db[?sslmode=require]; alone: the PG* environment variables';

function base(name: string, write: Write): Command {
  return new Command(name)
    .addOption(new Option('--db [url]', DB_HELP).argParser(dbUrl))
    .option('-q, --quiet', 'no messages on stderr')
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err });
}

export function submitProgram(write: Write): Command {
  return base('ita-extract', write)
    .description('Store inputs in the PostgreSQL archive (once each, by sha256) and queue a job per input for `ita-extract worker`.')
    .argument('<inputs...>', 'files, folders (recursive), glob patterns, .zip archives')
    .option('--wait', 'stay until every input of this submission is done, showing progress')
    .option('--shared-root <dir>', 'store inputs under DIR as paths relative to it (every worker mounts the same files) instead of bytes')
    .option('--store-limit <MiB>', 'largest input stored as bytes in the database; larger ones get TOO_LARGE', count(1), 64)
    .option('--max-size <MiB>', 'largest document or archive entry', count(1), 256)
    .option('--lease <seconds>', 'a running job\'s worker renews its lease; one that stops renewing (killed, machine lost) loses the job to another worker after this long', count(1), 300)
    .option('--attempts <n>', 'starts without a result (workers killed) before a document gets WORKER_CRASHED', count(1), 3);
}

export function workerProgram(write: Write): Command {
  return base('ita-extract worker', write)
    .description('Run queued jobs from the PostgreSQL archive until stopped (SIGTERM/SIGINT: finish or release the running jobs, then exit).')
    .option('-j, --concurrency <n>', 'documents at once, each in a worker thread (default: cores)', count(1))
    .option('--timeout <seconds>', 'give a document at most this long, else TIMEOUT; 0 = no limit', count(0), 600)
    .option('--max-size <MiB>', 'largest document', count(1), 256)
    .option('--max-memory <MiB>', 'heap limit of each worker thread; 0 = V8 default', count(0), 2048)
    .addOption(new Option('--ocr <mode>', 'read scanned PDF pages by OCR').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--ocr-engine <engine>', 'js: tesseract.js; native: the tesseract command; auto').choices(['js', 'native', 'auto']).default('js'))
    .option('--ocr-workers <n>', 'Tesseract workers for each slot (default: cores / concurrency, at least 1)', count(1))
    .option('--ocr-dpi <dpi>', 'resolution pages are rendered at for OCR (default 150)', count(50))
    .option('--shared-root <dir>', 'where this machine mounts the files submitted with --shared-root')
    .option('--poll <seconds>', 'wait between fetches when the queue is empty', count(0.5), 2)
    .option('--grace <seconds>', 'on SIGTERM, how long running jobs may still finish before they are released', count(0), 60)
    .option('--maintenance <seconds>', 'how often lapsed leases are looked for (one worker at a time does it)', count(1), 30)
    .option('--exit-when-idle', 'exit once the queue is empty (for scripts and benchmarks)');
}

export function exportProgram(write: Write): Command {
  return base('ita-extract export', write)
    .description('Write the finished documents of the archive, in submission order, exactly as file mode writes them.')
    .addOption(new Option('-f, --format <format>', 'jsonl (default to a file or pipe), json (default on a terminal), csv').choices(['jsonl', 'json', 'csv']))
    .option('-o, --output <file>', 'write to FILE instead of stdout');
}

export function dbReportProgram(write: Write): Command {
  return base('ita-extract report', write)
    .description('Write the archive report (one self-contained HTML page) from the documents in the database.')
    .option('-o, --output <file>', 'write the page to FILE instead of stdout')
    .option('--title <text>', 'the page title');
}

export interface WorkerArgs {
  concurrency: number;
  timeout: number;
  maxSize: number;
  maxMemory: number;
  ocr: 'auto' | 'always' | 'never';
  ocrEngine: 'js' | 'native' | 'auto';
  ocrWorkers?: number;
  ocrDpi?: number;
  sharedRoot?: string;
  poll: number;
  grace: number;
  maintenance: number;
  exitWhenIdle?: boolean;
  db?: string | true;
  quiet?: boolean;
}

export function defaultConcurrency(): number {
  return availableParallelism();
}
