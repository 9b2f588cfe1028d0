/**
 * PDF reader: a message port between pdfjs's API and its worker, both in
 * this thread, that hands the text content over instead of copying it.
 *
 * In Node, pdfjs runs its worker in the same thread ("fake worker") but
 * still talks to it through a LoopbackPort that structuredClones every
 * message, as if a thread boundary were there: each page's text content,
 * item by item, is deep-copied once on its way to the reader. That copy
 * is about a tenth of what plain getTextContent costs, and buys nothing
 * when sender and receiver share a heap.
 *
 * {@link DirectPort} copies only what the sender goes on to change. The
 * worker sends a text-content chunk (`{ items, styles, lang }`) and then
 * gives the chunk object new `items` and `styles` (it never touches the
 * arrays or items it sent): a shallow copy of the chunk is enough, and the
 * items themselves are handed over. A message of primitives only (the
 * streams' pull and close notes, two per chunk) is copied by a spread.
 * Every other message (fonts; operator lists, whose arrays the worker
 * empties and refills after sending; page and document requests) is
 * structuredCloned, as by LoopbackPort.
 *
 * {@link directWorker} builds a pdfjs `PDFWorker` on such a port: the
 * worker's message handler (WorkerMessageHandler.initializeFromPort) and
 * the API's (PDFWorker with `port`) listen on one port, each taking the
 * messages addressed to it, delivered in a microtask as LoopbackPort does.
 * The worker is made once and shared by every document the reader opens;
 * pdfjs keeps documents apart by id. Rendering (OCR) keeps pdfjs's own
 * port.
 */

type Listener = (this: DirectPort, event: { data: unknown }) => void;

/** A text-content chunk on its way from the worker: a stream message whose chunk has items and styles. */
function textChunk(data: unknown): data is { chunk: Record<string, unknown> } {
  const chunk = (data as { chunk?: { items?: unknown; styles?: unknown } } | null)?.chunk;
  return !!chunk && Array.isArray(chunk.items) && typeof chunk.styles === 'object' && chunk.styles !== null && !('fnArray' in chunk);
}

/** A message of primitives only (a stream's pull, close or ready notes, by the thousand): a spread copies it exactly. */
function flat(data: unknown): data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return false;
  for (const k in data) {
    const v = (data as Record<string, unknown>)[k];
    if (typeof v === 'object' ? v !== null : typeof v === 'function' || typeof v === 'symbol') return false;
  }
  return true;
}

/** LoopbackPort handing text content over: postMessage delivers a copy (shallow for text chunks), in a microtask. */
export class DirectPort {
  readonly #listeners = new Set<Listener>();
  readonly #deferred = Promise.resolve();

  postMessage(data: unknown, transfer?: NonNullable<Parameters<typeof structuredClone>[1]>['transfer']): void {
    const copy = flat(data) ? { ...data } : textChunk(data) ? { ...data, chunk: { ...data.chunk } } : structuredClone(data, transfer ? { transfer } : undefined);
    const event = { data: copy };
    void this.#deferred.then(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  /** pdfjs's message handlers stop listening through `signal` (when a document is destroyed). */
  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.#listeners.add(listener);
    signal?.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  /** Listeners now (one per open document and one for the worker): what a test can check. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

interface WorkerMessageHandlerLike {
  initializeFromPort(port: unknown): void;
}

/**
 * A PDFWorker whose worker runs in this thread on a {@link DirectPort}, or
 * null when this pdfjs does not offer what it takes (a PDFWorker taking a
 * port, a worker module exposing WorkerMessageHandler.initializeFromPort).
 */
export function directWorker<W>(PDFWorker: unknown, workerModule: unknown): W | null {
  const handler = (workerModule as { WorkerMessageHandler?: Partial<WorkerMessageHandlerLike> } | null)?.WorkerMessageHandler;
  if (typeof PDFWorker !== 'function' || typeof handler?.initializeFromPort !== 'function') return null;
  try {
    const port = new DirectPort();
    // the worker's side listens first: the API's side says "configure" as soon as it is made
    handler.initializeFromPort(port);
    const Worker = PDFWorker as new (params: { port: unknown; name: string; verbosity: number }) => W;
    return new Worker({ port, name: 'ita-extract direct', verbosity: 0 });
  } catch {
    return null;
  }
}
