/**
 * Shapes of the versioned ITA item catalogue (see ./index.ts).
 *
 * Every text in the catalogue is quoted from a source listed in the same year
 * file; nothing is reconstructed from memory. Where a source gives an item's
 * existence and place but not its wording, `question` is null.
 */
import type { Tool } from '../../model/schema.js';

export type CatalogueTool = Tool;

export interface CatalogueSource {
  /** Referenced by items' `source` / `altTexts[].source`; e.g. "sdu-iit-2564", "corpus:004 line 26". */
  id: string;
  title: string;
  url?: string;
  /** What the source is, how far it is trusted, what was read from it. */
  note: string;
}

/** Another published wording tied to the item by its source (a report quoting the item's weakness statement, a requirement text). */
export interface CatalogueAltText {
  text: string;
  source: string;
  note?: string;
  /** 'title': an item name (matched only when quoted nearly whole); 'statement': a sentence. Default: title for OIT, statement otherwise. */
  kind?: 'title' | 'statement';
}

export interface CatalogueItem {
  /** Lower-case tool letter + item number: "i7", "e10", "o34". */
  code: string;
  tool: CatalogueTool;
  item: number;
  /** ตัวชี้วัด 1–5 (IIT), 6–8 (EIT), 9–10 (OIT); null when no source places the item. */
  indicator: number | null;
  indicatorName: string | null;
  /** ตัวชี้วัดย่อย ("9.1", "10.2"), OIT only; null when unknown or not applicable. */
  subIndicator: string | null;
  subIndicatorName: string | null;
  /** The question (IIT/EIT) or item title (OIT) as published; null when no source gives the wording. */
  question: string | null;
  /** The question's listed sub-points ("- เงิน", "- คุ้มค่า"), as published. */
  subItems?: readonly string[];
  /** Further sourced wordings used for matching (weakness statements quoted by reports, requirement texts). */
  altTexts?: readonly CatalogueAltText[];
  /** Id of the source (listed in the year's `sources`) for the item's existence, place and `question`. */
  source: string;
  /** Doubts, repairs made to a quoted text, inferences. */
  note?: string;
}

export interface CatalogueToolInfo {
  /** Number of items of the tool in that year's questionnaire, when a source states it. */
  itemCount: number | null;
  /** True when every item of the tool is listed in `items` (texts may still be null). */
  complete: boolean;
  source: string;
  note?: string;
}

export interface CatalogueYear {
  /** Assessment year (BE). */
  year: number;
  sources: readonly CatalogueSource[];
  /** The tools this year catalogues; a tool absent here is not catalogued for the year. */
  tools: Partial<Record<CatalogueTool, CatalogueToolInfo>>;
  items: readonly CatalogueItem[];
  /** What is known to be missing. */
  gaps: readonly string[];
}
