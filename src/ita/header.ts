/**
 * The report's header fields: title, organisation (name, kind, district,
 * province), fiscal year, reporting period, and the ITA result it refers to
 * (assessment year, overall score, level). Read from the text blocks before
 * the body, and for the assessment from any paragraph outside tables.
 */
import { toArabicDigits } from '../thai/digits.js';
import { parseThaiNumber } from '../thai/number.js';
import { fiscalYear as fiscalYearOf, parseThaiPeriod } from '../thai/date.js';
import type { Assessment, FiscalYear, Organization, OrganizationKind, Period } from '../model/schema.js';

export interface TextLine {
  text: string;
  source: { page: number | null; line: number | null };
}

export interface Header {
  title: string | null;
  organization: Organization | null;
  fiscalYear: FiscalYear | null;
  reportingPeriod: Period | null;
  assessment: Omit<Assessment, 'indicatorScores'>;
}

// ------------------------------------------------------------------ title

const TITLE_START = /^(รายงาน|มาตรการ|แผน|การวิเคราะห์|ผลการ|การดำเนินการ)/;
const TITLE_CONTINUES = /^(\(?ตาม|เพื่อ|ของ|ใน|และ)/;
const YEAR_PHRASE = /\s*(ประจำปี|ปีงบประมาณ).*$/;

function clean(s: string): string {
  return s.replace(/\*\*|__/g, '').replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
}

/** The first title-like line, continued by the lines that carry on its phrase, without the year phrase. */
export function findTitle(lines: TextLine[]): string | null {
  const i = lines.findIndex((l) => TITLE_START.test(clean(l.text)));
  if (i < 0 || i > 12) return null;
  let title = clean(lines[i]?.text ?? '');
  if (!YEAR_PHRASE.test(title)) {
    for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
      const next = clean(lines[k]?.text ?? '');
      if (!TITLE_CONTINUES.test(next) || next.startsWith('(')) break;
      title += ` ${next}`;
      if (YEAR_PHRASE.test(next)) break;
    }
  }
  const t = title.replace(YEAR_PHRASE, '').trim();
  return t || null;
}

// ------------------------------------------------------------ organisation

const KINDS: Array<[RegExp, OrganizationKind, string]> = [
  [/เทศบาลนคร/, 'เทศบาลนคร', 'เทศบาลนคร'],
  [/เทศบาลเมือง/, 'เทศบาลเมือง', 'เทศบาลเมือง'],
  [/เทศบาลตำบล/, 'เทศบาลตำบล', 'เทศบาลตำบล'],
  [/องค์การบริหารส่วนตำบล/, 'องค์การบริหารส่วนตำบล', 'องค์การบริหารส่วนตำบล'],
  [/องค์การบริหารส่วนจังหวัด/, 'องค์การบริหารส่วนจังหวัด', 'องค์การบริหารส่วนจังหวัด'],
  [/อบต\.\s?/, 'องค์การบริหารส่วนตำบล', 'องค์การบริหารส่วนตำบล'],
  [/อบจ\.\s?/, 'องค์การบริหารส่วนจังหวัด', 'องค์การบริหารส่วนจังหวัด'],
  [/ทต\.\s?/, 'เทศบาลตำบล', 'เทศบาลตำบล'],
  [/ทม\.\s?/, 'เทศบาลเมือง', 'เทศบาลเมือง'],
  [/ทน\.\s?/, 'เทศบาลนคร', 'เทศบาลนคร'],
];

/** Words that end a name when glued to it ("…บ้านหม้อได้นำ…"). */
const NAME_STOP = /(ได้|ประจำ|อำเภอ|จังหวัด|โดย|ซึ่ง|เพื่อ|และ|ที่|มี|ใน|จาก|ตาม|ขอ|ร่วม|พร้อม|ดำเนิน|ประชุม|ประกาศ)/;
const ORG = new RegExp(
  `(${KINDS.map(([re]) => re.source).join('|')})([\\u0e01-\\u0e2e\\u0e30-\\u0e4e]{2,40})`,
  'g',
);

function kindOf(prefix: string): [OrganizationKind, string] {
  for (const [re, kind, full] of KINDS) if (re.test(prefix)) return [kind, full];
  return ['other', prefix];
}

function trimName(name: string): string {
  const m = NAME_STOP.exec(name);
  return m && m.index >= 2 ? name.slice(0, m.index) : name;
}

/**
 * The organisation named most often (names glued to the following word are
 * cut at common words; among candidates that prefix each other the shortest
 * wins), with district and province from the header lines.
 */
export function findOrganization(lines: TextLine[]): Organization | null {
  const counts = new Map<string, { kind: OrganizationKind; n: number; first: number }>();
  lines.forEach((l, idx) => {
    for (const m of l.text.matchAll(ORG)) {
      const [kind, full] = kindOf(m[1] ?? '');
      const name = trimName(m[2] ?? '');
      if (name.length < 2) continue;
      const key = full + name;
      const c = counts.get(key) ?? { kind, n: 0, first: idx };
      c.n += idx < 15 ? 3 : 1; // header lines weigh more
      counts.set(key, c);
    }
  });
  if (counts.size === 0) return otherOrganization(lines);
  const keys = [...counts.keys()];
  // fold a candidate into a shorter one that it starts with
  for (const k of keys) {
    const shorter = keys.filter((o) => o !== k && k.startsWith(o)).sort((a, b) => a.length - b.length)[0];
    if (shorter) {
      counts.get(shorter)!.n += counts.get(k)!.n;
      counts.delete(k);
    }
  }
  const [name, info] = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0]!;
  const head = lines.slice(0, 15).map((l) => clean(l.text)).join('\n');
  return {
    name,
    kind: info.kind,
    district: /อำเภอ\s*([\u0e01-\u0e4e]+)/.exec(head)?.[1] ?? null,
    province: /จังหวัด\s*([\u0e01-\u0e4e]+)/.exec(head)?.[1] ?? null,
  };
}

/** Other public bodies (กรม, สำนักงาน, โรงพยาบาล, …): a short header line that names one. */
const OTHER_BODY = /^(สำนักงาน|กรม|กระทรวง|โรงพยาบาล|มหาวิทยาลัย|สถาบัน|การไฟฟ้า|การประปา|การท่าเรือ|ศาล|วิทยาลัย|โรงเรียน|องค์การ|ศูนย์|สถานี|กอง|ธนาคาร|บริษัท)[\u0e01-\u0e4e]/;

function otherOrganization(lines: TextLine[]): Organization | null {
  for (const l of lines.slice(0, 10)) {
    const t = clean(l.text);
    if (t.length > 80 || !OTHER_BODY.test(t)) continue;
    const name = t.split(/\s+(?=อำเภอ|จังหวัด|ประจำปี)/)[0] ?? t;
    return {
      name,
      kind: 'other',
      district: /อำเภอ\s*([\u0e01-\u0e4e]+)/.exec(t)?.[1] ?? null,
      province: /จังหวัด\s*([\u0e01-\u0e4e]+)/.exec(t)?.[1] ?? null,
    };
  }
  return null;
}

// -------------------------------------------------------------- years

const FY = /(?:ประจำปี(?:งบประมาณ)?|ปีงบประมาณ)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4})/;

/** The fiscal year the header states ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "ประจำปี พ.ศ. ๒๕๖๘"). */
export function findFiscalYear(lines: TextLine[]): FiscalYear | null {
  for (const l of lines.slice(0, 12)) {
    const m = FY.exec(toArabicDigits(l.text));
    const be = Number(m?.[1]);
    if (m && be >= 2540 && be <= 2600) return fiscalYearOf(be);
  }
  return null;
}

/** "รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)" and the like. */
export function findReportingPeriod(lines: TextLine[], fy: FiscalYear | null): Period | null {
  for (const l of lines.slice(0, 12)) {
    const at = l.text.search(/รอบ\s*[0-9๐-๙]+\s*เดือน/);
    if (at < 0) continue;
    const rest = l.text.slice(at);
    const found = parseThaiPeriod(rest, fy ? { fiscalYear: fy.be } : {}).find((p) => p.start && p.end);
    if (found) return { raw: found.raw, start: found.start, end: found.end, precision: found.precision };
    const months = Number(toArabicDigits(/รอบ\s*([0-9๐-๙]+)/.exec(rest)?.[1] ?? ''));
    if (fy && (months === 6 || months === 12)) {
      const endMonth = months === 6 ? `${fy.ce}-03` : `${fy.ce}-09`;
      return { raw: rest.slice(0, rest.indexOf('เดือน') + 5), start: fy.start.slice(0, 7), end: endMonth, precision: 'month' };
    }
  }
  return null;
}

// ---------------------------------------------------------- assessment

const LEVEL = /ระดับ(?:ผลการประเมิน)?\s*(?:อยู่ที่|คือ|=)?\s*(AA|A|B|C|D|E|F|ผ่าน|ไม่ผ่าน)(?![A-Za-z])/;
const OVERALL = /(?:ภาพรวม|คะแนนที่ได้|ผลคะแนน(?:รวม)?|คะแนนรวม|คะแนนเฉลี่ยรวม|ITA)[^\d\n]{0,30}?(\d{1,3}(?:\.\d+)?)/;
const ASSESSED = /(?:ผลการประเมิน|การประเมิน(?:ผล)?|ITA)[^\n]{0,200}?(?:ประจำปี(?:งบประมาณ)?|ปีงบประมาณ|ปี)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4})/;

/** The ITA result the report refers to, from any paragraph that states it. */
export function findAssessment(lines: TextLine[]): Header['assessment'] {
  let year: number | null = null;
  let overallScore: number | null = null;
  let level: string | null = null;
  for (const l of lines) {
    const t = toArabicDigits(clean(l.text));
    if (/^ข้อ\s/.test(t)) continue; // an item's own score
    const o = OVERALL.exec(t);
    const lv = LEVEL.exec(t);
    if (overallScore === null && o) {
      const n = parseThaiNumber(o[1] ?? '');
      if (n !== null && n >= 0 && n <= 100 && (lv || /ภาพรวม|คะแนนที่ได้|ITA/.test(o[0]))) {
        overallScore = n;
        const a = ASSESSED.exec(t);
        if (year === null && a) year = Number(a[1]);
      }
    }
    if (level === null && lv && (o || /ประเมิน|ITA/.test(t))) level = lv[1] ?? null;
    if (year === null && /วิเคราะห์ผลการประเมิน|จากการประเมิน/.test(t)) {
      const a = ASSESSED.exec(t);
      const be = Number(a?.[1]);
      if (a && be >= 2550 && be <= 2600) year = be;
    }
  }
  return { year, overallScore, level };
}

export function recogniseHeader(lines: TextLine[]): Header {
  const fy = findFiscalYear(lines);
  return {
    title: findTitle(lines),
    organization: findOrganization(lines),
    fiscalYear: fy,
    reportingPeriod: findReportingPeriod(lines, fy),
    assessment: findAssessment(lines),
  };
}
