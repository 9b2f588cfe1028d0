/**
 * Words of the batch's messages, shared by the batch (record messages) and
 * the CLI (what it prints): counts with the right number, and the TIMEOUT
 * message.
 */

const IRREGULAR = new Map([['entry', 'entries'], ['was', 'were']]);

/** "1 entry", "2 entries", "0 documents". */
export function counted(n: number, noun: string, plural = IRREGULAR.get(noun) ?? `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** "600 s", "7.3 s", "250 ms". */
export function duration(s: number): string {
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  return `${s >= 10 || Number.isInteger(s) ? Math.round(s) : s.toFixed(1)} s`;
}

/**
 * The message of a TIMEOUT record: the limit, and the time the job really
 * took until it was stopped (in-process work cannot be stopped while it
 * runs, so a job may end well past its limit).
 */
export function timeoutMessage(limitSeconds: number, elapsedSeconds: number, stopped = true): string {
  const limit = `exceeded the ${duration(limitSeconds)} limit (--timeout)`;
  return stopped ? `${limit}; stopped after ${duration(elapsedSeconds)}` : `${limit}; ran ${duration(elapsedSeconds)} (in-process work cannot be stopped)`;
}
