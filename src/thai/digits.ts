/**
 * Thai digits (๐–๙, U+0E50–U+0E59) ↔ Arabic digits (0–9).
 * Everything that is not a digit is left untouched.
 */
const THAI_ZERO = 0x0e50;

export function toArabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String.fromCharCode(d.charCodeAt(0) - THAI_ZERO + 0x30));
}

export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + THAI_ZERO));
}

/** True when the string holds at least one digit, Thai or Arabic. */
export function hasDigit(s: string): boolean {
  return /[0-9๐-๙]/.test(s);
}
