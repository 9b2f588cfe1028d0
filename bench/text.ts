/**
 * Text inputs: throughput of the whole recognition (extract() on the corpus
 * texts, in this thread: MB per CPU-second = MB/s per core) and the share of
 * each stage, timed by calling the pipeline's own exported functions in the
 * order extract() does (src/extract.ts → src/ita/recognise.ts):
 *
 *   read       readDocument(bytes, 'text')       text → blocks
 *   normalise  normaliseBlocks                    normalizeThai on every text
 *   header     recogniseHeader                    title, organisation, years
 *   body       walkBody                           entries (wrap repair inside)
 *   sections   resolveSections
 *   links      linkParts + reconcileLinkedCodes   results rows → analysis rows
 *   catalogue  assessmentYearOf + applyCatalogue  item codes → questions
 *   validate   ItaDocumentSchema.safeParse        (zod)
 *
 * extract() end to end is timed too: a staged sum well below it means
 * recognise() has grown a stage this list lacks.
 *
 * Wrap repair (repairWrappedThai, ICU segmentation) runs inside the body
 * walk, on table cells: its share comes from V8's sampling profiler over
 * the same work (bench/_profile.ts), as do the shares of the Thai date
 * parser and normalizeThai.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract.js';
import { walkBody } from '../src/ita/body.js';
import { recogniseHeader } from '../src/ita/header.js';
import { applyCatalogue, assessmentYearOf } from '../src/ita/items.js';
import { linkParts, reconcileLinkedCodes } from '../src/ita/links.js';
import { normaliseBlocks } from '../src/ita/normalise.js';
import { resolveSections } from '../src/ita/resolve-sections.js';
import type { Block } from '../src/model/blocks.js';
import { ItaDocumentSchema } from '../src/model/schema.js';
import { readDocument } from '../src/readers/index.js';
import { profileShares } from './_profile.js';

const DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
export const STAGES = ['read', 'normalise', 'header', 'body', 'sections', 'links', 'catalogue', 'validate'] as const;
type Stage = (typeof STAGES)[number];

export interface TextBench {
  files: number;
  mb: number;
  /** extract() end to end: MB per CPU-second, and per wall second. */
  mbPerCpuS: number;
  mbPerS: number;
  /** Median ms per pass over the corpus, per stage, and extract() end to end. */
  stageMs: Record<Stage, number>;
  extractMs: number;
  /** Inclusive shares (0–1) of the staged work, from the profiler. */
  inside: Array<{ name: string; what: string; share: number }>;
  self: Array<[string, number]>;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function textLines(blocks: Block[]) {
  return blocks.flatMap((b) => (b.type === 'table' ? [] : [{ text: b.text, source: b.source }]));
}

/** One pass of the stages over every file; adds each stage's milliseconds to `t`. */
async function stagedPass(inputs: Array<{ name: string; bytes: Uint8Array; doc: unknown }>, t: Record<Stage, number>): Promise<void> {
  for (const { bytes, doc } of inputs) {
    let t0 = performance.now();
    const read = await readDocument(bytes, 'text');
    let t1 = performance.now();
    t.read += t1 - t0;
    t0 = t1;
    const blocks = normaliseBlocks(read.blocks);
    t1 = performance.now();
    t.normalise += t1 - t0;
    t0 = t1;
    const header = recogniseHeader(textLines(blocks));
    t1 = performance.now();
    t.header += t1 - t0;
    t0 = t1;
    const body = walkBody(blocks, header.fiscalYear?.be ?? null);
    t1 = performance.now();
    t.body += t1 - t0;
    t0 = t1;
    resolveSections(body.entries, body.entrySlots, body.slots);
    t1 = performance.now();
    t.sections += t1 - t0;
    t0 = t1;
    const links = linkParts(body.entries);
    const reconciled = reconcileLinkedCodes(body.entries, links);
    t1 = performance.now();
    t.links += t1 - t0;
    t0 = t1;
    applyCatalogue(reconciled.entries, assessmentYearOf(header.assessment.year, header.fiscalYear?.be ?? null));
    t1 = performance.now();
    t.catalogue += t1 - t0;
    t0 = t1;
    const v = ItaDocumentSchema.safeParse(doc);
    t1 = performance.now();
    t.validate += t1 - t0;
    if (!v.success) throw new Error('the corpus output does not validate');
  }
}

export async function benchText(rounds = 7): Promise<TextBench> {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
  const inputs: Array<{ name: string; bytes: Uint8Array; doc: unknown }> = [];
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(DIR + f));
    const doc = await extract(bytes, { fileName: f });
    if (doc.status !== 'ok') throw new Error(`${f}: ${doc.error?.code}`);
    inputs.push({ name: f, bytes, doc });
  }
  const mb = inputs.reduce((a, i) => a + i.bytes.byteLength, 0) / 1e6;
  // warm-up
  await stagedPass(inputs, Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>);
  const perStage: Record<Stage, number[]> = Object.fromEntries(STAGES.map((s) => [s, []])) as unknown as Record<Stage, number[]>;
  const extractMs: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    await stagedPass(inputs, t);
    for (const s of STAGES) perStage[s].push(t[s]);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const i of inputs) await extract(i.bytes, { fileName: i.name });
    extractMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const names = ['decodeText', 'textToBlocks', 'walkTable', 'walkText', 'repairWrappedThai', 'segmentAt', 'parseThaiPeriod', 'normalizeThai', 'linkParts', 'matchQuestion', 'safeParse'];
  const prof = await profileShares(async () => {
    const t = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (let r = 0; r < rounds; r++) await stagedPass(inputs, t);
  }, names);
  const what: Record<string, string> = {
    repairWrappedThai: 'wrap repair (table cells), of which ↓',
    segmentAt: '  ICU word segmentation (Intl.Segmenter)',
    parseThaiPeriod: 'Thai dates and periods',
    normalizeThai: 'normalizeThai (normalise stage and readers)',
    linkParts: 'linking results rows to analysis rows',
    matchQuestion: 'catalogue: matching quoted questions',
    decodeText: 'read: UTF-8 decoding',
    textToBlocks: 'read: text → blocks',
    walkTable: 'body walk: tables',
    walkText: 'body walk: paragraphs',
    safeParse: 'zod validation',
  };
  return {
    files: inputs.length,
    mb,
    mbPerCpuS: mb / (median(cpuMs) / 1000),
    mbPerS: mb / (median(extractMs) / 1000),
    stageMs: Object.fromEntries(STAGES.map((s) => [s, median(perStage[s])])) as Record<Stage, number>,
    extractMs: median(extractMs),
    inside: names.map((n) => ({ name: n, what: what[n] ?? n, share: prof.inclusive.get(n) ?? 0 })),
    self: prof.self,
  };
}

export function printText(r: TextBench): void {
  console.log(`  ${r.files} files, ${r.mb.toFixed(3)} MB; extract() end to end: ${r.extractMs.toFixed(1)} ms a pass, ${r.mbPerS.toFixed(2)} MB/s wall, ${r.mbPerCpuS.toFixed(2)} MB/s per core (CPU time)`);
  const sum = STAGES.reduce((a, s) => a + r.stageMs[s], 0);
  console.log(`  ${'stage'.padEnd(11)} ${'ms/pass'.padStart(8)}  share   MB/s`);
  for (const s of STAGES) {
    console.log(`  ${s.padEnd(11)} ${r.stageMs[s].toFixed(1).padStart(8)}  ${((100 * r.stageMs[s]) / sum).toFixed(1).padStart(5)} %  ${(r.mb / (r.stageMs[s] / 1000)).toFixed(1).padStart(6)}`);
  }
  console.log(`  ${'sum'.padEnd(11)} ${sum.toFixed(1).padStart(8)}  (extract() ${r.extractMs.toFixed(1)} ms: ${(r.extractMs / sum).toFixed(2)}× the staged sum)`);
  console.log('  inside the stages (inclusive share of the staged work, sampled):');
  for (const i of r.inside) console.log(`    ${i.what.padEnd(44)} ${(100 * i.share).toFixed(1).padStart(5)} %`);
  console.log(`  hottest functions (self): ${r.self.slice(0, 6).map(([k, v]) => `${k} ${(100 * v).toFixed(1)} %`).join(', ')}`);
}
