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
  const text = decodeText(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<(head|body|table|p|div|h[1-6])[\s>]/.test(text)) return 'html';
  if (/^#{1,6} |^\*\*/m.test(text)) return 'markdown';
  return null;
}

/** The encoding a byte-order mark names, and the mark's length. */
function byBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark, from the first 4 KB: text files hold no
 * NUL bytes, but UTF-16 has one in the high byte of every ASCII character
 * (spaces, digits, line ends), and Thai (U+0E00–U+0E7F) has 0x0E there. So:
 * one code unit in fifty or more with a NUL high byte, and nearly all high
 * bytes 0x00, 0x0E or 0x20 (punctuation) while nearly no low byte is NUL.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  const units = n / 2;
  for (const [hi, lo, encoding] of [[1, 0, 'utf-16le'], [0, 1, 'utf-16be']] as const) {
    let nul = 0;
    let plausible = 0;
    let lowNul = 0;
    for (let i = 0; i < n; i += 2) {
      const h = bytes[i + hi] ?? 0;
      if (h === 0) nul++;
      if (h === 0 || h === 0x0e || h === 0x20) plausible++;
      if ((bytes[i + lo] ?? 0) === 0) lowNul++;
    }
    if (nul >= Math.max(2, units / 50) && plausible >= units * 0.95 && lowNul <= units / 50) return encoding;
  }
  return null;
}

/**
 * Text of a file: by its byte-order mark (UTF-8, UTF-16LE/BE: what Word's
 * "Unicode text" writes), else UTF-16 recognised by its NUL bytes, else UTF-8,
 * else `fallback` (a charset the file declares, if the platform knows it), else
 * Thai Windows-874/TIS-620.
 */
export function decodeText(bytes: Uint8Array, fallback?: string): string {
  const bom = byBom(bytes);
  if (bom) return new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.skip));
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(knownLabel(fallback) ?? 'windows-874').decode(bytes);
  }
}

function knownLabel(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * Text of an HTML file: as decodeText, with the charset its <meta> declares
 * (within the first 4 KB) used when the bytes are not UTF-8.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head)?.[1];
  return decodeText(bytes, declared);
}
