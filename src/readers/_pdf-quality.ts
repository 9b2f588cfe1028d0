/**
 * PDF reader: is a page's text layer usable, or should the page be OCRed?
 *
 * Judged on the page text as assembled (ActualText applied, spaces from
 * geometry) and on its normalised form, so that what normalizeThai repairs
 * anyway (PUA glyphs, ำ written as ํ + า or as ำ ␠ า) does not count:
 * - no text at all, or next to none on a page mostly covered by images
 *   (a scan with a stamp or a page number on top);
 * - private-use characters left after normalisation (fonts without a usable
 *   ToUnicode map);
 * - Thai combining marks with no base (after a space or at a line start in
 *   the assembled text: glyphs placed apart from their base);
 * - split sara am ("ค าน า"), which normalisation cannot repair safely;
 * - TIS-620 bytes read as Latin-1 ("¡ÒÃ").
 */
import { thaiTextQuality } from '../thai/normalize.js';
import type { PageLayout } from './_pdf-layout.js';

const PUA = /[\ue000-\uf8ff]/g;
const SARA_AM = /\u0e33/g;
/** A page without text but with this many painted paths may hold text drawn as outlines. */
const OUTLINE_PATHS = 200;

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

/** How the verdicts on pages without any text start (images of text, outlines). */
export const NO_TEXT_LAYER = 'no text layer';

/** Why the page's text layer is unusable, or null when it is fine. */
export function pageQuality(p: PageLayout): string | null {
  const norm = p.text;
  const visible = norm.replace(/\s+/g, '');
  if (visible.length === 0) {
    if (p.imageCoverage > 0.05) return `${NO_TEXT_LAYER} (an image of text?)`;
    if (p.paths >= OUTLINE_PATHS) return `${NO_TEXT_LAYER} (${p.paths} painted paths: text drawn as outlines?)`;
    return null; // a blank page: nothing to read, nothing to OCR
  }
  if (visible.length < 40 && p.imageCoverage > 0.5) return `almost no text (${visible.length} characters) over an image covering the page`;
  const q = thaiTextQuality(norm);
  const puaLeft = count(norm, PUA);
  if (puaLeft >= 5 && puaLeft > visible.length * 0.05) return `${puaLeft} private-use characters the font does not map to Unicode`;
  if (q.latin1Mojibake >= 10 && q.latin1Mojibake > visible.length * 0.1) return `${q.latin1Mojibake} characters of Thai read as Latin-1`;
  if (q.thaiChars > 0) {
    // counted before normalisation, which glues a mark after a space to whatever precedes
    const orphans = thaiTextQuality(p.raw).orphanMarks;
    if (orphans >= 5 && orphans > q.thaiChars * 0.02) return `${orphans} Thai marks with no base character`;
    const am = count(norm, SARA_AM);
    if (q.splitSaraAm >= 2 && q.splitSaraAm >= (am + q.splitSaraAm) * 0.3) return `sara am split apart ${q.splitSaraAm} times ("ค าน า")`;
  }
  return null;
}
