/**
 * ITA item codes in running text and table cells: "ข้อ I13", "(ข้อ E๔ และข้อE๕)",
 * "ข้อ E๑๑ E๑๒ และ E๑๕", ranges ("i1 – i6", "O1 ถึง O10", "ข้อ ๑-๓"), "e๖ …", "ข้อ O๓๔", and the OCR damage seen in real
 * reports: "ข้อ 1๓" / "ตัวชี้วัดที่ 1๗, 1๘ และ 1๙" (Latin I read as the digit 1),
 * "ข้อ ๐ ๓๗" / "ข้อ 012" (Latin O read as a zero), "ข้อ ๑๒" (letter lost: a code
 * only when the surrounding heading names the tool), "ข้อ 5๑๑" / "ข้อ 6 ๑๕" (the
 * letter read as another Arabic digit: an Arabic digit never starts a Thai-digit
 * number, so it stands for a letter, whose tool only the heading can tell), "ข้อ ถี๑๑"
 * (a Thai letter glued to the digits, the same under a tool's heading) and
 * "ข้อ ๒๑๒" under an EIT heading (the letter read as a Thai digit: a number no
 * tool has whose last two digits are an item of the heading's tool).
 *
 * The Arabic "1" in front of Thai digits IS the letter I, so the item is the
 * Thai-digit part: 1๓ = i3, 1๗ = i7, 1๑๐ = i10, 1๑๔ = i14. (The primer reads
 * 1๓ as i13, which contradicts its own 1๑๐ = i10; corpus 000 and 004 confirm
 * i3/i7 by question content: see fixtures/expected/README.md.)
 *
 * Not codes: indicator numbers ("ตัวชี้วัดที่ ๑๐", "ตัวชี้วัดย่อยที่ ๑๐.๑"), step
 * numbers ("๑.", "ข้อ ๑) - ๑๑)"), scores, years, ข้อ inside words (ข้อมูล,
 * ข้อเสนอแนะ, หัวข้อ) and Latin words (E-Service, EIT, Online).
 *
 * Scanning is one left-to-right pass of a global anchor regex plus sticky
 * token regexes with bounded quantifiers: linear in the text length.
 */
import { toArabicDigits } from '../thai/digits.js';
import type { ItemCode, Tool } from '../model/schema.js';

export interface CodeContext {
  /** Tool in force from the surrounding heading/entries, if known. */
  tool?: Tool | null;
  /**
   * Where cells of a column of codes begin in the text (a column headed ข้อ or รหัส): each is
   * read as if ข้อ stood before it, for codes of their own shape only ("O๓", "๐๒๓", "1๕",
   * "โ๑๑"), never a bare number.
   */
  codeCells?: readonly number[];
}
export interface CodeGuess {
  raw: string;
  index: number;
  guess: string | null;
  confidence: number;
  reason: string;
}
export interface CodeScan {
  codes: Array<ItemCode & { index: number }>;
  uncertain: CodeGuess[];
}

/** Below this a reading goes to `uncertain`, never to `codes`. */
export const CODE_CONFIDENCE_THRESHOLD = 0.6;

/** Confidence of each way of reading a code. */
export const CODE_CONFIDENCE = {
  anchored: 0.97, // "ข้อ E๙", "ตัวชี้วัดข้อ E๔", "E๑๒" in a list after ข้อ
  standalone: 0.92, // "e๖ การเผยแพร่…", "i13"
  spaced: 0.88, // "I 13" with no ข้อ
  ocrI: 0.8, // "ข้อ 1๓"
  ocrO: 0.75, // "ข้อ ๐ ๓๗", "ข้อ 012"
  ocrLetter: 0.7, // "ข้อ 5๑๑" under an EIT heading: the letter from the heading
  context: 0.7, // "ข้อ ๒๕" under an IIT heading
  conflict: 0.65, // OCR reading against the tool in force: the damage itself still marks the letter
  letterDigit: 0.62, // "ข้อ ๒๑๒" under an EIT heading: e12, the first digit taken for the letter
  outOfRange: 0.4,
  none: 0,
} as const;

/** Highest plausible item number per tool (generous across assessment years). */
export const ITEM_MAX: Readonly<Record<Tool, number>> = { IIT: 30, EIT: 15, OIT: 50 };

type Letter = 'i' | 'e' | 'o';
const TOOL_OF: Readonly<Record<Letter, Tool>> = { i: 'IIT', e: 'EIT', o: 'OIT' };
const LETTER_OF: Readonly<Record<Tool, Letter>> = { IIT: 'i', EIT: 'e', OIT: 'o' };

type Anchor = 'kho' | 'indicator' | 'letter' | 'khoLost' | 'cell';
type Kind = 'explicit' | 'ocrO' | 'ocrI' | 'ocrIUnread' | 'ocrLetter' | 'bare';

/**
 * ข้อ (not หัวข้อ), ตัวชี้วัด(ย่อย)ที่, or a code letter not inside a Latin word; and ข้อ whose tone mark OCR
 * lost ("ขอ ๐ ๔๓", a word of its own: ขอ is also "to ask"), only before a code's own shape: a letter or a
 * 0 / 1 standing for one, then digits.
 */
const ANCHOR = /(?<!หัว)ข้อ(?:ที่)?|(?<![\u0e01-\u0e4e])ขอ(?=[ \u00a0]?[IiEeOo0๐1][ \u00a0]?[0-9๐-๙])|ตัวชี้วัด(?:ย่อย)?ที่|(?<![A-Za-z0-9๐-๙.@_])[IiEeOo](?=[ \u00a0]?[0-9๐-๙])/g;
const GAP = /[ \t\u00a0]{0,3}/y;
/** A range of codes: "i1 – i6", "O1 ถึง O10", "ข้อ ๑-๓" (ends included). */
const RANGE = /[ \t\u00a0]{0,3}(?:[-–—]|ถึง)[ \t\u00a0]{0,3}(?:(?<!หัว)ข้อ(?:ที่)?[ \t\u00a0]{0,3})?/y;
/** Between two codes of a list: ", " "และ" "หรือ" "/" "&", optionally a new ข้อ. */
const SEPARATOR = /([ \t\u00a0]{0,3})(,|และ|หรือ|\/|&amp;|&)?([ \t\u00a0]{0,3})((?<!หัว)ข้อ(?:ที่)?)?([ \t\u00a0]{0,3})/y;
const TOKENS: ReadonlyArray<readonly [Kind, RegExp]> = [
  // "E1 ๐": a PDF splits mixed Arabic/Thai digits into two runs with a gap
  ['explicit', /([IiEeOo])[ \u00a0]?((?:[0-9]{1,2}[ \u00a0](?=[๐-๙]))?[0-9๐-๙]{1,4})/y],
  ['ocrO', /[0๐][ \u00a0]?([1-9๑-๙][0-9๐-๙]{0,3})/y],
  // "ข้อ 1 ๗": PDFs print a gap after the I; the Thai model also reads the I as "โ" (a vowel that
  // never stands before a digit), or as both ("1โ๑๕")
  ['ocrI', /(?:1โ?|โ)[ \u00a0]?([๐-๙]{1,3})/y],
  // "ข้อ 113": Arabic digits, the I read as a 1 before an item of two digits (no tool has an item 100 or more)
  ['ocrI', /1([1-9][0-9])(?![0-9])/y],
  // "ข้อ 1 «", "ข้อ 1 ฒ ได้คะแนน": the I and one stray glyph where its digit was; the number cannot be read
  ['ocrIUnread', /(?:1โ?|โ)[ \u00a0]?(?:[^\s0-9๐-๙A-Za-z.,;:()[\]\-–]|[a-z]{1,2})(?=[\s)]|$)/y],
  // a damaged letter before the digits: "ข้อ 5๑๑", "ข้อ 6 ๑๕", "๒6 ๑๕" (an Arabic digit, a Thai one read with it);
  // "ข้อ ถี๑๑", "ถื ๑๕" (a Thai letter, and a mark before a space: "ข้อ ณ ๓๐" is a date); '"๑๒', '"๑ ๑๒' (a quote
  // mark, a digit read with it)
  ['ocrLetter', /(?:[๐-๙]?[2-9][ \u00a0]?|[\u0e01-\u0e2e](?:[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e][ \u00a0]?)?|["'“”‘’«»`](?:[0-9๐-๙][ \u00a0]|[ \u00a0]?))([๑-๙][๐-๙]?)/y],
  ['bare', /([0-9๐-๙]{1,4})/y],
];
/** Arabic digits the Thai model makes of a Latin E (never of I or O, which come out as 1 and 0). */
const E_SHAPED = /[3568]/;
/** What may not follow a code: more digits or letters, a decimal part, the rest of a URL or file name. */
const BAD_TAIL = /[0-9๐-๙A-Za-z]|[.,][0-9๐-๙]|[.@_][A-Za-z]/y;
/**
 * "O๗O๙", "i๑๑i๑๓": a code of the same tool right after a code's digits, the spaces between them lost (a
 * cell one letter wide, drawn as text, keeps no space between the pieces of its words).
 */
function glued(text: string, at: number, letter: string): boolean {
  return letter !== '' && (text[at] ?? '').toLowerCase() === letter.toLowerCase() && /[0-9๐-๙]/.test(text[at + 1] ?? '');
}

/** Bare numbers that are step numbers or references to them: "ข้อ ๑.", "ข้อ ๑) - ๑๑)". */
const STEP_TAIL = /[.)]/y;
/** Words before ข้อ that make a bare number a cross-reference ("ตามข้อ ๔๒"). */
const CROSS_REF = /(?:ตาม|มาตรการ)[ \u00a0]?$/;

interface Token {
  kind: Kind;
  end: number;
  m: RegExpExecArray;
}
interface Reading {
  raw: string;
  index: number;
  letter: Letter | null;
  item: number | null;
  confidence: number;
  via: ItemCode['via'];
  reason: string;
}

function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function readNumber(digits: string): number {
  return Number.parseInt(toArabicDigits(digits).replace(/[ \u00a0]/g, ''), 10);
}

/** The first token kind in `kinds` that reads cleanly at `pos`. */
function matchToken(text: string, pos: number, kinds: ReadonlySet<Kind>, opened: boolean): Token | null {
  for (const [kind, re] of TOKENS) {
    if (!kinds.has(kind)) continue;
    const m = stickyAt(re, text, pos);
    if (!m) continue;
    const end = pos + m[0].length;
    if (stickyAt(BAD_TAIL, text, end) && !(kind === 'explicit' && glued(text, end, m[1] ?? ''))) continue;
    // an OCR-damaged code with a Thai letter glued to its digits ("ข้อ ๐ ๓ซ"): the model wrote a letter
    // for a digit it lacks (๗ → ซ), so the number is not readable as it stands
    if ((kind === 'ocrO' || kind === 'ocrI') && /[\u0e01-\u0e2e]/.test(text[end] ?? '')) return null;
    if (kind === 'bare' && stickyAt(STEP_TAIL, text, end) && !(opened && text[end] === ')')) return null;
    return { kind, end, m };
  }
  return null;
}

/** What a token says, before range checks. */
function readToken(tok: Token, anchor: Anchor, listTool: Tool | null, ctxTool: Tool | null, before: string) {
  const group = tok.m[1] ?? '';
  const conflict = (own: Tool): boolean => ctxTool !== null && ctxTool !== own;
  switch (tok.kind) {
    case 'explicit': {
      const spaced = /\s/.test(tok.m[0]);
      const confidence =
        anchor !== 'letter' ? CODE_CONFIDENCE.anchored : spaced ? CODE_CONFIDENCE.spaced : CODE_CONFIDENCE.standalone;
      return { letter: group.toLowerCase() as Letter, item: readNumber(tok.m[2] ?? ''), confidence, via: 'code', reason: '' } as const;
    }
    case 'ocrI': {
      if (group.startsWith('๐')) return { letter: null, item: null, confidence: 0, via: 'code', reason: `"${tok.m[0]}": not a readable IIT code` } as const;
      const confidence = conflict('IIT') ? CODE_CONFIDENCE.conflict : CODE_CONFIDENCE.ocrI;
      return { letter: 'i', item: readNumber(group), confidence, via: 'code', reason: '"1" read as the letter I' } as const;
    }
    case 'ocrO': {
      const confidence = conflict('OIT') ? CODE_CONFIDENCE.conflict : CODE_CONFIDENCE.ocrO;
      return { letter: 'o', item: readNumber(group), confidence, via: 'code', reason: 'zero read as the letter O' } as const;
    }
    case 'ocrIUnread':
      return { letter: null, item: null, confidence: CODE_CONFIDENCE.none, via: 'code', reason: `"${tok.m[0]}": the I of an IIT code with its number unreadable` } as const;
    case 'ocrLetter': {
      // an Arabic digit shaped like E (I is read as 1, O as 0): the letter is E, whatever the tool in force
      const tool = listTool ?? ctxTool;
      // a cell's first token: "6 ๙" (a digit shaped like E), never a Thai letter before digits ("ปี ๒๕")
      if (anchor === 'cell' && !/^[๐-๙]?[2-9]/.test(tok.m[0])) return { letter: null, item: null, confidence: CODE_CONFIDENCE.none, via: 'code', reason: `"${tok.m[0]}": not a code's own shape at a cell's start` } as const;
      if (E_SHAPED.test(tok.m[0])) {
        const confidence = tool !== null && tool !== 'EIT' ? CODE_CONFIDENCE.conflict : CODE_CONFIDENCE.ocrLetter;
        return { letter: 'e', item: readNumber(group), confidence, via: tool ? 'context' : 'code', reason: '' } as const;
      }
      if (!tool) return { letter: null, item: readNumber(group), confidence: CODE_CONFIDENCE.none, via: 'code', reason: `"${tok.m[0]}": the item letter damaged (a digit or a Thai letter in its place), and no tool in force to tell which` } as const;
      return { letter: LETTER_OF[tool], item: readNumber(group), confidence: CODE_CONFIDENCE.ocrLetter, via: 'context', reason: '' } as const;
    }
    case 'bare': {
      const tool = listTool ?? ctxTool;
      const item = readNumber(group);
      const lost = tool ? letterAsDigit(group, tool) : null;
      if (lost !== null && !listTool && tool) return { letter: LETTER_OF[tool], item: lost, confidence: CODE_CONFIDENCE.letterDigit, via: 'context', reason: '' } as const;
      if (!tool) return { letter: null, item, confidence: CODE_CONFIDENCE.none, via: 'context', reason: 'number after ข้อ with no tool letter and no tool in force' } as const;
      if (!listTool && CROSS_REF.test(before)) return { letter: null, item, confidence: CODE_CONFIDENCE.none, via: 'context', reason: 'cross-reference ("ตามข้อ", "มาตรการข้อ"), not the entry\'s own item' } as const;
      return { letter: LETTER_OF[tool], item, confidence: CODE_CONFIDENCE.context, via: 'context', reason: '' } as const;
    }
  }
}

/**
 * "๒๑๒" under an EIT heading: three digits no tool has as an item, whose last two are an item of the
 * tool in force: the first digit is the letter OCR read as a digit. The item, else null.
 */
function letterAsDigit(digits: string, tool: Tool): number | null {
  if (!/^[0-9๐-๙]{3}$/.test(digits) || readNumber(digits) <= Math.max(...Object.values(ITEM_MAX))) return null;
  const rest = readNumber(digits.slice(1));
  return digits[1] !== '๐' && digits[1] !== '0' && rest >= 1 && rest <= ITEM_MAX[tool] ? rest : null;
}

const KINDS_AFTER: Readonly<Record<Anchor, ReadonlySet<Kind>>> = {
  kho: new Set<Kind>(['explicit', 'ocrO', 'ocrI', 'ocrIUnread', 'ocrLetter', 'bare']),
  indicator: new Set<Kind>(['explicit', 'ocrI', 'ocrIUnread']), // pure Thai digits there are indicator numbers
  letter: new Set<Kind>(['explicit']),
  khoLost: new Set<Kind>(['explicit', 'ocrO', 'ocrI', 'ocrIUnread']), // a bare number after "ขอ" is a request ("ขอ ๒ ชุด")
  // a bare number in a code column has lost its letter: no tool to tell; a damaged letter is read only when it is E-shaped
  cell: new Set<Kind>(['explicit', 'ocrO', 'ocrI', 'ocrIUnread', 'ocrLetter']),
};

/** Kinds allowed for the next code of a list, given the previous code's tool. */
function continuationKinds(hasWord: boolean, hasKho: boolean, listTool: Tool | null): ReadonlySet<Kind> {
  if (hasKho) return KINDS_AFTER.kho;
  const kinds = new Set<Kind>(['explicit']);
  if (listTool) kinds.add('ocrLetter'); // "ข้อ E๑๑, 6๑๒ และ 6๑๕", "ข้อ ถี๑๑ 6๑๒": a damaged letter is a code's own shape
  // "ข้อ 0๑๒ ๐๒๐ และ ๐๒๙", "1๑๓ 1๑๔": the letter the list's tool is read as a digit is a code's own shape too
  // (no number starts with a zero, nor with an Arabic 1 before Thai digits)
  if (listTool === 'IIT') kinds.add('ocrI');
  if (listTool === 'OIT') kinds.add('ocrO');
  if (!hasWord) return kinds; // "E๑๑ E๑๒": space is enough only between codes of their own shape
  kinds.add('bare');
  return kinds;
}

/** Read one anchored list of codes starting at `anchorStart`; returns readings and where it ended. */
function readList(text: string, anchorStart: number, anchorEnd: number, anchor: Anchor, ctxTool: Tool | null) {
  const out: Reading[] = [];
  const opened = /\([ \u00a0]?$/.test(text.slice(Math.max(0, anchorStart - 2), anchorStart));
  const gap = anchor === 'letter' ? 0 : (stickyAt(GAP, text, anchorEnd)?.[0].length ?? 0);
  let rawStart = anchor === 'indicator' || anchor === 'cell' ? anchorEnd + gap : anchorStart;
  let tok = matchToken(text, anchor === 'letter' ? anchorStart : anchorEnd + gap, KINDS_AFTER[anchor], opened);
  let kindOfAnchor = anchor;
  let listTool: Tool | null = null;
  let end = anchorEnd;
  const before = text.slice(Math.max(0, anchorStart - 10), anchorStart);
  while (tok) {
    const r = readToken(tok, kindOfAnchor, listTool, ctxTool, before);
    out.push({ ...r, raw: text.slice(rawStart, tok.end), index: rawStart });
    end = tok.end;
    listTool = r.letter ? TOOL_OF[r.letter] : null;
    if (r.item === null) break;
    const range = r.letter ? readRange(text, rawStart, end, r.letter, r.item, kindOfAnchor, ctxTool, before) : null;
    if (range) {
      out.push(...range.readings);
      end = range.end;
    }
    const sep = stickyAt(SEPARATOR, text, end);
    if (!sep) break;
    const [, s1 = '', word = '', s2 = '', kho = ''] = sep;
    rawStart = kho ? end + s1.length + word.length + s2.length : end + sep[0].length;
    tok = matchToken(text, end + sep[0].length, continuationKinds(word !== '', kho !== '', listTool), opened);
    kindOfAnchor = kho ? 'kho' : anchor === 'letter' ? 'letter' : 'indicator';
    // codes must be separated, but for codes of one tool run together
    if (sep[0] === '' && !(tok?.kind === 'explicit' && r.letter !== null && glued(text, end, r.letter))) tok = null;
  }
  return { readings: out, end };
}

/**
 * After a code of `letter`, a range to a later item of the same tool ("i1 – i6",
 * "ข้อ ๑-๓" under an IIT heading): every item from the one after `from` to the
 * range's end, each with the range as its raw text. A range that goes back,
 * changes tool or spans more items than the tool has is not read as a range.
 */
function readRange(text: string, rawStart: number, from: number, letter: Letter, fromItem: number, anchor: Anchor, ctxTool: Tool | null, before: string): { readings: Reading[]; end: number } | null {
  const dash = stickyAt(RANGE, text, from);
  if (!dash) return null;
  const tool = TOOL_OF[letter];
  const kinds = new Set<Kind>(['explicit', 'bare', ...(tool === 'IIT' ? (['ocrI'] as const) : tool === 'OIT' ? (['ocrO'] as const) : [])]);
  const tok = matchToken(text, from + dash[0].length, kinds, false);
  if (!tok) return null;
  const r = readToken(tok, anchor === 'letter' ? 'letter' : 'kho', tool, ctxTool, before);
  if (r.letter !== letter || r.item === null || r.item <= fromItem || r.item > ITEM_MAX[tool]) return null;
  const raw = text.slice(rawStart, tok.end);
  const readings: Reading[] = [];
  for (let item = fromItem + 1; item <= r.item; item++) readings.push({ ...r, item, raw, index: rawStart });
  return { readings, end: tok.end };
}

function anchorOf(word: string): Anchor | null {
  if (word.startsWith('ข้อ')) return 'kho';
  if (word === 'ขอ') return 'khoLost';
  if (word === 'ตัวชี้วัดที่') return 'indicator';
  if (word.startsWith('ตัวชี้วัด')) return null; // ตัวชี้วัดย่อยที่: sub-indicator, never a code
  return 'letter';
}

/** Apply range checks and the threshold; first occurrence of each code wins. */
function settle(readings: readonly Reading[]): CodeScan {
  const codes: CodeScan['codes'] = [];
  const uncertain: CodeGuess[] = [];
  const seen = new Set<string>();
  for (const r of readings) {
    const guess = r.letter && r.item !== null ? `${r.letter}${r.item}` : null;
    let { confidence, reason } = r;
    if (r.letter && r.item !== null) {
      const tool = TOOL_OF[r.letter];
      if (r.item < 1 || r.item > ITEM_MAX[tool]) {
        confidence = Math.min(confidence, CODE_CONFIDENCE.outOfRange);
        reason = `item ${r.item} is outside ${tool} 1–${ITEM_MAX[tool]}`;
      }
    }
    if (!guess || confidence < CODE_CONFIDENCE_THRESHOLD) {
      uncertain.push({ raw: r.raw, index: r.index, guess, confidence, reason: reason || 'low confidence' });
      continue;
    }
    if (seen.has(guess) || !r.letter || r.item === null) continue;
    seen.add(guess);
    codes.push({ code: guess, tool: TOOL_OF[r.letter], item: r.item, raw: r.raw, confidence, via: r.via, index: r.index });
  }
  return { codes, uncertain };
}

/** Every item code in `text`, in order, deduplicated by code; doubtful readings in `uncertain`. */
export function findItemCodes(text: string, ctx: CodeContext = {}): CodeScan {
  if (!/[0-9๐-๙]/.test(text)) return { codes: [], uncertain: [] };
  const ctxTool = ctx.tool ?? null;
  const readings: Reading[] = [];
  const cells = [...(ctx.codeCells ?? [])].filter((c) => c >= 0 && c < text.length).sort((a, b) => a - b);
  let done = 0; // the text before this is read
  const read = (start: number, end: number, anchor: Anchor): void => {
    const { readings: found, end: to } = readList(text, start, end, anchor, ctxTool);
    readings.push(...found);
    done = Math.max(to, end);
  };
  // a code cell whose first code lost its letter ("๔ 1๕ และ 1 ๑๔" for i4, i5, i14: a bare number, then codes of their
  // own shape): the rest of the list is read as the cell, and the bare number is an item of the tool the list goes on with
  const readLostFirst = (c: number): void => {
    const first = stickyAt(/([0-9๐-๙]{1,2})(?=[ \u00a0]{1,3}|[ \u00a0]{0,3}(?:,|และ|หรือ|\/|&))/y, text, c);
    if (!first) return;
    const sep = stickyAt(SEPARATOR, text, c + first[0].length);
    if (!sep || sep[0] === '') return;
    const at = c + first[0].length + sep[0].length;
    const { readings: rest, end: to } = readList(text, at, at, 'cell', ctxTool);
    const next = rest[0];
    if (!next?.letter || next.confidence < CODE_CONFIDENCE_THRESHOLD) return;
    const item = readNumber(first[1] ?? '');
    readings.push({ raw: first[0], index: c, letter: next.letter, item, confidence: CODE_CONFIDENCE.context, via: 'context', reason: 'a code cell\'s first code, its letter lost: the tool of the codes after it' }, ...rest);
    done = Math.max(to, at);
  };
  const re = ANCHOR;
  re.lastIndex = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    // the cells of a code column that begin before this anchor
    while (cells.length > 0 && (m === null || (cells[0] as number) <= m.index)) {
      const c = cells.shift() as number;
      if (c >= done) {
        read(c, c, 'cell');
        if (done <= c) readLostFirst(c);
      }
    }
    if (!m) break;
    if (m.index < done) {
      re.lastIndex = Math.max(re.lastIndex, done);
      continue;
    }
    const anchor = anchorOf(m[0]);
    if (!anchor) continue;
    read(m.index, m.index + m[0].length, anchor);
    re.lastIndex = done;
  }
  return settle(readings);
}

/** Ways a heading or paragraph names a tool: Latin abbreviation, English name, Thai name (matched with spaces removed). */
const TOOL_PATTERNS: ReadonlyArray<readonly [Tool, RegExp, RegExp, RegExp]> = [
  ['IIT', /(?<![A-Za-z])IIT(?![A-Za-z])/, /Internal\s+Integrity/i, /ผู้มีส่วนได้ส่วนเสียภายใน/],
  ['EIT', /(?<![A-Za-z])EIT(?![A-Za-z])/, /External\s+Integrity/i, /ผู้มีส่วนได้ส่วนเสียภายนอก/],
  ['OIT', /(?<![A-Za-z])OIT(?![A-Za-z])/, /Open\s*Data\s+Integrity/i, /แบบวัดการเปิดเผยข้อมูล|เปิดเผยข้อมูลสาธารณะ/],
];

/** The one tool a heading or paragraph is about; null when none or several are named. */
export function toolFromText(text: string): Tool | null {
  const squashed = text.replace(/\s+/g, '');
  const named = TOOL_PATTERNS.filter(
    ([, abbr, english, thai]) => abbr.test(text) || english.test(text) || thai.test(squashed),
  ).map(([tool]) => tool);
  return named.length === 1 ? (named[0] ?? null) : null;
}
