/**
 * OCR engines wrapped by the benches (to count, time, record or replay what they are sent): one place
 * that forwards every property of the engine wrapped. A wrapper that listed them by hand once left
 * out `languagesPerImage`, and extract() then took the engine for one reading every language at once:
 * every replayed scan figure of sessions 7–10 was measured on that path, not the default one.
 */
import { createHash } from 'node:crypto';
import type { OcrEngine, RecogniseOptions } from '../src/ocr/engine.js';
import type { GreyImage } from '../src/ocr/types.js';

/** `inner` with its recognise() replaced; languages, workers, name, languagesPerImage and terminate() are inner's. */
export function withRecognise(inner: OcrEngine, recognise: OcrEngine['recognise']): OcrEngine {
  return {
    get languages() {
      return inner.languages;
    },
    get workers() {
      return inner.workers;
    },
    get name() {
      return inner.name;
    },
    get languagesPerImage() {
      return inner.languagesPerImage;
    },
    recognise,
    terminate: () => inner.terminate(),
  };
}

/** What an image and its options are, for a memo or a cache file: pixels (or file bytes) and options hashed. */
export function imageKey(image: Buffer | Uint8Array | GreyImage, options?: RecogniseOptions): string {
  const h = createHash('sha1');
  if (image instanceof Uint8Array) h.update(image);
  else {
    h.update(`${image.width}x${image.height}`);
    h.update(image.data);
  }
  h.update(JSON.stringify(options ?? {}));
  return h.digest('hex');
}
