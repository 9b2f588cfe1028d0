/**
 * The number stage's last step: the page's words rewritten with the
 * decisions taken on their number tokens (numbers.ts decides).
 */
import type { NumberDecision } from './numbers.js';
import type { OcrWord } from './types.js';

/**
 * Words with the decisions applied: a changed token's text goes to its
 * first word (box widened to the token), its other words are removed.
 */
export function applyDecisions(words: readonly OcrWord[], decisions: readonly NumberDecision[]): OcrWord[] {
  const replace = new Map<number, OcrWord>();
  const drop = new Set<number>();
  for (const d of decisions) {
    if (!d.changed) continue;
    const idx = d.candidate.token.words;
    const first = idx[0];
    if (first === undefined) continue;
    const ws = idx.map((i) => words[i] as OcrWord);
    // a closing bracket the last word held stays after the number
    const bracket = d.candidate.token.x1 !== undefined ? (ws[ws.length - 1]?.text.slice(-1) ?? '') : '';
    replace.set(first, {
      ...(words[first] as OcrWord),
      text: d.text + bracket,
      bbox: {
        x0: Math.min(...ws.map((w) => w.bbox.x0)),
        y0: Math.min(...ws.map((w) => w.bbox.y0)),
        x1: Math.max(...ws.map((w) => w.bbox.x1)),
        y1: Math.max(...ws.map((w) => w.bbox.y1)),
      },
    });
    for (const i of idx.slice(1)) drop.add(i);
  }
  const out: OcrWord[] = [];
  words.forEach((w, i) => {
    if (drop.has(i)) return;
    out.push(replace.get(i) ?? w);
  });
  return out;
}
