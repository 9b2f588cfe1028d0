/**
 * Temporary folders, and where the OCR engines put theirs: os.tmpdir(), or,
 * in a batch's worker thread, inside the run's own temporary folder, which
 * the main thread makes and removes (a terminated thread runs no clean-up of
 * its own, so nothing it made may live outside that folder).
 *
 * A process killed outright (SIGKILL, the out-of-memory killer, a power cut)
 * runs no clean-up at all. So every folder made here carries its maker in
 * its name (`<prefix><pid>.<host>-XXXXXX`), and the first folder a process
 * makes with a prefix sweeps away that prefix's folders whose maker, on this
 * host, is no longer running.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

let parent: string | null = null;

/** The folder new OCR temporary folders go into. */
export function ocrTempParent(): string {
  return parent ?? tmpdir();
}

/** Sets (or, with null, resets to os.tmpdir()) that folder, for this thread. */
export function setOcrTempParent(dir: string | null): void {
  parent = dir;
}

/** This host's name as it goes into folder names: letters, digits and '-', at most 24. */
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '').slice(0, 24) || 'host';
const swept = new Set<string>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether process `pid` runs (a process of another user counts as running). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the folders in `dir` named `<prefix><pid>.<this host>-XXXXXX`
 * whose process is gone. Folders of other hosts (a /tmp shared between
 * containers) and of running processes are left alone; errors are ignored.
 */
export function sweepStaleTempDirs(dir: string, prefix: string): string[] {
  const re = new RegExp(`^${escapeRegExp(prefix)}(\\d+)\\.${escapeRegExp(HOST)}-[A-Za-z0-9]{6}$`);
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(re.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || pid === process.pid || running(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // not ours to remove after all: leave it
    }
  }
  return removed;
}

function prepare(prefix: string, dir: string): string {
  const key = `${dir}\0${prefix}`;
  if (!swept.has(key)) {
    swept.add(key);
    sweepStaleTempDirs(dir, prefix);
  }
  return join(dir, `${prefix}${process.pid}.${HOST}-`);
}

/** A new folder `<prefix><pid>.<host>-XXXXXX` in `dir` (default: ocrTempParent()). Throws as mkdtemp does. */
export function makeTempDir(prefix: string, dir: string = ocrTempParent()): string {
  return mkdtempSync(prepare(prefix, dir));
}

/** makeTempDir, asynchronously. */
export function makeTempDirAsync(prefix: string, dir: string = ocrTempParent()): Promise<string> {
  return mkdtemp(prepare(prefix, dir));
}
