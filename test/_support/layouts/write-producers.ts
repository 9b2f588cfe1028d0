/**
 * Generated documents passed through other producers than our own writers,
 * as real reports reach a user: pandoc converting our DOCX to GitHub
 * Markdown (pipe tables, or raw HTML tables where cells are complex), to
 * pandoc's Markdown (grid and multiline tables), to plain text (tables
 * drawn with dashes and spaces) and to HTML, and our HTML to DOCX;
 * LibreOffice saving our DOCX as HTML, and as ODT then DOCX again (its own
 * WordprocessingML). Bench only: `pandoc` and `soffice` must be on the
 * PATH (producerMissing says which is not). Nothing here imports the
 * recogniser or the readers.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeDocx } from './write-docx.js';
import { writeHtml } from './write-text.js';
import type { GenDoc } from './types.js';

export const PRODUCERS = ['pandoc-gfm', 'pandoc-md', 'pandoc-plain', 'pandoc-html', 'pandoc-docx', 'lo-html', 'lo-docx'] as const;
export type Producer = (typeof PRODUCERS)[number];

/** The file extension a producer's output is read under. */
export const PRODUCER_EXT: Record<Producer, string> = {
  'pandoc-gfm': 'md',
  'pandoc-md': 'md',
  'pandoc-plain': 'txt',
  'pandoc-html': 'html',
  'pandoc-docx': 'docx',
  'lo-html': 'html',
  'lo-docx': 'docx',
};

/**
 * Producers that drop cell shading (Markdown and plain text have none;
 * pandoc's table model keeps no fill): a shaded chart's periods cannot be
 * written through them, so such documents are left out of their rows.
 */
export const DROPS_SHADING: ReadonlySet<Producer> = new Set(['pandoc-gfm', 'pandoc-md', 'pandoc-plain', 'pandoc-html', 'pandoc-docx']);

const tool = (p: Producer): 'pandoc' | 'soffice' => (p.startsWith('pandoc') ? 'pandoc' : 'soffice');

const present = new Map<string, boolean>();
function has(bin: string): boolean {
  if (!present.has(bin)) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 60_000 });
      present.set(bin, true);
    } catch {
      present.set(bin, false);
    }
  }
  return present.get(bin)!;
}

/** The tool a producer needs when it is not on the PATH, else null. */
export function producerMissing(p: Producer): string | null {
  return has(tool(p)) ? null : tool(p);
}

const run = promisify(execFile);
const LONG = { timeout: 30 * 60_000, maxBuffer: 64 * 2 ** 20 };

/** pandoc's reader and writer for each of its producers, and which of our files it starts from. */
const PANDOC: Record<Extract<Producer, `pandoc-${string}`>, { from: 'docx' | 'html'; to: string }> = {
  'pandoc-gfm': { from: 'docx', to: 'gfm' },
  'pandoc-md': { from: 'docx', to: 'markdown' },
  'pandoc-plain': { from: 'docx', to: 'plain' },
  'pandoc-html': { from: 'docx', to: 'html' },
  'pandoc-docx': { from: 'html', to: 'docx' },
};

async function soffice(dir: string, to: string, outdir: string, paths: string[]): Promise<void> {
  await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', outdir, ...paths], LONG);
}

/** Where a document's conversion is kept: named by the producer and a hash of the document's content (our HTML of it), so a changed generator converts again. */
function cachePath(cache: string, p: Producer, g: GenDoc): string {
  const h = createHash('sha256').update(writeHtml(g.blocks)).digest('hex').slice(0, 16);
  return join(cache, p, `${g.id}-${h}.${PRODUCER_EXT[p]}`);
}

/**
 * Each document written by our DOCX or HTML writer and converted by the
 * producer; documents a conversion failed on are left out (the bench
 * reports the count). Text outputs are returned as strings. With `cache`
 * (a folder), conversions are kept there and reused: pandoc takes a
 * second or more a file, and a before/after comparison converts the same
 * documents twice.
 */
export async function produce(p: Producer, all: GenDoc[], cache?: string): Promise<Map<string, Uint8Array | string>> {
  const out = new Map<string, Uint8Array | string>();
  const kept = await convert(p, all, cache);
  // pandoc's plain writer puts "[TABLE]" for a table it cannot draw (merged cells, several paragraphs in a cell): its text is not in the file
  for (const [id, v] of kept) if (!(typeof v === 'string' && /^\[TABLE\]$/m.test(v))) out.set(id, v);
  return out;
}

async function convert(p: Producer, all: GenDoc[], cache?: string): Promise<Map<string, Uint8Array | string>> {
  const out = new Map<string, Uint8Array | string>();
  const ext = PRODUCER_EXT[p];
  const text = ext === 'md' || ext === 'txt' || ext === 'html';
  const load = (buf: Buffer): Uint8Array | string => (text ? buf.toString('utf8') : new Uint8Array(buf));
  const docs = cache ? all.filter((g) => !existsSync(cachePath(cache, p, g))) : all;
  if (cache) for (const g of all) if (!docs.includes(g)) out.set(g.id, load(readFileSync(cachePath(cache, p, g))));
  if (docs.length === 0) return out;
  const dir = mkdtempSync(join(tmpdir(), `ita-${p}-`));
  try {
    const src = p === 'pandoc-docx' ? 'html' : 'docx';
    const paths: string[] = [];
    for (const g of docs) {
      const path = join(dir, `${g.id}.${src}`);
      writeFileSync(path, src === 'html' ? writeHtml(g.blocks) : await writeDocx(g.blocks));
      paths.push(path);
    }
    const outdir = join(dir, 'out');
    mkdirSync(outdir);
    if (p === 'lo-html') await soffice(dir, 'html', outdir, paths);
    else if (p === 'lo-docx') {
      const odt = join(dir, 'odt');
      mkdirSync(odt);
      await soffice(dir, 'odt', odt, paths);
      await soffice(dir, 'docx:MS Word 2007 XML', outdir, docs.map((g) => join(odt, `${g.id}.odt`)));
    } else {
      const { from, to } = PANDOC[p];
      const one = async (g: GenDoc): Promise<void> => {
        try {
          // pandoc's defaults, as a user runs it (72-column wrapping: long cells wrap inside multiline and grid tables)
          await run('pandoc', ['-f', from, '-t', to, ...(to === 'html' ? ['-s'] : []), '-o', join(outdir, `${g.id}.${ext}`), join(dir, `${g.id}.${src}`)], LONG);
        } catch {
          // left out
        }
      };
      // two at a time: most of a pandoc run is its start
      for (let i = 0; i < docs.length; i += 2) await Promise.all(docs.slice(i, i + 2).map(one));
    }
    for (const g of docs) {
      let buf: Buffer;
      try {
        buf = readFileSync(join(outdir, `${g.id}.${ext}`));
      } catch {
        continue; // not converted: left out
      }
      out.set(g.id, load(buf));
      if (cache) {
        mkdirSync(join(cache, p), { recursive: true });
        writeFileSync(cachePath(cache, p, g), buf);
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
