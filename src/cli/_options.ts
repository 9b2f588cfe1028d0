/**
 * The command line, as data: commander parses, this checks what commander
 * cannot (option combinations) and fills in defaults.
 */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { OcrEngineKind, OutFormat } from '../batch/job.js';
import type { OcrMode } from '../extract.js';
import { packageVersion } from './_version.js';

export interface CliOptions {
  inputs: string[];
  format: OutFormat;
  /** Pretty JSON: only to a terminal. */
  pretty: boolean;
  output: string | null;
  summary: string | null;
  concurrency: number;
  timeoutMs: number | null;
  maxBytes: number;
  maxMemoryMb: number;
  resume: boolean;
  quiet: boolean;
  ocr: OcrMode;
  /** Tesseract workers per document slot. */
  ocrWorkers: number;
  ocrDpi: number | null;
  ocrEngine: OcrEngineKind;
  /** CSV cells that start like a formula written unchanged. */
  csvFormulas: boolean;
  /** Follow symbolic links met in folders (each real folder once). */
  followSymlinks: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function count(min: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || !/^\d+(\.\d+)?$/.test(v.trim())) throw new InvalidArgumentError(`expected a number ≥ ${min}`);
    return n;
  };
}

export function program(write: { out(s: string): void; err(s: string): void }): Command {
  return new Command('ita-extract')
    .description('Extract typed data from Thai ITA reports (PDF, DOCX, HTML, Markdown, text): files, folders, glob patterns and .zip archives.')
    .argument('<inputs...>', 'files, folders (recursive), glob patterns, .zip archives')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .addOption(new Option('-f, --format <format>', 'output format (default: jsonl to a file or pipe, json to a terminal)').choices(['jsonl', 'json', 'csv']))
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .option('--summary <file>', 'also write one CSV line per document to FILE')
    .option('-j, --concurrency <n>', 'documents at once, each in a worker thread (default: cores)', count(1))
    .option('--timeout <seconds>', 'give a document at most this long, else TIMEOUT; 0 = no limit', count(0), 600)
    .option('--max-size <MiB>', 'largest document or archive entry', count(1), 256)
    .option('--max-memory <MiB>', 'heap limit of each worker thread; 0 = V8 default', count(0), 2048)
    .addOption(new Option('--ocr <mode>', 'read scanned PDF pages by OCR: auto = pages without a usable text layer, always = every page, never').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(
      new Option('--ocr-engine <engine>', 'js: the bundled tesseract.js; native: the tesseract command (apt-get install tesseract-ocr tesseract-ocr-tha; the same models as js, about 10 % less CPU); auto: native when installed')
        .choices(['js', 'native', 'auto'])
        .default('js'),
    )
    .option('--ocr-workers <n>', 'Tesseract workers for each document slot (default: cores / concurrency, at least 1)', count(1))
    .option('--ocr-dpi <dpi>', 'resolution pages are rendered at for OCR (default: chosen per page from its text height and image resolution)', count(50))
    .option('--follow-symlinks', 'follow symbolic links met in folders (each real file and folder once); without it, a link leading out of the folder gets an UNSAFE_LINK record')
    .option('--resume', 'skip inputs already in the -o file (JSONL), append the rest')
    .option('--csv-formulas', "CSV (-f csv, --summary): keep cells that start with = + - @ as they are (default: a leading ' makes spreadsheets show them as text, not run them)")
    .option('-q, --quiet', 'no messages on stderr')
    .addHelpText('after', '\nThe archive report:\n  ita-extract report OUTPUT.jsonl... -o report.html   one self-contained HTML page: scores per organisation and year,\n                                                     the items and issues cited most, filters by province and kind\n\nMany machines (PostgreSQL; each command has --help):\n  ita-extract INPUT... --db URL [--wait]   store and queue    ita-extract worker --db URL [-j N]   run queued jobs\n  ita-extract export --db URL [-f F]       the records        ita-extract report --db URL          the report page')
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err });
}

export function reportProgram(write: { out(s: string): void; err(s: string): void }): Command {
  return new Command('ita-extract report')
    .description('Write one self-contained HTML page (inline SVG charts, no network) from JSONL records written by ita-extract.')
    .argument('<records...>', 'JSONL files written by ita-extract (- for stdin)')
    .option('-o, --output <file>', 'write the page to FILE instead of stdout')
    .option('--title <text>', 'the page title')
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err });
}

export function cliOptions(cmd: Command, stdoutIsTTY: boolean): CliOptions {
  const o = cmd.opts<{
    format?: OutFormat; output?: string; summary?: string; concurrency?: number; timeout: number;
    maxSize: number; maxMemory: number; resume?: boolean; quiet?: boolean;
    ocr: OcrMode; ocrWorkers?: number; ocrDpi?: number; ocrEngine: OcrEngineKind; csvFormulas?: boolean; followSymlinks?: boolean;
  }>();
  const toTerminal = !o.output && stdoutIsTTY;
  const format: OutFormat = o.format ?? (toTerminal ? 'json' : 'jsonl');
  if (o.resume && !o.output) throw new UsageError('--resume needs -o FILE: the records to resume are read from it');
  if (o.resume && format !== 'jsonl') throw new UsageError('--resume works with --format jsonl only');
  if (o.summary && o.output && o.summary === o.output) throw new UsageError('--summary and -o name the same file');
  const concurrency = Math.floor(o.concurrency ?? availableParallelism());
  return {
    inputs: cmd.processedArgs[0] as string[],
    format,
    pretty: toTerminal,
    output: o.output ?? null,
    summary: o.summary ?? null,
    concurrency,
    timeoutMs: o.timeout > 0 ? o.timeout * 1000 : null,
    maxBytes: Math.floor(o.maxSize * 2 ** 20),
    maxMemoryMb: Math.floor(o.maxMemory),
    resume: o.resume === true,
    quiet: o.quiet === true,
    ocr: o.ocr,
    ocrWorkers: Math.floor(o.ocrWorkers ?? Math.max(1, Math.floor(availableParallelism() / concurrency))),
    ocrDpi: o.ocrDpi ? Math.floor(o.ocrDpi) : null,
    ocrEngine: o.ocrEngine,
    csvFormulas: o.csvFormulas === true,
    followSymlinks: o.followSymlinks === true,
  };
}
