/**
 * SIGINT and SIGTERM: the same clean stop, the same hint, whether a signal
 * comes once or twice at once (a kill sent to the process and to its group,
 * or forwarded by npm/npx); a later one stops at once, saying so.
 */
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopOnSignals } from '../src/cli/_signals.js';
import { corpusInputs, inputName, spawnCli } from './_support/cli.js';

function fake() {
  const events = new EventEmitter();
  let clock = 0;
  const err: string[] = [];
  const exits: number[] = [];
  const signal = stopOnSignals({
    on: (sig, h) => events.on(sig, h),
    stderr: { write: (s: string) => err.push(s) },
    exit: (code) => void exits.push(code),
    now: () => clock,
    repeatMs: 1000,
  });
  return { signal, send: (sig: string, at: number) => ((clock = at), events.emit(sig)), err, exits };
}

describe('stopOnSignals', () => {
  it('stops cleanly on the first signal and ignores the same signal delivered again at once', () => {
    for (const sig of ['SIGINT', 'SIGTERM']) {
      const f = fake();
      f.send(sig, 0);
      expect(f.signal.aborted).toBe(true);
      expect(f.signal.reason).toBe(sig);
      f.send(sig, 5);
      expect(f.exits).toEqual([]);
      expect(f.err).toEqual([]);
    }
  });

  it('stops at once on a signal after that, with exit 130/143 and the --resume hint', () => {
    const term = fake();
    term.send('SIGTERM', 0);
    term.send('SIGTERM', 2500);
    expect(term.exits).toEqual([143]);
    expect(term.err.join('')).toMatch(/SIGTERM again: stopped at once; with -o FILE, run again with --resume to finish\n/);
    const int = fake();
    int.send('SIGTERM', 0);
    int.send('SIGINT', 10); // another kind of signal: another request
    expect(int.exits).toEqual([130]);
  });
});

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ita-cli-signals-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a real SIGTERM', () => {
  it('sent twice in quick succession (to the process and its group) stops with exit 143, the --resume hint and whole records', async () => {
    const inputs = join(dir, 'in');
    await mkdir(inputs);
    await corpusInputs(inputs, 40);
    const out = join(dir, 'out.jsonl');
    const child = spawnCli(['-j', '1', '-o', out, inputs]);
    let stderr = '';
    let sent = 0;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/ entries/.test(stderr) && sent === 0) {
        sent++;
        child.kill('SIGTERM');
      }
      // the second delivery, once the first is seen to have arrived (as separate deliveries, never merged into one)
      if (/SIGTERM: stopping/.test(stderr) && sent === 1) {
        sent++;
        child.kill('SIGTERM');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(143);
    expect(sent).toBe(2);
    expect(stderr).toMatch(/ita-extract: SIGTERM: stopping once the documents under way are done/);
    // (on a machine slow enough to take a second to deliver the second signal, it stops at once: the hint is there too)
    expect(stderr).toMatch(/run again with --resume to finish\n/);
    const text = await readFile(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const docs = text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { source: { path: string } });
    expect(docs.length).toBeGreaterThanOrEqual(1);
    expect(docs.length).toBeLessThan(40);
    expect(docs.map((d) => d.source.path)).toEqual(Array.from({ length: docs.length }, (_, i) => join(inputs, inputName(i))));
  }, 60_000);
});
