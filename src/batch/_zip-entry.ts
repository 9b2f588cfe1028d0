/**
 * Zip entry names: decoding (UTF-8 flag, Info-ZIP Unicode Path field,
 * undeclared UTF-8, else Thai Windows-874 / TIS-620) and what to do with an
 * entry (read it, open it as an archive, skip it, refuse it as unsafe).
 */
import type { Entry } from 'yauzl';
import { crc32 } from './_crc32.js';

const UNICODE_PATH_FIELD = 0x7075;
const UTF8_FLAG = 0x800;

/** Extensions the readers take (see readers/sniff.ts), and the archive ones the batch opens. */
export const DOCUMENT_EXTENSIONS = new Set(['pdf', 'docx', 'html', 'htm', 'xhtml', 'md', 'markdown', 'txt', 'text', 'tsv']);
export const ARCHIVE_EXTENSIONS = new Set(['zip']);

function unicodePathField(entry: Pick<Entry, 'extraFields' | 'fileNameRaw'>): string | null {
  for (const f of entry.extraFields) {
    if (f.id !== UNICODE_PATH_FIELD || f.data.length < 6 || f.data[0] !== 1) continue;
    if (f.data.readUInt32LE(1) !== crc32(entry.fileNameRaw)) continue;
    return new TextDecoder('utf-8').decode(f.data.subarray(5));
  }
  return null;
}

/** The name bytes as text: what the zip declares, else UTF-8 when the bytes are UTF-8, else CP874. */
export function decodeEntryName(entry: Pick<Entry, 'extraFields' | 'fileNameRaw' | 'generalPurposeBitFlag'>): string {
  const raw = entry.fileNameRaw;
  let name = unicodePathField(entry);
  if (name === null && entry.generalPurposeBitFlag & UTF8_FLAG) name = new TextDecoder('utf-8').decode(raw);
  if (name === null) {
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      // zip's default is CP437, but Thai Windows writes the ANSI code page, CP874
      name = new TextDecoder('windows-874').decode(raw);
    }
  }
  return name.replace(/\\/g, '/');
}

/** Why a name must not be used as a path (zip-slip), or null. */
export function unsafeName(name: string): string | null {
  if (name.includes('\0')) return 'a NUL character';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').includes('..')) return 'a ".." segment';
  return null;
}

export type EntryKind = 'directory' | 'junk' | 'document' | 'archive' | 'other';

export function extensionOf(name: string): string {
  return /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** What a file name found in a folder or an archive is, from its name alone. */
export function classifyName(name: string): EntryKind {
  if (name.endsWith('/')) return 'directory';
  const base = name.slice(name.lastIndexOf('/') + 1);
  // macOS resource forks and Finder/Explorer files: never documents, even when named ._report.pdf
  if (name.startsWith('__MACOSX/') || base.startsWith('._') || base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini') return 'junk';
  const ext = extensionOf(base);
  if (DOCUMENT_EXTENSIONS.has(ext)) return 'document';
  if (ARCHIVE_EXTENSIONS.has(ext)) return 'archive';
  return 'other';
}
