/** The reader's message port (src/readers/_pdf-port.ts): text content handed over, everything else copied, documents let go. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { DirectPort, directWorker } from '../../src/readers/_pdf-port.js';
import { loadWorker } from '../../src/readers/_pdf-worker.js';
import { documentParams, loadPdfjs, readPdf } from '../../src/readers/pdf.js';

const fixture = (name: string) => readFile(new URL(`../../fixtures/pdf/${name}`, import.meta.url));

describe('the reader’s worker', () => {
  // first in this file: pdfjs's own workers (opened below) set the worker module's verbosity too
  it('keeps pdfjs quiet: a damaged PDF read by the reader prints no warnings', async () => {
    const printed = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn')];
    try {
      // no usable cross-reference table: pdfjs rebuilds it ("Indexing all PDF objects") and fails
      await expect(readPdf(new Uint8Array(await fixture('corrupt.pdf')))).rejects.toThrow();
      expect(printed.flatMap((p) => p.mock.calls).filter((c) => /Warning/.test(String(c[0])))).toEqual([]);
    } finally {
      for (const p of printed) p.mockRestore();
    }
  });
});

describe('DirectPort', () => {
  it('delivers in a microtask: a text chunk shallow-copied (its items handed over), a note of primitives spread, anything else cloned', async () => {
    const port = new DirectPort();
    const got: unknown[] = [];
    port.addEventListener('message', (e) => got.push(e.data));
    const items = [{ str: 'ก', transform: [1, 0, 0, 1, 0, 0] }];
    const chunk = { items, styles: {}, lang: null };
    port.postMessage({ stream: 4, chunk });
    // what pdfjs's worker does right after sending a chunk
    chunk.items = [];
    const pull = { sourceName: 'main', targetName: 'worker', stream: 6, streamId: 1, desiredSize: 1 };
    port.postMessage(pull);
    const ops = { fnArray: [1, 2], argsArray: [null, null] };
    port.postMessage({ stream: 4, chunk: ops });
    ops.fnArray.length = 0;
    expect(got).toHaveLength(0);
    await Promise.resolve();
    expect(got).toHaveLength(3);
    const [text, note, list] = got as Array<{ chunk: { items?: unknown[]; fnArray?: number[] } }>;
    expect(note).toEqual(pull);
    expect(note).not.toBe(pull);
    expect(text!.chunk.items).toBe(items);
    expect(text!.chunk).not.toBe(chunk);
    expect(list!.chunk.fnArray).toEqual([1, 2]);
  });

  it('stops delivering to a listener whose signal aborts, and never adds one already aborted', async () => {
    const port = new DirectPort();
    const ac = new AbortController();
    let calls = 0;
    port.addEventListener('message', () => calls++, { signal: ac.signal });
    expect(port.listenerCount).toBe(1);
    ac.abort();
    expect(port.listenerCount).toBe(0);
    port.addEventListener('message', () => calls++, { signal: ac.signal });
    port.postMessage({});
    await Promise.resolve();
    expect(calls).toBe(0);
  });
});

describe('directWorker', () => {
  it('reads the same text content as pdfjs’s own port, and lets every document go', async () => {
    const { pdfjs, assets } = await loadPdfjs();
    const module = (await loadWorker()).module;
    const worker = directWorker<InstanceType<typeof pdfjs.PDFWorker>>(pdfjs.PDFWorker, module);
    expect(worker).not.toBeNull();
    // pdfjs's own way: the same worker module on a port that structuredClones every message (as LoopbackPort)
    const listeners = new Set<(e: { data: unknown }) => void>();
    const clonePort = {
      postMessage: (data: unknown) => {
        const copy = structuredClone(data);
        void Promise.resolve().then(() => listeners.forEach((l) => l({ data: copy })));
      },
      addEventListener: (_t: string, l: (e: { data: unknown }) => void) => listeners.add(l),
      removeEventListener: (_t: string, l: (e: { data: unknown }) => void) => listeners.delete(l),
      terminate: () => listeners.clear(),
    };
    (module as { WorkerMessageHandler: { initializeFromPort(p: unknown): void } }).WorkerMessageHandler.initializeFromPort(clonePort);
    const cloning = new (pdfjs.PDFWorker as unknown as new (p: { port: unknown }) => NonNullable<typeof worker>)({ port: clonePort });
    const port = worker!.port as unknown as DirectPort;
    const base = port.listenerCount;
    const bytes = new Uint8Array(await fixture('004.pdf'));
    const read = async (w: NonNullable<typeof worker>) => {
      const doc = await pdfjs.getDocument({ ...documentParams(bytes, assets), worker: w }).promise;
      const pages: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const tc = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
        // font ids carry the document's id (g_d3_f1): compare without it
        pages.push(JSON.stringify(tc.items).replace(/g_d\d+_/g, 'g_'));
      }
      await doc.destroy();
      return pages;
    };
    const own = await read(cloning);
    const direct = await read(worker!);
    expect(direct).toHaveLength(6);
    expect(direct.join('').length).toBeGreaterThan(10_000);
    expect(direct).toEqual(own);
    await read(worker!);
    expect(port.listenerCount).toBe(base);
    worker!.destroy();
    cloning.destroy();
  });

  it('reads documents opened at the same time on the one shared worker as it reads them one by one', async () => {
    const names = ['003.pdf', '004.pdf', 'heldout-r1_obt_item_code_column_2568.pdf'];
    const bytes = await Promise.all(names.map(async (n) => new Uint8Array(await fixture(n))));
    const apart: unknown[] = [];
    for (const b of bytes) apart.push(await readPdf(b));
    const together = await Promise.all(bytes.map((b) => readPdf(b)));
    expect(together).toEqual(apart);
    expect(JSON.stringify(together).length).toBeGreaterThan(20_000);
  });

  it('is null for a pdfjs without what it needs', () => {
    expect(directWorker(undefined, {})).toBeNull();
    expect(directWorker(class {}, { WorkerMessageHandler: {} })).toBeNull();
  });
});
