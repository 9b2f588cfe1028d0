import { WordBreaks } from './segment.js';

/**
 * Remove the spaces that line wrapping left inside Thai text when the lines
 * of a narrow table cell were joined ("ทุกส่วน ราชการ" → "ทุกส่วนราชการ"),
 * keeping the spaces Thai writers put between phrases ("ประเด็น เจ้าหน้าที่").
 *
 * Only a space with a Thai character on both sides is a candidate; spaces
 * next to digits, Latin text, brackets or bullets are never touched. Each
 * line and each tab-separated cell is decided on its own, so the segmenter
 * never sees a whole document. A candidate space is removed when
 *  1. joining it makes one word across the join (the segmenter says so); or
 *  2. the word before it cannot end a phrase (การ, ของ, ใน, ให้, …); or
 *  3. a greedy line breaker would have wrapped there (the word after it
 *     would not have fitted on the line so far) and nothing marks a phrase
 *     break: a label before it (ประเด็น, ๆ) or a conjunction after it
 *     (และ, หรือ, โดย, เพื่อ, …).
 * A space before ๆ or an abbreviation (พ.ศ., อบต.) is always kept.
 */
export function repairWrappedThai(s: string): string {
  return s
    .split(/([\t\n\r]+)/)
    .map((part, i) => (i % 2 === 1 ? part : repairCell(part)))
    .join('');
}

/** Words that need what follows them: a wrap after them is not a phrase break. */
const BOUND_LEFT = new Set(
  'การ ความ ผู้ นัก ของ ใน ที่ ให้ มี ใช้ อย่าง เป็น กับ ตาม จาก แก่ ต่อ ซึ่ง และ หรือ โดย เพื่อ จะ ไม่ ยัง ทาง แห่ง ด้วย สู่ ถึง ไว้ ระหว่าง ทั้ง เกี่ยวกับ ตลอด จน'.split(
    ' ',
  ),
);
/** Words that open a new phrase: a space before them is the writer's. */
const PHRASE_START = new Set(
  'และ หรือ โดย เพื่อ ซึ่ง เช่น ได้แก่ ทั้งนี้ ตลอดจน รวมถึง รวมทั้ง แต่ จึง ณ ตั้งแต่ ผ่าน ๆ ฯลฯ พร้อม ดังนี้ นอกจากนี้ อีกทั้ง'.split(
    ' ',
  ),
);
/** Words after which a writer puts a space: labels and the repetition mark. */
const LABEL_LEFT = new Set('ประเด็น ๆ ฯลฯ ได้แก่ เช่น คือ'.split(' '));

/** The repetition mark takes a space before it (ต่าง ๆ), joined or not. */
const KEEP_BEFORE = /^(ๆ|[\u0e01-\u0e2e]{1,3}\.)/; // ๆ, or an abbreviation such as พ.ศ. or อบต.

/** Tolerance on the estimated line width: character counts only approximate rendered widths. */
const SLACK = 0.95;

const THAI_LEFT = /[\u0e01-\u0e3a\u0e40-\u0e4e]$/; // letter, vowel or mark; not a digit
const THAI_RIGHT = /^[\u0e01-\u0e2e\u0e40-\u0e44\u0e46]/; // consonant, leading vowel or ๆ

interface Candidate {
  start: number; // index of the first space of the run
  end: number; // index after the run
}

function candidatesOf(cell: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of cell.matchAll(/ +/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (start > 0 && THAI_LEFT.test(cell.slice(start - 1, start)) && THAI_RIGHT.test(cell.slice(end, end + 1))) {
      out.push({ start, end });
    }
  }
  return out;
}

function repairCell(cell: string): string {
  const cands = candidatesOf(cell);
  if (cands.length === 0) return cell;
  // One segmentation, of the text with every candidate space closed up: a
  // segment crossing a join says the space was inside a word; otherwise the
  // segments either side of the join are the words either side of the space.
  const { joined, joins, toJoined } = closeUp(cell, cands);
  const words = new WordBreaks(joined);
  // the word starting at a joined offset, asked for by the line filler and by the decisions: once each
  const starts = new Map<number, string | undefined>();
  const startingAt = (j: number): string | undefined => {
    if (!starts.has(j)) {
      const g = words.segmentAt(j);
      starts.set(j, g.index === j ? g.text : undefined);
    }
    return starts.get(j);
  };
  // where a line breaker would have wrapped: worked out only if a decision comes down to it
  let wrapPoints: Set<number> | null = null;
  const wrappedAt = (at: number): boolean => (wrapPoints ??= lineFill(cell, (x) => startingAt(toJoined(x)))).has(at);
  let out = '';
  let last = 0;
  cands.forEach((c, i) => {
    const j = joins[i] ?? 0;
    const before = words.segmentAt(j - 1);
    const inside = before.index + before.text.length > j;
    const remove = decide(inside, inside ? '' : before.text, () => startingAt(j) ?? '', cell.slice(c.end, c.end + 8), () => wrappedAt(c.start));
    out += cell.slice(last, c.start) + (remove ? '' : ' ');
    last = c.end;
  });
  return out + cell.slice(last);
}

/** The cell with candidate spaces removed, the join offsets, and a map from cell offsets to joined ones. */
function closeUp(cell: string, cands: Candidate[]): { joined: string; joins: number[]; toJoined: (at: number) => number } {
  let joined = '';
  const joins: number[] = [];
  let last = 0;
  for (const c of cands) {
    joined += cell.slice(last, c.start);
    joins.push(joined.length);
    last = c.end;
  }
  joined += cell.slice(last);
  const toJoined = (at: number): number => {
    let removed = 0;
    for (const c of cands) {
      if (c.end > at) break;
      removed += c.end - c.start;
    }
    return at - removed;
  };
  return { joined, joins, toJoined };
}

/** `right` (the word after the space) and `wrapped` are worked out only when what comes before leaves the question open. */
function decide(inside: boolean, left: string, right: () => string, rightText: string, wrapped: () => boolean): boolean {
  if (KEEP_BEFORE.test(rightText)) return false;
  if (inside) return true;
  if (LABEL_LEFT.has(left)) return false;
  if (BOUND_LEFT.has(left)) return true;
  if (PHRASE_START.has(right())) return false;
  return wrapped();
}

/** Display width in character cells: Thai combining marks (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E) take none. */
function width(s: string): number {
  let w = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e)) w--;
  }
  return w;
}

/**
 * The spaces at which a greedy line breaker would have wrapped this text:
 * taking the widest space-free chunk as the line width, a space is a wrap
 * point when the word after it would not have fitted on the line so far.
 */
function lineFill(cell: string, wordAt: (at: number) => string | undefined): Set<number> {
  const chunks: Array<{ start: number; text: string }> = [];
  for (const m of cell.matchAll(/[^ ]+/g)) chunks.push({ start: m.index ?? 0, text: m[0] });
  const W = Math.max(...chunks.map((c) => width(c.text))) * SLACK;
  const points = new Set<number>();
  let line = width(chunks[0]?.text ?? '');
  for (let k = 1; k < chunks.length; k++) {
    const c = chunks[k]!;
    const prev = chunks[k - 1]!;
    // the first word starts with the chunk's first character: when not even that fits, no need to segment
    if (line + 1 + width(c.text.charAt(0)) > W || line + 1 + width(wordAt(c.start) ?? c.text) > W) {
      points.add(prev.start + prev.text.length);
      line = width(c.text);
    } else line += 1 + width(c.text);
  }
  return points;
}

/**
 * Join two lines that a layout wrapped (a PDF paragraph or table cell). A
 * break that cut a word ("ปีงบประมา" / "ณ", "ลำ" / "ดับ": the segmenter reads
 * one word across the join) always closes up. Otherwise, in prose
 * (`{ prose: true }`: paragraphs and headings) Thai wraps between words
 * without a space, so a Thai–Thai join gets none unless a phrase mark says
 * the writer had one (a label such as ประเด็น before it, a conjunction such
 * as และ/หรือ/โดย after it); in a table cell the space stays, for the
 * recognisers to judge (a line break between unit names is a separator).
 */
export function joinWrappedLines(a: string, b: string, opts: { prose?: boolean } = {}): string {
  if (a === '') return b;
  if (b === '') return a;
  if (!THAI_LEFT.test(a) || !THAI_RIGHT.test(b) || KEEP_BEFORE.test(b)) return `${a} ${b}`;
  const head = a.slice(-30);
  const words = new WordBreaks(head + b.slice(0, 30));
  // a's last character is Thai, not a space: its segment is the word before the join, or one across it
  const left = words.segmentAt(head.length - 1);
  if (left.index + left.text.length > head.length) return a + b;
  if (!opts.prose) return `${a} ${b}`;
  const right = words.segmentAt(head.length).text;
  return LABEL_LEFT.has(left.text) || PHRASE_START.has(right) || /ๆ$/.test(a) ? `${a} ${b}` : a + b;
}
