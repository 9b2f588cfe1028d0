/**
 * Trains the digit recogniser of the OCR number repair and writes its
 * weights to src/ocr/_digit-net.ts.
 *
 *   npx tsx scripts/train-digits.ts [--seed 16] [--lines 250] [--epochs 10] [--report FILE.md] [--dry]
 *
 * Fonts: the TLWG families of Debian's fonts-thai-tlwg (in
 * /usr/share/fonts/truetype/tlwg, or TLWG_FONT_DIR) and the Thai fonts of
 * the @fontsource devDependencies (Sarabun, Noto Sans/Serif Thai). Norasi
 * and IBM Plex Sans Thai Looped are held out, as are the harsher
 * degradations of HELD_OUT_DEGRADATION: on those the script prints (and
 * with --report writes) the per-digit confusion of the net and of the
 * template matcher it replaces (templates of the held-out fonts left out).
 * --dry trains and reports without writing the weights.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyGlyph } from '../src/ocr/digits.js';
import { NET_CLASSES, netForward, packNet } from '../src/ocr/digit-net.js';
import { HELD_OUT_DEGRADATION, REJECT, type Sample, TRAIN_DEGRADATION, THAI_DIGITS, generate, heldOutFonts, trainingFonts } from './_digit-data.js';
import { DEFAULT_TRAINING, netHash, predict, trainNet } from './_digit-train.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const seed = arg('seed', 16);
const lines = arg('lines', 250);
const epochs = arg('epochs', DEFAULT_TRAINING.epochs);
const reportAt = args.includes('--report') ? args[args.indexOf('--report') + 1] : undefined;
const dry = args.includes('--dry');

const t0 = Date.now();
const log = (s: string): void => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${s}`);
const train = await generate({ fonts: trainingFonts(), seed, linesPerFont: lines, degradation: TRAIN_DEGRADATION });
log(`${train.length} training glyphs (${train.filter((s) => s.label === REJECT).length} not one digit)`);
const evalLines = Math.max(20, Math.round(lines / 2));
const sets: Array<[string, Sample[]]> = [
  ['held-out fonts, training degradations', await generate({ fonts: heldOutFonts(), seed: seed + 1, linesPerFont: evalLines, degradation: TRAIN_DEGRADATION })],
  ['held-out fonts, held-out degradations', await generate({ fonts: heldOutFonts(), seed: seed + 2, linesPerFont: evalLines, degradation: HELD_OUT_DEGRADATION })],
];
log(`evaluation glyphs: ${sets.map(([n, s]) => `${n}: ${s.length}`).join('; ')}`);
const net = trainNet(train, { ...DEFAULT_TRAINING, seed, epochs }, log);
const hash = netHash(net);
log(`weights hash ${hash}`);

/** Per-digit accuracy and most frequent confusions, as markdown. */
function confusion(samples: Sample[], name: string): string {
  const digits = samples.filter((s) => s.label < 10);
  const rejects = samples.filter((s) => s.label === REJECT);
  const netAll = predict(net, samples);
  const netOf = new Map(samples.map((s, i) => [s, netAll[i] as number]));
  // the net's best digit (ignoring "not one digit"), as the repair ranks digits
  const netDigit = (s: Sample): number => {
    const p = netForward(net, s.x);
    let arg = 0;
    for (let k = 1; k < 10; k++) if ((p[k] as number) > (p[arg] as number)) arg = k;
    return arg;
  };
  const tplDigit = (s: Sample): number => THAI_DIGITS.indexOf(classifyGlyph({ ink: s.ink, aspect: s.aspect }, { excludeFonts: /^Norasi/ })[0]?.digit ?? '');
  const rows: string[] = [];
  rows.push(`#### ${name}`, '', `${digits.length} digit glyphs, ${rejects.length} "not one digit" boxes`, '');
  rows.push('| digit | n | templates right | templates read it as | net right | net read it as |', '|---|---:|---:|---|---:|---|');
  let tRight = 0;
  let nRight = 0;
  for (let d = 0; d < 10; d++) {
    const ds = digits.filter((s) => s.label === d);
    const t = ds.map(tplDigit);
    const n = ds.map(netDigit);
    const top = (xs: number[]): string => {
      const c = new Map<number, number>();
      for (const x of xs) if (x !== d) c.set(x, (c.get(x) ?? 0) + 1);
      return [...c.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k < 0 ? '?' : NET_CLASSES[k]} ${v}`)
        .join(', ');
    };
    const tr = t.filter((x) => x === d).length;
    const nr = n.filter((x) => x === d).length;
    tRight += tr;
    nRight += nr;
    const pct = (k: number): string => (ds.length ? ((100 * k) / ds.length).toFixed(1) : '–');
    rows.push(`| ${THAI_DIGITS[d]} | ${ds.length} | ${pct(tr)} % | ${top(t)} | ${pct(nr)} % | ${top(n)} |`);
  }
  const pct = (k: number, n: number): string => ((100 * k) / Math.max(1, n)).toFixed(1);
  rows.push(`| all | ${digits.length} | ${pct(tRight, digits.length)} % | | ${pct(nRight, digits.length)} % | |`, '');
  const rejRight = rejects.filter((s) => netOf.get(s) === REJECT).length;
  const digitsRejected = digits.filter((s) => netOf.get(s) === REJECT).length;
  rows.push(
    `Net: "not one digit" boxes called so ${pct(rejRight, rejects.length)} %; digit glyphs called "not one digit" ${pct(digitsRejected, digits.length)} % (their best digit is counted above).`,
    '',
  );
  return rows.join('\n');
}

const report = [
  `Digit recogniser: seed ${seed}, ${lines} lines per font, ${epochs} epochs, ${train.length} training glyphs, weights hash ${hash}.`,
  '',
  ...sets.map(([n, s]) => confusion(s, n)),
].join('\n');
console.log(report);
if (reportAt) writeFileSync(reportAt, `${report}\n`);
if (!dry) {
  const out = [
    '/**',
    ' * Weights of the digit recogniser (src/ocr/digit-net.ts), int8 with a',
    ` * scale per neuron. Generated by scripts/train-digits.ts --seed ${seed} --lines ${lines} --epochs ${epochs}; do not edit.`,
    ' */',
    "import type { PackedLayer } from './digit-net.js';",
    '',
    `export const DIGIT_NET: { seed: number; hash: string; layers: PackedLayer[] } = ${JSON.stringify({ seed, hash, layers: packNet(net) })};`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'src/ocr/_digit-net.ts'), out);
  log(`wrote src/ocr/_digit-net.ts (${out.length} bytes)`);
}
