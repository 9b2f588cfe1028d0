/**
 * The package as a user gets it: `npm pack` (its `prepare` script builds
 * dist/ afresh) installed from the tarball into a temporary project, offline
 * from the npm cache that `npm ci` filled, then used as the README shows: ESM
 * import, CommonJS require, the bin, the JSON Schema, and TypeScript
 * consumers with `nodenext` and `bundler` resolution (the repo's own tsc).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expected } from '../_support/expected.js';
import { CJS_SCRIPT, consumerProject, ESM_SCRIPT, TS_CJS, TS_ESM, tsconfig } from './_consumer.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// npm exports its own settings to the scripts it runs; the repository's paths among them must not steer the npm run here
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_(config_local_prefix|package_|lifecycle_|command$)/i.test(k)),
);

function run(file: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      // a program that could not start (ENOENT, EACCES) says so only in the error
      resolve({ code, stdout, stderr: typeof error?.code === 'string' ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

/** The run, or an error that says what ran, where, and the end of what it printed. */
async function must(file: string, args: string[], cwd: string, hint = ''): Promise<Run> {
  const r = await run(file, args, cwd);
  if (r.code !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`\`${[file, ...args].join(' ')}\` in ${cwd} exited ${r.code}${hint ? ` (${hint})` : ''}:\n${tail}`);
  }
  return r;
}

function expected(name: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', `${name}.expected.json`), 'utf8')) as Expected;
}

/** The facts the consumer scripts print, as the expected file states them. */
function facts(e: Expected): object {
  return {
    status: 'ok',
    organization: e.organization,
    fiscalYear: e.fiscalYear,
    overallScore: e.assessment.overallScore,
    entries: e.entries.length,
  };
}

const TEXT = '000_12d03613c0e47b57';
const TEXT_CJS = '001_52975bb7fc874981';
const PDF = '003_592d1508f0de56c3'; // fixtures/pdf/003.pdf is this report
const BIN_TEXT = '004_d0cc15d3996b9fea';

// its checks only read the installed project: they run side by side
describe.concurrent('the packed package, installed into a new project', () => {
  let temp: string;
  let project: string;
  let packLog: string;

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'ita-extract-packed-'));
    project = join(temp, 'project');
    mkdirSync(project);
    // no dist/ beforehand: what the tarball holds is what `prepare` built
    rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
    const pack = await must('npm', ['pack', '--pack-destination', project], ROOT);
    // tsup colours its log when the CI's environment asks for colour (FORCE_COLOR):
    // read it as text
    packLog = stripVTControlCharacters(`${pack.stdout}\n${pack.stderr}`);
    const tgz = readdirSync(project).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack left no tarball in ${project}:\n${packLog}`);
    const { packageJson, lockfile } = consumerProject(ROOT, tgz, readFileSync(join(project, tgz)));
    writeFileSync(join(project, 'package.json'), packageJson);
    writeFileSync(join(project, 'package-lock.json'), lockfile);
    await must('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], project,
      'every dependency must come from the npm cache: run `npm ci` in the repository first');
    writeFileSync(join(project, 'esm.mjs'), ESM_SCRIPT);
    writeFileSync(join(project, 'cjs.cjs'), CJS_SCRIPT);
    writeFileSync(join(project, 'esm.mts'), TS_ESM);
    writeFileSync(join(project, 'cjs.cts'), TS_CJS);
    writeFileSync(join(project, 'bundler.ts'), TS_ESM);
    const typeRoots = join(ROOT, 'node_modules', '@types');
    writeFileSync(join(project, 'tsconfig.nodenext.json'), tsconfig(typeRoots, 'nodenext', ['esm.mts', 'cjs.cts']));
    writeFileSync(join(project, 'tsconfig.bundler.json'), tsconfig(typeRoots, 'bundler', ['bundler.ts']));
  }, 600_000);

  afterAll(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  }, 300_000);

  it('is built without warnings about import.meta (which the CommonJS bundle has not)', () => {
    expect(packLog).toMatch(/CJS .*Build success/);
    expect(packLog).not.toMatch(/import\.meta/);
  });

  it('ships the LICENSE and no source maps', () => {
    const installed = join(project, 'node_modules', 'ita-extract');
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 ita-extract contributors\n/);
    const dist = readdirSync(join(installed, 'dist'));
    expect(dist).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js', 'schema.js', 'schema.cjs']));
    expect(dist.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it.each([
    ['ESM import', 'esm.mjs', TEXT],
    ['CommonJS require', 'cjs.cjs', TEXT_CJS],
  ])('%s extracts a text report and a PDF, and loads the JSON Schema', async (_how, script, text) => {
    const r = await must(process.execPath, [script, join(FIXTURES, 'corpus', `${text}.txt`), join(FIXTURES, 'pdf', '003.pdf')], project);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.text).toEqual(facts(expected(text)));
    expect(out.pdf).toEqual(facts(expected(PDF)));
    expect(out.schemaId).toBe('https://www.npmjs.com/package/ita-extract/schema.json');
    expect(out.schemaFileSame).toBe(true);
  }, 300_000);

  it('has a bin that writes a valid record, and --help', async () => {
    const bin = join(project, 'node_modules', '.bin', 'ita-extract');
    const r = await must(bin, [join(FIXTURES, 'corpus', `${BIN_TEXT}.txt`)], project);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(1);
    const schema = JSON.parse(readFileSync(join(project, 'node_modules', 'ita-extract', 'schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(records[0]), JSON.stringify(validate.errors)).toBe(true);
    const e = expected(BIN_TEXT);
    expect(records[0]).toMatchObject({ status: 'ok', organization: e.organization, fiscalYear: { be: e.fiscalYear } });
    const help = await must(bin, ['--help'], project);
    expect(help.stdout).toMatch(/^Usage: ita-extract /);
  }, 300_000);

  it.each([
    ['nodenext (ESM and CommonJS files)', 'tsconfig.nodenext.json'],
    ['bundler', 'tsconfig.bundler.json'],
  ])('type-checks a TypeScript consumer with moduleResolution %s', async (_mode, config) => {
    expect(existsSync(TSC)).toBe(true);
    await must(process.execPath, [TSC, '-p', config], project);
  }, 300_000);
});
