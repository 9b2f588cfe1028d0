/**
 * DOCX → blocks: mammoth converts the document to HTML (tables with merged
 * cells, headings from styles, lists, footnotes), and the HTML reader's
 * step turns that into blocks. Source lines mean nothing here, so they are null.
 *
 * Before mammoth sees the file, its XML is inflated as a stream under a cap
 * and scanned (see _docx-zip.ts): too much XML is TOO_LARGE, a DOCTYPE is
 * CORRUPT_FILE, tables nested deeper than MAX_TABLE_DEPTH are flattened (the
 * HTML step folds tables below the second level into text anyway) with a
 * TABLE_NESTING_FLATTENED diagnostic, and other nesting deeper than
 * MAX_ELEMENT_DEPTH is CORRUPT_FILE: mammoth recurses per element and would
 * overflow the stack.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { ReadDocument } from '../model/blocks.js';
import type { Diagnostic } from '../model/schema.js';
import { markShadedCells } from './_docx-shading.js';
import { dropOffHeaders, elementDepth, flattenTables, scanDocx } from './_docx-zip.js';
import { ReadError } from './errors.js';
import { htmlToBlocks } from './html.js';
import { TAB_SENTINEL, tabbedParagraphTables } from './_docx-tabs.js';

export interface DocxOptions {
  /** The input limit (extract's maxBytes): the XML may not inflate beyond it either. */
  maxBytes?: number;
}

/** Tables nested deeper than this are flattened into the cell at this depth. */
export const MAX_TABLE_DEPTH = 32;
/** Elements nested deeper than this (after flattening) are refused; mammoth overflows the stack near 2,000. */
export const MAX_ELEMENT_DEPTH = 400;
/** XML per byte of DOCX, and the floor and ceiling of that allowance (Word's XML compresses about 16×; mammoth takes about 80 bytes of memory per byte of XML). */
const XML_RATIO = 64;
const MIN_XML = 4 * 2 ** 20;
export const MAX_XML = 16 * 2 ** 20;

/** The bytes a DOCX's XML parts may inflate to together. */
export function maxXmlFor(size: number, maxBytes = Infinity): number {
  return Math.min(maxBytes, MAX_XML, Math.max(MIN_XML, XML_RATIO * size));
}

export async function readDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<ReadDocument> {
  const parts = await scanDocx(bytes, { maxXml: maxXmlFor(bytes.byteLength, options.maxBytes), keepTablesDeeperThan: MAX_TABLE_DEPTH });
  const diagnostics: Diagnostic[] = [];
  let input: Buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rewrite = parts.filter((p) => p.text !== null);
  if (rewrite.length > 0) {
    const zip = await JSZip.loadAsync(input);
    for (const p of rewrite) {
      const unheaded = p.offHeaders > 0 ? dropOffHeaders(p.text ?? '') : (p.text ?? '');
      const xml = p.shadedCells > 0 ? markShadedCells(unheaded).xml : unheaded;
      if (p.tableDepth <= MAX_TABLE_DEPTH) {
        zip.file(p.name, xml);
        continue;
      }
      const flat = flattenTables(xml, MAX_TABLE_DEPTH);
      p.elementDepth = elementDepth(flat);
      zip.file(p.name, flat);
      diagnostics.push({
        severity: 'warning',
        code: 'TABLE_NESTING_FLATTENED',
        message: `tables in ${p.name} are nested ${p.tableDepth} deep; those below level ${MAX_TABLE_DEPTH} were read as paragraphs of the cell that holds them`,
        origin: 'readers/docx',
        source: null,
        actual: String(p.tableDepth),
        expected: `≤ ${MAX_TABLE_DEPTH}`,
      });
    }
    input = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  }
  const deepest = parts.reduce((a, p) => (p.elementDepth > a.elementDepth ? p : a), { name: '', elementDepth: 0 });
  if (deepest.elementDepth > MAX_ELEMENT_DEPTH) {
    throw new ReadError('CORRUPT_FILE', `the DOCX's XML (${deepest.name}) nests elements ${deepest.elementDepth} deep (more than ${MAX_ELEMENT_DEPTH})`);
  }
  let html: string;
  try {
    // images are never read: no text comes from them
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer: input }, { convertImage })).value;
  } catch (e) {
    throw new ReadError('CORRUPT_FILE', `not a readable DOCX: ${(e as Error).message}`);
  }
  // a tab survives the HTML step as a sentinel: paragraphs laid out in columns with tab stops are a table
  const blocks = tabbedParagraphTables(htmlToBlocks(html.replace(/\t/g, TAB_SENTINEL), { lines: false }));
  return { format: 'docx', blocks, pages: null, ocr: false, diagnostics };
}
