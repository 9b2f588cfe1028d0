/**
 * Recognition of a page with ruled tables, column by column.
 *
 * Read as a whole page, a table's lines run across its columns: Tesseract
 * joins the words of neighbouring cells into one line and its boxes of
 * Thai letters stray by several pixels, so letters next to a boundary land
 * in the wrong cell ("ไตรมาสที่เ" | "จ้า" for "ไตรมาสที่" | "เจ้า") and
 * narrow columns come out cut up. Here each column of each table is read
 * on its own: the column's cells (those one column wide, runs of rows at
 * a time) are cut out of the deskewed image, rules already erased, and
 * read as one block (page-segmentation mode 6); a cell spanning several
 * columns (a section row, a header over sub-columns) is read on its own.
 * The page is read as rendered too, for what lies outside the tables (its
 * words inside them give way). The regions' words are put back in page
 * coordinates, so number repair and layout take them as they take any
 * other words, each one inside its own column.
 */
import type { OcrEngine } from './engine.js';
import { type RuledGrid, cellIndex, intervalOf } from './grid.js';
import { backgroundLevel } from './rules.js';
import type { PreparedPage } from './tablepage.js';
import type { GreyImage, OcrResult, OcrWord } from './types.js';

/** A region of a grid to read on its own, in deskewed coordinates. */
interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Columns (runs of one-column cells) and merged cells of a grid. */
export function regionsOf(g: RuledGrid): Region[] {
  const nr = g.ys.length - 1;
  const nc = g.xs.length - 1;
  const wide = new Int32Array(nr * nc).fill(0);
  const out: Region[] = [];
  for (const c of g.cells) {
    if (c.colspan === 1) continue;
    for (let r = c.r; r < c.r + c.rowspan; r++) for (let k = c.c; k < c.c + c.colspan; k++) wide[r * nc + k] = 1;
    out.push({ x0: g.xs[c.c] as number, x1: g.xs[c.c + c.colspan] as number, y0: g.ys[c.r] as number, y1: g.ys[c.r + c.rowspan] as number });
  }
  for (let k = 0; k < nc; k++) {
    let start = -1;
    for (let r = 0; r <= nr; r++) {
      const free = r < nr && wide[r * nc + k] === 0;
      if (free && start < 0) start = r;
      if (!free && start >= 0) {
        out.push({ x0: g.xs[k] as number, x1: g.xs[k + 1] as number, y0: g.ys[start] as number, y1: g.ys[r] as number });
        start = -1;
      }
    }
  }
  return out;
}

const PAD = 10;

/** The deskewed rectangle (inset by `inset` px) cut out of the image, straight, on a white margin. */
function cut(img: GreyImage, r: Region, s: number, inset: number, bg: number): GreyImage {
  const X0 = Math.round(r.x0 + inset);
  const Y0 = Math.round(r.y0 + inset);
  const w = Math.max(1, Math.round(r.x1 - inset) - X0);
  const h = Math.max(1, Math.round(r.y1 - inset) - Y0);
  const W = w + 2 * PAD;
  const Hh = h + 2 * PAD;
  const data = new Uint8Array(W * Hh).fill(bg);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const X = X0 + i;
      const Y = Y0 + j;
      const x = Math.round(X - s * Y);
      const y = Math.round(Y + s * X);
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      data[(j + PAD) * W + i + PAD] = img.data[y * img.width + x] as number;
    }
  }
  return { width: W, height: Hh, data };
}

/** Lines of region k are numbered from here on (distinct from the page's). */
const LINE_BASE = 1_000_000;

/** Words read in the cut-out of region r (inset as cut) → page image coordinates, kept inside the region. */
function backToPage(res: OcrResult, r: Region, s: number, inset: number, k: number): OcrWord[] {
  const ox = Math.round(r.x0 + inset) - PAD;
  const oy = Math.round(r.y0 + inset) - PAD;
  const out: OcrWord[] = [];
  for (const w of res.words) {
    // back to deskewed page coordinates, kept inside the region, then to the image's
    const X0 = Math.max(r.x0 + 1, w.bbox.x0 + ox);
    const X1 = Math.min(r.x1 - 1, w.bbox.x1 + ox);
    const Y0 = Math.max(r.y0 + 1, w.bbox.y0 + oy);
    const Y1 = Math.min(r.y1 - 1, w.bbox.y1 + oy);
    if (X1 <= X0 || Y1 <= Y0) continue;
    // the box's centre goes to the image (x = X − s·Y, y = Y + s·X); the layout deskews it back by the centre too
    const X = (X0 + X1) / 2;
    const Y = (Y0 + Y1) / 2;
    const xc = X - s * Y;
    const yc = Y + s * X;
    const hw = (X1 - X0) / 2;
    const hh = (Y1 - Y0) / 2;
    out.push({ ...w, bbox: { x0: xc - hw, y0: yc - hh, x1: xc + hw, y1: yc + hh }, line: w.line === null ? null : LINE_BASE * (k + 1) + w.line });
  }
  return out;
}

/**
 * Cells the page reading got wrong, by their words: Latin letters standing
 * alone in a cell of Thai text (a Thai digit or letter the model took for
 * "e", "b", "a": "ไตรมาสที่ e" for "ไตรมาสที่ ๑"), or a cell read with
 * low confidence. Only one-column cells with text are judged.
 */
export function poorCells(g: RuledGrid, words: readonly OcrWord[], s: number): Region[] {
  const at = cellIndex(g);
  const inCell: OcrWord[][] = g.cells.map(() => []);
  for (const w of words) {
    const cx = (w.bbox.x0 + w.bbox.x1) / 2;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const k = at(intervalOf(g.ys, cy - s * cx), intervalOf(g.xs, cx + s * cy));
    if (k >= 0) (inCell[k] as OcrWord[]).push(w);
  }
  const out: Region[] = [];
  g.cells.forEach((c, k) => {
    const ws = inCell[k] as OcrWord[];
    if (c.colspan !== 1 || ws.length === 0) return;
    const thai = ws.filter((w) => /[\u0e01-\u0e5b]/.test(w.text)).length;
    // a Latin letter between spaces (a word of its own) among Thai words
    // (a bar beside it is the rule read as a character; "lo." or "b." before a dot is a number, which number repair re-reads)
    const text = ws.map((w, i) => (i > 0 && w.spaceBefore ? ' ' : '') + w.text).join('').replace(/\|/g, ' ');
    const latinAlone = thai >= 2 && /(?:^|\s)[A-Za-z]{1,2}(?=\s|$)/.test(text);
    const conf = ws.reduce((a, w) => a + w.confidence, 0) / ws.length;
    if (latinAlone || conf < 55) out.push({ x0: g.xs[c.c] as number, x1: g.xs[c.c + 1] as number, y0: g.ys[c.r] as number, y1: g.ys[c.r + c.rowspan] as number });
  });
  return out;
}

/**
 * The page reading with the cells it got wrong ({@link poorCells}, the
 * `max` smallest of a page) read again on their own: each cut out of the image with
 * its rules erased and read as a block (PSM 6), in the page's `languages`
 * (the Thai-first reading's "tha": read with every language, the cells
 * would need workers of their own, started for a few crops); its words
 * replace the page's words in that cell.
 */
export async function rereadPoorCells(engine: OcrEngine, prepared: PreparedPage<GreyImage & { dpi: number }>, page: OcrResult, max = 6, languages?: string): Promise<OcrResult> {
  const { image, grids, skew: s } = prepared;
  // the smallest first (numbers and periods sit in small cells; a big cell costs as much as a page's worth of lines)
  const area = (r: Region): number => (r.x1 - r.x0) * (r.y1 - r.y0);
  const regions = grids
    .flatMap((g) => poorCells(g, page.words, s))
    .sort((a, b) => area(a) - area(b))
    .slice(0, max);
  if (regions.length === 0) return page;
  const bg = backgroundLevel(image, 20_000);
  const inset = 2;
  const read = await Promise.all(regions.map((r) => engine.recognise(cut(image, r, s, inset, bg), { dpi: image.dpi, psm: 6, languages })));
  const inside = (w: OcrWord, r: Region): boolean => {
    const cx = (w.bbox.x0 + w.bbox.x1) / 2;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const X = cx + s * cy;
    const Y = cy - s * cx;
    return X > r.x0 && X < r.x1 && Y > r.y0 && Y < r.y1;
  };
  // a cell read again replaces the page's words in it only when its reading is no worse
  let words = page.words;
  read.forEach((res, k) => {
    const r = regions[k] as Region;
    const old = words.filter((w) => inside(w, r));
    const fresh = backToPage(res, r, s, inset, k);
    const mean = (ws: readonly OcrWord[]): number => (ws.length === 0 ? 0 : ws.reduce((a, w) => a + w.confidence, 0) / ws.length);
    if (fresh.length === 0 || mean(fresh) < mean(old)) return;
    words = [...words.filter((w) => !inside(w, r)), ...fresh];
  });
  return { ...page, words };
}

/**
 * Reads a prepared page: as a whole when it has no ruled table, else the
 * page without its tables plus every table region on its own (see the
 * module comment). One OcrResult in the coordinates of prepared.image.
 */
export async function recogniseTables(engine: OcrEngine, prepared: PreparedPage<GreyImage & { dpi: number }>): Promise<OcrResult> {
  const { image, grids, skew: s } = prepared;
  if (grids.length === 0) return engine.recognise(image, { dpi: image.dpi });
  const bg = backgroundLevel(image, 20_000);
  const regions = grids.flatMap(regionsOf).filter((r) => r.x1 - r.x0 > 6 && r.y1 - r.y0 > 6);
  const inset = 2;
  // the page as rendered: what lies outside the tables reads exactly as it would without them
  // (erasing rules moves Tesseract's global threshold, and with it the reading of faint digits)
  const page = engine.recognise(prepared.original, { dpi: image.dpi });
  const parts = regions.map((r) => engine.recognise(cut(image, r, s, inset, bg), { dpi: image.dpi, psm: 6 }));
  const [whole, ...read] = await Promise.all([page, ...parts]);
  // the page's own words inside the tables give way to the regions' (read as a page, they run across columns)
  const inGrid = (w: OcrWord): boolean => {
    const cx = (w.bbox.x0 + w.bbox.x1) / 2;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const X = cx + s * cy;
    const Y = cy - s * cx;
    return grids.some((g) => X > g.x0 && X < g.x1 && Y > g.y0 && Y < g.y1);
  };
  const words: OcrWord[] = (whole as OcrResult).words.filter((w) => !inGrid(w));
  let confSum = (whole as OcrResult).confidence * (whole as OcrResult).words.length;
  read.forEach((res, k) => {
    words.push(...backToPage(res, regions[k] as Region, s, inset, k));
    confSum += res.confidence * res.words.length;
  });
  return {
    words,
    confidence: words.length > 0 ? confSum / words.length : 0,
    width: image.width,
    height: image.height,
  };
}
