/**
 * Recognition: normalised blocks → the ITA part of the model. Header fields
 * from the text before the body, entries and sections from the body walk,
 * section numbers resolved last. Consumes blocks only; knows no format.
 */
import type { Block } from '../model/blocks.js';
import type { Diagnostic, ItaDocument } from '../model/schema.js';
import { diagnostic } from './_diagnostics.js';
import { walkBody } from './body.js';
import { recogniseHeader, type TextLine } from './header.js';
import { applyCatalogue, assessmentYearOf } from './items.js';
import { linkParts, reconcileLinkedCodes } from './links.js';
import { normaliseBlocks } from './normalise.js';
import { splitLabelledParagraphs } from './paragraph-items.js';
import { resolveSections } from './resolve-sections.js';
import { parseThaiPeriod } from '../thai/date.js';
import type { Entry, FiscalYear } from '../model/schema.js';

export type Recognised = Pick<
  ItaDocument,
  'title' | 'organization' | 'fiscalYear' | 'reportingPeriod' | 'assessment' | 'sections' | 'entries' | 'dates' | 'diagnostics'
>;

const ORIGIN = 'ita/recognise';

/**
 * The lines the header is read from: paragraphs and headings, and a table's title rows: the rows at its top
 * that hold one cell of text each (a spreadsheet's title merged across the sheet, the organisation under it).
 */
function textLines(blocks: Block[]): TextLine[] {
  return blocks.flatMap((b): TextLine[] => {
    if (b.type !== 'table') return [{ text: b.text, source: b.source }];
    const out: TextLine[] = [];
    for (const r of b.rows) {
      const filled = r.cells.map((c) => c.paragraphs.join(' ').trim()).filter((t) => t !== '');
      if (filled.length !== 1) break;
      out.push({ text: filled[0]!, source: r.source });
    }
    return out;
  });
}

export function recognise(rawBlocks: Block[]): Recognised {
  const blocks = normaliseBlocks(splitLabelledParagraphs(rawBlocks));
  const header = recogniseHeader(textLines(blocks));
  const body = walkBody(blocks, header.fiscalYear?.be ?? null);
  const { sections, diagnostics: sectionDiags } = resolveSections(body.entries, body.entrySlots, body.slots, body.entryAfterHeader);
  const links = linkParts(body.entries);
  const reconciled = reconcileLinkedCodes(body.entries, links);
  const year = assessmentYearOf(header.assessment.year, header.fiscalYear?.be ?? null);
  const items = applyCatalogue(reconciled.entries, year);
  const entries = items.entries.map((e, i) => ({ ...e, linksTo: links[i] ?? null }));
  const diagnostics: Diagnostic[] = [...header.diagnostics, ...header.placeDiagnostics, ...body.diagnostics, ...sectionDiags, ...reconciled.diagnostics, ...items.diagnostics];
  if (!header.fiscalYear) {
    diagnostics.push(diagnostic('warning', 'FISCAL_YEAR_MISSING', 'no fiscal year stated in the header; periods written without a year stay unresolved', null, ORIGIN));
  }
  const conflict = header.fiscalYear ? fiscalYearConflict(body.entries, header.fiscalYear) : null;
  if (conflict) diagnostics.push(conflict);
  if (!header.organization) {
    diagnostics.push(diagnostic('warning', 'ORGANIZATION_MISSING', 'no organisation name found', null, ORIGIN));
  }
  if (entries.length === 0) {
    diagnostics.push(diagnostic('warning', 'NO_ENTRIES', 'no table rows or item paragraphs recognised', null, ORIGIN));
  }
  return {
    title: header.title,
    organization: header.organization,
    fiscalYear: header.fiscalYear,
    reportingPeriod: header.reportingPeriod,
    assessment: {
      ...header.assessment,
      // a score table's total and level row stand where the prose states neither
      overallScore: header.assessment.overallScore ?? body.tableAssessment.overallScore,
      level: header.assessment.level ?? body.tableAssessment.level,
      indicatorScores: body.indicatorScores,
    },
    sections,
    entries,
    dates: body.dates,
    diagnostics,
  };
}

/**
 * Dated facts inside the entries that fall after the stated fiscal year
 * ("ณ วันที่ ๓๑ มีนาคม ๒๕๖๘" in a report that says ๒๕๖๗) suggest the title
 * names the ITA cycle rather than the fiscal year: worth a warning.
 */
function fiscalYearConflict(entries: Entry[], fy: FiscalYear): Diagnostic | null {
  let after = 0;
  let within = 0;
  for (const e of entries) {
    for (const p of parseThaiPeriod(e.text, { fiscalYear: fy.be })) {
      if (p.precision !== 'day' || !p.start) continue;
      if (p.start > fy.end) after++;
      else if (p.start >= fy.start) within++;
    }
  }
  if (after < 2 || after <= within) return null;
  return diagnostic(
    'warning',
    'FISCAL_YEAR_CONFLICT',
    `the header says fiscal year ${fy.be}, but ${after} dates inside the entries fall after ${fy.end} (and ${within} within it); periods were resolved against ${fy.be}`,
    null,
    ORIGIN,
    { actual: String(fy.be), expected: String(fy.be + 1) },
  );
}
