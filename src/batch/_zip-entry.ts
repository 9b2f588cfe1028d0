/**
 * Zip entry names: decoding (UTF-8 flag, Info-ZIP Unicode Path field,
 * undeclared UTF-8, else Thai Windows-874 / TIS-620, else zip's own CP437)
 * and what to do with an entry (read it, open it as an archive, skip it,
 * refuse it as unsafe).
 */
import yauzl, { type Entry } from 'yauzl';
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

/**
 * Windows-874 (TIS-620 plus a few punctuation marks), with full ICU as
 * Node's official builds have it; without it (a small-icu build), the Thai
 * block alone, which is TIS-620's fixed offset (0xA1–0xFB ↔ U+0E01–U+0E5B).
 */
function decodeCp874(raw: Uint8Array): string {
  try {
    return new TextDecoder('windows-874').decode(raw);
  } catch {
    return String.fromCodePoint(...[...raw].map((b) => (b < 0x80 ? b : b >= 0xa1 && b <= 0xfb ? b - 0xa1 + 0x0e01 : 0xfffd)));
  }
}

const THAI = /[\u0E01-\u0E5B]/;

/**
 * The name bytes as text: what the zip declares (the UTF-8 flag, the Info-ZIP
 * Unicode Path field); else UTF-8 when the bytes are valid UTF-8; else
 * Windows-874 when that reads as Thai with no undefined byte (what Windows
 * in a Thai locale writes); else CP437, zip's default (e.g. "Résumé" from a
 * Western DOS or Windows tool).
 */
export function decodeEntryName(entry: Pick<Entry, 'extraFields' | 'fileNameRaw' | 'generalPurposeBitFlag'>): string {
  const raw = entry.fileNameRaw;
  let name = unicodePathField(entry);
  if (name === null && entry.generalPurposeBitFlag & UTF8_FLAG) name = new TextDecoder('utf-8').decode(raw);
  if (name === null) {
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      const thai = decodeCp874(raw);
      name = THAI.test(thai) && !thai.includes('\uFFFD') ? thai : yauzl.getFileNameLowLevel(0, Buffer.from(raw), [], false);
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
