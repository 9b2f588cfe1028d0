import { toArabicDigits } from './digits.js';

/**
 * A number written with Thai or Arabic digits (or both, as OCR leaves them:
 * "1๓"), optional thousands separators and decimal point. Surrounding spaces
 * are ignored; anything else makes it not a number (null).
 *
 *   parseThaiNumber("๙๑.๑๘") === 91.18
 *   parseThaiNumber("๑,๒๓๔") === 1234
 */
const NUMBER = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function parseThaiNumber(s: string): number | null {
  const t = toArabicDigits(s.trim()).replace(/\u2212/g, '-');
  if (!NUMBER.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}
