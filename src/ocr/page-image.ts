/**
 * The page image of a scanned PDF page, taken out of the file instead of
 * rendered (issue 16: OCR at half the cost).
 *
 * A scan is one JPEG drawn over the whole page. pdfjs renders it by decoding
 * the JPEG in JavaScript, then drawing it on a canvas: 0.9–1.2 CPU-s for a
 * 300 dpi A4 page, a fifth of the page's OCR. Here the page's objects are
 * read with pdf-lib (no decoding of anything but the content stream), and
 * when the page draws nothing but one JPEG covering it exactly, the JPEG's
 * own bytes are handed over, for @napi-rs/canvas (Skia, native) to decode
 * and scale (render.ts, for images drawn at most 2/3 of their size): about
 * a fifth of the CPU.
 *
 * Anything else is left to pdfjs (null): an encrypted file, a turned or
 * cropped page, a page with text, paths or several images, an image that is
 * not a plain 8-bit grey JPEG (colour, CMYK, a Decode array, a soft mask, a
 * colour transform), 1-bit CCITT/JBIG2 scans.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';

export interface PageJpeg {
  /** The JPEG as stored in the PDF (an Exif block blanked: PDF viewers ignore its orientation). */
  jpeg: Uint8Array;
  /** Its size in pixels, as the PDF declares it. */
  width: number;
  height: number;
  /** The page's size in points (the image covers it). */
  pageWidth: number;
  pageHeight: number;
}

export interface PageImages {
  /** The JPEG that is page `pageNumber` (1-based), or null when the page is anything else. */
  jpegOf(pageNumber: number): PageJpeg | null;
}

const NONE: PageImages = { jpegOf: () => null };

/** Reads the PDF's objects (never throws: a file pdf-lib cannot read has no page images). */
export async function openPageImages(pdfBytes: Uint8Array): Promise<PageImages> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return NONE;
  }
  if (doc.isEncrypted) return NONE;
  return {
    jpegOf(pageNumber: number): PageJpeg | null {
      try {
        if (pageNumber < 1 || pageNumber > doc.getPageCount()) return null;
        return pageJpeg(doc, pageNumber - 1);
      } catch {
        return null;
      }
    },
  };
}

function num(x: unknown): number | null {
  return x instanceof PDFNumber ? x.asNumber() : null;
}

function box(a: PDFArray | undefined): [number, number, number, number] | null {
  if (!a || a.size() !== 4) return null;
  const v = a.asArray().map(num);
  return v.every((n) => n !== null) ? (v as [number, number, number, number]) : null;
}

function pageJpeg(doc: PDFDocument, index: number): PageJpeg | null {
  const page = doc.getPage(index).node;
  if ((num(page.Rotate()) ?? 0) % 360 !== 0) return null;
  const media = box(page.MediaBox());
  const crop = box(page.CropBox());
  if (!media || (crop && crop.some((v, i) => Math.abs(v - (media[i] as number)) > 0.5))) return null;
  const draw = onlyImageDrawn(doc, page.Contents());
  if (!draw) return null;
  // drawn over the whole page, upright
  const [x0, y0, x1, y1] = media;
  const [a, b, c, d, e, f] = draw.ctm as [number, number, number, number, number, number];
  const W = x1 - x0;
  const H = y1 - y0;
  const near = (p: number, q: number): boolean => Math.abs(p - q) <= Math.max(0.5, 0.005 * Math.abs(q));
  if (!(near(a, W) && near(d, H) && Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && near(e, x0) && near(f, y0))) return null;
  const xobjects = page.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const ref = xobjects?.get(PDFName.of(draw.name));
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(stream instanceof PDFRawStream)) return null;
  const jpeg = plainJpeg(doc, stream);
  return jpeg ? { ...jpeg, pageWidth: W, pageHeight: H } : null;
}

/** The image stream when it is a plain 8-bit grey or RGB JPEG (see the module comment). */
function plainJpeg(doc: PDFDocument, s: PDFRawStream): Omit<PageJpeg, 'pageWidth' | 'pageHeight'> | null {
  const dict = s.dict;
  const get = (k: string): unknown => {
    const v = dict.get(PDFName.of(k));
    return v instanceof PDFRef ? doc.context.lookup(v) : v;
  };
  if (get('Subtype') !== PDFName.of('Image')) return null;
  let filter = get('Filter');
  if (filter instanceof PDFArray && filter.size() === 1) filter = filter.lookup(0);
  if (filter !== PDFName.of('DCTDecode')) return null;
  if (num(get('BitsPerComponent')) !== 8) return null;
  for (const k of ['Decode', 'SMask', 'Mask', 'ImageMask', 'SMaskInData']) if (get(k) !== undefined) return null;
  const parms = get('DecodeParms');
  if (parms instanceof PDFDict && parms.get(PDFName.of('ColorTransform')) !== undefined) return null;
  if (!plainColourSpace(get('ColorSpace'))) return null;
  const width = num(get('Width'));
  const height = num(get('Height'));
  if (!width || !height || width < 1 || height < 1) return null;
  return { jpeg: withoutExif(s.contents), width, height };
}

/**
 * DeviceGray, or an ICC profile of 1 component. Colour JPEGs stay with pdfjs: Skia's chroma
 * upsampling and colour conversion differ from pdfjs's enough to move the colour-ink step
 * (ink.ts), and on the committed colour scan with a stamp a phrase under the stamp was lost.
 */
function plainColourSpace(cs: unknown): boolean {
  if (cs === PDFName.of('DeviceGray')) return true;
  if (cs instanceof PDFArray && cs.size() === 2 && cs.lookup(0) === PDFName.of('ICCBased')) {
    const icc = cs.lookup(1);
    return icc instanceof PDFRawStream && num(icc.dict.get(PDFName.of('N'))) === 1;
  }
  return false;
}

/**
 * The image a content stream draws, when it does nothing else: only
 * q/Q/cm and one Do (its name and the transform it is drawn under).
 */
function onlyImageDrawn(doc: PDFDocument, contents: unknown): { name: string; ctm: number[] } | null {
  const parts = contents instanceof PDFArray ? contents.asArray().map((r) => (r instanceof PDFRef ? doc.context.lookup(r) : r)) : [contents];
  let text = '';
  for (const p of parts) {
    if (!(p instanceof PDFRawStream)) return null;
    text += `${Buffer.from(decodePDFRawStream(p).decode()).toString('latin1')}\n`;
  }
  if (text.length > 4096) return null;
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const operands: string[] = [];
  let drawn: { name: string; ctm: number[] } | null = null;
  for (const tok of text.split(/\s+/).filter((t) => t !== '')) {
    if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(tok) || /^\/\S+$/.test(tok)) {
      operands.push(tok);
      continue;
    }
    if (tok === 'q') stack.push(ctm);
    else if (tok === 'Q') ctm = stack.pop() ?? ctm;
    else if (tok === 'cm' && operands.length === 6) {
      const [a, b, c, d, e, f] = operands.map(Number) as [number, number, number, number, number, number];
      const [A, B, C, D, E, F] = ctm as [number, number, number, number, number, number];
      ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
    } else if (tok === 'Do' && operands.length === 1 && !drawn) drawn = { name: (operands[0] as string).slice(1), ctm };
    else return null;
    operands.length = 0;
  }
  return operands.length === 0 ? drawn : null;
}

/**
 * The JPEG with its Exif block's payload blanked (a copy; the input when it
 * has none). PDF viewers draw the samples as stored; a native decoder would
 * turn them by the Exif orientation.
 */
export function withoutExif(jpeg: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
  let i = 2;
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const marker = jpeg[i + 1] as number;
    // the frame or the scan begins: no more metadata blocks
    if (marker === 0xda || (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) break;
    const len = ((jpeg[i + 2] as number) << 8) | (jpeg[i + 3] as number);
    if (marker === 0xe1 && Buffer.from(jpeg.subarray(i + 4, i + 10)).toString('latin1') === 'Exif\0\0') {
      const out = Uint8Array.from(jpeg);
      out.fill(0, i + 10, Math.min(jpeg.length, i + 2 + len));
      return out;
    }
    i += 2 + len;
  }
  return jpeg;
}
