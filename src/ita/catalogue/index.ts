/**
 * Versioned ITA item catalogue: what each item code (i7, e10, o34) meant in a
 * given assessment year, with the question wording where a source gives it.
 *
 * Item numbering and wording change between years (2566 renumbered the OIT,
 * 2567 reworked all tools), so every lookup takes the assessment year (BE).
 * The data (./data/<year>.ts) list their sources; nothing is filled in from
 * memory, and what is missing is listed in each year's `gaps`.
 *
 * - `lookupItem(code, year)`: the item, and whether the answer is known.
 * - `matchQuestion(text, year)`: which items a (partial, damaged, embedded)
 *   quotation of a question or of its NACC weakness statement refers to.
 */
import type { CatalogueItem, CatalogueTool, CatalogueYear } from './types.js';
import { YEAR_2564 } from './data/2564.js';
import { YEAR_2565 } from './data/2565.js';
import { YEAR_2566 } from './data/2566.js';
import { YEAR_2567 } from './data/2567.js';
import { YEAR_2568 } from './data/2568.js';
import { buildPatterns, candidates, prepareText, scorePattern, type PatternIndex, type PatternInput } from './match.js';

export type { CatalogueAltText, CatalogueItem, CatalogueSource, CatalogueTool, CatalogueToolInfo, CatalogueYear } from './types.js';
export { skeleton } from './match.js';

const YEARS: readonly CatalogueYear[] = [YEAR_2564, YEAR_2565, YEAR_2566, YEAR_2567, YEAR_2568];
const BY_YEAR = new Map<number, CatalogueYear>(YEARS.map((y) => [y.year, y]));

/** Assessment years (BE) with a catalogue, ascending. */
export const CATALOGUE_YEARS: number[] = YEARS.map((y) => y.year).sort((a, b) => a - b);

/**
 * Years whose questionnaire a source documents as unchanged from an earlier
 * catalogued year: `catalogueFor(year)` then answers with that year's data.
 * Empty: no source seen so far states that a year reused an earlier
 * questionnaire word for word.
 */
export const DOCUMENTED_UNCHANGED: ReadonlyArray<{ year: number; sameAs: number; source: string }> = [];

/** The catalogue of an assessment year (BE); an earlier year's only when documented as unchanged; otherwise null. */
export function catalogueFor(year: number): CatalogueYear | null {
  const own = BY_YEAR.get(year);
  if (own) return own;
  const alias = DOCUMENTED_UNCHANGED.find((d) => d.year === year);
  if (alias) {
    const base = BY_YEAR.get(alias.sameAs);
    if (base) return base;
  }
  return null;
}

const TOOL_OF: Readonly<Record<string, CatalogueTool>> = { i: 'IIT', e: 'EIT', o: 'OIT' };

/** "i7", "I7", "O 34", "e๑๐" → { tool, item }; null when not a code. */
export function parseCode(code: string): { tool: CatalogueTool; item: number; code: string } | null {
  const m = /^\s*([ieoIEO])\s*([0-9๐-๙]{1,3})\s*$/.exec(code);
  if (!m) return null;
  const letter = m[1]!.toLowerCase();
  const n = Number(m[2]!.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));
  const tool = TOOL_OF[letter];
  if (!tool || !Number.isInteger(n) || n < 1) return null;
  return { tool, item: n, code: `${letter}${n}` };
}

/**
 * Look an item code up in an assessment year.
 *
 * `known` is true when the catalogue can answer for that year and tool: the item
 * is listed, or the tool's list is complete (then `item: null` means the code
 * does not exist that year). It is false when the year or tool is not catalogued,
 * or the tool's list is partial and the code is not in it.
 */
export function lookupItem(code: string, year: number): { item: CatalogueItem | null; known: boolean } {
  const parsed = parseCode(code);
  const cat = catalogueFor(year);
  if (!parsed || !cat) return { item: null, known: false };
  const info = cat.tools[parsed.tool];
  if (!info) return { item: null, known: false };
  const found = cat.items.find((it) => it.code === parsed.code) ?? null;
  return { item: found, known: found !== null || info.complete };
}

/* ------------------------------------------------------------------ matching */

interface PatternKey {
  year: number;
  item: CatalogueItem;
}

let patterns: PatternIndex<PatternKey> | null = null;

/**
 * Sub-points alone are weaker evidence than the question: weighted down, matched
 * like titles (whole, not buried in long text), and short ones ("เงิน",
 * "เข้าถึงง่าย ไม่ซับซ้อน") are not used at all.
 */
const SUB_ITEM_WEIGHT = 0.9;
const SUB_ITEM_MIN_LENGTH = 30;

function allPatterns(): PatternIndex<PatternKey> {
  if (patterns) return patterns;
  const inputs: PatternInput<PatternKey>[] = [];
  for (const y of YEARS) {
    for (const it of y.items) {
      const key = { year: y.year, item: it };
      const oit = it.tool === 'OIT';
      if (it.question) inputs.push({ key, text: it.question, weight: 1, title: oit });
      for (const sub of it.subItems ?? []) {
        if (sub.replace(/\s+/g, '').length >= SUB_ITEM_MIN_LENGTH) inputs.push({ key, text: sub, weight: SUB_ITEM_WEIGHT, title: true });
      }
      for (const a of it.altTexts ?? []) {
        inputs.push({ key, text: a.text, weight: 1, title: (a.kind ?? (oit ? 'title' : 'statement')) === 'title' });
      }
    }
  }
  patterns = buildPatterns(inputs);
  return patterns;
}

/**
 * OIT item titles are ordinary noun phrases that reports also use for their own
 * headings and measures ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
 * "แผนการใช้จ่ายงบประมาณประจำปี"). A title match counts in full only when the
 * text shows an OIT context (an O code, even OCR-damaged as "ข้อ ๐ ๓๗", the word
 * OIT, ตัวชี้วัดย่อย, the OIT tool's name) or the caller asks for OIT.
 */
const OIT_CONTEXT = /(?:^|[^A-Za-z])[Oo]\s?[0-9๐-๙]|ข้อ\s?[Oo๐0]\s?[0-9๐-๙]|OIT|ตัวชี้วัดย่อย|เปิดเผยข้อมูลสาธารณะ/;
const OIT_TITLE_WITHOUT_CONTEXT = 0.6;

/** Default `minConfidence` of matchQuestion. */
export const MATCH_MIN_CONFIDENCE = 0.7;
const EVIDENCE_NUDGE = 0.0003;

export interface QuestionMatch {
  item: CatalogueItem;
  year: number;
  confidence: number;
}

/**
 * Items whose question (or sub-point, or sourced alternative wording such as the
 * NACC weakness statement) the text quotes, best first, one entry per year and
 * code. `year` null searches every catalogued year. The text may be a whole table
 * cell or paragraph; the wording may be truncated, re-wrapped or OCR-damaged.
 */
export function matchQuestion(
  text: string,
  year: number | null,
  opts: { tool?: CatalogueTool; minConfidence?: number } = {},
): QuestionMatch[] {
  const min = opts.minConfidence ?? MATCH_MIN_CONFIDENCE;
  const years = year === null ? null : catalogueFor(year);
  if (year !== null && !years) return [];
  const prepared = prepareText(text);
  if (prepared.skel.length < 2) return [];
  const best = new Map<string, QuestionMatch & { evidence: number }>();
  const index = allPatterns();
  const oitContext = opts.tool === 'OIT' || OIT_CONTEXT.test(text);
  for (const pi of candidates(index, prepared)) {
    const p = index.patterns[pi]!;
    const { year: py, item } = p.key;
    if (years && py !== years.year) continue;
    if (opts.tool && item.tool !== opts.tool) continue;
    const damp = item.tool === 'OIT' && p.title && !oitContext ? OIT_TITLE_WITHOUT_CONTEXT : 1;
    const s = scorePattern(p, prepared, min / damp);
    if (!s || s.confidence * damp < min) continue;
    const id = `${py}:${item.code}`;
    const prev = best.get(id);
    const confidence = Math.round(s.confidence * damp * 1000) / 1000;
    if (!prev || prev.confidence < confidence || (prev.confidence === confidence && prev.evidence < s.evidence)) {
      best.set(id, { item, year: py, confidence, evidence: s.evidence });
    }
  }
  // Rank by confidence, nudged by how much of the wording was found (so a longer
  // question that contains a shorter one, i28 ⊃ i26 in 2564, wins near-ties).
  const rank = (m: { confidence: number; evidence: number }): number => m.confidence + EVIDENCE_NUDGE * Math.min(m.evidence, 120);
  return [...best.values()]
    .sort((a, b) => rank(b) - rank(a) || b.year - a.year || a.item.item - b.item.item)
    .map(({ item, year: y, confidence }) => ({ item, year: y, confidence }));
}
