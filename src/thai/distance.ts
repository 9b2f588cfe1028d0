/**
 * The fewest edits (insertions, deletions, substitutions) that turn `needle`
 * into some substring of `hay`: how far `needle` is from occurring in `hay`
 * (0 when it does). A word found inside text with OCR's misreadings.
 * Semi-global edit distance, O(|needle| · |hay|).
 */
export function substringDistance(needle: string, hay: string): number {
  let prev = new Array<number>(hay.length + 1).fill(0); // a match may start anywhere in hay
  for (let i = 1; i <= needle.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hay.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (needle[i - 1] === hay[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(...prev); // and end anywhere
}
