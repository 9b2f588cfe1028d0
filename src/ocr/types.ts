/**
 * OCR data types shared by the engine, the layout and the number repair.
 * Coordinates are pixels of the recognised image, y growing downwards.
 */

export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * One recognised "word". For Thai, Tesseract returns almost every character
 * (and many combining marks) as a word of its own: the layout regroups them.
 */
export interface OcrWord {
  text: string;
  bbox: BBox;
  /** 0–100, as Tesseract reports it. */
  confidence: number;
  /**
   * Index of the Tesseract text line the word belongs to (page order), or
   * null when unknown. Only used to tell apart the short "lines" of stray
   * marks Tesseract makes above Thai lines from real text; grouping into
   * lines is done by geometry.
   */
  line: number | null;
  /** Tesseract put a space before this word (in its line's text). */
  spaceBefore: boolean;
}

export interface OcrResult {
  words: OcrWord[];
  /** Mean word confidence of the page, 0–100 (Tesseract's page figure). */
  confidence: number;
  /** Size of the recognised image, pixels (from a PNG/PGM header or the grey image; else the extent of the text). */
  width: number;
  height: number;
}

/**
 * Diagnostics raised by OCR. Shaped like the model's Diagnostic; the codes
 * are OCR's own until the schema's DiagnosticCode enum has them.
 */
export type OcrDiagnosticCode = 'OCR_LOW_CONFIDENCE' | 'OCR_NUMBER_UNCERTAIN' | 'OCR_NUMBER_REPAIRED' | 'OCR_FAILED' | 'OCR_EMPTY_PAGE' | 'OCR_PAGE_ROTATED';

export interface OcrDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: OcrDiagnosticCode;
  message: string;
  origin: string;
  source: { page: number | null; line: number | null } | null;
  actual?: string | null;
  expected?: string | null;
}

/** A page image: 8-bit grey pixels, row-major, one byte per pixel. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}
