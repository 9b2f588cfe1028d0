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
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { GBlock, GCell, GRow } from './types.js';

const FONT = 'Loma';

function para(text: string, bold = false, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({ alignment, children: [new TextRun({ text, bold, font: { ascii: FONT, cs: FONT, hAnsi: FONT } })] });
}

function cell(c: GCell): TableCell {
  const lines = c.lines.length > 0 ? c.lines : [''];
  return new TableCell({
    children: lines.map((l) => para(l, c.bold)),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
  });
}

function row(r: GRow): TableRow {
  return new TableRow({ tableHeader: Boolean(r.header), children: r.cells.filter((c): c is GCell => c !== null).map(cell) });
}

export async function writeDocx(blocks: GBlock[]): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (const b of blocks) {
    if (b.t === 'page') children.push(new Paragraph({ children: [new PageBreak()] }));
    else if (b.t === 'line') {
      const align =
        b.style === 'center' || b.style === 'title' ? AlignmentType.CENTER : b.style === 'right' ? AlignmentType.RIGHT : undefined;
      children.push(para(b.text, b.bold || b.style === 'title', align));
    } else {
      children.push(new Table({ rows: b.rows.map(row), width: { size: 100, type: WidthType.PERCENTAGE } }));
      children.push(new Paragraph({ children: [] }));
    }
  }
  const doc = new Document({
    styles: { default: { document: { run: { font: { ascii: FONT, cs: FONT, hAnsi: FONT }, size: 24 } } } },
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
