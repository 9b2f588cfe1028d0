/**
 * Hostile inputs, made by the test: empty, random, truncated, mislabelled,
 * huge, deeply nested, zip-slip, zip bombs, nested archives, non-ITA Thai,
 * English. One batch over all of them (two worker threads, no time limit: every input must end by itself, so no outcome depends on the machine's speed):
 * no crash, exactly one record per input, a clear code for every failure,
 * nothing written outside the output, bounded memory.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/main.js';
import { type Code, evilName, hostileFiles } from './_hostile.js';
import { bundledWorkerScript, removeBundledWorkerScript } from './_worker-script.js';
import { parseCsv } from './_csv.js';

function sink() {
  const chunks: string[] = [];
  const stream = { isTTY: false, write: (c: unknown) => (chunks.push(String(c)), true) };
  return { stream: stream as unknown as CliIo['stdout'], text: () => chunks.join('') };
}

let root = '';
let folder = '';
const expected = new Map<string, Code[]>();
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ita-hostile-'));
  folder = join(root, 'hostile');
  await mkdir(folder);
  for (const f of hostileFiles()) {
    await writeFile(join(folder, f.name), f.data);
    if (Array.isArray(f.expect)) expected.set(f.name, f.expect);
    else for (const [path, codes] of Object.entries(f.expect)) expected.set(path, codes);
  }
  await symlink(join(folder, 'no-such-target.txt'), join(folder, '39-dangling-link.txt'));
  expected.set('39-dangling-link.txt', ['READ_FAILED']);
  await writeFile(join(root, 'no-extension'), 'just some words');
  await mkdir(join(root, 'nothing-here'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  removeBundledWorkerScript();
});

describe('hostile inputs', () => {
  it('gives exactly one record per input with a clear code, crashes on none, writes nothing outside, stays in bounded memory', async () => {
    const out = join(root, 'out.jsonl');
    const summary = join(root, 'summary.csv');
    const stdout = sink();
    const stderr = sink();
    const code = await runCli(
      ['-j', '2', '--timeout', '0', '--max-memory', '1024', '-o', out, '--summary', summary, folder, join(root, 'no-extension'), join(root, 'nothing-here')],
      { stdout: stdout.stream, stderr: stderr.stream, workerScript: await bundledWorkerScript() },
    );
    expect(code).toBe(1);
    const docs = (await readFile(out, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const rel = (p: string) => (p.startsWith(`${folder}/`) ? p.slice(folder.length + 1) : `../${p.slice(root.length + 1)}`);
    const paths = docs.map((d) => rel(d.source.path as string));

    // one record per input, in input order
    const all = new Map([...expected, ['../no-extension', ['UNSUPPORTED_FORMAT']], ['../nothing-here', ['EMPTY_INPUT']]] as Array<[string, Code[]]>);
    expect([...paths].sort()).toEqual([...all.keys()].sort());
    expect(paths.filter((p) => !p.startsWith('..'))).toEqual([...paths.filter((p) => !p.startsWith('..'))].sort((a, b) => (a.split('!/')[0]! < b.split('!/')[0]! ? -1 : a.split('!/')[0]! > b.split('!/')[0]! ? 1 : 0)));
    expect(docs.length).toBeGreaterThanOrEqual(40);

    // a clear code for each, never an internal error
    const got = docs.map((d, i) => [paths[i], d.status === 'ok' ? 'ok' : d.error.code]);
    for (const [path, c] of got) expect(all.get(path as string), `${path}: ${c}`).toContain(c);
    for (const d of docs) {
      if (d.status === 'error') expect(d.error.message.length).toBeGreaterThan(5);
      // non-ITA text never grows sections or item codes
      if (!String(d.source.path).includes('ITA') && d.status === 'error') expect([d.sections, d.entries]).toEqual([[], []]);
    }
    for (const name of ['24-thai-news.txt', '25-thai-procurement.html', '27-english.txt']) {
      const d = docs[paths.indexOf(name)]!;
      expect(d.sections).toEqual([]);
      expect(d.entries.flatMap((e: { itemCodes: unknown[] }) => e.itemCodes)).toEqual([]);
    }

    // the summary has the same documents; stdout carried nothing
    const [header, ...rows] = parseCsv((await readFile(summary, 'utf8')).slice(1));
    expect(rows.map((r) => r[header!.indexOf('path')])).toEqual(docs.map((d) => d.source.path));
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toMatch(/documents: \d+ ok, \d+ failed/);

    // zip-slip wrote nothing anywhere
    for (const dir of [root, folder, join(root, '..'), tmpdir(), process.cwd()]) expect(existsSync(join(dir, evilName)), dir).toBe(false);

    // memory: the 50 MB HTML, 40 MB of zeros and 2,000 pages did not blow up the process (main thread + workers)
    expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(1536);
  // No time limit, here or per document (--timeout 0): the inputs are finite work, and how long they take
  // is the machine's business (a loaded 2-core machine took over 120 s); a hang still ends CI.
  }, 0);
});
