/**
 * PDF pages → images, for OCR: pdfjs-dist (legacy build, worker run in this
 * thread) drawing on an @napi-rs/canvas canvas.
 *
 * pdfjs comes from the PDF reader's loader (readers/pdf.ts loadPdfjs): one
 * instance, with the /ActualText-patched worker, for reading and rendering.
 */
import { documentParams, loadPdfjs } from '../readers/pdf.js';
import { type Matrix, asMatrix, multiply } from '../readers/_pdf-rules.js';

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
import { greyWithoutColourInk } from './ink.js';
import { type PageImages, type PageJpeg, openPageImages } from './page-image.js';
import { chooseDpi, textHeight } from './scale.js';
import type { GreyImage } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Pages larger than this many pixels are rendered at a lower resolution (memory: 4 bytes a pixel). */
export const MAX_PIXELS = 40_000_000;


/** A rendered page: grey pixels, and the resolution actually used. */
export interface RenderedPage extends GreyImage {
  /** Dots per inch actually used (lower than asked when the page is huge). */
  dpi: number;
  /** How the pixels were made: the page's own JPEG decoded natively (page-image.ts), or the page drawn by pdfjs. */
  via?: 'page-jpeg' | 'pdfjs';
}

/** A PDF opened for rendering several pages. Call close() when done. */
export interface PdfRenderer {
  numPages: number;
  /** Renders page `pageNumber` (1-based) at `dpi` on a white background. */
  render(pageNumber: number, dpi: number): Promise<RenderedPage>;
  /**
   * Resolution (pixels per inch on the page) of the largest image drawn on
   * the page, null when it draws none (a vector page) or it cannot be told.
   */
  imageDpi(pageNumber: number): Promise<number | null>;
  close(): Promise<void>;
}

interface CanvasLike {
  width: number;
  height: number;
}
interface ContextLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}

export interface PdfRendererOptions {
  /**
   * A page that is one JPEG over the whole of it (a scan) is drawn from the JPEG decoded natively,
   * not rendered by pdfjs (default true; page-image.ts). False: every page by pdfjs, as before.
   */
  pageImages?: boolean;
}

/** Opens a PDF for rendering. Throws when pdfjs cannot open it. */
export async function openPdfRenderer(pdfBytes: Uint8Array, options: PdfRendererOptions = {}): Promise<PdfRenderer> {
  const { pdfjs, assets } = await loadPdfjs();
  const task = pdfjs.getDocument(documentParams(pdfBytes, assets));
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw e;
  }
  // the pages that are one JPEG (a scan): taken out of the file, decoded natively (page-image.ts)
  let images: Promise<PageImages> | null = null;
  // the last page decoded (a page is drawn twice when its probe rendering is not kept, renderForOcr)
  let decoded: { page: number; jpeg: PageJpeg | null; image: Promise<CanvasImage | null> | null } | null = null;
  const pageJpeg = async (pageNumber: number, dpi: number): Promise<{ jpeg: PageJpeg; image: CanvasImage } | null> => {
    if (options.pageImages === false) return null;
    if (decoded?.page !== pageNumber) {
      images ??= openPageImages(pdfBytes);
      decoded = { page: pageNumber, jpeg: (await images).jpegOf(pageNumber), image: null };
    }
    const { jpeg } = decoded;
    // only an image to shrink: drawn at about its own size, pdfjs's decoding is kept (below)
    if (!jpeg || jpeg.width < SHRINK * jpeg.pageWidth * (dpi / 72)) return null;
    decoded.image ??= decodeJpeg(jpeg);
    const img = await decoded.image;
    return img ? { jpeg, image: img } : null;
  };
  return {
    numPages: doc.numPages,
    async render(pageNumber: number, dpi: number): Promise<RenderedPage> {
      const scan = await pageJpeg(pageNumber, dpi);
      if (scan) return drawJpeg(scan.image, scan.jpeg, dpi);
      const page = await doc.getPage(pageNumber);
      try {
        const base = page.getViewport({ scale: 1 });
        let scale = dpi / 72;
        const pixels = base.width * base.height * scale * scale;
        if (pixels > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / pixels);
        const viewport = page.getViewport({ scale });
        const width = Math.max(1, Math.ceil(viewport.width));
        const height = Math.max(1, Math.ceil(viewport.height));
        const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: CanvasLike; context: ContextLike }; destroy(c: unknown): void } }).canvasFactory;
        const made = factory.create(width, height);
        try {
          made.context.fillStyle = '#ffffff';
          made.context.fillRect(0, 0, width, height);
          type RenderParams = Parameters<typeof page.render>[0];
          await page.render({ canvasContext: made.context, canvas: made.canvas, viewport } as unknown as RenderParams).promise;
          const rgba = made.context.getImageData(0, 0, width, height).data;
          // red/blue stamps and signatures become paper before recognition (ink.ts)
          return { width, height, data: greyWithoutColourInk(rgba, width, height, scale * 72).grey, dpi: scale * 72, via: 'pdfjs' };
        } finally {
          factory.destroy(made);
        }
      } finally {
        page.cleanup();
      }
    },
    async imageDpi(pageNumber: number): Promise<number | null> {
      const page = await doc.getPage(pageNumber);
      try {
        const ol = await page.getOperatorList();
        return largestImageDpi(ol.fnArray, ol.argsArray, pdfjs.OPS as unknown as Record<string, number>);
      } catch {
        return null;
      } finally {
        page.cleanup();
      }
    },
    async close(): Promise<void> {
      decoded = null;
      await doc.destroy().catch(() => undefined);
    },
  };
}

type CanvasImage = import('@napi-rs/canvas').Image;

/**
 * A page's JPEG is decoded natively only when it is drawn at most 1/SHRINK of its size (a 300 dpi
 * scan read at 150): there the pdfjs path costs 0.6–1.3 CPU-s and the two read alike (bench/RESULTS.md).
 * Drawn at about its own size (a 150 dpi scan read at 150) pdfjs costs 0.1–0.3 CPU-s, and the slight
 * differences between Skia's JPEG decoding and pdfjs's moved a digit the number repair reads on the
 * committed scan 004 ("ข้อ ๒๗" re-read ๒๑), so those stay with pdfjs.
 */
const SHRINK = 1.5;

/** The JPEG decoded by Skia; null when it cannot be, or its size is not the one the PDF declares (then pdfjs draws the page). */
async function decodeJpeg(j: PageJpeg): Promise<CanvasImage | null> {
  try {
    const { loadImage } = await import('@napi-rs/canvas');
    const img = await loadImage(Buffer.from(j.jpeg.buffer, j.jpeg.byteOffset, j.jpeg.byteLength));
    return img.width === j.width && img.height === j.height ? img : null;
  } catch {
    return null;
  }
}

/**
 * A page that is one JPEG over the whole of it, at `dpi`: the image scaled
 * to the page's size in pixels (as pdfjs sizes its canvas, capped at
 * {@link MAX_PIXELS}), then grey with the colour ink taken out, as pdfjs's
 * rendering is.
 */
async function drawJpeg(img: CanvasImage, page: PageJpeg, dpi: number): Promise<RenderedPage> {
  const { createCanvas } = await import('@napi-rs/canvas');
  let scale = dpi / 72;
  const pixels = page.pageWidth * page.pageHeight * scale * scale;
  if (pixels > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / pixels);
  const width = Math.max(1, Math.ceil(page.pageWidth * scale));
  const height = Math.max(1, Math.ceil(page.pageHeight * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // bilinear: on scans-q/q300 001 (4 pages at 150 dpi, tesseract.js) confidence 90.4 and 9 wrong years, against
  // 90.0 and 10 when pdfjs renders, 88.6 and 10 with Skia's mipmaps ('medium')
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, page.pageWidth * scale, page.pageHeight * scale);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return { width, height, data: greyWithoutColourInk(rgba, width, height, scale * 72).grey, dpi: scale * 72, via: 'page-jpeg' };
}

/**
 * Pixels per inch of the largest image an operator list paints: an image
 * fills the unit square under the current transform, so its drawn size in
 * points is the transform's column lengths. Null when no image is painted.
 */
export function largestImageDpi(fnArray: readonly number[], argsArray: readonly unknown[], ops: Record<string, number>): number | null {
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let best: { area: number; dpi: number } | null = null;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(asMatrix(args) ?? IDENTITY, ctm);
    // a form XObject (scanners often wrap the page image in one) draws under its own matrix
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = multiply(asMatrix(args?.[0]) ?? IDENTITY, ctm);
    } else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject) {
      const first = args?.[0] as { width?: number; height?: number } | string | undefined;
      const w = Number(typeof first === 'object' && first ? first.width : args?.[1]);
      const h = Number(typeof first === 'object' && first ? first.height : args?.[2]);
      const drawnW = Math.hypot(ctm[0], ctm[1]);
      const drawnH = Math.hypot(ctm[2], ctm[3]);
      if (!(w > 0 && h > 0 && drawnW > 0 && drawnH > 0)) continue;
      const area = drawnW * drawnH;
      // the image's pixels over its drawn size, in both directions: the coarser counts
      const dpi = Math.min((w * 72) / drawnW, (h * 72) / drawnH);
      if (!best || area > best.area) best = { area, dpi };
    }
  }
  return best ? best.dpi : null;
}

/** Resolution a page is first rendered at to measure its text (then kept when it is right). */
export const PROBE_DPI = 150;

/**
 * Renders a page for recognition: at `dpi` when given; otherwise at the
 * resolution that makes its letters the height the Thai model reads best
 * (scale.ts chooseDpi: from a probe rendering's measured text height,
 * bounded by the resolution of the page's own image when it is a scan).
 */
export async function renderForOcr(renderer: PdfRenderer, pageNumber: number, dpi?: number | null): Promise<RenderedPage> {
  if (dpi !== undefined && dpi !== null && Number.isFinite(dpi) && dpi > 0) return renderer.render(pageNumber, dpi);
  const probe = await renderer.render(pageNumber, PROBE_DPI);
  const h = textHeight(probe);
  let chosen = chooseDpi(h, probe.dpi, null);
  // finer than the probe: no finer than the page's own image allows (read only then: it costs a parse)
  if (chosen > probe.dpi) chosen = chooseDpi(h, probe.dpi, await renderer.imageDpi(pageNumber));
  return Math.abs(chosen - probe.dpi) < 1 ? probe : renderer.render(pageNumber, chosen);
}

/** RGBA → 8-bit luma (BT.601 weights; the canvas is opaque). */
export function rgbaToGrey(rgba: Uint8ClampedArray | Uint8Array, n: number): Uint8Array {
  const g = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    g[i] = ((rgba[j] ?? 255) * 77 + (rgba[j + 1] ?? 255) * 150 + (rgba[j + 2] ?? 255) * 29) >> 8;
  }
  return g;
}

/** Binary PGM (P5): the cheapest image file Tesseract reads (≈ 5× faster to make than PNG). */
export function toPgm(img: GreyImage): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  return Buffer.concat([header, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}

/** Grey image → PNG (8-bit grey). */
export async function toPng(img: GreyImage): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const id = ctx.createImageData(img.width, img.height);
  const d = id.data;
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    const v = img.data[i] ?? 255;
    d[j] = v;
    d[j + 1] = v;
    d[j + 2] = v;
    d[j + 3] = 255;
  }
  ctx.putImageData(id, 0, 0);
  return canvas.encode('png');
}

/**
 * Renders one page of a PDF to a PNG (grey) at `dpi` (lowered for huge
 * pages, see {@link MAX_PIXELS}). For several pages of one file, use
 * {@link openPdfRenderer}: it parses the file once.
 */
export async function renderPdfPage(
  pdfBytes: Uint8Array,
  pageNumber: number,
  dpi: number,
): Promise<{ png: Buffer; width: number; height: number }> {
  const r = await openPdfRenderer(pdfBytes);
  try {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > r.numPages) {
      throw new RangeError(`page ${pageNumber} is not in 1–${r.numPages}`);
    }
    const img = await r.render(pageNumber, dpi);
    return { png: await toPng(img), width: img.width, height: img.height };
  } finally {
    await r.close();
  }
}
