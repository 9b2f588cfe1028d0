/**
 * Putting OCR'd pages into a document read from a PDF's text layer.
 */
import type { Block, ReadDocument } from '../model/blocks.js';
import type { OcrPdfResult } from './pdf.js';
import type { OcrDiagnostic } from './types.js';

export interface MergedDocument {
  /** The document with the OCR'd pages' blocks in place of the text layer's (ocr: true when any). */
  doc: ReadDocument;
  /** Mean OCR confidence (0–100) of each block of doc.blocks, null for blocks from the text layer. */
  confidence: Array<number | null>;
  /** OCR diagnostics (codes not in the model's DiagnosticCode enum yet). */
  diagnostics: OcrDiagnostic[];
}

/**
 * Replaces the blocks of `pages` (what the text layer gave for them, if
 * anything) by the OCR blocks, keeping page order; every other block and
 * diagnostic stays. The TEXT_LAYER_BROKEN warnings of OCR'd pages stay too:
 * they say why the page was read from its image.
 */
export function mergeOcr(doc: ReadDocument, pages: readonly number[], ocr: OcrPdfResult): MergedDocument {
  const replaced = new Set(pages);
  const byPage = new Map<number, Array<{ block: Block; confidence: number }>>();
  ocr.blocks.forEach((b, i) => {
    const p = b.source.page ?? 0;
    const list = byPage.get(p) ?? [];
    list.push({ block: b, confidence: ocr.confidence[i] ?? 0 });
    byPage.set(p, list);
  });
  const blocks: Block[] = [];
  const confidence: Array<number | null> = [];
  const pushOcr = (p: number): void => {
    for (const x of byPage.get(p) ?? []) {
      blocks.push(x.block);
      confidence.push(x.confidence);
    }
    byPage.delete(p);
  };
  for (const b of doc.blocks) {
    const p = b.source.page;
    if (p !== null && replaced.has(p)) continue;
    // OCR'd pages before this block's page come first
    if (p !== null) for (const q of [...byPage.keys()].sort((a, c) => a - c)) if (q < p) pushOcr(q);
    blocks.push(b);
    confidence.push(null);
  }
  for (const q of [...byPage.keys()].sort((a, c) => a - c)) pushOcr(q);
  return {
    doc: { ...doc, blocks, ocr: doc.ocr || ocr.blocks.length > 0 },
    confidence,
    diagnostics: ocr.diagnostics,
  };
}
