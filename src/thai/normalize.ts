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

import { CLASS, K_BREAK, K_MARK, K_OTHER, K_PUA, K_SARA_AA, K_SARA_AM, K_SARA_E, K_SPACE, K_ZERO_WIDTH, NIKHAHIT, PUA_MAP, SARA_AE, SARA_AM, SPACE, markKey } from './_chars.js';

export { thaiTextQuality, type ThaiTextQuality } from './quality.js';

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
