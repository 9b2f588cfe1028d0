/**
 * Why a PDF gave no usable text, in words a person can act on: a blank
 * document is EMPTY_INPUT, but pages without a text layer while OCR was
 * off, pages whose text is there yet unreadable (no Unicode map, damaged
 * content) and pages OCR read nothing on each get their own message, from
 * the reader's and OCR's page diagnostics.
 */
import type { ReadDocument } from '../model/blocks.js';
import type { Diagnostic, ErrorCode } from '../model/schema.js';
import { NO_TEXT_LAYER } from './_pdf-quality.js';

/** How extract was told to use OCR: off ('never') or not. */
const OCR_OFF_HINT = "OCR was off (ocr: 'never', --ocr never)";

/** Up to three page messages, joined ("page 1: …; page 2: …; and 4 more pages"). */
function pagesSaying(ds: Diagnostic[]): string {
  const shown = ds.slice(0, 3).map((d) => d.message);
  return ds.length > 3 ? `${shown.join('; ')}; and ${ds.length - 3} more pages` : shown.join('; ');
}

/** The reader's TEXT_LAYER_BROKEN pages: those with no text layer (images, outlines), and those whose text is there but unusable. */
function brokenPages(read: ReadDocument): { noLayer: Diagnostic[]; lost: Diagnostic[] } {
  const broken = read.diagnostics.filter((d) => d.code === 'TEXT_LAYER_BROKEN');
  const noLayer = broken.filter((d) => d.message.replace(/^page \d+: /, '').startsWith(NO_TEXT_LAYER));
  return { noLayer, lost: broken.filter((d) => !noLayer.includes(d)) };
}

/** The error for a PDF that yielded no block at all, after OCR when it ran. */
export function noTextError(read: ReadDocument, ocrOff: boolean): { code: ErrorCode; message: string } {
  const { noLayer, lost } = brokenPages(read);
  const ocrFailed = read.diagnostics.filter((d) => d.code === 'OCR_FAILED');
  const ocrNote = ocrOff ? `, and ${OCR_OFF_HINT}` : ocrFailed.length > 0 ? `; ${pagesSaying(ocrFailed)}` : ', and OCR read no text there';
  if (lost.length > 0) return { code: 'CORRUPT_FILE', message: `the PDF's text is lost: ${pagesSaying([...lost, ...noLayer])}${ocrNote}` };
  if (noLayer.length > 0) return { code: 'EMPTY_INPUT', message: `no text to read: ${pagesSaying(noLayer)}${ocrNote}` };
  return { code: 'EMPTY_INPUT', message: read.pages ? `the document has no text: its ${read.pages === 1 ? 'page is' : `${read.pages} pages are`} blank` : 'the document has no text' };
}

/** For a PDF read without OCR whose pages had an unusable text layer: what a NOT_ITA_REPORT verdict should add ("" when nothing). */
export function unreadPagesHint(read: ReadDocument, ocrOff: boolean): string {
  if (!ocrOff) return '';
  const { noLayer, lost } = brokenPages(read);
  const pages = [...lost, ...noLayer];
  return pages.length === 0 ? '' : ` (${pagesSaying(pages)}, and ${OCR_OFF_HINT})`;
}
