/**
 * Columns typed with tab stops instead of a table: Word paragraphs such as
 * "๑.⇥จัดทำคู่มือ…⇥ต.ค. - ธ.ค. ๖๗⇥สำนักปลัด", one per row, a typist's way
 * of laying out a measure table. mammoth keeps each tab as "\t"; HTML
 * collapses it with the other whitespace, so the DOCX step swaps it for
 * TAB_SENTINEL before the HTML step, and here a run of such paragraphs
 * becomes the table the text reader makes of tab-separated lines (header,
 * repeated header and heading lines between rows as it reads them). A tab
 * anywhere else is a space again.
 */
import type { Block, ParagraphBlock, TableBlock } from '../model/blocks.js';
import { textToBlocks } from './text.js';

/** Put in place of each tab of mammoth's HTML; taken out here. */
export const TAB_SENTINEL = '⟦ita:tab⟧';

const TABS = new RegExp(`\\s*(?:${TAB_SENTINEL.replace(/[[\]]/g, '\\$&')}\\s*)+`, 'g');
/** Paragraphs between tabbed rows that may still belong to the table (a heading line, a wrapped cell). */
const MAX_GAP = 2;

/** The fields of a tabbed paragraph (several tabs in a row, to reach a tab stop, are one), or null for a paragraph without a tab between words. */
function fieldsOf(text: string): string[] | null {
  if (!text.includes(TAB_SENTINEL)) return null;
  const fields = text.split(TABS).map((f) => f.trim());
  while (fields.length > 0 && fields[0] === '') fields.shift();
  while (fields.length > 0 && fields.at(-1) === '') fields.pop();
  return fields.length >= 2 ? fields : null;
}

const untab = (s: string): string => s.replace(TABS, ' ').trim();

function untabBlock(b: Block): Block {
  if (b.type === 'table') {
    return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(untab) })) })) };
  }
  return b.text.includes(TAB_SENTINEL) ? { ...b, text: untab(b.text) } : b;
}

/**
 * Runs of at least three tabbed paragraphs (a header and two rows, or three rows), at most MAX_GAP
 * untabbed paragraphs apart, of which two or more have the same number of fields, read as the text
 * reader reads tab-separated lines; every other tab a space.
 */
export function tabbedParagraphTables(blocks: Block[]): Block[] {
  const fields = blocks.map((b) => (b.type === 'paragraph' ? fieldsOf(b.text) : null));
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (!fields[i]) {
      out.push(untabBlock(blocks[i]!));
      i++;
      continue;
    }
    // the run: tabbed paragraphs, with up to MAX_GAP other paragraphs (no tables) between them
    let end = i;
    let gap = 0;
    for (let k = i + 1; k < blocks.length && blocks[k]!.type !== 'table'; k++) {
      if (fields[k]) {
        end = k;
        gap = 0;
      } else if (++gap > MAX_GAP) break;
    }
    const tabbed = fields.slice(i, end + 1).filter((f): f is string[] => f !== null);
    const counts = new Map<number, number>();
    for (const f of tabbed) counts.set(f.length, (counts.get(f.length) ?? 0) + 1);
    if (tabbed.length < 3 || Math.max(...counts.values()) < 2) {
      out.push(untabBlock(blocks[i]!));
      i++;
      continue;
    }
    const run = blocks.slice(i, end + 1) as ParagraphBlock[];
    const lines = run.map((b, k) => fields[i + k]?.join('\t') ?? b.text);
    const source = run[0]!.source;
    for (const b of textToBlocks(lines.join('\n'))) {
      if (b.type === 'table') out.push({ ...b, source, rows: b.rows.map((r) => ({ ...r, source })) } satisfies TableBlock);
      else out.push({ ...b, source });
    }
    i = end + 1;
  }
  return out;
}
