/**
 * Where the OCR engines put their temporary folders: os.tmpdir(), or, in a
 * batch's worker thread, inside the run's own temporary folder, which the
 * main thread makes and removes (a terminated thread runs no clean-up of its
 * own, so nothing it made may live outside that folder).
 */
import { tmpdir } from 'node:os';

let parent: string | null = null;

/** The folder new OCR temporary folders go into. */
export function ocrTempParent(): string {
  return parent ?? tmpdir();
}

/** Sets (or, with null, resets to os.tmpdir()) that folder, for this thread. */
export function setOcrTempParent(dir: string | null): void {
  parent = dir;
}
