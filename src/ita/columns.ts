/**
 * Table column roles from header text. Every layout in the wild names its
 * columns differently ("ช่วงระยะเวลา ในการดำเนินการ", "ระยะเวลาดำเนินการ",
 * "การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ"), so each role is a list
 * of weighted cues matched on squashed text, exactly or within one edit for
 * OCR typos ("ขอเสนอแนะ").
 */
import { substringDistance } from '../thai/distance.js';
import type { FieldRole } from '../model/schema.js';
import { toArabicDigits } from '../thai/digits.js';
import { H, MONTH_SRC } from '../thai/_months.js';
import { statusColumns } from './entry-status.js';
import { markColumns } from './mark-columns.js';

type Cue = readonly [cue: string, weight: number];

/** Cues per role, strongest first. A header cell gets the role with the highest total. */
const ROLE_CUES: Record<FieldRole, readonly Cue[]> = {
  seq: [['ลำดับ', 5], ['ลำดับที่', 5]],
  issue: [['ข้อบกพร่อง', 5], ['จุดอ่อน', 5], ['ที่ต้องปรับปรุง', 5], ['ที่ต้องพัฒนา', 4], ['ประเด็น', 3], ['ตัวชี้วัด', 2], ['ข้อคำถาม', 3], ['ผลการประเมิน', 1]],
  measure: [['มาตรการ', 3], ['โครงการ', 3], ['กิจกรรม', 2], ['แนวทาง', 2]],
  steps: [['ขั้นตอน', 5], ['วิธีการ', 4], ['วิธีปฏิบัติ', 4], ['วิธีดำเนิน', 4]],
  period: [['ระยะเวลา', 5], ['ช่วงเวลา', 5], ['กำหนดเวลา', 5], ['ห้วงเวลา', 5], ['เวลาดำเนินการ', 4], ['แล้วเสร็จ', 3], ['กำหนดเสร็จ', 5], ['วันที่', 2], ['ปีงบประมาณ', 1]],
  responsible: [['ผู้รับผิดชอบ', 6], ['รับผิดชอบ', 5], ['ผู้ดำเนินการ', 3], ['หน่วยงานที่', 1]],
  limitation: [['ข้อจำกัด', 6], ['ปัญหาอุปสรรค', 5], ['อุปสรรค', 4]],
  action: [['ที่ดำเนินการเพื่อส่งเสริม', 6], ['กิจกรรมที่ดำเนินการ', 5], ['การดำเนินการ', 2]],
  result: [['สรุปผล', 6], ['ผลการดำเนินการ', 5], ['ผลการดำเนินงาน', 5], ['ผลการปฏิบัติ', 4]],
  outcome: [['ผลลัพธ์', 6], ['ความสำเร็จ', 5], ['ผลสัมฤทธิ์', 5], ['ตัวชี้วัดความสำเร็จ', 6]],
  note: [['หมายเหตุ', 6], ['ข้อเสนอแนะ', 5], ['สถานะ', 3]],
  code: [['รหัสข้อ', 6], ['ข้อคำถามที่', 4]],
  score: [['คะแนน', 4], ['ค่าคะแนน', 6], ['ผลคะแนน', 6]],
  cause: [['สาเหตุ', 6], ['ปัจจัย', 3]],
  // above any sum of period cues: "ระยะเวลาดำเนินการ" over "เริ่ม | สิ้นสุด" merges into "ระยะเวลาดำเนินการ เริ่ม"
  start: [['เริ่ม', 12], ['วันเริ่มต้น', 7]],
  end: [['สิ้นสุด', 12], ['วันสิ้นสุด', 7]],
  budget: [['งบประมาณ', 4], ['ค่าใช้จ่าย', 4], ['จำนวนเงิน', 5]],
  // from the cells, not the header (a "ตัวชี้วัด" column may hold issues or codes): _body-table.ts indicatorRoles
  indicator: [],
};

const ROLES = Object.keys(ROLE_CUES) as FieldRole[];

/** Header cells are short; fuzzy matching is only tried on text up to this long. */
const MAX_FUZZY = 80;

function squash(s: string): string {
  return s.replace(/[\s/\\|,()*]+/g, '');
}

/**
 * Does `hay` contain `cue` within one edit (cues of 5+ letters), or within a quarter of its letters for cues
 * of 10+ (OCR's "ผู้รับ ดซอบ" for ผู้รับผิดชอบ: a mark lost and two letters misread)?
 */
function containsFuzzy(hay: string, cue: string): boolean {
  if (cue.length < 5 || hay.length > MAX_FUZZY) return false;
  return substringDistance(cue, hay) <= (cue.length >= 10 ? Math.floor(cue.length / 4) : 1);
}

function scoreWith(h: string, has: (hay: string, cue: string) => boolean): Record<FieldRole, number> {
  const out = {} as Record<FieldRole, number>;
  for (const role of ROLES) out[role] = ROLE_CUES[role].reduce((n, [cue, w]) => n + (has(h, cue) ? w : 0), 0);
  return out;
}

const cache = new Map<string, Record<FieldRole, number>>();

/**
 * Each role's score for one header cell: exact cues first; only a cell that
 * no cue matches exactly is tried again allowing one edit (OCR typos).
 */
export function roleScores(header: string): Record<FieldRole, number> {
  const h = squash(header);
  const hit = cache.get(h);
  if (hit) return hit;
  let out = scoreWith(h, (hay, cue) => hay.includes(cue));
  if (h === 'ที่' || h === 'ข้อที่') out = { ...out, seq: 5 }; // a number column headed just "ที่"
  if (h === 'ข้อ' || h === 'รหัส') out = { ...out, code: 6 }; // the item-code column
  if (ROLES.every((r) => out[r] === 0)) out = scoreWith(h, containsFuzzy);
  if (cache.size > 5000) cache.clear();
  cache.set(h, out);
  return out;
}

/** The latest Buddhist-Era year a header cell names ("คะแนนปี ๒๕๖๗"), or null. */
function headerYear(h: string): number | null {
  const years = [...toArabicDigits(h).matchAll(/(?<!\d)25[5-9]\d(?!\d)/g)].map((m) => Number(m[0]));
  return years.length ? Math.max(...years) : null;
}

/**
 * Roles for a header row: each column gets its best role; when two columns
 * want the same role, the stronger keeps it and the other takes its next
 * best. Columns with no cue get null.
 */
export function columnRoles(headers: string[]): Array<FieldRole | null> {
  const scores = headers.map(roleScores);
  const roles: Array<FieldRole | null> = headers.map(() => null);
  const pairs: Array<{ col: number; role: FieldRole; score: number }> = [];
  scores.forEach((s, col) => {
    for (const role of ROLES) if (s[role] > 0) pairs.push({ col, role, score: s[role] });
  });
  // two score columns of as much weight, one per assessment year ("คะแนนปี ๒๕๖๖ | คะแนนปี ๒๕๖๗"): an item's score is the latest year's
  // (years read only for such a tie: this runs on every row a header is looked for in)
  const later = (a: { col: number; role: FieldRole }, b: { col: number; role: FieldRole }) => {
    if (a.role !== 'score' || b.role !== 'score') return 0;
    const [ya, yb] = [headerYear(headers[a.col] ?? ''), headerYear(headers[b.col] ?? '')];
    return ya !== null && yb !== null ? yb - ya : 0;
  };
  pairs.sort((a, b) => b.score - a.score || later(a, b) || a.col - b.col);
  const taken = new Set<FieldRole>();
  for (const p of pairs) {
    if (roles[p.col] !== null || taken.has(p.role)) continue;
    roles[p.col] = p.role;
    taken.add(p.role);
  }
  return roles;
}

/** A header row names at least two distinct roles. */
const ALL_CUES = [...new Set(ROLES.flatMap((r) => ROLE_CUES[r].map(([cue]) => cue)))];
const CODE_LIKE = /ข้อ\s*[A-Za-z]?\s?[0-9๐-๙]|(?<![A-Za-z])[IiEeOo]\s?[0-9๐-๙]/;

/** Share of a cell's letters that are cue words: high for headers, low for data that merely mentions one. */
function cueCoverage(cell: string): number {
  const h = squash(cell);
  if (!h) return 0;
  const covered = new Uint8Array(h.length);
  for (const cue of ALL_CUES) {
    for (let at = h.indexOf(cue); at >= 0; at = h.indexOf(cue, at + 1)) covered.fill(1, at, at + cue.length);
  }
  return covered.reduce((n, x) => n + x, 0) / h.length;
}

/**
 * A header row: short cells, no cell a bare number (data rows start with
 * their ลำดับ) or an item code, at least two roles covering most of its
 * filled cells, and cells made mostly of cue words (a data row that mentions
 * "ขั้นตอน" or "กิจกรรม" in passing is not a header).
 */
/** A cell a header never holds: a tick or mark alone, or text opening with a bullet ("• …", "- …"). */
const DATA_CELL = /^\s*(?:[✓✔☑√✗✘☒●■▲◆→➔➜⟶xX/]+\s*$|[•\-–]\s+\S)/u;

export function looksLikeHeader(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  // a number alone ("๓", "(๓)", "ข้อ ๓") is a row number, never a column's name
  if (filled.length === 0 || filled.some((c) => c.length > 90 || /^[\s0-9๐-๙.)]+$/.test(c) || ROW_NUMBER.test(c) || CODE_LIKE.test(c) || DATA_CELL.test(c) || VALUE_CELL.test(c.replace(/\([^)]*\)/g, '')))) return false;
  const roles = columnRoles(cells);
  const named = cells.filter((_, i) => roles[i] !== null);
  // month or quarter columns name what they hold too
  const marks = markColumns(cells)?.filter((m) => m !== null).length ?? 0;
  // and so do status columns ticked under ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / ยังไม่ได้ดำเนินการ: two or more
  // of them (one status word is what a data row holds)
  const ticked = (statusColumns(cells) ?? []).filter((c) => c !== null && c !== 'word' && c !== 'percent');
  const statuses = new Set(ticked).size >= 2 ? ticked.length : 0;
  if (named.length < 2 || (named.length + marks + statuses) * 2 < filled.length) return false;
  const coverage = named.reduce((n, c) => n + cueCoverage(c), 0) / named.length;
  return coverage >= 0.35;
}

/**
 * What only a data cell holds: a day of a month ("1 พ.ย. 2566", "๓ พฤษภาคม"), an amount ("50,000"), a budget
 * stated as none ("ไม่ใช้งบประมาณ"). A header names a column; it never dates or prices a row (a note in brackets,
 * "ผลการดำเนินงาน (ข้อมูล ณ ๓๐ ก.ย. ๖๗)", may date the column).
 */
const VALUE_CELL = new RegExp(`(?<![0-9๐-๙])[0-9๐-๙]{1,2}${H}*(?:${MONTH_SRC})|[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+|^\\s*ไม่ใช้${H}*งบ`);

/** A row number alone in its cell: "๑", "1.", "(๑)", "ข้อ ๑". */
const ROW_NUMBER = /^\s*\(?\s*(?:ข้อ\s*)?[0-9๐-๙]{1,3}\s*[.)]?\s*$/;

/**
 * A row that markup calls a header but that holds data: an item code, a
 * long text, or a row number beside a sentence. Some writers mark every row
 * of a table as a header row (mammoth reads Word's tblHeader w:val="false"
 * as a header), so the markup alone does not make a header.
 */
export function looksLikeData(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.some((c) => c.length > 90 || CODE_LIKE.test(c))) return true;
  return ROW_NUMBER.test(filled[0] ?? '') && filled.some((c) => c.length >= 30);
}
