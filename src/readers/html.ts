/**
 * HTML → blocks. Also the second half of the DOCX reader: mammoth turns a
 * DOCX into HTML and that HTML goes through `htmlToBlocks` as well.
 *
 * The source is read with htmlparser2's streaming parser, not into a DOM: the
 * parser's events are always well nested (it closes what the markup leaves
 * open and drops stray end tags), and handling them with explicit stacks keeps
 * memory linear and nesting depth unbounded (10,000 nested tables are fine;
 * the parser's own stack is made O(1) per tag by `installLinearStack`).
 *
 * - h1–h6 → heading blocks; p, div, li, blockquote, pre, … and loose text →
 *   paragraph blocks, one per block element, `bold` when all of the text is in
 *   b/strong (or a font-weight: bold style; font-weight: normal cancels it).
 * - An ordered list's item starts with its number as a browser shows it
 *   ("3. "; from <ol start>, <li value>); unordered and lettered lists add nothing.
 * - <br> (and a newline inside <pre>) → '\n' in the text; other whitespace runs
 *   (NBSP included) → one space; text trimmed; empty paragraphs dropped.
 * - table → a table block; td/th → cells whose paragraphs are the cell's block
 *   elements; a table inside a cell is flattened into that cell: one paragraph
 *   per inner row, cell texts joined by " | " (tables deeper still are folded
 *   into the inner cell's text with the same separator).
 * - Text inside a table but outside any cell (and <caption>) becomes paragraphs
 *   before the table, as browsers "foster" it.
 * - Skipped: script, style, title, noscript, template, iframe, object, svg,
 *   canvas, comments, and mammoth's footnote back-links (<a href="#footnote-ref-…">↑</a>);
 *   a web page's nav menus and form controls (select, button, textarea), elements
 *   a browser does not show (hidden, aria-hidden, inline display: none or
 *   visibility: hidden) and those whose role is a menu, a search or a dialog.
 *   <head> itself is not skipped wholesale, so a missing </head> cannot swallow the body;
 *   its text-bearing children are.
 * Thai text is kept exactly as written; normalisation happens later.
 */
import { Parser } from 'htmlparser2';
import {
  type Block,
  type Position,
  type ReadDocument,
  type TableBlock,
  heading,
  paragraph,
  position,
  row,
  table,
} from '../model/blocks.js';
import { type ReadLimits, ReadBudget, limitsFor } from './_bounds.js';
import {
  BLOCK,
  type CloseAction,
  type Context,
  FONT_WEIGHT,
  FOOTNOTE_BACKLINK,
  type Frame,
  HEADING,
  type ListState,
  SKIP,
  type TableContext,
  addParagraph,
  finishFlatCell,
  finishFlatRow,
  flatCell,
  hiddenOrChrome,
  itemNumber,
  openFlatPart,
  openList,
  span,
} from './_html-parts.js';
import { type ClassFills, cellFilled, classFills, takeSentinel } from './_cell-fill.js';
import { unwrapLayoutTables } from './_html-unwrap.js';
import { installLinearStack } from './_html-stack.js';
import { Inline, LineIndex, type Taken } from './_html-text.js';

export interface HtmlToBlocksOptions {
  /**
   * Record the source line of each block (default true). The DOCX reader turns
   * this off: lines of mammoth's generated HTML mean nothing to a reader.
   */
  lines?: boolean;
  /**
   * How large the tables may grow (default: in proportion to the HTML's
   * length); a table beyond them is refused with a TOO_LARGE ReadError.
   */
  limits?: ReadLimits;
}

export function readHtml(html: string): ReadDocument {
  return { format: 'html', blocks: htmlToBlocks(html), pages: null, ocr: false, diagnostics: [] };
}

export function htmlToBlocks(html: string, options: HtmlToBlocksOptions = {}): Block[] {
  const walker = new Walker(options.lines === false ? null : new LineIndex(html), new ReadBudget(options.limits ?? limitsFor(html.length)), classFills(html));
  const parser: Parser = new Parser(
    {
      onopentag: (name, attribs) => walker.open(name, attribs, parser.startIndex),
      ontext: (data) => walker.text(data, parser.startIndex),
      onclosetag: (name) => walker.close(name),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  installLinearStack(parser);
  parser.end(html);
  return unwrapLayoutTables(walker.finish());
}

class Walker {
  private readonly blocks: Block[] = [];
  private readonly frames: Frame[] = [];
  /** Lists open around the current element. */
  private readonly lists: ListState[] = [];
  private readonly contexts: Context[];

  constructor(
    private readonly lines: LineIndex | null,
    private readonly budget: ReadBudget,
    /** Classes of the page's <style> whose background paints (Google Docs' export shades cells so). */
    private readonly fills: ClassFills,
  ) {
    this.contexts = [{ kind: 'doc', text: new Inline() }];
  }

  // ---- parser events -------------------------------------------------------

  open(name: string, attribs: Record<string, string>, offset: number): void {
    const parent = this.frames[this.frames.length - 1];
    const frame: Frame = {
      name,
      action: 'none',
      bold: parent?.bold ?? false,
      skip: parent?.skip ?? false,
      pre: parent?.pre ?? false,
      level: parent?.level ?? null,
    };
    this.frames.push(frame);
    if (frame.skip) return;
    if (SKIP.has(name) || hiddenOrChrome(attribs) || (name === 'a' && FOOTNOTE_BACKLINK.test(attribs.href ?? ''))) {
      frame.skip = true;
      return;
    }
    if (name === 'b' || name === 'strong') frame.bold = true;
    const weight = attribs.style ? FONT_WEIGHT.exec(attribs.style)?.[1]?.toLowerCase() : undefined;
    if (weight) {
      if (weight === 'bold' || weight === 'bolder' || /^[6-9]00$/.test(weight)) frame.bold = true;
      else if (weight === 'normal' || weight === 'lighter' || /^[1-5]00$/.test(weight)) frame.bold = false;
    }
    if (name === 'pre' || name === 'listing') frame.pre = true;
    const h = HEADING.exec(name);
    if (h) frame.level = Number(h[1]);

    if (name === 'br') {
      this.current().lineBreak();
      return;
    }
    const ctx = this.context();
    if (name === 'table') {
      this.openTable(ctx, frame, offset);
      return;
    }
    if (ctx.kind === 'table' && this.openTablePart(ctx, frame, attribs, offset)) return;
    if (ctx.kind === 'flat' && openFlatPart(ctx, frame)) return;
    if (name === 'ol' || name === 'ul') {
      frame.action = 'list';
      this.boundary(offset);
      this.lists.push(openList(name, attribs));
      return;
    }
    if (BLOCK.has(name)) {
      frame.action = 'block';
      this.boundary(offset);
      // an ordered list's numbers are text of its items ("๑) มาตรการ …" written as a Word or HTML list)
      if (name === 'li') this.current().prefix = itemNumber(this.lists[this.lists.length - 1], attribs);
    }
  }

  text(data: string, offset: number): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.skip) return;
    this.current().add(data, frame?.bold ?? false, offset, frame?.level ?? null, frame?.pre ?? false);
  }

  close(name: string): void {
    const frame = this.frames[this.frames.length - 1];
    // The parser closes what it opened, in order; the one exception is an
    // element whose start tag the input cut off, which was never opened here.
    if (!frame || frame.name !== name) return;
    this.frames.pop();
    this.runClose(frame.action);
  }

  finish(): Block[] {
    for (let f = this.frames.pop(); f; f = this.frames.pop()) this.runClose(f.action);
    while (this.contexts.length > 1) this.runClose(this.contexts[this.contexts.length - 1]?.kind === 'flat' ? 'flat-table' : 'table');
    this.flush();
    return this.blocks;
  }

  // ---- contexts and buffers -----------------------------------------------

  private context(): Context {
    return this.contexts[this.contexts.length - 1] ?? this.contexts[0]!;
  }

  /** Where text goes now. */
  private current(): Inline {
    const ctx = this.context();
    switch (ctx.kind) {
      case 'doc':
        return ctx.text;
      case 'table':
        return ctx.cell?.text ?? ctx.foster;
      case 'flat':
        return flatCell(ctx);
    }
  }

  /** A paragraph boundary: the pending text becomes a paragraph; `anchor` marks where the next one starts. */
  private boundary(anchor = -1): void {
    const ctx = this.context();
    if (ctx.kind === 'flat') {
      ctx.cell?.space();
      return;
    }
    this.flush();
    if (anchor >= 0) this.current().anchor = anchor;
  }

  private flush(): void {
    const ctx = this.context();
    if (ctx.kind === 'flat') return;
    if (ctx.kind === 'table' && ctx.cell) {
      const taken = ctx.cell.text.take();
      if (taken) addParagraph(ctx.cell, taken.text, taken.bold);
      return;
    }
    const taken = (ctx.kind === 'doc' ? ctx.text : ctx.foster).take();
    if (taken) this.blocks.push(this.toBlock(taken));
  }

  private toBlock(t: Taken): Block {
    const at = this.at(t.start);
    return t.level !== null ? heading(t.text, t.level, at) : paragraph(t.text, at, t.bold);
  }

  private at(offset: number): Position {
    return position(null, this.lines && offset >= 0 ? this.lines.lineOf(offset) : null);
  }

  // ---- tables ----------------------------------------------------------------

  private openTable(ctx: Context, frame: Frame, offset: number): void {
    if (ctx.kind === 'flat') {
      frame.action = 'flat-deep-table';
      ctx.depth++;
      flatCell(ctx).separator();
      return;
    }
    if (ctx.kind === 'table' && ctx.cell) {
      this.flush();
      frame.action = 'flat-table';
      this.contexts.push({ kind: 'flat', owner: ctx.cell, depth: 0, row: null, cell: null, cellBold: true });
      return;
    }
    this.flush();
    frame.action = 'table';
    const meter = this.budget.table(() => (this.lines ? `the table at line ${this.lines.lineOf(offset)}` : 'a table'));
    this.contexts.push({ kind: 'table', start: offset, rows: [], row: null, cell: null, head: 0, foster: new Inline(), meter });
  }

  /** tr, td, th, thead directly in a table; false for anything else. */
  private openTablePart(ctx: TableContext, frame: Frame, attribs: Record<string, string>, offset: number): boolean {
    switch (frame.name) {
      case 'thead':
        this.flush();
        ctx.head++;
        frame.action = 'thead';
        return true;
      case 'tr':
        this.finishRow(ctx);
        this.flush();
        ctx.row = { cells: [], allTh: true, inHead: ctx.head > 0, start: offset };
        frame.action = 'row';
        return true;
      case 'td':
      case 'th': {
        this.finishCell(ctx);
        this.flush();
        if (!ctx.row) ctx.row = { cells: [], allTh: true, inHead: ctx.head > 0, start: offset };
        const colspan = span(attribs.colspan);
        ctx.meter.cell(colspan);
        ctx.cell = {
          paragraphs: [],
          bold: true,
          th: frame.name === 'th',
          colspan,
          rowspan: span(attribs.rowspan),
          shaded: cellFilled(attribs, this.fills),
          text: new Inline(),
        };
        frame.action = 'cell';
        return true;
      }
      default:
        return false;
    }
  }

  private finishCell(ctx: TableContext): void {
    const c = ctx.cell;
    if (!c) return;
    const taken = c.text.take();
    if (taken) addParagraph(c, taken.text, taken.bold);
    ctx.cell = null;
    const r = ctx.row;
    if (!r) return;
    const { paragraphs, shaded } = takeSentinel(c.paragraphs);
    r.cells.push({
      paragraphs,
      bold: paragraphs.length > 0 && c.bold,
      colspan: c.colspan,
      rowspan: c.rowspan,
      ...(shaded || c.shaded ? { shaded: true } : {}),
    });
    if (!c.th) r.allTh = false;
  }

  private finishRow(ctx: TableContext): void {
    this.finishCell(ctx);
    const r = ctx.row;
    if (!r) return;
    ctx.row = null;
    if (!r.cells.some((c) => c.paragraphs.length > 0)) {
      ctx.meter.drop();
      return;
    }
    ctx.rows.push(row(r.cells, this.at(r.start), r.inHead || r.allTh));
    ctx.meter.row(r.cells);
  }

  private closeTable(): void {
    const ctx = this.context();
    if (ctx.kind !== 'table') return;
    this.finishRow(ctx);
    this.flush();
    this.contexts.pop();
    if (ctx.rows.length > 0) {
      const t: TableBlock = table(ctx.rows, this.at(ctx.start));
      this.blocks.push(t);
    }
  }

  // ---- closing -----------------------------------------------------------------

  private runClose(action: CloseAction): void {
    const ctx = this.context();
    switch (action) {
      case 'none':
        return;
      case 'block':
        this.boundary();
        return;
      case 'list':
        this.boundary();
        this.lists.pop();
        this.current().prefix = ''; // an empty last item's number is no one's
        return;
      case 'table':
        this.closeTable();
        return;
      case 'thead':
        if (ctx.kind === 'table') {
          this.flush();
          ctx.head = Math.max(0, ctx.head - 1);
        }
        return;
      case 'row':
        if (ctx.kind === 'table') this.finishRow(ctx);
        return;
      case 'cell':
        if (ctx.kind === 'table') this.finishCell(ctx);
        return;
      case 'flat-table':
        if (ctx.kind === 'flat') {
          finishFlatRow(ctx);
          this.contexts.pop();
        }
        return;
      case 'flat-row':
        if (ctx.kind === 'flat') finishFlatRow(ctx);
        return;
      case 'flat-cell':
        if (ctx.kind === 'flat') finishFlatCell(ctx);
        return;
      case 'flat-deep-table':
        if (ctx.kind === 'flat') {
          ctx.depth = Math.max(0, ctx.depth - 1);
          ctx.cell?.separator();
        }
        return;
      case 'flat-separator':
        if (ctx.kind === 'flat') ctx.cell?.separator();
        return;
    }
  }
}
