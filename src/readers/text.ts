/**
 * Plain text and Markdown → blocks, as converters and OCR write ITA reports:
 * tables as tab-separated lines (cells may hold <p>…</p> paragraphs, <b>,
 * HTML entities), Markdown pipe tables, headings as `## …` or `**…**` lines,
 * ordinary lines as paragraphs. A table whose header line is repeated after
 * a blank line (a page break in the original) continues the same table.
 */
import { decodeHTML } from 'entities';
import {
  type Block,
  type ReadDocument,
  type TableBlock,
  type TableCell,
  cell,
  heading,
  paragraph,
  position,
  row,
  table,
} from '../model/blocks.js';
import type { Format } from '../model/schema.js';
import { type ReadLimits, ReadBudget, type TableMeter, limitsFor } from './_bounds.js';
import { drawnTable } from './_text-drawn.js';
import { htmlToBlocks } from './html.js';

export function readText(text: string, format: Format = 'text'): ReadDocument {
  return { format, blocks: textToBlocks(text, undefined, { markdown: format === 'markdown' }), pages: null, ocr: false, diagnostics: [] };
}

/**
 * The column a plain text's prose was wrapped at (pandoc's plain text and
 * many tools wrap at 72), or null when it was not: its longest prose line
 * (no run of spaces inside, as table lines have) is far from any usual
 * wrap width, or fewer than three lines come near it with their paragraph
 * going on in the next line.
 */
function wrapWidth(all: string[]): number | null {
  // the lines of tables drawn with dashes say nothing of the prose's width (a cell's text padded to its column)
  const lines = [...all];
  for (let i = 0; i < lines.length; i++) {
    const drawn = /^\s*[-+]/.test(lines[i] ?? '') || /^\s*-/.test(lines[i + 1] ?? '') ? drawnTable(lines, i) : null;
    if (drawn) for (let j = i; j <= drawn.end; j++) lines[j] = '';
  }
  const prose = (l: string): boolean => l.trim() !== '' && !/\S {3,}\S|\t|^\s*[-+|]/.test(l);
  let w = 0;
  // a line that is one word (after its list marker) could not be wrapped, so may run past the width:
  // a Thai phrase is written without spaces
  for (const l of lines) if (prose(l) && /\s/.test(l.trim().replace(LIST_MARKER, ''))) w = Math.max(w, [...l.trimEnd()].length);
  if (w < 60 || w > 80) return null;
  // wrapping shows as lines followed by more of their paragraph that are
  // (nearly) all full, the next line's first word not fitting after them; one
  // long line is no evidence, and text written a paragraph a line has lines of
  // every length above others (a label's line is put there by a line break)
  let full = 0;
  let followed = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (!prose(l) || !prose(next) || /^\s/.test(l) || /^\s/.test(next) || LABEL_START.test(next)) continue;
    followed++;
    // full: the next line's first word would not have fitted ("๒)" alone when the item's first word is long)
    if (wrapsInto(l, next, w)) full++;
  }
  // three such lines, or two with no line against them (a report whose prose is a title and one paragraph)
  return (full >= 3 && full >= 0.5 * followed) || (full >= 2 && full === followed) ? w : null;
}

/** A list item's marker ("1.  ", "๒) ", "- "): pandoc keeps it with the item's first word. */
const LIST_MARKER = /^(?:[0-9๐-๙]{1,3}[.)]|[-*+•])\s+/;

/** A line that starts with a label ("ผู้รับผิดชอบ: …"): a field of its own, put on its line by a line break, not by wrapping. */
const LABEL_START = /^\s*[^\s:：]{2,30}\s?[:：]/;

/**
 * Whether a plain-text line was wrapped at `width` before the next one: the next line's first word would not
 * have fitted after it, and the next line is no label's.
 */
function wrapsInto(prev: string, next: string, width: number): boolean {
  if (LABEL_START.test(next)) return false;
  const word = next.trim().split(/\s/)[0] ?? '';
  return [...prev.trimEnd()].length + 1 + [...word].length > width;
}

export interface TextOptions {
  /**
   * Read lines as Markdown does: consecutive lines are one paragraph (a
   * converter wraps long paragraphs and list items at 72 columns), ended by
   * a blank line, a heading, a list marker or a hard break (a line ending in
   * "\\" or two spaces). Plain text keeps a line a paragraph.
   */
  markdown?: boolean;
}

/** A Markdown line that opens a block of its own rather than continuing a paragraph. */
const OPENS_BLOCK = /^\s{0,3}(?:#{1,6}\s|(?:\d+[.)]|[-*+])\s|>)/;

/** Cells of a table line, counted without splitting it. */
function countCells(line: string, kind: 'tab' | 'pipe'): number {
  const sep = kind === 'tab' ? '\t' : '|';
  let n = 1;
  for (let i = line.indexOf(sep); i !== -1; i = line.indexOf(sep, i + 1)) n++;
  return n;
}

type LineKind = 'blank' | 'tab' | 'pipe' | 'pipe-separator' | 'rule' | 'text';

function kindOf(line: string): LineKind {
  if (line.trim() === '') return 'blank';
  if (line.includes('\t')) return 'tab';
  const t = line.trim();
  if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$/.test(t)) return 'pipe-separator';
  if (/^\|.*\|$/.test(t) && t.length > 2) return 'pipe';
  if (/^(-{3,}|\*{3,}|_{3,})$/.test(t)) return 'rule';
  return 'text';
}

/**
 * Blocks of a text. Tables are metered against `limits` (by default in
 * proportion to the text's length): one too large for the input is refused
 * with a TOO_LARGE ReadError before its cells are made.
 */
export function textToBlocks(text: string, limits: ReadLimits = limitsFor(text.length), options: TextOptions = {}): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  const budget = new ReadBudget(limits);
  const wrapped = options.markdown ? null : wrapWidth(lines);
  let current: TableBlock | null = null;
  let meter: TableMeter | null = null;
  let blankSinceTable = false;
  // the header was printed again and dropped: the next row is marked resumed
  let resumed = false;
  // the Markdown paragraph the previous line was part of, while it may go on
  type Open = { index: number; raw: string; at: ReturnType<typeof position>; last: string };
  let open: Open | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const at = position(null, i + 1);
    const kind = kindOf(line);
    const continues = open as Open | null;
    open = null;
    if (kind === 'blank') {
      if (current) blankSinceTable = true;
      continue;
    }
    if (kind === 'tab' || kind === 'pipe' || kind === 'pipe-separator') {
      if (kind === 'pipe-separator') {
        // a Markdown separator marks the line just above it as the header of a new table
        const only = current && !blankSinceTable && current.rows.length === 1 ? current.rows[0] : undefined;
        if (only) only.header = true;
        continue;
      }
      // a line after a blank either repeats the header (and is dropped) or starts a table
      const lineMeter: TableMeter = current && meter && !blankSinceTable ? meter : budget.table(() => `the table at line ${i + 1}`);
      const n = countCells(line, kind);
      // counted before the line is split; a possible repeated header is no wider than a row already counted
      if (!(current && blankSinceTable && n === current.rows[0]?.cells.length)) lineMeter.cells(n);
      const cells = (kind === 'tab' ? line.split('\t') : splitPipeRow(line)).map(parseCell);
      const r = row(cells, at);
      if (current && (!blankSinceTable || repeatsHeader(current, r.cells))) {
        if (blankSinceTable && repeatsHeader(current, r.cells)) resumed = true;
        else {
          if (resumed) r.resumed = true;
          resumed = false;
          current.rows.push(r);
          lineMeter.row(r.cells);
        }
      } else {
        resumed = false;
        current = table([r], at);
        meter = lineMeter;
        lineMeter.row(r.cells);
        blocks.push(current);
      }
      blankSinceTable = false;
      continue;
    }
    current = null;
    blankSinceTable = false;
    // a table drawn with dashes, spaces and pipes (pandoc's Markdown and plain text)
    const drawn = drawnTable(lines, i);
    if (drawn) {
      const m = budget.table(() => `the table at line ${i + 1}`);
      const t = table([], at);
      for (const d of drawn.rows) {
        m.cells(d.cells.length);
        const r = row(d.cells.map(drawnCell), at, d.header);
        m.row(r.cells);
        t.rows.push(r);
      }
      blocks.push(t);
      i = drawn.end;
      continue;
    }
    // an HTML table in Markdown (pandoc writes one where a pipe table cannot hold the cells)
    const html = htmlTableEnd(lines, i);
    if (html !== null) {
      blocks.push(...htmlToBlocks(lines.slice(i, html + 1).join('\n'), { lines: false, limits }));
      i = html;
      continue;
    }
    if (kind === 'rule') continue;
    if (options.markdown) {
      const hard = /(?:\\| {2,})$/.test(line);
      const text = hard ? line.replace(/\s*\\$/, '').trimEnd() : line;
      if (continues && !OPENS_BLOCK.test(line)) {
        const raw: string = `${continues.raw} ${text.trim()}`;
        blocks[continues.index] = lineBlock(raw, continues.at);
        open = hard ? null : { index: continues.index, raw, at: continues.at, last: line };
      } else {
        blocks.push(lineBlock(text, at));
        open = hard || /^\s{0,3}#/.test(line) ? null : { index: blocks.length - 1, raw: text, at, last: line };
      }
      continue;
    }
    if (wrapped !== null) {
      // plain text wrapped at a column: a line continues the one before when that one was full
      if (continues && !OPENS_BLOCK.test(line) && wrapsInto(continues.last, line, wrapped)) {
        const raw: string = `${continues.raw} ${line.trim()}`;
        blocks[continues.index] = lineBlock(raw, continues.at);
        open = { index: continues.index, raw, at: continues.at, last: line };
      } else {
        blocks.push(lineBlock(line, at));
        open = { index: blocks.length - 1, raw: line, at, last: line };
      }
      continue;
    }
    blocks.push(lineBlock(line, at));
  }
  return blocks.filter((b) => b.type !== 'table' || b.rows.length > 0);
}

/** A drawn table's cell: each paragraph's inline Markdown read. */
function drawnCell(paragraphs: string[]): TableCell {
  const read = paragraphs.map(inline).filter((p) => p.text !== '');
  return cell(
    read.map((p) => p.text),
    { bold: read.length > 0 && read.every((p) => p.bold) },
  );
}

/** The last line of an HTML table opening at line i, or null (not one, or never closed). */
function htmlTableEnd(lines: string[], i: number): number | null {
  if (!/^\s*<table[\s>]/i.test(lines[i] ?? '')) return null;
  let depth = 0;
  for (let j = i; j < lines.length; j++) {
    for (const m of (lines[j] ?? '').matchAll(/<(\/?)table[\s>]/gi)) depth += m[1] ? -1 : 1;
    if (depth <= 0) return j;
  }
  return null;
}

function splitPipeRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|'));
}

/** A table line repeating the table's first line: the header printed again on a new page. */
function repeatsHeader(t: TableBlock, cells: TableCell[]): boolean {
  const first = t.rows[0];
  if (!first || first.cells.length !== cells.length) return false;
  return first.cells.every((c, k) => squash(c.paragraphs.join('')) === squash((cells[k]?.paragraphs ?? []).join('')));
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** One cell: <p> paragraphs, <b> bold, entities decoded, other tags dropped. */
export function parseCell(raw: string): TableCell {
  const hasP = /<p[\s>]/i.test(raw);
  const parts = hasP ? raw.split(/<\/?p(?:\s[^>]*)?>/i) : [raw];
  const paragraphs: string[] = [];
  let boldAll = true;
  let any = false;
  for (const part of parts) {
    const { text, bold } = inline(part);
    if (text === '') continue;
    paragraphs.push(text);
    any = true;
    boldAll &&= bold;
  }
  return cell(paragraphs, { bold: any && boldAll });
}

/** Inline markup of one paragraph: text without tags, and whether all of it was bold. */
function inline(raw: string): { text: string; bold: boolean } {
  const plain = tidy(stripTags(unemphasise(raw.replace(/\*\*/g, ''))));
  if (plain === '') return { text: '', bold: false };
  const boldText = [...raw.matchAll(/<(b|strong)>([\s\S]*?)<\/\1>|\*\*([\s\S]+?)\*\*/gi)]
    .map((m) => m[2] ?? m[3] ?? '')
    .join('');
  const bold = squash(tidy(stripTags(boldText))) === squash(plain);
  return { text: plain, bold };
}

/**
 * Markdown's single-star emphasis taken off: "- *ระยะเวลา* : …" is the label ระยะเวลา. A star opens
 * emphasis only before a non-space (so "* item" stays a bullet) and closes after one, before a space,
 * punctuation or the line's end; a lone star ("๕*") stays.
 */
function unemphasise(s: string): string {
  return s.replace(/(^|[\s(\[])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?=$|[\s)\]:：,.;])/g, '$1$2');
}

/** Text without tags, entities decoded, Markdown's backslash escapes ("1\\.", "\\-", "\\*") undone. */
function stripTags(s: string): string {
  return decodeHTML(
    s
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  );
}

/** Spaces squeezed; a typewriter's "--" between words (pandoc's Markdown writes an en dash so) read as the en dash. */
function tidy(s: string): string {
  return s
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/(?<=[^\s-]\s?)--(?=\s?[^\s-])/g, '–')
    .trim();
}

function lineBlock(line: string, at: ReturnType<typeof position>): Block {
  const md = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line.trim());
  if (md) return heading(tidy(stripTags(unemphasise((md[2] ?? '').replace(/\*\*/g, '')))), (md[1] ?? '#').length, at);
  const { text, bold } = inline(line);
  return paragraph(text, at, bold);
}
