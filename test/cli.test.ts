/**
 * The CLI, run in-process through `runCli` with fake streams.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { parseCsv } from './batch/_csv.js';
import { availableParallelism, tmpdir } from 'node:os';
import { cliOptions, program } from '../src/cli/_options.js';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { CSV_COLUMNS } from '../src/cli/csv.js';
import { neutraliseFormula } from '../src/batch/csv.js';
import { sink } from './_support/cli.js';
import { type CorpusStem, corpusPath, readExpected } from './_support/variants.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], opts: { tty?: boolean } = {}): Promise<Run> {
  const out = sink(opts.tty ?? false);
  const err = sink(false);
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

function jsonl(s: string): Array<Record<string, any>> {
  expect(s.endsWith('\n')).toBe(true);
  return s
    .slice(0, -1)
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
}


const P = (stem: CorpusStem) => corpusPath(stem);
const F000 = P('000_12d03613c0e47b57');
const F001 = P('001_52975bb7fc874981');
const F003 = P('003_592d1508f0de56c3');
const F004 = P('004_d0cc15d3996b9fea');

describe('ita-extract CLI', () => {
  it('writes one JSONL line for one file, with status ok and the organisation', async () => {
    const r = await run([F004]);
    expect(r.code).toBe(0);
    const docs = jsonl(r.stdout);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.status).toBe('ok');
    expect(doc.error).toBeNull();
    expect(doc.schemaVersion).toBe(1);
    expect(doc.source.path).toBe(F004);
    expect(doc.source.format).toBe('text');
    expect(doc.organization?.name).toBe(readExpected('004_d0cc15d3996b9fea').organization?.name);
  });

  it('writes one line per file, in the order given', async () => {
    const files = [F003, F001, F004, F000];
    const r = await run(files);
    expect(r.code).toBe(0);
    const docs = jsonl(r.stdout);
    expect(docs.map((d) => d.source.path)).toEqual(files);
    expect(docs.map((d) => d.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(docs.map((d) => d.organization?.name)).toEqual(
      (['003_592d1508f0de56c3', '001_52975bb7fc874981', '004_d0cc15d3996b9fea', '000_12d03613c0e47b57'] as const).map(
        (s) => readExpected(s).organization?.name,
      ),
    );
  });

  it('gives a missing file an error record, exit code 1 and a message, and still writes the others', async () => {
    const missing = join(tmpdir(), 'ita-extract-no-such-file-7f3a.pdf');
    const r = await run([F001, missing, F004]);
    expect(r.code).toBe(1);
    const docs = jsonl(r.stdout);
    expect(docs).toHaveLength(3);
    expect(docs.map((d) => d.status)).toEqual(['ok', 'error', 'ok']);
    const bad = docs[1]!;
    expect(bad.source.path).toBe(missing);
    expect(bad.error.code).toBe('READ_FAILED');
    expect(typeof bad.error.message).toBe('string');
    expect(bad.entries).toEqual([]);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain('READ_FAILED');
    expect(docs[0]!.organization?.name).toBe(readExpected('001_52975bb7fc874981').organization?.name);
    expect(docs[2]!.organization?.name).toBe(readExpected('004_d0cc15d3996b9fea').organization?.name);
  });

  it('writes a JSON array with --format json', async () => {
    const r = await run(['--format', 'json', F001, F004]);
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.stdout) as Array<Record<string, any>>;
    expect(Array.isArray(docs)).toBe(true);
    expect(docs.map((d) => d.source.path)).toEqual([F001, F004]);
    expect(docs.every((d) => d.status === 'ok')).toBe(true);
  });

  it('writes a JSON array also for a single file and for an error only', async () => {
    const one = await run(['-f', 'json', F004]);
    expect(JSON.parse(one.stdout)).toHaveLength(1);
    const none = await run(['-f', 'json', join(tmpdir(), 'ita-extract-missing-2b9c.txt')]);
    expect(none.code).toBe(1);
    const docs = JSON.parse(none.stdout) as Array<Record<string, any>>;
    expect(docs.map((d) => d.status)).toEqual(['error']);
  });

  it('defaults to pretty JSON on a terminal and to JSONL on a pipe', async () => {
    const tty = await run([F004], { tty: true });
    const parsed = JSON.parse(tty.stdout) as unknown[];
    expect(parsed).toHaveLength(1);
    expect(tty.stdout).toContain('\n  ');
    const pipe = await run([F004], { tty: false });
    expect(jsonl(pipe.stdout)).toHaveLength(1);
  });

  it('writes CSV with a BOM, a header and one line per entry, Thai intact', async () => {
    const r = await run(['--format', 'csv', F000, F004]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(r.stdout.slice(1));
    const [header, ...data] = rows;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header).toEqual(expect.arrayContaining(['path', 'status', 'organization', 'section', 'item_codes', 'period_start', 'responsible', 'text']));
    expect(data.every((d) => d.length === header!.length)).toBe(true);

    const docs = jsonl((await run([F000, F004])).stdout);
    const count = docs.reduce((n, d) => n + (d.entries as unknown[]).length, 0);
    expect(data).toHaveLength(count);

    const col = (name: string) => header!.indexOf(name);
    const rowsOf = (path: string) => data.filter((d) => d[col('path')] === path);
    const r000 = rowsOf(F000);
    const r004 = rowsOf(F004);
    expect(r000).toHaveLength((docs[0]!.entries as unknown[]).length);
    expect(r004).toHaveLength((docs[1]!.entries as unknown[]).length);
    expect(new Set(r000.map((d) => d[col('organization')]))).toEqual(new Set(['เทศบาลตำบลบ่อพลับ']));
    expect(new Set(r004.map((d) => d[col('organization')]))).toEqual(new Set([readExpected('004_d0cc15d3996b9fea').organization!.name]));
    // entry by entry, the CSV says what the JSON says
    const entries000 = docs[0]!.entries as Array<Record<string, any>>;
    expect(r000.map((d) => d[col('entry_index')])).toEqual(entries000.map((_, i) => String(i)));
    expect(r000.map((d) => d[col('item_codes')])).toEqual(entries000.map((e) => e.itemCodes.map((c: { code: string }) => c.code).join(' ')));
    // text that starts like a formula ("- …" bullets) gets a leading ' (see cli-csv.test.ts)
    expect(r000.map((d) => d[col('text')])).toEqual(entries000.map((e) => neutraliseFormula(e.text)));
    expect(entries000.some((e) => /^[-+=@]/.test(e.text))).toBe(true);
    expect(r000.map((d) => d[col('section')])).toEqual(entries000.map((e) => String(e.section)));
    expect(r000[0]![col('responsible')]).toBe('ทุกส่วนราชการ');
    expect(r000[0]![col('period_start')]).toBe('2024-10');
  });

  it('writes one CSV line for a document that failed', async () => {
    const missing = join(tmpdir(), 'ita-extract-missing-csv-91d.docx');
    const r = await run(['--format', 'csv', missing]);
    expect(r.code).toBe(1);
    const [header, ...data] = parseCsv(r.stdout.slice(1));
    expect(data).toHaveLength(1);
    expect(data[0]![header!.indexOf('status')]).toBe('error');
    expect(data[0]![header!.indexOf('error_code')]).toBe('READ_FAILED');
  });

  describe('-o FILE', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ita-extract-cli-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes the records to the file and nothing to stdout', async () => {
      const file = join(dir, 'out.jsonl');
      const r = await run(['-o', file, F001, F004]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const docs = jsonl(await readFile(file, 'utf8'));
      expect(docs.map((d) => d.source.path)).toEqual([F001, F004]);
      expect(r.stderr).toContain(F001);
    });

    it('writes CSV to the file with --output and --format csv', async () => {
      const file = join(dir, 'out.csv');
      const r = await run(['--output', file, '--format', 'csv', F004]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const text = await readFile(file, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('องค์การบริหารส่วนตำบลบ้านหม้อ');
    });

    it('writes JSONL to a file even when stdout is a terminal', async () => {
      const file = join(dir, 'out.jsonl');
      const r = await run(['-o', file, F004], { tty: true });
      expect(r.stdout).toBe('');
      expect(jsonl(await readFile(file, 'utf8'))).toHaveLength(1);
    });
  });

  describe('OCR options', () => {
    const parse = (argv: string[]) => {
      const cmd = program({ out: () => {}, err: () => {} });
      cmd.parse(argv, { from: 'user' });
      return cliOptions(cmd, false);
    };
    it('defaults to auto, 150 dpi from extract, and shares the cores between the document slots', () => {
      const cores = availableParallelism();
      expect(parse(['a.pdf', '-j', '1'])).toMatchObject({ ocr: 'auto', ocrDpi: null, ocrWorkers: cores, ocrEngine: 'js' });
      expect(parse(['a.pdf', '--ocr-engine', 'auto']).ocrEngine).toBe('auto');
      expect(parse(['a.pdf', '-j', String(cores * 2)]).ocrWorkers).toBe(1);
      expect(parse(['a.pdf', '--ocr', 'never', '--ocr-workers', '3', '--ocr-dpi', '200'])).toMatchObject({ ocr: 'never', ocrWorkers: 3, ocrDpi: 200 });
    });
  });

  describe('ita-extract report', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ita-extract-report-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    it('turns the JSONL of a run into one self-contained HTML page with the organisations and their scores', async () => {
      const records = join(dir, 'run.jsonl');
      const html = join(dir, 'report.html');
      expect((await run(['-o', records, F003, F004])).code).toBe(0);
      const r = await run(['report', records, '-o', html, '--title', 'รายงานทดสอบ']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const page = await readFile(html, 'utf8');
      expect(page).toMatch(/^<!DOCTYPE html>/i);
      expect(page).toContain('รายงานทดสอบ');
      expect(page).toContain('องค์การบริหารส่วนตำบลคลองประสัก');
      expect(page).toContain('87.35');
      expect(page).toContain('องค์การบริหารส่วนตำบลบ้านหม้อ');
      expect(page).toContain('<svg');
      // nothing fetched at view time
      expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
    });

    it('exits 2 without records or on an unreadable file', async () => {
      expect((await run(['report'])).code).toBe(2);
      expect((await run(['report', join(dir, 'missing.jsonl')])).code).toBe(2);
    });
  });

  describe('usage errors', () => {
    it('exits 2 on an unknown --format, with a message on stderr and no data', async () => {
      const r = await run(['--format', 'xml', F004]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/xml/);
    });

    it('exits 2 on an unknown --ocr mode or a bad --ocr-dpi', async () => {
      const mode = await run(['--ocr', 'sometimes', F004]);
      expect(mode.code).toBe(2);
      expect(mode.stderr).toMatch(/sometimes/);
      expect((await run(['--ocr-engine', 'gpu', F004])).code).toBe(2);
      const dpi = await run(['--ocr-dpi', '10', F004]);
      expect(dpi.code).toBe(2);
      expect(dpi.stdout).toBe('');
    });

    it('exits 2 without input files and on an unknown option', async () => {
      const none = await run([]);
      expect(none.code).toBe(2);
      expect(none.stdout).toBe('');
      expect(none.stderr).not.toBe('');
      const unknown = await run(['--frobnicate', F004]);
      expect(unknown.code).toBe(2);
      expect(unknown.stdout).toBe('');
    });
  });

  describe('stdout carries data only', () => {
    it('puts progress messages on stderr and only records on stdout', async () => {
      const missing = join(tmpdir(), 'ita-extract-missing-5e1.txt');
      const r = await run([F003, missing]);
      for (const line of r.stdout.split('\n').filter((l) => l !== '')) {
        const d = JSON.parse(line) as Record<string, any>;
        expect(d.schemaVersion).toBe(1);
      }
      expect(r.stdout).not.toContain('ita-extract:');
      expect(r.stderr).toContain('ita-extract:');
      expect(r.stderr).toContain(F003);
      expect(r.stderr).toMatch(/\d+ entries/);
    });

    it('is silent on stderr with --quiet, data unchanged', async () => {
      const loud = await run([F004]);
      const quiet = await run(['--quiet', F004]);
      expect(quiet.stderr).toBe('');
      expect(quiet.stdout).toBe(loud.stdout);
    });
  });
});
