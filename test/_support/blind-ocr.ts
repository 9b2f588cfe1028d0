import type { OcrEngine } from '../../src/ocr/engine.js';

/** An OCR engine that reads nothing: pages are still rendered for it, recognition costs nothing. */
export const blindOcr: OcrEngine = {
  languages: 'tha',
  workers: 1,
  recognise: async () => ({ words: [], confidence: 0, width: 0, height: 0 }),
  terminate: async () => undefined,
};
