/**
 * The default OCR engine (src/ocr/choose.ts): the native tesseract where it
 * is installed with Thai, else tesseract.js, and the engine says which it
 * is. Engines start nothing until their first image, so this is quick.
 */
import { describe, expect, it } from 'vitest';
import { chooseOcrEngine } from '../../src/ocr/choose.js';
import { nativeTesseractAvailable } from '../../src/ocr/native.js';

describe('chooseOcrEngine', () => {
  it('picks the native tesseract when it is installed, else tesseract.js, and reports which', async () => {
    const native = await nativeTesseractAvailable();
    const e = await chooseOcrEngine({ workers: 1 });
    try {
      expect(e.name).toBe(native ? 'tesseract (native)' : 'tesseract.js');
      expect(e.workers).toBe(1);
      expect(e.languages).toBe('tha+eng');
    } finally {
      await e.terminate();
    }
  });

  it('gives tesseract.js when asked for js, and the native engine or an error when asked for native', async () => {
    const js = await chooseOcrEngine({ kind: 'js', workers: 1 });
    expect(js.name).toBe('tesseract.js');
    await js.terminate();
    if (await nativeTesseractAvailable()) {
      const n = await chooseOcrEngine({ kind: 'native', workers: 1 });
      expect(n.name).toBe('tesseract (native)');
      await n.terminate();
    } else {
      await expect(chooseOcrEngine({ kind: 'native' })).rejects.toThrow(/not installed/);
    }
  });
});
