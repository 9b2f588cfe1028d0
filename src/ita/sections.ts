/**
 * The seven ITA issues (ประเด็น) used from ITA 2567 on, and the matching of
 * headings to them: headings in every style seen ("(๑) …", "ประเด็นที่ ๑ …",
 * "๑. …", "## …", "**…**"), matched to the canonical titles with
 * fast-levenshtein on normalised text, so misspelt and truncated titles still
 * match.
 */
import levenshtein from 'fast-levenshtein';
import { toArabicDigits } from '../thai/digits.js';

export const SECTION_TITLES = [
  'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
  'การให้บริการและระบบ E-Service',
  'ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ',
  'กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ',
  'กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง',
  'กระบวนการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล',
  'กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน',
] as const;

/**
 * Words typical of each issue's rows, weighted (2 = distinctive of the
 * issue, 1 = common to it but seen elsewhere too), used to judge content
 * when a heading's number and title disagree, and to infer a missing one.
 */
export const SECTION_KEYWORDS: ReadonlyArray<ReadonlyArray<readonly [string, number]>> = [
  [['คู่มือ', 1], ['มาตรฐานการปฏิบัติงาน', 2], ['ขั้นตอน', 1], ['เลือกปฏิบัติ', 2], ['เท่าเทียม', 2], ['สินบน', 2], ['ผลประโยชน์ทับซ้อน', 2], ['ขัดกันระหว่างประโยชน์', 2], ['ปฏิบัติงาน', 1]],
  [['E-Service', 2], ['ออนไลน์', 2], ['ให้บริการ', 1], ['ผู้รับบริการ', 1], ['มีส่วนร่วม', 2], ['ปรับปรุงการดำเนินงาน', 2], ['ความพึงพอใจ', 2], ['คุณภาพการ', 1]],
  [['ประชาสัมพันธ์', 2], ['เผยแพร่', 1], ['ข้อมูลข่าวสาร', 2], ['เว็บไซต์', 1], ['สื่อสาร', 2], ['ช่องทาง', 1], ['ข้อซักถาม', 2], ['Facebook', 1]],
  [['ทรัพย์สิน', 2], ['ยืม', 2], ['ครุภัณฑ์', 2], ['วัสดุ', 1], ['ประโยชน์ส่วนตัว', 1]],
  [['งบประมาณ', 1], ['จัดซื้อจัดจ้าง', 2], ['เบิกจ่าย', 2], ['เบิก', 1], ['พัสดุ', 2], ['ใช้จ่าย', 1]],
  [['อำนาจ', 2], ['ผู้บังคับบัญชา', 2], ['บริหารงานบุคคล', 2], ['ทรัพยากรบุคคล', 2], ['สั่งการ', 2], ['แต่งตั้ง', 1], ['โยกย้าย', 2], ['ธุระส่วนตัว', 2]],
  [['ทุจริต', 1], ['ร้องเรียน', 2], ['ป้องกันการทุจริต', 2], ['ประพฤติมิชอบ', 2], ['ความเสี่ยง', 1], ['เจตนารมณ์', 2], ['No Gift', 1]],
];

/** Text reduced for comparison: no spaces, digits, punctuation or markup. */
export function squashTitle(s: string): string {
  return toArabicDigits(s)
    .toLowerCase()
    .replace(/[\s\d*#()[\]{}<>.,:;'"“”‘’\-–—/\\_|!?]+/g, '')
    .replace(/ๆ|ฯ/g, '');
}

const SQUASHED = SECTION_TITLES.map(squashTitle);

export interface TitleMatch {
  number: number;
  /** 1 − normalised edit distance. */
  confidence: number;
}

/**
 * The canonical issue a title is closest to, allowing truncation (a title
 * that is a damaged prefix of the canonical one) but not padding.
 */
/** Character bigrams of the canonical titles: a title sharing few of them cannot match (a cheap test before edit distance). */
const TITLE_BIGRAMS = new Set(SQUASHED.flatMap((c) => [...c].slice(1).map((ch, i) => c[i] + ch)));

function sharesTitleBigrams(t: string): boolean {
  let hits = 0;
  for (let i = 1; i < t.length; i++) if (TITLE_BIGRAMS.has(t[i - 1]! + t[i]!)) hits++;
  return hits >= (t.length - 1) * 0.5;
}

export function matchSectionTitle(title: string): TitleMatch | null {
  const t = squashTitle(title);
  if (t.length < 8 || t.length > 150 || !sharesTitleBigrams(t)) return null;
  let best: TitleMatch | null = null;
  SQUASHED.forEach((canon, i) => {
    const cover = Math.min(1, t.length / canon.length);
    // what either score could be at best (the length difference is an edit each): no better, no need to measure
    const bound = Math.max(1 - Math.abs(t.length - canon.length) / Math.max(t.length, canon.length), cover >= 0.5 ? 0.85 + 0.15 * cover : 0);
    if (best && bound <= best.confidence) return;
    const dWhole = levenshtein.get(t, canon);
    const whole = 1 - dWhole / Math.max(t.length, canon.length);
    // a truncated heading: compare with the canonical prefix of the same length,
    // discounted by how much is missing
    const prefix = canon.slice(0, t.length);
    const truncated = cover >= 0.5 ? (1 - (prefix === canon ? dWhole : levenshtein.get(t, prefix)) / t.length) * (0.85 + 0.15 * cover) : 0;
    const confidence = Math.max(whole, truncated);
    if (!best || confidence > best.confidence) best = { number: i + 1, confidence };
  });
  return best;
}

/** A heading as written: its stated number (if any) and the title after the number. */
export interface ParsedHeading {
  number: number | null;
  title: string;
  /** How the number was written: "ประเด็นที่", "(n)", "n.", "ประเด็นที่" with the number unreadable, or none. */
  style: 'prefix' | 'paren' | 'dot' | 'unread' | 'none';
}

const HEADING_FORMS: Array<[RegExp, ParsedHeading['style']]> = [
  [/^ประเด็น(?:ที่)?\s*([0-9๐-๙]{1,2})\s*[.:)]?\s*(.*)$/, 'prefix'],
  [/^[(（]\s*([0-9๐-๙]{1,2})\s*[)）]\s*(.*)$/, 'paren'],
  [/^([0-9๐-๙]{1,2})\s*[.)]\s*(.*)$/, 'dot'],
];

/**
 * "ประเด็นที่ N" whose number OCR lost or wrote as a sign ("ประเด็นที่ © กระบวนการควบคุม…" for ๖, "ประเด็นที
 * กลไก…" with ๗ and the mark dropped): the word says heading, the title must say which.
 */
const DAMAGED_PREFIX = /^ประเด็น(?:ที่|ที|ท)?\s*(?:[^\u0e01-\u0e2e\s]{1,2}\s+)?(.*)$/;

export function parseHeading(text: string): ParsedHeading {
  const t = text
    .replace(/\*\*|__/g, '')
    .replace(/^#+\s*/, '')
    .replace(/^[-•]\s*/, '')
    .trim();
  for (const [re, style] of HEADING_FORMS) {
    const m = re.exec(t);
    if (m) {
      const n = Number(toArabicDigits(m[1] ?? ''));
      return { number: Number.isFinite(n) ? n : null, title: (m[2] ?? '').trim(), style };
    }
  }
  const damaged = DAMAGED_PREFIX.exec(t);
  if (damaged) return { number: null, title: (damaged[1] ?? '').trim(), style: 'unread' };
  return { number: null, title: t, style: 'none' };
}

export interface SectionHeading {
  /** The number the heading states, when it states one in 1..7. */
  stated: number | null;
  match: TitleMatch | null;
  heading: string;
}

/**
 * Minimum title confidence: for "ประเด็นที่ N …" (the word itself says
 * heading), for "(N) …"/"N. …" whose number agrees with the title, for those
 * whose number disagrees (numbered measures often contain a title:
 * "๒. พัฒนากลไกและมาตรการ…ของหน่วยงาน"), and for a bare title.
 */
const MIN_PREFIXED = 0.72;
const MIN_NUMBER_AGREES = 0.72;
const MIN_NUMBER_DISAGREES = 0.88;
const MIN_BARE = 0.88;
/** "ประเด็นที่" with its number unreadable: the title alone says which issue (OCR damage allowed, not another text). */
const MIN_UNREAD = 0.8;

/**
 * Is this line a section heading? Returns its stated number and best title
 * match, or null. A bare title must match closely and be about as long as
 * the canonical title (a sentence that merely contains it is not a heading).
 */
export function recogniseSectionHeading(text: string): SectionHeading | null {
  const parsed = parseHeading(text);
  if (parsed.title.length > 120) return null;
  const stated = parsed.number !== null && parsed.number >= 1 && parsed.number <= 7 ? parsed.number : null;
  // "ประเด็นที่ ๓" with no title: the word says heading, the number says which
  if (parsed.style === 'prefix' && stated !== null && squashTitle(parsed.title) === '') {
    // no title to check the number against: the stated number stands, with less confidence than a matching title
    return { stated, match: { number: stated, confidence: 0.8 }, heading: text.replace(/\*\*/g, '').replace(/^#+\s*/, '').trim() };
  }
  // "ประเด็นที่ ๖ กระบวนการควบคุม ตรวจสอบ การใ": a title cut short that begins the stated issue's title agrees with it
  const cut = squashTitle(parsed.title);
  if (parsed.style === 'prefix' && stated !== null && cut.length >= 6 && (SQUASHED[stated - 1] ?? '').startsWith(cut)) {
    const m = matchSectionTitle(parsed.title);
    const confidence = Math.max(0.8, m?.number === stated ? m.confidence : 0);
    return { stated, match: { number: stated, confidence }, heading: text.replace(/\*\*/g, '').replace(/^#+\s*/, '').trim() };
  }
  const match = matchSectionTitle(parsed.title);
  if (!match) return null;
  // "(9) กระบวนการควบคุม …" on a scan: one digit no issue has (OCR read ๖ as 9) before a title, which alone says
  // which; a number of two digits ("(๑๐) …") is written so, a list that goes on past the seven issues
  const outOfRange = (parsed.style === 'paren' || parsed.style === 'dot') && parsed.number !== null && parsed.number < 10 && stated === null;
  if (outOfRange) {
    if (match.confidence < MIN_NUMBER_DISAGREES || squashTitle(parsed.title).length > (SQUASHED[match.number - 1]?.length ?? 0) + 6) return null;
    return { stated, match, heading: text.replace(/\*\*/g, '').replace(/^#+\s*/, '').trim() };
  }
  const min =
    parsed.style === 'none'
      ? MIN_BARE
      : parsed.style === 'unread'
        ? MIN_UNREAD
      : parsed.style === 'prefix'
        ? MIN_PREFIXED
        : stated === match.number
          ? MIN_NUMBER_AGREES
          : MIN_NUMBER_DISAGREES;
  if (match.confidence < min) return null;
  // a bare line much longer than the title is a sentence that contains it
  if (parsed.style === 'none' && squashTitle(parsed.title).length > (SQUASHED[match.number - 1]?.length ?? 0) + 6) return null;
  if (parsed.style !== 'none' && parsed.style !== 'unread' && stated === null) return null;
  return { stated, match, heading: text.replace(/\*\*/g, '').replace(/^#+\s*/, '').trim() };
}

/** Keyword hits per section (index 0 = issue 1) in a text. */
export function sectionKeywordScores(text: string): number[] {
  return SECTION_KEYWORDS.map((words) => words.reduce((n, [w, weight]) => n + (text.includes(w) ? weight : 0), 0));
}
