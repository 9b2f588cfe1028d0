/**
 * A small neural digit recogniser for the OCR number repair.
 *
 * Tesseract's Thai model has no ๔ ๖ ๗ ๘ ๙ in its character set, so the
 * digits of a number are read again from the page image: each glyph the
 * repair cuts out (_number-glyphs.ts) goes through a two-layer perceptron
 * that answers one of the ten Thai digits or "not one digit" (a letter, half
 * a digit, two digits touching, a digit with a mark stuck to it).
 *
 * Input: the glyph's ink (1 − grey/paper) area-averaged onto NET_SIZE ×
 * NET_SIZE, aspect kept, scaled so its darkest cell is 1; plus the glyph's
 * log aspect ratio and its height, top and bottom relative to the digits'
 * body band (the hooks of ๕ ๗ ๙ rise above it, ๑ ๒ do not).
 *
 * The weights (_digit-net.ts, int8 with a scale per neuron) are made by
 * scripts/train-digits.ts from glyphs rendered with the Thai fonts Debian
 * and npm ship, degraded as scans are; see that script.
 */
import { DIGIT_NET } from './_digit-net.js';
import type { BBox, GreyImage } from './types.js';

export const NET_SIZE = 20;
/** The classes the net answers, in output order; the last one is "not one digit". */
export const NET_CLASSES = ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙', 'x'] as const;
export const NET_INPUTS = NET_SIZE * NET_SIZE + 4;

/** Dense layers: weights [out][in] row-major, bias [out]. */
export interface NetLayer {
  inputs: number;
  outputs: number;
  w: Float32Array;
  b: Float32Array;
}

export type Net = NetLayer[];

/** The digits' body band in the coordinates of the glyph's image. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * The net's input for the glyph in `box` of `img` (an image where only the
 * glyph's ink is left, as glyphImage makes it).
 */
export function netInput(img: GreyImage, box: BBox, paper: number, body: Band): Float32Array {
  const n = NET_SIZE;
  const out = new Float32Array(NET_INPUTS);
  const bw = Math.max(1, box.x1 - box.x0);
  const bh = Math.max(1, box.y1 - box.y0);
  const side = Math.max(bw, bh);
  const ox = box.x0 - (side - bw) / 2;
  const oy = box.y0 - (side - bh) / 2;
  const scale = side / n;
  const lift = Math.max(1, paper);
  let max = 0;
  for (let gy = 0; gy < n; gy++) {
    for (let gx = 0; gx < n; gx++) {
      let sum = 0;
      for (let sy = 0; sy < 3; sy++) {
        for (let sx = 0; sx < 3; sx++) {
          const x = Math.floor(ox + (gx + (sx + 0.5) / 3) * scale);
          const y = Math.floor(oy + (gy + (sy + 0.5) / 3) * scale);
          if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1 && x >= 0 && y >= 0 && x < img.width && y < img.height) {
            sum += Math.max(0, 1 - (img.data[y * img.width + x] ?? 255) / lift);
          }
        }
      }
      const v = sum / 9;
      out[gy * n + gx] = v;
      if (v > max) max = v;
    }
  }
  if (max > 0) for (let i = 0; i < n * n; i++) out[i] = (out[i] as number) / max;
  const band = Math.max(1, body.bottom - body.top);
  out[n * n] = Math.log(bw / bh);
  out[n * n + 1] = bh / band - 1;
  out[n * n + 2] = (box.y0 - body.top) / band;
  out[n * n + 3] = (box.y1 - body.bottom) / band;
  return out;
}

/** Class probabilities (softmax of the last layer) for one input. */
export function netForward(net: Net, input: Float32Array): Float32Array {
  let x = input;
  net.forEach((layer, li) => {
    const y = new Float32Array(layer.outputs);
    for (let o = 0; o < layer.outputs; o++) {
      let s = layer.b[o] as number;
      const row = o * layer.inputs;
      for (let i = 0; i < layer.inputs; i++) s += (layer.w[row + i] as number) * (x[i] as number);
      y[o] = li < net.length - 1 ? Math.max(0, s) : s;
    }
    x = y;
  });
  return softmax(x);
}

export function softmax(z: Float32Array): Float32Array {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of z) m = Math.max(m, v);
  const p = new Float32Array(z.length);
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    p[i] = Math.exp((z[i] as number) - m);
    s += p[i] as number;
  }
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) / s;
  return p;
}

/* ------------------------------------------------------------------------ */
/* Shipped weights                                                           */
/* ------------------------------------------------------------------------ */

/** Layers as shipped: sizes, int8 weights in base64, one float scale per output, float biases. */
export interface PackedLayer {
  inputs: number;
  outputs: number;
  w: string;
  scale: number[];
  b: number[];
}

/** Packs float layers as int8 per output row (the generated file's form). */
export function packNet(net: Net): PackedLayer[] {
  return net.map((l) => {
    const bytes = Buffer.alloc(l.inputs * l.outputs);
    const scale: number[] = [];
    for (let o = 0; o < l.outputs; o++) {
      let m = 0;
      for (let i = 0; i < l.inputs; i++) m = Math.max(m, Math.abs(l.w[o * l.inputs + i] as number));
      const s = m / 127 || 1;
      scale.push(Number(s.toPrecision(6)));
      for (let i = 0; i < l.inputs; i++) bytes.writeInt8(Math.round((l.w[o * l.inputs + i] as number) / (scale[o] as number)), o * l.inputs + i);
    }
    return { inputs: l.inputs, outputs: l.outputs, w: bytes.toString('base64'), scale, b: [...l.b].map((v) => Number(v.toPrecision(6))) };
  });
}

export function unpackNet(packed: readonly PackedLayer[]): Net {
  return packed.map((p) => {
    const bytes = Buffer.from(p.w, 'base64');
    const w = new Float32Array(p.inputs * p.outputs);
    for (let o = 0; o < p.outputs; o++) {
      for (let i = 0; i < p.inputs; i++) w[o * p.inputs + i] = bytes.readInt8(o * p.inputs + i) * (p.scale[o] as number);
    }
    return { inputs: p.inputs, outputs: p.outputs, w, b: Float32Array.from(p.b) };
  });
}

let shipped: Net | null = null;

/** The shipped net, decoded once. */
export function digitNet(): Net {
  shipped ??= unpackNet(DIGIT_NET.layers);
  return shipped;
}

/**
 * Digit scores from the net's probabilities, on the template matcher's
 * scale (0 = certain; the repair's costs were tuned on it): 0.05 + 0.1 ×
 * −ln p, at most 0.9. A glyph the net calls "not one digit" gets a high
 * distance for every digit.
 */
export function netScores(p: Float32Array, among?: string): Array<{ digit: string; distance: number }> {
  const out: Array<{ digit: string; distance: number }> = [];
  for (let k = 0; k < 10; k++) {
    const digit = NET_CLASSES[k] as string;
    if (among && !among.includes(digit)) continue;
    out.push({ digit, distance: Math.min(0.9, 0.05 + 0.1 * -Math.log(Math.max(1e-12, p[k] as number))) });
  }
  return out.sort((a, b) => a.distance - b.distance);
}
