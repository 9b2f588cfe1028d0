/**
 * The body walk: blocks in document order → entries, section slots,
 * indicator scores, standalone dates and diagnostics. Tables give one entry
 * per data row; paragraphs that discuss an item give one entry each.
 * Section numbers are resolved afterwards (see resolve-sections.ts), when the
 * content under each heading is known.
 */
import type { Block } from '../model/blocks.js';
import { type BodyResult, type State } from './_body-state.js';
import { walkTable } from './_body-table.js';
import { walkText } from './_body-text.js';
import { findMeasureHeads } from './paragraph-items.js';

export type { SectionSlot, BodyResult } from './_body-state.js';

export function walkBody(blocks: Block[], fiscalYear: number | null): BodyResult {
  const out: BodyResult = { entries: [], entrySlots: [], entryAfterHeader: [], slots: [], indicatorScores: [], tableAssessment: { overallScore: null, level: null }, dates: [], diagnostics: [] };
  const st: State = {
    fiscalYear,
    part: 1,
    partHasEntries: false,
    slot: null,
    headingTool: null,
    codeTool: null,
    headerRoles: null,
    headerTexts: null,
    roles: null,
    statusCols: null,
    markCols: null,
    subHeader: null,
    sectionCol: null,
    lastEntry: null,
    parentRow: null,
    indicatorWidth: null,
    lastParagraphEntry: false,
    afterHeader: false,
    measure: null,
    measureSeq: null,
    measureField: null,
    out,
  };
  const heads = findMeasureHeads(blocks.map((b) => (b.type === 'table' ? null : b.text)));
  blocks.forEach((b, i) => {
    if (b.type === 'table') {
      st.measure = null;
      walkTable(b, st);
    } else walkText(b.text, b.source, b.type === 'heading' || b.bold, st, heads.get(i));
  });
  return out;
}

