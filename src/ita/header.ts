/**
 * The report's header fields: title, organisation (name, kind, district,
 * province), fiscal year, reporting period, and the ITA result it refers to
 * (assessment year, overall score, level). Read from the text blocks before
 * the body, and for the assessment from any paragraph outside tables.
 */
import { toArabicDigits } from '../thai/digits.js';
import { parseThaiNumber } from '../thai/number.js';
import { fiscalYear as fiscalYearOf, parseThaiPeriod } from '../thai/date.js';
import type { Assessment, Diagnostic, FiscalYear, Organization, OrganizationKind, Period, SourcePosition } from '../model/schema.js';
import { periodDiagnostics, scoreLevelDiagnostics, yearDiagnostics } from './_diagnostics.js';
import { placeOf } from './places.js';

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
  /** Doubts about the header's fields (a reversed or implausible reporting period, a score outside its level's band). */
  diagnostics: Diagnostic[];
  /** PROVINCE_UNKNOWN / DISTRICT_UNKNOWN: place phrases that name no real place. */
  placeDiagnostics: Diagnostic[];
}

// ------------------------------------------------------------------ title

const TITLE_START = /^(?:เรื่อง\s*)?(รายงาน|มาตรการ|แผน|แนวทาง|การวิเคราะห์|ผลการ|การดำเนินการ|การยกระดับ)/;
const TITLE_CONTINUES = /^(\(?ตาม|เพื่อ|ของ|ใน|และ)/;
const YEAR_PHRASE = /\s*(ประจำปี|ปีงบประมาณ).*$/;

function clean(s: string): string {
  return s.replace(/\*\*|__/g, '').replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
}

/** The first title-like line, continued by the lines that carry on its phrase, without the year phrase. */
export function findTitle(lines: TextLine[]): string | null {
  const i = lines.findIndex((l) => TITLE_START.test(clean(l.text)));
  if (i < 0 || i > 12) return null;
  let title = clean(lines[i]?.text ?? '').replace(/^เรื่อง\s*/, '');
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
const NAME_STOP = /(ได้(?!หวัน)|ประจำปี|อำเภอ|จังหวัด|โดย|ซึ่ง|เพื่อ|และ|ร่วมกับ|พร้อมทั้ง|ดำเนินการ|ประชุม|ประกาศ|มีการ|ในการ|จึง)/;
const ORG = new RegExp(
  `(${KINDS.map(([re]) => re.source).join('|')})[ \\u00a0]?([\\u0e01-\\u0e2e\\u0e30-\\u0e4e]{2,40})`,
  'g',
);

function kindOf(prefix: string): [OrganizationKind, string] {
  for (const [re, kind, full] of KINDS) if (re.test(prefix)) return [kind, full];
  return ['other', prefix];
}

/** A name glued to the next words is cut before the first word that cannot be part of it; '' when it starts with one. */
function trimName(name: string): string {
  const m = NAME_STOP.exec(name);
  if (!m) return name;
  return m.index >= 2 ? name.slice(0, m.index) : '';
}

/**
 * The organisation named most often (names glued to the following word are
 * cut at common words; among candidates that prefix each other the shortest
 * wins), with district and province from the header lines.
 */
export function findOrganization(lines: TextLine[], diagnostics?: Diagnostic[]): Organization | null {
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
  if (counts.size === 0) return otherOrganization(lines, diagnostics);
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
  return withPlace({ name, kind: info.kind }, lines, diagnostics);
}

/**
 * District and province from the header lines, checked against the real
 * list (places.ts); a phrase naming no real place leaves the field null and
 * adds a diagnostic to `diagnostics`.
 */
function withPlace(org: { name: string; kind: OrganizationKind }, lines: TextLine[], diagnostics?: Diagnostic[]): Organization {
  // not clean()ed: an OCR'd title block holds the whole header on one line, "ประจำปี…" before "อำเภอ…"
  const head = lines.slice(0, 15).map((l) => l.text).join('\n');
  const place = placeOf(head, org);
  // each diagnostic at the line that holds its phrase
  for (const d of place.diagnostics) diagnostics?.push({ ...d, source: lines.find((l) => d.actual && l.text.includes(d.actual))?.source ?? null });
  return { ...org, district: place.district, province: place.province };
}

/** Other public bodies (กรม, สำนักงาน, โรงพยาบาล, …): a short header line that names one. */
const OTHER_BODY = /^(สำนักงาน|กรม|กระทรวง|โรงพยาบาล|มหาวิทยาลัย|สถาบัน|การไฟฟ้า|การประปา|การท่าเรือ|ศาล|วิทยาลัย|โรงเรียน|องค์การ|ศูนย์|สถานี|กอง|ธนาคาร|บริษัท)[\u0e01-\u0e4e]/;

function otherOrganization(lines: TextLine[], diagnostics?: Diagnostic[]): Organization | null {
  for (const [i, l] of lines.slice(0, 10).entries()) {
    const t = clean(l.text);
    if (t.length > 80 || !OTHER_BODY.test(t)) continue;
    const name = t.split(/\s+(?=อำเภอ|จังหวัด|ประจำปี)/)[0] ?? t;
    return withPlace({ name, kind: 'other' }, [{ text: t, source: lines[i]?.source ?? l.source }], diagnostics);
  }
  return null;
}

// -------------------------------------------------------------- years

const ABOUT_ASSESSMENT = /ผลการประเมิน|การประเมินผล|จากการประเมิน|ITA|ได้คะแนน/;
// OCR leaves spaces inside words ("งบประ มาณ") and garbles พ.ศ. ("WA."): a few stray characters may stand between
/** "ประจำปีงบประมาณ …"; OCR reads the ี of ประจำปี as ู now and then ("ประจำปูงบประมาณ": no such word). */
const FY = /(?:ประจำป[ีู]\s*(?:งบ\s?ประ\s?มาณ)?|ป[ีู]งบ\s?ประ\s?มาณ)\s*(?:พ\.?\s*ศ\.?|[^\d\s\u0e01-\u0e4e]{1,4})?\s*(\d{4}|\d{2})(?!\d)/;

/** A signature line: a name in parentheses, or "(ลงชื่อ)". */
const SIGNATURE = /^\(\s*[^()]{3,60}\)$/;

/**
 * Where the report's own head starts after a cover memo (บันทึกข้อความ …
 * signatures, then the report's title), or -1 when the text opens with no
 * memo, or the memo is all there is.
 */
function reportAfterMemo(lines: TextLine[]): number {
  if (!lines.slice(0, 3).some((l) => /^บันทึกข้อความ/.test(clean(l.text)))) return -1;
  const signed = lines.findIndex((l, i) => i < 80 && SIGNATURE.test(clean(l.text)));
  if (signed < 0) return -1;
  for (let k = signed + 1; k < Math.min(lines.length, signed + 12); k++) {
    const t = clean(lines[k]?.text ?? '');
    // the report's title, or the notice that publishes it ("ประกาศเทศบาล… เรื่อง มาตรการ…"), not its date line
    if ((TITLE_START.test(t) && !/^เรื่อง/.test(t)) || /^ประกาศ(?!\s*ณ)/.test(t)) return k;
  }
  return -1;
}

/**
 * The fiscal year the header states ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "ประจำปี
 * พ.ศ. ๒๕๖๘"). A line about the assessment ("…ผลการประเมิน ITA ประจำปี
 * ๒๕๖๗…") names the assessed year, so it counts only where no other line
 * states one. Behind a cover memo, the report's own head speaks first: the
 * memo is about sending the report (its date, its number, the assessment it
 * cites), the head is the report's own statement of its year.
 */
export function findFiscalYear(lines: TextLine[]): FiscalYear | null {
  return locateFiscalYear(lines)?.fy ?? null;
}

/** The fiscal year and the line that states it. */
function locateFiscalYear(lines: TextLine[]): { fy: FiscalYear; source: SourcePosition } | null {
  const start = reportAfterMemo(lines);
  const own = lines.slice(Math.max(0, start), Math.max(0, start) + 12);
  const memo = start >= 0 ? lines.slice(0, start) : [];
  const about = (ls: TextLine[], assessment: boolean) => ls.filter((l) => ABOUT_ASSESSMENT.test(l.text) === assessment);
  for (const l of [...about(own, false), ...about(memo, false), ...about(own, true), ...about(memo, true)]) {
    const m = FY.exec(toArabicDigits(l.text));
    const digits = m?.[1] ?? '';
    const be = digits.length === 2 ? 2500 + Number(digits) : Number(digits);
    if (m && be >= 2540 && be <= 2600) return { fy: fiscalYearOf(be), source: l.source };
  }
  return null;
}

/**
 * Words that introduce the window a report covers: "รอบ ๖ เดือน",
 * "ระยะเวลาการรายงาน", "ผลการดำเนินงานระหว่าง(วันที่)", and a quarter named
 * on a line that says it reports ("รายงานผล … ไตรมาสที่ ๒"); where the
 * window starts, or -1. A measure's own period ("ทุกไตรมาส", "ติดตามผล
 * ไตรมาสที่ ๒") and an as-of date ("ข้อมูล ณ วันที่") are not windows.
 */
function windowCue(text: string): number {
  // "รอบ ๖ เดือน" also with its number misread as a sign ("รอบ » เดือน" on a scan): not a word, one or two characters
  const at = text.search(/รอบ\s*(?:[0-9๐-๙]+|[^\s\u0e01-\u0e4e]{1,2})\s*เดือน|(?:ระยะเวลา|ช่วงเวลา|ช่วง|รอบ)(?:การ)?รายงาน|ผลการดำเนิน(?:งาน|การ)\s*(?:ระหว่าง|ตั้งแต่)/);
  if (at >= 0) return at;
  const quarter = text.search(/(?:ประจำ)?ไตรมาสที่\s*[0-9๐-๙]/);
  return quarter >= 0 && /^\s*รายงาน/.test(text.slice(0, quarter)) ? quarter : -1;
}

/** "รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)" and the like. */
export function findReportingPeriod(lines: TextLine[], fy: FiscalYear | null): Period | null {
  return locateReportingPeriod(lines, fy)?.period ?? null;
}

/** The reporting period and the line it was read from. A reversed one keeps `reversed`. */
function locateReportingPeriod(lines: TextLine[], fy: FiscalYear | null): { period: Period; source: SourcePosition } | null {
  for (const l of lines.slice(0, 12)) {
    const at = windowCue(l.text);
    if (at < 0) continue;
    const rest = l.text.slice(at);
    const found = parseThaiPeriod(rest, fy ? { fiscalYear: fy.be } : {}).find((p) => p.start && p.end);
    if (found) {
      const period: Period = { raw: found.raw, start: found.start, end: found.end, precision: found.precision };
      if (found.reversed) period.reversed = true;
      return { period, source: l.source };
    }
    const months = Number(toArabicDigits(/รอบ\s*([0-9๐-๙]+)/.exec(rest)?.[1] ?? ''));
    if (fy && (months === 6 || months === 12)) {
      const endMonth = months === 6 ? `${fy.ce}-03` : `${fy.ce}-09`;
      return { period: { raw: rest.slice(0, rest.indexOf('เดือน') + 5), start: fy.start.slice(0, 7), end: endMonth, precision: 'month' }, source: l.source };
    }
  }
  return null;
}

// ---------------------------------------------------------- assessment

const LEVEL = /ระดับ(?:ผลการประเมิน)?\s*(?:อยู่ที่|คือ|=|[:：])?\s*["“”']?\s*(AA|A|B|C|D|E|F|ผ่าน|ไม่ผ่าน)(?![A-Za-z])|(ผ่านเกณฑ์|ไม่ผ่านเกณฑ์)|\(\s*(ผ่าน|ไม่ผ่าน)\s*\)|ผลการประเมิน\s*(?:[:：]\s*["“”']?|["“”'])\s*(ผ่าน|ไม่ผ่าน)/;
/** A score after the words that introduce an overall result; years (4 digits) never match. */
const OVERALL = /(?:ภาพรวม(?:ได้)?(?:คะแนน)?|ได้คะแนน|คะแนนที่ได้|ผลคะแนน(?:รวม)?|คะแนนรวม|คะแนนเฉลี่ยรวม|ผลการประเมิน(?:ได้)?|ได้)(?:\s*\(?ITA\)?)?\s*[=:]?\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.])/g;
const ASSESSED = /(?:ผลการประเมิน|การประเมิน(?:ผล)?|ITA)[^\n]{0,200}?(?:ประจำป[ีู]\s*(?:งบประมาณ)?|ป[ีู]งบประมาณ|ปี)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4})/;
/** The line speaks of the ITA result, not of one item. */
const RESULT_CONTEXT = /ITA|ภาพรวม|ระดับ|คุณธรรมและความโปร่งใส|ผลการประเมิน|คะแนนที่ได้|ผ่านเกณฑ์/;

function assessedYear(t: string): number | null {
  const be = Number(ASSESSED.exec(t)?.[1]);
  return be >= 2550 && be <= 2600 ? be : null;
}

/** "… ปี 2567 : 91.35 คะแนน", "ระดับ A (๘๘.๔๗ คะแนน)": a score written before คะแนน. */
const BEFORE_POINTS = /(?<![\d.])(\d{1,3}\.\d{1,2})\s*คะแนน/;

function overallOf(t: string): number | null {
  // only where the line speaks of the ITA as a whole: "คะแนนเฉลี่ย ๙๖.๘๘ คะแนน" of one tool is not the result
  const before = /\bITA\b|ภาพรวม|ระดับ/.test(t) ? BEFORE_POINTS.exec(t) : null;
  if (before && /เฉลี่ย\s*$/.test(t.slice(0, before.index))) return null;
  for (const m of [...t.matchAll(OVERALL), ...(before ? [before] : [])]) {
    const n = parseThaiNumber(m[1] ?? '');
    if (n !== null && n >= 0 && n <= 100 && !(n === 100 && /ได้คะแนน\s*100/.test(m[0]) && !/ภาพรวม/.test(t))) return n;
  }
  return null;
}

/**
 * The ITA result the report refers to, from any paragraph that states it:
 * "…ประจำปีงบประมาณ พ.ศ.๒๕๖๕ โดยภาพรวมได้คะแนน ๙๔.๙๔ อยู่ในระดับ A",
 * "คะแนนที่ได้ ๙๒.๖๙ คะแนน ระดับผลการประเมินอยู่ที่ ผ่าน", "ผลคะแนน ITA
 * ประจำปี ๒๕๖๗ ได้ ๘๙.๑๒ คะแนน ผ่านเกณฑ์"; the year may stand on the line
 * before the score. An item's own score ("ข้อ 1๗ ได้คะแนน ๙๘.๖๘") is not it.
 */
export function findAssessment(lines: TextLine[]): Header['assessment'] {
  return locateAssessment(lines).assessment;
}

/** "ปี พ.ศ. ๒๕๖๖", "ปีงบประมาณ 2567": a year that opens a statement of that year's result. */
const YEAR_OPENS = /ปี(?:งบประมาณ)?\s*(?:พ\.?\s*ศ\.?)?\s*(25\d\d)(?!\d)/g;

/**
 * "ผลการประเมิน … ปี ๒๕๖๖ ได้ ๗๙.๑๒ คะแนน (ระดับ B) และปี ๒๕๖๗ ได้ ๘๖.๐๕ คะแนน (ระดับ A)": two years' results
 * in one line. The line as if it stated only the latest year's (its opening words kept); unchanged unless
 * two or more different years each come with a score.
 */
function latestYearOnly(t: string): string {
  const opens = [...t.matchAll(YEAR_OPENS)];
  if (opens.length < 2) return t;
  const parts = opens.map((m, k) => ({ be: Number(m[1]), text: t.slice(m.index, opens[k + 1]?.index ?? t.length) }));
  const scored = parts.filter((p) => BEFORE_POINTS.test(p.text) || [...p.text.matchAll(OVERALL)].length > 0);
  if (scored.length < 2 || new Set(scored.map((p) => p.be)).size < 2) return t;
  const latest = scored.reduce((a, b) => (b.be > a.be ? b : a));
  return t.slice(0, opens[0]!.index) + latest.text;
}

/** The assessment and the line its overall score was read from. */
function locateAssessment(lines: TextLine[]): { assessment: Header['assessment']; source: SourcePosition | null } {
  let source: SourcePosition | null = null;
  let year: number | null = null;
  let overallScore: number | null = null;
  let level: string | null = null;
  let pendingYear: { be: number; until: number } | null = null;
  let scoreLine = -1;
  lines.forEach((l, i) => {
    const t = latestYearOnly(toArabicDigits(clean(l.text)));
    if (/^[-•*\s]*(ข้อ\s*[A-Za-z0-9]|[IiEeOo]\s?\d|ตัวชี้วัด)/.test(t)) return; // an item's or indicator's own score
    const yearHere = /วิเคราะห์ผลการประเมิน|จากการประเมิน|ผลการประเมิน|ITA|ผลคะแนน/.test(t) ? assessedYear(t) : null;
    const context = RESULT_CONTEXT.test(t);
    const score = context ? overallOf(t) : null;
    const lv = LEVEL.exec(t);
    if (overallScore === null && score !== null) {
      overallScore = score;
      scoreLine = i;
      source = l.source;
      year ??= yearHere ?? (pendingYear && i <= pendingYear.until ? pendingYear.be : null);
    }
    const levelHere = lv ? (lv[1] ?? lv[3] ?? lv[4] ?? (lv[2]?.startsWith('ไม่') ? 'ไม่ผ่าน' : 'ผ่าน')) : null;
    // the level written with the overall score wins over one on another line (an earlier year's, say)
    if (levelHere && score !== null && overallScore === score) level = levelHere;
    else if (level === null && levelHere && overallScore === null && /ประเมิน|ITA|คะแนน/.test(t)) level = levelHere;
    // the score's sentence wrapped onto the next line, the level opening it ("… ผลการประเมิน" / "ระดับ "ผ่าน"")
    else if (level === null && levelHere && i === scoreLine + 1 && /^\s*(?:อยู่)?(?:ใน)?ระดับ/.test(t)) level = levelHere;
    if (year === null && yearHere !== null && /ผลการประเมิน|การประเมินผล|จากการประเมิน/.test(t) && /ITA|คุณธรรมและความโปร่งใส/.test(t)) year = yearHere;
    if (yearHere !== null && score === null) pendingYear = { be: yearHere, until: i + 2 };
  });
  return { assessment: { year, overallScore, level }, source };
}

export function recogniseHeader(lines: TextLine[]): Header {
  const stated = locateFiscalYear(lines);
  const fy = stated?.fy ?? null;
  const reporting = locateReportingPeriod(lines, fy);
  const placeDiagnostics: Diagnostic[] = [];
  const assessed = locateAssessment(lines);
  return {
    title: findTitle(lines),
    organization: findOrganization(lines, placeDiagnostics),
    placeDiagnostics,
    fiscalYear: fy,
    reportingPeriod: reporting?.period ?? null,
    assessment: assessed.assessment,
    diagnostics: [
      ...(reporting ? periodDiagnostics(reporting.period, fy?.be ?? null, reporting.source, 'ita/header', 'the reporting period') : []),
      ...(stated ? yearDiagnostics(stated.fy.be, stated.source, 'ita/header', 'the fiscal year') : []),
      ...(assessed.assessment.year !== null ? yearDiagnostics(assessed.assessment.year, assessed.source, 'ita/header', 'the assessment year') : []),
      ...scoreLevelDiagnostics(assessed.assessment.overallScore, assessed.assessment.level, assessed.source, 'ita/header'),
    ],
  };
}
