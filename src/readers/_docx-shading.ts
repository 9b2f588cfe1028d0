/**
 * Word's cell shading carried through mammoth, which drops it: a cell whose
 * properties fill it with a colour (<w:tcPr><w:shd w:fill="A6A6A6"/>, or a
 * solid pattern in w:color) gets SHADED_SENTINEL as a run at the end of its
 * first paragraph; the HTML step takes it out and marks the cell shaded
 * (_cell-fill.ts). Tag-level like the rest of the DOCX guard: no DOM.
 */
import { SHADED_SENTINEL, paints } from './_cell-fill.js';

const TAG = /<[^<>]*>/g;
const SHD = /^<w:shd\s/;
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\bw:${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];

/** A <w:shd …/> that paints its cell: the fill, or the pattern colour of a solid pattern. */
export function shadingPaints(tag: string): boolean {
  if (!SHD.test(tag)) return false;
  const val = attr(tag, 'val');
  if (val === 'solid') return paints(attr(tag, 'color'));
  // "nil" is no shading at all
  return val !== 'nil' && paints(attr(tag, 'fill'));
}

interface OpenCell {
  shaded: boolean;
  inProps: boolean;
  /** Paragraph depth of the first paragraph of this cell, once opened; -1 after the sentinel went in. */
  first: number | null;
}

/** The part's XML with the sentinel in every shaded cell, and how many there were. */
export function markShadedCells(xml: string): { xml: string; cells: number } {
  const cells: OpenCell[] = [];
  let paragraphs = 0;
  let marked = 0;
  const out = xml.replace(TAG, (t) => {
    const top = cells[cells.length - 1];
    if (/^<w:tc[\s>]/.test(t) && !t.endsWith('/>')) cells.push({ shaded: false, inProps: false, first: null });
    else if (/^<\/w:tc>/.test(t)) cells.pop();
    else if (top && /^<w:tcPr[\s>]/.test(t) && !t.endsWith('/>')) top.inProps = true;
    else if (top && /^<\/w:tcPr>/.test(t)) top.inProps = false;
    else if (top?.inProps && shadingPaints(t)) top.shaded = true;
    else if (/^<w:p[\s>]/.test(t) && !t.endsWith('/>')) {
      paragraphs++;
      if (top?.shaded && top.first === null) top.first = paragraphs;
    } else if (/^<\/w:p>/.test(t)) {
      const end = top?.shaded && top.first === paragraphs;
      paragraphs--;
      if (end && top) {
        top.first = -1;
        marked++;
        return `<w:r><w:t>${SHADED_SENTINEL}</w:t></w:r>${t}`;
      }
    }
    return t;
  });
  return { xml: out, cells: marked };
}
