/**
 * Text blocks in the body walk: section and part headings, tool headings,
 * paragraphs that discuss an item (entries), their continuations after a
 * page break, and standalone dates.
 */
import type { Entry, SourcePosition } from '../model/schema.js';
import { parseThaiPeriod } from '../thai/date.js';
import { toArabicDigits } from '../thai/digits.js';
import { toolFromText, type CodeScan } from './codes.js';
import { scoreOf, seqOf } from './entry-fields.js';
import { splitResponsible } from './responsible.js';
import { budgetFromText, statusFromLabel } from './entry-status.js';
import { recogniseSectionHeading } from './sections.js';
import { indicatorLine } from './indicators.js';
import { diagnostic } from './_diagnostics.js';
import { continueMeasure, startMeasure } from './_body-measure.js';
import type { MeasureHead } from './paragraph-items.js';
import { CLOSING, STARTS_WITH_CODE, addEntry, numberOnlyHeading, openSection, periodsOf, reportUncertain, scanCodes, type State } from './_body-state.js';

const PART_NUMBERED = /^([0-9๐-๙])\s*[.)]\s*(.*)$/;
const PART_WORDS = /วิเคราะห์ผลการประเมิน|ผลการดำเนินการ|ผลการดำเนินงาน|มาตรการส่งเสริม|ข้อเสนอแนะ/;
const RESULTS_HEADING = /^(ผลการดำเนินการ|ผลการดำเนินงาน|รายงานผลการดำเนิน)/;

export function walkText(text: string, source: SourcePosition, emphasised: boolean, st: State, head?: MeasureHead): void {
  if (!text) return;
  if (head) {
    startMeasure(text, head, source, st);
    return;
  }
  const indicator = indicatorLine(text);
  if (indicator) {
    st.out.indicatorScores.push(indicator);
    return;
  }
  if (continueMeasure(text, source, emphasised, st)) return;
  const heading = recogniseSectionHeading(text);
  if (heading) {
    openSection(heading.stated, heading.match?.number ?? null, heading.match?.confidence ?? 0, heading.heading, source, st);
    return;
  }
  const bare = numberOnlyHeading(text);
  if (bare !== null) {
    openSection(bare, null, 0, text.replace(/\*\*/g, '').trim(), source, st);
    return;
  }
  if (partHeading(text, st)) return;
  // a heading about one tool ("ข้อเสนอแนะสำหรับ…ภายใน (IIT)") sets the context; an item's own text mentioning
  // "ผู้มีส่วนได้ส่วนเสียภายนอก" in passing does not
  const tool = STARTS_WITH_CODE.test(text) ? null : toolFromText(text);
  if (tool) st.headingTool = tool;
  const scan = scanCodes(text, st);
  const unreadable = unreadableCode(text, scan);
  if (unreadable !== null) {
    // "ข้อ Eo ได้คะแนน ๘๔.๕๘ ประเด็น …": an item's paragraph whose code OCR made unreadable; the catalogue
    // may tell the item from its quotation (items.ts)
    if (scan.uncertain.length === 0) {
      st.out.diagnostics.push(
        diagnostic('warning', 'ITEM_CODE_UNCERTAIN', `"ข้อ ${unreadable}" opens an item's paragraph, but the code cannot be read`, source, 'ita/codes', { actual: unreadable }),
      );
    }
    addEntry(paragraphEntry(text, scan, source, st), st.slot, st);
    st.lastParagraphEntry = true;
    return;
  }
  if (isParagraphEntry(text, scan)) {
    addEntry(paragraphEntry(text, scan, source, st), st.slot, st);
    st.lastParagraphEntry = true;
    return;
  }
  if (st.lastParagraphEntry && st.lastEntry && continuesParagraph(text, scan, emphasised)) {
    st.lastEntry.text += ` ${text}`;
    fillParagraphFields(st.lastEntry, source, st);
    st.lastEntry.status = statusFromLabel(st.lastEntry.text);
    st.lastEntry.budget ??= budgetFromText(text);
    return;
  }
  st.lastParagraphEntry = false;
  collectDates(text, source, st);
}

/** Labelled parts of a paragraph entry: "ระยะเวลา: …", "ผู้รับผิดชอบ: …". */
const LABELS: Array<[RegExp, 'period' | 'responsible']> = [
  [/(?:ระยะเวลา(?:ดำเนินการ|ในการดำเนินการ)?|ช่วงเวลา|กำหนดเวลา|กำหนดเสร็จ)\s*[:：]\s*/, 'period'],
  [/(?:ผู้รับผิดชอบ|หน่วยงาน(?:ที่)?รับผิดชอบ)\s*[:：]\s*/, 'responsible'],
];
const ANY_LABEL = new RegExp(LABELS.map(([re]) => re.source).join('|'));

function labelled(text: string, re: RegExp): string | null {
  const m = re.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  const next = ANY_LABEL.exec(rest);
  return (next ? rest.slice(0, next.index) : rest).trim() || null;
}

/** Periods and responsible units of a paragraph entry: from labels, else from "มอบหมายให้ … ดำเนินการ". */
function fillParagraphFields(e: Entry, source: SourcePosition, st: State): void {
  for (const [re, role] of LABELS) {
    const value = labelled(e.text, re);
    if (value) e.fields[role] = value;
  }
  e.responsible = e.fields.responsible ? splitResponsible(e.fields.responsible) : assignedUnits(e.text);
  e.periods = e.fields.period ? periodsOf(e.fields.period, source, st) : [];
}

function partHeading(text: string, st: State): boolean {
  const t = text.replace(/\*\*/g, '').trim();
  const numbered = PART_NUMBERED.exec(t);
  if (numbered && PART_WORDS.test(numbered[2] ?? '') && t.length < 250) {
    const n = Number(toArabicDigits(numbered[1] ?? ''));
    if (n === st.part + 1 || (n === 1 && !st.partHasEntries)) {
      newPart(n, st);
      return true;
    }
  }
  if (RESULTS_HEADING.test(t) && t.length < 150 && st.partHasEntries && !/ข้อ\s/.test(t)) {
    newPart(st.part + 1, st);
    return true;
  }
  return false;
}

function newPart(n: number, st: State): void {
  st.part = n;
  st.partHasEntries = false;
  st.slot = null;
  st.roles = null;
  st.statusCols = null;
  st.lastParagraphEntry = false;
  st.measure = null;
}

/**
 * Lead-in clauses after an item's discussion ("ทั้งนี้ ควรพัฒนา … ข้อ E๑๑ E๑๒ …"):
 * codes named only there do not make a paragraph an entry, but an entry lists them with its own.
 */
const LEAD_IN = /ทั้งนี้/;

/** "…ได้แก่ ข้อ I๑๖, I๑๗ และ I๒๖ โดยมีรายละเอียดดังนี้": a list of the items discussed below. */
function isLeadIn(text: string, scan: CodeScan): boolean {
  // a range of items ("ข้อ o๑ – o๑๗ ได้คะแนนเต็ม") summarises, it does not discuss
  if (/[IiEeOo]\s?[0-9๐-๙]{1,3}\s*[–—-]\s*[IiEeOo]?\s?[0-9๐-๙]{1,3}/.test(text)) return true;
  if (/(?:ได้คะแนน|ค่าคะแนน)\s*[0-9๐-๙]/.test(text)) return false;
  return (scan.codes.length >= 2 && /ได้แก่|ดังนี้|ดังต่อไปนี้|คือ/.test(text)) || /(?:ดังนี้|ดังต่อไปนี้)\s*[:：]?\s*$/.test(text);
}

function isParagraphEntry(text: string, scan: CodeScan): boolean {
  if (scan.codes.length === 0 || isLeadIn(text, scan)) return false;
  const first = scan.codes[0]!;
  const startsWithCode = first.index <= 12 && /^[\s\-–•*]*(ข้อ|[IiEeOo๐1]|[0-9๐-๙])/.test(text);
  const discusses = /ได้คะแนน|ค่าคะแนน|ไม่ได้คะแนน/.test(text) || /ประเด็น/.test(text);
  return startsWithCode ? discusses || text.length > 60 : discusses && scan.codes.some((c) => c.index < leadInAt(text));
}

/**
 * "ข้อ Eo ได้คะแนน", "ข้อ 1 « ได้คะแนน", "ข้อ 1 ฒ ได้คะแนน": ข้อ, one or two short tokens that are no Thai word (the
 * second may be one Thai consonant alone, a digit OCR read as a letter), then the item's score.
 */
const UNREADABLE_CODE = /^[\s\-–•*]*ข้อ\s*((?=\S{0,3}[^\s\u0e01-\u0e2e\u0e30-\u0e4e])\S{1,4}(?:\s(?:(?=\S{0,2}[^\s\u0e01-\u0e2e\u0e30-\u0e4e])\S{1,3}|[\u0e01-\u0e2e]))?)\s+(?:ได้คะแนน|ค่าคะแนน|ไม่ได้คะแนน)/;

/** The unreadable code opening an item's paragraph (nothing read as a code there), else null. */
function unreadableCode(text: string, scan: CodeScan): string | null {
  if (scan.codes.some((c) => c.index <= 12)) return null;
  return UNREADABLE_CODE.exec(text)?.[1] ?? null;
}

function leadInAt(text: string): number {
  const m = LEAD_IN.exec(text);
  return m ? m.index : Infinity;
}


function continuesParagraph(text: string, scan: CodeScan, emphasised: boolean): boolean {
  if (emphasised || scan.codes.length > 0 || scan.uncertain.length > 0 || CLOSING.test(text)) return false;
  if (ANY_LABEL.test(text) && ANY_LABEL.exec(text)!.index === 0) return true; // "ผู้รับผิดชอบ: กองช่าง" under its item
  return /^[\u0e01-\u0e2e\u0e40-\u0e44]/.test(text) && !RESULTS_HEADING.test(text) && !/^ข้อเสนอแนะ/.test(text) && text.length > 40;
}

function paragraphEntry(text: string, scan: CodeScan, source: SourcePosition, st: State): Entry {
  // every code the paragraph names, those of a list after its lead-in clause included
  const codes = scan.codes;
  reportUncertain(scan, source, st);
  const e: Entry = {
    kind: 'paragraph',
    text,
    section: null,
    part: st.part,
    seq: /^\s*[0-9๐-๙]{1,3}\s*[.)]/.test(text) ? seqOf(text, null) : null,
    itemCodes: codes.map(({ index: _i, ...c }) => c),
    score: scoreOf(text),
    periods: [],
    responsible: [],
    status: statusFromLabel(text),
    budget: budgetFromText(text),
    parentSeq: null,
    fields: {},
    source,
  };
  fillParagraphFields(e, source, st);
  return e;
}

/** "โดยมอบหมายให้ งานประชาสัมพันธ์ สำนักปลัด ดำเนินการ" → the units named. */
function assignedUnits(text: string): string[] {
  const m = /มอบหมาย(?:ให้)?\**\s*([^]*?)\s*(?:เป็นผู้)?ดำเนินการ/.exec(text);
  return m ? splitResponsible((m[1] ?? '').replace(/\*\*/g, '')) : [];
}

function collectDates(text: string, source: SourcePosition, st: State): void {
  if (/รอบ\s*[0-9๐-๙]+\s*เดือน/.test(text)) return; // the reporting period, read by the header
  for (const p of parseThaiPeriod(text, st.fiscalYear ? { fiscalYear: st.fiscalYear } : {})) {
    if (p.precision !== 'day' || !p.start) continue;
    st.out.dates.push({ raw: p.raw, iso: p.start, end: p.end !== p.start ? p.end : null, source });
  }
}

