/**
 * What a DOCX holds before mammoth is given it. mammoth (through JSZip and
 * xmldom) inflates each part whole and parses it recursively, so a hostile
 * file can exhaust the heap (an 820 KB zip whose document.xml inflates to
 * gigabytes) or the stack (tables nested 3,000 deep). Here every XML part is
 * inflated as a stream with a byte cap, never kept whole unless it is short,
 * and scanned for what mammoth cannot survive:
 *
 * - its size: the XML parts together may inflate to at most `maxXml` bytes;
 *   declared sizes are checked first, and actual ones while inflating (a zip
 *   can lie about them);
 * - a DOCTYPE or ENTITY declaration (Word never writes one; "billion laughs");
 * - how deep tables (`w:tbl`) and elements nest.
 *
 * mammoth's embedded style map (`mammoth/style-map`, which mammoth reads when
 * present) counts towards the cap too. Images are not inflated: the reader
 * tells mammoth not to read them.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { shadingPaints } from './_docx-shading.js';
import { ReadError } from './errors.js';

export interface PartScan {
  name: string;
  /** Deepest table nesting (a table in a cell of a table: 2). */
  tableDepth: number;
  /** Deepest element nesting. */
  elementDepth: number;
  /** Rows marked `<w:tblHeader w:val="false"/>` (or "0", "off"): not header rows, though mammoth takes any tblHeader for one. */
  offHeaders: number;
  /** Cells filled with a colour (<w:shd> in <w:tcPr>): mammoth drops the shading, so the part is rewritten to carry it. */
  shadedCells: number;
  /** The part's text, kept only when it must be rewritten: tables nested deeper than `keepTablesDeeperThan`, off tblHeader marks, or shaded cells. */
  text: string | null;
}

export interface DocxScanOptions {
  /** Bytes the XML parts may inflate to, together. */
  maxXml: number;
  /** Parts whose tables nest deeper than this keep their text (to be flattened). */
  keepTablesDeeperThan: number;
  /** Parts in the archive, at most. */
  maxParts?: number;
}

/** Parts mammoth reads: the XML, and the style map it embeds (read unless told not to; plain text). */
const XML_PART = /\.(xml|rels)$|^mammoth\/style-map$/i;
const MAX_PARTS = 10_000;
const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

/** Every XML part of the DOCX, scanned; throws ReadError for what cannot be read safely. */
export async function scanDocx(bytes: Uint8Array, options: DocxScanOptions): Promise<PartScan[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (e) {
    throw new ReadError('CORRUPT_FILE', `not a readable DOCX: ${(e as Error).message}`);
  }
  const maxParts = options.maxParts ?? MAX_PARTS;
  if (zip.entryCount > maxParts) {
    zip.close();
    throw new ReadError('TOO_LARGE', `the DOCX has ${zip.entryCount} parts (more than ${maxParts})`);
  }
  const parts: PartScan[] = [];
  let inflated = 0;
  const tooLarge = (what: string) =>
    new ReadError('TOO_LARGE', `the DOCX's XML ${what}, more than the ${mib(options.maxXml)} allowed for a file of ${mib(bytes.byteLength)} (a zip bomb?)`);
  try {
    for await (const entry of zip.eachEntry()) {
      const name = Buffer.from(entry.fileName as unknown as Uint8Array).toString('utf8');
      if (!XML_PART.test(name)) continue;
      if (inflated + entry.uncompressedSize > options.maxXml) {
        throw tooLarge(`would inflate to ${mib(inflated + entry.uncompressedSize)} (${name}: ${mib(entry.uncompressedSize)})`);
      }
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (e) {
        throw new ReadError('CORRUPT_FILE', `not a readable DOCX: ${name}: ${(e as Error).message}`);
      }
      const scan = new XmlScan();
      const decoder = new TextDecoder('utf-8');
      const kept: string[] = [];
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          // validateEntrySizes stops a part at its declared size; this stops the whole at the cap
          if (inflated > options.maxXml) throw tooLarge(`inflates to more than ${mib(options.maxXml)} (at ${name})`);
          const text = decoder.decode(chunk, { stream: true });
          scan.feed(text);
          kept.push(text);
          if (scan.doctype) {
            throw new ReadError('CORRUPT_FILE', `the DOCX's XML (${name}) declares a DOCTYPE or entities, which Word never writes (an entity expansion attack?)`);
          }
        }
      } catch (e) {
        stream.destroy();
        if (e instanceof ReadError) throw e;
        // yauzl stops a part at the size it declares: the zip lies about it
        if (/too many bytes in the stream/.test((e as Error).message)) {
          throw new ReadError('TOO_LARGE', `the DOCX's ${name} inflates to more than the ${entry.uncompressedSize} bytes it declares (a zip bomb?)`);
        }
        throw new ReadError('CORRUPT_FILE', `not a readable DOCX: ${name}: ${(e as Error).message}`);
      }
      const rewrite = scan.maxTables > options.keepTablesDeeperThan || scan.offHeaders > 0 || scan.shadedCells > 0;
      parts.push({
        name,
        tableDepth: scan.maxTables,
        elementDepth: scan.maxDepth,
        offHeaders: scan.offHeaders,
        shadedCells: scan.shadedCells,
        text: rewrite ? kept.join('') + decoder.decode() : null,
      });
    }
  } finally {
    zip.close();
  }
  return parts;
}

/** The deepest element nesting of an XML text. */
export function elementDepth(xml: string): number {
  const scan = new XmlScan();
  scan.feed(xml);
  return scan.maxDepth;
}

/** Tags of an XML text fed in pieces: nesting depths and any DOCTYPE/ENTITY declaration. */
class XmlScan {
  maxDepth = 0;
  maxTables = 0;
  offHeaders = 0;
  shadedCells = 0;
  doctype = false;
  private cellProps = 0;
  private depth = 0;
  private tables = 0;
  private carry = '';

  feed(text: string): void {
    const s = this.carry + text;
    let last = 0;
    for (const m of s.matchAll(TAG)) {
      this.tag(m[0]);
      last = (m.index ?? 0) + m[0].length;
    }
    // an unfinished tag waits for the next piece (a runaway one is dropped past 64 KB)
    const open = s.indexOf('<', last);
    this.carry = open >= 0 && s.length - open < 65_536 ? s.slice(open) : '';
  }

  private tag(t: string): void {
    const c = t[1];
    if (c === '!') {
      if (/^<!(DOCTYPE|ENTITY)/i.test(t)) this.doctype = true;
      return;
    }
    if (c === '?') return;
    if (c === '/') {
      this.depth--;
      if (t.startsWith('</w:tcPr')) this.cellProps--;
      if (TABLE_CLOSE.test(t)) this.tables--;
      return;
    }
    if (t.endsWith('/>')) {
      if (OFF_HEADER.test(t)) this.offHeaders++;
      else if (this.cellProps > 0 && shadingPaints(t)) this.shadedCells++;
      return;
    }
    if (/^<w:tcPr[\s>]/.test(t)) this.cellProps++;
    this.depth++;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (TABLE_OPEN.test(t)) {
      this.tables++;
      if (this.tables > this.maxTables) this.maxTables = this.tables;
    }
  }
}

const TAG = /<[^<>]*>/g;
/** A row's header mark switched off (ST_OnOff: false, 0, off). */
const OFF_HEADER_SRC = `<w:tblHeader\\s[^>]*\\bw:val\\s*=\\s*["'](?:false|0|off)["'][^>]*\\/>`;
const OFF_HEADER = new RegExp(`^${OFF_HEADER_SRC}$`);
const OFF_HEADERS = new RegExp(OFF_HEADER_SRC, 'g');

/** A part's XML without the header marks that say "not a header" (mammoth reads any tblHeader as one). */
export function dropOffHeaders(xml: string): string {
  return xml.replace(OFF_HEADERS, '');
}
const TABLE_OPEN = /^<w:tbl[\s>]/;
const TABLE_CLOSE = /^<\/w:tbl[\s>]/;
/** Elements of a table's structure: dropped in the levels that are flattened. */
const STRUCTURE = /^<\/?w:(?:tbl|tr|tc)[\s/>]/;
/** Property elements of a table, row or cell: dropped whole in flattened levels. */
const PROPERTIES = /^<w:(?:tblPr|tblGrid|trPr|tcPr|tblPrEx)[\s/>]/;

/**
 * A part's XML with tables nested deeper than `maxDepth` flattened: their
 * table, row and cell elements (and properties) are removed, so the
 * paragraphs in them become paragraphs of the enclosing cell at `maxDepth`.
 */
export function flattenTables(xml: string, maxDepth: number): string {
  let tables = 0;
  let skip = 0;
  return xml.replace(TAG, (t) => {
    if (t[1] === '!' || t[1] === '?') return t;
    const closing = t[1] === '/';
    const selfClosing = t.endsWith('/>');
    if (skip > 0) {
      if (closing) skip--;
      else if (!selfClosing) skip++;
      return '';
    }
    if (TABLE_OPEN.test(t) && !selfClosing) tables++;
    const inFlattened = tables > maxDepth;
    if (TABLE_CLOSE.test(t)) tables--;
    if (!inFlattened) return t;
    if (STRUCTURE.test(t)) return '';
    if (PROPERTIES.test(t)) {
      if (!selfClosing) skip = 1;
      return '';
    }
    return t;
  });
}
