/**
 * The batch side of the CLI: folders, patterns and archives in, --summary,
 * --resume after an interrupted run, progress on a terminal.
 */
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS } from '../src/batch/summary.js';
import { runCli } from '../src/cli/main.js';
import { parseCsv } from './batch/_csv.js';
import { zip } from './batch/_zip.js';
import { corpusInputs, inputName, sink, spawnCli } from './_support/cli.js';
import { corpusPath, readCorpus } from './_support/variants.js';

async function run(argv: string[], opts: { ttyErr?: boolean; signal?: AbortSignal; onErr?: (s: string) => void } = {}) {
  const out = sink(false);
  const err = sink(opts.ttyErr ?? false, opts.onErr);
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, signal: opts.signal });
  return { code, stdout: out.text(), stderr: err.text() };
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');
const records = (s: string) => lines(s).map((l) => JSON.parse(l) as Record<string, any>);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ita-cli-batch-'));
  await mkdir(join(dir, 'in/2567'), { recursive: true });
  await copyFile(corpusPath('003_592d1508f0de56c3'), join(dir, 'in/2567/003.txt'));
  await copyFile(corpusPath('004_d0cc15d3996b9fea'), join(dir, 'in/004.txt'));
  await writeFile(join(dir, 'in/notes.jpg'), 'not a document');
  await writeFile(join(dir, 'in/empty.txt'), '');
  await writeFile(
    join(dir, 'in/reports.zip'),
    zip([
      { name: 'รายงาน/000.txt', data: readCorpus('000_12d03613c0e47b57') },
      { name: '../evil.txt', data: 'x' },
      { name: 'inner.zip', data: zip([{ name: '001.txt', data: readCorpus('001_52975bb7fc874981') }]) },
    ]),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('batch inputs', () => {
  it('reads folders, archives and patterns: one record per document, in order, exit 1 when some failed', async () => {
    const r = await run([join(dir, 'in'), join(dir, 'in/2567/*.txt')]);
    expect(r.code).toBe(1);
    const docs = records(r.stdout);
    const rel = (p: string) => p.replace(`${dir}/`, '');
    expect(docs.map((d) => [rel(d.source.path), d.status, d.error?.code ?? null])).toEqual([
      ['in/004.txt', 'ok', null],
      ['in/2567/003.txt', 'ok', null],
      ['in/empty.txt', 'error', 'EMPTY_INPUT'],
      ['in/reports.zip!/รายงาน/000.txt', 'ok', null],
      ['in/reports.zip!/../evil.txt', 'error', 'UNSAFE_ARCHIVE_ENTRY'],
      ['in/reports.zip!/inner.zip!/001.txt', 'ok', null],
    ]);
    expect(docs[3]!.organization.name).toBe('เทศบาลตำบลบ่อพลับ');
    expect(r.stderr).toMatch(/notes\.jpg: left out \(not a document\)/);
    expect(r.stderr).toMatch(/6 documents: 4 ok, 2 failed; 1 other file left out/);
  });

  it('exits 2 on bad numbers and on --resume without -o or with another format', async () => {
    for (const argv of [['-j', '0', 'x'], ['--concurrency', 'abc', 'x'], ['--timeout', '-1', 'x'], ['--resume', 'x'], ['--resume', '-o', join(dir, 'r.csv'), '-f', 'csv', 'x']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toBe('');
    }
  });
});

describe('--summary', () => {
  it('writes one CSV line per document, with a BOM, agreeing with the records', async () => {
    const summary = join(dir, 'summary.csv');
    const r = await run(['--summary', summary, join(dir, 'in')]);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...SUMMARY_COLUMNS]);
    const docs = records(r.stdout);
    expect(rows).toHaveLength(docs.length);
    const col = (row: string[], name: string) => row[SUMMARY_COLUMNS.indexOf(name as never)];
    expect(rows.map((row) => col(row, 'status'))).toEqual(docs.map((d) => d.status));
    expect(rows.map((row) => Number(col(row, 'entries')))).toEqual(docs.map((d) => d.entries.length));
    expect(rows.map((row) => col(row, 'sha256'))).toEqual(docs.map((d) => d.source.sha256 ?? ''));
    const row003 = rows.find((row) => row[0]!.endsWith('003.txt'))!;
    expect([col(row003, 'organization'), col(row003, 'province'), col(row003, 'fiscal_year'), col(row003, 'overall_score'), col(row003, 'level'), col(row003, 'sections')]).toEqual([
      'องค์การบริหารส่วนตำบลคลองประสัก', 'กระบี่', '2567', '87.35', 'ผ่าน', '7',
    ]);
    expect(Number(col(row003, 'seconds'))).toBeGreaterThan(0);
  });
});

describe('--resume', () => {
  it('finishes an interrupted run: whole records only, then each input exactly once, in input order', async () => {
    const inputs = join(dir, 'many');
    await mkdir(inputs);
    await corpusInputs(inputs, 12);
    const out = join(dir, 'resume.jsonl');
    const ac = new AbortController();
    let seen = 0;
    const first = await run(['-o', out, inputs], { signal: ac.signal, onErr: (s) => void (s.includes(' entries') && ++seen === 3 && ac.abort('SIGINT')) });
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/interrupted/);
    const partial = records(await readFile(out, 'utf8'));
    expect(partial).toHaveLength(3);

    // a run killed mid-write leaves half a record: --resume cuts it off
    await appendFile(out, '{"schemaVersion":1,"status":"ok","sour');
    const second = await run(['-o', out, '--resume', inputs]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/removed a cut-short last record/);
    expect(second.stderr).toMatch(/9 documents: 9 ok, 0 failed; 3 already in the output/);
    const all = records(await readFile(out, 'utf8'));
    expect(all.map((d) => d.source.path)).toEqual(Array.from({ length: 12 }, (_, i) => join(inputs, `r${String(i).padStart(2, '0')}.txt`)));

    const third = await run(['-o', out, '--resume', inputs]);
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/0 documents: 0 ok, 0 failed; 12 already in the output/);
    expect(records(await readFile(out, 'utf8'))).toHaveLength(12);
  });

  it('refuses to resume into a file that is not its JSONL, and never reads its own output as input', async () => {
    const foreign = join(dir, 'foreign.jsonl');
    await writeFile(foreign, 'path,status\nx,ok\n');
    const r = await run(['-o', foreign, '--resume', join(dir, 'in/004.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an ita-extract/);

    const folder = join(dir, 'self');
    await mkdir(folder);
    await copyFile(corpusPath('004_d0cc15d3996b9fea'), join(folder, 'a.txt'));
    await writeFile(join(folder, 'out.txt'), '');
    const self = await run(['-o', join(folder, 'out.txt'), '--resume', folder]);
    expect(records(await readFile(join(folder, 'out.txt'), 'utf8')).map((d) => d.source.path)).toEqual([join(folder, 'a.txt')]);
    expect(self.code).toBe(0);
  });
});

describe('progress', () => {
  it('draws one progress line on a terminal (done/total, files/s, ETA, failures) and lists failures above it', async () => {
    const r = await run([join(dir, 'in')], { ttyErr: true });
    expect(r.stderr).toContain('\r\x1b[2K');
    expect(r.stderr).toMatch(/\d+\/6 files/);
    expect(r.stderr).toMatch(/files\/s/);
    expect(r.stderr).toMatch(/ETA/);
    expect(r.stderr).toMatch(/2 failed/);
    expect(r.stderr).toMatch(/empty\.txt: EMPTY_INPUT/);
    expect(r.stderr).not.toMatch(/004\.txt: \d+ entries/);
  });

  it('is silent with --quiet', async () => {
    const r = await run(['-q', join(dir, 'in')], { ttyErr: true });
    expect(r.stderr).toBe('');
  });
});

describe('a real interrupt', () => {
  it('stops on SIGINT with exit 130 and a JSONL file of whole records', async () => {
    const inputs = join(dir, 'sigint');
    await mkdir(inputs);
    await corpusInputs(inputs, 40);
    const out = join(dir, 'sigint.jsonl');
    const child = spawnCli(['-j', '1', '-o', out, inputs]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/ entries/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    const text = await readFile(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const docs = records(text);
    expect(docs.length).toBeGreaterThanOrEqual(1);
    expect(docs.length).toBeLessThan(40);
    expect(docs.map((d) => d.source.path)).toEqual(Array.from({ length: docs.length }, (_, i) => join(inputs, inputName(i))));
  }, 60_000);
});
