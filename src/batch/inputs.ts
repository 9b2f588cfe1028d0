/**
 * The command line's inputs → documents, in order: files as given, folders
 * walked recursively (sorted by name, hidden entries left out), glob
 * patterns, and zip archives (entries in central-directory order).
 * Symbolic links in a folder are followed only with followSymlinks
 * (--follow-symlinks), each real folder walked once (a link loop ends);
 * without it, a link that leads out of the folder gets an UNSAFE_LINK
 * record (never read, never silently dropped), and a link to a folder
 * inside it is left out (that folder is walked as itself). Folders,
 * patterns and archives take documents by extension (and .zip); a file named
 * on the command line is always read. The plan is made first (paths only, and
 * archive entries counted from their central directory) so progress has a
 * total; archive contents are read lazily, one entry at a time.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
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

type Failed = Extract<Input, { kind: 'failed' }>;

interface Walk {
  hooks: ExpandHooks;
  /** Follow symbolic links (--follow-symlinks). */
  follow: boolean;
  /** The real path of the folder named on the command line. */
  root: string;
  /** Real paths of the folders walked so far: each is walked once, so a link loop ends. */
  walked: Set<string>;
  out: (string | Failed)[];
}

const inside = (root: string, real: string) => real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);

/** A symbolic link met in a walk: what it leads to, and whether to walk, read, refuse or leave it out. */
async function link(path: string, w: Walk): Promise<'walk' | 'read' | null> {
  const real = await realpath(path).catch(() => null);
  const isDir = real !== null && (await stat(real).catch(() => null))?.isDirectory() === true;
  if (real === null) return 'read'; // a broken link: reading it gives its READ_FAILED record
  if (w.follow) return isDir ? 'walk' : 'read';
  if (inside(w.root, real)) {
    if (!isDir) return 'read'; // the same file twice is read once (see planInputs)
    w.hooks.onSkip?.(path, 'a symbolic link to a folder inside the folder (walked as itself)');
    return null;
  }
  if (!isDir && classifyName(path) !== 'document' && classifyName(path) !== 'archive') return 'read'; // left out by name, as any file
  w.out.push({ kind: 'failed', path, code: 'UNSAFE_LINK', message: `a symbolic link to ${isDir ? 'a folder' : 'a file'} outside the folder (${real}): not followed; --follow-symlinks follows links` });
  return null;
}

/** Documents and archives under `dir`, depth first, sorted by name. */
async function walk(dir: string, w: Walk): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    const what = e.isSymbolicLink() ? await link(path, w) : e.isDirectory() ? 'walk' : 'read';
    if (what === 'read') w.out.push(path);
    if (what !== 'walk') continue;
    const real = await realpath(path);
    if (w.walked.has(real)) {
      w.hooks.onSkip?.(path, `${e.isSymbolicLink() ? 'a symbolic link to a folder' : 'a folder'} already read (a link loop, or a second way to it)`);
      continue;
    }
    w.walked.add(real);
    await walk(path, w);
  }
}

/** Found paths (by a walk or a pattern) → documents and archives; the rest is skipped. */
function keepDocuments<T extends string | Failed>(paths: T[], hooks: ExpandHooks): T[] {
  return paths.filter((p) => {
    if (typeof p !== 'string') return true;
    const kind = classifyName(p);
    if (kind === 'document' || kind === 'archive') return true;
    hooks.onSkip?.(p, kind === 'junk' ? 'platform metadata' : 'not a document');
    return false;
  });
}

async function expandArg(arg: string, hooks: ExpandHooks, follow: boolean): Promise<(string | Failed)[] | Planned> {
  const info = await stat(arg).catch(() => null);
  if (info?.isDirectory()) {
    const found: (string | Failed)[] = [];
    try {
      const root = await realpath(arg);
      await walk(arg, { hooks, follow, root, walked: new Set([root]), out: found });
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

export async function planInputs(args: string[], opts: { exclude?: string[]; hooks?: ExpandHooks; followSymlinks?: boolean } = {}): Promise<Plan> {
  const hooks = opts.hooks ?? {};
  const seen = new Set(await Promise.all((opts.exclude ?? []).map((p) => realpath(p).catch(() => resolve(p)))));
  const items: Planned[] = [];
  for (const arg of args) {
    const expanded = await expandArg(arg, hooks, opts.followSymlinks === true);
    if (!Array.isArray(expanded)) {
      items.push(expanded);
      continue;
    }
    for (const path of expanded) {
      if (typeof path !== 'string') {
        items.push(path);
        continue;
      }
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
