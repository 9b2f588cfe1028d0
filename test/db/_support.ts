/**
 * The database tests' harness: a fresh database per test file on the
 * throwaway server that scripts/pg-test-server.sh starts (.ci/run exports
 * ITA_TEST_DATABASE_URL), the CLI bundled once from source for child
 * processes, and helpers to run and watch them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runCli } from '../../src/cli/main.js';
import { bundledWorkerScript, removeBundledWorkerScript } from '../batch/_worker-script.js';
import { sink } from '../_support/cli.js';

export const ADMIN_URL = process.env.ITA_TEST_DATABASE_URL ?? '';
export const HAVE_DB = ADMIN_URL !== '';
if (!HAVE_DB && process.env.CI) throw new Error('test/db: CI must run the database tests: .ci/run starts PostgreSQL and exports ITA_TEST_DATABASE_URL');
if (!HAVE_DB) console.warn('test/db: ITA_TEST_DATABASE_URL is not set: the database tests are skipped (eval "$(scripts/pg-test-server.sh start)" to run them)');

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A new, empty database on the test server; drop() removes it (connections and all). */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ita_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** test/db/_fault-bin.ts (the CLI with the fault markers) bundled into one file (test/batch/_worker-script.ts): a child starts in about a second. */
const faultCli = async (): Promise<string> => fileURLToPath(await bundledWorkerScript('test/db/_fault-bin.ts'));

const children = new Set<ChildProcess>();

/** Call in afterAll: removes the bundle and kills any child a failed test left running. */
export function removeFaultCli(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
  removeBundledWorkerScript();
}

export interface Child {
  proc: ChildProcess;
  stderr(): string;
  /** Resolves when stderr matches (rejects when the process exits first or after ms). */
  waitFor(re: RegExp, ms?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnCli(args: string[], env: Record<string, string> = {}): Promise<Child> {
  const file = await faultCli();
  const proc = spawn(process.execPath, [file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.add(proc);
  proc.on('exit', () => children.delete(proc));
  let err = '';
  const waiters: Array<{ re: RegExp; resolve(): void }> = [];
  proc.stdout!.resume();
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of [...waiters]) if (w.re.test(err)) w.resolve();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    proc,
    stderr: () => err,
    exited,
    waitFor(re, ms = 60_000) {
      if (re.test(err)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${err}`)), ms);
        const w = { re, resolve: () => (clearTimeout(t), resolve()) };
        waiters.push(w);
        void exited.then(() => setTimeout(() => (re.test(err) ? w.resolve() : reject(new Error(`exited before ${re}:\n${err}`))), 10));
      });
    },
  };
}

/** The CLI in this process (no worker threads). */
export async function cli(argv: string[], signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, signal });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Polls `fn` until it returns true (every 200 ms), for at most ms. */
export async function until(fn: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}
