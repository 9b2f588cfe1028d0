/**
 * Messages on stderr. On a terminal: one progress line, redrawn (files
 * done/total, files/s, pages/s, ETA, failures), with failures printed above
 * it. Elsewhere: one plain line per document. Nothing with --quiet.
 */
import type { BatchResult } from '../batch/run.js';
import type { Status } from '../batch/resume.js';
import type { SummaryRow } from '../batch/summary.js';

export type ErrStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface Progress {
  setTotal(n: number): void;
  addTotal(delta: number): void;
  record(row: SummaryRow): void;
  resumed(path: string, status: Status): void;
  skipped(path: string, reason: string): void;
  note(text: string): void;
  finish(result: BatchResult): void;
}

const SHOWN_SKIPS = 10;
const REDRAW_MS = 100;

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

function recordLine(row: SummaryRow): string {
  if (row.status === 'error') return `ita-extract: ${row.path}: ${row.error_code}: ${row.error_message}\n`;
  const w = Number(row.warnings);
  return `ita-extract: ${row.path}: ${row.entries} entries, ${row.sections} sections${w ? `, ${w} warnings` : ''}\n`;
}

export function progress(stderr: ErrStream, opts: { quiet: boolean; tty: boolean }): Progress {
  const t0 = performance.now();
  let total = 0;
  let done = 0;
  let failed = 0;
  let resumed = 0;
  let pages = 0;
  let skips = 0;
  let drawn = false;
  let lastDraw = 0;
  const say = (text: string) => {
    if (opts.quiet) return;
    if (drawn) stderr.write('\r\x1b[2K');
    drawn = false;
    stderr.write(text);
  };
  const bar = () => {
    const elapsed = (performance.now() - t0) / 1000;
    const rate = done / Math.max(elapsed, 1e-3);
    const eta = done ? (total - done - resumed) / rate : Infinity;
    const parts = [
      `${done + resumed}/${total} files`,
      `${rate.toFixed(rate < 10 ? 1 : 0)} files/s`,
      ...(pages ? [`${(pages / Math.max(elapsed, 1e-3)).toFixed(1)} pages/s`] : []),
      `ETA ${done ? duration(eta) : '?'}`,
      ...(failed ? [`${failed} failed`] : []),
    ];
    const text = parts.join('  ');
    const width = Math.max(10, Math.min(30, (stderr.columns ?? 80) - text.length - 16));
    const filled = total ? Math.round((width * Math.min(done + resumed, total)) / total) : 0;
    return `ita-extract [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`;
  };
  const draw = (force = false) => {
    if (opts.quiet || !opts.tty) return;
    const now = performance.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    stderr.write(`\r\x1b[2K${bar()}`);
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
      say(text.endsWith('\n') ? text : `${text}\n`);
      draw(true);
    },
    finish(r) {
      if (ticker) clearInterval(ticker);
      const elapsed = (performance.now() - t0) / 1000;
      const n = r.ok + r.failed;
      const parts = [`${n} documents: ${r.ok} ok, ${r.failed} failed`];
      if (r.resumedOk + r.resumedFailed) parts.push(`${r.resumedOk + r.resumedFailed} already in the output (--resume)`);
      if (skips) parts.push(`${skips} other files left out`);
      const speed = `${elapsed.toFixed(1)} s, ${(n / Math.max(elapsed, 1e-3)).toFixed(1)} files/s`;
      say(`ita-extract: ${r.interrupted ? 'interrupted; ' : ''}${parts.join('; ')} (${speed})\n`);
      if (r.interrupted) say('ita-extract: the output holds whole records only; run again with --resume to finish\n');
    },
  };
}
