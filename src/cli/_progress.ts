/**
 * Messages on stderr. On a terminal: one progress line, redrawn (files
 * done/total, files/s, pages/s, ETA, failures), with failures printed above
 * it. Elsewhere: one plain line per document. Nothing with --quiet.
 *
 * When stdout is the same terminal (records shown on screen), the progress
 * line never lands inside the data: it is erased before each write of data
 * and drawn again only when the data has ended its line, and messages wait
 * until then too (pretty JSON ends its lines only at the end, so for it the
 * progress line stays away and the failures come after the array).
 *
 * Every line goes out through terminalLine(): names and messages from the
 * inputs cannot put control characters on the terminal.
 */
import type { BatchResult } from '../batch/run.js';
import type { Status } from '../batch/resume.js';
import type { SummaryRow } from '../batch/summary.js';
import { counted } from '../batch/_words.js';
import { terminalLine } from './_escape.js';
import type { Sink } from './_output.js';

export type ErrStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface Progress {
  setTotal(n: number): void;
  addTotal(delta: number): void;
  record(row: SummaryRow): void;
  resumed(path: string, status: Status): void;
  skipped(path: string, reason: string): void;
  note(text: string): void;
  /** The sink of the records on stdout, wrapped so that progress and data share the screen (see above). */
  around(sink: Sink): Sink;
  finish(result: BatchResult): void;
}

export interface ProgressOptions {
  quiet: boolean;
  /** stderr is a terminal. */
  tty: boolean;
  /** The records go to stdout, and stdout is a terminal: the same screen as stderr. */
  sharedScreen?: boolean;
  /** The records go to a file (-o), which --resume can finish. */
  toFile?: boolean;
}

const SHOWN_SKIPS = 10;
const REDRAW_MS = 100;
/** Messages held while the data on screen is in mid-line; beyond this many only counted. */
const HELD_MAX = 200;
const ERASE_LINE = '\r\x1b[2K';

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

const rateText = (n: number, seconds: number, unit: string) => {
  const rate = n / Math.max(seconds, 1e-3);
  return `${rate.toFixed(rate < 10 ? 1 : 0)} ${unit}/s`;
};

function recordLine(row: SummaryRow): string {
  if (row.status === 'error') return `ita-extract: ${row.path}: ${row.error_code}: ${row.error_message}\n`;
  const w = Number(row.warnings);
  return `ita-extract: ${row.path}: ${counted(Number(row.entries), 'entry')}, ${counted(Number(row.sections), 'section')}${w ? `, ${counted(w, 'warning')}` : ''}\n`;
}

export function progress(stderr: ErrStream, opts: ProgressOptions): Progress {
  const t0 = performance.now();
  const shared = opts.tty && opts.sharedScreen === true;
  let total = 0;
  let done = 0;
  let failed = 0;
  let resumed = 0;
  let pages = 0;
  let skips = 0;
  let drawn = false;
  let lastDraw = 0;
  /** The data on the shared screen has not ended its line: nothing of ours may go there now. */
  let dataMidLine = false;
  const held: string[] = [];
  let heldOver = 0;

  const erase = () => {
    if (drawn) stderr.write(ERASE_LINE);
    drawn = false;
  };
  const say = (text: string) => {
    if (opts.quiet) return;
    const line = terminalLine(text.endsWith('\n') ? text : `${text}\n`);
    if (dataMidLine) {
      if (held.length < HELD_MAX) held.push(line);
      else heldOver++;
      return;
    }
    erase();
    stderr.write(line);
  };
  const bar = () => {
    const elapsed = (performance.now() - t0) / 1000;
    const eta = done ? ((total - done - resumed) * elapsed) / done : Infinity;
    const parts = [
      `${done + resumed}/${total} ${total === 1 ? 'file' : 'files'}`,
      // a rate needs a few documents to mean anything
      ...(done >= 2 ? [rateText(done, elapsed, 'files')] : []),
      ...(pages && done ? [rateText(pages, elapsed, 'pages')] : []),
      `ETA ${done ? duration(eta) : '?'}`,
      ...(failed ? [`${failed} failed`] : []),
    ];
    const text = parts.join('  ');
    const width = Math.max(10, Math.min(30, (stderr.columns ?? 80) - text.length - 16));
    const filled = total ? Math.round((width * Math.min(done + resumed, total)) / total) : 0;
    return `ita-extract [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`;
  };
  const draw = (force = false) => {
    if (opts.quiet || !opts.tty || dataMidLine) return;
    const now = performance.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    stderr.write(`${ERASE_LINE}${bar()}`);
    drawn = true;
  };
  const ticker = opts.tty && !opts.quiet ? setInterval(() => draw(true), 1000) : null;
  ticker?.unref();

  return {
    setTotal(n) {
      total = n;
      draw(true);
    },
    addTotal(delta) {
      total += delta;
    },
    record(row) {
      done++;
      if (row.status === 'error') failed++;
      if (typeof row.pages === 'number') pages += row.pages;
      if (!opts.tty || row.status === 'error') say(recordLine(row));
      draw(row.status === 'error');
    },
    resumed() {
      resumed++;
      draw();
    },
    skipped(path, reason) {
      skips++;
      if (skips <= SHOWN_SKIPS) say(`ita-extract: ${path}: left out (${reason})\n`);
    },
    note(text) {
      say(text);
      draw(true);
    },
    around(sink) {
      if (!shared) return sink;
      return {
        async write(text) {
          if (text === '') return;
          erase();
          await sink.write(text);
          dataMidLine = !text.endsWith('\n');
          if (dataMidLine) return;
          for (const line of held.splice(0)) stderr.write(line);
          if (heldOver) stderr.write(`ita-extract: ${counted(heldOver, 'more message')} not shown\n`);
          heldOver = 0;
          draw(true);
        },
        close: () => sink.close(),
      };
    },
    finish(r) {
      if (ticker) clearInterval(ticker);
      if (dataMidLine) {
        // data that never ended its line (it always does): ours starts below it
        dataMidLine = false;
        stderr.write('\n');
        for (const line of held.splice(0)) stderr.write(line);
      }
      const elapsed = (performance.now() - t0) / 1000;
      const n = r.ok + r.failed;
      const parts = [`${counted(n, 'document')}: ${r.ok} ok, ${r.failed} failed`];
      if (r.resumedOk + r.resumedFailed) parts.push(`${r.resumedOk + r.resumedFailed} already in the output (--resume)`);
      if (skips) parts.push(`${counted(skips, 'other file')} left out`);
      const speed = `${elapsed.toFixed(1)} s${n >= 2 ? `, ${rateText(n, elapsed, 'files')}` : ''}`;
      say(`ita-extract: ${r.interrupted ? 'interrupted; ' : ''}${parts.join('; ')} (${speed})\n`);
      if (r.interrupted) say(`ita-extract: the output holds whole records only; ${RESUME_HINT(opts.toFile !== false)}\n`);
    },
  };
}

/** What to do after an interrupted run: --resume needs the records in a file. */
const RESUME_HINT = (toFile: boolean) =>
  toFile ? 'run again with --resume to finish' : 'to finish a run later, write it with -o FILE and run again with --resume';
