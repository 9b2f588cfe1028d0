/**
 * OCR for scanned pages (and pages whose text layer is unusable):
 * tesseract.js with the Thai and English models shipped by
 * @tesseract.js-data, fully offline.
 *
 *   const engine = createOcrEngine();          // once, reused across files
 *   const doc = await readPdf(bytes);
 *   const pages = pagesNeedingOcr(doc);
 *   const ocr = await ocrPdf(bytes, pages, engine);
 *   …
 *   await engine.terminate();
 */
export { type OcrEngine, type OcrEngineOptions, type RecogniseOptions, OcrError, createOcrEngine } from './engine.js';
export { type OcrLayout, type OcrLayoutOptions, ocrLayout, ocrToBlocks } from './layout.js';
export { type NumberDecision, type NumberKind } from './numbers.js';
export { type OcrPageReport, type OcrPdfOptions, type OcrPdfResult, ocrPdf } from './pdf.js';
export { type PdfRenderer, type RenderedPage, openPdfRenderer, renderPdfPage } from './render.js';
export type { BBox, GreyImage, OcrDiagnostic, OcrDiagnosticCode, OcrResult, OcrWord } from './types.js';
export { type MergedDocument, mergeOcr } from './merge.js';
export { type ChooseOcrEngineOptions, type OcrEngineKind, chooseOcrEngine } from './choose.js';
export {
  type NativeOcrEngineOptions,
  type NativeTesseract,
  createNativeOcrEngine,
  nativeTesseractAvailable,
  parseTesseractTsv,
} from './native.js';
