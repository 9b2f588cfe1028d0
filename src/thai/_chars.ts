/**
 * The Thai characters normalisation deals in: the PUA glyph table, the
 * combining marks' ranks, spaces and breaks, and every code unit's class
 * (normalize.ts and quality.ts read them).
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
export const PUA_MAP: ReadonlyMap<number, number> = new Map(
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

export const SPACE = 0x20;
const SARA_AA = 0x0e32; // า
export const SARA_AM = 0x0e33; // ำ
const SARA_E = 0x0e40; // เ
export const SARA_AE = 0x0e41; // แ
export const NIKHAHIT = 0x0e4d; // ํ

/* ------------------------------------------------------------------------ */
/* Character classes                                                         */
/* ------------------------------------------------------------------------ */

export const K_OTHER = 0;
export const K_SPACE = 1;
export const K_ZERO_WIDTH = 2;
export const K_MARK = 3;
export const K_BREAK = 4;
export const K_SARA_AM = 5;
export const K_SARA_AA = 6;
export const K_SARA_E = 7;
export const K_PUA = 8;

/** Class of every UTF-16 code unit (64 KiB, built once). */
export const CLASS: Uint8Array = buildClassTable();

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

export function markKey(cp: number): number {
  return MARK_KEY[cp - 0x0e00] ?? 0;
}
