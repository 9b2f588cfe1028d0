/**
 * The tesseract.js engine's language folder: reading "tha+eng" needs a
 * temporary folder of links (one langPath for both models). It must live
 * only while an engine uses it, so a terminated engine leaves nothing behind
 * even in a thread that is later killed without running exit hooks (a test
 * runner's worker, a user's worker thread).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine } from '../../src/ocr/engine.js';
import { setOcrTempParent } from '../../src/ocr/temp.js';

// a blank page with one black bar: enough for a worker to load its models and read
const page = { width: 200, height: 60, data: new Uint8Array(200 * 60).fill(255) };
for (let y = 25; y < 35; y++) for (let x = 40; x < 160; x++) page.data[y * 200 + x] = 0;

let parent = '';
const made = (): string[] => readdirSync(parent).filter((f) => f.startsWith('ita-ocr-'));

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'ita-engine-temp-test-'));
  setOcrTempParent(parent);
});
afterAll(() => {
  setOcrTempParent(null);
  rmSync(parent, { recursive: true, force: true });
});

describe('the tesseract.js engine leaves no language folder behind', () => {
  it('removes the tha+eng folder when the last engine using it is terminated', async () => {
    const a = createOcrEngine({ workers: 1, languages: 'tha+eng' });
    const b = createOcrEngine({ workers: 1, languages: 'tha+eng' });
    expect(made()).toHaveLength(1); // shared by both engines
    await a.recognise(page);
    await a.terminate();
    expect(made()).toHaveLength(1); // b still uses it
    await b.recognise(page);
    await b.terminate();
    expect(made()).toEqual([]);
    // a new engine after that makes it again, and removes it again
    const c = createOcrEngine({ workers: 1, languages: 'tha+eng' });
    expect(made()).toHaveLength(1);
    await c.terminate();
    expect(made()).toEqual([]);
  }, 120_000);

  it('needs no folder for one language (the package folder is read as it is)', async () => {
    const e = createOcrEngine({ workers: 1, languages: 'tha' });
    expect(made()).toEqual([]);
    await e.terminate();
  });
});
