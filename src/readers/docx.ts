/**
 * DOCX → blocks: mammoth converts the document to HTML (tables with merged
 * cells, headings from styles, lists, footnotes), and the HTML reader's
 * step turns that into blocks. Source lines mean nothing here, so they are null.
 */
import mammoth from 'mammoth';
import type { ReadDocument } from '../model/blocks.js';
import { ReadError } from './errors.js';
import { htmlToBlocks } from './html.js';

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch (e) {
    throw new ReadError('CORRUPT_FILE', `not a readable DOCX: ${(e as Error).message}`);
  }
  return { format: 'docx', blocks: htmlToBlocks(html, { lines: false }), pages: null, ocr: false, diagnostics: [] };
}
