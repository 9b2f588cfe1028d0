/** Number decisions with the digit net's scores (src/ocr/numbers.ts). */
import { describe, expect, it } from 'vitest';
import { type NumberCandidate, decide } from '../../src/ocr/numbers.js';
import { netScores } from '../../src/ocr/digit-net.js';

/** A glyph the net is this sure of (probability of `digit`, the rest spread over the others). */
function glyph(raw: string, digit: string, p: number): NumberCandidate['glyphs'][number] {
  const probs = new Float32Array(11).fill((1 - p) / 10);
  probs['๐๑๒๓๔๕๖๗๘๙'.indexOf(digit)] = p;
  return { raw, scores: netScores(probs) };
}

function year(raw: string, glyphs: NumberCandidate['glyphs'], before = 'มีนาคม '): NumberCandidate {
  return { page: 1, kind: 'year', token: { line: 0, words: [0], raw, before, after: '', cued: false }, glyphs };
}

describe('number decisions on the net\'s scores', () => {
  it('re-reads a digit the model wrote as one it is not known to confuse it with, when the glyph is clear (๒๕๒๑ for ๒๕๖๖)', () => {
    const c = year('๒๕๒๑', [glyph('๒', '๒', 0.98), glyph('๕', '๕', 0.97), glyph('๒', '๖', 0.95), glyph('๑', '๖', 0.9)]);
    const d = decide(c);
    expect(d.text).toBe('๒๕๖๖');
    expect(d.sure).toBe(true);
  });

  it('keeps what the model wrote when the glyph is not clearly another digit', () => {
    // ๑ wrote, the net leans to ๖ but without conviction: 2521 stays, unsure (no plausible year)
    const c = year('๒๕๒๑', [glyph('๒', '๒', 0.98), glyph('๕', '๕', 0.97), glyph('๒', '๒', 0.9), glyph('๑', '๖', 0.3)]);
    const d = decide(c);
    expect(d.text).toBe('๒๕๒๑');
    expect(d.sure).toBe(false);
  });
});
