/**
 * `ita-extract report OUTPUT.jsonl… -o report.html`: the records of one or
 * more extraction runs → one self-contained HTML page (see render.ts) with
 * the archive's organisations, scores, and the items and issues cited most
 * often as weaknesses (definitions in aggregate.ts).
 *
 * `runReport` is the CLI entry: it reads, builds, writes, and returns the
 * exit code (0 written; 2 an input could not be read or the output could not
 * be written). Lines that are blank or not JSON objects are skipped and
 * counted, never fatal.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { counted } from '../batch/_words.js';
import { aggregate, type ReportModel } from './aggregate.js';
import { type InputSummary, renderReport, type RenderOptions } from './render.js';

export { aggregate, type ReportModel } from './aggregate.js';
export type { ErrorStat, ItemStat, LevelCount, OrgFacts, OrgYearRow, ScoreBin, SectionStat } from './aggregate.js';
export { DEFAULT_TITLE, escapeHtml, renderReport, type InputSummary, type RenderOptions } from './render.js';

export interface JsonlRead {
  /** Each line that parsed as a JSON object (or each element of a JSON array file), in order. */
  records: unknown[];
  /** Lines that are empty or whitespace. */
  blank: number;
  /** Lines that are not JSON, or JSON but not an object. */
  invalid: number;
  /** 1-based numbers of the invalid lines. */
  invalidLines: number[];
}

/**
 * JSONL text → records. A BOM and CRLF line ends are allowed. The output of
 * `--format json` (one JSON array) is accepted too.
 */
export function parseJsonl(text: string): JsonlRead {
  const t = text.replace(/^\uFEFF/, '');
  if (t.trimStart().startsWith('[')) {
    try {
      const all: unknown = JSON.parse(t);
      if (Array.isArray(all)) {
        const records = all.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
        return { records, blank: 0, invalid: all.length - records.length, invalidLines: [] };
      }
    } catch {
      // not one JSON array: read it line by line
    }
  }
  const out: JsonlRead = { records: [], blank: 0, invalid: 0, invalidLines: [] };
  t.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') {
      out.blank++;
      return;
    }
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      v = undefined;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) out.records.push(v);
    else {
      out.invalid++;
      out.invalidLines.push(i + 1);
    }
  });
  if (t === '' || t.endsWith('\n')) out.blank--; // the split's empty tail: no line of its own
  return out;
}

/**
 * Records from a JSONL file, or from JSONL text: the argument is taken as
 * text when it contains a line break or starts with "{" or "[", else as a
 * path.
 */
export async function readJsonl(pathOrText: string): Promise<JsonlRead> {
  const looksLikeText = /[\r\n]/.test(pathOrText) || /^\s*[[{]/.test(pathOrText);
  return parseJsonl(looksLikeText ? pathOrText : await readFile(pathOrText, 'utf8'));
}

export interface BuildOptions extends RenderOptions {}

/** Records → the report model and its HTML page. */
export async function buildReport(records: readonly unknown[], opts: BuildOptions = {}): Promise<{ html: string; model: ReportModel }> {
  const model = aggregate(records);
  const html = await renderReport(model, opts);
  return { html, model };
}

export interface ReportArgs {
  /** JSONL files; "-" reads standard input. */
  input: string[];
  /** The HTML file to write; null writes to standard output. */
  output: string | null;
  title?: string;
}

export interface ReportIo {
  stdout: NodeJS.WritableStream;
  stderr: { write(s: string): unknown };
  stdin?: NodeJS.ReadableStream;
}

async function readStream(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function writeStream(s: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    s.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** The `report` subcommand: returns the exit code. */
export async function runReport(
  argv: ReportArgs,
  io: ReportIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
): Promise<number> {
  const say = (s: string) => io.stderr.write(`ita-extract report: ${s}\n`);
  if (argv.input.length === 0) {
    say('no input: give one or more JSONL files written by ita-extract');
    return 2;
  }
  const records: unknown[] = [];
  const inputs: InputSummary[] = [];
  for (const path of argv.input) {
    let read: JsonlRead;
    try {
      if (path === '-') {
        if (!io.stdin) throw new Error('no standard input');
        read = parseJsonl(await readStream(io.stdin));
      } else read = parseJsonl(await readFile(path, 'utf8'));
    } catch (err) {
      say(`cannot read ${path}: ${(err as Error).message}`);
      return 2;
    }
    if (read.invalid > 0) {
      const shown = read.invalidLines.slice(0, 5).join(', ') + (read.invalidLines.length > 5 ? ', …' : '');
      say(`${path}: skipped ${counted(read.invalid, 'line')} that ${read.invalid === 1 ? 'is not a JSON record' : 'are not JSON records'}${shown ? ` (line${read.invalidLines.length === 1 ? '' : 's'} ${shown})` : ''}`);
    }
    records.push(...read.records);
    inputs.push({ name: path, records: read.records.length, invalid: read.invalid, blank: read.blank });
  }
  const { html, model } = await buildReport(records, { title: argv.title, inputs });
  try {
    if (argv.output) await writeFile(argv.output, html, 'utf8');
    else await writeStream(io.stdout, html);
  } catch (err) {
    say(`cannot write ${argv.output ?? 'standard output'}: ${(err as Error).message}`);
    return 2;
  }
  const t = model.totals;
  say(
    `${counted(t.records, 'document')}: ${t.ok} ok, ${t.error} failed, ${counted(t.rows, 'organisation-year row')}` +
      `${t.duplicates ? `, ${counted(t.duplicates, 'duplicate')} left out` : ''}${argv.output ? ` → ${argv.output}` : ''}`,
  );
  if (t.records === 0) say('warning: no records found');
  return 0;
}
