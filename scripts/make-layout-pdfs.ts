/**
 * Writes generated layout documents (test/_support/layouts) as text PDF
 * through LibreOffice, with the generator's expected output beside each:
 * fixtures/layout-pdf/SEED.pdf and SEED.expected.json. The PDF tests read
 * them, so CI (no soffice) tests the PDF reader on what LibreOffice writes.
 *
 *   npx tsx scripts/make-layout-pdfs.ts 20004 20009 20038 20076 91008 91039
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generate } from '../test/_support/layouts/generate.js';
import { docxToPdf, writeDocx } from '../test/_support/layouts/write-docx.js';

const seeds = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n));
if (seeds.length === 0) {
  console.error('usage: tsx scripts/make-layout-pdfs.ts SEED…');
  process.exit(2);
}
const dir = 'fixtures/layout-pdf';
mkdirSync(dir, { recursive: true });
const docs = seeds.map((s) => generate(s));
const pdfs = await docxToPdf(await Promise.all(docs.map(async (g) => ({ name: String(g.seed), docx: await writeDocx(g.blocks) }))));
for (const g of docs) {
  const pdf = pdfs.get(String(g.seed));
  if (!pdf) {
    console.error(`seed ${g.seed}: not converted`);
    process.exitCode = 1;
    continue;
  }
  writeFileSync(`${dir}/${g.seed}.pdf`, pdf);
  writeFileSync(`${dir}/${g.seed}.expected.json`, `${JSON.stringify({ seed: g.seed, phenomena: g.phenomena, expected: g.expected }, null, 1)}\n`);
  console.log(`${dir}/${g.seed}.pdf ${(pdf.length / 1024).toFixed(0)} KB, ${g.expected.entries.length} entries`);
}
