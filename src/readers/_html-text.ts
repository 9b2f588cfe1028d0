/**
 * Private helpers of the HTML reader: a line index over the source and an
 * inline-text buffer that gathers one paragraph's text.
 */

/** Maps a UTF-16 offset in a source string to its 1-based line. */
export class LineIndex {
  /** Offsets of every '\n' in the source, ascending. */
  private readonly breaks: number[] = [];

  constructor(source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.breaks.push(i);
  }

  /** 1 + the number of line breaks before `offset` (binary search). */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.breaks[mid] ?? Infinity) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

/** Line break inside a paragraph (<br>, a newline in <pre>). */
const BR = '\u0000';
/** Cell boundary of a flattened nested table. */
const SEP = '\u0001';
const MARKERS = /[\u0000\u0001]/g;
/** The first character that is neither whitespace nor a marker. */
const CONTENT = /[^\s\u0000\u0001]/;
/** Whitespace collapsed within a paragraph: JavaScript's \s (spaces, tabs, newlines, NBSP, other Unicode spaces). Not U+200B. */
const SPACE_RUN = /\s+/g;

export interface Taken {
  text: string;
  /** All of the text was bold. */
  bold: boolean;
  /** Source offset where the paragraph starts. */
  start: number;
  /** Heading level in force when the text began, or null. */
  level: number | null;
}

/**
 * One paragraph's text as it arrives in pieces. Whitespace is collapsed and the
 * text trimmed when taken; line breaks survive as '\n' (or a space when `flat`).
 */
export class Inline {
  private parts: string[] = [];
  private hasText = false;
  private allBold = true;
  private start = -1;
  private level: number | null = null;
  /** Offset of the block element that opened this paragraph, or -1. */
  anchor = -1;
  /** Text the paragraph starts with once it has text (an ordered list item's number); kept across empty takes. */
  prefix = '';

  /** @param flat Line breaks become spaces (the text of a nested table's cell). */
  constructor(private readonly flat = false) {}

  get empty(): boolean {
    return !this.hasText;
  }

  add(data: string, bold: boolean, offset: number, level: number | null, pre: boolean): void {
    let s = data.replace(MARKERS, '');
    const m = CONTENT.exec(s);
    if (m) {
      if (!this.hasText) {
        this.hasText = true;
        if (this.prefix) this.parts.push(this.prefix);
        this.prefix = '';
        this.start = this.anchor >= 0 ? this.anchor : offset + m.index;
        this.level = level;
      }
      if (!bold) this.allBold = false;
    } else if (this.parts.length === 0 && !pre) {
      return; // leading whitespace: nothing to keep
    }
    if (pre && !this.flat) s = s.replace(/\r\n?|\n/g, BR);
    this.parts.push(s);
  }

  /** A <br>. */
  lineBreak(): void {
    if (this.parts.length > 0) this.parts.push(this.flat ? ' ' : BR);
  }

  /** A boundary that separates words without starting a new paragraph. */
  space(): void {
    if (this.parts.length > 0) this.parts.push(' ');
  }

  /** A cell boundary inside a flattened nested table. */
  separator(): void {
    if (this.parts.length > 0) this.parts.push(SEP);
  }

  /** The paragraph so far, or null when it holds no text; the buffer (and its anchor) is reset either way. */
  take(): Taken | null {
    const had = this.hasText;
    const raw = had ? this.parts.join('') : '';
    const result = { bold: this.allBold, start: this.start, level: this.level };
    this.parts = [];
    this.hasText = false;
    this.allBold = true;
    this.start = -1;
    this.level = null;
    this.anchor = -1;
    if (!had) return null;
    const text = tidy(raw);
    return text === '' ? null : { text, ...result };
  }
}

function tidy(raw: string): string {
  if (!raw.includes(BR) && !raw.includes(SEP)) return raw.replace(SPACE_RUN, ' ').trim();
  const segments: string[] = [];
  for (const segment of raw.split(SEP)) {
    const lines: string[] = [];
    for (const line of segment.split(BR)) {
      const t = line.replace(SPACE_RUN, ' ').trim();
      if (t !== '') lines.push(t);
    }
    if (lines.length > 0) segments.push(lines.join('\n'));
  }
  return segments.join(' | ');
}
