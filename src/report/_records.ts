/**
 * Records read loosely, field by field (see aggregate.ts): a field of the
 * wrong type is absent, an error record or one from an older or newer run
 * is accepted as it is.
 */
import { assessmentYearOf } from '../ita/items.js';
import type { ItemStat, OrgFacts } from './model.js';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface Code {
  code: string;
  tool: ItemStat['tool'];
  item: number;
  question: string | null;
  indicator: string | null;
}

export interface Rec extends OrgFacts {
  index: number;
  status: 'ok' | 'error';
  errorCode: string | null;
  errorMessage: string | null;
  path: string | null;
  sha256: string | null;
  /** The assessment year the record's item codes belong to: stated, else the year before the fiscal year (as extract() reads them). */
  itemYear: number | null;
  entries: Array<{ part: number; section: number | null; codes: Code[] }>;
}

const TOOL_OF = { i: 'IIT', e: 'EIT', o: 'OIT' } as const;

function readCode(v: unknown): Code | null {
  const c = obj(v);
  const m = /^([ieo])(\d+)$/.exec(typeof c.code === 'string' ? c.code.trim().toLowerCase() : '');
  if (!m) return null;
  const letter = m[1] as keyof typeof TOOL_OF;
  const indicator = str(c.indicator) ?? (num(c.indicator) === null ? null : String(c.indicator));
  return { code: m[0], tool: TOOL_OF[letter], item: Number(m[2]), question: str(c.question)?.trim() ?? null, indicator };
}

export function readRecord(v: Obj, index: number): Rec {
  const source = obj(v.source);
  const error = isObj(v.error) ? v.error : null;
  const org = isObj(v.organization) ? v.organization : null;
  const assessment = obj(v.assessment);
  const status = v.status === 'error' || (v.status !== 'ok' && error) ? 'error' : 'ok';
  return {
    index,
    status,
    errorCode: status === 'error' ? (str(error?.code) ?? 'UNKNOWN') : null,
    errorMessage: str(error?.message),
    path: str(source.path),
    sha256: str(source.sha256),
    name: str(org?.name)?.trim() ?? null,
    kind: str(org?.kind),
    province: str(org?.province),
    district: str(org?.district),
    fiscalYear: int(obj(v.fiscalYear).be),
    assessmentYear: int(assessment.year),
    itemYear: assessmentYearOf(int(assessment.year), int(obj(v.fiscalYear).be)),
    score: num(assessment.overallScore),
    level: str(assessment.level)?.trim() ?? null,
    entries: arr(v.entries).map((e) => {
      const entry = obj(e);
      const section = int(entry.section);
      return {
        part: int(entry.part) ?? 1,
        section: section !== null && section >= 1 && section <= 7 ? section : null,
        codes: arr(entry.itemCodes).map(readCode).filter((c): c is Code => c !== null),
      };
    }),
  };
}
