/**
 * Small readers of one entry's text: its cited score, its written sequence
 * number, and its fields by column role.
 */
import { toArabicDigits } from '../thai/digits.js';
import { repairWrappedThai } from '../thai/wrap.js';
import type { FieldRole } from '../model/schema.js';
import { cellText, type TableCell } from '../model/blocks.js';

const SCORE = /(?:ค่าคะแนน|ได้คะแนน(?:เฉลี่ย)?|คะแนน(?:ที่ได้)?)\s*[=:]?\s*(\d{1,3}(?:\.\d{1,2})?)(?!\d|\.\d)/;

/** The score cited for an entry ("(ค่าคะแนน ๙๑.๑๘)", "ได้คะแนน ๙๘.๖๘"), or null. */
/**
 * "ได้ ๘๗.๕๐ คะแนน", and "(EIT ข้อ ๑ ได้ ๗๙.๖๐)": a number after ได้ with
 * คะแนน after it, or right after an item code (a target such as
 * "เบิกจ่ายได้ ๘๐.๐๐ เปอร์เซ็นต์" is not a score).
 */
const SCORE_BEFORE = /ได้\s*(\d{1,3}(?:\.\d{1,2})?)\s*คะแนน|(?:ข้อ\s*[A-Za-z]?\s?\d{1,3}|[IiEeOo]\s?\d{1,3})\s*ได้\s*(\d{1,3}\.\d{1,2})(?![\d.]|\s*(?:%|เปอร์เซ็นต์|ร้อยละ))/;

/** "o๓ (๗๐.๙๑)", "I๑๔ = ๙๙.๑๒ คะแนน": a score right after an item code, in brackets (with its decimals) or after "=" / ":". */
const AFTER_CODE = /(?<![A-Za-z])[IiEeOo]\s?\d{1,3}\s*(?:\(\s*(\d{1,3}\.\d{1,2})\s*(?:คะแนน)?\s*\)|[=:]\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.]|\s*(?:%|เปอร์เซ็นต์|ร้อยละ)))/;

export function scoreOf(text: string): number | null {
  const t = toArabicDigits(text);
  const m = SCORE.exec(t) ?? SCORE_BEFORE.exec(t) ?? AFTER_CODE.exec(t);
  if (!m) return null;
  const n = Number(m[1] ?? m[2]);
  return n >= 0 && n <= 100 ? n : null;
}

/**
 * The entry's own written sequence number: a ลำดับ cell ("๓"), or a leading
 * number of its first cell ("๒. ให้ความรู้…" is 2); "๒. ๙" under section 2
 * is item 9 of section 2.
 */
export function seqOf(text: string, section: number | null): number | null {
  const t = toArabicDigits(text).trim();
  const dotted = /^(\d{1,3})\s*\.\s*(\d{1,3})(?!\d|\.\d)(?=\s|$|\)|\.)/.exec(t);
  if (dotted && section !== null && Number(dotted[1]) === section) return Number(dotted[2]);
  const m = /^(\d{1,3})(?:\s*[.)]|\s*$)(?!\d)/.exec(t);
  return m ? Number(m[1]) : null;
}

/**
 * The number in a ลำดับ column's cell: as seqOf, and also "(๓)" and "ข้อ ๓",
 * which only a number column can be trusted to mean as a row number (in an
 * issue cell "ข้อ ๓" is an item code, and "(๓)" alone a section heading).
 */
export function seqOfNumberCell(text: string, section: number | null): number | null {
  const t = toArabicDigits(text).trim();
  const other = /^\(\s*(\d{1,3})\s*\)\s*$/.exec(t) ?? /^ข้อ\s*(\d{1,3})\s*$/.exec(t);
  return other ? Number(other[1]) : seqOf(text, section);
}

/** A field's text: the cell's paragraphs, wrap-repaired, one per line. */
export function fieldText(c: TableCell): string {
  return c.paragraphs.map((p) => repairWrappedThai(p)).join('\n');
}

/**
 * The entry's fields by role (columns without a role are left out). The
 * role `skip`, which the caller fills itself, is only given its place.
 */
export function fieldsOf(cells: TableCell[], roles: Array<FieldRole | null>, skip?: FieldRole): Partial<Record<FieldRole, string>> {
  const out: Partial<Record<FieldRole, string>> = {};
  cells.forEach((c, i) => {
    const role = roles[i];
    if (!role) return;
    if (role === skip) {
      if (c.paragraphs.join('\n') !== '') out[role] ??= '';
      return;
    }
    const t = fieldText(c);
    if (!t) return;
    out[role] = out[role] ? `${out[role]}\n${t}` : t;
  });
  return out;
}

/** The entry's text as written: cells joined by tabs. */
export function rowText(cells: TableCell[]): string {
  return cells.map(cellText).join('\t');
}
