/**
 * Which OCR engine to use: the native `tesseract` command when it is
 * installed with Thai data (Debian: tesseract-ocr tesseract-ocr-tha), else
 * the bundled tesseract.js. Same interface and, on the bench's pages, the
 * same or better accuracy; the native engine takes about 60 % of the CPU
 * time of tesseract.js per page (bench/RESULTS.md).
 */
import type { OcrEngine, OcrEngineOptions } from './engine.js';

export type OcrEngineKind = 'js' | 'native' | 'auto';

export interface ChooseOcrEngineOptions extends OcrEngineOptions {
  /** js: tesseract.js; native: the tesseract command (an error when missing); auto (default): native when installed, else js. */
  kind?: OcrEngineKind;
}

let nativeProbe: Promise<boolean> | null = null;

/** Whether the native tesseract with Thai is installed (asked once per thread). */
export function nativeInstalled(): Promise<boolean> {
  nativeProbe ??= import('./native.js').then((n) => n.nativeTesseractAvailable()).then((t) => t !== null);
  return nativeProbe;
}

/** Creates the engine of `kind` (see {@link ChooseOcrEngineOptions}); its `name` says which it is. */
export async function chooseOcrEngine(options: ChooseOcrEngineOptions = {}): Promise<OcrEngine> {
  const { kind = 'auto', ...engineOptions } = options;
  if (kind !== 'js' && (await nativeInstalled())) {
    const { createNativeOcrEngine } = await import('./native.js');
    return createNativeOcrEngine(engineOptions);
  }
  if (kind === 'native') throw new Error('the native tesseract (with Thai) is not installed: apt-get install tesseract-ocr tesseract-ocr-tha');
  const { createOcrEngine } = await import('./engine.js');
  return createOcrEngine(engineOptions);
}
