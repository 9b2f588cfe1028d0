/**
 * The CLI's job slots are worker threads for every -j, 1 included: a job
 * that never ends (even one that never yields) gives TIMEOUT, one that
 * allocates without bound gives TOO_LARGE under --max-memory, and the files
 * after them still run. Temporary files of OCR in a thread are removed
 * after the run, when the job was stopped by its time limit mid-way and on
 * an interrupt too. The jobs misbehave by construction
 * (test/batch/_test-worker.ts), whatever the machine's speed. And
 * --follow-symlinks reaches the folder walk.
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { removeBundledWorkerScript, testWorkerScript } from './batch/_worker-script.js';
import { sink } from './_support/cli.js';
import { corpusPath } from './_support/variants.js';

async function run(argv: string[], signal?: AbortSignal, inProcess = false) {
  const out = sink();
  const err = sink();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, workerScript: inProcess ? undefined : await testWorkerScript(), signal });
  const docs = out.text().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, any>);
  return { code, docs, stderr: err.text() };
}

/** Runs `f` with these environment variables set (worker threads copy the environment when they start). */
async function withEnv<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Every path under `dir`, relative, folders with a trailing slash. */
async function tree(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found.map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1) + (e.isDirectory() ? '/' : '')).sort();
}

async function until(check: () => Promise<boolean>): Promise<void> {
  // no deadline: the test's own timeout ends a wait that never succeeds
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ita-cli-workers-'));
  await mkdir(join(dir, 'in'));
  for (const name of ['a-spins.txt', 'b-which-thread.txt', 'c-grows.txt', 'd-ocr-dir.txt']) await writeFile(join(dir, 'in', name), 'x');
  await copyFile(corpusPath('003_592d1508f0de56c3'), join(dir, 'in', 'e-003.txt'));
  // a scanned page with ink (a blank one is not sent to OCR at all)
  await copyFile(new URL('../fixtures/scans/004-scan.pdf', import.meta.url), join(dir, 'in', 'scan.pdf'));
});
afterAll(async () => {
  removeBundledWorkerScript();
  await rm(dir, { recursive: true, force: true });
});

const P = (name: string) => join(dir, 'in', name);

describe('-j 1 runs its slot in a worker thread', () => {
  it('stops a job that never yields at --timeout (TIMEOUT) and runs the files after it', async () => {
    const r = await run(['-j', '1', '--timeout', '1', P('a-spins.txt'), P('b-which-thread.txt'), P('missing.txt')]);
    expect(r.docs.map((d) => [d.source.path, d.error?.code])).toEqual([
      [P('a-spins.txt'), 'TIMEOUT'],
      [P('b-which-thread.txt'), 'INTERNAL_ERROR'],
      [P('missing.txt'), 'READ_FAILED'],
    ]);
    expect(r.docs[0]!.error.message).toMatch(/^exceeded the 1 s limit \(--timeout\); stopped after \d+(\.\d)? s$/);
    // the next file ran on a thread of its own, not in-process
    expect(r.docs[1]!.error.message).toMatch(/^thread \d+$/);
    expect(r.stderr).not.toMatch(/running in-process/);
  }, 60_000);

  it('turns a job that allocates without bound into TOO_LARGE (--max-memory) and goes on', async () => {
    const r = await run(['-j', '1', '--max-memory', '128', '--timeout', '0', P('c-grows.txt'), P('e-003.txt')]);
    expect(r.docs.map((d) => [d.source.path, d.status, d.error?.code ?? null])).toEqual([
      [P('c-grows.txt'), 'error', 'TOO_LARGE'],
      [P('e-003.txt'), 'ok', null],
    ]);
    expect(r.docs[0]!.error.message).toMatch(/ran out of memory \(128 MB per worker, --max-memory\)/);
    expect(r.code).toBe(1);
  }, 60_000);
});

describe('temporary files of OCR in worker threads', () => {
  it('are gone after a run whose job was stopped by its time limit with the OCR engine made', async () => {
    const tmp = await mkdtemp(join(dir, 'tmp-'));
    const r = await withEnv({ TMPDIR: tmp }, async () => {
      const running = run(['-j', '1', '--timeout', '2', P('d-ocr-dir.txt'), P('b-which-thread.txt')]);
      // while the job waits, the engine's language folder exists, in the run's folder
      await until(async () => (await tree(tmp)).some((p) => /^ita-extract-\d+\.[\w-]+\/ita-ocr-\d+\.[\w-]+\/$/.test(p)));
      return running;
    });
    expect(r.docs.map((d) => d.error?.code)).toEqual(['TIMEOUT', 'INTERNAL_ERROR']);
    expect(await tree(tmp)).toEqual([]);
  }, 60_000);

  it('are gone after an interrupt in the middle of a native OCR process', async () => {
    const tmp = await mkdtemp(join(dir, 'tmp-'));
    const bin = await mkdtemp(join(dir, 'bin-'));
    const log = join(dir, 'tesseract.log');
    // a tesseract that answers the probes, takes the sentinel's and the image's paths from its input (ocr/_native-server.ts), then never answers
    await writeFile(
      join(bin, 'tesseract'),
      '#!/bin/sh\ncase "$1" in\n  --version) echo "tesseract 5.3.0"; exit 0 ;;\n  --list-langs) printf \'List of available languages (2):\\neng\\ntha\\n\'; exit 0 ;;\nesac\nread sentinel\nread image\necho "$image" >> "$FAKE_TESSERACT_LOG"\ncat > /dev/null\n',
    );
    await chmod(join(bin, 'tesseract'), 0o755);
    const stop = new AbortController();
    const r = await withEnv({ TMPDIR: tmp, PATH: `${bin}:${process.env.PATH}`, FAKE_TESSERACT_LOG: log }, async () => {
      const running = run(['-j', '1', '--timeout', '0', '--ocr-engine', 'native', P('scan.pdf'), P('e-003.txt')], stop.signal);
      await until(async () => existsSync(log));
      stop.abort('SIGINT');
      return running;
    });
    expect(r.code).toBe(130);
    const image = (await readFile(log, 'utf8')).trim();
    expect(image.startsWith(`${tmp}/ita-extract-`)).toBe(true);
    expect(image).toMatch(/\/ita-tess-\d+\.[\w-]+\/in\d+\.pgm$/);
    expect(existsSync(image)).toBe(false);
    expect(await tree(tmp)).toEqual([]);
  }, 60_000);
});

describe('--follow-symlinks', () => {
  it('reads a folder linked from outside only with the flag; without it the link gets its UNSAFE_LINK record', async () => {
    await mkdir(join(dir, 'linked/in'), { recursive: true });
    await mkdir(join(dir, 'linked/elsewhere'), { recursive: true });
    await copyFile(corpusPath('003_592d1508f0de56c3'), join(dir, 'linked/elsewhere/003.txt'));
    await copyFile(corpusPath('004_d0cc15d3996b9fea'), join(dir, 'linked/in/a.txt'));
    await symlink(join(dir, 'linked/elsewhere'), join(dir, 'linked/in/more'));
    const plain = await run(['-j', '1', join(dir, 'linked/in')], undefined, true);
    expect(plain.docs.map((d) => [d.source.path, d.error?.code ?? 'ok'])).toEqual([
      [join(dir, 'linked/in/a.txt'), 'ok'],
      [join(dir, 'linked/in/more'), 'UNSAFE_LINK'],
    ]);
    expect(plain.docs[1]!.error.message).toMatch(/--follow-symlinks follows links$/);
    const followed = await run(['-j', '1', '--follow-symlinks', join(dir, 'linked/in')], undefined, true);
    expect(followed.docs.map((d) => [d.source.path, d.error?.code ?? 'ok'])).toEqual([
      [join(dir, 'linked/in/a.txt'), 'ok'],
      [join(dir, 'linked/in/more/003.txt'), 'ok'],
    ]);
  }, 60_000);
});
