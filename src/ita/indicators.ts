/**
 * Indicator score tables: rows of tool (IIT/EIT/OIT, or its Thai name),
 * indicator number, indicator name and score. A row whose tool cell is empty
 * inherits the tool above; the tool also follows from the indicator number
 * (1–5 IIT, 6–8 EIT, 9–10 OIT) when no row states it.
 */
import { toArabicDigits } from '../thai/digits.js';
import { parseThaiNumber } from '../thai/number.js';
import type { FieldRole, IndicatorScore, Tool } from '../model/schema.js';
import levenshtein from 'fast-levenshtein';
import { columnRoles } from './columns.js';
import { INDICATOR_NAMES } from './catalogue/data/_build.js';

/** A tool cell: the Latin code, or the Thai name of the measure ("แบบวัด…ภายใน"); an indicator's own name ("การเปิดเผยข้อมูล") is not one. */
const TOOL_WORDS: Array<[RegExp, Tool]> = [
  [/\bIIT\b|แบบวัด[^\n]*ภายใน|ผู้มีส่วนได้ส่วนเสียภายใน/, 'IIT'],
  [/\bEIT\b|แบบวัด[^\n]*ภายนอก|ผู้มีส่วนได้ส่วนเสียภายนอก/, 'EIT'],
  [/\bOIT\b|แบบวัด[^\n]*เปิดเผยข้อมูล/, 'OIT'],
];

/** A tool column may say just "ภายใน" / "ภายนอก". */
const SHORT_TOOL: Record<string, Tool> = { ภายใน: 'IIT', ภายนอก: 'EIT' };

export function toolOfCell(s: string): Tool | null {
  for (const [re, tool] of TOOL_WORDS) if (re.test(s)) return tool;
  return SHORT_TOOL[s.replace(/\s+/g, '')] ?? null;
}

export function toolOfIndicator(n: number): Tool | null {
  if (n >= 1 && n <= 5) return 'IIT';
  if (n >= 6 && n <= 8) return 'EIT';
  if (n >= 9 && n <= 10) return 'OIT';
  return null;
}

/** Roles only a measure table has: a measure table may also have an indicator and a score column. */
const MEASURE_ROLES = new Set<FieldRole>(['measure', 'steps', 'period', 'responsible', 'result', 'outcome', 'action', 'limitation', 'budget', 'start', 'end', 'cause']);

/** The header of an indicator score table names indicators and scores, and no column a measure table has. */
export function isIndicatorHeader(cells: string[]): boolean {
  const h = cells.join(' ');
  if (!/ตัวชี้?วัด|indicator/i.test(h) || !/คะแนน|score/i.test(h) || /มาตรการ|ผู้รับผิดชอบ|ขั้นตอน/.test(h)) return false;
  return !columnRoles(cells).some((r) => r !== null && MEASURE_ROLES.has(r));
}

const INDICATOR_NO = /^\s*([0-9]{1,2})(?:\s|\.|$)/;

/** One indicator row, or null when the row holds no indicator number and score. */
export function indicatorRow(cells: string[], toolAbove: Tool | null): IndicatorScore | null {
  let indicator: number | null = null;
  let name: string | null = null;
  let score: number | null = null;
  let tool: Tool | null = null;
  for (const raw of cells) {
    const c = toArabicDigits(raw).trim();
    if (!c) continue;
    tool ??= toolOfCell(c);
    const n = parseThaiNumber(c);
    if (n !== null && !Number.isInteger(n) && n <= 100) score = n;
    else if (n !== null && Number.isInteger(n) && indicator === null && n >= 1 && n <= 10) indicator = n;
    else if (n !== null && n <= 100) score = n;
    else {
      const m: RegExpExecArray | null = /ตัวชี้วัดที่\s*([0-9]{1,2})\s*(.*)$/.exec(c) ?? (indicator === null ? INDICATOR_NO.exec(c) : null);
      if (m && indicator === null) {
        indicator = Number(m[1]);
        const rest = (m[2] ?? c.slice((m.index ?? 0) + m[0].length)).trim();
        if (rest && !toolOfCell(rest)) name = rest;
      } else if (!toolOfCell(c) || c.length > 20) name ??= c.replace(/^ตัวชี้วัดที่\s*/, '');
    }
  }
  // the name of one of the ten indicators outranks the number beside it: an indicator number outside 1–10 is a
  // misread one (OCR's "ตัวชี้วัดที่ ๐" for ๑๐, a number cell "๐" read as a score), and so is one the name
  // contradicts (the stock Thai model reads ๖ as ๒)
  const named = name === null ? null : indicatorOfName(name);
  if (named !== null) indicator = named;
  else if (indicator !== null && toolOfIndicator(indicator) === null) indicator = null;
  if (indicator === null || score === null) return null;
  // indicators 1–5 are IIT, 6–8 EIT, 9–10 OIT in every assessment year: the number outranks the row above
  return { tool: tool ?? toolOfIndicator(indicator) ?? toolAbove, indicator, name, score };
}

const squeeze = (s: string) => s.replace(/[\s\u200b]+/g, '');

/**
 * The indicator an indicator's name stands for (the ten names of the ITA
 * assessment), read through a few misread letters; null when no name is
 * near enough or two are equally near.
 */
export function indicatorOfName(name: string): number | null {
  const got = squeeze(name);
  if (got.length < 6) return null;
  let best: number | null = null;
  let bestD = Infinity;
  let tie = false;
  for (const [n, canonical] of Object.entries(INDICATOR_NAMES)) {
    const want = squeeze(canonical);
    const d = levenshtein.get(got, want);
    if (d < bestD) [best, bestD, tie] = [Number(n), d, false];
    else if (d === bestD) tie = true;
  }
  return !tie && best !== null && bestD <= Math.floor(squeeze(INDICATOR_NAMES[best]!).length / 5) ? best : null;
}

/**
 * A table whose header did not read (OCR) but whose rows are indicator rows: at least three rows, and
 * most of its filled rows, short (no cell past 45 characters: a measure table's rows have their measure)
 * with a cell naming one of the ten indicators (its score may be misread: the row is then not read, but it
 * is no measure either).
 */
export function looksLikeIndicatorRows(rows: string[][]): boolean {
  const filled = rows.filter((r) => r.some((c) => c.trim() !== ''));
  const named = filled.filter((r) => r.every((c) => c.length <= 45) && r.some((c) => indicatorOfName(c.replace(/^\s*(?:ตัวชี้?วัดที่)?\s*[0-9๐-๙]{0,2}\s*/, '')) !== null));
  return named.length >= 3 && named.length * 2 >= filled.length;
}

/** "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน ๙๕.๑๑ คะแนน": a line that is one indicator's score and nothing more. */
const INDICATOR_LINE = /^[-•*–\s]*ตัวชี้วัดที่\s*([0-9]{1,2})(?![.0-9])\s*[:.]?\s*([^\d]{2,60}?)\s*(?:ได้\s*(?:คะแนน)?|คะแนน|[:=])?\s*([0-9]{1,3}(?:\.[0-9]{1,2})?)\s*(?:คะแนน)?\s*$/;

/** One indicator's score written as a line of prose, or null. */
export function indicatorLine(text: string): IndicatorScore | null {
  const m = INDICATOR_LINE.exec(toArabicDigits(text).replace(/\*\*/g, '').trim());
  if (!m) return null;
  const indicator = indicatorOfName(m[2]!) ?? Number(m[1]); // the name outranks the number, as in indicatorRow
  const score = Number(m[3]);
  const tool = toolOfIndicator(indicator);
  if (!tool || score > 100) return null;
  return { tool, indicator, name: m[2]!.trim() || null, score };
}

const LEVEL_CELL = /^(AA|A|B|C|D|E|F|ผ่าน|ไม่ผ่าน)$/;

/**
 * A score table's closing rows: "คะแนนรวม | ๙๒.๖๙" (the overall score) and
 * "ระดับผลการประเมิน | A" (the level). With a column per year, the last
 * (latest) one. Null fields when the row states neither.
 */
export function summaryRow(cells: string[]): { overallScore: number | null; level: string | null } {
  const label = toArabicDigits(cells.find((c) => c.trim()) ?? '').trim();
  const rest = cells.slice(cells.indexOf(cells.find((c) => c.trim()) ?? '') + 1).map((c) => toArabicDigits(c).replace(/["“”]/g, '').trim()).filter(Boolean);
  let overallScore: number | null = null;
  let level: string | null = null;
  if (/^(คะแนน\s*(รวม|เฉลี่ย)|ผลคะแนนรวม|รวม|ภาพรวม|คะแนน\s*ITA)/.test(label)) {
    for (const c of rest) {
      const n = parseThaiNumber(c);
      if (n !== null && n >= 0 && n <= 100) overallScore = n;
    }
  } else if (/^(ระดับ|ผลการประเมิน)/.test(label)) {
    for (const c of rest) if (LEVEL_CELL.test(c)) level = c;
  }
  return { overallScore, level };
}
