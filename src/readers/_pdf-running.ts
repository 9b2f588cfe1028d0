/**
 * PDF reader, assembly stage 1: running headers and footers (the same text
 * at the same height on most pages, or a page number near the top or
 * bottom edge) are dropped from the page layouts.
 */
import type { LayoutItem, LineItem, PageLayout } from './_pdf-layout.js';
import type { Line } from './_pdf-text.js';


/** "12", "- 12 -", "หน้า ๑๒", "Page 3 of 10", "3/10", "(๓)". */
export const PAGE_NUMBER =
  /^(?:(?:หน้า(?:ที่)?|page|p\.)\s*)?[-–—(\[]?\s*[0-9๐-๙]{1,4}\s*[-–—)\]]?(?:\s*(?:\/|of|จาก|จากทั้งหมด)\s*[0-9๐-๙]{1,4}(?:\s*หน้า)?)?$/i;

/** Share of the page height, at the top and at the bottom, where running lines live. */
const BAND = 0.12;

function runningKey(text: string): string {
  return text.replace(/[0-9๐-๙]+/g, '#').replace(/\s+/g, '');
}

function inBand(line: Line, p: PageLayout): 'top' | 'bottom' | null {
  const h = p.box.top - p.box.bottom;
  if (line.y >= p.box.top - h * BAND) return 'top';
  if (line.y <= p.box.bottom + h * BAND) return 'bottom';
  return null;
}

/**
 * Lines near the top or bottom edge, above or below everything else on the
 * page: candidates for running headers and footers.
 */
function edgeLines(p: PageLayout): LineItem[] {
  const out: LineItem[] = [];
  const items = p.items;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind !== 'line' || inBand(it.line, p) !== 'top') break;
    out.push(it);
  }
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    if (it.kind !== 'line' || inBand(it.line, p) !== 'bottom') break;
    if (!out.includes(it)) out.push(it);
  }
  return out;
}

/** Removes running headers/footers from the pages' items (in place). */
export function dropRunningLines(pages: PageLayout[]): void {
  const withText = pages.filter((p) => p.items.length > 0).length;
  const candidates = pages.map(edgeLines);
  // key → pages (and heights) it occurs on
  const seen = new Map<string, Array<{ page: number; y: number }>>();
  candidates.forEach((lines, pi) => {
    for (const { line } of lines) {
      const key = runningKey(line.text);
      if (key === '') continue;
      let list = seen.get(key);
      if (!list) seen.set(key, (list = []));
      if (!list.some((e) => e.page === pi)) list.push({ page: pi, y: line.y });
    }
  });
  const repeated = new Set<string>();
  if (withText >= 3) {
    for (const [key, list] of seen) {
      if (list.length < Math.max(2, Math.ceil(withText * 0.4))) continue;
      // the same height on those pages (within a few points of the median)
      const ys = list.map((e) => e.y).sort((a, b) => a - b);
      const mid = ys[Math.floor(ys.length / 2)]!;
      const near = ys.filter((y) => Math.abs(y - mid) <= 6).length;
      if (near >= Math.max(2, Math.ceil(withText * 0.4))) repeated.add(key);
    }
  }
  pages.forEach((p, pi) => {
    const drop = new Set<LayoutItem>();
    for (const it of candidates[pi]!) {
      const t = it.line.text.trim();
      if (PAGE_NUMBER.test(t) || repeated.has(runningKey(t))) drop.add(it);
    }
    if (drop.size > 0) p.items = p.items.filter((it) => !drop.has(it));
  });
}
