/**
 * Province and district of the organisation, checked against the real list
 * (77 provinces and their districts, generated from thai-address-database by
 * scripts/make-thai-admin.ts). Thai runs words together, so the words after
 * "จังหวัด" / "จ." / "อำเภอ" / "อ." / "เขต" are matched by the longest real
 * name they start with ("จังหวัดกระบี่ประจำปี…" is กระบี่); a phrase that
 * names no real place is never emitted: null and a diagnostic with the raw
 * phrase. "อำเภอเมือง" of province X is the district เมืองX.
 */
import levenshtein from 'fast-levenshtein';
import type { Diagnostic, OrganizationKind } from '../model/schema.js';
import { diagnostic } from './_diagnostics.js';
import { DISTRICTS_BY_PROVINCE } from './_thai-admin.generated.js';

const PROVINCES = Object.keys(DISTRICTS_BY_PROVINCE).sort((a, b) => b.length - a.length);
const BANGKOK = 'กรุงเทพมหานคร';
const ORIGIN = 'ita/header';

/** Every district name once (several provinces have a เฉลิมพระเกียรติ), longest first. */
const ALL_DISTRICTS = [...new Set(Object.values(DISTRICTS_BY_PROVINCE).flat())].sort((a, b) => b.length - a.length);

export function isProvince(name: string): boolean {
  return Object.hasOwn(DISTRICTS_BY_PROVINCE, name);
}

/** The districts of a province, or every district when it is unknown. */
export function districtsOf(province: string | null): readonly string[] {
  return province ? (DISTRICTS_BY_PROVINCE[province] ?? []) : ALL_DISTRICTS;
}

/** The longest of `names` that `run` starts with, or null. */
function longestPrefix(run: string, names: readonly string[]): string | null {
  let best: string | null = null;
  for (const n of names) if (run.startsWith(n) && (best === null || n.length > best.length)) best = n;
  return best;
}

const THAI_RUN = '[\\u0e01-\\u0e4e]+';
/** "จังหวัด X", "จ.X", and Bangkok written without จังหวัด ("กรุงเทพมหานคร", "กรุงเทพฯ", "กทม."). */
const PROVINCE_PHRASE = new RegExp(`(?:จังหวัด|(?<![\\u0e01-\\u0e4e])จ\\.)\\s*(${THAI_RUN})|(กรุงเทพ(?:มหานคร|\\s?ฯ)|(?<![\\u0e01-\\u0e4e])กทม\\.)`, 'g');
/** "อำเภอ X", "อ.X", "เขต X" / "สำนักงานเขต X" (Bangkok). */
const DISTRICT_PHRASE = new RegExp(`(?:อำเภอ|(?<![\\u0e01-\\u0e4e])อ\\.|(?:(?<![\\u0e01-\\u0e4e])|(?<=สำนักงาน))เขต)\\s*(${THAI_RUN})`, 'g');

export interface Place {
  district: string | null;
  province: string | null;
  diagnostics: Diagnostic[];
}

/**
 * Words that follow จังหวัด without naming a province: "องค์การบริหารส่วน
 * จังหวัด" is a kind, "ระดับจังหวัด", "ทุกจังหวัด" are not places.
 */
const NOT_A_NAME = /^(?:และ|หรือ|ของ|ใน|ที่|ได้|ซึ่ง|เพื่อ|โดย|ต่าง|ทุก|ละ|นั้น|นี้|เดียว|ใกล้|เคียง)/;

/** Names this long or longer may be read through one OCR slip (a lost or misread mark or letter). */
const FUZZY_MIN = 5;

/**
 * The one name of `names` (FUZZY_MIN letters or more) that `run` starts with
 * give or take one edit ("จังหวัดกระบื่" for กระบี่); null when none or several are that close.
 */
function nearPrefix(run: string, names: readonly string[]): string | null {
  const near = names.filter((n) => n.length >= FUZZY_MIN && [-1, 0, 1].some((d) => levenshtein.get(run.slice(0, n.length + d), n) <= 1));
  return near.length === 1 ? (near[0] ?? null) : null;
}

interface Found {
  province: string | null;
  raw: string | null;
  /** The name was read through one edit. */
  fuzzy: boolean;
}

/**
 * The first phrase in `text` that names a real province; else the first that
 * names one through one OCR slip; else none, with the first raw phrase.
 */
function provinceIn(text: string): Found {
  const runs: Array<{ run: string; phrase: string }> = [];
  for (const m of text.matchAll(PROVINCE_PHRASE)) {
    if (m[2]) return { province: BANGKOK, raw: m[2], fuzzy: false };
    const run = m[1] ?? '';
    const found = longestPrefix(run, PROVINCES);
    if (found) return { province: found, raw: run, fuzzy: false };
    // "ระดับจังหวัด", "ทุกจังหวัดใน…": จังหวัด as a word, no name after it
    if (!NOT_A_NAME.test(run)) runs.push({ run, phrase: m[0].trim() });
  }
  for (const { run, phrase } of runs) {
    const near = nearPrefix(run, PROVINCES);
    if (near) return { province: near, raw: phrase, fuzzy: true };
  }
  return { province: null, raw: runs[0]?.phrase ?? null, fuzzy: false };
}

/**
 * A district run read within a province (or anywhere): the longest real name
 * it starts with, "เมือง" alone as the province's seat, or within a known
 * province a name read through one OCR slip (`fuzzy`).
 */
function districtOf(run: string, province: string | null): { name: string; fuzzy: boolean } | null {
  const found = longestPrefix(run, districtsOf(province));
  if (found) return { name: found, fuzzy: false };
  const seat = province ? `เมือง${province}` : null;
  // "อำเภอเมือง จังหวัดกระบี่": the seat district เมืองกระบี่, unless another name follows เมือง
  if (seat && run.startsWith('เมือง') && districtsOf(province).includes(seat) && !longestPrefix(run.slice(5), PROVINCES)) return { name: seat, fuzzy: false };
  const near = province ? nearPrefix(run, districtsOf(province)) : null;
  return near ? { name: near, fuzzy: true } : null;
}

/**
 * District and province from the header text. The province is the first
 * phrase that names a real one; the district must be one of that province's
 * (or, with no province, of some province, which then gives the province
 * when only one has it). An organisation of the province kind (อบจ.X) is in
 * province X.
 */
export function placeOf(head: string, org: { name: string; kind: OrganizationKind } | null): Place {
  const diagnostics: Diagnostic[] = [];
  const found = provinceIn(head);
  let { province } = found;
  const { raw } = found;
  if (found.fuzzy && province) {
    diagnostics.push(diagnostic('info', 'PLACE_NAME_FUZZY', `"${(raw ?? '').slice(0, 60)}" read as จังหวัด${province} (one letter or mark differs)`, null, ORIGIN, { actual: (raw ?? '').slice(0, 60), expected: province }));
  }
  if (!province && org?.kind === 'องค์การบริหารส่วนจังหวัด') {
    const own = longestPrefix(org.name.replace(/^องค์การบริหารส่วนจังหวัด/, ''), PROVINCES);
    if (own) province = own;
  }
  if (!province && raw) {
    diagnostics.push(diagnostic('warning', 'PROVINCE_UNKNOWN', `"${raw.slice(0, 60)}" names no province of Thailand; province left empty`, null, ORIGIN, { actual: raw.slice(0, 60) }));
  }
  let district: string | null = null;
  let districtRaw: string | null = null;
  for (const m of head.matchAll(DISTRICT_PHRASE)) {
    const run = m[1] ?? '';
    if (NOT_A_NAME.test(run)) continue;
    if (m[0].startsWith('เขต') && province !== BANGKOK) continue; // เขต is Bangkok's district; elsewhere "ในเขตเทศบาล"
    const read = districtOf(run, province);
    if (read) {
      district = read.name;
      if (read.fuzzy) {
        const phrase = m[0].trim().slice(0, 60);
        diagnostics.push(diagnostic('info', 'PLACE_NAME_FUZZY', `"${phrase}" read as อำเภอ${read.name} (one letter or mark differs)`, null, ORIGIN, { actual: phrase, expected: read.name }));
      }
      break;
    }
    districtRaw ??= m[0].trim();
  }
  if (!district && districtRaw) {
    diagnostics.push(
      diagnostic('warning', 'DISTRICT_UNKNOWN', `"${districtRaw.slice(0, 60)}" names no district${province ? ` of ${province}` : ''}; district left empty`, null, ORIGIN, {
        actual: districtRaw.slice(0, 60),
      }),
    );
  }
  return { district, province, diagnostics };
}
