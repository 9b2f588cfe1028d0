/**
 * What the CLI puts on a terminal: data and progress sharing one screen,
 * counts in the right number, and names from the inputs that hold control
 * characters (escape sequences, newlines, bidi overrides) shown, never obeyed.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTerminal } from '../src/cli/_escape.js';
import { type CliIo, runCli } from '../src/cli/main.js';
import { progress } from '../src/cli/_progress.js';
import type { SummaryRow } from '../src/batch/summary.js';
import { zip } from './batch/_zip.js';
import { sink } from './_support/cli.js';
import { corpusPath, readCorpus } from './_support/variants.js';

/**
 * A terminal screen, as a terminal draws what it is sent: printable
 * characters overwrite the cell under the cursor, \r goes to column 0, \n to
 * the next line (a tty's output translation adds the \r), ESC[K / ESC[0K
 * erase to the end of the line, ESC[2K the whole line; other escape
 * sequences are consumed.
 */
class Screen {
  lines: string[][] = [[]];
  row = 0;
  col = 0;
  write(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\r') this.col = 0;
      else if (c === '\n') {
        this.row++;
        this.col = 0;
        this.lines[this.row] ??= [];
      } else if (c === '\x1b' && s[i + 1] === '[') {
        const m = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(s.slice(i))!;
        i += m[0].length - 1;
        const line = this.lines[this.row]!;
        if (m[2] === 'K' && m[1] === '2') line.length = 0;
        else if (m[2] === 'K') line.length = Math.min(line.length, this.col);
      } else {
        const line = this.lines[this.row]!;
        while (line.length < this.col) line.push(' ');
        line[this.col++] = c;
      }
    }
  }
  text(): string[] {
    return this.lines.map((l) => l.join('').trimEnd());
  }
}

function ttyStream(screen: Screen, log: string[]) {
  return {
    isTTY: true,
    columns: 120,
    write(chunk: unknown, ...rest: unknown[]) {
      const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      log.push(s);
      screen.write(s);
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    },
  } as unknown as CliIo['stdout'];
}

/** stdout and stderr on the same terminal. */
async function onTerminal(argv: string[]) {
  const screen = new Screen();
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: ttyStream(screen, out), stderr: ttyStream(screen, err) });
  return { code, screen: screen.text(), stdout: out.join(''), stderr: err.join('') };
}

async function run(argv: string[], opts: { ttyErr?: boolean } = {}) {
  const out = sink(false);
  const err = sink(opts.ttyErr ?? false);
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ita-cli-terminal-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const F003 = corpusPath('003_592d1508f0de56c3');
const F004 = corpusPath('004_d0cc15d3996b9fea');
const F000 = corpusPath('000_12d03613c0e47b57');

describe('data and progress on one terminal', () => {
  it('pretty JSON on screen stays whole: the progress line never lands in it, messages come after it', async () => {
    const missing = join(tmpdir(), 'ita-extract-missing-term-4c1.txt');
    const r = await onTerminal([F004, missing, F003]);
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout) as Array<Record<string, any>>;
    expect(records.map((d) => d.status)).toEqual(['ok', 'error', 'ok']);
    // the progress line was drawn, and erased
    expect(r.stderr).toContain('\r\x1b[2K');
    const open = r.screen.indexOf('[');
    const close = r.screen.indexOf(']');
    expect(open).toBeGreaterThanOrEqual(0);
    expect(close).toBeGreaterThan(open);
    // what the screen shows between "[" and "]" is the data, exactly
    expect(JSON.parse(r.screen.slice(open, close + 1).join('\n'))).toEqual(records);
    expect(r.screen.slice(open, close + 1).join('\n')).not.toMatch(/ita-extract[:\[ ]|files\/s|ETA/);
    // the failure and the summary, below the data
    const after = r.screen.slice(close + 1).join('\n');
    expect(after).toContain(`ita-extract: ${missing}: READ_FAILED`);
    expect(after).toMatch(/ita-extract: 3 documents: 2 ok, 1 failed/);
  });

  it('JSONL on screen: each line a whole record or a whole message, the progress line erased before each record', async () => {
    const missing = join(tmpdir(), 'ita-extract-missing-term-9d2.txt');
    const r = await onTerminal(['-f', 'jsonl', F004, missing, F003, F000]);
    const lines = r.screen.filter((l) => l !== '');
    const data = lines.filter((l) => !l.startsWith('ita-extract'));
    expect(data.map((l) => (JSON.parse(l) as { source: { path: string } }).source.path)).toEqual([F004, missing, F003, F000]);
    expect(lines.filter((l) => l.startsWith('ita-extract')).every((l) => !l.includes('{'))).toBe(true);
    expect(r.stdout.split('\n').filter((l) => l !== '')).toEqual(data);
    // the progress line was drawn between the records (and erased each time)
    expect(r.stderr).toMatch(/\r\x1b\[2Kita-extract \[[#-]+\] [1-3]\/4 files/);
  });
});

describe('counts', () => {
  const row = (over: Partial<SummaryRow>): SummaryRow => ({ path: 'a.txt', status: 'ok', entries: 1, sections: 1, warnings: 1, ...over }) as SummaryRow;
  it('says "1 entry, 1 section, 1 warning" and "2 entries, 7 sections"', () => {
    const err = sink(false);
    const p = progress(err.stream, { quiet: false, tty: false });
    p.record(row({}));
    p.record(row({ path: 'b.txt', entries: 2, sections: 7, warnings: 0 }));
    expect(err.text()).toContain('ita-extract: a.txt: 1 entry, 1 section, 1 warning\n');
    expect(err.text()).toContain('ita-extract: b.txt: 2 entries, 7 sections\n');
  });

  it('one document that failed: "1 document", and no rate', async () => {
    const r = await run([join(tmpdir(), 'ita-extract-missing-count-1a.txt')]);
    expect(r.stderr).toMatch(/ita-extract: 1 document: 0 ok, 1 failed \(\d+\.\d s\)\n/);
    expect(r.stderr).not.toMatch(/files\/s/);
    const two = await run([F004, F003]);
    expect(two.stderr).toMatch(/2 documents: 2 ok, 0 failed \(\d+\.\d s, \d+(\.\d)? files\/s\)/);
  });

  it('the progress line shows no rate before two documents are done', () => {
    const err = sink(true);
    const p = progress(err.stream, { quiet: false, tty: true });
    p.setTotal(1);
    expect(err.text()).toMatch(/0\/1 file {2}ETA \?/);
    expect(err.text()).not.toMatch(/files\/s/);
    p.finish({ ok: 0, failed: 0, resumedOk: 0, resumedFailed: 0, interrupted: false });
  });
});

/** Names a terminal would obey. */
const NASTY = {
  clear: 'clear\x1b[2J\x1b[H.txt',
  title: 'title\x1b]0;pwned\x07.txt',
  clipboard: 'clip\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07.txt',
  newline: 'x\nita-extract: FAKE.pdf: 99 entries, 7 sections.txt',
  carriage: 'cr\rita-extract: FAKE2.pdf: 1 entry.txt',
  c1: 'csi\u009b2J.txt',
  del: 'del\x7f.txt',
  bidi: 'invoice\u202etxt.exe\u2066.txt',
  bell: 'bell\x07.txt',
} as const;

// every control character except our own line ends and the progress line's erase
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('names with control characters', () => {
  it('escapes them in per-file lines, error messages and the summary, on a pipe and on a terminal', async () => {
    const folder = join(dir, 'nasty');
    await mkdir(folder);
    for (const name of Object.values(NASTY)) await copyFile(F004, join(folder, name));
    await writeFile(join(folder, 'empty\x1b[31m.txt'), '');
    await writeFile(join(folder, 'skip\x1b]0;x\x07.jpg'), 'not a document');
    const missing = join(dir, 'gone\x1b[2J.txt');
    for (const ttyErr of [false, true]) {
      const r = await run([folder, missing], { ttyErr });
      const text = r.stderr.replaceAll('\r\x1b[2K', '');
      expect(text, JSON.stringify(text)).not.toMatch(CONTROLS);
      expect(text).not.toMatch(/^ita-extract: FAKE/m);
      if (!ttyErr) {
        for (const name of Object.values(NASTY)) expect(text).toContain(`ita-extract: ${forTerminal(join(folder, name))}: `);
        expect(text).toContain('clear\\x1b[2J\\x1b[H.txt');
        expect(text).toContain('x\\nita-extract: FAKE.pdf');
        expect(text).toContain('invoice\\u202etxt.exe\\u2066.txt');
        expect(text).toContain('csi\\x9b2J.txt');
      }
      expect(text).toContain(`${forTerminal(missing)}: READ_FAILED`);
      expect(text).toContain('empty\\x1b[31m.txt: EMPTY_INPUT');
      expect(text).toContain('skip\\x1b]0;x\\x07.jpg: left out');
      // the data keeps the names as they are
      const paths = r.stdout.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { source: { path: string } }).source.path);
      expect(paths).toContain(join(folder, NASTY.newline));
    }
  });

  it('escapes archive entry names, NUL included', async () => {
    const archive = join(dir, 'entries.zip');
    await writeFile(
      archive,
      zip([
        { name: 'a\x1b]52;c;cHduZWQ=\x07.txt', data: readCorpus('004_d0cc15d3996b9fea') },
        { name: 'nul\0x.txt', data: 'x' },
        { name: 'fake\nita-extract: FAKE.pdf: 99 entries, 7 sections.txt', data: '' },
      ]),
    );
    const r = await run([archive]);
    expect(r.stderr).not.toMatch(CONTROLS);
    expect(r.stderr).not.toMatch(/^ita-extract: FAKE/m);
    expect(r.stderr).toContain('a\\x1b]52;c;cHduZWQ=\\x07.txt');
    expect(r.stderr).toContain('nul\\x00x.txt');
    expect(r.stderr).toContain('fake\\nita-extract: FAKE.pdf');
  });

  it('escapes them in usage errors and in the report command', async () => {
    const usage = await run(['--format', 'x\x1b]0;t\x07', F004]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(CONTROLS);
    expect(usage.stderr).toContain('x\\x1b]0;t\\x07');
    const resume = await run(['--resume', '-o', join(dir, 'no\x1b[2Jdir', 'out.jsonl'), F004]);
    expect(resume.stderr).not.toMatch(CONTROLS);
    const report = await run(['report', join(dir, 'missing\x1b[2J\n.jsonl')]);
    expect(report.code).toBe(2);
    expect(report.stderr).not.toMatch(CONTROLS);
    expect(report.stderr).toContain('missing\\x1b[2J\\n.jsonl');
    const badOption = await run(['report', '--tit\x1b[2Jle', 'x']);
    expect(badOption.stderr).not.toMatch(CONTROLS);
  });
});

describe('forTerminal', () => {
  it('leaves Thai and ordinary text alone and makes every control visible', () => {
    expect(forTerminal('รายงาน ITA ๒๕๖๗ (ฉบับที่ 1).pdf')).toBe('รายงาน ITA ๒๕๖๗ (ฉบับที่ 1).pdf');
    expect(forTerminal('a\u0000b\u001bc\u007fd\u0085e\u2028f\u202ag\u2069h\ti')).toBe('a\\x00b\\x1bc\\x7fd\\x85e\\u2028f\\u202ag\\u2069h\\ti');
  });
});

describe('--version', () => {
  it('prints the package version on stdout and exits 0, as -V too', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('finds the package.json from a built or installed location', async () => {
    const { pathToFileURL } = await import('node:url');
    const { packageVersion } = await import('../src/cli/_version.js');
    const installed = join(dir, 'app/node_modules/ita-extract');
    await mkdir(join(installed, 'dist'), { recursive: true });
    await writeFile(join(dir, 'app/package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }));
    await writeFile(join(installed, 'package.json'), JSON.stringify({ name: 'ita-extract', version: '9.8.7' }));
    expect(packageVersion(pathToFileURL(join(installed, 'dist/cli.js')).href)).toBe('9.8.7');
    expect(packageVersion(pathToFileURL(join(dir, 'app/index.js')).href)).toBe('unknown');
  });
});

describe('records shown on a terminal', () => {
  it('carry no raw control character, and are the same JSON, CSV lines kept', async () => {
    const folder = join(dir, 'data-on-screen');
    await mkdir(folder);
    const name = `a\u009b2J\u202e\x7f\x1b]0;t\x07.txt`;
    await copyFile(F004, join(folder, name));
    const pipe = await run([join(folder, name)]);
    expect(pipe.stdout).toMatch(/[\u009b\u202e\u007f]/); // JSON.stringify leaves these raw: the test means something
    for (const format of ['json', 'jsonl']) {
      const r = await onTerminal(['-f', format, '-q', join(folder, name)]);
      expect(r.stdout).not.toMatch(CONTROLS);
      const parse = (s: string) => s.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
      expect(format === 'json' ? JSON.parse(r.stdout) : parse(r.stdout)).toEqual(parse(pipe.stdout));
    }
    const csv = await onTerminal(['-f', 'csv', '-q', join(folder, name)]);
    expect(csv.stdout).not.toMatch(CONTROLS);
    expect(csv.stdout).toContain('a\\x9b2J\\u202e\\x7f\\x1b]0;t\\x07.txt');
  });
});
