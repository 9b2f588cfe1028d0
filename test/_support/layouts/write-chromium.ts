/**
 * Generated documents printed to PDF by Chromium (Skia's PDF writer), a
 * second text-PDF generator beside LibreOffice: cell borders drawn cell by
 * cell and sliced at page breaks (a cut row has no rule at the cut), empty
 * columns a few units wide, Thai clusters in ActualText spans that open
 * before the jump to the next cell. Bench and fixture scripts only: needs
 * a Chromium binary (Debian's /usr/bin/chromium, as .ci/run installs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { writeHtml } from './write-text.js';
import type { GenDoc } from './types.js';

export const CHROMIUM = process.env.ITA_CHROMIUM ?? '/usr/bin/chromium';

/** The page a generated document is printed from: its HTML with a Thai font and collapsed borders. */
export function printableHtml(g: GenDoc): string {
  return `<html><head><meta charset="utf-8"><style>body{font-family:'TH Sarabun New','Sarabun','Garuda','Loma',sans-serif;font-size:14px} table{border-collapse:collapse} td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}</style></head><body>${writeHtml(g.blocks)}</body></html>`;
}

/** Columns beyond which a table does not fit a portrait page: Chromium cuts it off at the margin, its text not in the PDF at all. */
const PORTRAIT_COLUMNS = 12;

/** The widest table of a document, in columns. */
function widest(g: GenDoc): number {
  let n = 0;
  for (const b of g.blocks) if (b.t === 'table') for (const r of b.rows) n = Math.max(n, r.cells.length);
  return n;
}

/**
 * Each document printed to A4, in order: landscape for even seeds and for
 * tables wider than a portrait page holds (as anyone printing such a page
 * would; portrait cut 21- and 22-column tables off, text and all, so the
 * expected output could not be read from the PDF).
 */
export async function htmlToPdfChromium(docs: GenDoc[]): Promise<Map<string, Uint8Array>> {
  const profile = mkdtempSync(join(tmpdir(), 'ita-chromium-'));
  const out = new Map<string, Uint8Array>();
  try {
    const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await ctx.newPage();
      for (const g of docs) {
        await page.setContent(printableHtml(g));
        const margin = '1.5cm';
        const pdf = await page.pdf({ format: 'A4', landscape: g.seed % 2 === 0 || widest(g) > PORTRAIT_COLUMNS, margin: { top: margin, bottom: margin, left: margin, right: margin } });
        out.set(g.id, new Uint8Array(pdf));
      }
    } finally {
      await ctx.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}
