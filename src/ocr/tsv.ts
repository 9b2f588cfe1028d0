/**
 * Tesseract's TSV output → words, for both engines: the native command's
 * -c tessedit_create_tsv=1 file and tesseract.js's `tsv` output (asking
 * tesseract.js for its `blocks` tree instead costs about a third more CPU
 * per page: every symbol and its choices built as objects, copied out of
 * the worker and collected).
 */
import type { OcrResult, OcrWord } from './types.js';

/**
 * Tesseract's paragraph_text_based: '0' finds paragraphs from the rows' geometry before recognition
 * instead of from the recognised text after it (DetectParagraphs(true): ~10 % of a dense page's CPU
 * in Tesseract 5.3). Paragraphs only number the TSV's rows (par_num); the words, their boxes,
 * confidences and lines, and the text's words and spaces, come out the same (test/ocr/native.test.ts),
 * so the OcrResult does too. Shared by both engines.
 */
export const PARAGRAPH_TEXT_BASED = '0';

/**
 * One word row of a Tesseract reading, in page order: what the TSV's level-5 rows hold (and what
 * tesseract.js's worker reads off Tesseract's result iterator instead, tjs-words.ts). `line`: any
 * value that changes exactly where a new text line starts.
 */
export interface WordRow {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  line: string | number;
}

/**
 * Tesseract's TSV (and, when given, the plain text of the same run) → an
 * OcrResult. Words are the level-5 rows with non-blank text; `line` is the
 * index of the word's (block, paragraph, line) in page order, counting every
 * level-4 row as tesseract.js does. `spaceBefore`: with the text, whether
 * Tesseract wrote a space before the word within its line; without it,
 * every word but a line's first (Tesseract's text without
 * preserve_interword_spaces). The page confidence is the mean of the word
 * confidences, truncated, as Tesseract's MeanTextConf; the size is the
 * level-1 (page) row's.
 */
export function parseTesseractTsv(tsv: string, text: string | null = null): OcrResult {
  const rows: WordRow[] = [];
  let width = 0;
  let height = 0;
  for (const row of tsv.split('\n')) {
    const c = row.replace(/\r$/, '').split('\t');
    if (c.length < 11 || !/^\d+$/.test(c[0] ?? '')) continue; // header, blank
    const level = Number(c[0]);
    const [left, top, w, h] = [Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9])];
    if (level === 1) {
      width = Math.max(width, left + w);
      height = Math.max(height, top + h);
      continue;
    }
    if (level !== 5) continue;
    rows.push({ text: c.slice(11).join('\t'), left, top, width: w, height: h, conf: Number(c[10]), line: `${c[2] ?? ''}/${c[3] ?? ''}/${c[4] ?? ''}` });
  }
  return { ...wordsFromRows(rows, text), width, height };
}

/**
 * Word rows (and, when given, the plain text of the same run) → words and the page confidence; see
 * {@link parseTesseractTsv}. Lines are numbered in page order from 0 (every line with a row counts,
 * blank words' lines too, as the TSV's level-4 rows do).
 */
export function wordsFromRows(rows: readonly WordRow[], text: string | null = null): { words: OcrWord[]; confidence: number } {
  const words: OcrWord[] = [];
  let confSum = 0;
  let confCount = 0;
  let at = 0; // cursor in `text`
  let lastLine = -1;
  let lines = -1;
  let lineKey: string | number | undefined;
  for (const r of rows) {
    if (lines < 0 || r.line !== lineKey) {
      lines++;
      lineKey = r.line;
    }
    const conf = r.conf;
    const str = r.text;
    if (Number.isFinite(conf) && conf >= 0) {
      confSum += conf;
      confCount++;
    }
    if (str.trim() === '') continue;
    const line = lines;
    const first = line !== lastLine;
    lastLine = line;
    let space = !first;
    if (text !== null) {
      // find the word in the text: where the cursor is (after blanks), else a little further on
      let k = at;
      while (k < text.length && /\s/.test(text[k] as string)) k++;
      let found = text.startsWith(str, k) ? k : -1;
      if (found < 0) {
        const f = text.indexOf(str, at);
        if (f >= 0 && f - at <= 200) found = f;
      }
      if (found >= 0) {
        let b = found;
        while (b > 0 && /[ \t\u00a0]/.test(text[b - 1] as string)) b--;
        space = !first && b < found;
        at = found + str.length;
      } else {
        space = false;
      }
    }
    words.push({
      text: str,
      bbox: { x0: r.left, y0: r.top, x1: r.left + r.width, y1: r.top + r.height },
      confidence: Number.isFinite(conf) ? conf : 0,
      line,
      spaceBefore: space,
    });
  }
  return { words, confidence: confCount > 0 ? Math.trunc(confSum / confCount) : 0 };
}
