/**
 * Choosing the OCR engine (src/ocr/choose.ts): tesseract.js by default,
 * auto takes the native tesseract where it is installed with Thai, and the
 * engine says which it is. Engines start nothing until their first image,
 * so this is quick.
 */
import { describe, expect, it } from 'vitest';
import { chooseOcrEngine } from '../../src/ocr/choose.js';
import { nativeTesseractAvailable } from '../../src/ocr/native.js';

describe('chooseOcrEngine', () => {
  it('auto picks the native tesseract when it is installed, else tesseract.js, and reports which', async () => {
    const native = await nativeTesseractAvailable();
    const e = await chooseOcrEngine({ kind: 'auto', workers: 1 });
    try {
      expect(e.name).toBe(native ? 'tesseract (native)' : 'tesseract.js');
      expect(e.workers).toBe(1);
      expect(e.languages).toBe('tha+eng');
    } finally {
      await e.terminate();
    }
  });

  it('gives tesseract.js by default and for js, and the native engine or an error for native', async () => {
    for (const js of [await chooseOcrEngine({ workers: 1 }), await chooseOcrEngine({ kind: 'js', workers: 1 })]) {
      expect(js.name).toBe('tesseract.js');
      await js.terminate();
    }
    if (await nativeTesseractAvailable()) {
      const n = await chooseOcrEngine({ kind: 'native', workers: 1 });
      expect(n.name).toBe('tesseract (native)');
      await n.terminate();
    } else {
      await expect(chooseOcrEngine({ kind: 'native' })).rejects.toThrow(/not installed/);
    }
  });
});
