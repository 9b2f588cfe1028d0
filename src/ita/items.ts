/**
 * Item codes against the catalogue of the assessment year the report refers
 * to (./catalogue): each code gets its question and indicator; a code the
 * year does not have gets a diagnostic; an entry that quotes a question but
 * whose code is unreadable or missing gets the code from the quotation
 * (via "catalogue"); an OCR'd code that the quoted question contradicts is
 * replaced by the question's.
 *
 * The assessment year: the one the report states (assessment.year), else
 * the year before its fiscal year (a fiscal-2568 report acts on ITA 2567).
 */
import type { Diagnostic, Entry, ItemCode } from '../model/schema.js';
import { diagnostic } from './_diagnostics.js';
import { type QuestionMatch, catalogueFor, lookupItem, matchQuestion } from './catalogue/index.js';

const ORIGIN = 'ita/items';

/** Below this a quotation only yields a diagnostic. */
export const RECOVER_MIN = 0.75;
/** A runner-up this close makes the quotation ambiguous. */
const AMBIGUOUS_MARGIN = 0.05;
/** An OCR'd code is replaced only when the quotation names another item this clearly. */
const OVERRIDE_MIN = 0.85;

export function assessmentYearOf(stated: number | null, fiscalYear: number | null): number | null {
  if (stated !== null) return stated;
  return fiscalYear !== null ? fiscalYear - 1 : null;
}

/** How much of an entry without an issue cell is searched for a quotation: it comes first ("ข้อ ๒๖ … ประเด็น …"). */
const QUOTE_WINDOW = 600;

/**
 * The text of an entry that quotes the question: the issue cell when there
 * is one, else the measure cell, else the start of the entry (its results
 * and outcomes quote nothing, and matching them costs time and invites
 * false matches).
 */
function quotedText(e: Entry): string {
  return e.fields.issue ?? e.fields.code ?? e.fields.measure ?? e.text.slice(0, QUOTE_WINDOW);
}

function annotate(c: ItemCode, year: number | null): { code: ItemCode; unknown: boolean } {
  if (year === null) return { code: { ...c, question: c.question ?? null, indicator: c.indicator ?? null }, unknown: false };
  const { item, known } = lookupItem(c.code, year);
  return {
    code: { ...c, question: item?.question ?? null, indicator: item?.indicator ?? null },
    unknown: known && item === null,
  };
}

function fromMatch(m: QuestionMatch): ItemCode {
  return {
    code: m.item.code,
    tool: m.item.tool,
    item: m.item.item,
    raw: '',
    confidence: m.confidence,
    via: 'catalogue',
    question: m.item.question,
    indicator: m.item.indicator,
  };
}

/** Indicators 9–10 (OIT) named in the text: an OIT item title is then a quotation, not a phrase. */
const OIT_HINT = /ตัวชี้วัดย่อย|ตัวชี้วัดที่\s*(?:๙|๑๐|9|10)(?![0-9๐-๙])|\bOIT\b/;

/**
 * Matches for the text, and for what follows its last "ข้อ …" (the item's
 * title after a code OCR made unreadable: "ข้อ ๐ mw การดำเนินการเพื่อจัดการ
 * ความเสี่ยงการทุจริต"), best first, one per code.
 */
function matchesFor(text: string, year: number): QuestionMatch[] {
  const all = [...matchQuestion(text, year)];
  const after = /ข้อ\s*\S{1,4}(?:\s+[^\s\u0e01-\u0e4e]{1,4})?\s+(?=[\u0e01-\u0e4e])/g;
  let last: RegExpExecArray | null = null;
  for (let m = after.exec(text); m; m = after.exec(text)) last = m;
  if (last) {
    const tail = text.slice(last.index + last[0].length);
    all.push(...matchQuestion(tail, year, OIT_HINT.test(text) ? { tool: 'OIT' } : {}));
  }
  const best = new Map<string, QuestionMatch>();
  for (const m of all) if ((best.get(m.item.code)?.confidence ?? -1) < m.confidence) best.set(m.item.code, m);
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

/** The clear best match: above `min` and not tied with another item. */
function clearBest(ms: readonly QuestionMatch[], min: number): QuestionMatch | null {
  const [a, b] = ms;
  if (!a || a.confidence < min) return null;
  if (b && b.item.code !== a.item.code && a.confidence - b.confidence < AMBIGUOUS_MARGIN) return null;
  return a;
}

/** An item's own paragraph: a paragraph entry with one code, read from the text. */
const ownParagraphCode = (e: Entry): string | null =>
  e.kind === 'paragraph' && e.itemCodes.length === 1 && e.itemCodes[0]!.via !== 'catalogue' ? e.itemCodes[0]!.code : null;

export function applyCatalogue(entries: readonly Entry[], year: number | null): { entries: Entry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const catalogued = year !== null && catalogueFor(year) !== null;
  // items that paragraphs discuss by their own code: a paragraph quoting the same question (text copied from
  // one item's paragraph to the next, as 004 does for i8 and i9) keeps the code it has, and a paragraph's code
  // taken from a quotation is not given to a second paragraph
  const owners = new Map<string, number>();
  entries.forEach((e, i) => {
    const c = ownParagraphCode(e);
    if (c !== null && !owners.has(c)) owners.set(c, i);
  });
  const out = entries.map((e, index) => {
    let codes = e.itemCodes.map((c) => {
      const a = annotate(c, catalogued ? year : null);
      if (a.unknown) {
        diagnostics.push(
          diagnostic('warning', 'ITEM_CODE_UNKNOWN', `${c.code} ("${c.raw}") is not an item of the ITA ${year} ${c.tool}`, e.source, ORIGIN, { actual: c.code }),
        );
      }
      return a.code;
    });
    if (!catalogued) return { ...e, itemCodes: codes };
    const readable = codes.length > 0;
    const ocr = e.source.ocrConfidence !== undefined;
    // only entries that need it are matched: no code, or a code read by OCR
    if (readable && !ocr) return { ...e, itemCodes: codes };
    const matches = matchesFor(quotedText(e), year);
    if (!readable) {
      const best = clearBest(matches, RECOVER_MIN);
      if (best) {
        codes = [fromMatch(best)];
        diagnostics.push(
          diagnostic('info', 'ITEM_CODE_FROM_CATALOGUE', `no readable item code; the text quotes ${best.item.code} of ITA ${year} (confidence ${best.confidence.toFixed(2)})`, e.source, ORIGIN, {
            expected: best.item.code,
          }),
        );
      } else if (matches[0] && matches[0].confidence >= 0.6) {
        diagnostics.push(
          diagnostic('info', 'ITEM_CODE_UNCERTAIN', `no readable item code; the text may quote ${matches[0].item.code} of ITA ${year} (confidence ${matches[0].confidence.toFixed(2)}), too unsure to use`, e.source, ORIGIN, {
            expected: matches[0].item.code,
          }),
        );
      }
      return { ...e, itemCodes: codes };
    }
    // an OCR'd code the quotation contradicts: ๖ read ๒ turns i26 into i22
    const best = clearBest(matches, OVERRIDE_MIN);
    if (best && codes.length === 1) {
      const c = codes[0]!;
      const own = matches.find((m) => m.item.code === c.code);
      if (c.via !== 'catalogue' && c.tool === best.item.tool && c.code !== best.item.code && (!own || own.confidence < best.confidence - 0.2)) {
        const owner = owners.get(best.item.code);
        if (e.kind === 'paragraph' && owner !== undefined && owner !== index) {
          diagnostics.push(
            diagnostic('warning', 'ITEM_CODE_UNCERTAIN', `OCR read ${c.code} ("${c.raw}"); the text quotes ${best.item.code} of ITA ${year}, which another paragraph discusses: ${c.code} kept, the item is doubtful`, e.source, ORIGIN, {
              actual: c.code,
              expected: best.item.code,
            }),
          );
          return { ...e, itemCodes: codes };
        }
        if (e.kind === 'paragraph' && owner === undefined) owners.set(best.item.code, index);
        diagnostics.push(
          diagnostic('warning', 'ITEM_CODE_FROM_CATALOGUE', `OCR read ${c.code} ("${c.raw}"), but the text quotes ${best.item.code} of ITA ${year} (confidence ${best.confidence.toFixed(2)}): taken from the question`, e.source, ORIGIN, {
            actual: c.code,
            expected: best.item.code,
          }),
        );
        codes = [{ ...fromMatch(best), raw: c.raw }];
      }
    }
    return { ...e, itemCodes: codes };
  });
  return { entries: out, diagnostics };
}
