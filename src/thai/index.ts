export { toArabicDigits, toThaiDigits, hasDigit } from './digits.js';
export { parseThaiNumber } from './number.js';
export { normalizeThai, thaiTextQuality, type ThaiTextQuality } from './normalize.js';
export { segmentThai, segmentsOf, type Segment } from './segment.js';
export { repairWrappedThai, joinWrappedLines } from './wrap.js';
export {
  fiscalYear,
  parseThaiDate,
  parseThaiPeriod,
  type DatePrecision,
  type FiscalYearInfo,
  type ThaiDate,
  type ThaiDateOptions,
  type ThaiPeriod,
  type PeriodContext,
} from './date.js';
