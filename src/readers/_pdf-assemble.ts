import type { Block } from '../model/blocks.js';
import { paragraph, position, table } from '../model/blocks.js';
import type { PageLayout } from './_pdf-layout.js';

export function assemble(pages: PageLayout[]): Block[] {
  const out: Block[] = [];
  for (const p of pages) for (const it of p.items) {
    if (it.kind === 'table') out.push(table(it.rows, position(p.page, null)));
    else out.push(paragraph(it.line.text, position(p.page, null), it.line.bold));
  }
  return out;
}
