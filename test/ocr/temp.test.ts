/**
 * Temporary folders outlive a process killed outright (no exit hook runs):
 * the next process to make one with the same prefix sweeps them away, and
 * leaves those of processes still running alone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, sweepStaleTempDirs } from '../../src/ocr/temp.js';

const TEMP_TS = fileURLToPath(new URL('../../src/ocr/temp.ts', import.meta.url));
const PREFIX = 'ita-sweep-test-';
let parent = '';
const folders = (): string[] => readdirSync(parent).filter((f) => f.startsWith(PREFIX)).sort();

/** A process that makes a folder, prints its name, then dies by SIGKILL (`die`) or waits on stdin. */
function maker(die: boolean): { child: ChildProcess; made: Promise<string> } {
  const code = `import(${JSON.stringify(TEMP_TS)}).then((m) => { process.stdout.write(m.makeTempDir(${JSON.stringify(PREFIX)}, ${JSON.stringify(parent)}) + '\\n'); ${die ? "process.kill(process.pid, 'SIGKILL');" : ''} })`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  const made = new Promise<string>((resolve) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
  });
  return { child, made };
}

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'ita-temp-test-'));
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('temporary folders of killed processes', () => {
  it('are swept by the next process, and those of running processes are kept', async () => {
    const name = (d: string): string => d.slice(parent.length + 1);
    const killed = maker(true);
    const killedDir = await killed.made;
    await new Promise((resolve) => killed.child.once('exit', resolve));
    expect(killed.child.signalCode).toBe('SIGKILL');
    expect(folders()).toEqual([name(killedDir)]); // the killed process ran no clean-up
    expect(name(killedDir)).toMatch(new RegExp(`^${PREFIX}${killed.child.pid}\\.`));
    // the next process to make one sweeps it away
    const alive = maker(false);
    const aliveDir = await alive.made;
    try {
      expect(folders()).toEqual([name(aliveDir)]);
      // a running process's folder is kept, and so are this process's own
      const mine = makeTempDir(PREFIX, parent);
      expect(folders()).toEqual([name(aliveDir), name(mine)].sort());
      expect(sweepStaleTempDirs(parent, PREFIX)).toEqual([]);
    } finally {
      alive.child.kill();
    }
    await new Promise((resolve) => alive.child.once('exit', resolve));
    expect(sweepStaleTempDirs(parent, PREFIX)).toEqual([name(aliveDir)]);
  }, 60_000);

  it('leave folders of other names alone', () => {
    const other = mkdtempSync(join(parent, `${PREFIX}1.elsewhere-`)); // another host's
    const plain = mkdtempSync(join(parent, `${PREFIX}x-`));
    sweepStaleTempDirs(parent, PREFIX);
    expect(folders()).toEqual(expect.arrayContaining([other, plain].map((d) => d.slice(parent.length + 1))));
  });
});
