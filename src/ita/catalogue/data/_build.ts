/** Small constructors so the year files stay readable. They only fill fields; they never invent text. */
import type { CatalogueAltText, CatalogueItem, CatalogueTool } from '../types.js';

export const INDICATOR_NAMES: Readonly<Record<number, string>> = {
  // IIT (primer; sdu-iit form section headings for 2564)
  1: 'การปฏิบัติหน้าที่',
  2: 'การใช้งบประมาณ',
  3: 'การใช้อำนาจ',
  4: 'การใช้ทรัพย์สินของราชการ',
  5: 'การแก้ไขปัญหาการทุจริต',
  // EIT (primer)
  6: 'คุณภาพการดำเนินงาน',
  7: 'ประสิทธิภาพการสื่อสาร',
  8: 'การปรับปรุงการทำงาน',
  // OIT (primer; GIT 2565 OIT page)
  9: 'การเปิดเผยข้อมูล',
  10: 'การป้องกันการทุจริต',
};

const LETTER: Record<CatalogueTool, string> = { IIT: 'i', EIT: 'e', OIT: 'o' };

export interface ItemSpec {
  question?: string | null;
  indicator?: number | null;
  subIndicator?: string | null;
  subIndicatorName?: string | null;
  subItems?: readonly string[];
  altTexts?: readonly CatalogueAltText[];
  source: string;
  note?: string;
}

export function item(tool: CatalogueTool, n: number, spec: ItemSpec): CatalogueItem {
  const indicator = spec.indicator ?? null;
  const out: CatalogueItem = {
    code: `${LETTER[tool]}${n}`,
    tool,
    item: n,
    indicator,
    indicatorName: indicator === null ? null : (INDICATOR_NAMES[indicator] ?? null),
    subIndicator: spec.subIndicator ?? null,
    subIndicatorName: spec.subIndicatorName ?? null,
    question: spec.question ?? null,
    source: spec.source,
  };
  if (spec.subItems) out.subItems = spec.subItems;
  if (spec.altTexts) out.altTexts = spec.altTexts;
  if (spec.note) out.note = spec.note;
  return out;
}

/** Indicator of item n when a source states "k items per indicator from `first`" (e.g. IIT 2564: 6 per indicator from 1). */
export function byBlocks(n: number, perIndicator: number, firstIndicator: number): number {
  return firstIndicator + Math.floor((n - 1) / perIndicator);
}

/** Items 1..count with no wording, placed by `place(n)`. */
export function placeholders(
  tool: CatalogueTool,
  count: number,
  place: (n: number) => Omit<ItemSpec, 'question'>,
): CatalogueItem[] {
  const out: CatalogueItem[] = [];
  for (let n = 1; n <= count; n++) out.push(item(tool, n, { ...place(n), question: null }));
  return out;
}

/** Replace placeholder items by code. */
export function override(base: CatalogueItem[], replacements: readonly CatalogueItem[]): CatalogueItem[] {
  const byCode = new Map(replacements.map((r) => [r.code, r]));
  return base.map((b) => byCode.get(b.code) ?? b);
}
