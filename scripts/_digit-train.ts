/**
 * Training of the digit recogniser (src/ocr/digit-net.ts): a perceptron
 * with two hidden ReLU layers and a softmax, cross-entropy, Adam, seeded
 * initialisation and shuffling: the same samples and seed give the same
 * weights, bit for bit (one thread, a fixed order of float operations).
 */
import { createHash } from 'node:crypto';
import { NET_CLASSES, type Net, type NetLayer, netForward, packNet } from '../src/ocr/digit-net.js';
import { rng } from './_digit-data.js';

export interface TrainOptions {
  seed: number;
  hidden: number[];
  epochs: number;
  batch: number;
  learningRate: number;
  /** L2 weight decay. */
  decay: number;
}

export const DEFAULT_TRAINING: TrainOptions = { seed: 16, hidden: [128, 64], epochs: 8, batch: 32, learningRate: 0.002, decay: 1e-4 };

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(1e-12, r()))) * Math.cos(2 * Math.PI * r());
}

/** He-initialised layers. */
function initNet(inputs: number, hidden: number[], outputs: number, r: () => number): Net {
  const sizes = [inputs, ...hidden, outputs];
  const net: Net = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const n = sizes[l] as number;
    const m = sizes[l + 1] as number;
    const w = new Float32Array(n * m);
    const sd = Math.sqrt(2 / n);
    for (let i = 0; i < w.length; i++) w[i] = gauss(r) * sd;
    net.push({ inputs: n, outputs: m, w, b: new Float32Array(m) });
  }
  return net;
}

export interface LabelledInput {
  x: Float32Array;
  label: number;
}

/** Trains a net on the samples; `log` hears one line per epoch. */
export function trainNet(samples: readonly LabelledInput[], o: TrainOptions = DEFAULT_TRAINING, log: (s: string) => void = () => {}): Net {
  const r = rng(o.seed);
  const inputs = (samples[0] as LabelledInput).x.length;
  const net = initNet(inputs, o.hidden, NET_CLASSES.length, r);
  const L = net.length;
  const gw = net.map((l) => new Float32Array(l.w.length));
  const gb = net.map((l) => new Float32Array(l.b.length));
  const mw = net.map((l) => new Float32Array(l.w.length));
  const vw = net.map((l) => new Float32Array(l.w.length));
  const mb = net.map((l) => new Float32Array(l.b.length));
  const vb = net.map((l) => new Float32Array(l.b.length));
  const b1 = 0.9;
  const b2 = 0.999;
  let step = 0;
  const order = samples.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    // cosine learning-rate decay over the epochs
    const lr = o.learningRate * 0.5 * (1 + Math.cos((Math.PI * epoch) / o.epochs));
    let loss = 0;
    let right = 0;
    for (let start = 0; start < order.length; start += o.batch) {
      const batch = order.slice(start, start + o.batch);
      for (const g of gw) g.fill(0);
      for (const g of gb) g.fill(0);
      for (const si of batch) {
        const s = samples[si] as LabelledInput;
        // forward, keeping activations
        const acts: Float32Array[] = [s.x];
        for (let l = 0; l < L; l++) {
          const layer = net[l] as NetLayer;
          const x = acts[l] as Float32Array;
          const y = new Float32Array(layer.outputs);
          for (let k = 0; k < layer.outputs; k++) {
            let sum = layer.b[k] as number;
            const row = k * layer.inputs;
            for (let i = 0; i < layer.inputs; i++) sum += (layer.w[row + i] as number) * (x[i] as number);
            y[k] = l < L - 1 ? Math.max(0, sum) : sum;
          }
          acts.push(y);
        }
        const z = acts[L] as Float32Array;
        let m = Number.NEGATIVE_INFINITY;
        for (const v of z) m = Math.max(m, v);
        let den = 0;
        for (const v of z) den += Math.exp(v - m);
        let delta = new Float32Array(z.length);
        let arg = 0;
        for (let k = 0; k < z.length; k++) {
          const p = Math.exp((z[k] as number) - m) / den;
          delta[k] = p - (k === s.label ? 1 : 0);
          if ((z[k] as number) > (z[arg] as number)) arg = k;
          if (k === s.label) loss -= Math.log(Math.max(1e-12, p));
        }
        if (arg === s.label) right++;
        // backward
        for (let l = L - 1; l >= 0; l--) {
          const layer = net[l] as NetLayer;
          const x = acts[l] as Float32Array;
          const gwl = gw[l] as Float32Array;
          const gbl = gb[l] as Float32Array;
          const prev = l > 0 ? new Float32Array(layer.inputs) : null;
          for (let k = 0; k < layer.outputs; k++) {
            const d = delta[k] as number;
            if (d === 0) continue;
            gbl[k] = (gbl[k] as number) + d;
            const row = k * layer.inputs;
            for (let i = 0; i < layer.inputs; i++) {
              gwl[row + i] = (gwl[row + i] as number) + d * (x[i] as number);
              if (prev) prev[i] = (prev[i] as number) + d * (layer.w[row + i] as number);
            }
          }
          if (prev) {
            for (let i = 0; i < prev.length; i++) if ((x[i] as number) <= 0) prev[i] = 0;
            delta = prev;
          }
        }
      }
      // Adam
      step++;
      const c1 = 1 - b1 ** step;
      const c2 = 1 - b2 ** step;
      for (let l = 0; l < L; l++) {
        const layer = net[l] as NetLayer;
        const update = (p: Float32Array, g: Float32Array, mm: Float32Array, vv: Float32Array, decay: number): void => {
          for (let i = 0; i < p.length; i++) {
            const gi = (g[i] as number) / batch.length + decay * (p[i] as number);
            mm[i] = b1 * (mm[i] as number) + (1 - b1) * gi;
            vv[i] = b2 * (vv[i] as number) + (1 - b2) * gi * gi;
            p[i] = (p[i] as number) - (lr * ((mm[i] as number) / c1)) / (Math.sqrt((vv[i] as number) / c2) + 1e-8);
          }
        };
        update(layer.w, gw[l] as Float32Array, mw[l] as Float32Array, vw[l] as Float32Array, o.decay);
        update(layer.b, gb[l] as Float32Array, mb[l] as Float32Array, vb[l] as Float32Array, 0);
      }
    }
    log(`epoch ${epoch + 1}/${o.epochs}: loss ${(loss / order.length).toFixed(4)}, train accuracy ${((100 * right) / order.length).toFixed(2)} %`);
  }
  return net;
}

/** SHA-256 of the packed (shipped) form of the net, hex, first 16 characters. */
export function netHash(net: Net): string {
  return createHash('sha256').update(JSON.stringify(packNet(net))).digest('hex').slice(0, 16);
}

/** Predicted class per sample. */
export function predict(net: Net, samples: readonly LabelledInput[]): number[] {
  return samples.map((s) => {
    const p = netForward(net, s.x);
    let arg = 0;
    for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[arg] as number)) arg = k;
    return arg;
  });
}
