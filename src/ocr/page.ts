/**
 * One page image → one recognition, the right way up, of the inked part only.
 *
 * - A page without ink is not sent at all; with cropToInk, blank margins
 *   are not sent either (the image cropped to its ink's bounding box plus a
 *   white margin, the words moved back to page coordinates).
 * - Orientation is decided before the page is read (orientation.ts: the
 *   direction of the lines and which side is up, from the ink). When the
 *   ink cannot tell which side is up, a small sample of the page (the
 *   densest square of ink, a few lines) is read in the candidate
 *   orientations instead of the whole page; when a page read upright reads
 *   poorly (few words, low confidence), the same sample decides whether
 *   another orientation reads better, and only then is the page read again.
 * - `legacy`: today's path before these changes, for measurements — the
 *   whole page read upright, then, when it reads poorly, read whole again
 *   turned 90°, 270° and 180° until one reads clearly better.
 */
import type { OcrEngine } from './engine.js';
import { pageOrientation, rotateGrey } from './orientation.js';
import { readCodeWordsAgain } from './code-words.js';
import { languageSplit, readSuspectsAgain } from './second-pass.js';
import type { GreyImage, OcrResult } from './types.js';

type Turn = 0 | 90 | 180 | 270;

export interface PageImage extends GreyImage {
  dpi: number;
}

export interface PageReading<T extends PageImage> {
  /** The image as read (turned when the page lay on its side or upside down). */
  image: T;
  result: OcrResult;
  /** Clockwise turn applied before reading. */
  degrees: Turn;
}

export interface ReadPageOptions {
  /** Turn pages that lie on their side or upside down (default true). */
  rotations?: boolean;
  /** Today's path before the speed work (whole page, full re-reads to find the orientation); for measurements. */
  legacy?: boolean;
  /**
   * Send only the ink's bounding box (default false): fewer pixels, but Tesseract then reads some
   * pages differently (better CER on some bench pages, worse on others, an item code lost on the
   * sample archive's scan), so the whole page is sent unless asked.
   */
  cropToInk?: boolean;
  /**
   * With a "tha+…" engine that reads images in a subset of its languages: the page in Thai alone,
   * then only the places that look like another script again in the others (second-pass.ts).
   * Default true (false: every language at once, as before): cheaper and as accurate on the scan
   * bench (bench/RESULTS.md); the specks the Thai model writes as Latin letters or digits (a stray
   * "7" beside a table rule on the sample archive's scan) are dropped (second-pass.ts withoutSpecks).
   */
  thaiFirst?: boolean;
  /**
   * How a whole upright page is recognised once its orientation is settled (default: the engine's
   * page reading), in `languages` when the Thai-first reading asks for a subset. The PDF path finds
   * ruled tables there and reads again the cells that read poorly (cells.ts).
   */
  recognise?: (image: PageImage, languages?: string) => Promise<OcrResult>;
  /**
   * The page `image` as the places read again in the other languages are cut from it (second-pass.ts,
   * code-words.ts), once `recognise` has read it: the PDF path gives it with its tables' rules
   * erased, so a code or a digit in a narrow cell is cut out without the cell's rules (read as
   * letters glued to it: "ae" for E1, "Is" for 5). Default: the page itself.
   */
  cutFrom?: (image: PageImage) => PageImage | undefined;
}

const EMPTY: OcrResult = { words: [], confidence: 0, width: 0, height: 0 };

/** A reading with fewer words or a lower confidence than this may be of a page on its side. */
export function poorReading(r: OcrResult): boolean {
  return r.words.length < 40 || r.confidence < 55;
}

/** Share of dark pixels (sampled): a blank page has none worth turning. */
export function inkShare(img: GreyImage): number {
  const step = Math.max(1, Math.floor(img.data.length / 200_000));
  let dark = 0;
  let n = 0;
  for (let i = 0; i < img.data.length; i += step, n++) if ((img.data[i] ?? 255) < 128) dark++;
  return n === 0 ? 0 : dark / n;
}
const MIN_INK = 0.003;

/** Weight of a reading: words read with confidence. */
const readingScore = (r: OcrResult): number => r.words.reduce((n, w) => n + (w.confidence >= 60 ? 1 : 0), 0);

/** The level below which a pixel is ink: well under the page's background (its median grey, sampled). */
function inkLevel(img: GreyImage): number {
  const hist = new Uint32Array(256);
  const step = Math.max(1, Math.floor(img.data.length / 100_000));
  let n = 0;
  for (let i = 0; i < img.data.length; i += step, n++) {
    const v = img.data[i] ?? 255;
    hist[v] = (hist[v] ?? 0) + 1;
  }
  let acc = 0;
  let median = 255;
  for (let v = 0; v < 256; v++) {
    acc += hist[v] ?? 0;
    if (acc * 2 >= n) {
      median = v;
      break;
    }
  }
  return Math.max(0, median - 64);
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The bounding box of the ink (rows and columns with at least two pixels
 * well darker than the background), widened by `pad` within the image; null
 * when there is none.
 */
export function inkBox(img: GreyImage, pad: number): Box | null {
  const { width: w, height: h, data } = img;
  const level = inkLevel(img);
  const cols = new Uint32Array(w);
  let y0 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    const o = y * w;
    let n = 0;
    for (let x = 0; x < w; x++) {
      if ((data[o + x] ?? 255) < level) {
        n++;
        cols[x] = (cols[x] ?? 0) + 1;
      }
    }
    if (n >= 2) {
      if (y0 < 0) y0 = y;
      y1 = y;
    }
  }
  if (y0 < 0) return null;
  let x0 = 0;
  while (x0 < w && (cols[x0] ?? 0) < 2) x0++;
  let x1 = w - 1;
  while (x1 > x0 && (cols[x1] ?? 0) < 2) x1--;
  if (x0 > x1) return null;
  return { x0: Math.max(0, x0 - pad), y0: Math.max(0, y0 - pad), x1: Math.min(w, x1 + 1 + pad), y1: Math.min(h, y1 + 1 + pad) };
}

/** The pixels of `b` as an image of their own. */
export function cropGrey(img: GreyImage, b: Box): GreyImage {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(img.data.subarray((b.y0 + y) * img.width + b.x0, (b.y0 + y) * img.width + b.x1), y * w);
  return { width: w, height: h, data };
}

/**
 * Reads the inked part of `img` only (a page without ink: not at all) and
 * reports the words in `img`'s coordinates.
 */
export async function recogniseInk(
  engine: OcrEngine,
  img: PageImage,
  crop = false,
  languages?: string,
  wholePage?: (image: PageImage, languages?: string) => Promise<OcrResult>,
): Promise<OcrResult> {
  const pad = Math.round(img.dpi / 8);
  const box = inkBox(img, pad);
  if (!box) return { ...EMPTY, width: img.width, height: img.height };
  const whole = !crop || (box.x0 === 0 && box.y0 === 0 && box.x1 === img.width && box.y1 === img.height);
  if (whole && wholePage) return wholePage(img, languages);
  const r = await engine.recognise(whole ? img : cropGrey(img, box), { dpi: img.dpi, languages });
  if (whole) return r;
  return {
    ...r,
    width: img.width,
    height: img.height,
    words: r.words.map((w) => ({ ...w, bbox: { x0: w.bbox.x0 + box.x0, y0: w.bbox.y0 + box.y0, x1: w.bbox.x1 + box.x0, y1: w.bbox.y1 + box.y0 } })),
  };
}

/** The square of side about three inches holding the most ink: a few lines to try orientations on. */
function sampleBox(img: PageImage): Box {
  const side = Math.min(img.width, img.height, Math.round(img.dpi * 3));
  const cell = Math.max(8, Math.floor(side / 4));
  const gw = Math.ceil(img.width / cell);
  const gh = Math.ceil(img.height / cell);
  const ink = new Float64Array(gw * gh);
  const level = inkLevel(img);
  for (let y = 0; y < img.height; y += 2) {
    const o = y * img.width;
    const gy = Math.floor(y / cell) * gw;
    for (let x = 0; x < img.width; x += 2) {
      const c = gy + Math.floor(x / cell);
      if ((img.data[o + x] ?? 255) < level) ink[c] = (ink[c] ?? 0) + 1;
    }
  }
  const k = Math.max(1, Math.floor(side / cell));
  let best = { x: 0, y: 0, v: -1 };
  for (let gy = 0; gy + k <= gh || gy === 0; gy++) {
    for (let gx = 0; gx + k <= gw || gx === 0; gx++) {
      let v = 0;
      for (let j = gy; j < Math.min(gh, gy + k); j++) for (let i = gx; i < Math.min(gw, gx + k); i++) v += ink[j * gw + i] ?? 0;
      if (v > best.v) best = { x: gx * cell, y: gy * cell, v };
      if (gx + k > gw) break;
    }
    if (gy + k > gh) break;
  }
  return { x0: best.x, y0: best.y, x1: Math.min(img.width, best.x + side), y1: Math.min(img.height, best.y + side) };
}

/** The sample read in each of `turns` (concurrently: an engine may read them in one go); scores in the same order. */
async function sampleScores(engine: OcrEngine, img: PageImage, turns: readonly Turn[], languages?: string): Promise<number[]> {
  const sample = cropGrey(img, sampleBox(img));
  const results = await Promise.all(turns.map((d) => engine.recognise(d === 0 ? sample : rotateGrey(sample, d), { dpi: img.dpi, languages })));
  return results.map(readingScore);
}

/** A sample's reading beats another clearly, not just noise read differently. */
const clearlyBetter = (a: number, b: number): boolean => a > Math.max(2 * b, b + 8);

/** Reads one page; see the module comment. */
export async function readPage<T extends PageImage>(engine: OcrEngine, image: T, options: ReadPageOptions = {}): Promise<PageReading<T>> {
  const rotations = options.rotations !== false;
  if (options.legacy) return legacyRead(engine, image, rotations);
  const split = options.thaiFirst !== false ? languageSplit(engine) : null;
  const first = split?.first;
  // the page in the first language; the places that look like another script again in the others
  const read = async (img: T): Promise<OcrResult> => {
    const r = await recogniseInk(engine, img, options.cropToInk, first, options.recognise);
    if (!split) return r;
    // then the short tokens of digits that may be a letter and digits ("15" for i5), cut out tightly
    // the suspects are read again from the page as rendered (cut from the rule-free page, a document lost its
    // rows: held-out layout scan g87151, 9 entries to 0), the short code words from the page without its rules
    const cut = options.cutFrom?.(img) ?? img;
    // refinements of a reading: one that fails (an engine error on its cut-outs) leaves the reading as it was
    const again = await readSuspectsAgain(engine, img, r, split.rest).then((x) => x.result, () => r);
    return readCodeWordsAgain(engine, cut, again, split.rest).catch(() => again);
  };
  const turned = (d: Turn): T => (d === 0 ? image : rotateGrey(image, d));
  const o = rotations ? pageOrientation(image, image.dpi) : null;
  let degrees: Turn = 0;
  let bySample = false;
  if (o?.direction === 'down') {
    // on its side: which side, from the ink, else from the sample read both ways
    if (o.side !== null) degrees = o.side === 'up' ? 90 : 270;
    else {
      const [a, b] = await sampleScores(engine, image, [90, 270], first);
      degrees = (b ?? 0) > (a ?? 0) ? 270 : 90;
      bySample = true;
    }
  } else if (o?.direction === 'across' && o.side === 'down') {
    const [a, b] = await sampleScores(engine, image, [0, 180], first);
    if (clearlyBetter(b ?? 0, a ?? 0)) degrees = 180;
    bySample = true;
  }
  const img = turned(degrees);
  const result = await read(img);
  if (!o || bySample || !poorReading(result) || inkShare(image) <= MIN_INK) return { image: img, result, degrees };
  // read poorly: does the sample read clearly better another way? (the other side when the direction is known)
  const turns: Turn[] = o.direction === null ? [0, 90, 270, 180] : [degrees, ((degrees + 180) % 360) as Turn];
  const scores = await sampleScores(engine, image, turns, first);
  let best = 0;
  for (let i = 1; i < turns.length; i++) if (clearlyBetter(scores[i] ?? 0, scores[best] ?? 0)) best = i;
  const d = turns[best] ?? degrees;
  if (d === degrees) return { image: img, result, degrees };
  const other = turned(d);
  const again = await read(other);
  // the whole page must bear the sample out
  return readingScore(again) > readingScore(result) ? { image: other, result: again, degrees: d } : { image: img, result, degrees };
}

/** Today's path before the speed work (see the module comment). */
async function legacyRead<T extends PageImage>(engine: OcrEngine, image: T, rotations: boolean): Promise<PageReading<T>> {
  const upright = await engine.recognise(image, { dpi: image.dpi });
  if (!rotations || !poorReading(upright) || inkShare(image) <= MIN_INK) return { image, result: upright, degrees: 0 };
  let best: PageReading<T> = { image, result: upright, degrees: 0 };
  let bestScore = readingScore(upright);
  for (const degrees of [90, 270, 180] as const) {
    const turned = rotateGrey(image, degrees);
    const result = await engine.recognise(turned, { dpi: image.dpi });
    const score = readingScore(result);
    // clearly better than upright, not just noise read differently
    if (score > Math.max(2 * bestScore, bestScore + 30)) {
      best = { degrees, image: turned, result };
      bestScore = score;
    }
    // a quarter turn either way is the usual case; upside down only when neither reads
    if (degrees === 270 && best.degrees !== 0 && !poorReading(best.result)) break;
  }
  return best;
}
