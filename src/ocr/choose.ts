/**
 * Which OCR engine to use: the bundled tesseract.js (js, the default), the
 * native `tesseract` command (native; Debian: tesseract-ocr
 * tesseract-ocr-tha), or the native one when it is installed with Thai,
 * else tesseract.js (auto). Both read with the same (packaged) models.
 * tesseract.js stays the default: the native engine costs about a quarter
 * less CPU per scanned page (0.55 against 0.72–0.73 of today's path), but
 * reads one or two header fields fewer on the scan benches (its Tesseract
 * 5.3 misreads single characters tesseract.js's build does not, e.g.
 * "ประจำปู" for "ประจำปี"; bench/RESULTS.md, "OCR cost, session 11").
 */
import type { OcrEngine, OcrEngineOptions } from './engine.js';

export type OcrEngineKind = 'js' | 'native' | 'auto';

export interface ChooseOcrEngineOptions extends OcrEngineOptions {
  /** js (default): tesseract.js; native: the tesseract command (an error when missing); auto: native when installed, else js. */
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
  const { kind = 'js', ...engineOptions } = options;
  if (kind !== 'js' && (await nativeInstalled())) {
    const { createNativeOcrEngine } = await import('./native.js');
    return createNativeOcrEngine(engineOptions);
  }
  if (kind === 'native') throw new Error('the native tesseract (with Thai) is not installed: apt-get install tesseract-ocr tesseract-ocr-tha');
  const { createOcrEngine } = await import('./engine.js');
  return createOcrEngine(engineOptions);
}
