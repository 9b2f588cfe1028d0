/**
 * The command line's inputs → documents, in order: files as given, folders
 * walked recursively (sorted by name, hidden entries left out), glob
 * patterns, and zip archives (entries in central-directory order). Folders,
 * patterns and archives take documents by extension (and .zip); a file named
 * on the command line is always read. The plan is made first (paths only, and
 * archive entries counted from their central directory) so progress has a
 * total; archive contents are read lazily, one entry at a time.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { classifyName } from './_zip-entry.js';
import { countArchive, readArchive } from './archive.js';
import type { ExpandHooks, Input, Limits } from './types.js';
import { counted } from './_words.js';

export type Planned =
  | { kind: 'file'; path: string }
  | { kind: 'archive'; path: string; count: number }
  | Extract<Input, { kind: 'failed' }>;

export interface Plan {
  items: Planned[];
  /** How many records the plan will give (archives as counted; nested archives count one until opened). */
  total: number;
}

const GLOB_MAGIC = /[*?[\]{}]/;

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Documents and archives under `dir`, depth first, sorted by name. */
async function walk(dir: string, hooks: ExpandHooks, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      isDir = (await stat(path).catch(() => null))?.isDirectory() ?? false;
      if (isDir) {
        hooks.onSkip?.(path, 'a symbolic link to a folder (not followed)');
        continue;
      }
    }
    if (isDir) await walk(path, hooks, out);
    else out.push(path);
  }
}

/** Found paths (by a walk or a pattern) → documents and archives; the rest is skipped. */
function keepDocuments(paths: string[], hooks: ExpandHooks): string[] {
  return paths.filter((p) => {
    const kind = classifyName(p);
    if (kind === 'document' || kind === 'archive') return true;
    hooks.onSkip?.(p, kind === 'junk' ? 'platform metadata' : 'not a document');
    return false;
  });
}

async function expandArg(arg: string, hooks: ExpandHooks): Promise<string[] | Planned> {
  const info = await stat(arg).catch(() => null);
  if (info?.isDirectory()) {
    const found: string[] = [];
    try {
      await walk(arg, hooks, found);
    } catch (e) {
      return { kind: 'failed', path: arg, code: 'READ_FAILED', message: `cannot read the folder: ${(e as Error).message}` };
    }
    const docs = keepDocuments(found, hooks);
    return docs.length ? docs : { kind: 'failed', path: arg, code: 'EMPTY_INPUT', message: 'no documents in the folder' };
  }
  if (!info && GLOB_MAGIC.test(arg)) {
    const matches = (await glob(arg, { onlyFiles: true, absolute: isAbsolute(arg), expandDirectories: false, followSymbolicLinks: false })).sort();
    const docs = keepDocuments(matches, hooks);
    return docs.length ? docs : { kind: 'failed', path: arg, code: 'READ_FAILED', message: `no document matches the pattern${matches.length ? ` (${counted(matches.length, 'other file')})` : ''}` };
  }
  // a file, or a path that does not exist: reading it gives the error record
  return [arg];
}

export async function planInputs(args: string[], opts: { exclude?: string[]; hooks?: ExpandHooks } = {}): Promise<Plan> {
  const hooks = opts.hooks ?? {};
  const seen = new Set(await Promise.all((opts.exclude ?? []).map((p) => realpath(p).catch(() => resolve(p)))));
  const items: Planned[] = [];
  for (const arg of args) {
    const expanded = await expandArg(arg, hooks);
    if (!Array.isArray(expanded)) {
      items.push(expanded);
      continue;
    }
    for (const path of expanded) {
      // the same file under two names (a link, ./a and a) is one input
      const key = await realpath(path).catch(() => resolve(path));
      if (seen.has(key)) continue;
      seen.add(key);
      if (classifyName(path) === 'archive' && (await stat(path).catch(() => null))?.isFile()) items.push({ kind: 'archive', path, count: await countArchive(path) });
      else items.push({ kind: 'file', path });
    }
  }
  return { items, total: items.reduce((n, it) => n + (it.kind === 'archive' ? it.count : 1), 0) };
}

/** The plan's inputs, one at a time; archive entries are read only when asked for. */
export async function* openInputs(plan: Plan, limits: Limits, hooks: ExpandHooks = {}): AsyncGenerator<Input> {
  for (const item of plan.items) {
    if (item.kind !== 'archive') {
      yield item;
      continue;
    }
    let given = 0;
    for await (const input of readArchive({ path: item.path, file: item.path }, limits, hooks)) {
      given++;
      if (given > item.count) hooks.onRecount?.(1);
      yield input;
    }
    if (given < item.count) hooks.onRecount?.(given - item.count);
  }
}
