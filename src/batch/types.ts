/**
 * The batch's plain data: what an input is once the command line has been
 * expanded, and the limits that keep hostile inputs bounded.
 */
import type { ErrorCode } from '../model/schema.js';

/** One document to extract, in output order. */
export type Input =
  /** A file on disk, read when its turn comes. */
  | { kind: 'file'; path: string }
  /** An archive entry, already in memory (nothing from an archive is ever written to disk). */
  | { kind: 'bytes'; path: string; bytes: Uint8Array }
  /** An input that cannot reach a reader: it still gets its one error record. */
  | { kind: 'failed'; path: string; code: ErrorCode; message: string };

/**
 * An archive entry may expand to at most max(ratioFloor, maxRatio × its
 * compressed size), never beyond maxBytes; a whole archive (nested ones
 * included) to at most max(maxBytes, maxRatio × the archive's size).
 */
export interface Limits {
  /** Largest document or archive entry, in bytes (extract's maxBytes). */
  maxBytes: number;
  maxRatio: number;
  /** Below this an entry's ratio is not checked: small, highly compressible files are normal. */
  ratioFloor: number;
  /** How deep archives inside archives are opened (1: a zip inside a zip, no further). */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 16 * 1024 * 1024,
  maxDepth: 1,
};

/** What expansion tells the caller along the way (progress, logs). */
export interface ExpandHooks {
  /** A file or entry left out: not a document (by extension), or platform junk. */
  onSkip?(path: string, reason: string): void;
  /** An archive held more (or fewer) documents than the plan counted. */
  onRecount?(delta: number): void;
}
