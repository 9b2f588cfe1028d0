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

/** A background declaration's value paints ("background: #ffc000 none repeat": any of its words that is a colour). */
function backgroundPaints(value: string): boolean {
  return value.split(/\s+(?![^(]*\))/).some(paints);
}

/** The last background a block of declarations sets (undefined when none). */
function lastBackground(declarations: string): string | undefined {
  let last: string | undefined;
  for (const m of declarations.matchAll(BACKGROUND)) last = (m[1] ?? '').replace(/!important/i, '').trim();
  return last;
}

/**
 * Per class named in the page's <style> blocks with a background: whether it paints, and the order of its
 * rule (a later rule wins, as in CSS). Google Docs' "Download as HTML" shades cells so, and writes the
 * unshaded ones a white background of their own class.
 */
export type ClassFills = ReadonlyMap<string, { paints: boolean; order: number }>;

const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const RULE = /([^{}]+)\{([^{}]*)\}/g;
/** A selector that names a cell by its class alone: ".c8", "td.c8", "table td.c8". */
const CLASS_SELECTOR = /(?:^|[\s>])(?:td|th)?\.([\w-]+)$/i;
const MAX_STYLE = 1 << 20;

export function classFills(html: string): ClassFills {
  const out = new Map<string, { paints: boolean; order: number }>();
  let order = 0;
  let read = 0;
  for (const block of html.matchAll(STYLE_BLOCK)) {
    const css = (block[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '');
    read += css.length;
    if (read > MAX_STYLE) break;
    for (const rule of css.matchAll(RULE)) {
      const bg = lastBackground(rule[2] ?? '');
      if (bg === undefined) continue;
      for (const selector of (rule[1] ?? '').split(',')) {
        const name = CLASS_SELECTOR.exec(selector.trim())?.[1];
        if (name) out.set(name, { paints: backgroundPaints(bg), order: order++ });
      }
    }
  }
  return out;
}

/** A table cell's attributes (and the page's class rules) say it is filled with a colour. */
export function cellFilled(attribs: Record<string, string>, fills?: ClassFills): boolean {
  if (paints(attribs.bgcolor)) return true;
  // an inline style outweighs any class
  const inline = lastBackground(attribs.style ?? '');
  if (inline !== undefined) return backgroundPaints(inline);
  if (!fills?.size || !attribs.class) return false;
  let winner: { paints: boolean; order: number } | undefined;
  for (const name of attribs.class.split(/\s+/)) {
    const f = fills.get(name);
    if (f && (!winner || f.order > winner.order)) winner = f;
  }
  return winner?.paints ?? false;
}

/** A cell's paragraphs without the DOCX step's sentinel, and whether it was there. */
export function takeSentinel(paragraphs: string[]): { paragraphs: string[]; shaded: boolean } {
  if (!paragraphs.some((p) => p.includes(SHADED_SENTINEL))) return { paragraphs, shaded: false };
  const out = paragraphs.map((p) => p.split(SHADED_SENTINEL).join('').trim()).filter((p) => p !== '');
  return { paragraphs: out, shaded: true };
}
