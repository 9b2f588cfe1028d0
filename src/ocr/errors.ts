/** What the OCR stage throws to its callers (engines missing, terminated, language data not installed). */
export class OcrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrError';
  }
}
