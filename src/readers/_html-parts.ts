/**
 * Private parts of the HTML reader (html.ts): which elements are skipped or
 * start a paragraph, the walker's frames and contexts, tables inside a cell
 * flattened into that cell's paragraphs, and span attributes.
 */
import type { TableCell, TableRow } from '../model/blocks.js';
import { MAX_SPAN, type TableMeter } from './_bounds.js';
import { Inline } from './_html-text.js';

/** Elements whose content is never text of the document. */
export const SKIP = new Set([
  'script',
  'style',
  'title',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'canvas',
  'meta',
  'link',
  'base',
  // a web page's menus and form controls: a site's navigation, a year picker's options
  'nav',
  'select',
  'button',
  'datalist',
  'textarea',
]);

/** ARIA roles of page furniture, not content. */
const CHROME_ROLES = new Set(['navigation', 'menu', 'menubar', 'search', 'dialog', 'alertdialog', 'tooltip']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Whether an element's content is not what a reader of the page sees as the
 * document: hidden (the hidden attribute, aria-hidden, display: none or
 * visibility: hidden inline) or a menu by its role. A page's duplicate
 * mobile menu, a collapsed dialog and a search box are all of this kind.
 */
export function hiddenOrChrome(attribs: Readonly<Record<string, string>>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden']?.trim().toLowerCase() === 'true') return true;
  if (attribs.style && HIDDEN_STYLE.test(attribs.style)) return true;
  const role = attribs.role?.trim().toLowerCase();
  return role !== undefined && role.split(/\s+/).some((r) => CHROME_ROLES.has(r));
}

/** Elements that start and end a paragraph. */
export const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  // table parts met outside a table
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);

export const HEADING = /^h([1-6])$/;
export const FONT_WEIGHT = /font-weight\s*:\s*([a-z0-9]+)/i;
export const FOOTNOTE_BACKLINK = /^#(?:footnote|endnote)-ref-/;

export type CloseAction =
  | 'none'
  | 'block'
  | 'table'
  | 'thead'
  | 'row'
  | 'cell'
  | 'flat-table'
  | 'flat-row'
  | 'flat-cell'
  | 'flat-deep-table'
  | 'flat-separator'
  | 'list';

/** One open element, with the inherited state in force inside it. */
export interface Frame {
  name: string;
  action: CloseAction;
  bold: boolean;
  skip: boolean;
  pre: boolean;
  level: number | null;
}

export interface CellBuilder {
  paragraphs: string[];
  bold: boolean;
  th: boolean;
  colspan: number;
  rowspan: number;
  /** The cell's attributes fill it with a colour (_cell-fill.ts). */
  shaded: boolean;
  text: Inline;
}

export interface RowBuilder {
  cells: TableCell[];
  allTh: boolean;
  inHead: boolean;
  start: number;
}

/** The document outside any table. */
export interface DocContext {
  kind: 'doc';
  text: Inline;
}

/** A table of its own (not inside another table's cell). */
export interface TableContext {
  kind: 'table';
  start: number;
  rows: TableRow[];
  row: RowBuilder | null;
  cell: CellBuilder | null;
  /** Open <thead> elements. */
  head: number;
  /** Text inside the table but outside a cell: fostered before the table. */
  foster: Inline;
  /** The table's size as a grid, against the document's budget. */
  meter: TableMeter;
}

/** A table inside a cell of a TableContext, flattened into that cell's paragraphs. */
export interface FlatContext {
  kind: 'flat';
  owner: CellBuilder;
  /** Tables open inside this one. */
  depth: number;
  row: { parts: string[]; bold: boolean } | null;
  cell: Inline | null;
  cellBold: boolean;
}

export type Context = DocContext | TableContext | FlatContext;

// ---- tables inside cells -------------------------------------------------

export function openFlatPart(ctx: FlatContext, frame: Frame): boolean {
  const name = frame.name;
  if (name !== 'tr' && name !== 'td' && name !== 'th') return false;
  if (ctx.depth > 0) {
    frame.action = 'flat-separator';
    flatCell(ctx).separator();
    return true;
  }
  if (name === 'tr') {
    finishFlatRow(ctx);
    ctx.row = { parts: [], bold: true };
    frame.action = 'flat-row';
  } else {
    finishFlatCell(ctx);
    ctx.row ??= { parts: [], bold: true };
    ctx.cell = new Inline(true);
    frame.action = 'flat-cell';
  }
  return true;
}

/** The inner cell text goes to, opened on demand (text in an inner table outside its cells). */
/** Between the cells of a flattened inner row, until the table is finished (html-unwrap.ts): then " | ", or cells again. */
export const FLAT_CELL = '\u241f';

export function flatCell(ctx: FlatContext): Inline {
  if (!ctx.cell) {
    ctx.row ??= { parts: [], bold: true };
    ctx.cell = new Inline(true);
  }
  return ctx.cell;
}

export function finishFlatCell(ctx: FlatContext): void {
  const c = ctx.cell;
  if (!c) return;
  ctx.cell = null;
  const taken = c.take();
  ctx.row ??= { parts: [], bold: true };
  // an empty inner cell keeps its place: a layout table unwrapped gives the inner table back column by column
  ctx.row.parts.push(taken?.text ?? '');
  if (taken && !taken.bold) ctx.row.bold = false;
}

export function finishFlatRow(ctx: FlatContext): void {
  finishFlatCell(ctx);
  const r = ctx.row;
  ctx.row = null;
  if (r && r.parts.some((x) => x !== '')) addParagraph(ctx.owner, r.parts.join(FLAT_CELL), r.bold);
}

export function addParagraph(c: CellBuilder, text: string, bold: boolean): void {
  c.paragraphs.push(text);
  if (!bold) c.bold = false;
}

/** colspan/rowspan: an integer clamped to 1..1000; 1 when absent or unreadable. */
export function span(raw: string | undefined): number {
  const m = raw ? /^\s*\+?(\d+)/.exec(raw) : null;
  if (!m) return 1;
  const n = Number(m[1]);
  return Math.min(MAX_SPAN, Math.max(1, n));
}

/** An open list: ordered ones number their items. */
export interface ListState {
  ordered: boolean;
  next: number;
}

/**
 * A list opened by <ol>/<ul>: an <ol> counts from its start attribute (1 by
 * default); an <ol> numbered with letters or roman numerals (type a/A/i/I)
 * is left unnumbered here rather than numbered wrongly.
 */
export function openList(name: string, attribs: Record<string, string>): ListState {
  const type = attribs.type?.trim();
  const ordered = name === 'ol' && (type === undefined || type === '' || type === '1');
  const start = /^\s*-?\d{1,6}\s*$/.exec(attribs.start ?? '') ? Number(attribs.start) : 1;
  return { ordered, next: start };
}

/** The number an item of `list` shows ("3. "), or '' for an unordered list; an item's value attribute resets the count. */
export function itemNumber(list: ListState | undefined, attribs: Record<string, string>): string {
  if (!list?.ordered) return '';
  const n = /^\s*-?\d{1,6}\s*$/.exec(attribs.value ?? '') ? Number(attribs.value) : list.next;
  list.next = n + 1;
  return `${n}. `;
}
