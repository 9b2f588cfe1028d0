/**
 * Large marks taken off a page before recognition (marks.ts): a stamp's
 * ring over a paragraph on a page whose colour is lost, drawn here on a
 * synthetic 1-bit-like page; tables and letters stay.
 */
import { describe, expect, it } from 'vitest';
import { withoutLargeMarks } from '../../src/ocr/marks.js';
import { findRules } from '../../src/ocr/rules.js';
import type { GreyImage } from '../../src/ocr/types.js';

const H = 15;
const W = 900;
const HT = 600;

function blank(): GreyImage & { set: (x: number, y: number) => void; at: (x: number, y: number) => number } {
  const data = new Uint8Array(W * HT).fill(250);
  return {
    width: W,
    height: HT,
    data,
    set: (x, y) => {
      if (x >= 0 && y >= 0 && x < W && y < HT) data[y * W + x] = 20;
    },
    at: (x, y) => data[y * W + x] as number,
  };
}

/** Lines of letter-like ink (loops a letter wide, H tall) from y0 on, every 2.2 H, between x0 and x1. */
function paragraph(p: ReturnType<typeof blank>, x0: number, x1: number, y0: number, lines: number): void {
  for (let l = 0; l < lines; l++) {
    const y = y0 + Math.round(l * 2.2 * H);
    for (let u = x0; u + 9 < x1; u += 13) {
      for (let t = 0; t < H; t++) {
        p.set(u, y + t);
        p.set(u + 8, y + t);
      }
      for (let t = 0; t <= 8; t++) {
        p.set(u + t, y);
        p.set(u + t, y + H - 1);
      }
    }
  }
}

/** A ring of radius r, 4 px thick, centred at (cx, cy). */
function ring(p: ReturnType<typeof blank>, cx: number, cy: number, r: number): void {
  for (let y = cy - r; y <= cy + r; y++) for (let x = cx - r; x <= cx + r; x++) {
    const d = Math.hypot(x - cx, y - cy);
    if (d <= r && d >= r - 4) p.set(x, y);
  }
}

describe('withoutLargeMarks', () => {
  it('turns a stamp\'s ring over a paragraph to paper, the lines beside it kept', () => {
    const p = blank();
    paragraph(p, 40, 860, 40, 8);
    ring(p, 600, 150, 90);
    const rules = findRules(p, 0, H);
    const out = withoutLargeMarks(p, H, 200, 250, rules);
    expect(out.marks).toBe(1);
    const img = out.image;
    const dark = (x: number, y: number) => (img.data[y * W + x] as number) < 200;
    // the ring's leftmost and rightmost points: paper
    expect(dark(511, 150)).toBe(false);
    expect(dark(689, 150)).toBe(false);
    // letters far from the ring: kept (a loop's left stroke at x = 40, first and last line)
    expect(dark(40, 45)).toBe(true);
    expect(dark(40, 40 + Math.round(7 * 2.2 * H) + 5)).toBe(true);
    // the page itself is not changed
    expect(p.at(511, 150)).toBe(20);
  });

  it('leaves a ruled table (its rules run along its box) and a page of text alone', () => {
    const p = blank();
    paragraph(p, 40, 860, 40, 3);
    for (const y of [200, 260, 500]) for (let x = 100; x <= 800; x++) p.set(x, y);
    for (const x of [100, 400, 800]) for (let y = 200; y <= 500; y++) p.set(x, y);
    paragraph(p, 110, 390, 270, 4);
    const out = withoutLargeMarks(p, H, 200, 250, findRules(p, 0, H));
    expect(out.marks).toBe(0);
    expect(out.image).toBe(p);
  });
});
