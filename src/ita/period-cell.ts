/**
 * A period cell that holds its start and its end on two lines
 * ("๑ ต.ค. ๒๕๖๖ -" / "๓๑ มี.ค. ๒๕๖๗", "ตั้งแต่ …" / "ถึง …", "เริ่ม …" /
 * "สิ้นสุด …", or two dates alone): the two lines are one range, as a
 * start column and an end column would be, not two periods.
 */
import { type ThaiPeriod, parseThaiPeriod } from '../thai/date.js';

/** What may stand around the two dates: start and end words, a dash, spaces. */
const AROUND = /^(?:\s|[-–—:：]|ตั้งแต่|เริ่มต้น|เริ่ม|จาก|จนถึง|ถึง|สิ้นสุด|วันที่)*$/;

/** A start or end word broken where a narrow cell wrapped it: "สิ้น สุด", "เริ่ม ต้น", "ตั้ง แต่", "จน ถึง". */
const CUE_BROKEN = /สิ้น\s+สุด|เริ่ม\s+ต้น|ตั้ง\s+แต่|จน\s+ถึง/g;

/** A date or a month alone (not a range, a quarter or a year). */
function isPoint(p: ThaiPeriod): boolean {
  return p.start !== null && p.end !== null && (p.precision === 'day' || p.precision === 'month') && p.start.slice(0, 7) === p.end.slice(0, 7);
}

/**
 * The cell's text as one range ("A - B") when it is a start and an end in
 * order, on two lines or (a line break lost to a space, as in HTML "<br>")
 * on one, with nothing else but start and end words; else null (the text
 * is read as it is).
 */
export function twoLinePeriod(text: string, fiscalYear: number | null): string | null {
  // wrap repair may have closed the space after a start or end word ("เริ่มเม.ย. ๖๙"); a cell too narrow for one
  // may have broken it in two ("สิ้น" / "สุด", joined with a space)
  const t = text.replace(/\n/g, ' ').replace(CUE_BROKEN, (m) => m.replace(/\s+/g, '')).replace(/(ตั้งแต่|เริ่มต้น|เริ่ม|จนถึง|ถึง|สิ้นสุด)(?=[^\s\d๐-๙:：])/g, '$1 ');
  const found = parseThaiPeriod(t, fiscalYear ? { fiscalYear } : {});
  // "ตั้งแต่ … / ถึง …", "A - / B": on one line the text reads as one range already
  const one = found.length === 1 ? found[0]! : null;
  if (one) return AROUND.test(t.replace(one.raw, ' ')) ? t : null;
  if (found.length !== 2 || !found.every(isPoint)) return null;
  const [a, b] = found as [ThaiPeriod, ThaiPeriod];
  if (b.end! < a.start!) return null;
  const i = t.indexOf(a.raw);
  const j = t.indexOf(b.raw, i + a.raw.length);
  if (i < 0 || j < 0) return null;
  if (!AROUND.test(t.slice(0, i)) || !AROUND.test(t.slice(i + a.raw.length, j)) || !AROUND.test(t.slice(j + b.raw.length))) return null;
  return `${a.raw.trim()} - ${b.raw.trim()}`;
}
