/**
 * Generate, write, extract and score: the loop shared by the property test
 * (test/ita/layouts.test.ts) and `npm run bench -- --only layouts`.
 */
import type { ItaDocument } from '../../../src/model/schema.js';
import { generate } from './generate.js';
import { type Tally, tallyDoc } from './score.js';
import type { GenDoc } from './types.js';
import { docxToPdf, writeDocx } from './write-docx.js';
import { htmlToPdfChromium } from './write-chromium.js';
import { writeHtml, writeText } from './write-text.js';
import { DROPS_SHADING, PRODUCER_EXT, type Producer, produce } from './write-producers.js';

/** pdf: printed by LibreOffice from the DOCX; chromium: printed by Chromium from the HTML (bench only, both). */
export type LayoutFormat = 'text' | 'html' | 'docx' | 'pdf' | 'chromium' | Producer;

type Extract = (input: Uint8Array | string, options: { fileName: string }) => Promise<ItaDocument>;

export interface LayoutRun {
  tallies: Map<string, Tally>;
  /** Documents per format actually scored (PDF conversion may leave some out). */
  counts: Record<Exclude<LayoutFormat, Producer>, number> & Partial<Record<Producer, number>>;
  /** Documents where extraction returned status "error". */
  errors: string[];
}

/** Each job's document generated from its seed, written in its format, extracted and scored. */
export async function runLayouts(
  extract: Extract,
  jobs: Array<{ seed: number; format: LayoutFormat }>,
  onDoc?: (g: GenDoc, format: LayoutFormat, doc: ItaDocument) => void,
  /** A folder keeping other producers' conversions between runs (write-producers.ts). */
  producerCache?: string,
): Promise<LayoutRun> {
  const tallies = new Map<string, Tally>();
  const counts: LayoutRun['counts'] = { text: 0, html: 0, docx: 0, pdf: 0, chromium: 0 };
  const errors: string[] = [];
  const docs = jobs.map((j) => ({ g: generate(j.seed), format: j.format }));
  const pdfWanted = docs.filter((d) => d.format === 'pdf');
  const pdfs =
    pdfWanted.length > 0
      ? await docxToPdf(await Promise.all(pdfWanted.map(async (d) => ({ name: d.g.id, docx: await writeDocx(d.g.blocks) }))))
      : new Map<string, Uint8Array>();
  const chromiumWanted = docs.filter((d) => d.format === 'chromium');
  const printed = chromiumWanted.length > 0 ? await htmlToPdfChromium(chromiumWanted.map((d) => d.g)) : new Map<string, Uint8Array>();
  // other producers' conversions, one batch per producer (LibreOffice is slow to start)
  const produced = new Map<string, Map<string, Uint8Array | string>>();
  for (const p of new Set(docs.map((d) => d.format).filter((f): f is Producer => f in PRODUCER_EXT))) {
    const wanted = docs.filter((d) => d.format === p && !(DROPS_SHADING.has(p) && d.g.phenomena.includes('period:shaded')));
    produced.set(p, await produce(p, wanted.map((d) => d.g), producerCache));
  }
  for (const { g, format } of docs) {
    // plain text has no cell shading: a shaded chart's periods cannot be written
    if (format === 'text' && g.phenomena.includes('period:shaded')) continue;
    let input: Uint8Array | string;
    if (format === 'text') input = writeText(g.blocks);
    else if (format === 'html') input = writeHtml(g.blocks);
    else if (format === 'docx') input = await writeDocx(g.blocks);
    else {
      const made = format === 'pdf' ? pdfs.get(g.id) : format === 'chromium' ? printed.get(g.id) : produced.get(format)?.get(g.id);
      if (made === undefined) continue;
      input = made;
    }
    const ext = format === 'text' ? 'txt' : format === 'chromium' ? 'pdf' : format in PRODUCER_EXT ? PRODUCER_EXT[format as Producer] : format;
    const doc = await extract(input, { fileName: `${g.id}.${ext}` });
    counts[format] = (counts[format] ?? 0) + 1;
    if (doc.status === 'error') errors.push(`${g.id}.${ext}: ${doc.error?.code}`);
    tallyDoc(tallies, ['all', `format:${format}`, ...g.phenomena, ...g.phenomena.map((p) => `${format}/${p}`)], doc, g.expected, format);
    onDoc?.(g, format, doc);
  }
  return { tallies, counts, errors };
}
