/**
 * PDF reader, line wrapping: did a line end because the text area was full
 * (the layout wrapped it, the next line goes on the same paragraph) or
 * because the writer ended the paragraph there?
 *
 * Word processors fill lines greedily: a line ends where the next word
 * would not fit. So when the room left at the end of a line would have held
 * the next line's first word (up to its first space, or its first Thai word,
 * Thai having no spaces between words), the line was ended on purpose: a
 * new paragraph, a new item in a cell. Widths are estimated from the runs
 * (characters spread evenly over a run, Thai marks taking none), so a word
 * must fit with some margin before the break is called a paragraph's end.
 */
import { WordBreaks } from '../thai/segment.js';
import { joinWrappedLines } from '../thai/wrap.js';
import type { Line, Run } from './_pdf-text.js';

/** Characters that take no width of their own (Thai above/below marks). */
const ZERO_ADVANCE = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
/** A Thai consonant or leading vowel: the line starts with a Thai word the segmenter can delimit. */
const THAI_START = /^[\u0e01-\u0e2e\u0e40-\u0e44]/;
/** Gap between two runs (font sizes) read as a space: as runsToLines decides. */
export const SPACE_GAP = 0.25;

function advance(s: string): number {
  let n = 0;
  for (const ch of s) if (!ZERO_ADVANCE.test(ch)) n++;
  return n;
}

/** x where the first `k` characters of `r` end. */
function xWithin(r: Run, k: number): number {
  const total = advance(r.text);
  return total === 0 ? r.x + r.w : r.x + (r.w * advance(r.text.slice(0, k))) / total;
}

/**
 * Where the line's first unbreakable piece ends (x): at its first space (in
 * a run's text, or a gap between runs), or at the end of its first Thai
 * word; Infinity when that word runs on into `after` (the line is a piece
 * of a word broken for want of room). The line's runs are ordered by x.
 */
export function firstWordEnd(l: Line, after?: Line): number {
  const runs = l.runs.filter((r) => r.text.trim() !== '');
  const first = runs[0];
  if (!first) return l.x0;
  // the text up to the first space, run by run
  let text = '';
  const ends: Array<{ run: Run; from: number }> = [];
  let endX = first.x + first.w;
  let whole = true;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    const prev = runs[k - 1];
    if (prev && r.x - (prev.x + prev.w) > SPACE_GAP * Math.max(prev.size, r.size)) {
      whole = false;
      break;
    }
    const t = k === 0 ? r.text.trimStart() : r.text;
    const sp = t.search(/\s/);
    ends.push({ run: r, from: text.length - (r.text.length - t.length) });
    if (sp >= 0) {
      text += t.slice(0, sp);
      endX = xWithin(r, r.text.length - t.length + sp);
      whole = false;
      break;
    }
    text += t;
    endX = r.x + r.w;
  }
  if (!THAI_START.test(text)) return endX;
  // a line that is one piece: its word may go on in the line after
  const tail = whole && after ? after.text.slice(0, 20) : '';
  const wordEnd = thaiWordEnd((text.slice(0, 40) + tail).slice(0, 60));
  if (wordEnd > text.length && tail !== '' && text.length < 40) return Infinity;
  if (wordEnd >= text.length) return endX;
  // the run holding the word's end
  for (let j = ends.length - 1; j >= 0; j--) {
    const e = ends[j]!;
    if (e.from < wordEnd) return xWithin(e.run, wordEnd - e.from);
  }
  return endX;
}

/**
 * End of the first word of `s` (starting with Thai), where a line breaker
 * could break: a segment boundary with Thai letters on both sides ("พ.ศ.
 * ๒๕๖๘" and "๑๒,๐๐๐" do not break after their first letter); the whole of
 * `s` when there is none.
 */
function thaiWordEnd(s: string): number {
  const words = new WordBreaks(s);
  let at = 0;
  while (at < s.length) {
    const seg = words.segmentAt(at);
    at = seg.index + seg.text.length;
    if (at >= s.length) break;
    if (THAI_END.test(s.slice(0, at)) && THAI_HEAD.test(s.slice(at))) return at;
  }
  return s.length;
}

/**
 * Was `prev` wrapped onto `next` (true), or ended on purpose (false)?
 * `right` is where the text area's lines end (a cell's inner right edge, a
 * page's right margin); `after` the line after `next`, if any; `left`
 * where its lines start, when centred lines are to be told (their room is
 * on both sides). A line ended
 * on purpose leaves room for the next line's first word, with a margin for
 * the width estimate.
 */
export function wrapped(prev: Line, next: Line, right: number, after?: Line, left?: number): boolean {
  // centred lines (both set in from the left edge): the room is on both sides
  const inset = left !== undefined && prev.x0 - left > prev.size && next.x0 - left > next.size ? prev.x0 - left : 0;
  const room = right - prev.x1 + inset;
  const size = Math.max(prev.size, next.size);
  // not even a short word's room: wrapped, nothing to measure
  if (room < size) return true;
  const word = firstWordEnd(next, after !== undefined && fillsLine(next, right) ? after : undefined) - next.x0;
  return room < word * 1.25 + size * 0.3;
}

/** A line without a space reaching the right edge (within most of a character). */
function fillsLine(l: Line, right: number): boolean {
  return right - l.x1 < l.size * 0.75 && !/\s/.test(l.text);
}

const THAI_END = /[\u0e01-\u0e3a\u0e40-\u0e4e]$/;
const THAI_HEAD = /^[\u0e01-\u0e2e\u0e40-\u0e44\u0e46]/;
const THAI_TAIL = /^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]/;
const MARKS_ONLY = /^\s*[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+\s*$/;

/**
 * Is the join of `a` and the next line `b` inside one word broken for want
 * of room (a word wider than its cell)? `a` fills its line without a space,
 * and either the segmenter reads one word across the join (Thai), or `a`
 * is one character (or a few, with a stop at the join) in a cell too
 * narrow for a word ("ต" / "." / "ค" / "." in a month column), or digits and Latin letters meet across it ("12,00" / "0"). Word processors then leave a blank line here and there between
 * the pieces: no paragraph break, and no space where they join.
 */
export function brokenAcross(a: Line, b: Line, right: number): boolean {
  // marks alone on a line (a page break cut their cluster, its letter drawn on the page before) go on into the next
  if (MARKS_ONLY.test(a.text)) return true;
  if (!fillsLine(a, right)) return false;
  // a following vowel or a mark cannot start a Thai syllable: the word goes on ("ไตรม" / "าส")
  if (THAI_END.test(a.text) && THAI_TAIL.test(b.text)) return true;
  // Thai on both sides: joined without a space when the segmenter reads one word across the join
  if (THAI_END.test(a.text) && THAI_HEAD.test(b.text)) return joinWrappedLines(a.text, b.text) === a.text + b.text;
  // a cell too narrow for a word: a few characters a line
  const chars = [...a.text].length;
  const narrow = (chars === 1 || (chars <= 3 && (/[.,/-]$/.test(a.text) || /^[.,/-]/.test(b.text)))) && right - a.x0 < 2.5 * a.size;
  return narrow || (LATIN_END.test(a.text) && LATIN_HEAD.test(b.text) && !(DIGIT_END.test(a.text) && LETTER_HEAD.test(b.text)));
}

/** A number ending a line and a letter opening the next: two words ("o๒" / "o๗" in a list of codes), not one broken. */
const DIGIT_END = /[0-9๐-๙]$/;
const LETTER_HEAD = /^[A-Za-z]/;

/** Digits, Latin letters and the punctuation inside numbers and codes ("12,00" / "0", "E-" / "Service"). */
const LATIN_END = /[0-9๐-๙A-Za-z.,\-/]$/;
const LATIN_HEAD = /^[0-9๐-๙A-Za-z.,\-/)]/;

/** A line opening a numbered item ("๑. ", "(๒) ", "3) "): a new paragraph in a table cell. */
export const NUMBERED_START = /^\(?[0-9๐-๙]{1,2}[.)]\s/;
