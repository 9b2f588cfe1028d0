/**
 * ita-extract and a host's own pdfjs-dist in one process (issue 12): whatever
 * the host does with pdfjs, before or after, ita-extract reads the same, and
 * the host's pdfjs reads as stock pdfjs does. Each scenario runs in a fresh
 * Node process (hostile/coexist.ts): which pdfjs starts its worker first is
 * decided once per process, and vitest's module isolation would hide it.
 * "Another version" is this pdfjs-dist copied with its version string
 * changed: a host that depends on a pdfjs-dist of its own.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = fileURLToPath(new URL('./hostile/coexist.ts', import.meta.url));

function run(scenario: string, other: string): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', script, scenario, other], { cwd: root, timeout: 240_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${scenario}: ${err.message}\n${stderr.slice(-2000)}`));
      const line = stdout.trim().split('\n').at(-1) ?? '';
      resolve(JSON.parse(line));
    });
  });
}

describe('ita-extract next to a host’s own pdfjs-dist', () => {
  let dir = '';
  const results: Record<string, Record<string, any>> = {};
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ita-pdfjs-other-'));
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    const { version } = JSON.parse(await readFile(pkg, 'utf8')) as { version: string };
    await mkdir(join(dir, 'build'));
    for (const f of ['pdf.mjs', 'pdf.worker.mjs']) {
      const src = await readFile(join(pkg, '../legacy/build', f), 'utf8');
      await writeFile(join(dir, 'build', f), src.replaceAll(`"${version}"`, `"${version}-other"`));
    }
    // the copy finds @napi-rs/canvas (its DOMMatrix polyfill) where the project's pdfjs does
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const other = join(dir, 'build', 'pdf.mjs');
    const scenarios = ['solo', 'host-first', 'ita-first', 'other-first', 'other-after', 'globals'];
    // two at a time: each is a Node process with pdfjs loaded
    for (let i = 0; i < scenarios.length; i += 2) {
      const pair = scenarios.slice(i, i + 2);
      const got = await Promise.all(pair.map((s) => run(s, other)));
      pair.forEach((s, j) => (results[s] = got[j] as Record<string, any>));
    }
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the text PDF alone: an organisation, a fiscal year and entries', () => {
    const solo = results.solo!.ita;
    expect(solo.status).toBe('ok');
    expect(solo.organization).toMatch(/^องค์การบริหารส่วนตำบล/);
    expect(solo.fiscalYear).toBeGreaterThan(2500);
    expect(solo.entries).toBeGreaterThan(0);
  });

  it('reads the same record after the host opened a PDF with the same pdfjs-dist, and leaves the host’s reading as it was', () => {
    const r = results['host-first']!;
    expect(r.ita.record).toBe(results.solo!.ita.record);
    expect(r.hostAfter).toBe(r.hostBefore);
    expect(r.hostBefore.length).toBeGreaterThan(10_000);
  });

  it('leaves the host’s pdfjs stock when ita-extract came first, also with both reading at once', () => {
    const r = results['ita-first']!;
    const stock = results['host-first']!.hostBefore;
    expect(r.ita.record).toBe(results.solo!.ita.record);
    // ita-extract's worker reports itaPath items and ActualText: the host must see neither
    expect(r.hostAfter).toBe(stock);
    expect(r.hostInterleaved).toBe(stock);
    expect(r.itaInterleaved.record).toBe(results.solo!.ita.record);
  });

  it('works next to a host using another pdfjs-dist version, whichever comes first', () => {
    const stock = results['host-first']!.hostBefore;
    const first = results['other-first']!;
    expect(first.ita.error).toBeNull();
    expect(first.ita.record).toBe(results.solo!.ita.record);
    expect(first.hostBefore).toBe(stock);
    const after = results['other-after']!;
    expect(after.ita.record).toBe(results.solo!.ita.record);
    expect(after.hostAfter).toBe(stock);
  });

  it('reads and renders on its own worker whatever GlobalWorkerOptions says', () => {
    const r = results.globals!;
    expect(r.ita.record).toBe(results.solo!.ita.record);
    expect(r.rendered.width).toBeGreaterThan(100);
    expect(r.rendered.height).toBeGreaterThan(100);
  });

  it('leaves no unhandled rejection in any of them', () => {
    for (const [s, r] of Object.entries(results)) expect({ s, unhandled: r.unhandled }).toEqual({ s, unhandled: [] });
  });
});
