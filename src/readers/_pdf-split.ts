/**
 * PDF reader, text side: one run cut in two where two cells' texts meet
 * (pdfjs joins text drawn close together into one item, even across a
 * table's rule). Used by the ruled grid (_pdf-layout.ts) and the text
 * columns (_pdf-columns.ts).
 */
import { LEADING_VOWEL, type Run, ZERO_ADVANCE } from './_pdf-text.js';

/**
 * pdfjs joins text drawn close together into one item, inserting a space
 * for the gap, even across a table's column boundary. Splits `r` at the
 * space whose estimated position (characters spread evenly over the run's
 * width, marks taking none) is nearest to `x`. At a drawn rule
 * (`ruled`), also where there is no space (a writer that pads cells by a
 * pixel: the gap between two cells' texts is under a quarter of the font
 * size and no space is put in, "๑.กอง", "123" over three columns): at
 * the change of script nearest to `x` (a number or sign against a letter,
 * Latin against Thai) or between numbers and signs, never inside a word of
 * one script. Null when there is nowhere to split within
 * a character of `x`, or `x` is not inside it.
 */
export function splitRun(r: Run, x: number, ruled = false): [Run, Run] | null {
  if (x <= r.x || x >= r.x + r.w) return null;
  const t = r.text;
  let total = 0;
  for (const ch of t) total += ZERO_ADVANCE.test(ch) ? 0 : 1;
  if (total === 0) return null;
  const charW = r.w / total;
  let best = -1;
  let bestDist = Infinity;
  let cut = -1;
  let cutDist = Infinity;
  let acc = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === ' ' && i > 0 && i < t.length - 1) {
      const d = Math.abs(r.x + charW * (acc + 0.5) - x);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    } else if (ruled && i > 0 && !ZERO_ADVANCE.test(ch) && cuttable(t[i - 1]!, ch)) {
      // a closing sign stays with the text before it ("มิ.ย." | "ก.ค.", not "มิ.ย" | ".ก.ค"): cutting before one costs a character
      const d = Math.abs(r.x + charW * acc - x) + (CLOSING.test(ch) ? charW : 0);
      if (d < cutDist) {
        cutDist = d;
        cut = i;
      }
    }
    acc += ZERO_ADVANCE.test(ch) ? 0 : 1;
  }
  // a space is where two cells' texts meet unless a cut is clearly nearer
  const useCut = cut >= 0 && cutDist <= charW && (best < 0 || cutDist + charW / 4 < bestDist);
  if (best < 0 && !useCut) return null;
  const at = useCut ? cut : best;
  let leftChars = 0;
  for (const ch of t.slice(0, at)) leftChars += ZERO_ADVANCE.test(ch) ? 0 : 1;
  const leftW = charW * leftChars;
  const rightX = Math.max(x, r.x + leftW);
  const left: Run = { ...r, text: t.slice(0, at), w: leftW };
  const right: Run = { ...r, text: t.slice(useCut ? at : at + 1), x: rightX, w: Math.max(0, r.x + r.w - rightX) };
  return [left, right];
}

/** Signs that end the text before them: an abbreviation's dot, a comma, a closing bracket, per cent. */
const CLOSING = /[.,;:)\]%]/;

/** Two characters a rule may stand between: a change of script, or a number or sign on either side ("123" over three quarter columns); never two letters of one script, nor a code's letter and its number. */
function cuttable(a: string, b: string): boolean {
  // a space on either side is a space to split at, not a cut (the right part would open with it)
  if (a === ' ' || b === ' ' || LEADING_VOWEL.test(a)) return false;
  // an index code's letter and number ("I9", "O13") stay together
  if (/[A-Za-z]/.test(a) && /[0-9๐-๙]/.test(b)) return false;
  const sa = scriptOf(a);
  const sb = scriptOf(b);
  return sa !== sb || sa === 'other';
}

/** A character's kind for splitting: Thai letters, Latin letters, or anything else (digits of both scripts, signs, marks like ✔). */
function scriptOf(ch: string): 'thai' | 'latin' | 'other' {
  if (/[\u0e01-\u0e4e]/.test(ch)) return 'thai';
  if (/[A-Za-z]/.test(ch)) return 'latin';
  return 'other';
}
