/**
 * Which reader a file needs, from its first bytes and then its name.
 */
import type { Format } from '../model/schema.js';

const BY_EXTENSION: Record<string, Format> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  tsv: 'text',
};

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The format of `bytes`, or null when neither bytes nor name tell. */
export function sniffFormat(bytes: Uint8Array, fileName?: string | null): Format | null {
  // %PDF may follow a few junk bytes; the spec allows it within the first 1024
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const text = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<(head|body|table|p|div|h[1-6])[\s>]/.test(text)) return 'html';
  if (/^#{1,6} |^\*\*/m.test(text)) return 'markdown';
  return null;
}

/** Text of a file: UTF-8 (BOM optional), else Thai Windows-874/TIS-620. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}
