/**
 * Scaling of the batch CLI on generated documents (made in a temporary
 * folder, removed afterwards, never committed): the corpus and held-out
 * texts (.txt, .md, .html), the DOCX fixtures and the text-layer PDF
 * fixtures, varied document by document — organisation names and years
 * changed, table rows shuffled (text, HTML and DOCX), a unique trailer on
 * PDFs — so that no two documents are the same bytes.
 *
 * The CLI is the current source bundled with esbuild into bench/out/
 * (git-ignored; dist/ is left alone), run as `node bench/out/cli.js`:
 *  - throughput: one folder of N documents, --concurrency 1 (in-process)
 *    and 2 (worker threads): documents per second and the ratio;
 *  - memory: zip archives of 100 → 250 → 500 → 1000 documents, -j 2:
 *    peak RSS summed over the CLI's process tree (worker threads live in
 *    the one process; native OCR would add child processes), polled from
 *    /proc every 25 ms, and the main process's own high-water mark (VmHWM).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../test/_support/variants.js';
import { readZip, writeZip } from './_zip.js';
import { textPdfFiles } from './pdf.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIX = join(ROOT, 'fixtures');

// ---- generated documents ------------------------------------------------------

interface Template {
  kind: 'text' | 'docx' | 'pdf';
  ext: string;
  bytes: Buffer;
  org: string | null;
}

const ORG_KINDS = ['องค์การบริหารส่วนตำบล', 'องค์การบริหารส่วนจังหวัด', 'เทศบาลตำบล', 'เทศบาลเมือง', 'เทศบาลนคร'];
const PLACES = 'หนองบัว ท่าช้าง บ้านใหม่ โคกสูง นาดี ห้วยทราย ดอนแก้ว หนองปลาไหล บางพระ ป่าแดง วังน้ำเย็น โพธิ์ทอง สามเงา แม่สาย เชียงคาน ทุ่งใหญ่ บ่อทอง คลองหลวง นาเกลือ หัวหิน'.split(' ');

function orgOf(expectedPath: string): string | null {
  try {
    return (JSON.parse(readFileSync(expectedPath, 'utf8')) as { organization?: { name?: string } | null }).organization?.name ?? null;
  } catch {
    return null;
  }
}

function templates(): Template[] {
  const out: Template[] = [];
  for (const f of readdirSync(join(FIX, 'corpus')).filter((n) => n.endsWith('.txt')).sort()) {
    out.push({ kind: 'text', ext: 'txt', bytes: readFileSync(join(FIX, 'corpus', f)), org: orgOf(join(FIX, 'expected', f.replace(/\.txt$/, '.expected.json'))) });
  }
  for (const d of ['heldout', 'heldout2']) {
    for (const f of readdirSync(join(FIX, d)).filter((n) => /\.(txt|md|html)$/.test(n)).sort()) {
      out.push({ kind: 'text', ext: f.split('.').pop()!, bytes: readFileSync(join(FIX, d, f)), org: orgOf(join(FIX, d, f.replace(/\.(txt|md|html)$/, '.expected.json'))) });
    }
  }
  for (const f of readdirSync(join(FIX, 'docx')).filter((n) => n.endsWith('.docx')).sort()) {
    out.push({ kind: 'docx', ext: 'docx', bytes: readFileSync(join(FIX, 'docx', f)), org: orgOf(join(FIX, 'expected', f.replace(/\.docx$/, '.expected.json'))) });
  }
  for (const f of textPdfFiles()) out.push({ kind: 'pdf', ext: 'pdf', bytes: readFileSync(join(FIX, 'pdf', f)), org: null });
  return out;
}


function shuffle<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Organisation renamed, years moved by −1…+1, in any text (plain, Markdown, HTML, DOCX XML). */
function renameAndShiftYears(s: string, org: string | null, random: () => number): string {
  if (org) {
    const kind = ORG_KINDS.filter((k) => org.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? '';
    s = s.split(org).join(kind + PLACES[Math.floor(random() * PLACES.length)]!);
  }
  const d = Math.floor(random() * 3) - 1;
  const shift = (digit: number) => (digit + d + 10) % 10;
  return s.replace(/๒๕๖([๐-๙])/g, (_, x: string) => `๒๕๖${String.fromCharCode(0x0e50 + shift(x.charCodeAt(0) - 0x0e50))}`).replace(/\b256(\d)\b/g, (_, x: string) => `256${shift(Number(x))}`);
}

/** Rows after the first of every table element (`<tr>` in HTML, `<w:tr>` in DOCX) in a new order. */
function shuffleMarkupRows(s: string, table: string, rowTag: string, random: () => number): string {
  return s.replace(new RegExp(`<${table}[\\s>][\\s\\S]*?</${table}>`, 'g'), (t) => {
    const rowRe = new RegExp(`<${rowTag}[\\s>][\\s\\S]*?</${rowTag}>`, 'g');
    const rows = [...t.matchAll(rowRe)];
    if (rows.length < 3) return t;
    const order = [rows[0]![0], ...shuffle(rows.slice(1).map((m) => m[0]), random)];
    let k = 0;
    return t.replace(rowRe, () => order[k++]!);
  });
}

/** Data lines of tab-separated and pipe tables in a new order (each table's first line, and a Markdown separator, stay). */
function shuffleTextRows(s: string, random: () => number): string {
  const lines = s.split('\n');
  const out: string[] = [];
  let k = 0;
  while (k < lines.length) {
    const isRow = (l: string | undefined) => l !== undefined && (l.includes('\t') || /^\s*\|.*\|\s*$/.test(l));
    if (!isRow(lines[k])) {
      out.push(lines[k]!);
      k++;
      continue;
    }
    let j = k;
    while (isRow(lines[j])) j++;
    const block = lines.slice(k, j);
    const head = /^\s*\|?\s*:?-{3,}/.test(block[1] ?? '') ? 2 : 1;
    out.push(...block.slice(0, head), ...shuffle(block.slice(head), random));
    k = j;
  }
  return out.join('\n');
}

function variant(t: Template, i: number): Buffer {
  const random = rng(i * 7919 + 17);
  if (t.kind === 'pdf') return Buffer.concat([t.bytes, Buffer.from(`\n%ita-extract bench variant ${i}\n`, 'latin1')]);
  if (t.kind === 'docx') {
    const entries = readZip(t.bytes).map((e) => {
      if (e.name !== 'word/document.xml') return e;
      let xml = renameAndShiftYears(Buffer.from(e.data).toString('utf8'), t.org, random);
      xml = shuffleMarkupRows(xml, 'w:tbl', 'w:tr', random);
      return { name: e.name, data: Buffer.from(xml, 'utf8') };
    });
    return writeZip(entries);
  }
  let s = renameAndShiftYears(t.bytes.toString('utf8'), t.org, random);
  s = t.ext === 'html' ? shuffleMarkupRows(s, 'table', 'tr', random) : shuffleTextRows(s, random);
  return Buffer.from(s, 'utf8');
}

/** Writes `n` varied documents into `dir`; returns how many of each kind. */
export function generateDocuments(dir: string, n: number, first = 0): Record<Template['kind'], number> {
  mkdirSync(dir, { recursive: true });
  const ts = templates();
  const count = { text: 0, docx: 0, pdf: 0 };
  for (let i = first; i < first + n; i++) {
    const t = ts[i % ts.length]!;
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${t.kind}.${t.ext}`), variant(t, i));
    count[t.kind]++;
  }
  return count;
}

// ---- the CLI and its memory ---------------------------------------------------

/** The CLI from the current sources (esbuild, dependencies external), into bench/out/. */
export async function buildCli(): Promise<string> {
  const out = join(ROOT, 'bench', 'out', 'cli.js');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'bin.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

function statusKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** `pid` and its descendants (from /proc/<pid>/stat's parent ids). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(d));
      parents.set(ppid, list);
    } catch {
      // gone
    }
  }
  const out = [pid];
  for (let k = 0; k < out.length; k++) out.push(...(parents.get(out[k]!) ?? []));
  return out;
}

export interface CliRun {
  seconds: number;
  code: number | null;
  /** Peak of the summed VmRSS of the process tree, MB; the main process's VmHWM, MB; most processes seen at once. */
  treeRssMb: number;
  mainHwmMb: number;
  processes: number;
}

export async function runCli(cli: string, args: string[]): Promise<CliRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  let tree = 0;
  let hwm = 0;
  let procs = 0;
  let ticks = 0;
  const poll = setInterval(() => {
    const pid = child.pid;
    if (!pid) return;
    // the whole tree every 10th poll (reading /proc is not free); the main process every time
    const pids = ticks++ % 10 === 0 ? processTree(pid) : [pid];
    procs = Math.max(procs, pids.length);
    tree = Math.max(tree, pids.reduce((a, p) => a + statusKb(p, 'VmRSS'), 0));
    hwm = Math.max(hwm, statusKb(pid, 'VmHWM'));
  }, 25);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  if (code !== 0 && code !== 1) throw new Error(`the CLI exited with ${code}: ${stderr.slice(0, 500)}`);
  return { seconds: (performance.now() - t0) / 1000, code, treeRssMb: Math.max(tree, hwm) / 1024, mainHwmMb: hwm / 1024, processes: procs };
}

export interface ScaleBench {
  mix: Record<string, number>;
  throughput: Array<{ j: number; docs: number; run: CliRun }>;
  growth: Array<{ docs: number; run: CliRun }>;
  okShare: number;
}

function okShare(jsonl: string): number {
  const lines = readFileSync(jsonl, 'utf8').split('\n').filter((l) => l !== '');
  return lines.filter((l) => (JSON.parse(l) as { status: string }).status === 'ok').length / Math.max(1, lines.length);
}

export async function benchScale(opts: { throughputDocs?: number; sizes?: number[] } = {}): Promise<ScaleBench> {
  const n = opts.throughputDocs ?? 500;
  const sizes = opts.sizes ?? [100, 250, 500, 1000];
  const cli = await buildCli().catch(() => join(ROOT, 'dist', 'cli.js'));
  if (!existsSync(cli)) throw new Error('no CLI: esbuild failed and dist/cli.js is missing (npm run build)');
  const tmp = await mkdtemp(join(os.tmpdir(), 'ita-bench-scale-'));
  try {
    const folder = join(tmp, 'docs');
    const mix = generateDocuments(folder, n);
    const throughput: ScaleBench['throughput'] = [];
    for (const j of [1, 2]) {
      const out = join(tmp, `out-${j}.jsonl`);
      throughput.push({ j, docs: n, run: await runCli(cli, [folder, '-j', String(j), '-q', '-o', out]) });
    }
    const share = okShare(join(tmp, 'out-2.jsonl'));
    const growth: ScaleBench['growth'] = [];
    const max = Math.max(...sizes);
    const all = join(tmp, 'all');
    generateDocuments(all, max);
    const names = readdirSync(all).sort();
    for (const size of sizes) {
      const zip = join(tmp, `archive-${size}.zip`);
      writeFileSync(zip, writeZip(names.slice(0, size).map((f) => ({ name: `${size}/${basename(f)}`, data: readFileSync(join(all, f)) }))));
      const run = await runCli(cli, [zip, '-j', '2', '-q', '-o', join(tmp, `growth-${size}.jsonl`)]);
      growth.push({ docs: size, run });
      rmSync(zip);
    }
    return { mix, throughput, growth, okShare: share };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function printScale(r: ScaleBench): void {
  console.log(`  generated documents: ${Object.entries(r.mix).map(([k, v]) => `${v} ${k}`).join(', ')} (per 500; ${(100 * r.okShare).toFixed(0)} % come out status ok)`);
  console.log(`  ${'run'.padEnd(40)} ${'docs'.padStart(5)} ${'time s'.padStart(7)} ${'docs/s'.padStart(7)}  peak RSS (tree)`);
  for (const t of r.throughput) {
    console.log(`  ${`folder, --concurrency ${t.j}${t.j === 1 ? ' (in-process)' : ' (worker threads)'}`.padEnd(40)} ${String(t.docs).padStart(5)} ${t.run.seconds.toFixed(1).padStart(7)} ${(t.docs / t.run.seconds).toFixed(1).padStart(7)}  ${t.run.treeRssMb.toFixed(0)} MB`);
  }
  const [a, b] = r.throughput;
  if (a && b) console.log(`  -j 2 / -j 1 throughput: ${(a.run.seconds / b.run.seconds).toFixed(2)}× (${os.availableParallelism()} cores)`);
  console.log(`  ${'zip archive, -j 2'.padEnd(40)} ${'docs'.padStart(5)} ${'time s'.padStart(7)} ${'docs/s'.padStart(7)}  peak RSS tree  main VmHWM  processes`);
  for (const g of r.growth) {
    console.log(`  ${''.padEnd(40)} ${String(g.docs).padStart(5)} ${g.run.seconds.toFixed(1).padStart(7)} ${(g.docs / g.run.seconds).toFixed(1).padStart(7)}  ${`${g.run.treeRssMb.toFixed(0)} MB`.padStart(13)}  ${`${g.run.mainHwmMb.toFixed(0)} MB`.padStart(10)}  ${g.run.processes}`);
  }
  const first = r.growth[0];
  const last = r.growth[r.growth.length - 1];
  if (first && last) console.log(`  peak RSS ${last.docs} vs ${first.docs} documents: ${(last.run.treeRssMb / first.run.treeRssMb).toFixed(2)}× (flat = 1)`);
}
