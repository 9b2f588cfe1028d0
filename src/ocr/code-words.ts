/**
 * Short Latin words the Thai reading turned into digits: "E4" read "๒4",
 * "i5" read "15", "(I6)" read "(16)", "E9" read "69", "(O7)" read "(0๐07".
 *
 * The Thai model has no Latin letters; a code of a letter and one or two
 * digits comes out as digits only, sure enough that the second pass
 * (second-pass.ts) does not always send it to English, and when it does,
 * the place it cuts is widened into the Thai words around it, which the
 * English model then reads as Latin junk ("๒4 และ ๒13" → "IEEE"). Here every
 * short token of digits (a run of glued words on one line: "๒" + "4") that
 * holds an ASCII character is cut out tightly, all of them stacked into one
 * image read once in English; a token takes the English reading only when
 * that is one letter and one or two digits, the digits being the end of
 * what the Thai model read ("15" → "I5", "๒13" → "E13": the letter was read
 * as a digit, the digits themselves were right). A number stays a number:
 * English reads "15" as "15", which is no letter and changes nothing.
 *
 * A code written with Thai digits ("E๑๒") is read by the Thai model with
 * its digits right and its letter as Thai glyphs ("๒๑๒", "๒ซี๑๐", "อ๑๓",
 * "๐๙"), which English cannot fix whole (it reads the Thai digits as junk)
 * but reads the letter well: such a token (thaiCodeTokens: where Thai
 * digits alone would be no item number, or glyphs no number has stand
 * before them) takes the letter English read first and keeps the Thai
 * digits (letteredThai), when they are an item of that letter's tool.
 */
import type { OcrEngine } from './engine.js';
import { stack, textHeight } from './second-pass.js';
import type { GreyImage, OcrResult, OcrWord } from './types.js';

/** A run of words [from, to) glued on one line, with its text. */
export interface GluedToken {
  from: number;
  to: number;
  text: string;
}

/** What may open or close a code in running text: brackets, a rule read as a bar, list punctuation. */
const OPEN = /^[([{|!]+/;
const CLOSE = /[)\]}|,.;:\-–]+$/;
/** A Thai reading of a letter and one or two digits: two to four digits or bars, one at least ASCII. */
const CORE = /^[0-9๐-๙|!lI]{2,4}$/;

/** The token's text without the brackets and punctuation around it. */
export function coreOf(text: string): string {
  return text.replace(OPEN, '').replace(CLOSE, '');
}

/** A word of digits, bars, brackets and list punctuation only: what the Thai model makes of a code. */
const DIGITISH = /^[0-9๐-๙|!lI()[\]{},.;:\-–]+$/;

/**
 * Tokens of a Thai reading that may be a letter and digits read as digits:
 * runs of digit-ish words on one line at most half a text height apart
 * (the Thai model splits "E4" into "๒" and "4", with or without a space),
 * whose core is two to four digits or bars with an ASCII one among them,
 * not a four-digit number (a year).
 */
export function codeLikeTokens(words: readonly OcrWord[], H: number): GluedToken[] {
  const out: GluedToken[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i + 1;
    if (DIGITISH.test((words[i] as OcrWord).text)) {
      while (j < words.length) {
        const a = words[j - 1] as OcrWord;
        const b = words[j] as OcrWord;
        if (b.line !== a.line || !DIGITISH.test(b.text) || b.bbox.x0 - a.bbox.x1 > H / 2 || b.bbox.x0 < a.bbox.x0) break;
        j++;
      }
    }
    const text = words.slice(i, j).map((w) => w.text).join('');
    const core = coreOf(text);
    if (CORE.test(core) && /[0-9|!lI]/.test(core) && !/^[0-9]{4}$/.test(core)) out.push({ from: i, to: j, text });
    i = j;
  }
  return out;
}

/**
 * A code of Thai digits whose Latin letter the Thai model read as Thai glyphs: "e๑๒" read "๒๑๒", "o๙"
 * read "๐๙", "E๖" read "๒ซิ๖", "o๑๓" read "อ๑๓". The open bracket, what stands for the letter (one to
 * three glyphs), the item's digits, the close.
 */
const THAI_CODE = /^([([]?)([^\s0-9A-Za-z]{1,3}?)([๐-๙]{1,2})([)\],.;]?)$/;

/**
 * Words that may be such a code: a letter's place before one or two Thai digits, where
 * Thai digits alone would be no item number (a leading zero, or three digits).
 */
export function thaiCodeTokens(words: readonly OcrWord[], taken: ReadonlySet<number>, H: number): GluedToken[] {
  const out: GluedToken[] = [];
  const glued = (a: OcrWord, b: OcrWord): boolean => b.line === a.line && b.bbox.x0 >= a.bbox.x0 && b.bbox.x0 - a.bbox.x1 <= H / 2;
  let i = 0;
  while (i < words.length) {
    const w = words[i] as OcrWord;
    // a token starts a word: apart from the glyphs before it
    const prev = words[i - 1];
    if (taken.has(i) || (prev && glued(prev, w) && !/[\s,;:(]$/.test(prev.text))) {
      i++;
      continue;
    }
    let found = 0;
    let text = '';
    for (let j = i; j < words.length && j < i + 5 && !taken.has(j); j++) {
      if (j > i && !glued(words[j - 1] as OcrWord, words[j] as OcrWord)) break;
      text += (words[j] as OcrWord).text;
      const next = words[j + 1];
      // the token ends where its digits end
      if (next && glued(words[j] as OcrWord, next) && /^[๐-๙]/.test(next.text)) continue;
      if (thaiCode(text)) found = j + 1;
    }
    if (found === 0) {
      i++;
      continue;
    }
    out.push({ from: i, to: found, text: words.slice(i, found).map((x) => x.text).join('') });
    i = found;
  }
  return out;
}

/** Whether `text` may be a Thai-digit code with its letter misread (see {@link THAI_CODE}). */
function thaiCode(text: string): boolean {
  const m = THAI_CODE.exec(text);
  if (!m) return false;
  const [, , lead = '', digits = ''] = m;
  // a Thai number is no code unless it cannot be one: "๐๙", "๒๑๒" (not "๑๕", "๒๕", "๑๒๓๔")
  if (/^[๐-๙]+$/.test(lead)) return lead.startsWith('๐') || (lead.length === 1 && digits.length === 2);
  // a Thai syllable or word before the digits ("ที่๑", "ปี๒", "ข้อ๑") is read by the words' own rules; a lone
  // round letter ("อ๑๓") may be the O
  return !/^[\u0e01-\u0e2e\u0e40-\u0e44]./.test(lead);
}

/** Highest item number of the tool of each code letter (as ita/codes.ts ITEM_MAX). */
const ITEM_MAX: Readonly<Record<string, number>> = { i: 30, e: 15, o: 50 };

/**
 * A Thai-digit code's new text from the English reading of its cut-out: the letter English
 * read first (a bar or "l" is I) and the Thai reading's digits, the item of that letter's tool.
 */
export function letteredThai(thai: string, english: string): string | null {
  const m = THAI_CODE.exec(thai);
  const e = /^[([]?([IiEeOo|l])[^\s]/.exec(english);
  if (!m || !e) return null;
  const [, open = '', lead = '', digits = '', close = ''] = m;
  const letter = e[1] === '|' || e[1] === 'l' ? 'I' : (e[1] as string);
  // a round glyph in the letter's place ("๐๙", "อ๑๓") is an O: English reads a small o as e
  if (/^[๐อ]/.test(lead) && letter.toLowerCase() !== 'o') return null;
  const item = Number(arabic(digits));
  if (item < 1 || item > (ITEM_MAX[letter.toLowerCase()] ?? 0)) return null;
  return `${open}${letter}${digits}${close}`;
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const arabic = (s: string): string => s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));

/** The English reading of a token: a letter and one or two digits, brackets kept ("(I6)"). */
const LETTER_DIGITS = /^([([]?)([A-Za-z|])([0-9]{1,2})([)\],.\-]?)$/;

/**
 * The token's new text from the English reading `english`, or null: a letter
 * and digits that end what the Thai model read (`thai`). A bar or an "l"
 * before digits is the capital I (no word starts with a lower-case l and a
 * digit); so is a bar the Thai model read between a bracket and digits
 * ("(|15)"), which English reads as a one ("(115)").
 */
export function lettered(thai: string, english: string): string | null {
  const bar = /^[([]\|([0-9]{1,2})([)\]]?)$/.exec(thai);
  const m = LETTER_DIGITS.exec(english) ?? (bar && english.replace(/[^0-9]/g, '') === `1${bar[1]}` ? ['', thai[0], 'I', bar[1], bar[2]] : null);
  if (!m) return null;
  const [, open = '', letter = '', digits = '', close = ''] = m;
  const read = arabic(coreOf(thai)).replace(/[|!lI]/g, '');
  if (!read.endsWith(digits) || read.length > digits.length + 1) return null;
  return `${open}${letter === '|' || letter === 'l' ? 'I' : letter}${digits}${close}`;
}

/** Below this confidence the English reading of a token is not taken. */
const SURE = 50;

/**
 * The Thai reading `read` of `img` with its code-like tokens ({@link codeLikeTokens})
 * read again in English (`languages`) in one recognition of their tight cut-outs;
 * a token read as a letter and digits ({@link lettered}) becomes one word of that text.
 */
export async function readCodeWordsAgain(engine: OcrEngine, img: GreyImage & { dpi: number }, read: OcrResult, languages: string): Promise<OcrResult> {
  const H = textHeight(read.words) || 20;
  const latin = codeLikeTokens(read.words, H);
  const inLatin = new Set(latin.flatMap((t) => Array.from({ length: t.to - t.from }, (_, k) => t.from + k)));
  const thaiCodes = new Set(thaiCodeTokens(read.words, inLatin, H));
  const tokens = [...latin, ...thaiCodes].sort((a, b) => a.from - b.from);
  if (tokens.length === 0) return read;
  const { image, bands } = stack(img, read.words, tokens, H, 0.3);
  const again = await engine.recognise(image, { languages, psm: 6, dpi: img.dpi });
  const replace = new Map<number, { word: OcrWord; to: number }>();
  const inToken = new Set(tokens.flatMap((t) => Array.from({ length: t.to - t.from }, (_, k) => t.from + k)));
  for (const t of tokens) {
    const ws = read.words.slice(t.from, t.to);
    const cx = (ws[0] as OcrWord).bbox.x0 + 1;
    // the cut-out holding the token (cut-outs that overlap on a line are one)
    const b = bands.find((n) => n.line === (ws[0] as OcrWord).line && cx >= n.x0 && cx < n.x0 + n.width && (ws[0] as OcrWord).bbox.y0 >= n.y0 - 1 && (ws[0] as OcrWord).bbox.y0 < n.y0 + n.height);
    if (!b) continue;
    const x0 = Math.min(...ws.map((w) => w.bbox.x0)) - b.x0 + b.left;
    const x1 = Math.max(...ws.map((w) => w.bbox.x1)) - b.x0 + b.left;
    const got = again.words
      .filter((w) => {
        const cx = (w.bbox.x0 + w.bbox.x1) / 2;
        const cy = (w.bbox.y0 + w.bbox.y1) / 2;
        return cy >= b.top && cy < b.top + b.height && cx >= x0 - H / 4 && cx <= x1 + H / 4;
      })
      .sort((p, q) => p.bbox.x0 - q.bbox.x0);
    // a Thai-digit code: English reads its letter (sure of it), the Thai digits as junk, in one word or more
    const thaiCode = thaiCodes.has(t);
    if ((thaiCode ? got.length === 0 : got.length !== 1) || (got[0] as OcrWord).confidence < SURE) continue;
    const text = thaiCode ? letteredThai(t.text, got.map((w) => w.text).join('')) : lettered(t.text, (got[0] as OcrWord).text);
    if (text === null) continue;
    // a digit the Thai model read apart from the rest ("๒" "13" for E13) lies under the English word too
    const left = (got[0] as OcrWord).bbox.x0 - b.left + b.x0;
    let from = t.from;
    while (from > 0 && !inToken.has(from - 1)) {
      const w = read.words[from - 1] as OcrWord;
      if (w.line !== (ws[0] as OcrWord).line || !DIGITISH.test(w.text) || (w.bbox.x0 + w.bbox.x1) / 2 < left) break;
      from--;
    }
    const all = read.words.slice(from, t.to);
    // the place is the English word's: the Thai reading may have glued a rule beside it ("|61" for E1)
    const right = (got[0] as OcrWord).bbox.x1 - b.left + b.x0;
    const from0 = Math.min(...all.map((w) => w.bbox.x0));
    const to1 = Math.max(...all.map((w) => w.bbox.x1));
    replace.set(from, {
      word: {
        ...(all[0] as OcrWord),
        text,
        confidence: (got[0] as OcrWord).confidence,
        bbox: { x0: Math.max(from0, Math.min(left, to1 - 1)), y0: Math.min(...all.map((w) => w.bbox.y0)), x1: Math.min(to1, Math.max(right, from0 + 1)), y1: Math.max(...all.map((w) => w.bbox.y1)) },
      },
      to: t.to,
    });
  }
  if (replace.size === 0) return read;
  const words: OcrWord[] = [];
  for (let i = 0; i < read.words.length; ) {
    const r = replace.get(i);
    if (!r) {
      words.push(read.words[i] as OcrWord);
      i++;
      continue;
    }
    words.push(r.word);
    i = r.to;
  }
  return { ...read, words };
}
