/**
 * Generated documents as DOCX, written with the `docx` package (real
 * WordprocessingML: merged cells as vMerge/gridSpan, header rows marked to
 * repeat, page breaks), and as text PDF by LibreOffice from that DOCX
 * (bench only: `soffice` must be on the PATH).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  ShadingType,
  TableBorders,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { GBlock, GCell, GRow } from './types.js';

const FONT = 'Loma';

function para(text: string, bold = false, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({ alignment, children: [new TextRun({ text, bold, font: { ascii: FONT, cs: FONT, hAnsi: FONT } })] });
}

function cell(c: GCell, width: number, valign?: 'middle' | 'top'): TableCell {
  const lines = c.lines.length > 0 ? c.lines : [''];
  return new TableCell({
    children: lines.map((l) => para(l, c.bold)),
    width: { size: width, type: WidthType.DXA },
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.shaded ? { shading: { type: ShadingType.CLEAR, fill: c.shaded, color: 'auto' } } : {}),
    // borderless.ts: text centred or at the top of a tall cell
    ...(valign ? { verticalAlign: valign === 'middle' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP } : {}),
  });
}

/** Usable width of a landscape A4 page with 1-inch margins, in twentieths of a point. */
const PAGE_WIDTH = 16838 - 2 * 1440;

/**
 * Column widths as a word processor user would set them: by the longest
 * text each column holds (mark and number columns narrow, text columns wide).
 */
function columnWidths(rows: GRow[]): number[] {
  const n = rows[0]?.cells.length ?? 0;
  const weight = Array.from({ length: n }, (_, i) =>
    Math.min(40, Math.max(6, ...rows.map((r) => (r.cells[i] && !(r.cells[i]!.colSpan! > 1) ? Math.max(0, ...r.cells[i]!.lines.map((l) => l.length)) : 0)))),
  );
  const sum = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => Math.floor((w / sum) * PAGE_WIDTH));
}

function row(r: GRow, widths: number[], valign?: 'middle' | 'top'): TableRow {
  const children: TableCell[] = [];
  r.cells.forEach((c, i) => {
    if (!c) return;
    const w = widths.slice(i, i + (c.colSpan ?? 1)).reduce((a, b) => a + b, 0);
    children.push(cell(c, w, valign));
  });
  return new TableRow({ tableHeader: Boolean(r.header), children });
}

export async function writeDocx(blocks: GBlock[]): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  // one numbering definition per list, starting at the list's first number
  const lists = blocks.filter((b): b is Extract<GBlock, { t: 'list' }> => b.t === 'list');
  const config = lists.map((b, k) => ({
    reference: `ita-list-${k}`,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: b.start, alignment: AlignmentType.START }],
  }));
  for (const b of blocks) {
    if (b.t === 'list') {
      const reference = `ita-list-${lists.indexOf(b)}`;
      for (const lines of b.items) {
        // the measure and its labelled fields in one numbered paragraph, lines broken
        const runs = lines.map((text, i) => new TextRun({ text, break: i === 0 ? 0 : 1, font: { ascii: FONT, cs: FONT, hAnsi: FONT } }));
        children.push(new Paragraph({ numbering: { reference, level: 0 }, children: runs }));
      }
    } else if (b.t === 'page') children.push(new Paragraph({ children: [new PageBreak()] }));
    else if (b.t === 'line') {
      const align =
        b.style === 'center' || b.style === 'title' ? AlignmentType.CENTER : b.style === 'right' ? AlignmentType.RIGHT : undefined;
      children.push(para(b.text, b.bold || b.style === 'title', align));
    } else {
      const widths = columnWidths(b.rows);
      children.push(
        new Table({
          rows: b.rows.map((r) => row(r, widths, b.borderless?.valign)),
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          width: { size: PAGE_WIDTH, type: WidthType.DXA },
          ...(b.borderless ? { borders: TableBorders.NONE } : {}),
        }),
      );
      children.push(new Paragraph({ children: [] }));
    }
  }
  const doc = new Document({
    numbering: { config },
    styles: { default: { document: { run: { font: { ascii: FONT, cs: FONT, hAnsi: FONT }, size: 22 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const run = promisify(execFile);

/** Convert DOCX files to text PDFs with one LibreOffice run (it is slow to start). */
export async function docxToPdf(files: Array<{ name: string; docx: Uint8Array }>): Promise<Map<string, Uint8Array>> {
  const dir = mkdtempSync(join(tmpdir(), 'ita-layouts-'));
  try {
    const paths = files.map((f) => {
      const p = join(dir, `${f.name}.docx`);
      writeFileSync(p, f.docx);
      return p;
    });
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], {
      timeout: 30 * 60_000,
      maxBuffer: 64 * 2 ** 20,
    });
    const out = new Map<string, Uint8Array>();
    for (const f of files) {
      try {
        out.set(f.name, new Uint8Array(readFileSync(join(dir, `${f.name}.pdf`))));
      } catch {
        // not converted: left out, the bench reports the count
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
