/**
 * Zip archives as inputs: every entry is read into memory (nothing from an
 * archive is ever written to disk), one at a time, when the batch asks for
 * the next input. Each document entry gives one input; entries that cannot
 * be used (unsafe names, bombs, encryption, nesting too deep, data that does
 * not match its size or CRC-32) give a failed input with a code, so they
 * still get their one record, and the entries after them are still read.
 * Sizes are checked here, entry by entry, not by yauzl (whose check of a
 * stored entry's sizes, run while the central directory is listed, would end
 * the whole archive at one bad entry); yauzl checks no CRC at all.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ErrorCode } from '../model/schema.js';
import { crc32 } from './_crc32.js';
import { classifyName, decodeEntryName, unsafeName } from './_zip-entry.js';
import type { ExpandHooks, Input, Limits } from './types.js';
import { counted } from './_words.js';

const ZIP_OPTIONS = { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: false } as const;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

type Source = { path: string; file: string } | { path: string; bytes: Buffer };
type Refusal = { code: ErrorCode; message: string };
interface Budget {
  left: number;
  total: number;
}

const fail = (path: string, r: Refusal): Input => ({ kind: 'failed', path, ...r });
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
const hex = (n: number) => n.toString(16).padStart(8, '0');
const mib = (n: number) => `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 2 : 0)} MiB`;

function openZip(src: Source): Promise<ZipFile> {
  return 'file' in src ? yauzl.openPromise(src.file, ZIP_OPTIONS) : yauzl.fromBufferPromise(src.bytes, ZIP_OPTIONS);
}

/** The most an entry may expand to, and which limit that is. */
function capOf(entry: Entry, limits: Limits, budget: Budget): { bytes: number; why: string } {
  const ratioCap = Math.max(limits.ratioFloor, limits.maxRatio * entry.compressedSize);
  const caps = [
    { bytes: limits.maxBytes, why: `the limit for one document is ${mib(limits.maxBytes)}` },
    { bytes: ratioCap, why: `it would expand more than ${limits.maxRatio}× (a zip bomb?)` },
    { bytes: budget.left, why: `the archive may expand to ${mib(budget.total)} in all (a zip bomb?)` },
  ];
  return caps.reduce((a, b) => (b.bytes < a.bytes ? b : a));
}

function refusal(entry: Entry, name: string, depth: number, limits: Limits, budget: Budget): Refusal | null {
  const unsafe = unsafeName(name);
  if (unsafe) return { code: 'UNSAFE_ARCHIVE_ENTRY', message: `unsafe entry name with ${unsafe} (zip-slip): not read` };
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) return { code: 'UNSAFE_ARCHIVE_ENTRY', message: 'a symbolic link, not a file: not read' };
  if (classifyName(name) === 'archive' && depth >= limits.maxDepth) {
    return { code: 'UNSUPPORTED_FORMAT', message: `an archive nested more than ${limits.maxDepth} level deep: not opened` };
  }
  if (entry.isEncrypted()) return { code: 'ENCRYPTED_ENTRY', message: 'the entry is encrypted (a password-protected zip): not read' };
  if (!entry.canDecodeFileData()) return { code: 'UNSUPPORTED_FORMAT', message: `compression method ${entry.compressionMethod} is not supported (only stored and deflate)` };
  const cap = capOf(entry, limits, budget);
  if (entry.uncompressedSize > cap.bytes) return { code: 'TOO_LARGE', message: `the entry declares ${entry.uncompressedSize} bytes; ${cap.why}` };
  return null;
}

/**
 * The entry's bytes, stopped at the cap (or just past the size its header
 * declares) whatever its header says; data whose size or CRC-32 is not the
 * header's is damaged, and refused.
 */
async function readEntry(zip: ZipFile, entry: Entry, cap: { bytes: number; why: string }): Promise<Buffer | Refusal> {
  const chunks: Buffer[] = [];
  let n = 0;
  let crc = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > cap.bytes) return { code: 'TOO_LARGE', message: `stopped after ${n} bytes: ${cap.why}` };
      if (n > entry.uncompressedSize) break;
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    }
  } catch (e) {
    return { code: 'CORRUPT_FILE', message: `cannot read the entry: ${reason(e)}` };
  }
  if (n !== entry.uncompressedSize) {
    return { code: 'CORRUPT_FILE', message: `the entry's data is damaged: ${n > entry.uncompressedSize ? 'more than' : `${n} bytes, not`} the ${entry.uncompressedSize} bytes its header declares` };
  }
  if (crc !== entry.crc32) {
    return { code: 'CORRUPT_FILE', message: `the entry's data is damaged: its CRC-32 is ${hex(crc)}, the archive says ${hex(entry.crc32)}` };
  }
  return Buffer.concat(chunks, n);
}

/**
 * The inputs in one archive, in the order of its central directory. An
 * archive inside it is opened (to `limits.maxDepth` levels); an archive
 * that holds no documents gives one EMPTY_INPUT input of its own.
 */
export async function* readArchive(src: Source, limits: Limits, hooks: ExpandHooks = {}, depth = 0, shared?: Budget): AsyncGenerator<Input> {
  let zip: ZipFile;
  try {
    zip = await openZip(src);
  } catch (e) {
    yield fail(src.path, { code: 'CORRUPT_FILE', message: `not a readable zip archive: ${reason(e)}` });
    return;
  }
  const total = Math.max(limits.maxBytes, limits.maxRatio * zip.fileSize);
  const budget = shared ?? { left: total, total };
  let given = 0;
  let skipped = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = decodeEntryName(entry);
      const path = `${src.path}!/${name}`;
      const kind = classifyName(name);
      if (kind === 'directory') continue;
      if (!unsafeName(name) && (kind === 'junk' || kind === 'other')) {
        skipped++;
        hooks.onSkip?.(path, kind === 'junk' ? 'platform metadata' : 'not a document');
        continue;
      }
      given++;
      const refused = refusal(entry, name, depth, limits, budget);
      const read = refused ?? (await readEntry(zip, entry, capOf(entry, limits, budget)));
      if (!Buffer.isBuffer(read)) {
        yield fail(path, read);
        continue;
      }
      budget.left -= read.length;
      if (kind === 'archive') yield* readArchive({ path, bytes: read }, limits, hooks, depth + 1, budget);
      else yield { kind: 'bytes', path, bytes: read };
    }
  } catch (e) {
    given++;
    yield fail(src.path, { code: 'CORRUPT_FILE', message: `the archive is broken after ${counted(given - 1, 'document')}: ${reason(e)}` });
  } finally {
    zip.close();
  }
  if (given === 0) {
    yield fail(src.path, { code: 'EMPTY_INPUT', message: `no documents in the archive${skipped ? ` (${counted(skipped, 'other file')} left out)` : ''}` });
  }
}

/** How many inputs an archive will give, from its central directory only (a nested archive counts as one). */
export async function countArchive(file: string): Promise<number> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, ZIP_OPTIONS);
  } catch {
    return 1;
  }
  let n = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = decodeEntryName(entry);
      const kind = classifyName(name);
      if (kind !== 'directory' && (unsafeName(name) || kind === 'document' || kind === 'archive')) n++;
    }
  } catch {
    n++;
  } finally {
    zip.close();
  }
  return Math.max(n, 1);
}
