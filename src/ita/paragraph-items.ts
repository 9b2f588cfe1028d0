/**
 * Measures written as numbered paragraphs instead of a table: a numbered
 * line ("มาตรการที่ ๑ …", "๑) …", "(๑) …", "๑. …", "ข้อ ๑ …") followed by
 * labelled lines ("ระยะเวลา: …", "ผู้รับผิดชอบ: …", "งบประมาณ: …"). Labels
 * are read with the table header vocabulary (columns.ts), so a label is
 * whatever would name a column. Pure text functions, and the pre-pass that
 * tells which text blocks open a measure: a numbered line is a measure when
 * labelled lines follow it (a section heading is followed by measures, an
 * item's discussion by more prose).
 */
import type { Block } from '../model/blocks.js';
import { toArabicDigits } from '../thai/digits.js';
import type { FieldRole } from '../model/schema.js';
import { roleScores } from './columns.js';
import { statusOfHeader } from './entry-status.js';
import { recogniseSectionHeading } from './sections.js';
import { CLOSING, STARTS_WITH_CODE, numberOnlyHeading } from './_body-state.js';

export type LabelRole = FieldRole | 'status';

export interface LabelLine {
  label: string;
  /** What the label names, or null for a label the vocabulary does not know. */
  role: LabelRole | null;
  value: string;
}

/**
 * "ผู้รับผิดชอบ: …", "- งบประมาณ (บาท) : …": a short label without digits, then a colon. A hollow bullet
 * before it ("◦", "○") is what OCR reads as "๐", "o" or "°": a bullet, not a number, before a label.
 */
const LABEL = /^[\s\-–•*]*(?:[๐oO°◦○●▪■□·]\s+)?([\u0e01-\u0e4eA-Za-z][\u0e01-\u0e4eA-Za-z ()/.]{1,39}?)\s*[:：]\s*([^]*)$/;

/** Roles whose cue is this strong name a field of a measure; weaker cues ("วันที่", "หน่วยงานที่") do not. */
const MIN_SCORE = 3;

/** งบประมาณ as part of ปีงบประมาณ (the fiscal year), and the budget words that may stand beside it. */
const FISCAL_YEAR = /ปีงบประมาณ/;
const OTHER_BUDGET = /ค่าใช้จ่าย|จำนวนเงิน|(?<!ปี)งบประมาณ/;

/** The role a label names, from the column vocabulary; a สถานะ label is the status. */
function labelRole(label: string): LabelRole | null {
  if (statusOfHeader(label) === 'word') return 'status';
  const scores = { ...roleScores(label) };
  // "ประจำปีงบประมาณ พ.ศ. …" (a title's line, or a wrapped sentence's next line) names the fiscal year: its
  // งบประมาณ is no budget
  if (FISCAL_YEAR.test(label.replace(/\s+/g, '')) && !OTHER_BUDGET.test(label)) scores.budget = 0;
  let best: FieldRole | null = null;
  for (const [role, score] of Object.entries(scores) as Array<[FieldRole, number]>) {
    if (score >= MIN_SCORE && (best === null || score > scores[best])) best = role;
  }
  return best;
}

/** "ระยะเวลา ไตรมาสที่ ๒", "ผู้รับผิดชอบ กองคลัง": a label word without a colon, then a space. */
const BARE_LABEL = /^[\s\-–•*]*([\u0e01-\u0e4e]{4,22})\s+(\S[^]*)$/;
/** Without a colon only the plainest fields count: a word that merely starts a sentence is no label. */
const BARE_ROLES: ReadonlySet<LabelRole> = new Set(['period', 'responsible', 'budget', 'status', 'start', 'end']);

/** A labelled line, or null. */
export function labelLine(text: string): LabelLine | null {
  const t = text.replace(/\*\*/g, '');
  const m = LABEL.exec(t);
  if (m) {
    const label = (m[1] ?? '').trim();
    return { label, role: labelRole(label), value: (m[2] ?? '').trim() };
  }
  const bare = BARE_LABEL.exec(t);
  const role = bare ? labelRole(bare[1] ?? '') : null;
  return bare && role && BARE_ROLES.has(role) ? { label: bare[1] ?? '', role, value: (bare[2] ?? '').trim() } : null;
}

/** A word right before a colon, inside a line: "… แนวทาง: … ระยะเวลา: … ผู้รับผิดชอบ : …". */
const INLINE_LABEL = /(?<=^|\s)([^\s:：]{2,30})\s*[:：]/g;

/**
 * Labels written inside one line, each with its value up to the next: only
 * labels the vocabulary knows cut the line (a colon in a measure's own text is
 * no label). `at` is where the first label starts (the line's length when none).
 */
export function inlineLabels(text: string): { at: number; labels: LabelLine[] } {
  const found = [...text.matchAll(INLINE_LABEL)]
    .map((m) => ({ m, role: labelRole(m[1] ?? '') }))
    .filter((x) => x.role !== null);
  const labels = found.map(({ m, role }, k) => {
    const end = k + 1 < found.length ? found[k + 1]!.m.index : text.length;
    return { label: m[1] ?? '', role, value: text.slice(m.index + m[0].length, end).trim() };
  });
  return { at: found[0]?.m.index ?? text.length, labels };
}

/** How the measure is numbered; `none`: no number left in the text (a Word list's automatic numbering). */
export type HeadMark = 'word' | 'kho' | 'paren' | 'dot' | 'sub' | 'none';

export interface MeasureHead {
  mark: HeadMark;
  /** The measure's own number; for a sub-numbered line ("๑.๒") its number under the parent. */
  seq: number;
  /** The parent measure's number of a sub-numbered line, else null. */
  parent: number | null;
  /** Where the text after the number starts. */
  restAt: number;
}

const N = '([0-9๐-๙]{1,3})(?![0-9๐-๙])';
const FORMS: Array<[HeadMark, RegExp]> = [
  ['sub', new RegExp(`^${N}\\s*\\.\\s*${N}\\s*[.)]?\\s+(?=\\S)`)],
  ['word', new RegExp(`^([\\u0e01-\\u0e4e]{3,12})ที่\\s*${N}\\s*[:.)]?\\s*`)],
  ['kho', new RegExp(`^ข้อ(?:ที่)?\\s*${N}\\s*[.):]?\\s+(?=[\\u0e01-\\u0e4e])`)],
  ['paren', new RegExp(`^\\(\\s*${N}\\s*\\)\\s*(?=\\S)`)],
  ['dot', new RegExp(`^${N}\\s*[.)]\\s*(?=\\S)`)],
];

/** The numbering a line starts with, when it could open a measure. */
export function measureHead(text: string): MeasureHead | null {
  const lead = /^[\s*]*/.exec(text)?.[0].length ?? 0;
  const t = text.slice(lead);
  for (const [mark, re] of FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    if (mark === 'word' && roleScores(m[1] ?? '').measure === 0) continue; // "มาตรการที่", "กิจกรรมที่", not "ประเด็นที่"
    const a = Number(toArabicDigits(m[mark === 'word' ? 2 : 1] ?? ''));
    if (mark === 'sub') return { mark, seq: Number(toArabicDigits(m[2] ?? '')), parent: a, restAt: lead + m[0].length };
    return { mark, seq: a, parent: null, restAt: lead + m[0].length };
  }
  return null;
}

const isField = (role: LabelRole | null): role is LabelRole => role !== null && role !== 'seq' && role !== 'score';

/** A label that names a field of a measure (period, unit, steps, budget, status, result, issue…). */
function fieldLabel(text: string): boolean {
  return isField(labelLine(text)?.role ?? null);
}

/** "ข้อ ๑ …" is an item code in an analysis ("ข้อ ๒๕ ได้คะแนน ๑๐๐"): a measure's number only where the text around speaks of measures. */
function speaksOfMeasures(texts: ReadonlyArray<string | null>, i: number): boolean {
  if (/คะแนน/.test(texts[i] ?? '')) return false;
  for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
    const t = texts[k];
    if (t && !labelLine(t) && roleScores(t).measure > 0) return true;
  }
  return false;
}

/** Lines that may stand between a measure's numbered line and its first label: the measure's text wrapped. */
const MAX_WRAPPED = 2;

/** Sub-numbered lines from j on are steps: the first is not followed by a field label of its own. */
function stepsFrom(texts: ReadonlyArray<string | null>, j: number): boolean {
  const next = texts[j + 1];
  return !(next && fieldLabel(next));
}

/** Labels a measure's field label may follow (labels the vocabulary does not know). */
const MAX_OTHER_LABELS = 3;

/** After line i: at most two wrapped lines, then labels, one of them naming a field of a measure. */
function labelsFollow(texts: ReadonlyArray<string | null>, candidates: ReadonlyArray<MeasureHead | null>, i: number): boolean {
  let wrapped = 0;
  let labels = 0;
  const own = candidates[i];
  for (let j = i + 1; j < texts.length; j++) {
    const t = texts[j];
    const c = candidates[j];
    // the measure's steps written as sub-numbered lines ("๑.๑ …", "๑.๒ …") before its labels; sub-numbered
    // lines with labels of their own are sub-measures, or under an issue heading ("๑. กระบวนการ…") its items
    if (c && own && own.mark !== 'sub' && c.mark === 'sub' && c.parent === own.seq && labels === 0) {
      if (stepsFrom(texts, j) || !recogniseSectionHeading(texts[i] ?? '')) continue;
      return false;
    }
    if (t === null || t === undefined || c) return false;
    if (fieldLabel(t)) return true;
    if (labelLine(t)) {
      if (++labels > MAX_OTHER_LABELS) return false;
    } else if (labels > 0 || ++wrapped > MAX_WRAPPED) return false;
  }
  return false;
}

/**
 * Which text blocks open a measure (index → its numbering). `texts` holds
 * each block's text, null for a table. A numbered line followed (after at
 * most two wrapped lines) by a field label opens one; so does a line
 * numbered like the measures before it with the next number, labels or not.
 */
export function findMeasureHeads(texts: ReadonlyArray<string | null>): Map<number, MeasureHead> {
  const heads = new Map<number, MeasureHead>();
  const candidates = texts.map((t) => (t ? measureHead(t) : null));
  for (let i = 0; i < texts.length; i++) {
    const h = candidates[i];
    if (!h || (h.mark === 'kho' && !speaksOfMeasures(texts, i))) continue;
    if (labelsFollow(texts, candidates, i)) heads.set(i, h);
  }
  // sub-numbered lines are steps of their measure when the one before them had no labels of its own:
  // the labels after the last step belong to the measure
  let previousSub: number | null = null;
  for (let i = 0; i < texts.length; i++) {
    const c = candidates[i];
    if (!c) continue;
    if (c.mark !== 'sub') previousSub = null;
    else {
      if (previousSub !== null && candidates[previousSub]?.parent === c.parent && !heads.has(previousSub)) heads.delete(i);
      previousSub = i;
    }
  }
  unnumberedHeads(texts, candidates, heads);
  // measures without labels between labelled ones: same numbering, the next number
  let last: MeasureHead | null = null;
  for (let i = 0; i < texts.length; i++) {
    const h = heads.get(i) ?? candidates[i];
    if (!h) continue;
    if (heads.has(i)) last = h;
    else if (last && h.mark === last.mark && h.mark !== 'sub' && h.seq === last.seq + 1 && !recogniseSectionHeading(texts[i] ?? '')) {
      heads.set(i, h);
      last = h;
    }
  }
  return heads;
}

const UNNUMBERED: MeasureHead = { mark: 'none', seq: 0, parent: null, restAt: 0 };

/** Text that could be a measure's own line: prose of a sensible length, no closing formula, heading or item code. */
function plainMeasureText(t: string): boolean {
  const s = t.trim();
  return s.length >= 8 && s.length <= 300 && /^[\u0e01-\u0e4e]/.test(s) && !CLOSING.test(s) && !STARTS_WITH_CODE.test(s) && !recogniseSectionHeading(s) && numberOnlyHeading(s) === null;
}

/**
 * Measures whose number the reader lost (a Word list's automatic numbering):
 * a plain line right before labels that start over, i.e. a label whose field
 * the measure above has already given ("ระยะเวลา: …" a second time). A
 * wrapped value ("พัสดุ" before "งบประมาณ: …") comes before a field not
 * given yet. The first measure of a run has nothing to start over from: it
 * counts when the document has such restarts.
 */
function unnumberedHeads(texts: ReadonlyArray<string | null>, candidates: ReadonlyArray<MeasureHead | null>, heads: Map<number, MeasureHead>): void {
  let given: Set<LabelRole> | null = null;
  const firsts: number[] = [];
  let restarts = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t === null || t === undefined) {
      given = null;
      continue;
    }
    if (heads.has(i)) {
      given = new Set();
      continue;
    }
    const label = labelLine(t);
    if (label) {
      if (given && isField(label.role)) given.add(label.role);
      continue;
    }
    if (candidates[i] || !plainMeasureText(t)) {
      if (candidates[i] || recogniseSectionHeading(t)) given = null;
      continue;
    }
    const next = texts[i + 1];
    const role = next ? (labelLine(next)?.role ?? null) : null;
    if (!isField(role)) continue;
    if (given === null) {
      firsts.push(i);
      given = new Set();
    } else if (given.has(role)) {
      heads.set(i, UNNUMBERED);
      restarts++;
      given = new Set();
    }
  }
  if (restarts > 0) for (const i of firsts) heads.set(i, UNNUMBERED);
}

/**
 * A measure written as one paragraph with line breaks (a list item, a Word
 * paragraph broken with Shift+Enter): its number line, then labelled lines.
 * Such a text is read as one line per paragraph, as if typed as paragraphs;
 * any other text stays whole. Returns the lines, or null to keep the text.
 */
export function labelledLines(text: string): string[] | null {
  if (!text.includes('\n')) return null;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(1).some((l) => labelLine(l)?.role) ? lines : null;
}

/** Text blocks holding a measure's number line and its labelled lines become one paragraph per line (before normalising joins lines). */
export function splitLabelledParagraphs(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => {
    if (b.type === 'table') return [b];
    const lines = labelledLines(b.text);
    return lines ? lines.map((text): Block => ({ ...b, text })) : [b];
  });
}
