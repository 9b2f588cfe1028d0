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
    for (const part of splitAt(piece, LETTER_DIGIT)) {
      for (const seg of segmenter().segment(part.text)) {
        out.push({ text: seg.segment, index: base + part.index + seg.index, wordLike: seg.isWordLike ?? false });
      }
    }
  }
  return out;
}

function splitAt(s: string, re: RegExp): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  let last = 0;
  for (const m of s.matchAll(re)) {
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
