/**
 * Cells filled with a colour. Month and quarter columns are often a Gantt
 * chart: the months of a measure shaded, with no mark written in them. The
 * readers say which cells are shaded (TableCell.shaded); the domain decides
 * what that means.
 *
 * - HTML: a td/th's bgcolor attribute, or a background(-color) in its style.
 * - DOCX: mammoth drops Word's cell shading (<w:shd> in <w:tcPr>), so the
 *   DOCX step writes SHADED_SENTINEL into the first paragraph of a shaded
 *   cell before mammoth reads the file, and the HTML step takes it out again
 *   and marks the cell.
 * White, near-white, transparent and "auto" fills are no shading.
 */
import colorString from 'color-string';

/** Put into a shaded DOCX cell's text for the HTML step to find; taken out there. */
export const SHADED_SENTINEL = '⟦ita:shaded⟧';

/** Red, green, blue (0–255) and alpha (0–1) that paint: not white or nearly, not transparent. The one threshold of every reader. */
export function rgbPaints(r: number, g: number, b: number, a = 1): boolean {
  return a >= 0.2 && Math.min(r, g, b) < 245;
}

/** A colour (CSS, or Word's bare "A6A6A6") that paints: not white or nearly, not transparent. */
export function paints(colour: string | undefined): boolean {
  const v = colour?.trim();
  if (!v || /^(auto|none|inherit|initial|unset|currentcolor|transparent|window)$/i.test(v)) return false;
  const c = colorString.get(/^[0-9a-f]{6}$/i.test(v) ? `#${v}` : v);
  if (!c) return false;
  const [x, y, z, a = 1] = c.value;
  if (c.model === 'rgb') return rgbPaints(x!, y!, z!, a);
  // hsl: lightness under 96 %; hwb: whiteness under 96 %
  return a >= 0.2 && (c.model === 'hsl' ? z! : y!) < 96;
}

const BACKGROUND = /(?:^|;)\s*background(?:-color)?\s*:\s*([^;]+)/gi;

/** A table cell's attributes say it is filled with a colour. */
export function cellFilled(attribs: Record<string, string>): boolean {
  if (paints(attribs.bgcolor)) return true;
  for (const m of (attribs.style ?? '').matchAll(BACKGROUND)) {
    // the shorthand ("background: #ffc000 none repeat"): any of its words that is a colour
    if ((m[1] ?? '').split(/\s+(?![^(]*\))/).some(paints)) return true;
  }
  return false;
}

/** A cell's paragraphs without the DOCX step's sentinel, and whether it was there. */
export function takeSentinel(paragraphs: string[]): { paragraphs: string[]; shaded: boolean } {
  if (!paragraphs.some((p) => p.includes(SHADED_SENTINEL))) return { paragraphs, shaded: false };
  const out = paragraphs.map((p) => p.split(SHADED_SENTINEL).join('').trim()).filter((p) => p !== '');
  return { paragraphs: out, shaded: true };
}
