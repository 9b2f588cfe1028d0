/**
 * `ita-extract FILE... [--format jsonl|json|csv] [-o FILE]`: one record per
 * input on stdout (or -o), messages on stderr. Exit 0 when every document is
 * ok, 1 when any failed, 2 for usage errors. `runCli` is the only entry; the
 * bin file only sets process.exitCode.
 */
import { createWriteStream } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { extractFile } from '../extract.js';
import type { ItaDocument } from '../model/schema.js';
import { csvHeader, csvRows } from './csv.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

type OutFormat = 'jsonl' | 'json' | 'csv';

interface Writer {
  begin(): void;
  write(d: ItaDocument, first: boolean): void;
  end(): void;
}

function writerFor(format: OutFormat, out: NodeJS.WritableStream, pretty: boolean): Writer {
  switch (format) {
    case 'json':
      return {
        begin: () => out.write('['),
        write: (d, first) => out.write(`${first ? '' : ','}\n${JSON.stringify(d, null, pretty ? 2 : undefined)}`),
        end: () => out.write('\n]\n'),
      };
    case 'csv':
      return {
        begin: () => out.write(`\uFEFF${csvHeader()}`),
        write: (d) => out.write(csvRows(d)),
        end: () => {},
      };
    default:
      return { begin: () => {}, write: (d) => out.write(`${JSON.stringify(d)}\n`), end: () => {} };
  }
}

function program(io: CliIo): Command {
  return new Command('ita-extract')
    .description('Extract typed data from Thai ITA reports (PDF, DOCX, HTML, Markdown, text).')
    .argument('<files...>', 'input files')
    .addOption(new Option('-f, --format <format>', 'output format (default: jsonl to a file or pipe, json to a terminal)').choices(['jsonl', 'json', 'csv']))
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .option('-q, --quiet', 'no messages on stderr')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
}

export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const cmd = program(io);
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const opts = cmd.opts<{ format?: OutFormat; output?: string; quiet?: boolean }>();
  const files = cmd.processedArgs[0] as string[];
  const toTerminal = !opts.output && io.stdout.isTTY === true;
  const format: OutFormat = opts.format ?? (toTerminal ? 'json' : 'jsonl');
  const out = opts.output ? createWriteStream(opts.output) : io.stdout;
  const writer = writerFor(format, out, toTerminal);
  let failed = 0;
  writer.begin();
  for (const [i, file] of files.entries()) {
    const doc = await extractFile(file);
    writer.write(doc, i === 0);
    if (doc.status === 'error') {
      failed++;
      if (!opts.quiet) io.stderr.write(`ita-extract: ${file}: ${doc.error?.code}: ${doc.error?.message}\n`);
    } else if (!opts.quiet) {
      const warnings = doc.diagnostics.filter((d) => d.severity !== 'info').length;
      io.stderr.write(`ita-extract: ${file}: ${doc.entries.length} entries, ${doc.sections.length} sections${warnings ? `, ${warnings} warnings` : ''}\n`);
    }
  }
  writer.end();
  if (opts.output) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())));
  return failed > 0 ? 1 : 0;
}
