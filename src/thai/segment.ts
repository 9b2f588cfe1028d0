/**
 * Thai word segmentation with the built-in ICU segmenter
 * (`Intl.Segmenter('th', { granularity: 'word' })`).
 *
 * ICU's cost grows badly with the length of one call (100,000 characters take
 * seconds), so text is cut into pieces of at most {@link MAX_PIECE} characters
 * at whitespace before it is segmented. ICU also keeps Thai letters and digits
 * together ("จำนวน๑๒บาท" is one segment), so a boundary is forced between
 * them.
 */
const MAX_PIECE = 2000;

let _segmenter: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  _segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  return _segmenter;
}

/** A segment with its offset in the input. */
export interface Segment {
  text: string;
  index: number;
  wordLike: boolean;
}

const LETTER_DIGIT = /(?<=[\u0e01-\u0e4e])(?=[0-9๐-๙])|(?<=[0-9๐-๙])(?=[\u0e01-\u0e2e\u0e40-\u0e44])/g;

/** Cut `s` into pieces no longer than `max`, preferably at whitespace. */
function pieces(s: string, max: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let start = 0;
  while (s.length - start > max) {
    let cut = s.lastIndexOf(' ', start + max);
    const nl = s.lastIndexOf('\n', start + max);
    if (nl > cut) cut = nl;
    if (cut <= start) cut = start + max;
    out.push([s.slice(start, cut), start]);
    start = cut;
  }
  out.push([s.slice(start), start]);
  return out;
}

/** Every segment of `s` (whitespace included), with offsets into `s`. */
export function segmentsOf(s: string): Segment[] {
  const out: Segment[] = [];
  for (const [piece, base] of pieces(s, MAX_PIECE)) {
    for (const part of letterDigitParts(piece)) {
      for (const seg of segmenter().segment(part.text)) {
        out.push({ text: seg.segment, index: base + part.index + seg.index, wordLike: seg.isWordLike ?? false });
      }
    }
  }
  return out;
}

/**
 * The word boundaries of one string, asked for position by position: the
 * segment containing an offset, as {@link segmentsOf} cuts it (the same
 * pieces, Thai letters and digits kept apart). ICU's `containing` finds it
 * without walking every segment before it, which makes a question about a
 * line join or two about 3× cheaper than segmenting the whole string.
 */
export class WordBreaks {
  #pieces: Array<[string, number]> | null = null;
  readonly #parts = new Map<number, Array<{ text: string; index: number; segments?: Intl.Segments }>>();

  constructor(readonly text: string) {}

  /** The segment containing offset `at` (0 ≤ at < text.length). */
  segmentAt(at: number): Segment {
    this.#pieces ??= pieces(this.text, MAX_PIECE);
    let p = 0;
    while (p + 1 < this.#pieces.length && this.#pieces[p + 1]![1] <= at) p++;
    const [piece, base] = this.#pieces[p]!;
    let parts = this.#parts.get(p);
    if (!parts) {
      parts = letterDigitParts(piece);
      this.#parts.set(p, parts);
    }
    let k = 0;
    while (k + 1 < parts.length && base + parts[k + 1]!.index <= at) k++;
    const part = parts[k]!;
    part.segments ??= segmenter().segment(part.text);
    const seg = part.segments.containing(at - base - part.index);
    if (!seg) throw new RangeError(`offset ${at} outside a string of ${this.text.length}`);
    return { text: seg.segment, index: base + part.index + seg.index, wordLike: seg.isWordLike ?? false };
  }
}

const DIGIT = /[0-9๐-๙]/;

/** `s` cut where a Thai letter meets a digit (LETTER_DIGIT), with the offsets of the parts. */
function letterDigitParts(s: string): Array<{ text: string; index: number }> {
  // every cut is next to a digit: most strings have none
  if (!DIGIT.test(s)) return [{ text: s, index: 0 }];
  const out: Array<{ text: string; index: number }> = [];
  let last = 0;
  for (const m of s.matchAll(LETTER_DIGIT)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: s.slice(last, at), index: last });
    last = at;
  }
  if (last < s.length || s.length === 0) out.push({ text: s.slice(last), index: last });
  return out;
}

/** Thai word list: the segments of `s` that are not whitespace. */
export function segmentThai(s: string): string[] {
  return segmentsOf(s)
    .map((g) => g.text)
    .filter((t) => t.trim() !== '');
}
