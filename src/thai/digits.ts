/**
 * Thai digits (๐–๙, U+0E50–U+0E59) ↔ Arabic digits (0–9).
 * Everything that is not a digit is left untouched.
 */
const THAI_ZERO = 0x0e50;

const THAI_DIGIT = /[๐-๙]/;

export function toArabicDigits(s: string): string {
  // called on nearly every text the recognisers read, most of them without a Thai digit
  if (!THAI_DIGIT.test(s)) return s;
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= THAI_ZERO && c <= THAI_ZERO + 9) {
      out += s.slice(last, i) + String.fromCharCode(c - THAI_ZERO + 0x30);
      last = i + 1;
    }
  }
  return out + s.slice(last);
}

export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + THAI_ZERO));
}

/** True when the string holds at least one digit, Thai or Arabic. */
export function hasDigit(s: string): boolean {
  return /[0-9๐-๙]/.test(s);
}
