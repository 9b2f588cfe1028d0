/**
 * The body walk's measure blocks (numbered paragraphs instead of a table):
 * the numbered line opens a paragraph entry, the labelled lines under it
 * fill its fields (period, responsible units, budget, status, item codes),
 * wrapped or sub-numbered lines add to its text. A sub-numbered measure with
 * labels of its own ("๑.๒ …" with its own period) is an entry of its own
 * under its parent. Which lines open a measure is paragraph-items.ts's call.
 */
import type { Entry, SourcePosition } from '../model/schema.js';
import { joinWrappedLines } from '../thai/wrap.js';
import { scoreOf } from './entry-fields.js';
import { budgetFromCell, budgetFromText, statusFromLabel, statusFromWords } from './entry-status.js';
import { type LabelRole, type MeasureHead, inlineLabels, labelLine, measureHead } from './paragraph-items.js';
import { splitResponsible } from './responsible.js';
import { recogniseSectionHeading } from './sections.js';
import { CLOSING, STARTS_WITH_CODE, addEntry, numberOnlyHeading, periodsOf, reportUncertain, scanCodes, type State } from './_body-state.js';

/** A numbered line that opens a measure: a paragraph entry with the line's number and codes. */
export function startMeasure(text: string, head: MeasureHead, source: SourcePosition, st: State): void {
  // "ข้อ ๓ …" numbers the measure: the number is no item code
  const scan = scanCodes(head.mark === 'kho' ? text.slice(head.restAt) : text, st);
  reportUncertain(scan, source, st);
  // "๒.๑ …" under the open measure ๒ is a sub-measure; with no such measure open, item 1 of group ๒
  const sub = head.mark === 'sub' && st.measure !== null && head.parent === st.measureSeq;
  const e: Entry = {
    kind: 'paragraph',
    text,
    section: null,
    part: st.part,
    seq: sub || head.mark === 'none' ? null : head.seq,
    itemCodes: scan.codes.map(({ index: _i, ...c }) => c),
    score: scoreOf(text),
    periods: [],
    responsible: [],
    status: statusFromLabel(text),
    budget: budgetFromText(text),
    parentSeq: sub ? st.measureSeq : null,
    fields: {},
    source,
  };
  for (const l of inlineLabels(text).labels) applyLabel(e, l.role, l.value, source, st);
  addEntry(e, st.slot, st);
  st.measure = e;
  if (!sub) st.measureSeq = head.mark === 'sub' ? null : e.seq;
  st.lastParagraphEntry = false;
}

/**
 * A line under an open measure: a label fills its field; a wrapped or
 * sub-numbered line adds to its text. Returns false (and closes the measure)
 * for what is not part of it: headings, closing formulas, emphasised lines.
 */
export function continueMeasure(text: string, source: SourcePosition, emphasised: boolean, st: State): boolean {
  const e = st.measure;
  if (!e) return false;
  const label = labelLine(text);
  if (label) {
    e.text += ` ${text}`;
    applyLabel(e, label.role, label.value, source, st);
    st.measureField = label.role === 'period' || label.role === 'responsible' ? label.role : null;
    return true;
  }
  if (endsMeasure(text, emphasised)) {
    st.measure = null;
    return false;
  }
  e.text += ` ${text}`;
  // a short line right under a period or a unit is its value wrapped ("ผู้รับผิดชอบ: กองคลัง งาน" / "พัสดุ"),
  // or the whole value under a label that stands alone ("ระยะเวลา:" / "ไตรมาสที่ ๒")
  const field = st.measureField;
  const held = field ? (e.fields[field] ?? '') : '';
  if (field && text.length <= (held ? WRAPPED_VALUE : LONE_VALUE)) applyLabel(e, field, joinWrappedLines(held, text), source, st, true);
  st.measureField = null;
  return true;
}

/**
 * What no measure carries on into: an emphasised line, a heading, a closing formula or note, a line that
 * starts with another number (only the measure's own "๑.๒" steps do) or with an item code, a long paragraph.
 */
function endsMeasure(text: string, emphasised: boolean): boolean {
  const t = text.trim();
  const head = measureHead(t);
  return (
    emphasised ||
    CLOSING.test(t) ||
    /^หมายเหตุ/.test(t) ||
    (head !== null && head.mark !== 'sub') ||
    STARTS_WITH_CODE.test(t) ||
    recogniseSectionHeading(t) !== null ||
    numberOnlyHeading(t) !== null ||
    t.length > 400
  );
}

/** The longest line taken for the rest of a wrapped period or unit, and for the value under a lone label. */
const WRAPPED_VALUE = 40;
const LONE_VALUE = 120;

/** Fill the field a label names; `replace`: the value is the field's whole text (a wrapped value joined). */
function applyLabel(e: Entry, role: LabelRole | null, value: string, source: SourcePosition, st: State, replace = false): void {
  if (!value) return;
  switch (role) {
    case 'period':
    case 'start':
    case 'end': {
      e.fields[role] = e.fields[role] && !replace ? `${e.fields[role]} ${value}` : value;
      const written = role === 'period' ? value : [e.fields.start, e.fields.end].filter(Boolean).join(' - ');
      const periods = periodsOf(written, source, st);
      if (periods.length > 0) e.periods = periods;
      return;
    }
    case 'responsible':
      e.fields.responsible = value;
      e.responsible = splitResponsible(value);
      return;
    case 'budget':
      e.fields.budget = value;
      e.budget = budgetFromCell(value) ?? e.budget;
      return;
    case 'status':
      e.status = statusFromWords(value) ?? e.status;
      return;
    case null:
      return;
    default: {
      e.fields[role] = e.fields[role] ? `${e.fields[role]}\n${value}` : value;
      if (role === 'result' || role === 'note') e.status ??= statusFromWords(value);
      if (role === 'issue' || role === 'code' || role === 'measure') addCodes(e, value, source, st);
    }
  }
}

function addCodes(e: Entry, value: string, source: SourcePosition, st: State): void {
  const scan = scanCodes(value, st);
  reportUncertain(scan, source, st);
  for (const { index: _i, ...c } of scan.codes) if (!e.itemCodes.some((x) => x.code === c.code)) e.itemCodes.push(c);
  const explicit = e.itemCodes.find((c) => c.via === 'code');
  if (explicit) st.codeTool = explicit.tool;
}
