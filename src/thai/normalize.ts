/**
 * Thai text normalisation: standard Unicode out of what PDF text layers and
 * OCR produce.
 *
 * `normalizeThai` runs in one pass over the UTF-16 code units, writing into a
 * buffer that never grows past the input (every rule keeps or shrinks the
 * length). It is idempotent: `normalizeThai(normalizeThai(x)) ===
 * normalizeThai(x)` for every string.
 *
 * What it does, in the order a character meets it:
 * - Thai Private Use Area glyphs (Windows U+F700–U+F71A, Mac U+F884–U+F89E)
 *   become the standard characters (table from HarfBuzz's Thai shaper,
 *   harfbuzz/harfbuzz src/hb-ot-shaper-thai.cc, `SD_`/`SDL_`/`SL_`/`RD_`
 *   mappings, Windows and Mac columns).
 * - Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and the
 *   soft hyphen U+00AD are dropped.
 * - Horizontal spaces (space, NBSP and the other Unicode space separators; not
 *   tab) fold to one ASCII space. Spaces are dropped before a Thai combining
 *   mark, before ำ, and before a line break or tab. A space at the very end of
 *   the string is kept (folded), since callers may join fragments.
 * - The Thai combining marks following one base form a cluster; each cluster
 *   is put in canonical order (below vowel, above vowel, tone mark,
 *   thanthakhat; see {@link MARK_RANK}) and identical marks in it collapse.
 * - Sara am: ํ + า → ำ, with any marks between kept before ำ
 *   (ํ ้ า and ้ ํ า → ้ำ) and spaces between dropped (no word starts with
 *   า); marks typed after ำ move before it (ำ ้ → ้ำ);
 *   a า after ำ (optionally after spaces: pdfjs gives "ดำ" as ด ำ ␠ า for
 *   LibreOffice PDFs) is dropped; ํ before ำ and a second ำ are dropped.
 *   The "ค าน า" split (nikhahit lost, a space left) is NOT repaired here: it
 *   cannot be told apart safely; {@link thaiTextQuality} counts it.
 * - เ + เ → แ.
 *
 * Not done: NFC/NFKC/NFKD (NFKC would split ำ; NFC is left to callers for
 * non-Thai text; for Thai-only text the output is already NFC-stable because
 * the mark order agrees with the canonical combining classes), HTML entities
 * and tags.
 */

/* ------------------------------------------------------------------------ */
/* Data tables                                                               */
/* ------------------------------------------------------------------------ */

/**
 * Thai PUA glyphs → standard Thai, as rows [standard, Windows PUA, Mac PUA].
 * Copied code point for code point from HarfBuzz's Thai shaper
 * (harfbuzz/harfbuzz, src/hb-ot-shaper-thai.cc, `thai_pua_shape`).
 */
const PUA_ROWS: ReadonlyArray<readonly [thai: number, win: number, mac: number]> = [
  // SD: shift combining mark down
  [0x0e48, 0xf70a, 0xf88b], // MAI EK
  [0x0e49, 0xf70b, 0xf88e], // MAI THO
  [0x0e4a, 0xf70c, 0xf891], // MAI TRI
  [0x0e4b, 0xf70d, 0xf894], // MAI CHATTAWA
  [0x0e4c, 0xf70e, 0xf897], // THANTHAKHAT
  [0x0e38, 0xf718, 0xf89b], // SARA U
  [0x0e39, 0xf719, 0xf89c], // SARA UU
  [0x0e3a, 0xf71a, 0xf89d], // PHINTHU
  // SDL: shift combining mark down-left
  [0x0e48, 0xf705, 0xf88c], // MAI EK
  [0x0e49, 0xf706, 0xf88f], // MAI THO
  [0x0e4a, 0xf707, 0xf892], // MAI TRI
  [0x0e4b, 0xf708, 0xf895], // MAI CHATTAWA
  [0x0e4c, 0xf709, 0xf898], // THANTHAKHAT
  // SL: shift combining mark left
  [0x0e48, 0xf713, 0xf88a], // MAI EK
  [0x0e49, 0xf714, 0xf88d], // MAI THO
  [0x0e4a, 0xf715, 0xf890], // MAI TRI
  [0x0e4b, 0xf716, 0xf893], // MAI CHATTAWA
  [0x0e4c, 0xf717, 0xf896], // THANTHAKHAT
  [0x0e31, 0xf710, 0xf884], // MAI HAN-AKAT
  [0x0e34, 0xf701, 0xf885], // SARA I
  [0x0e35, 0xf702, 0xf886], // SARA II
  [0x0e36, 0xf703, 0xf887], // SARA UE
  [0x0e37, 0xf704, 0xf888], // SARA UEE
  [0x0e47, 0xf712, 0xf889], // MAITAIKHU
  [0x0e4d, 0xf711, 0xf899], // NIKHAHIT
  // RD: base consonant without its descender
  [0x0e0d, 0xf70f, 0xf89a], // YO YING
  [0x0e10, 0xf700, 0xf89e], // THO THAN
];

/** PUA code point → standard Thai code point (both columns of {@link PUA_ROWS}). */
const PUA_MAP: ReadonlyMap<number, number> = new Map(
  PUA_ROWS.flatMap(([thai, win, mac]) => [
    [win, thai],
    [mac, thai],
  ]),
);

/**
 * Thai combining marks and their place in a cluster; lower ranks come first.
 *   0 phinthu ฺ (ccc 9)
 *   1 below vowels ุ ู (ccc 103)
 *   2 above vowels ั ิ ี ึ ื ็, nikhahit ํ, yamakkan ๎ (ccc 0)
 *   3 tone marks ่ ้ ๊ ๋ (ccc 107)
 *   4 thanthakhat ์ (ccc 0)
 * Vowels before tone marks is the Thai typing order ("กี่", "กุ้ง"); nikhahit
 * with the above vowels puts it before a tone mark, as HarfBuzz and cairo do.
 * Among the non-zero combining classes the ranks agree with Unicode's
 * canonical order, so NFC leaves a normalised Thai cluster alone.
 * Marks of equal rank are ordered by code point.
 */
const MARK_RANK: Readonly<Record<number, number>> = {
  0x0e3a: 0,
  0x0e38: 1,
  0x0e39: 1,
  0x0e31: 2,
  0x0e34: 2,
  0x0e35: 2,
  0x0e36: 2,
  0x0e37: 2,
  0x0e47: 2,
  0x0e4d: 2,
  0x0e4e: 2,
  0x0e48: 3,
  0x0e49: 3,
  0x0e4a: 3,
  0x0e4b: 3,
  0x0e4c: 4,
};

/** Removed outright: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const ZERO_WIDTH: readonly number[] = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad];

/** Horizontal spaces (folded to one U+0020). Tab is not among them. */
const HORIZONTAL_SPACES: readonly number[] = [
  0x0020, 0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
];

/** Line breaks and tab: kept as they are; spaces before them are dropped. */
const BREAKS: readonly number[] = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029];

const SPACE = 0x20;
const SARA_AA = 0x0e32; // า
const SARA_AM = 0x0e33; // ำ
const SARA_E = 0x0e40; // เ
const SARA_AE = 0x0e41; // แ
const NIKHAHIT = 0x0e4d; // ํ

/* ------------------------------------------------------------------------ */
/* Character classes                                                         */
/* ------------------------------------------------------------------------ */

const K_OTHER = 0;
const K_SPACE = 1;
const K_ZERO_WIDTH = 2;
const K_MARK = 3;
const K_BREAK = 4;
const K_SARA_AM = 5;
const K_SARA_AA = 6;
const K_SARA_E = 7;
const K_PUA = 8;

/** Class of every UTF-16 code unit (64 KiB, built once). */
const CLASS: Uint8Array = buildClassTable();

/** Sort key of each Thai mark: rank, then code point. */
const MARK_KEY: Uint16Array = buildMarkKeys();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const set = (cps: Iterable<number>, k: number): void => {
    for (const cp of cps) t[cp] = k;
  };
  set(HORIZONTAL_SPACES, K_SPACE);
  set(ZERO_WIDTH, K_ZERO_WIDTH);
  set(BREAKS, K_BREAK);
  set(Object.keys(MARK_RANK).map(Number), K_MARK);
  set(PUA_MAP.keys(), K_PUA);
  t[SARA_AM] = K_SARA_AM;
  t[SARA_AA] = K_SARA_AA;
  t[SARA_E] = K_SARA_E;
  return t;
}

function buildMarkKeys(): Uint16Array {
  const keys = new Uint16Array(0x80);
  for (const [cp, rank] of Object.entries(MARK_RANK)) {
    keys[Number(cp) - 0x0e00] = rank * 0x100 + (Number(cp) & 0xff);
  }
  return keys;
}

function markKey(cp: number): number {
  return MARK_KEY[cp - 0x0e00] ?? 0;
}

/* ------------------------------------------------------------------------ */
/* Cluster helpers (operate on the output buffer)                            */
/* ------------------------------------------------------------------------ */

/**
 * Inserts `mark` into the sorted cluster buf[start, end) unless it is
 * already there; returns the new end.
 */
function insertMark(buf: Uint16Array, start: number, end: number, mark: number): number {
  for (let p = start; p < end; p++) if (buf[p] === mark) return end;
  const key = markKey(mark);
  let p = end;
  while (p > start && markKey(buf[p - 1] ?? 0) > key) {
    buf[p] = buf[p - 1] ?? 0;
    p--;
  }
  buf[p] = mark;
  return end + 1;
}

/** Removes `mark` from the cluster buf[start, end) if present; returns the new end. */
function removeMark(buf: Uint16Array, start: number, end: number, mark: number): number {
  for (let p = start; p < end; p++) {
    if (buf[p] === mark) {
      buf.copyWithin(p, p + 1, end);
      return end - 1;
    }
  }
  return end;
}

function clusterHas(buf: Uint16Array, start: number, end: number, mark: number): boolean {
  for (let p = start; p < end; p++) if (buf[p] === mark) return true;
  return false;
}

/** UTF-16 buffer → string, in chunks to stay clear of argument-count limits. */
function bufferToString(buf: Uint16Array, n: number): string {
  const CHUNK = 8192;
  let s = '';
  for (let p = 0; p < n; p += CHUNK) {
    const part = buf.subarray(p, Math.min(n, p + CHUNK));
    s += String.fromCharCode.apply(null, part as unknown as number[]);
  }
  return s;
}

/* ------------------------------------------------------------------------ */
/* normalizeThai                                                             */
/* ------------------------------------------------------------------------ */

/**
 * Standard Unicode Thai out of PDF/OCR text: PUA glyphs mapped, sara am
 * composed, marks reordered and deduplicated, เเ → แ, zero-width characters
 * removed, horizontal spaces folded (tabs and newlines kept). See the module
 * comment for the exact rules. Idempotent; the result is never longer than
 * the input.
 *
 *   normalizeThai("น\u0e4d\u0e49\u0e32")  === "น้ำ"
 *   normalizeThai("ก\u0e48\u0e35")        === "กี่"
 *   normalizeThai("ถ ึง")                === "ถึง"
 */
export function normalizeThai(s: string): string {
  const len = s.length;
  if (len === 0) return s;
  const out = new Uint16Array(len);
  let n = 0; // output length
  let cStart = 0; // start of the current base's mark cluster in `out`
  let hasAm = false; // the current cluster is closed by ำ at out[n - 1]
  let bareE = false; // out[n - 1] is a เ with nothing after it
  let pendingSpace = false; // horizontal spaces seen, not yet written

  for (let i = 0; i < len; i++) {
    let c = s.charCodeAt(i);
    let k = CLASS[c] ?? K_OTHER;
    if (k === K_PUA) {
      c = PUA_MAP.get(c) ?? c;
      k = CLASS[c] ?? K_OTHER;
    }

    switch (k) {
      case K_ZERO_WIDTH:
        continue;

      case K_SPACE:
        pendingSpace = true;
        continue;

      case K_MARK:
        pendingSpace = false;
        bareE = false;
        if (hasAm) {
          // Marks typed after ำ belong before it; a nikhahit is already in ำ.
          if (c !== NIKHAHIT) n = insertMark(out, cStart, n - 1, c) + 1;
          out[n - 1] = SARA_AM;
        } else {
          n = insertMark(out, cStart, n, c);
        }
        continue;

      case K_SARA_AM:
        pendingSpace = false;
        bareE = false;
        if (hasAm) continue; // ำ ำ → ำ
        n = removeMark(out, cStart, n, NIKHAHIT); // ํ ำ → ำ
        out[n++] = SARA_AM;
        hasAm = true;
        continue;

      case K_SARA_AA:
        if (hasAm) {
          pendingSpace = false; // ำ ␠ า → ำ
          continue;
        }
        if (clusterHas(out, cStart, n, NIKHAHIT)) {
          pendingSpace = false; // ํ (marks) ␠? า → (marks) ำ
          bareE = false;
          n = removeMark(out, cStart, n, NIKHAHIT);
          out[n++] = SARA_AM;
          hasAm = true;
          continue;
        }
        break;

      case K_SARA_E:
        if (bareE && !pendingSpace) {
          out[n - 1] = SARA_AE; // เ เ → แ
          bareE = false;
          continue;
        }
        break;

      case K_BREAK:
        pendingSpace = false; // trailing spaces before a line break or tab
        break;
    }

    // A base character.
    if (pendingSpace) {
      out[n++] = SPACE;
      pendingSpace = false;
    }
    out[n++] = c;
    cStart = n;
    hasAm = false;
    bareE = k === K_SARA_E;
  }
  if (pendingSpace) out[n++] = SPACE;

  return n === len && sameAs(out, s) ? s : bufferToString(out, n);
}

/** True when buf holds exactly the code units of s (same length assumed). */
function sameAs(buf: Uint16Array, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (buf[i] !== s.charCodeAt(i)) return false;
  return true;
}

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
