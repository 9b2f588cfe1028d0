/**
 * The state of the body walk and the steps both text and table blocks take:
 * opening a section, scanning codes with the right tool context, adding an
 * entry, reading periods, reporting doubtful codes.
 */
import { toArabicDigits } from '../thai/digits.js';
import { DASH, H, MONTH_SRC, monthOf } from '../thai/_months.js';
import type { Diagnostic, Entry, EntryStatus, FieldRole, IndicatorScore, Period, SourcePosition, Tool, DatedMention } from '../model/schema.js';
import { parseThaiPeriod, type ThaiPeriod } from '../thai/date.js';
import { findItemCodes, type CodeScan } from './codes.js';
import { diagnostic, periodDiagnostics } from './_diagnostics.js';
import type { MarkColumn } from './mark-columns.js';
import type { StatusColumn } from './entry-status.js';

/** A section heading as found, before its number is resolved. */
export interface SectionSlot {
  stated: number | null;
  matched: number | null;
  confidence: number;
  heading: string;
  source: SourcePosition;
  part: number;
  /** Opened from a section column: each row under it states its section, so none is moved by content. */
  fromColumn?: boolean;
}

export interface BodyResult {
  entries: Entry[];
  /** For each entry, the slot it sits under (null before any heading). */
  entrySlots: Array<SectionSlot | null>;
  /** For each entry, whether it is the first row under a table's header (the table's own or one repeated): set apart from the rows above. */
  entryAfterHeader: boolean[];
  slots: SectionSlot[];
  indicatorScores: IndicatorScore[];
  /** The overall score and level a score table closes with ("คะแนนรวม", "ระดับผลการประเมิน"). */
  tableAssessment: { overallScore: number | null; level: string | null };
  dates: DatedMention[];
  diagnostics: Diagnostic[];
}

export interface State {
  fiscalYear: number | null;
  part: number;
  partHasEntries: boolean;
  slot: SectionSlot | null;
  headingTool: Tool | null;
  codeTool: Tool | null;
  /** Roles as the header names them, and as refined by the column contents. */
  headerRoles: Array<FieldRole | null> | null;
  /** The header row's texts, for cues beyond the roles ("ข้อที่ต้องพัฒนา (คะแนน)"). */
  headerTexts: string[] | null;
  roles: Array<FieldRole | null> | null;
  /** Status columns of the header (marks under ดำเนินการแล้ว / อยู่ระหว่าง… / ยังไม่…, or a สถานะ column of words). */
  statusCols: Array<StatusColumn | null> | null;
  /** Month or quarter columns whose marks give a row's period. */
  markCols: Array<MarkColumn | null> | null;
  /** The second row of the table's two-row header, to know it again when it repeats on a new page. */
  subHeader: string | null;
  /** The column that holds each row's section (a section column), once a row has shown it. */
  sectionCol: number | null;
  lastEntry: Entry | null;
  /** The last numbered top-level row of the table: the parent of sub-rows below it. */
  parentRow: Entry | null;
  /** The width of the indicator score table last read: a table of that width right after it, opening on an indicator row, is its body. */
  indicatorWidth: number | null;
  lastParagraphEntry: boolean;
  /** A header row was read and no entry has come since. */
  afterHeader: boolean;
  /** The measure written as a numbered paragraph whose labelled lines are being read, and its number. */
  measure: Entry | null;
  measureSeq: number | null;
  /** The field of the measure's last labelled line, which a short line under it may carry on (a wrapped value). */
  measureField: 'period' | 'responsible' | null;
  out: BodyResult;
}

export const ORIGIN = 'ita/body';

export function openSection(
  stated: number | null,
  matched: number | null,
  confidence: number,
  heading: string,
  source: SourcePosition,
  st: State,
  fromColumn = false,
): void {
  st.lastParagraphEntry = false;
  st.measure = null;
  const cur = st.slot;
  // the same heading repeated on a new page (or on every row of a section column) continues the section
  if (cur && cur.stated === stated && cur.matched === matched && cur.part === st.part) return;
  st.parentRow = null;
  st.slot = { stated, matched, confidence, heading, source, part: st.part, ...(fromColumn ? { fromColumn } : {}) };
  st.out.slots.push(st.slot);
}

/**
 * Years in a period cell: four digits 25xx (after พ.ศ. or not), or two right
 * after a month abbreviation's dot ("ต.ค. ๒๕"), with what OCR glues to them
 * ("๒ซ"). Group 1: the digits.
 */
const YEARISH = /(?:พ\s?\.?\s?ศ\s?\.?\s*)?([๒2][๕5][๐-๙0-9]{2}(?![๐-๙0-9])|(?<=\.\s?)[๐-๙0-9][๐-๙0-9\u0e01-\u0e2e](?![๐-๙0-9]))/g;

function inFiscalYear(p: ThaiPeriod, fy: number): boolean {
  const ok = (iso: string | null) => iso === null || Math.abs(Number(iso.slice(0, 4)) + 543 - fy) <= 1;
  return ok(p.start) && ok(p.end);
}

/**
 * What OCR made of a year after a month at one end of a range: digits with
 * letters or spaces among them, or one digit ("ต.ค. ๑ ฒ๕- ก.ย.๖๘",
 * "ต.ค.๖-ก.ย.๖๘"; a look-alike letter may come first, "ต.ค. อ๑ฒ-" for ๖๗, but
 * a digit within three characters), a range dash or the end of the text
 * after it. Group 1: the month, group 2: what stands for the year.
 */
const UNREADABLE_YEAR = new RegExp(
  `(${MONTH_SRC})${H}*((?=[\u0e01-\u0e2e]{0,2}[0-9๐-๙]|[\u0e01-\u0e2e]{2}${H}*${DASH})[0-9๐-๙\u0e01-\u0e2e](?:[0-9๐-๙\u0e01-\u0e2e]|${H}(?=[0-9๐-๙\u0e01-\u0e2e]))*)(?=${H}*(?:${DASH}|$))`,
  'g',
);

/** The BE year a yearish token stands for, or null when it is not digits. */
function yearOf(token: string, fy: number): number | null {
  const d = toArabicDigits(token);
  if (!/^\d+$/.test(d)) return null;
  if (d.length === 4) return Number(d);
  const be = 2500 + Number(d);
  return Math.abs(be - fy) <= 50 ? be : be + 100;
}

/**
 * Text read by OCR: when some years of a period came out unreadable or far
 * from the fiscal year (the Thai model has no ๖–๙: "ต.ค. ๒๕-ก.ย.๒๕",
 * "พ.ศ.๒๕๒๕"), those years are left out and the period is read again within
 * the report's fiscal year; a diagnostic says so.
 */
function ocrPeriods(text: string, found: ThaiPeriod[], source: SourcePosition, st: State): ThaiPeriod[] {
  const fy = st.fiscalYear;
  if (source.ocrConfidence === undefined || fy === null) return found;
  if (found.length > 0 && found.every((p) => inFiscalYear(p, fy)) && lostEnds(text, found) === null) return found;
  const bare = text
    .replace(YEARISH, (all: string, digits: string) => {
      const y = yearOf(digits, fy);
      return y !== null && y >= fy - 2 && y <= fy + 1 ? all : ' ';
    })
    .replace(UNREADABLE_YEAR, (all: string, month: string, year: string) => (/^[0-9๐-๙]{2}(?:[0-9๐-๙]{2})?$/.test(year) ? all : month + ' '.repeat(all.length - month.length)));
  if (bare === text) return found;
  const months = parseThaiPeriod(bare, { fiscalYear: fy });
  if (months.length === 0 || !months.every((p) => inFiscalYear(p, fy))) return found;
  st.out.diagnostics.push(
    diagnostic('warning', 'PERIOD_YEAR_FROM_CONTEXT', `OCR: some years of "${text.slice(0, 60)}" are unreadable or far from fiscal year ${fy}; read without them, within the fiscal year`, source, ORIGIN, {
      actual: text.slice(0, 60),
    }),
  );
  return months.map((p) => ({ ...p, raw: text.slice(0, 80).trim() }));
}

export function periodsOf(text: string, source: SourcePosition, st: State): Period[] {
  const found: ThaiPeriod[] = ocrPeriods(text, parseThaiPeriod(text, st.fiscalYear ? { fiscalYear: st.fiscalYear } : {}), source, st);
  if (found.length === 0 && /[0-9๐-๙]|ตลอด|ไตรมาส/.test(text)) {
    st.out.diagnostics.push(diagnostic('info', 'PERIOD_UNPARSED', `no period read from "${text.slice(0, 80)}"`, source, ORIGIN));
  }
  const lost = lostEnds(text, found);
  if (lost) {
    st.out.diagnostics.push(
      diagnostic('warning', 'PERIOD_UNPARSED', `only "${lost}" of "${text.slice(0, 80)}" was read as a period: the other end of the range is no date (a misread?)`, source, ORIGIN, {
        actual: lost,
      }),
    );
  }
  return found.map((p) => {
    if (p.start === null && p.end === null) {
      st.out.diagnostics.push(diagnostic('warning', 'PERIOD_UNRESOLVED', `"${p.raw}" needs the report's fiscal year, which was not found`, source, ORIGIN));
    }
    const period: Period = { raw: p.raw, start: p.start, end: p.end, precision: p.precision };
    if (p.reversed) period.reversed = true;
    st.out.diagnostics.push(...periodDiagnostics(period, st.fiscalYear, source, ORIGIN, 'period'));
    return period;
  });
}

/** A range's separator (a dash, or ถึง/จนถึง) closing the text before a period, or opening the text after it. */
const SEPARATOR_BEFORE = /\s*(?:[-–—]|(?:จน)?ถึง)\s*$/;
// after the period, OCR may glue a letter or two to its year before the dash ("ต.ค. ๖๗ฒ- ก.ย.๖ ๘")
const SEPARATOR_AFTER = /^[^\s\-–—]{0,2}\s*(?:[-–—]|(?:จน)?ถึง)\s*/;

/** A word meant as a date: it has a digit, or it is a month's name (thai/_months.ts), a year glued on or not. */
function dateLike(word: string): boolean {
  return /[0-9๐-๙]/.test(word) || monthOf(word) !== null;
}

/** A short word of Latin letters (and dots): in a Thai date range, OCR's reading of a Thai word. */
const LATIN_GARBLE = /^[A-Za-z.]{1,5}$/;

function lostEnds(text: string, found: readonly ThaiPeriod[]): string | null {
  if (found.length !== 1) return null;
  const raw = (found[0] as ThaiPeriod).raw;
  const at = text.indexOf(raw);
  if (at < 0 || /[-–—]|ถึง/.test(raw)) return null;
  // the word next to the separator: "๖ฒ" of "ต.ค. ๖ฒ-", not a far "๓" of "๓ ครั้ง -"
  const sepBefore = SEPARATOR_BEFORE.exec(text.slice(0, at));
  const wordBefore = sepBefore ? (text.slice(0, sepBefore.index).trim().split(/\s+/).pop() ?? '') : '';
  const sepAfter = SEPARATOR_AFTER.exec(text.slice(at + raw.length));
  const [wordAfter = '', nextAfter = ''] = sepAfter ? text.slice(at + raw.length + sepAfter[0].length).trim().split(/\s+/) : [];
  // a month OCR wrote in Latin letters ("no. ๖๘" for ก.ย. ๖๘: Thai dates hold no Latin word), its year after it
  // (its year may be garbled too: two Thai letters, the look-alikes OCR writes for digits, "ne. ออ" for ก.ย. ๖๖)
  const garbledMonth = LATIN_GARBLE.test(wordAfter) && (/[0-9๐-๙]/.test(nextAfter) || /^[\u0e01-\u0e2e]{2}$/.test(nextAfter));
  // a year read as two look-alike letters after its month ("ต.ค. อฒ-")
  const wordsBefore = sepBefore ? text.slice(0, sepBefore.index).trim().split(/\s+/) : [];
  const garbledYear = /^[\u0e01-\u0e2e]{2}$/.test(wordBefore) && monthOf(wordsBefore[wordsBefore.length - 2] ?? '') !== null;
  return dateLike(wordBefore) || dateLike(wordAfter) || garbledMonth || garbledYear ? raw : null;
}

/** "ประเด็นที่ ๓" alone on its line: a section heading with its number only (the title left out or lost). */
const NUMBER_ONLY_HEADING = /^ประเด็น(?:ที่)?\s*([1-7๑-๗])\s*[.:]?$/;

export function numberOnlyHeading(text: string): number | null {
  const m = NUMBER_ONLY_HEADING.exec(text.replace(/\*\*/g, '').trim());
  return m ? Number(toArabicDigits(m[1] ?? '')) : null;
}

/** Closing formulas of letters and notices, never part of an item's paragraph or a measure. */
export const CLOSING = /^(จึงเรียน|จึงประกาศ|ประกาศ ณ|ทั้งนี้|อนึ่ง|ลงชื่อ|ลงนาม|\()/;

export const STARTS_WITH_CODE = /^[\s\-–•*]*(?:ข้อ\s*[A-Za-z]?\s?[0-9๐-๙]|[IiEeOo]\s?[0-9๐-๙])/;
const INLINE_TOOL = /\b(IIT|EIT|OIT)\b\s*\)?\s*(?:ข้อ|[IiEeOo]\s?[0-9๐-๙])/;

export function inlineTool(text: string): Tool | null {
  return (INLINE_TOOL.exec(text)?.[1] as Tool | undefined) ?? null;
}

/**
 * Item codes of a text. The tool named by the heading above is firm context;
 * the tool of the previous rows' codes only settles bare numbers ("ข้อ ๑๒")
 * that the firm context left open, and never overrides a code's own form.
 */
export function scanCodes(text: string, st: State, codeCells: readonly number[] = []): CodeScan {
  // a tool named right before a code ("EIT ข้อ ๑") is the firmest context
  const firmTool = inlineTool(text) ?? st.headingTool;
  const firm = findItemCodes(text, { tool: firmTool, codeCells });
  if (firmTool || !st.codeTool || firm.uncertain.length === 0) return firm;
  const weak = findItemCodes(text, { tool: st.codeTool, codeCells });
  const added = weak.codes.filter((c) => c.via === 'context' && !firm.codes.some((f) => f.code === c.code));
  const resolved = new Set(added.map((c) => c.index));
  return {
    codes: [...firm.codes, ...added].sort((a, b) => a.index - b.index),
    uncertain: firm.uncertain.filter((u) => !resolved.has(u.index)),
  };
}

export function reportUncertain(scan: CodeScan, source: SourcePosition, st: State): void {
  for (const u of scan.uncertain) {
    st.out.diagnostics.push(
      diagnostic('warning', 'ITEM_CODE_UNCERTAIN', `"${u.raw}" may be an item code${u.guess ? ` (${u.guess}?)` : ''}: ${u.reason}`, source, 'ita/codes', {
        actual: u.raw,
        ...(u.guess ? { expected: u.guess } : {}),
      }),
    );
  }
}

export function addEntry(e: Entry, slot: SectionSlot | null, st: State): void {
  st.out.entries.push(e);
  st.out.entrySlots.push(slot);
  st.out.entryAfterHeader.push(st.afterHeader);
  st.afterHeader = false;
  st.lastEntry = e;
  st.partHasEntries = true;
  const explicit = e.itemCodes.find((c) => c.via === 'code');
  if (explicit) st.codeTool = explicit.tool;
  if (e.kind === 'row') st.lastParagraphEntry = false;
}
