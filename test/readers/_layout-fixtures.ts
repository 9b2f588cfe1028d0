/**
 * Generated reports printed to PDF (fixtures/layout-pdf: SEED.pdf by
 * LibreOffice, SEED.chromium.pdf by Chromium; scripts/make-layout-pdfs.ts)
 * with the generator's expected output beside each, and their score.
 */
import { readFileSync } from 'node:fs';
import { extract } from '../../src/extract.js';
import { type Tally, figures, tallyDoc } from '../_support/layouts/score.js';
import type { ExpectedDoc } from '../_support/layouts/types.js';

const dir = new URL('../../fixtures/layout-pdf/', import.meta.url);

/** The PDF of `seed` as LibreOffice printed it, or as Chromium did (`writer` 'chromium'). */
export const layoutPdf = (seed: number, writer: 'libreoffice' | 'chromium' = 'libreoffice'): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`${seed}${writer === 'chromium' ? '.chromium' : ''}.pdf`, dir)));

export const layoutExpected = (seed: number): ExpectedDoc =>
  (JSON.parse(readFileSync(new URL(`${seed}.expected.json`, dir), 'utf8')) as { expected: ExpectedDoc }).expected;

/** extract() of the PDF scored against the expected output: entries expected, and the figures. */
export async function scoredLayout(seed: number, writer: 'libreoffice' | 'chromium' = 'libreoffice') {
  const tallies = new Map<string, Tally>();
  tallyDoc(tallies, ['all'], await extract(layoutPdf(seed, writer), { fileName: `${seed}.pdf` }), layoutExpected(seed));
  return { n: tallies.get('all')!.expected, f: figures(tallies.get('all')!) };
}
