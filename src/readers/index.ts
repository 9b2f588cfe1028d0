/**
 * Readers: bytes → blocks. One reader per format, chosen from a table.
 */
import type { ReadDocument } from '../model/blocks.js';
import type { Format } from '../model/schema.js';
import { type DocxOptions, readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { decodeHtml, decodeText } from './sniff.js';
import { readText } from './text.js';

export type ReadOptions = DocxOptions;

type Reader = (bytes: Uint8Array, options: ReadOptions) => Promise<ReadDocument>;

const READERS: Record<Format, Reader> = {
  text: async (b) => readText(decodeText(b), 'text'),
  markdown: async (b) => readText(decodeText(b), 'markdown'),
  html: async (b) => readHtml(decodeHtml(b)),
  docx: (b, o) => readDocx(b, o),
  pdf: (b) => readPdf(b),
};

export async function readDocument(bytes: Uint8Array, format: Format, options: ReadOptions = {}): Promise<ReadDocument> {
  return READERS[format](bytes, options);
}

export { ReadError } from './errors.js';
export { sniffFormat, decodeText, decodeHtml } from './sniff.js';
export { readText, textToBlocks } from './text.js';
export { readHtml, htmlToBlocks } from './html.js';
export { readDocx } from './docx.js';
export { readPdf, pagesNeedingOcr } from './pdf.js';
