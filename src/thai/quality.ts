/**
 * Signs of a broken PDF text layer, counted on raw text (thaiTextQuality):
 * what decides whether a page is read from its text layer or by OCR.
 */
import { CLASS, K_BREAK, K_MARK, K_OTHER, K_PUA, K_SPACE, K_ZERO_WIDTH, PUA_MAP } from './_chars.js';

/* ------------------------------------------------------------------------ */
/* thaiTextQuality                                                           */
/* ------------------------------------------------------------------------ */

/** Signs of a broken text layer, counted on raw (un-normalised) text. */
export interface ThaiTextQuality {
  /** Thai PUA glyph code points (U+F700–U+F71A, U+F884–U+F89E). */
  puaCount: number;
  /** Thai combining marks (PUA ones included) at the start or after whitespace. */
  orphanMarks: number;
  /**
   * Split sara am: a Thai consonant (optionally with tone marks / nikhahit),
   * one or more horizontal spaces, then า ("ค าน า" for "คำนำ", "น้ า" for
   * "น้ำ"); plus ำ followed by (spaces and) า ("ด ำ ␠ า" from pdfjs). No word
   * starts with า, so either shape means the text layer broke ำ apart.
   */
  splitSaraAm: number;
  /**
   * Characters in runs of 3 or more consecutive U+00A1–U+00FB: TIS-620 /
   * Windows-874 bytes read as Latin-1 ("¡ÒÃ" for "การ"). Shorter runs are
   * ignored so that accented Latin words ("café", "ação") do not count.
   */
  latin1Mojibake: number;
  /** Characters of the Thai block U+0E01–U+0E5B (PUA glyphs not included). */
  thaiChars: number;
}

const MOJIBAKE_MIN_RUN = 3;

/** Consonant (+ tone marks / nikhahit), spaces, า. */
const SPLIT_AM_AFTER_CONSONANT = /[\u0e01-\u0e2e][\u0e48-\u0e4b\u0e4d]*[ \u00a0]+\u0e32/g;
/** ำ, optional spaces, า. */
const SPLIT_AM_DOUBLED = /\u0e33[ \u00a0]*\u0e32/g;

function countMatches(s: string, re: RegExp): number {
  let count = 0;
  re.lastIndex = 0;
  while (re.exec(s) !== null) count++;
  return count;
}

function isMojibakeChar(c: number): boolean {
  return c >= 0x00a1 && c <= 0x00fb;
}

function isWhitespaceClass(k: number): boolean {
  return k === K_SPACE || k === K_BREAK;
}

/**
 * Counts signs of a broken PDF text layer in RAW text, for deciding whether a
 * page needs OCR instead. Heuristics (see {@link ThaiTextQuality}):
 * - puaCount: Thai PUA glyphs (other PUA, e.g. Symbol-font bullets, is not
 *   counted);
 * - orphanMarks: every Thai combining mark in a run of marks that starts the
 *   text or follows whitespace (space, NBSP, tab, newline); zero-width
 *   characters are transparent;
 * - splitSaraAm: occurrences of the two split-ำ shapes, counted wherever they
 *   are (not only when the text has no ำ elsewhere: one page may mix fonts);
 * - latin1Mojibake: characters in runs of ≥ 3 of U+00A1–U+00FB;
 * - thaiChars: Thai block characters, to scale the others by.
 */
export function thaiTextQuality(s: string): ThaiTextQuality {
  let puaCount = 0;
  let orphanMarks = 0;
  let latin1Mojibake = 0;
  let thaiChars = 0;
  let noBase = true; // at start, or after whitespace with no base since
  let mojiRun = 0;

  for (let i = 0; i < s.length; i++) {
    const raw = s.charCodeAt(i);
    if (raw >= 0x0e01 && raw <= 0x0e5b) thaiChars++;
    let k = CLASS[raw] ?? K_OTHER;
    if (k === K_PUA) {
      puaCount++;
      k = CLASS[PUA_MAP.get(raw) ?? raw] ?? K_OTHER;
    }

    if (isMojibakeChar(raw)) {
      mojiRun++;
    } else {
      if (mojiRun >= MOJIBAKE_MIN_RUN) latin1Mojibake += mojiRun;
      mojiRun = 0;
    }

    if (k === K_MARK) {
      if (noBase) orphanMarks++;
    } else if (isWhitespaceClass(k)) {
      noBase = true;
    } else if (k !== K_ZERO_WIDTH) {
      noBase = false;
    }
  }
  if (mojiRun >= MOJIBAKE_MIN_RUN) latin1Mojibake += mojiRun;

  const splitSaraAm =
    countMatches(s, SPLIT_AM_AFTER_CONSONANT) + countMatches(s, SPLIT_AM_DOUBLED);
  return { puaCount, orphanMarks, splitSaraAm, latin1Mojibake, thaiChars };
}
