/**
 * Stopping on SIGINT / SIGTERM. The first signal asks for a clean stop (no
 * new document is started, the output keeps whole records, exit 130/143,
 * and the summary says how to resume). A signal of the same kind that comes
 * within `repeatMs` of the first is the same request delivered twice (a
 * kill sent to the process and to its process group, as `timeout` does, or
 * forwarded by a wrapper such as npm/npx) and changes nothing. A signal after
 * that stops at once, saying so, with the same hint.
 */
export type StopSignal = 'SIGINT' | 'SIGTERM';
export const SIGNAL_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

export interface SignalOptions {
  on(signal: StopSignal, handler: () => void): unknown;
  stderr: { write(s: string): unknown; isTTY?: boolean };
  exit(code: number): void;
  /** Milliseconds, monotonic (default performance.now). */
  now?: () => number;
  repeatMs?: number;
}

export function stopOnSignals(o: SignalOptions): AbortSignal {
  const stop = new AbortController();
  const now = o.now ?? (() => performance.now());
  const repeatMs = o.repeatMs ?? 1000;
  let first: { signal: StopSignal; at: number } | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    o.on(signal, () => {
      if (first === null) {
        first = { signal, at: now() };
        stop.abort(signal);
        return;
      }
      if (signal === first.signal && now() - first.at < repeatMs) return;
      // on a terminal the progress line may be where the cursor is: start below it
      o.stderr.write(`${o.stderr.isTTY ? '\n' : ''}ita-extract: ${signal} again: stopped at once; with -o FILE, run again with --resume to finish\n`);
      o.exit(SIGNAL_EXIT[signal]);
    });
  }
  return stop.signal;
}
