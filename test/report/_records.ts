/**
 * Real records for the report tests: the fixtures run through the real
 * extract(), as the CLI would write them (one JSON object per document).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extractFile } from '../../src/extract.js';
import type { ItaDocument } from '../../src/model/schema.js';
import { fixturesDir } from '../_support/expected.js';

/** The text, HTML, Markdown and DOCX fixtures (not the expected files), plus error PDFs. */
export function fixturePaths(opts: { docx?: boolean; pdf?: boolean } = {}): string[] {
  const dirs = ['corpus', 'heldout', 'heldout2', ...(opts.docx === false ? [] : ['docx'])];
  const files = dirs.flatMap((d) =>
    readdirSync(`${fixturesDir}${d}`)
      .filter((f) => /\.(txt|md|html|docx)$/.test(f))
      .sort()
      .map((f) => `${fixturesDir}${d}/${f}`),
  );
  const pdf = opts.pdf === false ? [] : ['encrypted.pdf', 'corrupt.pdf'].map((f) => `${fixturesDir}pdf/${f}`);
  return [...files, ...pdf];
}

/** Extracted, then round-tripped through JSON as the JSONL output is. */
export async function fixtureRecords(opts: { docx?: boolean; pdf?: boolean } = {}): Promise<ItaDocument[]> {
  const out: ItaDocument[] = [];
  for (const p of fixturePaths(opts)) out.push(JSON.parse(JSON.stringify(await extractFile(p, { ocr: 'never' }))) as ItaDocument);
  return out;
}

/** A hand-checked expected file (fixtures/expected or a held-out set). */
export function expectedOf(rel: string): {
  organization: { name: string; kind: string; district: string | null; province: string | null } | null;
  fiscalYear: number | null;
  assessment: { year: number | null; overallScore: number | null; level: string | null };
} {
  return JSON.parse(readFileSync(`${fixturesDir}${rel}`, 'utf8'));
}
