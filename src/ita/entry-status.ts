/**
 * An entry's progress and budget: the status a results report gives a
 * measure (a word in a สถานะ cell, a mark under one of the columns
 * "ดำเนินการแล้ว | อยู่ระหว่างดำเนินการ | ยังไม่ดำเนินการ", or the words in
 * its result text) and the money it was given ("๒๐,๐๐๐", "20,000.-",
 * "งบประมาณ ๑.๕ ล้านบาท", "ไม่ใช้งบประมาณ" = 0). Pure text functions.
 */
import { toArabicDigits } from '../thai/digits.js';
import type { Budget, EntryStatus } from '../model/schema.js';

/**
 * Status phrases, the most specific first: "ยังไม่ได้ดำเนินการ" holds
 * "ดำเนินการ", and a plan that says "เร่งดำเนินการให้แล้วเสร็จ" or a
 * "กำหนดเวลาแล้วเสร็จ" column is not a finished measure.
 */
const STATUS_WORDS: ReadonlyArray<readonly [EntryStatus, RegExp]> = [
  ['not_started', /ยัง\s?ไม่\s?(?:ได้\s?)?(?:ดำเนินการ|ดำเนินงาน|เริ่ม(?:ดำเนินการ)?)/g],
  ['in_progress', /อยู่\s?(?:ใน)?ระหว่าง\s?(?:การ)?\s?(?:ดำเนินการ|ดำเนินงาน)|กำลัง\s?ดำเนินการ/g],
  ['done', /ดำเนินการ\s?(?:แล้ว(?:\s?เสร็จ)?|เสร็จ(?:สิ้น)?(?:แล้ว)?|เรียบร้อย(?:แล้ว)?)|เสร็จสิ้น|(?<!ให้\s?|กำหนด\s?|เวลา\s?|จะ\s?)แล้วเสร็จ/g],
];

/** A tick box before an option: ticked (☑ ☒ ✅ ■ [x]) or not (☐ □ ◻ ⬜ [ ]). */
const BOX = /(\[\s?[xX✓✔/]\s?\]|[☑☒✅■◼▣])|(\[\s?\]|[☐□◻⬜▢])/g;

/**
 * "☑ ดำเนินการแล้ว ☐ อยู่ระหว่างดำเนินการ ☐ ยังไม่ได้ดำเนินการ": a form's options, each after a box,
 * the status the one ticked box names. undefined when the text is no such list (fewer than two boxes);
 * null when none or several are ticked, or the ticked option names no status.
 */
export function statusFromTickBoxes(text: string): EntryStatus | null | undefined {
  const boxes = [...text.matchAll(BOX)];
  if (boxes.length < 2) return undefined;
  const ticked = boxes.flatMap((m, k) => (m[1] ? [k] : []));
  if (ticked.length !== 1) return null;
  const k = ticked[0]!;
  const from = (boxes[k]!.index ?? 0) + boxes[k]![0].length;
  const to = boxes[k + 1]?.index ?? text.length;
  return statusFromWords(text.slice(from, to));
}

/** The status the words of a text state; null when none, or when it states more than one ("ดำเนินการแล้ว ๘ มาตรการ อยู่ระหว่างดำเนินการ ๔"). */
export function statusFromWords(text: string): EntryStatus | null {
  const boxed = statusFromTickBoxes(text);
  if (boxed !== undefined) return boxed;
  // a line wrap inside a narrow cell leaves a space between Thai words ("ดำเนิน การแล้ว เสร็จ")
  let rest = text.replace(/(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])/g, '');
  const found = new Set<EntryStatus>();
  for (const [status, re] of STATUS_WORDS) {
    rest = rest.replace(re, (m) => {
      found.add(status);
      return ' '.repeat(m.length); // a phrase counts once, under its most specific reading
    });
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** "สถานะ: …", "ผลการดำเนินการ: …" in a paragraph: the words after the label, up to the next label. */
const STATUS_LABEL = /(?:สถานะ(?:การดำเนินการ)?|ผลการดำเนิน(?:การ|งาน))\s*[:：]\s*([^:：\n]{1,80})/;

/**
 * The status a paragraph states under a label ("สถานะ: ดำเนินการแล้ว"); an
 * analysis paragraph saying a body "ยังไม่ได้ดำเนินการ" something describes a
 * weakness, not the progress of a measure, so unlabelled words are not read.
 */
export function statusFromLabel(text: string): EntryStatus | null {
  const m = STATUS_LABEL.exec(text);
  return m ? statusFromWords(m[1] ?? '') : null;
}

/** What a status column holds: marks under one status, words, or a percentage of completion. */
export type StatusColumn = EntryStatus | 'word' | 'percent';

/**
 * A cell that is a percentage of completion ("๑๐๐%", "50 %", "0" under a
 * percent column): 100 is done, 0 not started, anything between in progress.
 * `sign`: the % sign (or เปอร์เซ็นต์) must be written (in a column of words).
 */
export function statusFromPercent(cell: string, sign: boolean): EntryStatus | null {
  const m = /^\s*(?:ร้อยละ\s*)?(\d{1,3}(?:\.\d{1,2})?)\s*(%|เปอร์เซ็นต์)?\s*$/.exec(toArabicDigits(cell));
  if (!m || (sign && !m[2])) return null;
  const n = Number(m[1]);
  return n > 100 ? null : n === 100 ? 'done' : n === 0 ? 'not_started' : 'in_progress';
}

/**
 * What a header cell says about status: one of the mark columns under
 * "ผลการดำเนินการ" (the sub-header alone may be just "อยู่ระหว่าง"), `word`
 * for a สถานะ column of words, `percent` for progress in per cent, else null. A deadline column
 * ("กำหนดเวลาแล้วเสร็จ") is not a status column.
 */
export function statusOfHeader(header: string): StatusColumn | null {
  const h = header.replace(/\s+/g, '');
  if (!h || h.length > 60 || /กำหนด|ระยะเวลา|ช่วงเวลา|วันที่/.test(h)) return null;
  // progress as a percentage ("ร้อยละความสำเร็จ", "ความก้าวหน้า (%)"); a target ("ค่าเป้าหมาย ร้อยละ") is none
  if (/ร้อยละ|%|เปอร์เซ็นต์/.test(h) && /สำเร็จ|ก้าวหน้า|ผลการดำเนิน|ดำเนินการ/.test(h) && !/เป้าหมาย|ตัวชี้วัด/.test(h)) return 'percent';
  const named: EntryStatus[] = [];
  if (/ยังไม่/.test(h)) named.push('not_started');
  if (/อยู่(?:ใน)?ระหว่าง|กำลังดำเนินการ/.test(h)) named.push('in_progress');
  if (/ดำเนินการแล้ว|แล้วเสร็จ|เสร็จสิ้น|เสร็จแล้ว/.test(h)) named.push('done');
  // one status under a สถานะ group ("สถานะการดำเนินการ" over "ดำเนินการแล้ว | …", merged) is a mark column;
  // a สถานะ column, or one naming several statuses, holds words
  if (named.length === 1) return named[0]!;
  if (/สถานะ/.test(h) || named.length > 1) return 'word';
  return null;
}

/** Status columns of a header row, or null when it has none. */
export function statusColumns(headers: readonly string[]): Array<StatusColumn | null> | null {
  const cols = headers.map(statusOfHeader);
  return cols.some((c) => c !== null) ? cols : null;
}

/**
 * Status columns told by what they hold: a column whose header names no
 * status ("ผลการดำเนินงาน", beside a "สรุปผลการดำเนินงาน" of results) but
 * whose filled cells are, for the most part, a status phrase and nothing
 * more ("อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ") holds status words.
 * Returns the columns (those found added to `known`), or `known` when none.
 */
export function statusColumnsByContent(rows: ReadonlyArray<readonly string[]>, known: ReadonlyArray<StatusColumn | null> | null): Array<StatusColumn | null> | null {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const out: Array<StatusColumn | null> = Array.from({ length: width }, (_, i) => known?.[i] ?? null);
  let found = false;
  for (let col = 0; col < width; col++) {
    if (out[col] !== null) continue;
    const cells = rows.map((r) => withoutDateNote((r[col] ?? '').replace(/\s+/g, ''))).filter(Boolean);
    const bare = (c: string) => c.replace(/ยัง|ไม่|ได้|อยู่|ใน|ระหว่าง|การ|ดำเนิน|งาน|แล้ว|เสร็จ|สิ้น|เรียบร้อย|กำลัง|เริ่ม/g, '') === '';
    // a status phrase alone, or the options of a tick-box list ("☑ดำเนินการแล้ว☐อยู่ระหว่างดำเนินการ☐…", ticked or not)
    const phrases = cells.filter(
      (c) => (c.length <= 30 && statusFromWords(c) !== null && bare(c)) || (statusFromTickBoxes(c) !== undefined && bare(c.replace(BOX, ''))),
    );
    // one cell is enough: a table cut by a page break into tables of one row each still says it (a pure phrase is a status whatever the column)
    if (cells.length >= 1 && phrases.length * 10 >= cells.length * 6) {
      out[col] = 'word';
      found = true;
    }
  }
  return found ? out : known ? [...known] : null;
}

/**
 * A status word's cell without the date it gives ("ดำเนินการแล้ว (มี.ค. ๖๖)",
 * "…เมื่อวันที่ ๑๔ ก.พ. ๖๖", "(ข้อมูล ณ ๕ ธ.ค. ๒๕๖๕)"): the phrase is still
 * the whole of what it says. Spaces are already removed.
 */
function withoutDateNote(c: string): string {
  return c.replace(/\([^)]*[0-9๐-๙][^)]*\)/g, '').replace(/(?:เมื่อ|ณ)(?:วันที่)?[^0-9๐-๙]{0,12}[0-9๐-๙].*$/, '');
}

/** What marks a status column's cell: ticks, crosses, dots, arrows, Wingdings ticks exported as ü/þ. */
const MARK = /^[\s✓✔☑√✗✘☒●•■▲◆*xX/üþ→➔➜⟶]+$/u;

/** A tick in a status column (stricter than mark-columns.ts's isMark: a status cell may hold words). */
function isTick(cell: string): boolean {
  return cell.trim() !== '' && MARK.test(cell);
}

/**
 * The status of a row with status columns: the column whose cell holds a
 * mark (one, else null), or a status word in a column that holds words.
 */
export function statusFromColumns(cells: readonly string[], columns: ReadonlyArray<StatusColumn | null>): EntryStatus | null {
  const marked = new Set<EntryStatus>();
  let worded: EntryStatus | null = null;
  cells.forEach((c, i) => {
    const col = columns[i];
    if (!col || !c.trim()) return;
    if (col === 'percent') worded ??= statusFromPercent(c, false);
    else if (col === 'word') worded ??= statusFromWords(c) ?? statusFromPercent(c, true);
    else if (isTick(c) || statusFromWords(c) === col) marked.add(col);
  });
  if (marked.size === 1) return [...marked][0] ?? null;
  return marked.size === 0 ? worded : null;
}

// ------------------------------------------------------------------ budget

/** No money: in a budget cell "ไม่มี" is enough; in running text "ไม่มีงบประมาณ" is a problem, not a budget of 0. */
const NO_BUDGET = /ไม่\s?(?:ได้\s?)?(?:ใช้|ต้องใช้|ขอใช้|มี)\s?งบ(?:\s?ประมาณ)?|ไม่มีค่าใช้จ่าย/;
const NO_BUDGET_TEXT = /ไม่\s?(?:ได้\s?)?(?:ใช้|ต้องใช้|ขอใช้)\s?งบ\s?ประมาณ|ไม่มีค่าใช้จ่าย/;
/** An amount: thousands separators or not, decimals, "ล้าน" (million), ".-" after it. Group 1: the number, 2: ล้าน. */
const AMOUNT = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?![\d,]|\.\d)\s*(ล้าน)?(?:\s*บาท)?(?:\s*\.\s*-|\s*-(?=\s|$))?/g;
/** A budget stated in running text: "งบประมาณ ๒๐,๐๐๐ บาท", "ใช้งบประมาณจำนวน ๕,๐๐๐ บาท", "จำนวนเงิน ๑.๕ ล้านบาท". */
const PHRASE = /(?<!ปี\s?)(?:งบ\s?ประมาณ|ค่าใช้จ่าย|จำนวนเงิน)\s*(?:จำนวน|ทั้งสิ้น|รวม|[:：=])?\s*(?:จำนวน|ทั้งสิ้น)?\s*((\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?\s*(ล้าน)?\s*บาท)/;

function bahtOf(number: string, million: string | undefined, whole: string): number | null {
  const m = /(\d[\d,]*)(\.\d{1,2})?/.exec(whole);
  if (!m) return null;
  const n = Number(number.replace(/,/g, '') + (m[2] ?? ''));
  if (!Number.isFinite(n)) return null;
  return million ? Math.round(n * 1_000_000) : n;
}

/** A year written where an amount could be (๒๕๖๘, พ.ศ. ๒๕๖๘), not money. */
function isYear(match: RegExpExecArray, t: string): boolean {
  const n = Number(match[1]?.replace(/,/g, ''));
  return !match[1]?.includes(',') && n >= 2500 && n <= 2600 && !/บาท/.test(match[0]) && !/งบ\s?ประมาณ\s*$/.test(t.slice(0, match.index));
}

/**
 * A budget cell: "๒๐,๐๐๐", "20,000.-", "๑.๕ ล้านบาท", "ไม่ใช้งบประมาณ" (0);
 * "-", "…" or no amount is null. With several amounts, the one after รวม, else
 * the one given in บาท when only one is, else null (the cell does not say).
 */
export function budgetFromCell(cell: string): Budget | null {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const none = NO_BUDGET.exec(text);
  if (none) return { baht: 0, raw: text.length <= 40 ? text : none[0] };
  const t = toArabicDigits(text);
  const amounts = [...t.matchAll(AMOUNT)].filter((m) => !isYear(m, t));
  const total = amounts.find((m) => /รวม\s*(?:ทั้งสิ้น|เป็นเงิน)?\s*$/.test(t.slice(0, m.index)));
  const inBaht = amounts.filter((m) => /บาท|ล้าน/.test(m[0]));
  const pick = total ?? (amounts.length === 1 ? amounts[0] : inBaht.length === 1 ? inBaht[0] : undefined);
  if (!pick) return null;
  const baht = bahtOf(pick[1] ?? '', pick[2], pick[0]);
  if (baht === null) return null;
  return { baht, raw: text.length <= 40 ? text : text.slice(pick.index, pick.index + pick[0].length).trim() };
}

/** A budget stated in an entry's text ("งบประมาณ ๒๐,๐๐๐ บาท", "ไม่ใช้งบประมาณ"), or null. */
export function budgetFromText(text: string): Budget | null {
  const t = toArabicDigits(text);
  const m = PHRASE.exec(t);
  if (m) {
    const baht = bahtOf(m[2] ?? '', m[3], m[1] ?? '');
    if (baht !== null) return { baht, raw: text.slice(m.index, m.index + m[0].length).trim() };
  }
  const none = NO_BUDGET_TEXT.exec(text);
  return none ? { baht: 0, raw: none[0] } : null;
}
