/**
 * Thai first, the other languages only where the Thai reading shows another
 * script (issue 16: OCR at half the cost).
 *
 * Read with "tha+eng", Tesseract recognises each chunk of a line with Thai
 * and, whenever the result is not certain enough (most Thai chunks: its
 * acceptance test is made for dictionary words), again with English, and
 * keeps the better: the English model runs over most of the page, a third
 * of the recognition time, and now and then swaps good Thai for Latin
 * garbage ("๒๕๒๕" → "wave", "พ.ศ." → "wa.").
 *
 * Here the page is read with the first language alone; the Thai model has
 * no Latin letters and writes Latin words as ASCII digits, punctuation and
 * stray consonants at low confidence ("Dos" → "0๐5", "E-Service" →
 * "๒-8อก766", "IIT)" → "1:!1โ)"). Those places — runs of words with an
 * ASCII character or a low confidence, and the words between them — are cut
 * out, stacked into one small image and read once with the other languages;
 * a place takes the new reading only when it has Latin letters and reads
 * with more confidence than the Thai one did.
 */
import type { OcrEngine } from './engine.js';
import type { GreyImage, OcrResult, OcrWord } from './types.js';

/** The engine can read the page in its first language alone and the rest apart: "tha" and "eng" of "tha+eng". */
export function languageSplit(engine: OcrEngine): { first: string; rest: string } | null {
  const langs = engine.languages.split('+');
  if (!engine.languagesPerImage || langs.length < 2 || langs[0] !== 'tha') return null;
  return { first: 'tha', rest: langs.slice(1).join('+') };
}

/** A place to read again: words [from, to) of the page's word list, all on one Tesseract line. */
export interface Suspect {
  from: number;
  to: number;
}

/** A character the Thai model writes where the page has Latin script (it has no Latin letters of its own). */
const FOREIGN = /[\x21-\x7e\u00a0-\u024f\u2010-\u203a]/;
/** Of those, the ones Thai text seldom has (not the dots, commas, brackets and dashes of Thai abbreviations and lists). */
const STRONG = /[0-9A-Za-z!@#$%^&*_=+|<>?[\]{}~\\\u00a0-\u024f\u201c\u201d]/;
/**
 * The strokes of a ruled table as the Thai model writes them: a vertical rule as "|", a rule's
 * corner or a rule beside a bracket as "[" "]" "(" ")", alone or glued to the Thai letter next to
 * it ("[ด"). They are no Latin: English reads no letter there, so they make no place.
 */
const RULE_MARKS = /[|[\](){}]/g;
/** A word with a character Thai text seldom has, besides rule marks. */
const strong = (w: OcrWord): boolean => STRONG.test(w.text.replace(RULE_MARKS, ''));
/** Below this confidence a word read by the Thai model is suspect. */
const LOW = 50;
/** Suspect words this many words apart (or fewer) are one place. */
const JOIN = 4;
/** A new reading is taken only at this confidence or more. */
const SURE = 70;

const suspectWord = (w: OcrWord): boolean => FOREIGN.test(w.text) || w.confidence < LOW;

/** Median height of the words with a Thai consonant (the text size), 0 when none. */
export function textHeight(words: readonly OcrWord[]): number {
  const hs = words.filter((w) => /[\u0e01-\u0e2e]/.test(w.text)).map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
  return hs.length === 0 ? 0 : (hs[Math.floor(hs.length / 2)] as number);
}

/**
 * The places of a Thai reading that may be another script: on each line,
 * runs of suspect words (an ASCII or Latin character, or a confidence under
 * 50) at most JOIN words apart and near each other, with the words between
 * them; a place needs a character Thai text seldom has (a digit, a letter,
 * a symbol: not only the dots and brackets of Thai abbreviations) besides
 * the bars and brackets a table rule is read as ("|", "(|", "[ด"): on a ruled
 * page those were most of the places sent to English (bench/RESULTS.md).
 */
export function suspects(words: readonly OcrWord[]): Suspect[] {
  const H = textHeight(words) || 20;
  const out: Suspect[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as OcrWord;
    if (!suspectWord(w)) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < words.length && j - last <= JOIN) {
      const v = words[j] as OcrWord;
      const prev = words[j - 1] as OcrWord;
      if (v.line !== w.line || v.bbox.x0 - prev.bbox.x1 > 3 * H) break;
      if (suspectWord(v)) last = j;
      j++;
    }
    // a rule read as "|" beside Thai text or a Thai number ("| ๑.") is no Latin: only a place with another strong character is read
    if (words.slice(i, last + 1).some(strong)) out.push({ from: i, to: last + 1 });
    i = last + 1;
  }
  return out;
}

interface Band {
  line: number | null;
  /** The cut-out's place on the page (x0, y0, width, height) and in the stacked image (left, top). */
  x0: number;
  y0: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The suspects' cut-outs, widened by `widen` (1.5) text heights either side (a Latin
 * word is often read as Thai letters at its ends), overlapping ones on a
 * line merged, one below the other a text height and a half apart, on white.
 */
export function stack(img: GreyImage, words: readonly OcrWord[], places: readonly Suspect[], H: number, widen = 1.5): { image: GreyImage; bands: Band[] } {
  const pad = Math.max(2, Math.round(H * 0.4));
  const wide = Math.round(H * widen);
  const gap = Math.max(8, Math.round(H * 1.5));
  const boxes: Array<{ line: number | null; x0: number; y0: number; x1: number; y1: number }> = [];
  for (const s of places) {
    const ws = words.slice(s.from, s.to);
    // whole pixels: a word cut at a cell's side may have a fractional box, and an image of fractional height
    // is no image to Tesseract (the page's recognition failed: "Error attempting to read image")
    const b = {
      line: (ws[0] as OcrWord).line,
      x0: Math.max(0, Math.floor(Math.min(...ws.map((w) => w.bbox.x0)) - wide)),
      y0: Math.max(0, Math.floor(Math.min(...ws.map((w) => w.bbox.y0)) - pad)),
      x1: Math.min(img.width, Math.ceil(Math.max(...ws.map((w) => w.bbox.x1)) + wide)),
      y1: Math.min(img.height, Math.ceil(Math.max(...ws.map((w) => w.bbox.y1)) + pad)),
    };
    // not through a word: out to the next blank gap between words
    b.x0 = blankColumn(img, b.x0, b.y0, b.y1, -1, Math.max(2, Math.round(H / 3)), 4 * H);
    b.x1 = blankColumn(img, b.x1, b.y0, b.y1, 1, Math.max(2, Math.round(H / 3)), 4 * H);
    if (b.x1 <= b.x0 || b.y1 <= b.y0) continue;
    const prev = boxes[boxes.length - 1];
    if (prev && prev.line === b.line && b.x0 <= prev.x1) {
      prev.x1 = Math.max(prev.x1, b.x1);
      prev.y0 = Math.min(prev.y0, b.y0);
      prev.y1 = Math.max(prev.y1, b.y1);
    } else boxes.push(b);
  }
  const bands: Band[] = [];
  let top = gap;
  let width = 0;
  for (const b of boxes) {
    bands.push({ line: b.line, x0: b.x0, y0: b.y0, left: gap, top, width: b.x1 - b.x0, height: b.y1 - b.y0 });
    top += b.y1 - b.y0 + gap;
    width = Math.max(width, b.x1 - b.x0);
  }
  const W = width + 2 * gap;
  const data = new Uint8Array(W * top).fill(255);
  for (const b of bands) {
    for (let y = 0; y < b.height; y++) {
      const src = (b.y0 + y) * img.width + b.x0;
      data.set(img.data.subarray(src, src + b.width), (b.top + y) * W + b.left);
    }
  }
  return { image: { width: W, height: top, data }, bands };
}

/**
 * From column x outwards (dir -1: left, 1: right), the first place where
 * `run` columns in a row have no ink between rows y0 and y1 (the middle of
 * that gap), at most `limit` pixels on; the image's edge or x + dir·limit
 * when there is none.
 */
export function blankColumn(img: GreyImage, x: number, y0: number, y1: number, dir: -1 | 1, run: number, limit: number): number {
  let blank = 0;
  for (let k = 0, c = x; k <= limit; k++, c += dir) {
    if (c < 0) return 0;
    if (c >= img.width) return img.width;
    let ink = false;
    for (let y = y0; y < y1 && !ink; y++) ink = (img.data[y * img.width + c] ?? 255) < 128;
    blank = ink ? 0 : blank + 1;
    if (blank >= run) return c - dir * Math.floor(run / 2) + (dir > 0 ? 1 : 0);
  }
  return Math.min(img.width, Math.max(0, x + dir * limit));
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const centre = (w: OcrWord): { x: number; y: number } => ({ x: (w.bbox.x0 + w.bbox.x1) / 2, y: (w.bbox.y0 + w.bbox.y1) / 2 });

export interface SecondPass {
  result: OcrResult;
  /** Cut-outs read again (in one recognition), and the words of the new reading put in. */
  reread: number;
  replaced: number;
}

/** Capitals the Thai model's ASCII digits may rightly be: 0 and O, 1 and I or l look alike. */
const DIGIT_LIKE = /^[OIl]/;

/**
 * A Latin capital standing before Thai digits ("ข้อ E ๑๑", an indicator
 * code): the Thai model writes the capital as an ASCII digit ("6 ๑๑", "5 ๑๕")
 * and the Thai digits right; read again in English the place comes out as
 * one word, the capital and the Thai digits as Latin junk ("Eoo", "E09"),
 * at a confidence too low to take whole. When such a word (not taken) starts
 * with a capital where the Thai reading has one ASCII character starting
 * (within half the text height), and the rest of the Thai words under
 * it are Thai, the capital replaces that character alone: the index (in
 * `under`) of the word to replace, else null.
 */
export function leadingCapital(w: OcrWord, under: readonly OcrWord[], H: number): number | null {
  if (!/^[A-Z]/.test(w.text) || DIGIT_LIKE.test(w.text) || under.length < 2) return null;
  const order = under.map((t, i) => ({ t, i })).sort((p, q) => p.t.bbox.x0 - q.t.bbox.x0);
  const lead = order[0] as { t: OcrWord; i: number };
  if (!/^[0-9A-Za-z]$/.test(lead.t.text) || Math.abs(lead.t.bbox.x0 - w.bbox.x0) > H / 2) return null;
  return order.slice(1).every(({ t }) => /^[\u0e01-\u0e5b]+$/.test(t.text)) ? lead.i : null;
}

/**
 * An English word over a code the Thai model read as one ASCII character and Thai digits ("ข้อ E ๔"
 * read "6 ๕" and "Ee" at 71, "O๒๐" read "0 ๒๐" and "Owo" at 88, "i๒" read "1๒" and "Te" at 70):
 * English has no Thai digits, so it read them as junk however sure it is. The word starts at the
 * ASCII character (within half the text height) and the Thai words under it, left to right, are
 * that character and one or two Thai digits.
 */
export function overThaiDigits(w: OcrWord, under: readonly OcrWord[], H: number): boolean {
  if (!/^[A-Za-z]/.test(w.text) || under.length === 0) return false;
  const order = [...under].sort((p, q) => p.bbox.x0 - q.bbox.x0);
  if (Math.abs((order[0] as OcrWord).bbox.x0 - w.bbox.x0) > H / 2) return false;
  return /^[0-9A-Za-z][๐-๙]{1,2}$/.test(order.map((t) => t.text).join(''));
}

/**
 * Whether the capital English read ({@link leadingCapital}) is a code's letter to put in place of the
 * ASCII character before Thai digits: only an E (the Thai model writes it as 3, 5, 6 or 8; I and O it
 * reads as 1 and 0 already, and another capital there, "T" for a small i, is a misreading).
 */
export function capitalOverThaiDigits(w: OcrWord, under: readonly OcrWord[], H: number): boolean {
  return leadingCapital(w, under, H) !== null && overThaiDigits(w, under, H);
}

/** Below this share of the text height a word of Latin letters or ASCII digits is a speck, not a character. */
const SPECK = 0.4;

/**
 * The Thai reading without the specks it wrote as Latin letters or ASCII
 * digits: the Thai model has no way to leave a dot of dust or the stub of
 * an erased rule unread, and writes it as "7" or "l" (a box 1 px wide and
 * 4 px high beside a table rule on the sample archive's scan), where the
 * "tha+eng" reading let English drop it. A digit or letter is at least
 * about the height of a Thai consonant body; such a word under 0.4 of the
 * page's text height goes. Thai words and punctuation are left alone
 * (marks and dots are small).
 */
export function withoutSpecks(r: OcrResult): OcrResult {
  const H = textHeight(r.words);
  if (H <= 0) return r;
  const words = r.words.filter((w) => !(/^[\x21-\x7e]+$/.test(w.text) && /[0-9A-Za-z]/.test(w.text) && w.bbox.y1 - w.bbox.y0 < SPECK * H));
  return words.length === r.words.length ? r : { ...r, words };
}

/**
 * Reads the suspect places of `first` (a reading of `img` in the first
 * language) again with `rest`, in one recognition, and puts in the new
 * words that are Latin (a letter), sure (confidence ≥ 70) and either surer
 * than the Thai words under them or over a Thai reading with a digit,
 * letter or symbol in it; the Thai words under a word put in go. Without
 * suspects nothing is read. Specks read as Latin ({@link withoutSpecks}) go first.
 */
export async function readSuspectsAgain(engine: OcrEngine, img: GreyImage & { dpi: number }, read: OcrResult, rest: string): Promise<SecondPass> {
  const first = withoutSpecks(read);
  const places = suspects(first.words);
  if (places.length === 0) return { result: first, reread: 0, replaced: 0 };
  const H = textHeight(first.words) || 20;
  const { image, bands } = stack(img, first.words, places, H);
  if (bands.length === 0) return { result: first, reread: 0, replaced: 0 };
  const again = await engine.recognise(image, { languages: rest, psm: 6, dpi: img.dpi });
  // the new words in page coordinates, by cut-out
  const perBand = bands.map((b) =>
    again.words
      .filter((w) => centre(w).y >= b.top && centre(w).y < b.top + b.height)
      .sort((p, q) => p.bbox.x0 - q.bbox.x0)
      .map((w) => ({ ...w, line: b.line, bbox: { x0: w.bbox.x0 - b.left + b.x0, x1: w.bbox.x1 - b.left + b.x0, y0: w.bbox.y0 - b.top + b.y0, y1: w.bbox.y1 - b.top + b.y0 } })),
  );
  const gone = new Set<number>();
  const inserts = new Map<number, OcrWord[]>();
  bands.forEach((b, k) => {
    const got = perBand[k] as OcrWord[];
    const under = (w: OcrWord): number[] => {
      const ids: number[] = [];
      first.words.forEach((t, i) => {
        const c = centre(t);
        if (t.line === b.line && c.x >= w.bbox.x0 && c.x < w.bbox.x1 && c.y >= b.y0 && c.y < b.y0 + b.height) ids.push(i);
      });
      return ids;
    };
    const taken = got.map((w) => {
      if (!/[A-Za-z]/.test(w.text) || w.confidence < SURE) return false;
      const ids = under(w);
      if (ids.length === 0) return false;
      const old = ids.map((i) => first.words[i] as OcrWord);
      // a capital over Thai digits ("ข้อ E ๔" read "6 ๕", then "Ee" at 90): English has no Thai digits, so
      // it read them as junk however sure it is; only the capital is taken (below), the digits stay
      if (overThaiDigits(w, old, H)) return false;
      return w.confidence > mean(old.map((t) => t.confidence)) || old.some((t) => STRONG.test(t.text));
    });
    // punctuation between two words taken ("Dos & Don'ts") goes with them
    got.forEach((w, i) => {
      if (!taken[i] && !/[\p{L}\p{N}]/u.test(w.text) && taken.slice(0, i).includes(true) && taken.slice(i + 1).includes(true)) taken[i] = true;
    });
    // a capital before Thai digits ("E ๑๑"): English reads it, and the digits as Latin junk after it
    got.forEach((w, i) => {
      if (taken[i]) return;
      const ids = under(w);
      const olds = ids.map((id) => first.words[id] as OcrWord);
      // over a code's Thai digits only an E is a letter to put in (see capitalOverThaiDigits)
      const at = overThaiDigits(w, olds, H) && !/^E/.test(w.text) ? null : leadingCapital(w, olds, H);
      const id = at === null ? undefined : ids[at];
      if (id === undefined || gone.has(id)) return;
      gone.add(id);
      inserts.set(id, [{ ...(first.words[id] as OcrWord), text: w.text.charAt(0) }]);
    });
    got.forEach((w, i) => {
      if (!taken[i]) return;
      const ids = under(w).filter((id) => !gone.has(id));
      if (ids.length === 0) return;
      for (const id of ids) gone.add(id);
      const at = ids[0] as number;
      const spaced = { ...w, spaceBefore: (first.words[at] as OcrWord).spaceBefore || (inserts.get(at)?.length ?? 0) > 0 };
      inserts.set(at, [...(inserts.get(at) ?? []), spaced]);
    });
  });
  if (inserts.size === 0) return { result: first, reread: bands.length, replaced: 0 };
  const words: OcrWord[] = [];
  first.words.forEach((w, i) => {
    words.push(...(inserts.get(i) ?? []));
    if (!gone.has(i)) words.push(w);
  });
  let replaced = 0;
  for (const list of inserts.values()) replaced += list.length;
  return { result: { ...first, words }, reread: bands.length, replaced };
}
