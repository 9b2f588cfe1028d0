export { toArabicDigits, toThaiDigits, hasDigit } from './digits.js';
export { parseThaiNumber } from './number.js';
export { segmentThai, segmentsOf, type Segment } from './segment.js';
export { repairWrappedThai } from './wrap.js';
