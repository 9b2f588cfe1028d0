/**
 * The report model: extracted records (one per document, as the CLI writes
 * them) → what the HTML report shows. Pure: no I/O, no clock.
 *
 * Records are read loosely, field by field: error records, records from
 * older or newer runs with extra fields, and item codes carrying the
 * `question` / `indicator` fields being added are all accepted. A value that
 * is not a JSON object is counted in `totals.ignored`. A record whose
 * `source.sha256` (or, without one, `source.path`) was already seen is a
 * duplicate (the same file given twice, or a resumed run read twice): it is
 * counted in `totals.duplicates` and otherwise left out.
 *
 * Definitions:
 *  - **Organisation-year** (a table row): the ok records naming the same
 *    organisation (`organization.name`) for the same fiscal year
 *    (`fiscalYear.be`, null counts as a year of its own). A record that names
 *    no organisation, and every error record, is a row of its own. Kind,
 *    province, district, assessment year, score and level are the first
 *    non-null value among the row's records (in input order); entries is the
 *    sum of their entries.
 *  - **Cited as a weakness**: an item code on an entry of the document's
 *    first part (`entry.part === 1`). A report with several parts puts its
 *    analysis of the items that scored low first (part ๑) and repeats the same
 *    codes in its measures or results (part ๒…), which are therefore not
 *    counted again; a single-part report (a measures or results report) is all
 *    part 1, and its measures cite the items they were written to improve.
 *    Each distinct code counts once per entry (`entries`), once per document
 *    (`documents`) and once per organisation (`organisations`; documents that
 *    name no organisation count as one each).
 *  - Item codes are keyed by code **and assessment year**
 *    (`assessment.year`), because the ITA questionnaire is renumbered from
 *    year to year: i13 of ITA 2566 and i13 of ITA 2567 are different
 *    questions. A document that states no assessment year is taken to
 *    answer the ITA of the year before its fiscal year, as extract() does
 *    when it gives codes their questions; with neither, its codes go under
 *    `assessmentYear: null`.
 *  - **Sections cited**: entries of part 1 placed in one of the seven issues
 *    (`entry.section` 1–7), counted per entry and per document.
 *  - **Score distribution** and **level counts** are over organisation-years
 *    (not documents), so a report given as both DOCX and PDF counts once.
 *    Scores are binned in 5-point bins, lower bound inclusive; 100 falls in
 *    95–100.
 *  - **Errors** are the error records, by `error.code` (`UNKNOWN` when absent).
 */
import { assessmentYearOf } from '../ita/items.js';
import { SECTION_TITLES } from '../ita/sections.js';
import { type Rec, isObj, readRecord } from './_records.js';
import type { ErrorStat, ItemStat, LevelCount, OrgFacts, OrgYearRow, ReportModel, RowStatus, ScoreBin, SectionStat } from './model.js';

export type { ErrorStat, ItemStat, LevelCount, OrgFacts, OrgYearRow, ReportModel, RowStatus, ScoreBin, SectionStat } from './model.js';

// ---- ordering ----------------------------------------------------------------

const collator = new Intl.Collator('th');
/** Strings in Thai order, nulls last. */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}
const compareNum = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

const TOOL_ORDER = { IIT: 0, EIT: 1, OIT: 2 } as const;
const LEVEL_ORDER = ['AA', 'A', 'B', 'C', 'D', 'E', 'F', 'ผ่าน', 'ไม่ผ่าน'];

export const itemKey = (code: string, year: number | null) => `${code}@${year ?? 'unknown'}`;
export const itemLabel = (code: string, year: number | null) => `${code} (ITA ${year ?? 'ไม่ระบุปี'})`;
export const sectionLabel = (n: number) => `ประเด็นที่ ${n} ${SECTION_TITLES[n - 1] ?? ''}`.trim();
export const levelLabel = (level: string | null) => level ?? 'ไม่ระบุ';

export function scoreBinOf(score: number, width = 5): number {
  const from = Math.floor(score / width) * width;
  return score === 100 ? 100 - width : from;
}

// ---- aggregation -------------------------------------------------------------

export function aggregate(records: readonly unknown[]): ReportModel {
  let ignored = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  const recs: Rec[] = [];
  records.forEach((v, i) => {
    if (!isObj(v)) {
      ignored++;
      return;
    }
    const r = readRecord(v, i);
    const id = r.sha256 ? `sha:${r.sha256}` : r.path ? `path:${r.path}:${r.status}` : null;
    if (id !== null) {
      if (seen.has(id)) {
        duplicates++;
        return;
      }
      seen.add(id);
    }
    recs.push(r);
  });
  const ok = recs.filter((r) => r.status === 'ok');

  // organisation-years
  const groups = new Map<string, Rec[]>();
  for (const r of recs) {
    const key = r.status === 'ok' && r.name !== null ? `org:${r.name}|${r.fiscalYear ?? ''}` : `doc:${r.index}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const first = <T>(g: Rec[], f: (r: Rec) => T | null): T | null => {
    for (const r of g) {
      const v = f(r);
      if (v !== null) return v;
    }
    return null;
  };
  const rows: OrgYearRow[] = [...groups].map(([key, g]) => {
    const statuses = new Set(g.map((r) => r.status));
    return {
      key,
      name: first(g, (r) => r.name),
      kind: first(g, (r) => r.kind),
      province: first(g, (r) => r.province),
      district: first(g, (r) => r.district),
      fiscalYear: first(g, (r) => r.fiscalYear),
      assessmentYear: first(g, (r) => r.assessmentYear),
      score: first(g, (r) => r.score),
      level: first(g, (r) => r.level),
      entries: g.reduce((n, r) => n + r.entries.length, 0),
      documents: g.length,
      status: statuses.size > 1 ? 'mixed' : g[0]!.status,
      errorCodes: g.flatMap((r) => (r.errorCode ? [r.errorCode] : [])),
      sources: g.map((r) => r.path),
    };
  });
  rows.sort(
    (a, b) =>
      compareText(a.province, b.province) ||
      compareText(a.name, b.name) ||
      compareNum(a.fiscalYear, b.fiscalYear) ||
      compareText(a.sources[0] ?? null, b.sources[0] ?? null),
  );

  // weaknesses and sections
  const items = new Map<string, ItemStat & { docSet: Set<number>; orgSet: Set<string> }>();
  const sections = SECTION_TITLES.map((title, i) => ({
    number: i + 1,
    title,
    label: sectionLabel(i + 1),
    documents: 0,
    entries: 0,
  }));
  let weaknessEntries = 0;
  for (const r of ok) {
    const orgId = r.name !== null ? `org:${r.name}` : `doc:${r.index}`;
    const sectionDocs = new Set<number>();
    for (const e of r.entries) {
      if (e.part !== 1) continue;
      if (e.section !== null) {
        sections[e.section - 1]!.entries++;
        sectionDocs.add(e.section);
      }
      if (e.codes.length === 0) continue;
      weaknessEntries++;
      const inEntry = new Set<string>();
      for (const c of e.codes) {
        const key = itemKey(c.code, r.itemYear);
        let s = items.get(key);
        if (!s) {
          s = {
            key,
            code: c.code,
            tool: c.tool,
            item: c.item,
            assessmentYear: r.itemYear,
            label: itemLabel(c.code, r.itemYear),
            question: null,
            indicator: null,
            documents: 0,
            organisations: 0,
            entries: 0,
            docSet: new Set(),
            orgSet: new Set(),
          };
          items.set(key, s);
        }
        s.question ??= c.question;
        s.indicator ??= c.indicator;
        if (inEntry.has(key)) continue;
        inEntry.add(key);
        s.entries++;
        s.docSet.add(r.index);
        s.orgSet.add(orgId);
      }
    }
    for (const n of sectionDocs) sections[n - 1]!.documents++;
  }
  const itemStats: ItemStat[] = [...items.values()]
    .map(({ docSet, orgSet, ...s }) => ({ ...s, documents: docSet.size, organisations: orgSet.size }))
    .sort(
      (a, b) =>
        b.documents - a.documents ||
        b.entries - a.entries ||
        TOOL_ORDER[a.tool] - TOOL_ORDER[b.tool] ||
        a.item - b.item ||
        compareNum(a.assessmentYear, b.assessmentYear),
    );
  const sectionStats = [...sections].sort((a, b) => b.entries - a.entries || b.documents - a.documents || a.number - b.number);

  // scores and levels, over organisation-years with an ok record
  const okRows = rows.filter((r) => r.status !== 'error');
  const scores = okRows.map((r) => r.score).filter((s): s is number => s !== null);
  const scoreBins: ScoreBin[] = [];
  if (scores.length > 0) {
    const lo = scoreBinOf(Math.min(...scores));
    const hi = scoreBinOf(Math.max(...scores));
    for (let from = lo; from <= hi; from += 5) scoreBins.push({ from, to: from + 5, label: `${from}–${from + 5}`, count: 0 });
    for (const s of scores) scoreBins[(scoreBinOf(s) - lo) / 5]!.count++;
  }
  const levelMap = new Map<string | null, number>();
  for (const r of okRows) levelMap.set(r.level, (levelMap.get(r.level) ?? 0) + 1);
  const levelRank = (l: string | null) => (l === null ? 1e9 : LEVEL_ORDER.includes(l) ? LEVEL_ORDER.indexOf(l) : 1e6);
  const levels: LevelCount[] = [...levelMap]
    .map(([level, count]) => ({ level, label: levelLabel(level), count }))
    .sort((a, b) => levelRank(a.level) - levelRank(b.level) || compareText(a.level, b.level));

  // errors
  const errorMap = new Map<string, ErrorStat>();
  for (const r of recs) {
    if (r.status !== 'error') continue;
    const code = r.errorCode ?? 'UNKNOWN';
    const e = errorMap.get(code) ?? { code, count: 0, records: [] };
    e.count++;
    e.records.push({ path: r.path, message: r.errorMessage });
    errorMap.set(code, e);
  }
  const errors = [...errorMap.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  const distinct = (f: (r: OrgYearRow) => string | null) => [...new Set(rows.map(f))].sort(compareText);
  return {
    totals: {
      records: recs.length,
      ok: ok.length,
      error: recs.length - ok.length,
      duplicates,
      ignored,
      organisations: new Set(ok.map((r) => r.name).filter((n) => n !== null)).size,
      rows: rows.length,
      entries: ok.reduce((n, r) => n + r.entries.length, 0),
      weaknessEntries,
      scored: scores.length,
      meanScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
    },
    rows,
    items: itemStats,
    sections: sectionStats,
    scoreBins,
    levels,
    errors,
    provinces: distinct((r) => r.province),
    kinds: distinct((r) => r.kind),
  };
}
