/**
 * tesseract.js's words read off Tesseract's result iterator in its worker,
 * instead of its TSV output (issue 16, point 2).
 *
 * Tesseract's TSV renderer asks, for every word, whether it starts a block,
 * a paragraph and a line (ResultIterator::IsAtBeginningOf), and each answer
 * walks the word's line again from its start; Thai comes out one character
 * a "word" (Thai is not a space-delimited script for Tesseract), so on a
 * dense page the TSV costs four walks of every line per character: 0.6–0.8
 * CPU-s of a 3.5 CPU-s page in tesseract.js. Read in the worker itself, a
 * word's text, box and confidence cost one step of the iterator, and a new
 * line shows as a new line box (PageIterator's box of the row: no walk). The
 * words, boxes, confidences and lines are those of the TSV
 * (test/ocr/tjs-words.test.ts compares them whole on scanned pages); the
 * spaces still come from Tesseract's text output, as with the TSV (tsv.ts).
 *
 * The worker is tesseract.js's own worker script with its result function
 * (worker-script/utils/dump.js) answering one more output, `itaWords`; it is
 * given to tesseract.js as a data: URL module (no file written). When that
 * file of tesseract.js is not where this version keeps it, the engine keeps
 * tesseract.js's own worker and its TSV ({@link wordsWorker} returns null).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { WordRow } from './tsv.js';

const require = createRequire(import.meta.url);

/** The output flag the worker answers with word rows. */
export const WORDS_OUTPUT = 'itaWords';

/**
 * The worker's result function for `itaWords`: Tesseract's text (for the spaces) and the word rows
 * [text, left, top, right, bottom, confidence, line], in the TSV's order. Confidences as the TSV
 * writes them (six decimals); a line is numbered when its row's box differs from the last word's.
 */
const DUMP_WORDS = `(TM, api, output, options, original) => {
  if (!output.${WORDS_OUTPUT} || options.skipRecognition) return original(TM, api, output, options);
  const text = api.GetUTF8Text();
  const WORD = 3, LINE = 2, BLOCK = 0;
  const rows = [];
  const it = api.GetIterator();
  if (it) {
    let line = -1;
    let key = '';
    if (!it.Empty(BLOCK)) {
      do {
        if (it.Empty(WORD)) continue;
        const l = it.getBoundingBox(LINE);
        const k = l.x0 + ',' + l.y0 + ',' + l.x1 + ',' + l.y1;
        if (line < 0 || k !== key) { line++; key = k; }
        const b = it.getBoundingBox(WORD);
        rows.push([it.GetUTF8Text(WORD) ?? '', b.x0, b.y0, b.x1, b.y1, Number(it.Confidence(WORD).toFixed(6)), line]);
      } while (it.Next(WORD));
    }
    it.__destroy__();
  }
  return { text, ${WORDS_OUTPUT}: rows, tsv: null, hocr: null, blocks: null, confidence: null };
}`;

let cached: URL | null | undefined;

/** The worker to give tesseract.js (its workerPath), or null to keep its own. */
export function wordsWorker(): URL | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    const index = require.resolve('tesseract.js/src/worker-script/node/index.js');
    const dump = join(dirname(index), '..', 'utils', 'dump.js');
    if (!existsSync(dump)) return null;
    const src = `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(index)});
const Module = require('node:module');
const path = ${JSON.stringify(dump)};
const original = require(path);
const hooked = new Module(path);
hooked.filename = path;
hooked.loaded = true;
const dumpWords = ${DUMP_WORDS};
hooked.exports = (TM, api, output, options) => dumpWords(TM, api, output, options, original);
require.cache[path] = hooked;
require(${JSON.stringify(index)});
`;
    cached = new URL(`data:text/javascript,${encodeURIComponent(src)}`);
  } catch {
    cached = null;
  }
  return cached;
}

/** The worker's rows as word rows (tsv.ts). */
export function wordRows(rows: unknown): WordRow[] | null {
  if (!Array.isArray(rows)) return null;
  return rows.map((r: [string, number, number, number, number, number, number]) => ({
    text: r[0],
    left: r[1],
    top: r[2],
    width: r[3] - r[1],
    height: r[4] - r[2],
    conf: r[5],
    line: r[6],
  }));
}
