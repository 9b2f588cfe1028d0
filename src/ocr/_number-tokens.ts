/**
 * Number tokens of an OCR'd page (step 1 of the number repair, numbers.ts):
 * runs of digit words on a line, and short Latin words where a number is
 * expected.
 */
import { withMonthDots } from '../thai/_months.js';
import type { GreyImage, OcrWord } from './types.js';

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */
/* ------------------------------------------------------------------------ */

export const THAI_DIGIT = /[๐-๙]/;
/**
 * Digits and what stands between them; « and » are Thai digits the model wrote as guillemets (๖ of "๒๕๖๖)"
 * read "๒๕9๒»)", ๙ of "๙๔.๙๔" read "«๕.๓๕"): taken as places for the glyphs to read.
 */
const DIGITISH = /^[๐-๙0-9.,/\-–«»]+$/;
/** Digits and a closing bracket in one word. */
const CLOSED = /^[๐-๙0-9«»]+[)\]]$/;
export const THAI_LETTER = /[\u0e01-\u0e2e]/;
/** Words after which a number is expected (so a Latin "word" there may be a misread number). */
const NUMBER_CUE = /(?:คะแนน|ร้อยละ|รอบ|พ\.?ศ\.?|ปี|จำนวน|ข้อที่|ข้อ|ที่|ครั้ง|ราย|วันที่|ถึง|ไตรมาส(?:ที่)?|ระดับ)\s*$/;
/** ข้อ and a code's letter (I E O, or the digit the Thai model writes for it) before a code's digits. */
const CODE_LETTER_CUE = /ข้อ\s*[IlEO|1605]\s*$/;
export const MONTH_AFTER = /^\s*(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)/;
/** A month before a year: abbreviated (a space may stand before a dot: "ต .ค.") or written out. */
const MONTH_WORD =
  '(?:(?:ม\\s?\\.?\\s?ค|ก\\s?\\.?\\s?พ|มี\\s?\\.?\\s?ค|เม\\s?\\.?\\s?ย|พ\\s?\\.?\\s?ค|มิ\\s?\\.?\\s?ย|ก\\s?\\.?\\s?ค|ส\\s?\\.?\\s?ค|ก\\s?\\.?\\s?ย|ต\\s?\\.?\\s?ค|พ\\s?\\.?\\s?ย|ธ\\s?\\.?\\s?ค)\\.?|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)';
/** The text before a token ends with a month. */
const MONTH_CUE = new RegExp(`${MONTH_WORD}\\s*$`);
export const YEAR_CUE = new RegExp(`(?:พ\\.?\\s?ศ\\.?|ปี(?:งบประมาณ)?|ประจำปี(?:งบประมาณ)?|ปีงบ\\.?|${MONTH_WORD})\\s*$`);
/**
 * Letters the model writes for a Thai digit it cannot (๗ as ฒ, ณ, ญ, ซ or
 * ฆ, or split into its loop and its tail, "ฒณ"; ๖ as อ, "ต.ค. อฒ-" for
 * ต.ค. ๖๗-): in a two-digit year right after a month they are taken for
 * digits to read from the glyphs.
 */
const DIGIT_LOOKALIKE = /^[ฒณญซฆอ]$/;
/** How near (body heights) a look-alike letter after two places must be to be the rest of the same glyph ("ฒณ" for ๗). */
const SAME_GLYPH_GAP = 0.1;

export interface NumberToken {
  /** Tesseract line of the token. */
  line: number;
  /** Indices into the page's word list, left to right. */
  words: number[];
  raw: string;
  /** Text of the line before and after the token (for cues). */
  before: string;
  after: string;
  /** Found as a Latin word where a number was expected (not digits). */
  cued: boolean;
  /** Where the number's ink ends when its last word also holds a closing bracket ("๑)"): that word's part before it. */
  x1?: number;
}

export function lineGroups(words: readonly OcrWord[]): Map<number, number[]> {
  const by = new Map<number, number[]>();
  words.forEach((w, i) => {
    if (w.line === null) return;
    const list = by.get(w.line);
    if (list) list.push(i);
    else by.set(w.line, [i]);
  });
  for (const list of by.values()) list.sort((a, b) => (words[a] as OcrWord).bbox.x0 - (words[b] as OcrWord).bbox.x0);
  return by;
}

/** A glyph's worth of ink in the body band between x0 and x1 (a digit Tesseract skipped). */
function inkBetween(img: GreyImage, x0: number, x1: number, y0: number, y1: number): boolean {
  const h = y1 - y0;
  if (x1 - x0 < 0.4 * h) return false;
  let n = 0;
  let cols = 0;
  for (let x = Math.ceil(x0) + 1; x < Math.floor(x1) - 1; x++) {
    let c = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
      if ((img.data[y * img.width + x] ?? 255) < 140) c++;
    }
    n += c;
    if (c > 0) cols++;
  }
  return cols >= 0.3 * h && n >= 0.12 * (x1 - x0) * h;
}

/**
 * Number tokens of a page (see the module comment). With the image, two
 * digit runs whose gap holds a glyph Tesseract skipped are one token, and a
 * letter glued to the end of a run ("๒๕๒ซ") belongs to it.
 */
export function findNumberTokens(words: readonly OcrWord[], img: GreyImage | null = null): NumberToken[] {
  const out: NumberToken[] = [];
  for (const [line, idx] of lineGroups(words)) {
    const ws = idx.map((i) => words[i] as OcrWord);
    const h = median(ws.filter((w) => THAI_LETTER.test(w.text)).map((w) => w.bbox.y1 - w.bbox.y0)) || 16;
    const textOf = (a: number, b: number): string => ws.slice(a, b).map((w) => (w.spaceBefore ? ' ' : '') + w.text).join('');
    let k = 0;
    while (k < ws.length) {
      const w = ws[k] as OcrWord;
      // an Arabic digit glued before Thai digits is a code's letter the model read as a digit ("E๔" read "6 ๕",
      // "I๙" read "1 ๕"): no Thai-digit number starts with one, so the number starts after it, its glyphs read alone
      // (an item's one or two digits after it, not a year's four: "2๕๖๗" is a year with a digit misread)
      const codeLetter = /^[0-9]$/.test(w.text) && codeDigitsAfter(ws, k, h);
      const startsNumber = DIGITISH.test(w.text) && /[๐-๙0-9]/.test(w.text) && !codeLetter;
      const before = textOf(Math.max(0, k - 12), k);
      // a Latin word where a number is expected; after a month only a year's length, maybe with a closing bracket
      // ("มีนาคม ๒๕๖๖)" read as "lady)")
      const bare = w.text.replace(/[)\]]$/, '');
      const bracket = bare !== w.text;
      const latinShape = /^[A-Za-z0-9.]{1,7}$/.test(bare) && !/^[0-9.]+$/.test(bare) && !/^(?:IIT|EIT|OIT|ITA|[A-Z]\d*)$/.test(bare);
      const yearSized = /^[A-Za-z0-9]{2,4}$/.test(bare) && YEAR_CUE.test(withoutMarksBefore(before));
      // a day before a month ("๑ ตุลาคม ๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖" with ๓๐ read as "mo")
      const daySized = !bracket && /^[A-Za-z0-9]{1,2}$/.test(bare) && MONTH_AFTER.test(textOf(k + 1, Math.min(ws.length, k + 9)));
      // a Thai digit of a code the model wrote as a symbol ("ข้อ I๙" read "ข้อ 1 «"): after a code's letter (or
      // the digit the model writes for it) after ข้อ, one glyph that is no letter, digit or punctuation
      const codeDigit = /^[^\p{L}\p{N}\s.,/\-–()[\]{}:;'"!?|]$/u.test(w.text) && CODE_LETTER_CUE.test(before);
      const latinCued = (latinShape && ((!bracket && NUMBER_CUE.test(before)) || yearSized || daySized)) || codeDigit;
      const afterMonth = MONTH_CUE.test(withoutMarksBefore(before));
      // a two-digit year after a month, both digits written as letters ("ต.ค. อฒ-" for ๖๗): the glyphs must show digits
      const next = ws[k + 1];
      const lettersYear =
        afterMonth &&
        !startsNumber &&
        DIGIT_LOOKALIKE.test(w.text) &&
        !!next &&
        (DIGITISH.test(next.text) || DIGIT_LOOKALIKE.test(next.text)) &&
        nearEnough(next.bbox.x0 - w.bbox.x1, next.spaceBefore, h) &&
        !wordGoesOn(ws[k + 2], next, h);
      if (!startsNumber && !latinCued && !lettersYear) {
        k++;
        continue;
      }
      let e = k + 1;
      let closed = latinCued && bracket;
      if (startsNumber || lettersYear) {
        const band = img ? bodyBand(words, idx) : null;
        while (e < ws.length) {
          const p = ws[e - 1] as OcrWord;
          const n = ws[e] as OcrWord;
          const gap = n.bbox.x0 - p.bbox.x1;
          const sofar = ws.slice(k, e).map((x) => x.text).join('');
          const digits = sofar.replace(/[^๐-๙0-9]/g, '').length;
          // places: digits and the look-alike letters taken for them ("อ" of "อฒ")
          const places = digits + ws.slice(k, e).filter((x) => DIGIT_LOOKALIKE.test(x.text)).length;
          // a BE year is whole at four digits: a digit after a space is the next number ("พ.ศ. ๒๕๖๘ ๒) …", an item;
          // the tail of ๘ past its box looked like a skipped glyph in the gap)
          if (digits === 4 && /^[๒2][๕5]/.test(sofar) && n.spaceBefore) break;
          if (DIGITISH.test(n.text) && nearEnough(gap, n.spaceBefore, h)) {
            e++;
            continue;
          }
          // digits with a closing bracket in one word ("(ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)" as … "๒๕๒" "๑)"): the last word
          if (CLOSED.test(n.text) && gap <= 0.6 * h && !(n.spaceBefore && gap > 0.3 * h)) {
            closed = true;
            e++;
            break;
          }
          if (DIGITISH.test(n.text) && /[๐-๙]/.test(n.text) && gap <= 2 * h && img && band && inkBetween(img, p.bbox.x1, n.bbox.x0, band.top, band.bottom)) {
            e++;
            continue;
          }
          const after = ws[e + 1];
          // a letter glued to the digits may be a digit the model misread (๗ → ซ); not after a range dash ("๖๗-ก.ย.")
          // or a digit before a decimal point ("๘ฆ.๓๕": ๗ read as ฆ in a score)
          // (the point sits a little apart: 7 px at a 15 px body on a 300 dpi scan, "๕ฒ.๓๕" for ๘๗.๓๕)
          const decimalNext = !!after && /^\.$|^\.[๐-๙0-9]/.test(after.text) && after.bbox.x0 - n.bbox.x1 <= 0.6 * h;
          const glued = gap <= (decimalNext ? 0.3 : 0.15) * h && !gluedLetterAfter(after, n, h);
          if ((digits >= 2 || (digits >= 1 && decimalNext)) && /^[\u0e01-\u0e2eA-Za-z]$/.test(n.text) && glued && !/[-–]$/.test(p.text)) {
            e++;
            continue;
          }
          // the second digit of a two-digit year after a month, written as a letter and set as far off as a digit
          // would be ("ต.ค. ๖ฒ-ก.ย.๖๘": ๗ as ฒ a third of a body after the ๖)
          // (a third place only as the rest of the second's glyph: "๖ฒณ", ๗ read as its loop and its tail)
          const lookalikeAt = afterMonth && DIGIT_LOOKALIKE.test(n.text) && !wordGoesOn(after, n, h);
          if (lookalikeAt && ((places === 1 && nearEnough(gap, n.spaceBefore, h)) || (places === 2 && DIGIT_LOOKALIKE.test(p.text) && gap <= SAME_GLYPH_GAP * h))) {
            e++;
            continue;
          }
          break;
        }
      }
      // trailing punctuation is not part of the number
      while (e > k + 1 && /^[.,/\-–]+$/.test((ws[e - 1] as OcrWord).text)) e--;
      let raw = ws
        .slice(k, e)
        .map((x) => x.text)
        .join('');
      let x1: number | undefined;
      if (closed) {
        const last = ws[e - 1] as OcrWord;
        const chars = [...last.text];
        raw = raw.slice(0, -1);
        x1 = last.bbox.x0 + ((last.bbox.x1 - last.bbox.x0) * (chars.length - 1)) / chars.length;
      }
      if (/[๐-๙]/.test(raw) || latinCued || lettersYear) {
        out.push({ line, words: idx.slice(k, e), raw, before, after: textOf(e, Math.min(ws.length, e + 8)), cued: latinCued || lettersYear, ...(x1 !== undefined ? { x1 } : {}) });
      }
      k = e;
    }
  }
  return out;
}


/** Thai marks OCR puts after a dot or a space ("ก.ุย."): no base to sit on; a month's dot read as ุ ("กุย.") is a dot. */
function withoutMarksBefore(text: string): string {
  return withMonthDots(text.replace(/(?<=[.\-–\s])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+/g, ''));
}

/** One or two Thai digits glued after word k (each as near as a number's next digit), then no more digits. */
function codeDigitsAfter(ws: readonly OcrWord[], k: number, h: number): boolean {
  let digits = '';
  let e = k + 1;
  for (; e < ws.length; e++) {
    const p = ws[e - 1] as OcrWord;
    const n = ws[e] as OcrWord;
    if (!/^[๐-๙]+$/.test(n.text) || !nearEnough(n.bbox.x0 - p.bbox.x1, n.spaceBefore, h)) break;
    digits += n.text;
  }
  const after = ws[e];
  return digits.length >= 1 && digits.length <= 2 && !(after && /^[0-9.,]/.test(after.text) && nearEnough(after.bbox.x0 - (ws[e - 1] as OcrWord).bbox.x1, after.spaceBefore, h));
}

/** The next glyph is as near as the next digit of a number would be: within 0.6 body heights, 0.3 across a space. */
function nearEnough(gap: number, spaceBefore: boolean, h: number): boolean {
  return gap <= 0.6 * h && !(spaceBefore && gap > 0.3 * h);
}

/** A Thai letter glued to `w` (a word goes on: `w` is its first letter, not a digit). */
function gluedLetterAfter(after: OcrWord | undefined, w: OcrWord, h: number): boolean {
  return !!after && after.bbox.x0 - w.bbox.x1 <= 0.15 * h && THAI_LETTER.test(after.text);
}

/**
 * The word of the look-alike letter `w` goes on: a vowel or tone mark sits on it ("ซึ่ง"), or a letter
 * that is no digit look-alike is glued to it. A digit carries no mark; "ฒณ" may be one digit's two halves.
 */
function wordGoesOn(after: OcrWord | undefined, w: OcrWord, h: number): boolean {
  if (!after) return false;
  if (/^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(after.text) && after.bbox.x0 - w.bbox.x1 <= 0.15 * h) return true;
  return gluedLetterAfter(after, w, h) && !DIGIT_LOOKALIKE.test(after.text);
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Body band of a Tesseract line: median top and bottom of its Thai letters. */
export function bodyBand(words: readonly OcrWord[], idx: readonly number[]): { top: number; bottom: number } | null {
  const ws = idx.map((i) => words[i] as OcrWord).filter((w) => /[\u0e01-\u0e2e]/.test(w.text) || THAI_DIGIT.test(w.text));
  if (ws.length === 0) return null;
  return { top: median(ws.map((w) => w.bbox.y0)), bottom: median(ws.map((w) => w.bbox.y1)) };
}
