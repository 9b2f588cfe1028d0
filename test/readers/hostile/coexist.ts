/**
 * Run by pdf-coexist.test.ts in a fresh process: ita-extract and a host's own
 * pdfjs-dist in one process, in the order argv[2] says. Prints one JSON line:
 * what ita-extract extracted and what the host's pdfjs read.
 *   solo         ita-extract alone (the reference)
 *   host-first   the host opens a PDF with the same pdfjs-dist, then ita-extract
 *   ita-first    ita-extract, then the host, then both at once
 *   other-first  a host with another pdfjs-dist version (argv[3]: its pdf.mjs) first
 *   other-after  ita-extract first, then that other host
 *   globals      the host points GlobalWorkerOptions.workerSrc at a file that is not
 *                there, then ita-extract reads and renders a page (OCR)
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('../../../', import.meta.url);
const [scenario, otherPdfjs] = process.argv.slice(2);
const fixture = (name: string) => readFile(new URL(`fixtures/pdf/${name}`, root));
const text = new Uint8Array(await fixture('003.pdf'));

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
const unhandled: string[] = [];
process.on('unhandledRejection', (r) => unhandled.push(String((r as Error)?.message ?? r)));

/** What a host reads with its own pdfjs: every page's text content, as pdfjs gives it. */
async function hostRead(pdfjs: Pdfjs): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(text), verbosity: 0 }).promise;
  const pages: unknown[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true })).items);
  await doc.destroy();
  return JSON.stringify(pages).replace(/g_d\d+_/g, 'g_');
}

const ita = () => import(new URL('src/index.ts', root).href);
async function extracted() {
  const { extractFile } = await ita();
  const d = await extractFile(fileURLToPath(new URL('fixtures/pdf/003.pdf', root)), { ocr: 'never' });
  return { status: d.status, error: d.error, organization: d.organization?.name ?? null, fiscalYear: d.fiscalYear?.be ?? null, entries: d.entries.length, record: JSON.stringify({ ...d, source: null }) };
}

const out: Record<string, unknown> = {};
const same = (): Promise<Pdfjs> => import('pdfjs-dist/legacy/build/pdf.mjs');
const other = async (): Promise<Pdfjs> => (await import(otherPdfjs as string)) as Pdfjs;
if (scenario === 'solo') {
  out.ita = await extracted();
} else if (scenario === 'host-first') {
  const pdfjs = await same();
  out.hostBefore = await hostRead(pdfjs);
  out.ita = await extracted();
  out.hostAfter = await hostRead(pdfjs);
} else if (scenario === 'ita-first') {
  out.ita = await extracted();
  const pdfjs = await same();
  out.hostAfter = await hostRead(pdfjs);
  const [host, again] = await Promise.all([hostRead(pdfjs), extracted()]);
  out.hostInterleaved = host;
  out.itaInterleaved = again;
} else if (scenario === 'other-first') {
  out.hostBefore = await hostRead(await other());
  out.ita = await extracted();
} else if (scenario === 'other-after') {
  out.ita = await extracted();
  out.hostAfter = await hostRead(await other()).catch((e: Error) => `failed: ${e.message}`);
} else if (scenario === 'globals') {
  const pdfjs = await same();
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('no-such-worker.mjs', import.meta.url).href;
  out.ita = await extracted();
  const { renderPdfPage } = await import(new URL('src/ocr/render.ts', root).href);
  const png = await renderPdfPage(new Uint8Array(await fixture('image-only.pdf')), 1, 50);
  out.rendered = { width: png.width, height: png.height };
  out.hostAfter = await hostRead(pdfjs).catch((e: Error) => `failed: ${e.message}`);
}
out.unhandled = unhandled;
console.log(JSON.stringify(out));
