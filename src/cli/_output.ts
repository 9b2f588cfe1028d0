/**
 * Where records go: a file (written synchronously, one write per record, so
 * an interrupted run leaves whole records only) or a stream (stdout, with
 * backpressure). Each format brackets its records (JSON's array, CSV's BOM
 * and header).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Outcome, OutFormat } from '../batch/job.js';
import { csvHeader } from '../batch/csv.js';

export interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export type OutStream = NodeJS.WritableStream & { isTTY?: boolean };

export function fileSink(path: string, append: boolean): Sink {
  const fd = openSync(path, append ? 'a' : 'w');
  return {
    async write(text) {
      const buf = Buffer.from(text, 'utf8');
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
    },
    async close() {
      closeSync(fd);
    },
  };
}

export function streamSink(stream: OutStream): Sink {
  return {
    async write(text) {
      if (stream.write(text) || typeof stream.once !== 'function') return;
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off?.('drain', done);
          stream.off?.('error', done);
          stream.off?.('close', done);
          resolve();
        };
        stream.once('drain', done);
        stream.once('error', done);
        stream.once('close', done);
      });
    },
    async close() {},
  };
}

export interface RecordWriter {
  begin(): Promise<void>;
  record(o: Outcome): Promise<void>;
  end(): Promise<void>;
}

export function recordWriter(format: OutFormat, sink: Sink, opts: { append?: boolean } = {}): RecordWriter {
  let first = true;
  switch (format) {
    case 'json':
      return {
        begin: () => sink.write('['),
        record: (o) => {
          const sep = first ? '' : ',';
          first = false;
          return sink.write(`${sep}\n${o.record}`);
        },
        end: () => sink.write('\n]\n'),
      };
    case 'csv':
      return {
        begin: () => (opts.append ? Promise.resolve() : sink.write(`\uFEFF${csvHeader()}`)),
        record: (o) => sink.write(o.record),
        end: () => Promise.resolve(),
      };
    default:
      return { begin: () => Promise.resolve(), record: (o) => sink.write(o.record), end: () => Promise.resolve() };
  }
}
