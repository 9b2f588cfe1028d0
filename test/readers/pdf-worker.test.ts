/** The pdfjs worker patches (src/readers/_pdf-worker.ts) apply to the pinned pdfjs-dist, once. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PAGE_BUDGET, UTF16BE, loadWorker, patchWorkerBudget, patchWorkerGraphics, patchWorkerRejections, patchWorkerSource, privateWorkerSource } from '../../src/readers/_pdf-worker.js';

const require = createRequire(import.meta.url);

describe('pdfjs worker patches', async () => {
  const src = await readFile(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');

  it('keeps ActualText and makes operator lists textless on the shipped worker, and refuses to patch twice', () => {
    const patched = patchWorkerSource(src);
    expect(patched).not.toBeNull();
    expect(patched).toContain('actualText');
    expect(patched).toContain('operatorList.textless');
    expect(patchWorkerSource(patched!)).toBeNull();
  });

  it('reports painted paths, images and font names in the text content, and refuses to patch twice', () => {
    const patched = patchWorkerGraphics(patchWorkerSource(src)!);
    expect(patched).not.toBeNull();
    expect(patched).toContain('type: "itaPath"');
    expect(patched).toContain('fontName: font.name');
    expect(patchWorkerGraphics(patched!)).toBeNull();
    // another pdfjs (anchors missing): no patch rather than a broken worker
    expect(patchWorkerGraphics('export const nothing = 1;')).toBeNull();
  });

  it('handles the promises the shipped worker leaves unhandled, and puts every content loop on the page budget', () => {
    const handled = patchWorkerRejections(src);
    expect(handled).toContain('itaSettled.catch(() => {})');
    expect(handled!.split('}, reason => sink.error(reason));')).toHaveLength(3);
    expect(patchWorkerRejections(handled!)).toBeNull();
    const budgeted = patchWorkerBudget(src);
    expect(budgeted!.split('itaSpend(task, operation.fn);')).toHaveLength(3);
    expect(budgeted).toContain(`if (task.itaCost > ${PAGE_BUDGET})`);
    expect(patchWorkerBudget(budgeted!)).toBeNull();
    expect(patchWorkerBudget('export const nothing = 1;')).toBeNull();
  });

  it('keeps the patched worker out of globalThis.pdfjsWorker, where another pdfjs would take it', async () => {
    expect(src).toContain('globalThis.pdfjsWorker = {');
    expect(privateWorkerSource(src)).not.toContain('globalThis.pdfjsWorker');
    const g = globalThis as { pdfjsWorker?: unknown };
    const before = g.pdfjsWorker;
    await loadWorker();
    expect(g.pdfjsWorker).toBe(before);
  });

  it('loads the worker with both patches applied', async () => {
    const w = await loadWorker();
    expect(w.actualText).toBe(true);
    expect(w.graphics).toBe(true);
  });

  it('decodes UTF-16BE ActualText itself, leaving anything else to pdfjs', () => {
    expect(patchWorkerSource(src)).toContain('itaUtf16be(at) ?? stringToPDFString(at)');
    const decode = new Function(`${UTF16BE}; return itaUtf16be;`)() as (s: string) => string | null;
    // UTF-16BE with its byte-order mark, as a PDF string (one character per byte)
    const be = (t: string) =>
      '\xfe\xff' +
      t
        .split('')
        .map((c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff))
        .join('');
    expect(decode(be('ู่'))).toBe('ู่');
    expect(decode(be('ำ'))).toBe('ำ');
    expect(decode(be('😀'))).toBe('😀');
    expect(decode(be('ก'.repeat(10_000)))).toBe('ก'.repeat(10_000));
    expect(decode(be('\ud800'))).toBeNull(); // a lone surrogate
    expect(decode('\xfe\xff\x0e')).toBeNull(); // odd length
    expect(decode('abc')).toBeNull(); // PDFDocEncoding
  });
});
