/**
 * Helpers for the CLI tests: a stream that collects what the CLI writes, and
 * the CLI as a child process (for real signals) over a folder of inputs.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliIo } from '../../src/cli/main.js';
import { CORPUS_STEMS, readCorpus } from './variants.js';

/** A stdout/stderr for runCli: collects the text; `isTTY` and a 100-column width as a terminal would say. */
export function sink(isTTY = false, onWrite?: (s: string) => void) {
  const chunks: string[] = [];
  const stream = {
    isTTY,
    columns: 100,
    write(chunk: unknown, ...rest: unknown[]) {
      const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      chunks.push(s);
      onWrite?.(s);
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    },
  };
  return { stream: stream as unknown as CliIo['stdout'], text: () => chunks.join('') };
}

/** The name of the i-th input written by corpusInputs(). */
export const inputName = (i: number) => `r${String(i).padStart(2, '0')}.txt`;

/** n text inputs in `folder` (which must exist), r00.txt…, each a corpus report made distinct by its number. */
export async function corpusInputs(folder: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await writeFile(join(folder, inputName(i)), `${readCorpus(CORPUS_STEMS[i % 4]!)}\n${i}\n`);
}

/** The CLI from source (src/cli/bin.ts through tsx) as a child process; only its stderr is read. */
export function spawnCli(args: string[]): ChildProcessByStdio<null, null, Readable> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
  return spawn(process.execPath, ['--import', tsx, bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}
